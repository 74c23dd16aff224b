"""Which States took the floor at a meeting, as the executive summary says it:
"Seven Member States took the floor: the Netherlands and Thailand (as co-Chairs of
the meeting), as well as Austria, …", and the footnote where a State chaired a
group of States but spoke in its national capacity: on its statement when the
report tells one, else on this sentence.

Everything comes from the meeting's interventions, its co-chairs and the chairs
of groups of States on its date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convener.directory.models import (
    Person,
    State,
    StateGroup,
    StateGroupChair,
    StateGroupKind,
)
from convener.directory.naming import state_in_text
from convener.meetings.models import Meeting
from convener.prose.formats import listed
from convener.prose.nouns import MEMBER_STATE
from convener.prose.numbers import count_in_words
from convener.publishing.document import Footnote, Inline, Text
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity, Intervention

_MARK = "\x00"
_MARKS = re.compile(rf"{_MARK}(\d+){_MARK}")


def participation_prefetches() -> list[str]:
    """What `participation_runs` reads, as lookups to prefetch with the meetings:
    then a meeting, or a whole series of them, costs a fixed number of queries.

    Plain lookups, so they can follow a composer's own `Prefetch("segments", …)`
    (put them after it); objects it has loaded already are not fetched again.
    """
    return [
        "co_chairs",
        "segments__interventions__speaker",
        "segments__interventions__state_group",
        "segments__interventions__state__group_chairs__group",
    ]


@dataclass
class _Speaker:
    """A State that took the floor, with its turns in order."""

    state: State
    formally: bool = False  # a co-chair the secretariat names by its formal name
    turns: list[Intervention] = field(default_factory=list)


def is_told(turn: Intervention) -> bool:
    """Whether the report tells the turn (it has words or points), rather than
    only counting it in the participation sentence."""
    return bool(turn.summary or turn.points)


def _speakers(meeting: Meeting) -> dict[int, _Speaker]:
    """The States that took the floor, by key, in the order of their first turn."""
    formally = {c.state_id for c in meeting.co_chairs.all() if c.named_formally}
    speakers: dict[int, _Speaker] = {}
    for segment in meeting.segments.all():
        for turn in segment.interventions.all():
            if turn.state is not None:
                speaker = _Speaker(turn.state, formally=turn.state.pk in formally)
                speakers.setdefault(turn.state.pk, speaker).turns.append(turn)
    return speakers


def statement_notes(meeting: Meeting) -> dict[int, Footnote]:
    """The footnotes that go on statements, by intervention key: a State that
    chaired a group of States on the day but spoke nationally has its note on
    the first of its turns the report tells. A State with no turn told keeps
    its note on the participation sentence (`participation_runs`)."""
    notes: dict[int, Footnote] = {}
    for speaker in _speakers(meeting).values():
        told = next((turn for turn in speaker.turns if is_told(turn)), None)
        note = _chair_footnote(speaker, meeting.date) if told else None
        if told is not None and note is not None:
            notes[told.pk] = note
    return notes


def participation_runs(meeting: Meeting, *, notes_on_statements: bool = False) -> list[Inline]:
    """The sentence that says which States took the floor, as runs.

    Member States are counted and named (co-chairs first, then the others in
    the order of their first turn), then observer States, then groups that spoke
    as a group. With `notes_on_statements`, a State whose statement the report
    tells has its footnote there (`statement_notes`), not on this sentence.
    Fetch the meeting with `participation_prefetches()` to read it in a fixed
    number of queries.
    """
    speakers = _speakers(meeting)
    groups: dict[int, StateGroup] = {}
    for segment in meeting.segments.all():
        for turn in segment.interventions.all():
            if turn.state is None and turn.state_group is not None:
                groups.setdefault(turn.state_group.pk, turn.state_group)
    noted_elsewhere = {
        pk
        for pk, speaker in speakers.items()
        if notes_on_statements and any(is_told(turn) for turn in speaker.turns)
    }
    namer = _Namer(meeting.date, noted_elsewhere)
    co_chair_ids = [co_chair.state_id for co_chair in meeting.co_chairs.all()]
    members = {pk: speaker for pk, speaker in speakers.items() if speaker.state.is_member}
    co_chairs = [members[pk] for pk in co_chair_ids if pk in members]
    others = [namer.name(speaker) for pk, speaker in members.items() if pk not in co_chair_ids]
    observers = [speaker for speaker in speakers.values() if not speaker.state.is_member]
    extras = [
        _observers_clause([namer.name(speaker) for speaker in observers]),
        *[_group_phrase(group) for group in groups.values()],
    ]
    sentence = _sentence(len(members), co_chairs, [*others, *filter(None, extras)], namer)
    return _runs(sentence, namer.footnotes)


def _sentence(count: int, co_chairs: list[_Speaker], others: list[str], namer: _Namer) -> str:
    """Member States counted; the co-chairs, then everyone else in one list,
    "A, B and a group of C", with no comma before its "and"."""
    if not count and not others:
        return _("No Member State took the floor.")
    if not count:
        return _("No Member State took the floor, but %(others)s did.") % {"others": listed(others)}
    sentence = ngettext(
        "%(count)s Member State took the floor: %(states)s.",
        "%(count)s Member States took the floor: %(states)s.",
        count,
    ) % {
        "count": count_in_words(count, MEMBER_STATE),
        "states": _members_clause(co_chairs, others, namer),
    }
    return capfirst(sentence)


def _members_clause(co_chairs: list[_Speaker], others: list[str], namer: _Namer) -> str:
    """ "X and Y (as co-Chairs of the meeting), as well as A, B and C"."""
    names = listed(namer.name(speaker) for speaker in co_chairs)
    other_names = listed(others)
    if not co_chairs:
        return other_names
    if any(_notes(speaker.turns) for speaker in co_chairs):
        # A co-chair's own capacity in brackets would read as the co-chairs' one.
        clause = ngettext(
            "the co-Chair of the meeting, %(states)s",
            "the co-Chairs of the meeting, %(states)s",
            len(co_chairs),
        )
    else:
        clause = ngettext(
            "%(states)s (as co-Chair of the meeting)",
            "%(states)s (as co-Chairs of the meeting)",
            len(co_chairs),
        )
    clause %= {"states": names}
    if not others:
        return clause
    return _("%(co_chairs)s, as well as %(others)s") % {"co_chairs": clause, "others": other_names}


def _observers_clause(names: list[str]) -> str:
    if not names:
        return ""
    return ngettext(
        "the observer State %(states)s", "the observer States %(states)s", len(names)
    ) % {"states": listed(names)}


def _group_phrase(group: StateGroup) -> str:
    """A group that spoke as one, "the Group of 77 and China as a group"; for a
    UN classification, which has no common voice, those of its members who
    spoke together: "a group of Small Island Developing States"."""
    if group.kind == StateGroupKind.CLASSIFICATION:
        # Translators: some States of a UN classification that spoke together.
        return _("a group of %(group)s") % {"group": group.name_in_language}
    # Translators: a group of States that spoke as one, e.g. "the Group of 77 and China".
    return _("the %(group)s as a group") % {"group": group.name_in_language}


def _notes(turns: list[Intervention]) -> list[str]:
    """The capacities a State spoke in, when one of them was not its national one."""
    if all(turn.capacity in {Capacity.NATIONAL, ""} for turn in turns):
        return []
    return _unique(capacity_phrase(turn) for turn in turns if turn.capacity)


class _Namer:
    """Names a State with the capacities it spoke in and, where it chaired a
    group of States on the meeting's date but spoke for itself, a footnote."""

    def __init__(self, date: datetime.date | None, noted_elsewhere: set[int]) -> None:
        self.date = date
        self.noted_elsewhere = noted_elsewhere
        self.footnotes: list[Footnote] = []

    def name(self, speaker: _Speaker) -> str:
        """ "Ireland (as co-facilitator of …)", or "Thailand" and a footnote mark."""
        name = state_in_text(speaker.state, on=self.date, formal=speaker.formally)
        name += self._footnote_mark(speaker)
        notes = _notes(speaker.turns)
        if notes:
            return f"{name} ({listed(notes)})"
        return name

    def _footnote_mark(self, speaker: _Speaker) -> str:
        note = None
        if speaker.state.pk not in self.noted_elsewhere:
            note = _chair_footnote(speaker, self.date)
        if note is None:
            return ""
        self.footnotes.append(note)
        return f"{_MARK}{len(self.footnotes) - 1}{_MARK}"


