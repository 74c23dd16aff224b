"""Time limits per kind of turn, what the record keeps of a turn, and the
chair adding to a closed list, scenario by scenario through the domain
functions. Each row names the rule or practice it follows (docs/live.md has
the sources)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.live.domain.floor import close_list, set_time_limits, start_segment
from convener.live.domain.requests import add_for_raised_flag, add_programme_speaker
from convener.live.domain.turns import end_turn, give_floor
from convener.live.models import Floor, Inscription, Level, Purpose
from convener.live.queries.state import live_state
from convener.records.models import Capacity, InterventionKind
from tests.factories import StateFactory, StateGroupMembershipFactory
from tests.live.day import Day, a_meeting_on_the_day, an_outsider

pytestmark = pytest.mark.django_db

GROUP = {"capacity": Capacity.GROUP, "state_group": "g77"}
REPLY = {"purpose": Purpose.RIGHT_OF_REPLY}


@dataclass
class Limit:
    """A scenario: the turns given and ended before (`(who, fields)`, or
    `("item", segment)` to move to another item), the limits the chair set,
    and the limit the last turn asked for gets."""

    rule: str
    before: list[tuple[str, Any]]
    ask: tuple[str, dict[str, Any]]
    seconds: int
    limits: dict[str, int] = field(default_factory=dict)


LIMITS = [
    Limit("A national statement: the meeting's limit for statements", [], ("mexico", {}), 180),
    Limit(
        "A statement on behalf of a group: its own, longer limit (Convener's default, 7 min)",
        [],
        ("thailand", GROUP),
        420,
    ),
    Limit(
        "The State chairing a group speaks nationally within the national limit",
        [("thailand", GROUP)],
        ("thailand", {}),
        180,
    ),
    Limit(
        "A question to a panellist: the limit for questions",
        [],
        ("mexico", {"purpose": Purpose.QUESTION}),
        180,
    ),
    Limit(
        "A point of order: the limit for points of order",
        [],
        ("mexico", {"purpose": Purpose.POINT_OF_ORDER}),
        180,
    ),
    Limit("Decision 34/401: the first right of reply, ten minutes", [], ("mexico", REPLY), 600),
    Limit(
        "Decision 34/401: the second right of reply on the item, five minutes",
        [("mexico", REPLY)],
        ("mexico", REPLY),
        300,
    ),
    Limit(
        "Rights of reply count per delegation: another's reply is its first",
        [("mexico", REPLY)],
        ("thailand", REPLY),
        600,
    ),
    Limit(
        "Rights of reply count per item: the first on a new item is a first again",
        [("mexico", REPLY), ("item", "panel")],
        ("mexico", REPLY),
        600,
    ),
    Limit(
        "A statement does not count as a reply",
        [("mexico", {})],
        ("mexico", REPLY),
        600,
    ),
    Limit(
        "The limits are the meeting's: the chair shortens the second reply",
        [("mexico", REPLY)],
        ("mexico", REPLY),
        240,
        {"second_reply_seconds": 240},
    ),
    Limit(
        "The limits are the meeting's: the chair shortens group statements",
        [],
        ("thailand", GROUP),
        360,
        {"group_statement_seconds": 360},
    ),
]


def _ask(day: Day, who: str, fields: dict[str, Any]) -> Inscription:
    fields = {k: getattr(day, v) if k == "state_group" else v for k, v in fields.items()}
    return day.ask(who, **fields)


@pytest.mark.parametrize("scenario", LIMITS, ids=[row.rule for row in LIMITS])
def test_a_turn_gets_the_limit_of_its_kind(scenario: Limit) -> None:
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    if scenario.limits:
        set_time_limits(meeting=day.meeting, limits=scenario.limits, by=day.chair)
    for who, fields in scenario.before:
        if who == "item":
            start_segment(meeting=day.meeting, segment=getattr(day, fields), by=day.chair)
            continue
        give_floor(meeting=day.meeting, inscription=_ask(day, who, fields), by=day.chair)
        end_turn(meeting=day.meeting, by=day.chair)

    turn = give_floor(meeting=day.meeting, inscription=_ask(day, *scenario.ask), by=day.chair)

    assert turn.limit == scenario.seconds


def test_a_designated_member_speaking_for_the_group_has_the_group_limit() -> None:
    """A member the secretariat designates speaks for the group: the group's limit."""
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    brazil = StateFactory(names={"en": "Brazil"})
    StateGroupMembershipFactory(group=day.g77, state=brazil)
    designated = add_for_raised_flag(
        meeting=day.meeting,
        by=day.secretariat,
        capacity=Capacity.GROUP,
        state=brazil,
        state_group=day.g77,
        level=Level.MINISTER,
        purpose=Purpose.STATEMENT,
    )

    assert give_floor(meeting=day.meeting, inscription=designated, by=day.chair).limit == 420


