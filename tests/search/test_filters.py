"""Each filter narrows a search to the statements it names, and to no others."""

import datetime

import pytest

from convener.directory.models import OrganisationKind, RegionalGroup
from convener.meetings.models import SegmentKind
from convener.records.models import Capacity
from convener.search.domain.index import reindex
from convener.search.queries.search import SearchFilters, search_statements
from tests.factories import (
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    SegmentFactory,
    StateFactory,
    StateGroupFactory,
    StateGroupMembershipFactory,
)

pytestmark = pytest.mark.django_db


def found(**filters):
    results = search_statements("pathways", mode="words", filters=SearchFilters(**filters))
    return {hit.intervention for hit in results.hits}


def on_day(day, **options):
    return InterventionFactory(segment__meeting__date=day, summary="Pathways.", **options)


def statement(**options):
    return InterventionFactory(summary="Pathways.", **options)


def test_no_filter_finds_every_statement():
    one, other = statement(), statement()
    reindex()

    assert found() == {one, other}


def test_series_filter():
    wanted, _other = statement(), statement()
    reindex()

    assert found(series=wanted.segment.meeting.series.slug) == {wanted}


def test_meeting_filter():
    wanted, _other = statement(), statement()
    reindex()

    assert found(meeting=wanted.segment.meeting_id) == {wanted}


def test_date_range_filter_includes_both_ends():
    before = on_day(datetime.date(2016, 4, 1))
    first = on_day(datetime.date(2016, 5, 1))
    last = on_day(datetime.date(2016, 5, 31))
    after = on_day(datetime.date(2016, 6, 1))
    reindex()

    assert found(date_from=datetime.date(2016, 5, 1), date_to=datetime.date(2016, 5, 31)) == {
        first,
        last,
    }
    assert found(date_to=datetime.date(2016, 4, 30)) == {before}
    assert found(date_from=datetime.date(2016, 6, 1)) == {after}


def test_speaker_filter():
    wanted, _other = statement(), statement()
    reindex()

    assert found(speaker=wanted.speaker.key) == {wanted}


def test_delegation_filter_by_state_group_or_organisation():
    by_state = statement()
    by_group = statement(state=None, state_group=StateGroupFactory(), capacity=Capacity.GROUP)
    by_organisation = statement(
        state=None, organisation=OrganisationFactory(), capacity=Capacity.ORGANISATION
    )
    reindex()

    assert found(delegation=f"state:{by_state.state.iso3}") == {by_state}
    assert found(delegation=f"group:{by_group.state_group.key}") == {by_group}
    assert found(delegation=f"organisation:{by_organisation.organisation.key}") == {by_organisation}
    assert found(delegation="nonsense") == set()


def test_state_filter():
    wanted, _other = statement(), statement()
    reindex()

    assert found(state=wanted.state.iso3) == {wanted}


def test_regional_group_filter():
    african = statement(state=StateFactory(regional_group=RegionalGroup.AFRICAN))
    statement(state=StateFactory(regional_group=RegionalGroup.ASIA_PACIFIC))
    reindex()

    assert found(regional_group=RegionalGroup.AFRICAN) == {african}


def test_group_of_states_filter_counts_membership_on_the_meeting_day():
    group = StateGroupFactory()
    state = StateFactory()
    StateGroupMembershipFactory(
        group=group, state=state, since=datetime.date(2016, 1, 1), until=datetime.date(2017, 1, 1)
    )
    member_then = on_day(datetime.date(2016, 5, 1), state=state)
    on_day(datetime.date(2018, 5, 1), state=state)  # no longer a member
    for_the_group = statement(state=None, state_group=group, capacity=Capacity.GROUP)
    statement()  # never a member
    reindex()

    assert found(state_group=group.key) == {member_then, for_the_group}


def test_kind_of_organisation_filter():
    ngo = statement(
        state=None,
        organisation=OrganisationFactory(kind=OrganisationKind.NGO),
        capacity=Capacity.ORGANISATION,
    )
    statement(
        state=None,
        organisation=OrganisationFactory(kind=OrganisationKind.UN_ENTITY),
        capacity=Capacity.ORGANISATION,
    )
    reindex()

    assert found(organisation_kind=OrganisationKind.NGO) == {ngo}


def test_capacity_filter():
    personal = statement(capacity=Capacity.PERSONAL)
    statement(capacity=Capacity.NATIONAL)
    reindex()

    assert found(capacity=Capacity.PERSONAL) == {personal}


def test_segment_kind_filter():
    panel = statement(segment=SegmentFactory(kind=SegmentKind.PANEL))
    statement(segment=SegmentFactory(kind=SegmentKind.INTERACTIVE_DEBATE))
    reindex()

    assert found(segment_kind=SegmentKind.PANEL) == {panel}


def test_sdg_target_filter_matches_whole_targets_only():
    wanted = statement(sdg_targets=["17.18", "10.7"])
    statement(sdg_targets=["10.7.2"])
    statement(sdg_targets=["1.7"])
    statement(sdg_targets=[])
    reindex()

    assert found(sdg_target="10.7") == {wanted}


def test_filters_add_up():
    meeting = MeetingFactory()
    wanted = statement(segment=SegmentFactory(meeting=meeting), capacity=Capacity.PERSONAL)
    statement(segment=SegmentFactory(meeting=meeting), capacity=Capacity.NATIONAL)
    statement(capacity=Capacity.PERSONAL)
    reindex()

    assert found(meeting=meeting.pk, capacity=Capacity.PERSONAL) == {wanted}
