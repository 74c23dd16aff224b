from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from ninja import Header, Path, Query, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import (
    NotFoundError,
    error_responses,
    meeting_or_404,
    rules_as_invalid_data,
)
from convener.api.interfaces.keys import MEETING_FIELDS, meeting_changes
from convener.api.interfaces.schemas.fields import MeetingNumber, SeriesSlug
from convener.api.interfaces.schemas.meetings import (
    MeetingChangesIn,
    MeetingDetailOut,
    MeetingFilters,
    MeetingOut,
)
from convener.api.interfaces.versions import (
    IF_MATCH,
    IF_MATCH_HELP,
    MEETING_VERSIONED,
    ensure_current,
    etag,
    meeting_version,
)
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import meeting_list
from convener.api.rules import refused_as
from convener.api.views.security import ANYONE, EDITOR, file_answer
from convener.audit.actors import AnyUser, require
from convener.exchange.interfaces.media_types import AKOMA_NTOSO
from convener.meetings.domain.meetings import update_meeting
from convener.meetings.domain.workflow import transition_to
from convener.meetings.models import Meeting
from convener.meetings.queries.meetings import meetings_for_page
from convener.publishing.domain.publication import change_meeting_status
from convener.records.queries.interventions import reads_record_of, withhold_unreleased_texts

router = Router(tags=["Meetings"])


@router.get(
    "/meetings",
    response={200: list[MeetingOut], **error_responses(400, 401)},
    summary="List meetings",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]):
    return meeting_list(caller(request), **filters.dict())


@router.get(
    "/meetings/{series}/{number}",
    response={200: MeetingDetailOut, **error_responses(400, 401, 404)},
    summary="Read a meeting with its co-organisers, co-chairs and programme",
    openapi_extra=ANYONE,
)
def get_meeting(
    request: HttpRequest,
    response: HttpResponse,
    series: Path[SeriesSlug],
    number: Path[MeetingNumber],
) -> Meeting:
    user = caller(request)
    meeting = _meeting(user, series, number)
    response["ETag"] = etag(meeting_version(meeting))
    return withhold_unreleased_texts(meeting, user=user)


@router.patch(
    "/meetings/{series}/{number}",
    auth=EDITOR,
    response={200: MeetingDetailOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Change a meeting's facts",
)
def patch_meeting(
    request: HttpRequest,
    response: HttpResponse,
    series: Path[SeriesSlug],
    number: Path[MeetingNumber],
    payload: MeetingChangesIn,
    if_match: str = Header(..., alias=IF_MATCH, description=IF_MATCH_HELP),
) -> Meeting:
    user = caller(request)
    meeting = _meeting(user, series, number)
    with refused_as("Your role does not change this meeting."):
        require(user, "meeting.manage", meeting)
    changes = meeting_changes(payload.dict(exclude_unset=True))
    status = changes.pop("status", meeting.status)
    fields = {model: api for api, model in MEETING_FIELDS.items()}
    # The facts first, so that a new date counts when the status step checks it.
    with transaction.atomic(), rules_as_invalid_data(fields=fields):
        ensure_current(
            meeting,
            fields=MEETING_VERSIONED,
            if_match=if_match,
            sent=payload.model_dump(mode="json", exclude_unset=True),
            stored=lambda: _as_shown(user, series, number),
        )
        meeting.refresh_from_db()
        update_meeting(meeting=meeting, changes=changes, by=user)
        if status != meeting.status:
            step = transition_to(meeting, status)
            change_meeting_status(meeting=meeting, transition=step, by=user)
    changed = _meeting(user, series, number)
    response["ETag"] = etag(meeting_version(changed))
    return changed


@router.get(
    "/meetings/{series}/{number}/akoma-ntoso",
    response=error_responses(400, 401, 404),
    summary="Read a meeting's record as an Akoma Ntoso debate (XML)",
    openapi_extra=file_answer(AKOMA_NTOSO, "The record as an Akoma Ntoso 3.0 debate."),
)
def get_meeting_akoma_ntoso(
    request: HttpRequest, series: Path[SeriesSlug], number: Path[MeetingNumber]
) -> HttpResponse:
    user = caller(request)
    meeting = _meeting(user, series, number)
    if not reads_record_of(user, meeting):
        raise NotFoundError(f"The record of meeting {number} is not released.")
    base_url = request.build_absolute_uri("/").rstrip("/")
    # The writer and lxml are loaded by the first request for a record (media_types).
    from convener.exchange.interfaces.akoma_ntoso import meeting_debate

    content = meeting_debate(meeting, user=user, base_url=base_url)
    return HttpResponse(content, content_type=AKOMA_NTOSO)


def _as_shown(user: AnyUser, series: str, number: int) -> dict[str, object]:
    """The meeting as a GET shows it now."""
    shown = MeetingDetailOut.from_orm(_meeting(user, series, number))
    return shown.model_dump(mode="json")


def _meeting(user: AnyUser, series: str, number: int) -> Meeting:
    meeting = meeting_or_404(meetings_for_page(user), series, number)
    prefetch_related_objects(
        [meeting], "text_versions", "sections__text_versions", "segments__text_versions"
    )
    return meeting
