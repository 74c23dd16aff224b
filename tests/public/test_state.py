import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.directory.models import M49Level, MembershipStatus, RegionalGroup
from convener.meetings.models import MeetingStatus
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
    InterventionFactory,
    M49AreaFactory,
    PersonFactory,
    StateFactory,
    StateGroupFactory,
    StateGroupMembershipFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def state_url(state):
    return reverse("public:state", args=[state.iso3])


def test_state_shows_names_status_region_and_regional_group(client):
    asia = M49AreaFactory(code="x14", names={"en": "Asia"})
    state = StateFactory(
        iso3="XTH",
        names={"en": "Thailand"},
        formal_name="the Kingdom of Thailand",
        status=MembershipStatus.MEMBER,
        region=asia,
        sub_region=M49AreaFactory(
            code="x35", level=M49Level.SUB_REGION, parent=asia, names={"en": "South-eastern Asia"}
        ),
        regional_group=RegionalGroup.ASIA_PACIFIC,
    )

    response = client.get(state_url(state))

    assertContains(response, "<h1>Thailand</h1>", html=True)
    assertContains(
        response,
        "<dt>Formal name</dt><dd>the Kingdom of Thailand</dd>"
        "<dt>Status at the United Nations</dt><dd>Member State</dd>"
        "<dt>Region (M49)</dt><dd>Asia</dd>"
        "<dt>Sub-region (M49)</dt><dd>South-eastern Asia</dd>"
        "<dt>Regional group</dt><dd>Asia-Pacific Group</dd>",
        html=True,
    )


def test_state_names_it_in_the_active_language(client):
    state = StateFactory(names={"en": "Thailand", "fr": "Thaïlande"})

    response = client.get(f"/fr{state_url(state)}")

    assertContains(response, "<h1>Thaïlande</h1>", html=True)


def test_state_lists_meetings_it_co_chaired_with_its_representative(client):
    co_chair = CoChairFactory(
        meeting__title="Understanding large movements",
        person=PersonFactory(
            key="karel", honorific="H.E.", given_name="Karel", family_name="van Oosterom"
        ),
    )

    response = client.get(state_url(co_chair.state))

    assertContains(response, "<bdi>Understanding large movements</bdi></a>")
    assertContains(response, 'represented by <a href="/people/karel/">H.E. Karel van Oosterom</a>')


def test_state_lists_where_it_took_the_floor_with_segment_and_capacity(client):
    intervention = InterventionFactory(
        segment__title="Interactive debate",
        capacity=Capacity.GROUP,
        state_group=StateGroupFactory(name="Small Island Developing States"),
    )

    response = client.get(state_url(intervention.state))

    assertContains(response, "— Interactive debate:")
    assertContains(
        response,
        '<span class="capacity">on behalf of Small Island Developing States</span>',
        html=True,
    )


def test_state_does_not_show_a_draft_meeting_to_the_public(client):
    state = StateFactory()
    CoChairFactory(state=state, meeting__status=MeetingStatus.DRAFT, meeting__title="Draft one")
    InterventionFactory(
        state=state, segment__meeting__status=MeetingStatus.DRAFT, segment__title="Draft debate"
    )

    response = client.get(state_url(state))

    assertNotContains(response, "Draft one")
    assertNotContains(response, "Draft debate")


def test_state_shows_a_draft_meeting_to_its_secretariat(client):
    state = StateFactory()
    link = CoChairFactory(
        state=state, meeting__status=MeetingStatus.DRAFT, meeting__title="Draft one"
    )
    client.force_login(secretariat_of(link.meeting.series))

    response = client.get(state_url(state))

    assertContains(response, "Draft one")


def test_state_lists_the_groups_it_belongs_to_today(client):
    state = StateFactory()
    StateGroupMembershipFactory(state=state, group__name="Small Island Developing States")
    StateGroupMembershipFactory(
        state=state,
        group__name="Least Developed Countries",
        until=datetime.date(2024, 12, 13),
    )

    response = client.get(state_url(state))

    assertContains(response, "<li>Small Island Developing States</li>", html=True)
    assertNotContains(response, "Least Developed Countries")


def test_state_iso3_in_lower_case_is_404(client):
    StateFactory(iso3="XNL")

    response = client.get("/states/xnl/")

    assert response.status_code == 404


def test_state_unknown_iso3_is_404(client):
    response = client.get(reverse("public:state", args=["XZZ"]))

    assert response.status_code == 404


def test_state_query_count_is_fixed_however_many_meetings(client, django_assert_num_queries):
    state = StateFactory()
    for _ in range(4):
        CoChairFactory(state=state)
        InterventionFactory(state=state)
        StateGroupMembershipFactory(state=state)

    # state, co-chairing, floor turns, groups
    # The page's own queries, and one for the revision that keys the page cache.
    with django_assert_num_queries(4 + 1):
        client.get(state_url(state))
