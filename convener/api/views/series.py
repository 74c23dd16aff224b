from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from ninja import Path, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.fields import SeriesSlug
from convener.api.interfaces.schemas.series import SeriesDetailOut, SeriesOut
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import series_list
from convener.api.views.security import ANYONE, file_answer
from convener.exchange.interfaces import popolo
from convener.meetings.models import Series
from convener.meetings.queries.series import series_for_page

router = Router(tags=["Series"])

# The Popolo document: five lists, each item as Popolo's JSON Schema of its kind describes it.
POPOLO_SHAPE: dict[str, object] = {
    "type": "object",
    "required": list(popolo.COLLECTIONS),
    "properties": {
        collection: {"type": "array", "items": {"type": "object"}}
        for collection in popolo.COLLECTIONS
    },
}


@router.get(
    "/series",
    response={200: list[SeriesOut], **error_responses(400, 401)},
    summary="List the series",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_series(request: HttpRequest):
    return series_list(caller(request))


@router.get(
    "/series/{slug}",
    response={200: SeriesDetailOut, **error_responses(400, 401, 404)},
    summary="Read a series with its concept note and meetings",
    openapi_extra=ANYONE,
)
def get_series(request: HttpRequest, slug: Path[SeriesSlug]) -> Series:
    series = series_for_page(caller(request)).select_related("rapporteur", "house_style")
    found = get_or_404(series, f"No series “{slug}”.", slug=slug)
    prefetch_related_objects(found.concept_note, "text_versions")
    return found


@router.get(
    "/series/{slug}/popolo",
    response=error_responses(400, 401, 404),
    summary="Read a series' people, organisations, meetings and statements as Popolo JSON",
    openapi_extra=file_answer(popolo.CONTENT_TYPE, "The series as Popolo JSON.", POPOLO_SHAPE),
)
def get_series_popolo(request: HttpRequest, slug: Path[SeriesSlug]) -> HttpResponse:
    user = caller(request)
    series = get_or_404(series_for_page(user), f"No series “{slug}”.", slug=slug)
    return HttpResponse(popolo.series_popolo(series, user=user), content_type=popolo.CONTENT_TYPE)
