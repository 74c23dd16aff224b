"""The demo data: the 2016 GMG series with the facts the seeds record."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from convener.access.queries.workspace import workspace_meetings
from convener.directory.models import Person
from convener.meetings.models import Meeting
from convener.records.models import Intervention
from convener.server.demo import DEMO_ACCOUNTS, prepare_demo

pytestmark = pytest.mark.django_db


def delegations_on_the_floor(meeting: Meeting) -> list[str]:
    """The States and groups of States that took the floor, in order of first turn."""
    seen: list[str] = []
    turns = Intervention.objects.filter(segment__meeting=meeting).select_related(
        "state", "state_group"
    )
    for turn in turns.order_by("segment__order", "order"):
        label = (
            turn.state.iso3 if turn.state else (turn.state_group.key if turn.state_group else None)
        )
        if label and label not in seen:
            seen.append(label)
    return seen


@pytest.mark.parametrize(
    ("number", "delegations"),
    [
        (1, ["NLD", "THA", "AUT", "BGD", "ITA", "MEX", "TUV"]),
        (2, ["MEX", "ITA", "BRA", "sids"]),
        (3, ["ZMB", "PRT", "JPN", "AUS", "TUR", "ARG"]),
        (4, ["IRL", "BGD", "CHE"]),
    ],
)
def test_demo_records_the_states_that_took_the_floor(demo_series, number, delegations):
    meeting = demo_series.meetings.get(number=number)

    assert sorted(delegations_on_the_floor(meeting)) == sorted(delegations)


def test_demo_third_meeting_has_room_organisers_and_co_chairs(demo_series):
    meeting = demo_series.meetings.get(number=3)

    assert (str(meeting.date), meeting.room) == ("2016-07-13", "Conference Room 6")
    assert [link.organisation.acronym for link in meeting.co_organiser_links.all()] == [
        "UNDP",
        "UNHCR",
    ]
    assert [co_chair.state.iso3 for co_chair in meeting.co_chairs.all()] == ["ZMB", "PRT"]


def test_demo_third_meeting_panels_have_their_moderators(demo_series):
    panels = demo_series.meetings.get(number=3).segments.filter(kind="panel")

    moderators = [
        [p.person.full_name for p in panel.participations.filter(role="moderator")]
        for panel in panels
    ]

    assert moderators == [["Ajay Madiwale"], ["Izumi Nakamitsu"]]


def test_demo_co_chairs_spoke_in_national_capacity_on_25_april(demo_series):
    meeting = demo_series.meetings.get(number=1)

    capacities = Intervention.objects.filter(
        segment__meeting=meeting, state__iso3__in=["NLD", "THA"]
    ).values_list("state__iso3", "capacity")

    assert sorted(capacities) == [("NLD", "national"), ("THA", "national")]


def test_demo_ireland_spoke_as_co_facilitator_on_20_july(demo_series):
    turn = Intervention.objects.get(segment__meeting__number=4, state__iso3="IRL")

    assert turn.capacity == "office"
    assert "co-facilitator" in turn.office


def test_demo_switzerland_spoke_as_the_state_supporting_ohchr_and_picum_on_20_july(
    demo_series,
):
    turn = Intervention.objects.get(segment__meeting__number=4, state__iso3="CHE")

    assert turn.capacity == "office"
    assert turn.office == (
        "the State supporting the work of OHCHR and PICUM on the human rights of migrants"
    )


def test_demo_gender_follows_the_seeds(demo_series):
    assert Person.objects.get(key="ninette-kelley").gender == "female"
    assert Person.objects.get(key="guy-ryder").gender == "male"


def test_demo_second_start_keeps_the_series_as_visitors_left_it(demo_series):
    meeting = demo_series.meetings.get(number=3)
    meeting.title = "Renamed by a visitor"
    meeting.save()
    before = (Meeting.objects.count(), Intervention.objects.count(), Person.objects.count())

    state = prepare_demo()

    assert (state.loaded, state.passwords, state.series) == (None, {}, demo_series)
    assert demo_series.meetings.get(number=3).title == "Renamed by a visitor"
    assert (Meeting.objects.count(), Intervention.objects.count(), Person.objects.count()) == before


def test_demo_reset_loads_the_series_again_from_its_file(demo_series):
    meeting = demo_series.meetings.get(number=3)
    meeting.title = "Renamed by a visitor"
    meeting.save()
    secretariat = get_user_model().objects.get(username="secretariat")
    secretariat.set_password("changed-by-a-visitor")
    secretariat.save()

    state = prepare_demo(reset=True)

    assert state.removed.startswith("gmg-2016 (4 meetings, ")
    assert state.series.meetings.get(number=3).title != "Renamed by a visitor"
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    secretariat.refresh_from_db()
    assert secretariat.check_password("gmg-2016-secretariat")


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account.username)
def test_every_demo_account_signs_in_with_the_password_the_demo_prints(
    demo_series, client, account
):
    response = client.post(
        reverse("login"), {"username": account.username, "password": account.password}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        get_user_model().objects.get(username=account.username).pk
    )


def test_the_demo_undp_focal_point_works_on_the_meetings_undp_co_organised(demo_series):
    undp = get_user_model().objects.get(username="undp")

    assert [meeting.number for meeting in workspace_meetings(undp, demo_series)] == [3]
