from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
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

    # Held in other languages too (`convener.texts`); the versions go with the row.
    text_versions = GenericRelation("texts.TextVersion")
    translatable_fields = ("title", "summary")

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

    @property
    def text_series(self) -> Any:
        return self.meeting.series


class ProgrammeRole(models.TextChoices):
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
    """A place in a segment: moderating, presenting, speaking.

    A place is held by a person of the directory, or, until the secretariat
    names that person, by an office ("Special Rapporteur on the human rights
    of migrants"), by an organisation ("a representative of UNHCR"), by both,
    or by no one known yet (to be confirmed). Naming the person replaces the
    office and the organisation: from then on the documents introduce the
    person as the directory describes them.
    """

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.PROTECT,
        related_name="participations",
        null=True,
        blank=True,
        help_text=_("Empty until the secretariat names the person."),
    )
    office = LineField(
        _("office"),
        max_length=300,
        blank=True,
        help_text=_(
            "For a place whose holder is not named yet: the office that holds it, "
            "such as “Special Rapporteur on the human rights of migrants”."
        ),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        help_text=_("For a place whose holder is not named yet: the organisation represented."),
    )
    role = models.CharField(_("role"), max_length=20, choices=ProgrammeRole.choices)
    capacity = LineField(
        _("capacity at the meeting"),
        max_length=300,
        blank=True,
        help_text=_(
            "A title the person holds at this meeting, not for life, such as “Chair of "
            "the Global Migration Group”: documents add it after their position."
        ),
    )
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
            # A person once per role in a segment; unnamed places may repeat
            # ("a representative of UNHCR" twice, two speakers to be confirmed).
            models.UniqueConstraint(
                fields=["segment", "person", "role"],
                condition=models.Q(person__isnull=False),
                name="participation_unique",
            ),
            # A named place is the person's alone: the office and the
            # organisation only stand in for a person not yet named.
            models.CheckConstraint(
                condition=models.Q(person__isnull=True)
                | models.Q(office="", organisation__isnull=True),
                name="participation_named_or_placeholder",
            ),
        ]

    def __str__(self) -> str:
        holder = self.person or self.office or self.organisation or _("to be confirmed")
        return f"{holder} ({self.get_role_display()})"
