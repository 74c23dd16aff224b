from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Turn(models.Model):
    """The floor given to an inscription, with its speaking timer.

    A point of order interrupts a turn rather than ending it: the turn is set
    aside (`interrupted_at`) with its timer paused, and resumes with the time
    it had left once the point of order is dealt with, so the record keeps one
    intervention for the whole statement.

    The timer is kept as timestamps, never as a counter a process holds, so a
    restarted server resumes it: while it runs, `running_since` is the moment
    it would have started had it never paused (so the time spoken is now minus
    `running_since`); while it is paused, `running_since` is empty and
    `elapsed` holds the time spoken.
    """

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="turns")
    inscription = models.OneToOneField(
        "live.Inscription", on_delete=models.CASCADE, related_name="turn"
    )
    segment = models.ForeignKey("meetings.Segment", on_delete=models.CASCADE, related_name="+")
    intervention = models.OneToOneField(
        "records.Intervention",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="turn",
    )
    limit = models.PositiveIntegerField(_("time limit (seconds)"))
    running_since = models.DateTimeField(null=True, blank=True)
    elapsed = models.FloatField(_("time spoken (seconds)"), default=0)
    given_at = models.DateTimeField(_("given at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    interrupted_at = models.DateTimeField(
        _("interrupted at"),
        null=True,
        blank=True,
        help_text=_("Set while a point of order interrupts the turn, which then resumes."),
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["meeting_id", "given_at", "pk"]
        verbose_name = _("turn on the floor")
        verbose_name_plural = _("turns on the floor")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(ended_at__isnull=True, interrupted_at__isnull=True),
                name="one_turn_at_a_time",
            ),
            # A point of order interrupts one turn; a point of order on it does not nest.
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(ended_at__isnull=True, interrupted_at__isnull=False),
                name="one_interrupted_turn_at_a_time",
            ),
        ]

    def __str__(self) -> str:
        return str(self.inscription)

    @property
    def running(self) -> bool:
        return self.running_since is not None
