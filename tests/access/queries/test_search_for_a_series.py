"""The pickers of a series offer its own people and organisations first."""

import pytest

from convener.access.queries.search import search_organisations, search_people
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.roles.models import Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def earlier():
    """A published series of an earlier year, whose people everyone reaches."""
    return SeriesFactory(slug="earlier", status=SeriesStatus.PUBLISHED)


@pytest.fixture
def new_series():
    return SeriesFactory(slug="new", status=SeriesStatus.DRAFT)


@pytest.fixture
def secretariat(new_series):
    return GrantFactory(series=new_series, role=Role.SECRETARIAT).user


def _in(series, family_name, **person):
    # The earlier series' meetings are public, the new one's drafts.
    status = MeetingStatus.PUBLISHED if series.is_published else MeetingStatus.DRAFT
    meeting = MeetingFactory(series=series, status=status)
    return ParticipationFactory(
        segment__meeting=meeting, person__family_name=family_name, **person
    ).person


def _names(people):
    return [person.family_name for person in people]


def test_search_people_for_a_series_ranks_its_own_people_before_others(
    earlier, new_series, secretariat
):
    _in(earlier, "Greenaway")  # a better match by name, from the earlier series
    _in(new_series, "Evergreen")

    found = search_people(secretariat, "green", series=new_series)

    assert _names(found) == ["Evergreen", "Greenaway"]
    assert [person.in_series for person in found] == [True, False]


def test_search_people_with_nothing_typed_offers_only_the_series_own_people(
    earlier, new_series, secretariat
):
    _in(earlier, "Earlier")
    _in(new_series, "Zuma")
    _in(new_series, "Abe")

    assert _names(search_people(secretariat, "", series=new_series)) == ["Abe", "Zuma"]


def test_search_people_for_a_new_series_lists_no_one_before_a_query(
    earlier, new_series, secretariat
):
    _in(earlier, "Earlier")

    assert search_people(secretariat, "", series=new_series) == []
    assert _names(search_people(secretariat, "earl", series=new_series)) == ["Earlier"]


def test_search_organisations_for_a_series_ranks_its_own_first(earlier, new_series, secretariat):
    CoOrganiserFactory(
        meeting__series=earlier, organisation__name="Refugee Agency", organisation__acronym=""
    )
    CoOrganiserFactory(
        meeting__series=new_series,
        organisation__name="Agency for Refugees",
        organisation__acronym="",
    )

    found = search_organisations(secretariat, "refugee", series=new_series)

    assert [organisation.name for organisation in found] == [
        "Agency for Refugees",
        "Refugee Agency",
    ]
