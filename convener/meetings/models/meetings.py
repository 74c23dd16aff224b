from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import NOTE, SUMMARY, LineField, ProseField
from convener.meetings.models.status import MeetingStatus
from convener.prose.links import validate_link


class MeetingFormat(models.TextChoices):
    PANELS = "panels", _("Interactive panels")
    SIT_DOWN_LUNCH = "sit_down_lunch", _("Formal sit-down lunch")
    ROUNDTABLE = "roundtable", _("Roundtable")
    BRIEFING = "briefing", _("Briefing")
    OTHER = "other", _("Other")


class OptionalFact(models.TextChoices):
    """The facts a meeting may have none of by design, as the data format names them.

    Each is known (it has a value), to be confirmed (empty) or not applicable:
    empty, and its flag `has_no_<fact>` set. Documents print "TBC" for the
    second and nothing for the third; the planning checks count only the
    second as open.
    """

    ROOM = "room", _("room")
    MODERATOR = "moderator", _("moderator")
    CO_ORGANISERS = "co_organisers", _("co-organisers")
    CO_CHAIRS = "co_chairs", _("co-chairs")

    @property
    def flag(self) -> str:
        """The meeting's field that says the fact is not applicable."""
        return f"has_no_{self.value}"


class PresidingRole(models.TextChoices):
    """What the person who leads a whole meeting is called in its documents."""

    MODERATOR = "moderator", _("Moderator")
    CHAIR = "chair", _("Chair")
    FACILITATOR = "facilitator", _("Facilitator")


class Meeting(models.Model):
    """One meeting of a series. An empty date, time, venue or room means "to be confirmed",
    unless its `has_no_…` flag says the meeting has none (`OptionalFact`)."""

    series = models.ForeignKey("meetings.Series", on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField(_("number"))
    title = LineField(_("title"), max_length=400)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(_("end"), null=True, blank=True)
    ends_next_day = models.BooleanField(
        _("ends after midnight"),
        default=False,
        help_text=_("Tick when the meeting runs past midnight: it ends the next day."),
    )
    venue = LineField(_("venue"), max_length=300, blank=True)
    room = LineField(_("room"), max_length=200, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.PANELS
    )
    format_note = ProseField(_("about the format"), max_length=NOTE, blank=True)
    summary = ProseField(
        _("executive summary"),
        max_length=SUMMARY,
        blank=True,
        help_text=_("Markdown: the rapporteur's overview; the report adds who took the floor."),
    )
    moderator = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderated_meetings",
        help_text=_("Who leads the whole meeting, when one person does throughout."),
    )
    moderator_role = models.CharField(
        _("leads the meeting as"),
        max_length=12,
        choices=PresidingRole.choices,
        default=PresidingRole.MODERATOR,
        help_text=_("How the documents name this person: moderator, chair or facilitator."),
    )
    co_organisers = models.ManyToManyField(
        "directory.Organisation", through="CoOrganiser", related_name="co_organised_meetings"
    )
    has_no_room = models.BooleanField(
        _("no room"),
        default=False,
        help_text=_("The meeting has no room of its own (online, or a whole venue)."),
    )
    has_no_moderator = models.BooleanField(
        _("no moderator"),
        default=False,
        help_text=_("The meeting is not moderated: no moderator is expected, of it or its panels."),
    )
    has_no_co_organisers = models.BooleanField(
        _("no co-organisers"),
        default=False,
        help_text=_("The meeting has no co-organisers: none is shown, not even “TBC”."),
    )
    has_no_co_chairs = models.BooleanField(
        _("no co-chairs"),
        default=False,
        help_text=_("The meeting has no co-chairs: none is shown, not even “TBC”."),
    )
    part_of = LineField(
        _("part of"),
        max_length=300,
        blank=True,
        help_text=_(
            "The larger event this meeting is one session of, such as a conference; "
            "leave empty for a meeting on its own."
        ),
    )
    part_of_link = models.URLField(
        _("link to the larger event"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("The larger event's own page, an http or https address."),
    )
    record_released_at = models.DateTimeField(
        _("record released"),
        null=True,
        blank=True,
        help_text=_(
            "When the rapporteur or the secretariat released the record: until then the "
            "statements and summaries stay in the workspace."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Held in other languages too (`convener.texts`); the versions go with the row.
    text_versions = GenericRelation("texts.TextVersion")
    translatable_fields = ("title",)

    class Meta:
        ordering = ["series_id", "number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="meeting_number_unique"),
            models.CheckConstraint(
                condition=models.Q(has_no_room=False) | models.Q(room=""),
                name="meeting_no_room_is_empty",
            ),
            models.CheckConstraint(
                condition=models.Q(has_no_moderator=False) | models.Q(moderator__isnull=True),
                name="meeting_no_moderator_is_empty",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def text_series(self) -> Any:
        return self.series

    @property
    def is_public(self) -> bool:
        return self.status in MeetingStatus.public()

    @property
    def not_applicable(self) -> list[str]:
        """The facts the meeting has none of by design, in `OptionalFact` order."""
        return [fact.value for fact in OptionalFact if getattr(self, fact.flag)]

    @property
    def record_is_released(self) -> bool:
        """Whether the public and the documents read the meeting's record."""
        return self.record_released_at is not None


class CoOrganiser(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="co_organiser_links"
    )
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("co-organiser")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organisation"], name="co_organiser_unique")
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class CoChair(models.Model):
    """A State co-chairing a meeting, and the person who represents it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="co_chairs")
    state = models.ForeignKey("directory.State", on_delete=models.PROTECT, related_name="co_chairs")
    person = models.ForeignKey(
        "directory.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="co_chairs",
    )
    named_formally = models.BooleanField(
        _("formal name"),
        default=False,
        help_text=_(
            "Documents name the State by its formal name, as in “Kingdom of the Netherlands”."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("co-chair")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "state"], name="co_chair_state_unique")
        ]

    def __str__(self) -> str:
        return str(self.state)


class Postponement(models.Model):
    """An earlier date of a meeting, kept when the meeting was postponed from it.

    The latest one is the date the public was last told ("postponed from
    13 July 2016"); together they are the meeting's history of dates.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="postponements")
    date = models.DateField(_("earlier date"))
    start_time = models.TimeField(_("earlier start"), null=True, blank=True)
    end_time = models.TimeField(_("earlier end"), null=True, blank=True)
    reason = LineField(_("reason"), max_length=300, blank=True)
    postponed_at = models.DateTimeField(_("postponed on"), auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "postponed_at", "pk"]
        verbose_name = _("postponement")

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.date:%Y-%m-%d}"
