"""The live screens: each opens for its role and refuses the others."""

import pytest
from django.urls import reverse

from convener.live.domain.floor import start_segment
from convener.live.domain.turns import give_floor
from convener.live.models import Purpose, Turn
from convener.meetings.models import MeetingStatus
from tests.factories import MeetingFactory, UserFactory
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db


def _url(name, meeting):
    return reverse(f"live:{name}", args=[meeting.series.slug, meeting.number])


@pytest.mark.parametrize(
    ("page", "allowed", "refused"),
    [
        ("chair", ["chair", "secretariat"], ["rapporteur", "mexico_delegation"]),
        ("delegation", ["mexico_delegation", "unhcr_delegation"], ["chair", "rapporteur"]),
        ("rapporteur", ["rapporteur", "secretariat"], ["chair", "mexico_delegation"]),
        ("statistics", ["chair", "secretariat"], ["rapporteur", "mexico_delegation"]),
    ],
)
def test_each_console_opens_for_its_roles_only(client, page, allowed, refused):
    day = a_meeting_on_the_day()

    for who in allowed:
        client.force_login(getattr(day, who))
        assert client.get(_url(page, day.meeting)).status_code == 200, who
    for who in refused:
        client.force_login(getattr(day, who))
        assert client.get(_url(page, day.meeting)).status_code == 403, who


@pytest.mark.parametrize("page", ["chair", "delegation", "rapporteur", "statistics"])
def test_a_visitor_is_asked_to_sign_in(client, page):
    day = a_meeting_on_the_day()

    response = client.get(_url(page, day.meeting))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_projector_and_the_state_of_a_public_meeting_are_public(client):
    day = a_meeting_on_the_day()

    projector = client.get(_url("projector", day.meeting))
    state = client.get(_url("state", day.meeting))

    assert projector.status_code == 200
    assert b"live-state" in projector.content
    assert state.json()["meeting"]["id"] == day.meeting.pk


def test_the_projector_of_a_draft_meeting_is_not_found(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    assert client.get(_url("projector", meeting)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(_url("state", meeting)).status_code == 404


def test_the_chair_console_shows_the_floor_and_the_programme(client):
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)
    client.force_login(day.chair)

    response = client.get(_url("chair", day.meeting))

    text = response.content.decode()
    assert day.panellist_person.formal_name in text
    assert '"who": "Mexico"' in text  # the state the script starts from
    assert 'id="live-labels"' in text


def test_the_delegation_view_offers_only_the_delegations_own_state(client):
    day = a_meeting_on_the_day()
    client.force_login(day.thailand_delegation)

    response = client.get(_url("delegation", day.meeting))

    form = response.context["form"]
    assert [label for _key, label in form.fields["delegation"].choices] == ["Thailand"]
    assert [group.name for group in form.fields["state_group"].queryset] == [
        "Group of 77 and China"
    ]


def test_an_organisations_delegation_speaks_only_for_its_organisation(client):
    day = a_meeting_on_the_day()
    client.force_login(day.unhcr_delegation)

    response = client.get(_url("delegation", day.meeting))

    form = response.context["form"]
    assert [value for value, _label in form.fields["capacity"].choices] == ["organisation"]
    assert "state_group" not in form.fields


def test_the_phone_of_a_delegation_a_point_of_order_interrupted_can_say_so(client):
    """Its phone's script finds the words in the page (the state names the
    interrupted turn): the speaker is set aside, not off the list."""
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)
    day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)
    give_floor(meeting=day.meeting, by=day.chair)
    client.force_login(day.mexico_delegation)

    response = client.get(_url("delegation", day.meeting))

    assert response.context["state"]["interrupted"]["owner"] == f"state:{day.mexico.pk}"
    assert response.context["labels"]["text"]["interrupted_yours"] == (
        "A point of order interrupted you: you have the floor again when it is dealt with."
    )


def test_the_pages_cost_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    for who in ("mexico", "thailand", "unhcr"):
        day.ask(who)
    give_floor(meeting=day.meeting, by=day.chair)
    client.force_login(day.chair)

    with django_assert_max_num_queries(20):
        client.get(_url("chair", day.meeting))
    with django_assert_max_num_queries(7):
        client.get(_url("state", day.meeting))


def test_the_statistics_page_lists_speaking_time_per_delegation_and_group(client):
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)
    client.force_login(day.secretariat)

    response = client.get(_url("statistics", day.meeting))

    delegations, groups = (
        response.context["statistics"].delegations,
        response.context["statistics"].groups,
    )
    assert [row.name for row in delegations] == ["Mexico"]
    assert [row.name for row in groups] == ["Asia-Pacific Group"]
    assert "1 turn on the floor" in response.content.decode()


def test_the_statistics_page_splits_by_purpose_and_counts_turns_over_the_limit(client):
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    turn = give_floor(meeting=day.meeting, by=day.chair)
    Turn.objects.filter(pk=turn.pk).update(running_since=None, elapsed=turn.limit + 20)
    client.force_login(day.secretariat)

    response = client.get(_url("statistics", day.meeting))

    page = response.content.decode()
    assert [(row.name, row.over_limit) for row in response.context["statistics"].purposes] == [
        ("Statement", 1)
    ]
    assert "Per purpose" in page
    assert "1 turn ran over its limit." in page
