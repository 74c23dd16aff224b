"""A meeting on the day, with everyone who has a screen in the room, for the floor's tests."""

from __future__ import annotations

import datetime
import sys
import types
from dataclasses import dataclass
from typing import Any

from convener.directory.models import Organisation, Person, State, StateGroup
from convener.live.domain.requests import confirm_level, request_floor
from convener.live.models import Inscription, Level, Purpose
from convener.meetings.models import Meeting, Participation, Segment, SegmentKind
from convener.records.models import Capacity
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    SegmentFactory,
    StateFactory,
    StateGroupChairFactory,
    StateGroupFactory,
    StateGroupMembershipFactory,
    UserFactory,
)


@dataclass
class Day:
    meeting: Meeting
    panel: Segment
    debate: Segment
    panellist: Participation
    chair: Any
    secretariat: Any
    rapporteur: Any
    mexico: State
    thailand: State
    g77: StateGroup
    unhcr: Organisation
    mexico_delegation: Any
    thailand_delegation: Any
    unhcr_delegation: Any

    @property
    def series(self):  # type: ignore[no-untyped-def]
        return self.meeting.series

    @property
    def panellist_person(self) -> Person:
        return self.panellist.person

    def ask(self, who: str = "mexico", **fields: Any) -> Inscription:
        """A request for the floor by the delegation of Mexico, Thailand or UNHCR:
        a statement by the chair of delegation (UNHCR's speaker: "other")
        unless told otherwise."""
        speaks_for: dict[str, Any] = {
            "mexico": {"state": self.mexico, "capacity": Capacity.NATIONAL},
            "thailand": {"state": self.thailand, "capacity": Capacity.NATIONAL},
            "unhcr": {
                "organisation": self.unhcr,
                "capacity": Capacity.ORGANISATION,
                "level": Level.OTHER,
            },
        }[who]
        return request_floor(
            meeting=self.meeting,
            by=getattr(self, f"{who}_delegation"),
            **{
                "level": Level.CHAIR_OF_DELEGATION,
                "purpose": Purpose.STATEMENT,
                **speaks_for,
                **fields,
            },
        )

    def confirm(self, inscription: Inscription, level: str = "") -> Inscription:
        """The secretariat confirms the level proposed, or corrects it to `level`."""
        return confirm_level(
            inscription=inscription,
            level=level or inscription.proposed_level,
            by=self.secretariat,
        )


def a_meeting_on_the_day() -> Day:
    meeting = MeetingFactory()
    series = meeting.series
    panel = SegmentFactory(meeting=meeting, kind=SegmentKind.PANEL, order=1)
    debate = SegmentFactory(
        meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE, title="Interactive debate", order=2
    )
    mexico = StateFactory(names={"en": "Mexico", "fr": "Mexique"})
    thailand = StateFactory(names={"en": "Thailand"})
    g77 = StateGroupFactory(name="Group of 77 and China")
    StateGroupMembershipFactory(group=g77, state=thailand)
    # Thailand chaired the Group of 77 in 2016, the year of the meetings.
    StateGroupChairFactory(
        group=g77,
        state=thailand,
        starts=datetime.date(2016, 1, 1),
        ends=datetime.date(2016, 12, 31),
    )
    unhcr = OrganisationFactory(acronym="UNHCR")

    def delegation(**scope: Any) -> Any:
        return GrantFactory(series=series, role=Role.DELEGATION, **scope).user

    return Day(
        meeting=meeting,
        panel=panel,
        debate=debate,
        panellist=ParticipationFactory(segment=panel, speaking_time=8),
        chair=GrantFactory(series=series, role=Role.CHAIR, meeting=meeting).user,
        secretariat=GrantFactory(series=series, role=Role.SECRETARIAT).user,
        rapporteur=GrantFactory(series=series, role=Role.RAPPORTEUR).user,
        mexico=mexico,
        thailand=thailand,
        g77=g77,
        unhcr=unhcr,
        mexico_delegation=delegation(state=mexico),
        thailand_delegation=delegation(state=thailand),
        unhcr_delegation=delegation(organisation=unhcr),
    )


def an_outsider() -> Any:
    return UserFactory()


def fake_bus(monkeypatch: Any) -> list[tuple[int, dict[str, Any]]]:
    """Stand in for the event bus: what the floor publishes lands in the list returned."""
    sent: list[tuple[int, dict[str, Any]]] = []
    bus = types.ModuleType("convener.live.bus")
    bus.publish = lambda meeting_id, payload: sent.append((meeting_id, payload))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "convener.live.bus", bus)
    monkeypatch.setattr("convener.live.bus", bus, raising=False)
    return sent
