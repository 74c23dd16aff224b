"""The life of a meeting and of its series: draft → published → held → reported.

The rules, in one place:

- A meeting moves one step at a time. Two steps can be undone: a published
  meeting that has not been held returns to draft (`unpublish_meeting`), and
  a reported meeting is reopened to correct its record (`reopen_meeting`).
  A held meeting does not return to "published": it took place.
- A meeting may be published while its series is still a draft. The public
  reads a meeting only inside a published series (`queries.visibility`), so
  the meeting is ready and appears the day the series is published; the
  secretariat can prepare the whole series and open it at once.
- A meeting is marked held on or after its date, in the series' time zone.
  Before it, or while the date is to be confirmed, only when forced: the
  secretariat knows better than the calendar (a date typed wrongly).
- A series returns to draft only while none of its meetings has been held:
  the record of a meeting that took place stays public.
- "Reported" is final: the programme (segments, participations,
  co-organisers, co-chairs, the meeting's facts) and the record
  (interventions, summaries) of a reported meeting change for no one, the
  secretariat included, and its live floor is closed. The permissions say so
  (`access.rules.meeting_is_open_for_changes`) and every domain function
  that changes those rows checks it again (`ensure_open_for_changes`). The
  secretariat reopens the meeting, with a reason the audit log keeps, to
  correct it; reporting it again keeps a new version of the report.
- A published meeting that will not take place is cancelled
  (`cancel_meeting`): the public still reads it, marked cancelled, and its
  live floor is closed. It is reinstated (`reinstate_meeting`) if it takes
  place after all. A draft is deleted instead (`meetings.domain.life`).

Each change writes one "status" entry in the audit log, as made by `by`, who
holds the permission the step needs (`meeting.change_status`,
`meeting.cancel`, `series.manage`). Keeping a version of what becomes public
sits above, in the publishing app (`publishing.domain.publication`): the
pages and the API change a status through it.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.meetings.domain.revision import record_change
from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class MeetingIsReported(PermissionDenied):
    """A change to a meeting that is reported: its programme and record are final."""

    def __init__(self) -> None:
        super().__init__(reported_refusal())


def reported_refusal() -> str:
    """What a refused change to a reported meeting is told."""
    return _(
        "This meeting is reported: its programme and record are final. "
        "The secretariat of the series can reopen it."
    )


def is_reported(meeting: Meeting) -> bool:
    return bool(meeting.status == MeetingStatus.REPORTED)


def ensure_open_for_changes(meeting: Meeting) -> None:
    """Refuse any change to the programme or the record of a reported meeting."""
    if is_reported(meeting):
        raise MeetingIsReported()


class MeetingIsCancelled(PermissionDenied):
    """An action on the live floor of a cancelled meeting."""

    def __init__(self) -> None:
        super().__init__(_("This meeting is cancelled: its floor is closed."))


def is_cancelled(meeting: Meeting) -> bool:
    return bool(meeting.status == MeetingStatus.CANCELLED)


def lock_open_floor(meeting_id: int) -> None:
    """`lock_open_meeting` for the live floor, which a cancelled meeting closes too."""
    meeting = Meeting.objects.select_for_update().only("status").get(pk=meeting_id)
    ensure_open_for_changes(meeting)
    if is_cancelled(meeting):
        raise MeetingIsCancelled()


def lock_open_meeting(meeting_id: int) -> None:
    """Hold the meeting's row until the transaction ends, and refuse the change
    if the meeting is reported: the status is read under the lock, so a report
    made meanwhile counts. Call inside `transaction.atomic`."""
    ensure_open_for_changes(Meeting.objects.select_for_update().only("status").get(pk=meeting_id))


@acts("meeting.change_status", on="meeting")
def publish_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """Draft → published: the public reads the meeting (once its series is published)."""
    _move(meeting, source=MeetingStatus.DRAFT, target=MeetingStatus.PUBLISHED)
    return meeting


@acts("meeting.change_status", on="meeting")
def unpublish_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """Published → draft: the meeting leaves the public site until published again."""
    _move(meeting, source=MeetingStatus.PUBLISHED, target=MeetingStatus.DRAFT)
    return meeting


@acts("meeting.change_status", on="meeting")
def mark_meeting_held(*, meeting: Meeting, by: AbstractBaseUser, force: bool = False) -> Meeting:
    """Published → held, on or after the meeting's date unless `force`."""
    _move(
        meeting,
        source=MeetingStatus.PUBLISHED,
        target=MeetingStatus.HELD,
        rule=None if force else _check_date_has_come,
    )
    return meeting


