"""Changing what the public reads, and keeping a version of each document it reads then.

The meetings app moves a meeting or a series from one status to the next
(`meetings.domain.workflow`); each function here takes that step and keeps a
version (`publishing.domain.versions`) of every document the step makes
public, in the same transaction:

- publishing a meeting keeps its concept note and programme, and the
  series' own, which list it;
- reporting a meeting keeps the series report;
- cancelling a meeting keeps its concept note and programme, which say so;
- publishing the series keeps every document the public can then read.

Nothing is kept while the series is a draft: its documents are kept the day
it is published. A document that has not changed since its last version
keeps no new one. The pages, the API and whoever else changes a status for
the public go through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.meetings.domain import workflow
from convener.meetings.models import Meeting, MeetingStatus, Series
from convener.meetings.queries.series import has_series_concept_note
from convener.publishing.domain.versions import publish_version

# A document of the series (meeting None) or of one of its meetings.
DocumentScope = tuple[str, int | None]


@acts("meeting.change_status", on="meeting")
def publish_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """`workflow.publish_meeting`, keeping what the public reads of the meeting now."""
    workflow.publish_meeting(meeting=meeting, by=by)
    _keep_published_meeting(meeting, by)
    return meeting


@acts("meeting.change_status", on="meeting")
def report_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """`workflow.report_meeting`, keeping the series report with the meeting's chapter."""
    workflow.report_meeting(meeting=meeting, by=by)
    _keep_reported_meeting(meeting, by)
    return meeting


@acts("meeting.cancel", on="meeting")
def cancel_meeting(*, meeting: Meeting, by: Any, reason: str = "") -> Meeting:
    """`workflow.cancel_meeting`, keeping the meeting's documents, which say it is cancelled."""
    workflow.cancel_meeting(meeting=meeting, by=by, reason=reason)
    _keep_versions(
        meeting.series,
        [("concept-note", meeting.number), ("programme", meeting.number)],
        by=by,
        note=_("Meeting %(number)s cancelled.") % {"number": meeting.number},
    )
    return meeting


@acts("series.manage", on="series")
def publish_series(*, series: Series, by: AbstractBaseUser) -> Series:
    """`workflow.publish_series`, keeping every document the public can now read."""
    workflow.publish_series(series=series, by=by)
    _keep_versions(series, _public_documents(series), by=by, note=_("Series published."))
    return series


@acts("meeting.change_status", on="meeting")
def change_meeting_status(
    *,
    meeting: Meeting,
    transition: str,
    by: AbstractBaseUser,
    force: bool = False,
    reason: str = "",
) -> Meeting:
    """`workflow.change_meeting_status`, keeping what the step makes public."""
    workflow.change_meeting_status(
        meeting=meeting, transition=transition, by=by, force=force, reason=reason
    )
    keep = _KEPT_AFTER.get(transition)
    if keep is not None:
        keep(meeting, by)
    return meeting


def _keep_published_meeting(meeting: Meeting, by: AbstractBaseUser) -> None:
    _keep_versions(
        meeting.series,
        [
            ("concept-note", meeting.number),
            ("programme", meeting.number),
            *_series_concept_note(meeting.series),
            ("programme", None),
        ],
        by=by,
        note=_("Meeting %(number)s published.") % {"number": meeting.number},
    )


def _keep_reported_meeting(meeting: Meeting, by: AbstractBaseUser) -> None:
    _keep_versions(
        meeting.series,
        [("report", None)],
        by=by,
        note=_("Meeting %(number)s reported.") % {"number": meeting.number},
    )


# The steps of `workflow.TRANSITIONS` that make documents public.
_KEPT_AFTER: dict[str, Callable[[Meeting, AbstractBaseUser], None]] = {
    "publish": _keep_published_meeting,
    "report": _keep_reported_meeting,
}


def _public_documents(series: Series) -> list[DocumentScope]:
    """Every document the public reads once the series is published."""
    meetings = list(
        series.meetings.filter(status__in=MeetingStatus.public())
        .order_by("number")
        .values_list("number", "status")
    )
    documents: list[DocumentScope] = _series_concept_note(series, public_meetings=len(meetings))
    if meetings:
        documents.append(("programme", None))
    for number, _status in meetings:
        documents += [("concept-note", number), ("programme", number)]
    if any(status == MeetingStatus.REPORTED for _number, status in meetings):
        documents.append(("report", None))
    return documents


def _series_concept_note(
    series: Series, *, public_meetings: int | None = None
) -> list[DocumentScope]:
    """The series' own concept note, if it has one for the public (`has_series_concept_note`)."""
    if public_meetings is None:
        public_meetings = series.meetings.filter(status__in=MeetingStatus.public()).count()
    has_text = series.sections.filter(meeting__isnull=True).exists()
    if has_series_concept_note(has_text=has_text, meetings=public_meetings):
        return [("concept-note", None)]
    return []


def _keep_versions(
    series: Series, documents: Iterable[DocumentScope], *, by: Any, note: str
) -> None:
    """Keep a version of each document, if the public can read it now."""
    if not series.is_published:
        return  # kept when the series is published
    for document, meeting_number in documents:
        publish_version(
            series=series, document=document, meeting_number=meeting_number, by=by, note=note
        )
