from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import NOTE, SUMMARY, LineField, ProseField
from convener.meetings.models.status import MeetingStatus


class MeetingFormat(models.TextChoices):
    PANELS = "panels", _("Interactive panels")
    SIT_DOWN_LUNCH = "sit_down_lunch", _("Formal sit-down lunch")
    ROUNDTABLE = "roundtable", _("Roundtable")
    BRIEFING = "briefing", _("Briefing")
    OTHER = "other", _("Other")


class Meeting(models.Model):
    """One meeting of a series. An empty date, time, venue or room means "to be confirmed"."""

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
        help_text=_("For a meeting with one moderator throughout."),
    )
    co_organisers = models.ManyToManyField(
        "directory.Organisation", through="CoOrganiser", related_name="co_organised_meetings"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["series_id", "number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="meeting_number_unique")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in MeetingStatus.public()


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
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("co-chair")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "state"], name="co_chair_state_unique")
        ]

    def __str__(self) -> str:
        return str(self.state)
