"""Speaking time per delegation and per group, after (or during) the meeting."""

import datetime

import pytest

from convener.live.domain.floor import set_quotas, start_segment
from convener.live.domain.requests import add_for_raised_flag
from convener.live.domain.turns import end_turn, extend_timer, give_floor
from convener.live.models import Level, Purpose, Turn
from convener.live.queries.statistics import speaking_time_statistics
from convener.records.models import Capacity
from tests.factories import StateFactory, StateGroupMembershipFactory
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db


def _speak(day, seconds):
    """Give the floor to the first waiting and let them speak `seconds`."""
    turn = give_floor(meeting=day.meeting, by=day.chair)
    Turn.objects.filter(pk=turn.pk).update(
        running_since=turn.running_since - datetime.timedelta(seconds=seconds)
    )
    end_turn(meeting=day.meeting, by=day.chair)
    # Exactly: the moments between giving and ending the turn are real time,
    # which a busy machine stretches past a rounding.
    Turn.objects.filter(pk=turn.pk).update(elapsed=seconds)


def test_speaking_time_adds_up_per_delegation_and_group():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    set_quotas(meeting=day.meeting, quotas={"regional:asia_pacific": 120}, by=day.chair)
    day.ask("mexico")
    _speak(day, 100)
    day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)
    _speak(day, 40)
    day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)
    _speak(day, 200)
    day.ask("unhcr")
    _speak(day, 30)

    statistics = speaking_time_statistics(day.meeting)

    # The State that spoke for the group is counted as itself, the group noted.
    assert [
        (row.name, row.on_behalf_of, row.turns, round(row.seconds))
        for row in statistics.delegations
    ] == [
        ("Thailand", "Group of 77 and China", 1, 200),
        ("Mexico", "", 2, 140),
        ("UNHCR", "", 1, 30),
    ]
    groups = {row.key: row for row in statistics.groups}
    # The factories' States are in the Asia-Pacific Group.
    assert round(groups["regional:asia_pacific"].seconds) == 140
    assert groups["regional:asia_pacific"].over_quota
    assert round(groups["groups-of-states"].seconds) == 200
    assert round(groups["organisations:un_entity"].seconds) == 30
    assert (statistics.turns, round(statistics.seconds)) == (4, 370)


def test_a_group_with_a_quota_is_listed_before_it_speaks():
    day = a_meeting_on_the_day()
    set_quotas(meeting=day.meeting, quotas={"regional:african": 600}, by=day.chair)

    statistics = speaking_time_statistics(day.meeting)

    assert [(row.name, row.seconds, row.quota) for row in statistics.groups] == [
        ("African Group", 0.0, 600)
    ]


def test_two_states_speaking_for_one_group_are_counted_apart():
    """Each by the State that spoke, the group noted; not merged into the group."""
    day = a_meeting_on_the_day()
    brazil = StateFactory(names={"en": "Brazil"})
    StateGroupMembershipFactory(group=day.g77, state=brazil)
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)
    _speak(day, 300)
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    add_for_raised_flag(
        meeting=day.meeting,
        by=day.secretariat,
        capacity=Capacity.GROUP,
        state=brazil,
        state_group=day.g77,
        level=Level.MINISTER,
        purpose=Purpose.STATEMENT,
    )
    _speak(day, 200)

    statistics = speaking_time_statistics(day.meeting)

    assert [(row.name, row.on_behalf_of, round(row.seconds)) for row in statistics.delegations] == [
        ("Thailand", "Group of 77 and China", 300),
        ("Brazil", "Group of 77 and China", 200),
    ]
    groups = {row.key: row for row in statistics.groups}
    assert (groups["groups-of-states"].turns, round(groups["groups-of-states"].seconds)) == (2, 500)


def test_time_is_split_by_purpose_and_turns_over_their_limit_are_counted():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    _speak(day, 200)  # over the 3 minutes of a statement
    day.ask("thailand")
    _speak(day, 100)
    day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)
    _speak(day, 400)  # within the 10 minutes of a first reply
    day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)
    _speak(day, 400)  # over the 5 minutes of a second reply
    day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)
    _speak(day, 30)

    statistics = speaking_time_statistics(day.meeting)

    assert [
        (row.key, row.turns, round(row.seconds), row.over_limit) for row in statistics.purposes
    ] == [
        ("statement", 2, 300, 1),
        ("point_of_order", 1, 30, 0),
        ("right_of_reply", 2, 800, 1),
    ]
    assert statistics.over_limit == 2
    mexico = next(row for row in statistics.delegations if row.name == "Mexico")
    assert (mexico.turns, mexico.over_limit) == (3, 2)


def test_an_extended_turn_is_over_its_limit_only_past_the_extension():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    day.ask("mexico")
    turn = give_floor(meeting=day.meeting, by=day.chair)
    extend_timer(meeting=day.meeting, seconds=60, by=day.chair)
    end_turn(meeting=day.meeting, by=day.chair)
    Turn.objects.filter(pk=turn.pk).update(elapsed=220)

    assert speaking_time_statistics(day.meeting).over_limit == 0
