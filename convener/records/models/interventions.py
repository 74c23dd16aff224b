from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import SUMMARY, LineField, ProseField


class Capacity(models.TextChoices):
    """In what capacity someone took the floor."""

    NATIONAL = "national", _("National capacity")
    GROUP = "group", _("On behalf of a group of States")
    OFFICE = "office", _("As holder of an office")
    ORGANISATION = "organisation", _("For an organisation")
    PERSONAL = "personal", _("Individual capacity")


class InterventionKind(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    PRESENTATION = "presentation", _("Presentation")
    QUESTION = "question", _("Question")
    ANSWER = "answer", _("Answer")
    REMARKS = "remarks", _("Remarks")
    POINT_OF_ORDER = "point_of_order", _("Point of order")
    RIGHT_OF_REPLY = "right_of_reply", _("Right of reply")


class Intervention(models.Model):
    """One turn on the floor: who spoke, for whom, in what capacity, and what they said."""

    segment = models.ForeignKey(
        "meetings.Segment", on_delete=models.CASCADE, related_name="interventions"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=InterventionKind.choices,
        default=InterventionKind.STATEMENT,
    )
    speaker = models.ForeignKey(
        "directory.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
    )
    state = models.ForeignKey(
        "directory.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
    )
    state_group = models.ForeignKey(
        "directory.StateGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interventions",
    )
    capacity = models.CharField(_("capacity"), max_length=20, choices=Capacity.choices, blank=True)
    # Who spoke as the floor announced them, copied when the turn was given,
    # so that later changes to the directory do not rewrite what happened.
    speaker_name = LineField(
        _("name of the speaker at the time"),
        max_length=200,
        blank=True,
        help_text=_("As the chair announced the speaker."),
    )
    speaker_title = LineField(
        _("title of the speaker at the time"),
        max_length=300,
        blank=True,
        help_text=_("The speaker's office or position when they took the floor."),
    )
    # The code of the live floor's `Level` (the records sit below the floor
    # and keep the code as it was, whatever the list of levels becomes).
    speaker_level = LineField(
        _("level of representation at the time"),
        max_length=30,
        blank=True,
        help_text=_("The protocol level of the State's speaker, as the list of speakers had it."),
    )
    office = LineField(
        _("office held"),
        max_length=300,
        blank=True,
        help_text=_("For a speaker in the capacity of an office: co-facilitator of…, chair of…"),
    )
    summary = ProseField(_("summary"), max_length=SUMMARY, blank=True, help_text=_("Markdown."))
    points = models.JSONField(_("points and recommendations"), default=list, blank=True)
    references = models.JSONField(_("documents cited (UN symbols)"), default=list, blank=True)
    sdg_targets = models.JSONField(_("SDG targets cited"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Held in other languages too (`convener.texts`); the versions go with the row.
    text_versions = GenericRelation("texts.TextVersion")
    translatable_fields = ("summary",)

    class Meta:
        ordering = ["segment_id", "order", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker__isnull=False)
                | Q(state__isnull=False)
                | Q(state_group__isnull=False)
                | Q(organisation__isnull=False),
                name="intervention_has_speaker_or_delegation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker_label} — {self.segment}"

    @property
    def text_series(self) -> Any:
        return self.segment.meeting.series

    @property
    def anchor(self) -> str:
        """Where the statement is on its meeting's public page: the fragment
        every link to it ends with (search hits, the commitments tracker)."""
        return f"statement-{self.pk}"

    @property
    def delegation(self):
        """The State, group of States or organisation the speaker spoke for, if any."""
        return self.state_group or self.state or self.organisation

    @property
    def speaker_label(self) -> str:
        if self.speaker and self.delegation:
            return f"{self.speaker} ({self.delegation})"
        return str(self.speaker or self.delegation)
