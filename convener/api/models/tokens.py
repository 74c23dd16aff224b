"""Personal API tokens: the API's credentials, one per script or integration."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import LineField


def digest_of(secret: str) -> str:
    """The SHA-256 of a token's secret, which is all the database keeps of it.

    A token is 256 random bits, so a plain fast hash is enough: there is no
    dictionary to try, and looking the digest up costs one indexed query.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A token a user created to call the API as themselves.

    The secret is shown once, when the token is made; only its digest is
    stored, so a copy of the database opens nothing. A revoked token stays
    listed, so its owner can see when it was last used.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = LineField(
        _("name"), max_length=100, help_text=_("What the token is for: a script, an integration.")
    )
    digest = models.CharField(_("SHA-256 of the secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
