"""Limits on how often one address may try to sign in or ask for a password reset.

django-axes pauses sign-in per user name and address after five wrong
passwords; alone, that lets one address try one password on each of any
number of user names. It compares one count with one limit, so the handler
below adds the address's failures over all user names, scaled so that they
reach axes' limit at `CONVENER_SIGN_IN_FAILURES_PER_ADDRESS`.
"""

from __future__ import annotations

import hashlib

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpRequest


class AddressLimitedHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        per_user_name = super().get_failures(request, credentials)
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
            attempt_time__gte=get_cool_off_threshold(request),
        )
        per_address = recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
        limit = settings.AXES_FAILURE_LIMIT
        return max(
            per_user_name, per_address * limit // settings.CONVENER_SIGN_IN_FAILURES_PER_ADDRESS
        )


def within_limit(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one use of `scope` by `key`: False once it has been used more than
    `limit` times in a window of `seconds` that starts with the first use.

    The count lives in the shared cache (Redis with several processes); the
    key is hashed, so that no e-mail address is stored in it as written.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()
    counter = f"throttle:{scope}:{digest}"
    cache.add(counter, 0, timeout=seconds)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between the two calls
        cache.set(counter, 1, timeout=seconds)
        count = 1
    return count <= limit
