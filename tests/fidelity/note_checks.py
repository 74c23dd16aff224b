"""The facts of the concept notes, each checked on a note's folded text: the seed's or a document's.

Three notes: the series concept note as first published (seed 000), with its
sections and each meeting's topic as it stood then, TBCs included; the 30 June
meeting's (seed 003), which opens with an Introduction; and the 20 July
meeting's (seed 001), with its one block of event details, its footnote and
its participants in the order of the programme.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tests.fidelity.checks import POST_REACH, contains, person_fact
from tests.fidelity.documents import folded
from tests.fidelity.facts import (
    CAPACITIES_20_JULY,
    EVENT_DETAILS_20_JULY,
    INTRODUCTION_30_JUNE,
    ORGANISATIONS,
    PARTICIPANTS_20_JULY,
    SECTIONS_20_JULY,
    SERIES_NOTE_SECTIONS,
    SERIES_NOTE_TOPICS,
    TEXT_30_JUNE,
    Topic,
)

INTRODUCTION_REACH = 1_500  # an introduction of two paragraphs
OPENING_REACH = 400  # the title block and the first heading
AFTER_CALL = 80  # where an inline note would stand after the sentence it explains

Check = Callable[[str], None]
Window = Callable[[str], str]


@dataclass(frozen=True)
class Note:
    """A concept note of the demo, with the seed that is its original."""

    name: str
    seed: str  # the seed file's prefix


SERIES_FIRST_VERSION = Note("series concept note, first version", "000_")
CONCEPT_NOTE_30_JUNE = Note("30 June concept note", "003_")
CONCEPT_NOTE_20_JULY = Note("20 July concept note", "001_")


@dataclass(frozen=True)
class NoteFact:
    """One fact of a seed concept note, checked on the seed and on each document."""

    note: Note
    label: str
    check: Check
    in_seed: Check

    def __str__(self) -> str:
        return f"{self.note.name}: {self.label}"


def _fact(note: Note, label: str, check: Check, in_seed: Check | None = None) -> NoteFact:
    return NoteFact(note, label, check, in_seed or check)


def _found(pattern: str, text: str, start: int = 0) -> re.Match[str]:
    found = re.compile(pattern).search(text, start)
    assert found, f"'{pattern}' is missing"
    return found


def _from(*patterns: str) -> Window:
    """The text from where the patterns are found, each after the one before."""

    def window(text: str) -> str:
        at = 0
        for pattern in patterns:
            at = _found(pattern, text, at).start()
        return text[at:]

    return window


def _until(window: Window, *ends: str) -> Window:
    """The window cut where the first of `ends` stands after its start."""

    def cut(text: str) -> str:
        part = window(text)
        stops = [found.start() for end in ends if (found := re.compile(end).search(part, 1))]
        return part[: min(stops, default=len(part))]

    return cut


def _holds(window: Window, pattern: str, what: str) -> Check:
    def check(text: str) -> None:
        contains(pattern, window(text), what)

    return check


def _words(text: str) -> str:
    """A pattern for the text as whole words of folded text. A hyphen may be
    gone: pdftotext joins a word broken at its hyphen at a line's end."""
    pieces = [re.escape(folded(piece)) for piece in re.split(r"[-\u2010\u2011]", text)]
    return rf"(?<!\w){' ?'.join(pieces)}(?!\w)"


def _in_order(patterns: Sequence[str], what: str) -> Check:
    """Each pattern found after the one before."""

    def check(text: str) -> None:
        at = 0
        for pattern in patterns:
            found = re.compile(pattern).search(text, at)
            assert found, f"{what}: '{pattern}' is missing or out of order"
            at = found.end()

    return check


def _sections(note: Note, headings: Sequence[str]) -> list[NoteFact]:
    """One fact per heading: present, after the headings before it."""
    patterns = [_words(heading) for heading in headings]
    return [
        _fact(note, f"section '{heading}'", _in_order(patterns[: index + 1], "the sections"))
        for index, heading in enumerate(headings)
    ]


