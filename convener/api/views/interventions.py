from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Header, Path, Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from convener.api.auth import caller
from convener.api.errors import (
    InvalidParametersError,
    error_responses,
    get_or_404,
    meeting_or_404,
    rules_as_invalid_data,
)
from convener.api.interfaces.keys import INTERVENTION_FIELDS, intervention_changes
from convener.api.interfaces.schemas.fields import MeetingNumber, RowId, SeriesSlug
from convener.api.interfaces.schemas.interventions import (
    InterventionChangesIn,
    InterventionFilters,
    InterventionIn,
    InterventionOut,
)
from convener.api.interfaces.versions import (
    IF_MATCH,
    IF_MATCH_HELP,
    INTERVENTION_VERSIONED,
    ensure_current,
    etag,
    intervention_version,
)
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import intervention_list
from convener.api.rules import refused_as
from convener.api.views.security import ANYONE, EDITOR
from convener.audit.actors import require
from convener.meetings.queries.visibility import visible_meetings
from convener.records.domain.interventions import record_intervention, update_intervention
from convener.records.models import Intervention
from convener.records.queries.interventions import floor_turns

RECORDS_DENIED = "Your role does not change the records of this meeting."

router = Router(tags=["Interventions"])

API_NAMES = {model: api for api, model in INTERVENTION_FIELDS.items()}


@router.get(
    "/interventions",
    response={200: list[InterventionOut], **error_responses(400, 401)},
    summary="List turns on the floor",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_interventions(request: HttpRequest, filters: Query[InterventionFilters]):
    if filters.meeting is not None and not filters.series:
        raise InvalidParametersError(
            "A meeting is known by its series and number.",
            details=[{"location": "query", "field": "series", "message": "Needed with meeting."}],
        )
    return intervention_list(caller(request), **filters.dict())


@router.get(
    "/interventions/{intervention_id}",
    response={200: InterventionOut, **error_responses(400, 401, 404)},
    summary="Read a turn on the floor",
    openapi_extra=ANYONE,
)
def get_intervention(
    request: HttpRequest, response: HttpResponse, intervention_id: Path[RowId]
) -> Intervention:
    intervention = _intervention(request, intervention_id)
    response["ETag"] = etag(intervention_version(intervention))
    return intervention


@router.post(
    "/meetings/{series}/{number}/interventions",
    auth=EDITOR,
    response={201: InterventionOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Record a turn on the floor",
)
def post_intervention(
    request: HttpRequest,
    series: Path[SeriesSlug],
    number: Path[MeetingNumber],
    payload: InterventionIn,
) -> Status:
    user = caller(request)
    meeting = meeting_or_404(visible_meetings(user), series, number)
    with refused_as(RECORDS_DENIED):
        require(user, "meeting.edit_records", meeting)
    fields = intervention_changes(payload.dict(), meeting=meeting, user=user)
    with rules_as_invalid_data(fields=API_NAMES):
        intervention = record_intervention(**fields, by=user)
    return Status(201, _intervention(request, intervention.pk))


@router.patch(
    "/interventions/{intervention_id}",
    auth=EDITOR,
    response={200: InterventionOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Change a turn on the floor",
)
def patch_intervention(
    request: HttpRequest,
    response: HttpResponse,
    intervention_id: Path[RowId],
    payload: InterventionChangesIn,
    if_match: str = Header(..., alias=IF_MATCH, description=IF_MATCH_HELP),
) -> Intervention:
    user = caller(request)
    intervention = _intervention(request, intervention_id)
    with refused_as(RECORDS_DENIED):
        require(user, "meeting.edit_records", intervention)
    changes = intervention_changes(
        payload.dict(exclude_unset=True), meeting=intervention.segment.meeting, user=user
    )
    with transaction.atomic(), rules_as_invalid_data(fields=API_NAMES):
        ensure_current(
            intervention,
            fields=INTERVENTION_VERSIONED,
            if_match=if_match,
            sent=payload.model_dump(mode="json", exclude_unset=True),
            stored=lambda: InterventionOut.from_orm(
                _intervention(request, intervention_id)
            ).model_dump(mode="json"),
        )
        intervention.refresh_from_db()
        update_intervention(intervention=intervention, changes=changes, by=user)
    changed = _intervention(request, intervention_id)
    response["ETag"] = etag(intervention_version(changed))
    return changed


def _intervention(request: HttpRequest, intervention_id: int) -> Intervention:
    return get_or_404(
        floor_turns(caller(request)).prefetch_related("text_versions"),
        f"No intervention {intervention_id}.",
        pk=intervention_id,
    )
