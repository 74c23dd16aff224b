from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The codes of the interface's languages (settings.LANGUAGES): "zh-hans", "fr"…
INTERFACE_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


class AccountSettings(models.Model):
    """What a signed-in user chose for themselves, whatever series they work on.

    Written by `convener.access.domain.accounts` only. A user who never chose
    anything has no row: the defaults hold.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_settings"
    )
    # Empty: the language the user's browser asks for (see `convener.server.language_choice`).
    language = models.CharField(
        _("interface language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )

    class Meta:
        verbose_name = _("account settings")
        verbose_name_plural = _("account settings")

    def __str__(self) -> str:
        return str(self.user)
