"""Creating, using and revoking personal API tokens."""

from __future__ import annotations

import datetime
import logging
import secrets

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from convener.api.models import ApiToken, digest_of

logger = logging.getLogger(__name__)

# Marks the string as a Convener token, so secret scanners and people can tell it apart.
SECRET_PREFIX = "cvn_"  # noqa: S105 - a marker, not a secret
# How stale `last_used_at` may get: a busy script must not turn every read into a write.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def create_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token of `user` and its secret, which is never stored and never shown again."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), digest=digest_of(secret))
    token.clean_fields(exclude=["user", "digest"])  # the name: given, not too long
    with transaction.atomic():
        token.save()
        transaction.on_commit(lambda: logger.info("%s created API token %s", user, token.pk))
    return token, secret


def revoke_token(*, token: ApiToken, by: AbstractBaseUser) -> ApiToken:
    """Revoke the token for good; revoking it again changes nothing.

    Only the owner revokes a token: a user never sees another's tokens.
    """
    if token.user_id != by.pk:
        raise PermissionDenied("Only its owner may revoke a token.")
    if token.revoked_at is None:
        with transaction.atomic():
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            transaction.on_commit(lambda: logger.info("%s revoked API token %s", by, token.pk))
    return token


def note_use(*, token: ApiToken) -> None:
    """Remember when the token was last used, to the minute."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
