"""How a report names people: in full the first time, by a short form after.

"H.E. Karel van Oosterom, Permanent Representative of the Kingdom of the
Netherlands to the United Nations in New York" opens his first paragraph;
"Amb. van Oosterom" every later one. One `Introductions` follows one document.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from convener.directory.models import Organisation, Person, State
from convener.directory.naming import state_in_list
from convener.meetings.models import Segment
from convener.publishing.document import Inline, Text, plain
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity, Intervention


class Introductions:
    """Remembers who a document has introduced already.

    It reads each person's organisation and that organisation's State: fetch
    people (or interventions) with them, `select_related("organisation__state")`.
    """

    def __init__(self) -> None:
        self._introduced: set[str] = set()

    def name(self, person: Person) -> str:
        """The person in full the first time, by their short form after."""
        return plain(self.name_runs(person))

    def name_runs(self, person: Person) -> list[Inline]:
        """The name in bold, then, the first time, position and organisation."""
        if person.key in self._introduced:
            return [Text(short_form(person), bold=True)]
        self._introduced.add(person.key)
        runs: list[Inline] = [Text(person.formal_name, bold=True)]
        description = _description(person)
        if description:
            runs.append(Text(_(", ") + description))
        return runs

    def speaker_runs(self, intervention: Intervention) -> list[Inline]:
        """The line that opens a speaker's paragraph: who took the floor and,
        unless it was for their State or organisation, in what capacity."""
        speaker, state = intervention.speaker, intervention.state
        if speaker is not None:
            first_time = speaker.key not in self._introduced
            runs = self.name_runs(speaker)
            if first_time and state is not None and not _names_state(plain(runs), state):
                runs.append(Text(_(", ") + state_in_list(state, on=_day(intervention))))
        else:
            runs = [Text(_delegation_name(intervention), bold=True)]
        phrase = _capacity_to_add(intervention)
        if phrase:
            runs.append(Text(_(", ") + phrase))
        return runs


def short_form(person: Person) -> str:
    """How the report refers to someone it has introduced: "Amb. van Oosterom"."""
    if person.short_name:
        return person.short_name
    if person.honorific:
        return f"{person.honorific} {person.family_name}"
    return person.full_name


def _description(person: Person) -> str:
    """Position and organisation, the organisation only if the position does
    not name it already."""
    parts = [person.position] if person.position else []
    organisation = person.organisation
    if organisation is not None and not _names(person.position, organisation):
        parts.append(organisation.name)
    return _(", ").join(parts)


def _names(text: str, organisation: Organisation) -> bool:
    """Whether the text names the organisation, its acronym or, for a permanent
    mission or a government, its State."""
    if _mentions(text, organisation.name, ignore_case=True):
        return True
    if organisation.acronym and _mentions(text, organisation.acronym):
        return True
    return organisation.state is not None and _names_state(text, organisation.state)


def _names_state(text: str, state: State) -> bool:
    """Whether the text names the State, by its short or its formal name."""
    names = {state.name, state.names.get("en", ""), state.formal_name.removeprefix("the ")}
    for earlier in state.earlier_names:  # "Permanent Representative of Turkey"
        names |= {earlier["short"], earlier["formal"].removeprefix("the ")}
    return any(_mentions(text, name, ignore_case=True) for name in names if name)


def _mentions(text: str, name: str, *, ignore_case: bool = False) -> bool:
    """Whether the name stands in the text as whole words ("Niger" is not in "Nigeria")."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags) is not None


def _delegation_name(intervention: Intervention) -> str:
    """Who took the floor when no speaker was recorded: the State, the group of
    States or the organisation."""
    if intervention.state is not None:
        return state_in_list(intervention.state, on=_day(intervention))
    if intervention.state_group is not None:
        return intervention.state_group.name
    if intervention.organisation is not None:
        return intervention.organisation.name
    return ""


def _day(intervention: Intervention) -> datetime.date | None:
    """The meeting's date, where the turn was fetched with its segment and meeting."""
    if not Intervention.segment.is_cached(intervention):
        return None
    segment = intervention.segment
    return segment.meeting.date if Segment.meeting.is_cached(segment) else None


def _capacity_to_add(intervention: Intervention) -> str:
    """The capacity phrase, unless it says no more than the line does: national
    capacity, an organisation, or a group named as the one who spoke."""
    if intervention.capacity in {Capacity.NATIONAL, Capacity.ORGANISATION}:
        return ""
    speaks_as_group = intervention.speaker is None and intervention.state is None
    if intervention.capacity == Capacity.GROUP and speaks_as_group:
        return ""
    return capacity_phrase(intervention)
