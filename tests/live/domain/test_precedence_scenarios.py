"""The list of speakers as the UN runs it, scenario by scenario, through the
domain functions. Each scenario names the rule or practice it follows
(docs/live.md has the sources)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from convener.directory.models import OrganisationKind
from convener.live.domain.floor import set_floor_rules, start_segment
from convener.live.domain.order import move
from convener.live.domain.requests import add_for_raised_flag, confirm_level, request_floor
from convener.live.domain.turns import end_turn, give_floor
from convener.live.models import Inscription, Level, Purpose
from convener.records.models import Capacity
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    OrganisationFactory,
    StateFactory,
    StateGroupFactory,
    StateGroupMembershipFactory,
)
from tests.live.day import Day, a_meeting_on_the_day

pytestmark = pytest.mark.django_db


@dataclass
class Room:
    """The day's meeting with more delegations: an observer State, an
    intergovernmental organisation and an NGO beside Mexico, Thailand and UNHCR."""

    day: Day
    delegations: dict[str, tuple[dict[str, Any], Any]]

    def ask(self, who: str, level: str = Level.CHAIR_OF_DELEGATION, **fields: Any) -> Inscription:
        speaks_for, user = self.delegations[who]
        if speaks_for["capacity"] == Capacity.ORGANISATION:
            level = Level.OTHER
        return request_floor(
            meeting=self.day.meeting,
            by=user,
            **{"level": level, "purpose": Purpose.STATEMENT, **speaks_for, **fields},
        )

    def confirm(self, inscription: Inscription, level: str = "") -> Inscription:
        """The secretariat confirms the level proposed, or corrects it to `level`."""
        return self.day.confirm(inscription, level)

    def designate(self, who: str, group: Any) -> Inscription:
        """The secretariat adds a member State to speak for its group."""
        return add_for_raised_flag(
            meeting=self.day.meeting,
            by=self.day.secretariat,
            capacity=Capacity.GROUP,
            state=self.delegations[who][0]["state"],
            state_group=group,
            level=Level.CHAIR_OF_DELEGATION,
            purpose=Purpose.STATEMENT,
        )

    def waiting(self) -> list[str]:
        """Who waits, in the order of the list, by their names in the scenario."""
        names = {self._key(speaks_for): name for name, (speaks_for, _) in self.delegations.items()}
        listed = Inscription.objects.filter(meeting=self.day.meeting, status="waiting")
        return [
            names[self._key({"state": i.state, "organisation": i.organisation})]
            + (f" for the {self._group(i.state_group)}" if i.state_group_id else "")
            for i in listed.order_by("position")
        ]

    def _group(self, group: Any) -> str:
        return "G77" if group == self.day.g77 else group.short_name or group.name

    @staticmethod
    def _key(speaks_for: dict[str, Any]) -> Any:
        return speaks_for.get("state") or speaks_for.get("organisation")


@pytest.fixture
def room() -> Room:
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    series = day.series

    def delegation(**speaks_for: Any) -> tuple[dict[str, Any], Any]:
        scope = {k: v for k, v in speaks_for.items() if k in ("state", "organisation")}
        user = GrantFactory(series=series, role=Role.DELEGATION, **scope).user
        return speaks_for, user

    holy_see = StateFactory(names={"en": "Holy See"}, status="observer")
    iom = OrganisationFactory(acronym="IOM", kind=OrganisationKind.INTERNATIONAL_ORGANISATION)
    ngo = OrganisationFactory(acronym="NGO", kind=OrganisationKind.NGO)
    brazil = StateFactory(names={"en": "Brazil"})
    StateGroupMembershipFactory(group=day.g77, state=brazil)
    return Room(
        day,
        {
            "Mexico": delegation(state=day.mexico, capacity=Capacity.NATIONAL),
            "Thailand": delegation(state=day.thailand, capacity=Capacity.NATIONAL),
            "Brazil": delegation(state=brazil, capacity=Capacity.NATIONAL),
            "Holy See": delegation(state=holy_see, capacity=Capacity.NATIONAL),
            "UNHCR": delegation(organisation=day.unhcr, capacity=Capacity.ORGANISATION),
            "IOM": delegation(organisation=iom, capacity=Capacity.ORGANISATION),
            "NGO": delegation(organisation=ngo, capacity=Capacity.ORGANISATION),
        },
    )


def test_members_then_observer_states_then_observers_then_civil_society(room):
    """General Assembly practice: observer States and other observers take the floor
    after Member States, civil society after them."""
    for who in ("NGO", "IOM", "Holy See", "Mexico"):
        room.ask(who)

    assert room.waiting() == ["Mexico", "Holy See", "IOM", "NGO"]


def test_a_president_who_inscribed_later_goes_before_a_prime_minister(room):
    """Protocol: Head of State before Vice-President before Head of Government."""
    for who, level in [
        ("Mexico", Level.HEAD_OF_GOVERNMENT),
        ("Brazil", Level.VICE_PRESIDENT),
        ("Thailand", Level.HEAD_OF_STATE),
    ]:
        room.day.confirm(room.ask(who, level=level))

    assert room.waiting() == ["Thailand", "Brazil", "Mexico"]


def test_an_organisation_cannot_claim_a_heads_of_state_level(room):
    """Levels of representation are those of States (e-Speakers practice)."""
    speaks_for, user = room.delegations["NGO"]

    with pytest.raises(ValidationError) as refused:
        request_floor(
            meeting=room.day.meeting,
            by=user,
            level=Level.HEAD_OF_STATE,
            purpose=Purpose.STATEMENT,
            **speaks_for,
        )

    assert "level" in refused.value.message_dict


def test_the_group_statement_comes_before_national_statements(room):
    """GA practice: statements on behalf of groups open the debate on an item."""
    room.ask("Mexico", level=Level.MINISTER)
    room.ask("Thailand", capacity=Capacity.GROUP, state_group=room.day.g77)

    assert room.waiting() == ["Thailand for the G77", "Mexico"]


def test_only_the_groups_chair_of_the_day_speaks_for_it(room):
    """A group speaks through its chair; others only when the secretariat designates them."""
    with pytest.raises(ValidationError, match="Only the State chairing"):
        room.ask("Brazil", capacity=Capacity.GROUP, state_group=room.day.g77)

    designated = room.designate("Brazil", room.day.g77)
    assert designated.state_group == room.day.g77


def test_one_statement_per_group_on_an_item(room):
    """A group states its position once on an item."""
    room.ask("Thailand", capacity=Capacity.GROUP, state_group=room.day.g77)
    give_floor(meeting=room.day.meeting, by=room.day.chair)
    end_turn(meeting=room.day.meeting, by=room.day.chair)

    with pytest.raises(ValidationError, match="already made its statement"):
        room.designate("Brazil", room.day.g77)


def test_those_who_have_not_spoken_on_the_item_come_first(room):
    """GA practice: a second statement waits for every delegation yet to speak."""
    room.ask("Mexico", level=Level.MINISTER)
    give_floor(meeting=room.day.meeting, by=room.day.chair)
    end_turn(meeting=room.day.meeting, by=room.day.chair)

    room.ask("Mexico", level=Level.MINISTER)
    room.ask("Brazil", level=Level.OTHER)

    assert room.waiting() == ["Brazil", "Mexico"]


def test_rights_of_reply_in_the_order_asked_not_by_level(room):
    """Decision 34/401: rights of reply at the end, in the order requested."""
    room.ask("Mexico", purpose=Purpose.RIGHT_OF_REPLY, level=Level.OTHER)
    room.ask("Thailand", purpose=Purpose.RIGHT_OF_REPLY, level=Level.HEAD_OF_STATE)
    room.ask("Brazil")

    assert room.waiting() == ["Brazil", "Mexico", "Thailand"]


def test_a_third_right_of_reply_on_an_item_is_refused_with_the_reason(room):
    """Decision 34/401: two rights of reply per delegation per item."""
    for _ in range(2):
        room.ask("Mexico", purpose=Purpose.RIGHT_OF_REPLY)
        give_floor(meeting=room.day.meeting, by=room.day.chair)
        end_turn(meeting=room.day.meeting, by=room.day.chair)

    with pytest.raises(ValidationError, match="2 rights of reply on this item"):
        room.ask("Mexico", purpose=Purpose.RIGHT_OF_REPLY)


def test_points_of_order_among_themselves_in_the_order_raised(room):
    """Rule 71: points of order are taken as they are raised, whatever the level."""
    room.ask("Mexico", purpose=Purpose.POINT_OF_ORDER, level=Level.OTHER)
    room.ask("Thailand", purpose=Purpose.POINT_OF_ORDER, level=Level.HEAD_OF_STATE)

    assert room.waiting() == ["Mexico", "Thailand"]


def test_a_newcomer_never_goes_ahead_of_the_chairs_choice(room):
    """The chair's arrangement stands (docs/live.md)."""
    room.day.confirm(room.ask("Mexico", level=Level.MINISTER))
    junior = room.ask("Brazil", level=Level.OTHER)
    move(inscription=junior, place=1, by=room.day.chair)

    room.day.confirm(room.ask("Thailand", level=Level.HEAD_OF_STATE))

    assert room.waiting() == ["Brazil", "Thailand", "Mexico"]


