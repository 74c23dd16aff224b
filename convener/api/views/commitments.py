from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.commitments import CommitmentFilters, CommitmentOut
from convener.api.interfaces.schemas.fields import SeriesSlug
from convener.api.pagination import LimitOffset
from convener.api.views.security import ANYONE
from convener.commitments.queries.tracker import TrackerFilters, tracked_marks
from convener.meetings.queries.visibility import visible_series

router = Router(tags=["Commitments"])


@router.get(
    "/series/{slug}/commitments",
    response={200: list[CommitmentOut], **error_responses(400, 401, 404)},
    summary="List a series' confirmed commitments and recommendations",
    description=(
        "What the statements of the series committed to and recommended, as the "
        "rapporteurs confirmed it, with each commitment's status and its dated notes; "
        "from the released records (and every record for who prepares the series)."
    ),
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_commitments(
    request: HttpRequest, slug: Path[SeriesSlug], filters: Query[CommitmentFilters]
):
    user = caller(request)
    series = get_or_404(visible_series(user), f"No series “{slug}”.", slug=slug)
    chosen = {name: value for name, value in filters.dict().items() if value is not None}
    return tracked_marks(user, series, TrackerFilters(**chosen))
