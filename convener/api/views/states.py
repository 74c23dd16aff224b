from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.directory import StateDetailOut, StateFilters, StateOut
from convener.api.interfaces.schemas.fields import ISO3
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import state_list
from convener.api.views.security import ANYONE
from convener.directory.models import State
from convener.directory.queries.states import groups_of, states_for_page

router = Router(tags=["States"])


@router.get(
    "/states",
    response={200: list[StateOut], **error_responses(400, 401)},
    summary="List the Member and observer States",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_states(request: HttpRequest, filters: Query[StateFilters]):
    return state_list(**filters.dict())


@router.get(
    "/states/{iso3}",
    response={200: StateDetailOut, **error_responses(400, 401, 404)},
    summary="Read a State with the groups it belongs to",
    openapi_extra=ANYONE,
)
def get_state(request: HttpRequest, iso3: Path[ISO3]) -> State:
    queryset = states_for_page().select_related("intermediate_region")
    state = get_or_404(queryset, f"No State “{iso3}”.", iso3=iso3)
    state.groups = list(groups_of(state))
    return state
