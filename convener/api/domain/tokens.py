"""Creating and revoking personal API tokens (noting their use is the
authentication's bookkeeping: `convener.api.auth`)."""

from __future__ import annotations

import logging
import secrets

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from convener.api.models import ApiToken, digest_of
from convener.audit.actors import acts

logger = logging.getLogger(__name__)

# Marks the string as a Convener token, so secret scanners and people can tell it apart.
SECRET_PREFIX = "cvn_"  # noqa: S105 - a marker, not a secret


@acts("api.create_token", on="by")
def create_token(*, name: str, by: User) -> tuple[ApiToken, str]:
    """A new token of `by` and its secret, which is never stored and never shown again."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=by, name=name.strip(), digest=digest_of(secret))
    token.clean_fields(exclude=["user", "digest"])  # the name: given, not too long
    token.save()
    transaction.on_commit(lambda: logger.info("%s created API token %s", by, token.pk))
    return token, secret


@acts("api.revoke_token", on="token")
def revoke_token(*, token: ApiToken, by: AbstractBaseUser) -> ApiToken:
    """Revoke the token for good; revoking it again changes nothing.

    Only the owner revokes a token: a user never sees another's tokens.
    """
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        transaction.on_commit(lambda: logger.info("%s revoked API token %s", by, token.pk))
    return token
