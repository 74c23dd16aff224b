from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router

from convener.api.auth import caller
from convener.api.errors import InvalidParametersError, error_responses
from convener.api.interfaces.schemas.search import SearchHitOut, SearchPageOut, SearchQuery
from convener.api.pagination import LimitOffset, page_links
from convener.api.views.security import ANYONE
from convener.meetings.models import Meeting
from convener.search.queries.search import Hit, SearchFilters, search_statements

router = Router(tags=["Search"])


@router.get(
    "/search",
    response={200: SearchPageOut, **error_responses(400, 401)},
    summary="Search statements by words, by meaning or both",
    openapi_extra=ANYONE,
)
def search(request: HttpRequest, query: Query[SearchQuery], page: Query[LimitOffset.Input]) -> dict:
    filters = query.dict(exclude={"q", "mode"})
    filters["meeting"] = _meeting_id(query.series, query.meeting)
    results = search_statements(
        query.q,
        mode=query.mode,
        filters=SearchFilters(**filters),
        reader=caller(request),
        limit=page.limit,
        offset=page.offset,
    )
    return {
        "count": results.total,
        **page_links(request, page.limit, page.offset, results.total),
        "results": [_hit(request, hit) for hit in results.hits],
    }


def _meeting_id(series: str | None, number: int | None) -> int | None:
    if number is None:
        return None
    if not series:
        raise InvalidParametersError(
            "A meeting is known by its series and number.",
            details=[{"location": "query", "field": "series", "message": "Needed with meeting."}],
        )
    meeting = Meeting.objects.filter(series__slug=series, number=number).first()
    return meeting.pk if meeting else 0


def _hit(request: HttpRequest, hit: Hit) -> SearchHitOut:
    intervention = hit.intervention
    meeting = intervention.segment.meeting
    meeting_page = reverse("public:meeting", args=[meeting.series.slug, meeting.number])
    report = reverse("public:series_document", args=[meeting.series.slug, "report"])
    return SearchHitOut(
        intervention=intervention.pk,
        series=meeting.series.slug,
        meeting=meeting.number,
        segment=intervention.segment.key,
        speaker=intervention.speaker_label,
        score=hit.score,
        snippet=str(hit.snippet),
        language=hit.language,
        meeting_url=request.build_absolute_uri(f"{meeting_page}#{hit.anchor}"),
        report_url=request.build_absolute_uri(f"{report}#{hit.report_anchor}"),
    )
