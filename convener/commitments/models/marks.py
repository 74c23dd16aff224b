"""A point of a statement marked as a recommendation or a commitment, and
how a commitment has fared since."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import NOTE, POINT, LineField, ProseField

# "by 2018", "before the next Global Forum": what a speaker said of the date.
DEADLINE_WORDS = 100


class MarkKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    COMMITMENT = "commitment", _("Commitment")
    # Looked at and set aside: the suggestion is not shown again.
    NEITHER = "neither", _("Neither")


class UnitSource(models.TextChoices):
    """Where the marked text sits in the statement."""

    POINT = "point", _("Point")
    SENTENCE = "sentence", _("Sentence of the summary")


class TrackStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    UNDER_WAY = "under_way", _("Under way")
    DELIVERED = "delivered", _("Delivered")
    DROPPED = "dropped", _("Dropped")


class Mark(models.Model):
    """The rapporteur's (or secretariat's) decision on one point of a statement,
    or one sentence of its summary when it has no points. A commitment names
    who commits (a State, an organisation or a person), to what, by when."""

    intervention = models.ForeignKey(
        "records.Intervention", on_delete=models.CASCADE, related_name="marks"
    )
    source = models.CharField(_("source"), max_length=10, choices=UnitSource.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    # The text as it was when marked: a point rewritten later shows as changed.
    excerpt = ProseField(_("text marked"), max_length=POINT)
    kind = models.CharField(_("kind"), max_length=20, choices=MarkKind.choices)
    author_state = models.ForeignKey(
        "directory.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    what = ProseField(_("what"), max_length=POINT, blank=True)
    due_date = models.DateField(_("due by (date)"), null=True, blank=True)
    due_words = LineField(
        _("due by (in words)"),
        max_length=DEADLINE_WORDS,
        blank=True,
        help_text=_("As the speaker put it: “by 2018”, “before the next meeting”."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TrackStatus.choices,
        default=TrackStatus.ANNOUNCED,
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [
            "intervention__segment__meeting__number",
            "intervention_id",
            "source",
            "position",
        ]
        verbose_name = _("mark")
        verbose_name_plural = _("marks")
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "source", "position"], name="one_mark_per_unit"
            ),
            models.CheckConstraint(
                condition=Q(author_state__isnull=True)
                | (Q(author_organisation__isnull=True) & Q(author_person__isnull=True)),
                name="mark_has_at_most_one_author",
            ),
            models.CheckConstraint(
                condition=Q(author_organisation__isnull=True) | Q(author_person__isnull=True),
                name="mark_author_is_one_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.what or self.excerpt}"

    # The meeting the mark belongs to, so that the permissions (`access.scope`)
    # and the audit log find its series as they do for any row of the records.
    @property
    def meeting_id(self) -> int:
        return self.intervention.segment.meeting_id

    @property
    def meeting(self):
        return self.intervention.segment.meeting

    @property
    def author(self):
        """Who committed or recommended: a State, an organisation or a person."""
        return self.author_state or self.author_organisation or self.author_person

    @property
    def due(self) -> str:
        """When it is due, as a date or in the speaker's words."""
        if self.due_date:
            return self.due_date.isoformat()
        return self.due_words

    @property
    def anchor(self) -> str:
        """The statement's anchor in its meeting's pages."""
        return self.intervention.anchor


class StatusNote(models.Model):
    """A dated change of a commitment's status, with who made it and why."""

    mark = models.ForeignKey(Mark, on_delete=models.CASCADE, related_name="notes")
    status = models.CharField(_("status"), max_length=20, choices=TrackStatus.choices)
    text = ProseField(_("note"), max_length=NOTE, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = LineField(_("changed by"), max_length=200, blank=True)
    # Set when the status changes; an import gives the date the file holds.
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["mark_id", "at", "pk"]
        verbose_name = _("status note")
        verbose_name_plural = _("status notes")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.at:%Y-%m-%d})"

    @property
    def meeting_id(self) -> int:
        return self.mark.meeting_id
