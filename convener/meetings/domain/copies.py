"""Starting a meeting, or a whole series, from an earlier one as a template.

A copy takes the shape of what was planned and none of what happened:

- the meeting's format and venue, its co-organisers, the States that
  co-chair it (the person representing each is to be confirmed), its
  concept-note sections, and its programme: each segment with its kind,
  title and time budget, and each part in it with the same person, role,
  order and speaking time, as not yet confirmed;
- never its record (statements from the floor, summaries), its status (a
  copy is a draft), its date and times (to be confirmed), nor its room,
  which is booked for a date.

A series copy is a new draft series with the template's convening group,
purpose, time zone, venue, default language, co-chair rule and
classification of States, concept note and reference documents, and a copy
of each of its meetings the user reads, in the same order. Its creator becomes its secretariat.

Rows are copied field by field, leaving out only what is named here, so a
field added to the programme later is carried over unless it belongs to
the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.meetings.domain.series import create_series
from convener.meetings.models import Meeting, MeetingStatus, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series

# What a copy never takes, beside the row's id and the link to its parent.
MEETING_LEFT_OUT = frozenset(
    {"number", "status", "date", "start_time", "end_time", "room", "summary", "updated_at"}
)
SEGMENT_LEFT_OUT = frozenset({"summary"})
PARTICIPATION_LEFT_OUT = frozenset({"confirmed_at"})
# A series copy starts with its facts of the new occasion to be given.
SERIES_COPIED = ("convening_group", "purpose", "timezone", "venue", "default_language")
SERIES_RULES = ("co_chair_balance", "classification_rule")


@acts("series.manage", on="series")
def meeting_from_template(
    *, template: Meeting, series: Series, by: AbstractUser, title: str = ""
) -> Meeting:
    """A new draft meeting of `series` in the shape of `template` (see the module)."""
    if not visible_meetings(by).filter(pk=template.pk).exists():
        raise PermissionDenied("meeting.view")
    Series.objects.select_for_update().filter(pk=series.pk).first()
    last = series.meetings.aggregate(last=Max("number"))["last"] or 0
    meeting = _copy(
        template,
        MEETING_LEFT_OUT,
        series=series,
        number=last + 1,
        status=MeetingStatus.DRAFT,
        title=title.strip() or template.title,
    )
    with audit.recorded_as_one(
        action=AuditAction.CREATED,
        target=_("Meeting %(number)s: %(title)s, from meeting %(template)s of %(series)s")
        % {
            "number": meeting.number,
            "title": meeting.title,
            "template": template.number,
            "series": template.series,
        },
    ) as scope:
        _check(meeting)
        meeting.save()
        scope["meeting"], scope["series"] = meeting, series
        _copy_plan(template, meeting)
    return meeting


@acts("series.create", on=None)
def series_from_template(*, template: Series, slug: str, title: str, by: AbstractUser) -> Series:
    """A new draft series in the shape of `template`, with a copy of each of its
    meetings the user reads (see the module)."""
    if not visible_series(by).filter(pk=template.pk).exists():
        raise PermissionDenied("series.view")
    fields = {name: getattr(template, name) for name in SERIES_COPIED}
    series = create_series(slug=slug, fields={**fields, "title": title}, by=by)
    with audit.recorded_as_one(
        action=AuditAction.CREATED,
        target=_("%(series)s: concept note, references and classification of %(template)s")
        % {"series": series, "template": template},
    ) as scope:
        scope["series"] = series
        for name in SERIES_RULES:
            setattr(series, name, getattr(template, name))
        series.save(update_fields=[*SERIES_RULES, "updated_at"])
        _copy_all(template.classifications.all(), series=series)
        _copy_all(template.sections.filter(meeting=None), series=series)
        _copy_all(template.references.all(), series=series)
    for meeting in visible_meetings(by).filter(series=template).order_by("number"):
        meeting_from_template(template=meeting, series=series, by=by)
    return series


def _copy_plan(template: Meeting, meeting: Meeting) -> None:
    """The template's co-organisers, co-chair States, concept note and programme."""
    _copy_all(template.co_organiser_links.all(), meeting=meeting)
    _copy_all(template.co_chairs.all(), meeting=meeting, person=None)
    _copy_all(template.sections.all(), meeting=meeting, series=meeting.series)
    for segment in template.segments.prefetch_related("participations"):
        copied = _copy(segment, SEGMENT_LEFT_OUT, meeting=meeting)
        copied.save()
        _copy_all(segment.participations.all(), PARTICIPATION_LEFT_OUT, segment=copied)


def _copy_all(
    rows: Iterable[models.Model], left_out: frozenset[str] = frozenset(), **changes: Any
) -> None:
    for row in rows:
        _copy(row, left_out, **changes).save()


def _copy(row: Any, left_out: frozenset[str], **changes: Any) -> Any:
    """An unsaved copy of `row`: its fields but the id and `left_out`, with `changes`."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in left_out and field.name not in changes
    }
    return type(row)(**values, **changes)


def _check(meeting: Meeting) -> None:
    try:
        meeting.full_clean(exclude=["series"], validate_unique=False)
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error
