"""How documents name people and organisations.

A report introduces a person in full the first time in each chapter:
"H.E. Karel van Oosterom, Permanent Representative of the Kingdom of the
Netherlands to the United Nations in New York" opens his first paragraph;
"Amb. van Oosterom" every later one. A programme or a list describes each
person in full, with the capacity they held at the meeting ("… and Chair of
the Global Migration Group"). In every document an organisation is named in
full with its acronym in brackets the first time, by its acronym after.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

from convener.directory.models import Organisation, Person, State
from convener.directory.naming import organisation_in_text, state_in_list
from convener.meetings.models import Segment
from convener.publishing.composition.acronyms import Acronyms, spelled_out
from convener.publishing.composition.wording import joined
from convener.publishing.document import Inline, Text, plain
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity, Intervention


def _in_position(position: str, organisation: Organisation, acronyms: Acronyms) -> tuple[str, bool]:
    """The position, with the organisation's acronym spelled out at its first
    use in the document, and whether it names the organisation (so that the
    organisation need not follow it)."""
    acronym = organisation.acronym
    if _names_in_full(position, organisation):
        if acronym and _mentions(position, organisation.name, ignore_case=True):
            if not acronyms.knows(acronym) and f"({acronym})" not in position:
                position = _after_name(position, organisation)
            acronyms.note([organisation])
        return position, True
    if not acronym:
        return position, False
    found = re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", position)
    if found is None:
        return position, False
    if acronyms.knows(acronym) or f"({acronym})" in position:
        acronyms.note([organisation])
        return position, True
    before, after = position[: found.start()], position[found.end() :]
    if re.match(r"\s+[A-Z]", after):
        # The acronym qualifies what follows ("the UNHCR Liaison Office"):
        # the organisation follows the position, spelled out.
        return position, False
    acronyms.note([organisation])
    name = organisation_in_text(organisation) if _within(before) else organisation.name
    return before + spelled_out(organisation, name) + after, True


class Introductions:
    """Remembers who a chapter has introduced already, and the acronyms its
    document has spelled out.

    It reads each person's organisation and that organisation's State: fetch
    people (or interventions) with them, `select_related("organisation__state")`.
    """

    def __init__(self, acronyms: Acronyms | None = None) -> None:
        self._introduced: set[str] = set()
        self.acronyms = acronyms if acronyms is not None else Acronyms()

    def next_chapter(self) -> Introductions:
        """Introductions for the next chapter of the same document: everyone is
        introduced in full again; acronyms stay spelled out."""
        return Introductions(self.acronyms)

    def name(self, person: Person) -> str:
        """The person in full the first time, by their short form after."""
        return plain(self.name_runs(person))

    def name_runs(self, person: Person) -> list[Inline]:
        """The name in bold, then, the first time, position and organisation."""
        if person.key in self._introduced:
            return [Text(short_form(person), bold=True)]
        self._introduced.add(person.key)
        runs: list[Inline] = [Text(person.formal_name, bold=True)]
        description = _description(person, self.acronyms)
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
            runs = [Text(self._delegation_name(intervention), bold=True)]
        phrase = _capacity_to_add(intervention)
        if phrase:
            runs.append(Text(_(", ") + phrase))
        return runs

    def _delegation_name(self, intervention: Intervention) -> str:
        """Who took the floor when no speaker was recorded: the State, the group
        of States or the organisation."""
        if intervention.state is not None:
            return state_in_list(intervention.state, on=_day(intervention))
        if intervention.state_group is not None:
            return intervention.state_group.name_in_language
        if intervention.organisation is not None:
            return self.acronyms.name(intervention.organisation)
        return ""


def described(person: Person, acronyms: Acronyms, capacities: Sequence[str] = ()) -> str:
    """A person as a programme or a list describes them, in full every time:
    honorific, name, position, organisation and the capacities held at the
    meeting ("… and co-facilitator of the high-level plenary meeting")."""
    description = _description(person, acronyms)
    held = joined([capacity for capacity in dict.fromkeys(capacities) if capacity])
    if held and description:
        description = _("%(description)s and %(capacity)s") % {
            "description": description,
            "capacity": held,
        }
    return _(", ").join(part for part in (person.formal_name, description or held) if part)


def short_form(person: Person) -> str:
    """How the report refers to someone it has introduced: "Amb. van Oosterom"."""
    if person.short_name:
        return person.short_name
    if person.honorific:
        return f"{person.honorific} {person.family_name}"
    return person.full_name


def _description(person: Person, acronyms: Acronyms) -> str:
    """Position and organisation, the organisation only if the position does
    not name it already."""
    position, named = person.position, False
    organisation = person.organisation
    if organisation is not None:
        position, named = _in_position(position, organisation, acronyms)
    parts = [position] if position else []
    if organisation is not None and not named:
        parts.append(acronyms.name(organisation))
    return _(", ").join(parts)


def _within(before: str) -> bool:
    """Whether what comes before a name leaves it inside a phrase ("Director of
    …"), rather than at the start of a part or after an article."""
    return bool(before) and not before.endswith((", ", "the ", "The "))


def _after_name(text: str, organisation: Organisation) -> str:
    """The text with the acronym in brackets after the organisation's name, if it has it."""
    pattern = rf"(?<!\w){re.escape(organisation.name)}(?!\w)"
    found = re.search(pattern, text, re.IGNORECASE)
    if found is None:
        return text
    return f"{text[: found.end()]} ({organisation.acronym}){text[found.end() :]}"


# "Office of the Special Representative of the Secretary-General for …" is
# named by its head's title, "Special Representative of the Secretary-General on …".
_OFFICE_OF = re.compile(r"^(?:the )?Office of (?:the )?(?:United Nations )?", re.IGNORECASE)
_LINKING = re.compile(r" (?:for|on|of) ", re.IGNORECASE)


def _names_in_full(text: str, organisation: Organisation) -> bool:
    """Whether the text names the organisation in words: its name, the title of
    the head of an office, or, for a permanent mission or a government, its State."""
    if _mentions(text, organisation.name, ignore_case=True):
        return True
    head = _OFFICE_OF.sub("", organisation.name)
    if head != organisation.name and _mentions(
        _LINKING.sub(" · ", text), _LINKING.sub(" · ", head), ignore_case=True
    ):
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
