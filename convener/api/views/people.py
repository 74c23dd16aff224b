from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from convener.api.auth import caller
from convener.api.errors import error_responses, get_or_404
from convener.api.interfaces.schemas.directory import PeopleFilters, PersonDetailOut, PersonOut
from convener.api.interfaces.schemas.fields import PersonKey
from convener.api.pagination import LimitOffset
from convener.api.queries.listings import people_list
from convener.api.views.security import ANYONE
from convener.directory.models import Person
from convener.records.queries.appearances import appearances_of, people_for_page

router = Router(tags=["People"])


@router.get(
    "/people",
    response={200: list[PersonOut], **error_responses(400, 401)},
    summary="List people",
    openapi_extra=ANYONE,
)
@paginate(LimitOffset)
def list_people(request: HttpRequest, filters: Query[PeopleFilters]):
    return people_list(caller(request), **filters.dict())


@router.get(
    "/people/{key}",
    response={200: PersonDetailOut, **error_responses(400, 401, 404)},
    summary="Read a person with the parts they played",
    openapi_extra=ANYONE,
)
def get_person(request: HttpRequest, key: Path[PersonKey]) -> Person:
    user = caller(request)
    person = get_or_404(people_for_page(user), f"No person “{key}”.", key=key)
    person.appearances = appearances_of(person, user=user)
    return person
