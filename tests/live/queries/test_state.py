"""`live_state`: the snapshot of the floor every live screen receives."""

import datetime
import json

import pytest
from django.utils import timezone

from convener.live.domain.floor import close_list, set_quotas, start_segment
from convener.live.domain.order import move, withdraw
from convener.live.domain.turns import give_floor, pause_timer
from convener.live.models import Level, Purpose, Turn
from convener.live.queries.state import live_state
from convener.records.models import Capacity
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    return day


def _real_seconds_since(moment):
    """What a busy machine adds to a turn between the steps of a test."""
    return (timezone.now() - moment).total_seconds()


def test_a_meeting_whose_floor_never_opened_has_an_empty_state():
    day = a_meeting_on_the_day()

    state = live_state(day.meeting)

    assert state["version"] == 0
    assert (state["speakers"], state["current"], state["segment"]) == ([], None, None)
    assert state["list_closed"] is False


def test_the_state_is_json_and_lists_the_speakers_in_the_chairs_order(day):
    mexico = day.ask("mexico", level=Level.MINISTER, speaker_name="Ms. Ruiz")
    group = day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)
    move(inscription=group, place=1, by=day.chair)

    state = json.loads(json.dumps(live_state(day.meeting)))

    assert [(s["id"], s["position"]) for s in state["speakers"]] == [(group.pk, 1), (mexico.pk, 2)]
    first, second = state["speakers"]
    assert first["who"] == "Thailand"
    assert first["on_behalf_of"] == "Group of 77 and China"
    assert (first["capacity"], first["purpose"], first["status"]) == (
        "group",
        "statement",
        "waiting",
    )
    assert second["who_names"] == {"en": "Mexico", "fr": "Mexique"}
    assert (second["speaker_name"], second["proposed_level"]) == ("Ms. Ruiz", "minister")
    assert (second["level"], second["level_confirmed"]) == ("other", False)
    assert second["owner"] == f"state:{day.mexico.pk}"
    assert state["segment"]["title"] == "Interactive debate"


def test_the_version_rises_with_every_change(day):
    before = live_state(day.meeting)["version"]

    day.ask("mexico")
    close_list(meeting=day.meeting, by=day.chair)

    assert live_state(day.meeting)["version"] == before + 2


def test_the_current_turn_carries_its_timer_as_timestamps(day):
    day.ask("mexico", purpose=Purpose.QUESTION, addressed_to=day.panellist_person)
    turn = give_floor(meeting=day.meeting, by=day.chair)

    current = live_state(day.meeting)["current"]

    assert current["who"] == "Mexico"
    assert current["addressed_to"] == day.panellist_person.formal_name
    assert current["intervention"] == turn.intervention_id
    timer = current["timer"]
    assert timer["running"] is True
    assert timer["limit"] == 180
    assert timer["paused_remaining"] is None
    started = datetime.datetime.fromisoformat(timer["started_at"])
    assert abs((timezone.now() - started).total_seconds()) < 5


def test_a_paused_timer_carries_the_time_left(day):
    day.ask("mexico")
    since = timezone.now()
    turn = give_floor(meeting=day.meeting, by=day.chair)
    Turn.objects.filter(pk=turn.pk).update(
        running_since=turn.running_since - datetime.timedelta(seconds=40)
    )
    pause_timer(meeting=day.meeting, by=day.chair)

    timer = live_state(day.meeting)["current"]["timer"]

    assert (timer["running"], timer["started_at"]) == (False, None)
    # 40 s moved back, and the real time the steps took on a busy machine.
    assert 140 - _real_seconds_since(since) <= timer["paused_remaining"] <= 140


def test_first_time_speakers_are_marked(day):
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)
    day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)
    day.ask("thailand")

    state = live_state(day.meeting)

    assert {s["who"]: s["first_time"] for s in state["speakers"]} == {
        "Thailand": True,
        "Mexico": False,
    }
    assert state["current"]["first_time"] is True


def test_turns_given_are_listed_with_their_intervention_and_time_spoken(day):
    day.ask("mexico")
    day.ask("unhcr")
    first = give_floor(meeting=day.meeting, by=day.chair)
    give_floor(meeting=day.meeting, by=day.chair)

    state = live_state(day.meeting)

    assert [(t["who"], t["intervention"]) for t in state["turns"]] == [
        ("Mexico", first.intervention_id)
    ]
    assert state["current"]["who"] == "UNHCR"


def test_quotas_show_the_time_a_group_has_used(day):
    set_quotas(meeting=day.meeting, quotas={"groups-of-states": 300}, by=day.chair)
    day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)
    since = timezone.now()
    turn = give_floor(meeting=day.meeting, by=day.chair)
    Turn.objects.filter(pk=turn.pk).update(
        running_since=turn.running_since - datetime.timedelta(seconds=100)
    )

    quotas = live_state(day.meeting)["quotas"]

    assert quotas["groups-of-states"]["seconds"] == 300
    used = quotas["groups-of-states"]["used"]  # in whole seconds
    assert 100 <= used <= round(100 + _real_seconds_since(since))


def test_withdrawn_requests_leave_every_screen(day):
    inscription = day.ask("mexico")
    withdraw(inscription=inscription, by=day.mexico_delegation)

    assert live_state(day.meeting)["speakers"] == []


def test_the_state_costs_the_same_queries_however_long_the_list(day, django_assert_max_num_queries):
    for who in ("mexico", "thailand", "unhcr"):
        day.ask(who)
    give_floor(meeting=day.meeting, by=day.chair)
    give_floor(meeting=day.meeting, by=day.chair)

    with django_assert_max_num_queries(4):
        live_state(day.meeting)


def test_the_state_shows_the_interrupted_speaker_beside_the_point_of_order():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    give_floor(meeting=day.meeting, inscription=day.ask("mexico"), by=day.chair)
    point = day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)
    give_floor(meeting=day.meeting, inscription=point, by=day.chair)

    state = live_state(day.meeting)

    assert state["current"]["id"] == point.pk
    assert state["interrupted"]["who"] == "Mexico"
    assert state["interrupted"]["status"] == "interrupted"
    assert state["interrupted"]["timer"]["running"] is False
