from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import SECTION, LineField, ProseField


class SegmentKind(models.TextChoices):
    OPENING_REMARKS = "opening_remarks", _("Opening remarks")
    PANEL = "panel", _("Panel")
    INTERACTIVE_DEBATE = "interactive_debate", _("Interactive debate")
    NEXT_STEPS = "next_steps", _("Next steps")
    CONCLUDING_REMARKS = "concluding_remarks", _("Concluding remarks")
    DISCUSSION = "discussion", _("Discussion")


class Segment(models.Model):
    """A part of a meeting's programme."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="segments"
    )
    key = models.SlugField(_("key"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=SegmentKind.choices)
    title = LineField(_("title"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    duration = models.PositiveSmallIntegerField(_("time budget (minutes)"), null=True, blank=True)
    summary = ProseField(
        _("summary"),
        max_length=SECTION,
        blank=True,
        help_text=_("Markdown: the rapporteur's account of the segment."),
    )

    class Meta:
        ordering = ["meeting_id", "order", "pk"]
        verbose_name = _("programme segment")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="segment_key_unique")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        return self.title or str(self.get_kind_display())


class Role(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")
    SPEAKER = "speaker", _("Speaker")
    DISCUSSANT = "discussant", _("Discussant")
    CO_CHAIR = "co_chair", _("Co-chair")
    CHAIR = "chair", _("Chair")
    FACILITATOR = "facilitator", _("Facilitator")

    @classmethod
    def presiding(cls) -> frozenset[str]:
        """The roles that lead a segment, which the programme names before the person."""
        return frozenset({cls.MODERATOR, cls.CHAIR, cls.FACILITATOR})


class Participation(models.Model):
    """A person's part in a segment: moderating, presenting, speaking."""

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    speaking_time = models.PositiveSmallIntegerField(
        _("speaking time (minutes)"), null=True, blank=True
    )
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        null=True,
        blank=True,
        help_text=_("When the speaker confirmed taking part."),
    )

    class Meta:
        ordering = ["segment_id", "order", "pk"]
        verbose_name = _("participation")
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "person", "role"], name="participation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
