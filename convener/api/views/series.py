from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Path, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.fields import SeriesSlug
from convener.api.interfaces.schemas.series import SeriesDetailOut, SeriesOut
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import series_list
from convener.api.views.security import ANYONE
from convener.meetings.models import Series
from convener.meetings.queries.series import series_for_page

router = Router(tags=["Series"])


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
