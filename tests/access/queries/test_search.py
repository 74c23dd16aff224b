"""Finding people and organisations as one types, among those the user may find."""

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.access.queries.search import search_organisations, search_people
from convener.audit.log import acting_as
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point():
    return GrantFactory(role=Role.FOCAL_POINT, organisation=OrganisationFactory()).user


@pytest.fixture(autouse=True)
def _entries_added_by_the_focal_point(focal_point):
    """The entries each test makes count as added by the focal point, so within
    their reach (`access.queries.reach`)."""
    with acting_as(focal_point, via="web"):
        yield


def _names(people):
    return [person.full_name for person in people]


# People


def test_search_people_ignores_case_and_accents_in_the_name(focal_point):
    PersonFactory(given_name="Cristina", family_name="Pucariño")

    assert _names(search_people(focal_point, "PUCARINO")) == ["Cristina Pucariño"]


def test_search_people_finds_an_unaccented_name_typed_with_accents(focal_point):
    PersonFactory(given_name="Jose", family_name="Gomez")

    assert _names(search_people(focal_point, "gómez")) == ["Jose Gomez"]


def test_search_people_needs_every_word_in_any_order(focal_point):
    PersonFactory(given_name="Ninette", family_name="Kelley")
    PersonFactory(given_name="Ninette", family_name="Smith")

    assert _names(search_people(focal_point, "kel nin")) == ["Ninette Kelley"]


def test_search_people_finds_by_short_form_and_by_organisation(focal_point):
    PersonFactory(given_name="Karel", family_name="Oosterom", short_name="Amb. van Oosterom")
    PersonFactory(
        given_name="Ninette",
        family_name="Kelley",
        organisation__name="Office of the High Commissioner for Refugees",
        organisation__acronym="UNHCR",
    )

    assert _names(search_people(focal_point, "van oost")) == ["Karel Oosterom"]
    assert _names(search_people(focal_point, "unhcr")) == ["Ninette Kelley"]
    assert _names(search_people(focal_point, "refugees")) == ["Ninette Kelley"]


def test_search_people_ranks_a_name_that_starts_with_the_text_first(focal_point):
    PersonFactory(given_name="Anna", family_name="Adams", organisation__name="Milner Foundation")
    PersonFactory(given_name="Bob", family_name="Hamilner")
    PersonFactory(given_name="James", family_name="Milner")

    assert _names(search_people(focal_point, "milner")) == [
        "James Milner",
        "Bob Hamilner",
        "Anna Adams",
    ]


def test_search_people_returns_at_most_the_limit(focal_point):
    PersonFactory.create_batch(4, family_name="Greene")

    assert len(search_people(focal_point, "greene", limit=3)) == 3


def test_search_people_finds_nothing_for_blank_or_punctuation(focal_point):
    PersonFactory(given_name="Anna", family_name="Greene")

    assert search_people(focal_point, "  - . ") == []


def test_search_people_treats_regular_expression_characters_as_separators(focal_point):
    PersonFactory(given_name="Michele", family_name="Klein-Solomon")

    assert _names(search_people(focal_point, "klein.*(solomon")) == ["Michele Klein-Solomon"]


def test_search_people_shows_someone_without_a_role_only_what_they_may_read():
    ParticipationFactory(person__family_name="Greene")
    ParticipationFactory(
        person__family_name="Greenberg", segment__meeting__status=MeetingStatus.DRAFT
    )
    PersonFactory(family_name="Greenwood")  # in no programme yet

    assert [p.family_name for p in search_people(UserFactory(), "green")] == ["Greene"]
    assert [p.family_name for p in search_people(AnonymousUser(), "green")] == ["Greene"]


def test_search_people_finds_whom_the_user_added_though_in_no_programme_yet(focal_point):
    PersonFactory(family_name="Greenwood")

    assert [p.family_name for p in search_people(focal_point, "green")] == ["Greenwood"]


def test_search_people_does_not_find_someone_only_in_another_series_draft(focal_point):
    with acting_as(UserFactory(), via="web"):
        ParticipationFactory(
            segment__meeting__series__status=SeriesStatus.DRAFT,
            segment__meeting__status=MeetingStatus.DRAFT,
            person__family_name="Greenwood",
        )
        ParticipationFactory(person__family_name="Greenhill")  # published

    assert [p.family_name for p in search_people(focal_point, "green")] == ["Greenhill"]


# Organisations


def test_search_organisations_puts_the_exact_acronym_first(focal_point):
    OrganisationFactory(name="UNDP Alumni Network", acronym="UNDPAN")
    OrganisationFactory(name="United Nations Development Programme", acronym="UNDP")

    assert [o.acronym for o in search_organisations(focal_point, "undp")] == ["UNDP", "UNDPAN"]


def test_search_organisations_ignores_accents_in_the_name(focal_point):
    OrganisationFactory(name="Organización Internacional", acronym="")

    assert [o.name for o in search_organisations(focal_point, "organizacion")] == [
        "Organización Internacional"
    ]