def test_a_multi_stakeholder_meeting_mixes_stakeholders_by_level_and_time(room):
    """A meeting's own rules may mix Member States, observers and civil society."""
    floor = room.day.meeting.floor
    floor.precedence = "multi_stakeholder"
    floor.save()
    room.ask("NGO")
    room.ask("Mexico", level=Level.OTHER)

    assert room.waiting() == ["NGO", "Mexico"]


@dataclass(frozen=True)
class Levels:
    """A row of the levels the secretariat confirms: who asks at what level, in
    that order; whose level the secretariat then confirms or corrects; the list
    that follows."""

    rule: str
    asks: tuple[tuple[str, str], ...]
    confirms: tuple[tuple[str, str], ...]
    waiting: tuple[str, ...]
    precedence: str = "general_assembly"


LEVEL_SCENARIOS = [
    Levels(
        "an unconfirmed Head of State claim counts as other: it waits its turn by time",
        asks=(("Mexico", Level.OTHER), ("Thailand", Level.HEAD_OF_STATE)),
        confirms=(),
        waiting=("Mexico", "Thailand"),
    ),
    Levels(
        "an NGO's speaker is other, and so is a State's unconfirmed Head of State claim: "
        "stakeholders mixed, the NGO that asked first speaks first",
        asks=(("NGO", Level.OTHER), ("Mexico", Level.HEAD_OF_STATE)),
        confirms=(),
        waiting=("NGO", "Mexico"),
        precedence="multi_stakeholder",
    ),
    Levels(
        "a confirmed Head of State precedes by protocol, wherever it inscribed",
        asks=(("Mexico", Level.OTHER), ("Thailand", Level.HEAD_OF_STATE)),
        confirms=(("Thailand", Level.HEAD_OF_STATE),),
        waiting=("Thailand", "Mexico"),
    ),
    Levels(
        "a confirmed Minister precedes an unconfirmed one",
        asks=(("Mexico", Level.MINISTER), ("Thailand", Level.MINISTER)),
        confirms=(("Thailand", Level.MINISTER),),
        waiting=("Thailand", "Mexico"),
    ),
    Levels(
        "the secretariat corrects a claimed level: the corrected one counts",
        asks=(("Mexico", Level.HEAD_OF_STATE), ("Thailand", Level.MINISTER)),
        confirms=(("Mexico", Level.CHAIR_OF_DELEGATION), ("Thailand", Level.MINISTER)),
        waiting=("Thailand", "Mexico"),
    ),
    Levels(
        "the secretariat may raise a modest proposal: a Minister listed as other",
        asks=(("Mexico", Level.CHAIR_OF_DELEGATION), ("Thailand", Level.OTHER)),
        confirms=(("Mexico", Level.CHAIR_OF_DELEGATION), ("Thailand", Level.MINISTER)),
        waiting=("Thailand", "Mexico"),
    ),
]


