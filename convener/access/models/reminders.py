from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpeakerReminder(models.Model):
    """An e-mail that reminded a speaker to confirm their parts in a series' programme.

    Written by `convener.access.domain.reminders` only; the latest one tells
    the secretariat when the speaker was last reminded.
    """

    series = models.ForeignKey(
        "meetings.Series", on_delete=models.CASCADE, related_name="speaker_reminders"
    )
    person = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, related_name="speaker_reminders"
    )
    email = models.EmailField(_("e-mail address"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("reminder to a speaker")

    def __str__(self) -> str:
        return f"{self.person} ({self.email})"
