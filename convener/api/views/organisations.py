from django.http import HttpRequest
from ninja import Path, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.directory import OrganisationDetailOut, OrganisationOut
from convener.api.interfaces.schemas.fields import OrganisationKey
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import organisation_list
from convener.api.views.security import ANYONE
from convener.directory.models import Organisation
from convener.records.queries.appearances import meetings_co_organised_by, people_of

router = Router(tags=["Organisations"])


@router.get(
    "/organisations",
    response={200: list[OrganisationOut], **error_responses(400, 401)},
    summary="List organisations",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_organisations(request: HttpRequest):
    return organisation_list(caller(request))


@router.get(
    "/organisations/{key}",
    response={200: OrganisationDetailOut, **error_responses(400, 401, 404)},
    summary="Read an organisation with the meetings it co-organised and its people",
    openapi_extra=ANYONE,
)
def get_organisation(request: HttpRequest, key: Path[OrganisationKey]) -> Organisation:
    user = caller(request)
    organisation = get_or_404(organisation_list(user), f"No organisation “{key}”.", key=key)
    organisation.co_organised = list(meetings_co_organised_by(organisation, user=user))
    organisation.people_taking_part = list(people_of(organisation, user=user))
    return organisation