@pytest.mark.parametrize("scenario", LEVEL_SCENARIOS, ids=lambda scenario: scenario.rule)
def test_only_the_levels_the_secretariat_confirms_count(room, scenario):
    """Protocol ranks speakers by their level of representation, which the
    secretariat (protocol) confirms; a level it has not confirmed counts as "other"."""
    floor = room.day.meeting.floor
    floor.precedence = scenario.precedence
    floor.save()
    asked = {who: room.ask(who, level=level) for who, level in scenario.asks}
    for who, level in scenario.confirms:
        room.confirm(asked[who], level)

    assert room.waiting() == list(scenario.waiting)


def test_the_secretariat_cannot_give_an_organisation_a_states_level(room):
    """Levels of representation are those of States: the secretariat cannot confirm one for
    an NGO either."""
    ngo = room.ask("NGO")

    with pytest.raises(ValidationError) as refused:
        confirm_level(inscription=ngo, level=Level.HEAD_OF_STATE, by=room.day.secretariat)

    assert "level" in refused.value.message_dict
    ngo.refresh_from_db()
    assert (ngo.level, ngo.level_confirmed_at) == (Level.OTHER, None)


def test_a_level_the_secretariat_gives_for_a_raised_flag_counts_at_once(room):
    """The secretariat adding a delegation names its level itself: confirmed."""
    inscription = add_for_raised_flag(
        meeting=room.day.meeting,
        by=room.day.secretariat,
        capacity=Capacity.NATIONAL,
        state=room.delegations["Brazil"][0]["state"],
        level=Level.MINISTER,
        purpose=Purpose.STATEMENT,
    )

    assert (inscription.level, inscription.level_confirmed_by) == (
        Level.MINISTER,
        room.day.secretariat,
    )


