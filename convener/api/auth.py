"""Who is calling: a personal token, else the Django session, else the public.

`Authorization: Bearer <token>` names a token from /api/tokens/. Without that
header a signed-in browser (the browsable docs at /api/docs) is its session's
user, and must then send the CSRF token with every write. Without either, the
caller reads what the public reads. A header that names no valid token is
refused, never taken for the public: a script with a revoked token must learn
of it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from convener.api.errors import ForbiddenError
from convener.api.models import ApiToken
from convener.api.queries.tokens import active_token
from convener.audit.actors import AnyUser

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# How stale `last_used_at` may get: a busy script must not turn every read into a write.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class BearerToken(HttpBearer):
    """The API's authentication; `permission`, when given, makes it required."""

    openapi_description = (
        "A personal API token, created at /api/tokens/. Read operations work without one "
        "and then show what the public sees."
    )
    # Read by ninja's docs page, which then sends the session's CSRF token.
    csrf = True

    def __init__(
        self, *, permission: Callable[[AnyUser], bool] | None = None, denied: str = ""
    ) -> None:
        self.permission = permission
        self.denied = denied or "You may not do this."
        super().__init__()

    def __call__(self, request: HttpRequest) -> AnyUser:
        user = self._caller(request)
        if self.permission is not None:
            if not user.is_authenticated:
                raise AuthenticationError(message="Send a token: Authorization: Bearer <token>.")
            if not self.permission(user):
                raise ForbiddenError(self.denied)
        return user

    def _caller(self, request: HttpRequest) -> AnyUser:
        header = request.headers.get(self.header)
        if header:
            scheme, _, secret = header.partition(" ")
            if scheme.lower() != "bearer" or not secret.strip():
                raise AuthenticationError(
                    message="Send the token as: Authorization: Bearer <token>."
                )
            return self.authenticate(request, secret.strip())
        user = request.user
        if user.is_authenticated:
            if request.method not in SAFE_METHODS and check_csrf(request):
                raise ForbiddenError("CSRF check failed: send the X-CSRFToken header.")
            return user
        return AnonymousUser()

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = active_token(token)
        if found is None:
            raise AuthenticationError(message="The token is unknown or revoked.")
        note_use(token=found)
        return found.user


def caller(request: HttpRequest) -> AnyUser:
    """The user an operation acts for, as `BearerToken` found them."""
    return request.auth  # type: ignore[attr-defined]


def note_use(*, token: ApiToken) -> None:
    """Remember when the token was last used, to the minute.

    Bookkeeping of the authentication, on every call with a token: no one's
    action, so it lives here rather than among the domain's state changes.
    """
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