@acts("meeting.change_status", on="meeting")
def report_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """Held → reported: the meeting's chapter of the report is final.

    Reporting releases the record if nobody did before: the secretariat that
    reports the meeting has reviewed it, and a reported chapter without its
    statements would say nobody took the floor.
    """
    _move(meeting, source=MeetingStatus.HELD, target=MeetingStatus.REPORTED)
    _release_record(meeting)
    return meeting


@acts("meeting.release_record", on="meeting")
def mark_record_released(*, meeting: Meeting, by: AbstractBaseUser) -> bool:
    """Release the meeting's record, unless it is released already; whether it was
    released now. Locks the meeting's row until the caller's transaction ends
    (`records.domain.release.release_record`)."""
    return _release_record(meeting)


def _release_record(meeting: Meeting) -> bool:
    locked = Meeting.objects.select_for_update().only("record_released_at").get(pk=meeting.pk)
    if locked.record_released_at is not None:
        meeting.record_released_at = locked.record_released_at
        return False
    now = timezone.now()
    # `update` sends no signal: one "status" entry instead of a row change.
    Meeting.objects.filter(pk=meeting.pk).update(record_released_at=now, updated_at=now)
    record_change()
    meeting.record_released_at = now
    audit.record(
        action=AuditAction.STATUS,
        meeting=meeting,
        instance=meeting,
        changes={"record": ["internal", "released"]},
    )
    return True


@acts("meeting.change_status", on="meeting")
def reopen_meeting(*, meeting: Meeting, by: AbstractBaseUser, reason: str) -> Meeting:
    """Reported → held, for a reason the audit log keeps: the programme or the
    record is corrected, then the meeting is reported again."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Say why the meeting is reopened: the audit log keeps the reason.")}
        )
    _move(
        meeting,
        source=MeetingStatus.REPORTED,
        target=MeetingStatus.HELD,
        noted={"reason": reason},
    )
    return meeting


@acts("meeting.cancel", on="meeting")
def cancel_meeting(*, meeting: Meeting, by: Any, reason: str = "") -> Meeting:
    """Published → cancelled: the meeting will not take place. The public reads
    it as cancelled, calendars mark its event cancelled, its floor is closed;
    `reason`, if given, goes into the audit log."""
    # The site administrator holds every permission, a reported meeting's too.
    ensure_open_for_changes(meeting)
    _move(
        meeting,
        source=MeetingStatus.PUBLISHED,
        target=MeetingStatus.CANCELLED,
        noted={"reason": reason.strip()} if reason.strip() else None,
    )
    return meeting


@acts("meeting.change_status", on="meeting")
def reinstate_meeting(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """Cancelled → published: the meeting takes place after all."""
    _move(meeting, source=MeetingStatus.CANCELLED, target=MeetingStatus.PUBLISHED)
    return meeting


@acts("series.manage", on="series")
def publish_series(*, series: Series, by: AbstractBaseUser) -> Series:
    """Draft → published: the public reads the series and its published meetings."""
    _move_series(series, source=SeriesStatus.DRAFT, target=SeriesStatus.PUBLISHED)
    return series


@acts("series.manage", on="series")
def unpublish_series(*, series: Series, by: AbstractBaseUser) -> Series:
    """Published → draft, while none of its meetings has been held."""
    if series.meetings.filter(status__in=(MeetingStatus.HELD, MeetingStatus.REPORTED)).exists():
        raise ValidationError(
            {
                "status": _(
                    "Meetings of this series have been held: their record stays public, "
                    "so the series stays published."
                )
            }
        )
    _move_series(series, source=SeriesStatus.PUBLISHED, target=SeriesStatus.DRAFT)
    return series


@dataclass(frozen=True)
class Transition:
    """A step of a meeting's life, as its status page offers it."""

    name: str
    source: str
    target: str
    label: StrOrPromise
    change: Callable[..., Meeting]
    # Whether the step can be forced past its rule (marking held before the date).
    forcible: bool = False
    # Whether the step needs a reason, which the audit log keeps (reopening).
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    transition.name: transition
    for transition in (
        Transition(
            "publish",
            MeetingStatus.DRAFT,
            MeetingStatus.PUBLISHED,
            gettext_lazy("Publish"),
            publish_meeting,
        ),
        Transition(
            "unpublish",
            MeetingStatus.PUBLISHED,
            MeetingStatus.DRAFT,
            gettext_lazy("Return to draft"),
            unpublish_meeting,
        ),
        Transition(
            "hold",
            MeetingStatus.PUBLISHED,
            MeetingStatus.HELD,
            gettext_lazy("Mark as held"),
            mark_meeting_held,
            forcible=True,
        ),
        Transition(
            "report",
            MeetingStatus.HELD,
            MeetingStatus.REPORTED,
            gettext_lazy("Mark as reported"),
            report_meeting,
        ),
        Transition(
            "reopen",
            MeetingStatus.REPORTED,
            MeetingStatus.HELD,
            gettext_lazy("Reopen the meeting"),
            reopen_meeting,
            needs_reason=True,
        ),
        # Cancelling has a page of its own (`manage.views.life`), which asks
        # for confirmation; taking it back is one step.
        Transition(
            "reinstate",
            MeetingStatus.CANCELLED,
            MeetingStatus.PUBLISHED,
            gettext_lazy("Reinstate the meeting"),
            reinstate_meeting,
        ),
    )
}