def test_a_level_the_chair_gives_for_a_raised_flag_is_a_proposal(room):
    """Only the secretariat confirms levels: the chair's counts as "other" until it does."""
    inscription = add_for_raised_flag(
        meeting=room.day.meeting,
        by=room.day.chair,
        capacity=Capacity.NATIONAL,
        state=room.delegations["Brazil"][0]["state"],
        level=Level.MINISTER,
        purpose=Purpose.STATEMENT,
    )

    assert (inscription.proposed_level, inscription.level) == (Level.MINISTER, Level.OTHER)
    assert inscription.level_confirmed_at is None


@dataclass(frozen=True)
class Groups:
    """A row of the meeting's order of groups: the order set, the list that follows
    when the G77 (Thailand chairs it) asks first and the SIDS (Brazil designated) second."""

    rule: str
    order: tuple[str, ...]
    waiting: tuple[str, ...]


GROUP_SCENARIOS = [
    Groups(
        "without an order of groups, group statements come by time of inscription",
        order=(),
        waiting=("Thailand for the G77", "Brazil for the SIDS", "Mexico"),
    ),
    Groups(
        "group statements follow the meeting's order of groups",
        order=("SIDS", "G77"),
        waiting=("Brazil for the SIDS", "Thailand for the G77", "Mexico"),
    ),
    Groups(
        "a group the order does not name follows those it names",
        order=("SIDS",),
        waiting=("Brazil for the SIDS", "Thailand for the G77", "Mexico"),
    ),
]


@pytest.mark.parametrize("scenario", GROUP_SCENARIOS, ids=lambda scenario: scenario.rule)
def test_group_statements_come_in_the_meetings_order_of_groups(room, scenario):
    """GA practice: statements on behalf of groups open the debate, in the order the
    meeting sets for its groups."""
    sids = StateGroupFactory(key="sids", name="Small Island Developing States", short_name="SIDS")
    StateGroupMembershipFactory(group=sids, state=room.delegations["Brazil"][0]["state"])
    groups = {"G77": room.day.g77.pk, "SIDS": sids.pk}
    set_floor_rules(
        meeting=room.day.meeting,
        precedence="general_assembly",
        replies_per_item=2,
        group_order=[groups[name] for name in scenario.order],
        by=room.day.chair,
    )
    room.ask("Mexico", level=Level.MINISTER)
    room.ask("Thailand", capacity=Capacity.GROUP, state_group=room.day.g77)
    room.designate("Brazil", sids)

    assert room.waiting() == list(scenario.waiting)