def test_a_new_floor_has_the_ga_reply_limits_and_a_longer_group_limit() -> None:
    """Decision 34/401: 10 and 5 minutes; Convener's default for groups: 7 minutes."""
    floor = Floor()

    assert (floor.right_of_reply_seconds, floor.second_reply_seconds) == (600, 300)
    assert (floor.statement_seconds, floor.group_statement_seconds) == (180, 420)


def test_the_new_limits_are_refused_to_one_who_does_not_chair() -> None:
    day = a_meeting_on_the_day()

    with pytest.raises(PermissionDenied):
        set_time_limits(meeting=day.meeting, limits={"second_reply_seconds": 60}, by=an_outsider())

    assert not Floor.objects.filter(meeting=day.meeting, second_reply_seconds=60).exists()


def test_a_new_limit_out_of_range_is_refused() -> None:
    day = a_meeting_on_the_day()

    with pytest.raises(ValidationError) as refused:
        set_time_limits(meeting=day.meeting, limits={"group_statement_seconds": 5}, by=day.chair)

    assert "group_statement_seconds" in refused.value.message_dict


# What the record keeps of a turn


@dataclass
class Recorded:
    rule: str
    ask: tuple[str, dict[str, Any]]
    kind: str


RECORDED = [
    Recorded("A statement is recorded as a statement", ("mexico", {}), InterventionKind.STATEMENT),
    Recorded(
        "A question is recorded as a question",
        ("mexico", {"purpose": Purpose.QUESTION}),
        InterventionKind.QUESTION,
    ),
    Recorded(
        "Rule 71: a point of order is recorded as one, not as a statement",
        ("mexico", {"purpose": Purpose.POINT_OF_ORDER}),
        InterventionKind.POINT_OF_ORDER,
    ),
    Recorded(
        "Decision 34/401: a right of reply is recorded as one, not as a statement",
        ("mexico", REPLY),
        InterventionKind.RIGHT_OF_REPLY,
    ),
]


@pytest.mark.parametrize("scenario", RECORDED, ids=[row.rule for row in RECORDED])
def test_the_record_keeps_what_the_turn_was_for(scenario: Recorded) -> None:
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)

    turn = give_floor(meeting=day.meeting, inscription=_ask(day, *scenario.ask), by=day.chair)

    assert turn.intervention.kind == scenario.kind


def test_the_record_keeps_the_speakers_name_and_level_as_the_floor_had_them() -> None:
    """A later change in the directory does not rewrite what happened."""
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    inscription = day.confirm(
        day.ask("mexico", level=Level.MINISTER, speaker_name="Ms. Alicia Bárcena")
    )

    intervention = give_floor(
        meeting=day.meeting, inscription=inscription, by=day.chair
    ).intervention
    intervention.refresh_from_db()

    assert (intervention.speaker_name, intervention.speaker_level) == (
        "Ms. Alicia Bárcena",
        Level.MINISTER,
    )


def test_the_record_keeps_a_panellists_name_and_title_at_the_time() -> None:
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    person = day.panellist_person
    person.honorific, person.position = "Dr.", "Director, Migration Policy Institute"
    person.save()
    inscription = add_programme_speaker(participation=day.panellist, by=day.chair)
    intervention = give_floor(
        meeting=day.meeting, inscription=inscription, by=day.chair
    ).intervention

    person.position, person.family_name = "Retired", "Renamed"
    person.save()
    intervention.refresh_from_db()

    assert intervention.speaker_name.startswith("Dr. ")
    assert "Renamed" not in intervention.speaker_name
    assert intervention.speaker_title == "Director, Migration Policy Institute"


# The chair adds to a closed list: a warning, not a refusal


def test_a_raised_flag_added_to_a_closed_list_is_marked() -> None:
    """The chair may add after closing; the state marks it so the console warns."""
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    before = day.ask("mexico")
    close_list(meeting=day.meeting, by=day.chair)

    added = add_for_raised_flag(
        meeting=day.meeting,
        by=day.chair,
        capacity=Capacity.NATIONAL,
        state=day.thailand,
        level=Level.MINISTER,
        purpose=Purpose.STATEMENT,
    )

    marks = {s["id"]: s["added_to_closed_list"] for s in live_state(day.meeting)["speakers"]}
    assert marks == {before.pk: False, added.pk: True}


def test_a_programme_speaker_added_to_a_closed_list_is_marked() -> None:
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    close_list(meeting=day.meeting, by=day.chair)

    added = add_programme_speaker(participation=day.panellist, by=day.chair)

    assert added.added_to_closed_list


def test_a_delegation_still_cannot_inscribe_on_a_closed_list() -> None:
    """The warning is the chair's: a delegation's statement is still refused."""
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    close_list(meeting=day.meeting, by=day.chair)

    with pytest.raises(ValidationError, match="The list of speakers is closed"):
        day.ask("mexico")

    assert not Inscription.objects.filter(meeting=day.meeting).exists()