def _chair_footnote(speaker: _Speaker, date: datetime.date | None) -> Footnote | None:
    """The note on a State that chaired a group of States on the date but spoke
    only in its national capacity; None for any other."""
    chairs = _chairs(speaker.state, date)
    if not chairs or any(turn.capacity != Capacity.NATIONAL for turn in speaker.turns):
        return None
    person = next((turn.speaker for turn in speaker.turns if turn.speaker), None)
    state = state_in_text(speaker.state, on=date, formal=speaker.formally, start=True)
    return Footnote((Text(_chair_note(state, chairs, person)),))


def _chairs(state: State, date: datetime.date | None) -> list[StateGroupChair]:
    if date is None:
        return []
    return [chair for chair in state.group_chairs.all() if chair.starts <= date <= chair.ends]


def _chair_note(state: str, chairs: list[StateGroupChair], speaker: Person | None) -> str:
    """ "Thailand chaired the Group of 77 and China in 2016; H.E. Virachai
    Plasai spoke in a national capacity." """
    offices = listed(_chair_office(chair) for chair in chairs)
    if speaker is None:
        return _("%(state)s %(offices)s but spoke in a national capacity.") % {
            "state": state,
            "offices": offices,
        }
    return _("%(state)s %(offices)s; %(speaker)s spoke in a national capacity.") % {
        "state": state,
        "offices": offices,
        "speaker": speaker.formal_name,
    }


def _chair_office(chair: StateGroupChair) -> str:
    """ "chaired the Group of 77 and China in 2016", "held the Presidency of the
    Council of the European Union at the time of the meeting": the office by
    its name (a regional organisation's States preside over its Council in turn)."""
    year = chair.starts.year
    whole_year = (chair.starts, chair.ends) == (
        datetime.date(year, 1, 1),
        datetime.date(year, 12, 31),
    )
    presidency = chair.group.kind == StateGroupKind.REGIONAL_ORGANISATION
    values = {"group": chair.group.name_in_language, "year": year}
    if presidency and whole_year:
        return _("held the Presidency of the Council of the %(group)s in %(year)s") % values
    if presidency:
        return (
            _("held the Presidency of the Council of the %(group)s at the time of the meeting")
            % values
        )
    if whole_year:
        return _("chaired the %(group)s in %(year)s") % values
    return _("chaired the %(group)s at the time of the meeting") % values


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _runs(sentence: str, footnotes: list[Footnote]) -> list[Inline]:
    """The sentence as text runs, with each footnote where its mark stands."""
    runs: list[Inline] = []
    for index, part in enumerate(_MARKS.split(sentence)):
        if index % 2:
            runs.append(footnotes[int(part)])
        elif part:
            runs.append(Text(part))
    return runs
