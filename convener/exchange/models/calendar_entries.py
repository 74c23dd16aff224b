from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarEntry(models.Model):
    """What subscribers were last given of one calendar event: its times and
    status, and the revision number (SEQUENCE) that RFC 5545 requires to grow
    whenever they change, so that calendar applications replace the event
    instead of keeping the old time."""

    key = models.CharField(_("event"), max_length=300, unique=True)
    schedule = models.CharField(_("times and status"), max_length=200)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    rescheduled_at = models.DateTimeField(_("times last changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")

    def __str__(self) -> str:
        return f"{self.key} ({self.sequence})"