def transitions_from(meeting: Meeting) -> list[Transition]:
    """The steps the meeting can take from its status now."""
    return [t for t in TRANSITIONS.values() if t.source == meeting.status]


@acts("meeting.change_status", on="meeting")
def change_meeting_status(
    *,
    meeting: Meeting,
    transition: str,
    by: AbstractBaseUser,
    force: bool = False,
    reason: str = "",
) -> Meeting:
    """Take the named step (a key of TRANSITIONS); `force` only where it is
    forcible, `reason` only where the step needs one."""
    step = TRANSITIONS.get(transition)
    if step is None:
        raise ValidationError({"transition": _("There is no such step.")})
    if step.needs_reason:
        return step.change(meeting=meeting, by=by, reason=reason)
    if step.forcible:
        return step.change(meeting=meeting, by=by, force=force)
    return step.change(meeting=meeting, by=by)


def transition_to(meeting: Meeting, status: str) -> str:
    """The name of the step that takes the meeting from its status to `status`."""
    for transition in transitions_from(meeting):
        if transition.target == status:
            return transition.name
    raise ValidationError(
        {
            "status": _("A meeting that is %(current)s cannot become %(target)s directly.")
            % {
                "current": MeetingStatus(meeting.status).label,
                "target": MeetingStatus(status).label,
            }
        }
    )


def local_today(series: Series) -> datetime.date:
    """Today's date where the series meets."""
    try:
        zone: datetime.tzinfo = zoneinfo.ZoneInfo(series.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return timezone.now().astimezone(zone).date()


def _check_date_has_come(meeting: Meeting) -> None:
    if meeting.date is None:
        raise ValidationError(
            {
                "date": _(
                    "The date is still to be confirmed: confirm it, or mark the meeting "
                    "as held all the same."
                )
            }
        )
    if meeting.date > local_today(meeting.series):
        raise ValidationError(
            {
                "date": _(
                    "The meeting's date has not come yet: mark it as held all the same "
                    "only if it took place."
                )
            }
        )


def _move(
    meeting: Meeting,
    *,
    source: str,
    target: str,
    rule: Callable[[Meeting], None] | None = None,
    noted: dict[str, str] | None = None,
) -> None:
    """Change the status from `source` to `target`, once `rule` (if any) lets it;
    `noted` goes into the audit entry beside the change of status. The row stays
    locked until the acting function's transaction ends."""
    current = Meeting.objects.select_for_update().values_list("status", flat=True)
    status = current.get(pk=meeting.pk)
    if status != source:
        raise ValidationError({"status": _wrong_status(status, MeetingStatus, source)})
    if rule is not None:
        rule(meeting)
    # One "status" entry in the audit log rather than a row change too:
    # `update` sends no signal, so the content revision is raised here.
    Meeting.objects.filter(pk=meeting.pk).update(status=target, updated_at=timezone.now())
    record_change()
    meeting.status = target
    audit.record(
        action=AuditAction.STATUS,
        meeting=meeting,
        instance=meeting,
        changes={"status": [source, target], **(noted or {})},
    )


def _move_series(series: Series, *, source: str, target: str) -> None:
    current = Series.objects.select_for_update().values_list("status", flat=True)
    status = current.get(pk=series.pk)
    if status != source:
        raise ValidationError({"status": _wrong_status(status, SeriesStatus, source)})
    Series.objects.filter(pk=series.pk).update(status=target, updated_at=timezone.now())
    record_change()
    series.status = target
    audit.record(
        action=AuditAction.STATUS,
        series=series,
        instance=series,
        changes={"status": [source, target]},
    )


def _wrong_status(status: str, statuses: Any, expected: str) -> str:
    return _("This step starts from “%(expected)s”, and the status is “%(status)s” now.") % {
        "expected": statuses(expected).label,
        "status": statuses(status).label,
    }