def _topic_facts(topic: Topic) -> list[NoteFact]:
    note = SERIES_FIRST_VERSION
    others = [_words(other.date) for other in SERIES_NOTE_TOPICS if other != topic]
    window = _until(_from(_words(topic.date)), *others, r"\bvenue\b")

    def fact(label: str, pattern: str, in_seed: str | None = None) -> NoteFact:
        what = f"the topic of {topic.date}: {label}"
        seed_check = _holds(window, in_seed, what) if in_seed else None
        return _fact(note, f"{topic.date}, {label}", _holds(window, pattern, what), seed_check)

    facts = [fact("title", _words(topic.title))]
    if topic.time is None:
        facts.append(
            fact(
                "time and room TBC",
                rf"^{re.escape(folded(topic.date))}, tbc,",
                r"time and conference room tbc",
            )
        )
    else:
        facts.append(
            fact(f"time {topic.time}", _words(topic.time), _words(topic.time_in_seed or ""))
        )
    if topic.room:
        facts.append(fact(topic.room, _words(topic.room)))
    facts += [fact(f"panel '{panel}'", _words(panel)) for panel in topic.panels]
    facts += [fact(f"organiser {key}", ORGANISATIONS[key]) for key in topic.organisers]
    co_chairs = r"co ?chairs: tbc" if topic.co_chairs == "TBC" else _words(topic.co_chairs)
    facts.append(fact(f"co-chairs {topic.co_chairs}", co_chairs))
    return facts


def series_note_facts() -> list[NoteFact]:
    facts = _sections(SERIES_FIRST_VERSION, SERIES_NOTE_SECTIONS)
    for topic in SERIES_NOTE_TOPICS:
        facts += _topic_facts(topic)
    return facts


def note_30_june_facts() -> list[NoteFact]:
    note = CONCEPT_NOTE_30_JUNE

    def opens_with_introduction(text: str) -> None:
        contains(r"\bintroduction\b", text[:OPENING_REACH], "the Introduction opening the note")

    introduction = _from(r"\bintroduction\b")
    facts = [_fact(note, "opens with its Introduction", opens_with_introduction)]
    facts += [
        _fact(
            note,
            f"Introduction: {label}",
            _holds(lambda text: introduction(text)[:INTRODUCTION_REACH], pattern, label),
        )
        for label, pattern in INTRODUCTION_30_JUNE.items()
    ]
    facts += [
        _fact(note, f"text: {label}", _holds(lambda text: text, pattern, label))
        for label, pattern in TEXT_30_JUNE.items()
    ]
    return facts


def _one_block_of_event_details(text: str) -> None:
    assert text.count("event details") == 1, "the event details are not one block"


def _note_on_the_principles_is_a_footnote(text: str) -> None:
    """The note on the principles is in the note, but not in the sentence it explains."""
    assert "91 and 118" in text, "the note on the principles is missing"
    call = _found(_words("working group on human rights and gender equality"), text)
    after = text[call.end() : call.end() + AFTER_CALL]
    assert "91 and 118" not in after, "the note on the principles is run into the text"


def note_20_july_facts() -> list[NoteFact]:
    note = CONCEPT_NOTE_20_JULY
    details = _until(_from(r"event details"), r"\bparticipants\b")
    participants = _from(r"event details", r"\bparticipants\b")
    facts = _sections(note, SECTIONS_20_JULY)
    facts.append(_fact(note, "one block of event details", _one_block_of_event_details))
    facts += [
        _fact(note, f"event details: {label}", _holds(details, pattern, f"the {label}"))
        for label, pattern in EVENT_DETAILS_20_JULY.items()
    ]
    facts.append(
        _fact(note, "the note on the principles, a footnote", _note_on_the_principles_is_a_footnote)
    )
    for person in PARTICIPANTS_20_JULY:
        introduced = person_fact(4, person)
        facts.append(
            _fact(
                note,
                f"participant {person.name}",
                lambda text, check=introduced.check: check(participants(text)),
                lambda text, check=introduced.in_seed: check(participants(text)),
            )
        )
    for name, capacity in CAPACITIES_20_JULY.items():

        def held(text: str, name: str = name, capacity: str = capacity) -> None:
            part = participants(text)
            start = _found(_words(name), part).start()
            contains(capacity, part[start : start + POST_REACH], f"the capacity of {name}")

        facts.append(_fact(note, f"capacity of {name}", held))
    names = [_words(person.name) for person in PARTICIPANTS_20_JULY]
    in_order = _in_order(names, "the participants in programme order")
    facts.append(
        _fact(note, "participants in programme order", lambda text: in_order(participants(text)))
    )
    return facts


def concept_note_facts() -> list[NoteFact]:
    return [*series_note_facts(), *note_30_june_facts(), *note_20_july_facts()]
