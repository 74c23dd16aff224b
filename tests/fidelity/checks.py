"""One check per kind of fact, run on a chapter's folded text: the seed's or a document's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tests.fidelity.documents import folded
from tests.fidelity.facts import ORGANISATIONS, PEOPLE, STATES_THAT_SPOKE, Person
from tests.fidelity.seeds import SeedChapter, report_chapters

HEADER_REACH = 700  # the header block opens the chapter
POST_REACH = 300  # a post and an organisation follow the name they belong to
FLOOR_REACH = 400  # the sentence of who took the floor


@dataclass(frozen=True)
class Fact:
    """One fact of the seed's report, checked on a chapter's folded text."""

    chapter: int
    label: str
    check: Callable[[str], None]
    in_seed: Callable[[str], None]

    def __str__(self) -> str:
        return f"meeting {self.chapter}: {self.label}"


def contains(pattern: str, text: str, what: str) -> None:
    assert re.search(pattern, text), f"{what} is missing"


def _state(name: str) -> str:
    """A State as a header names it, reduced to the short name every form of its name holds."""
    return re.sub(r"^(kingdom|republic) of (the )?", "", folded(name))


def _header_facts(chapter: SeedChapter) -> list[Fact]:
    header = chapter.header
    wanted = {
        f"date {header.date}": re.escape(folded(header.date)),
        f"time {header.start}-{header.end}": re.escape(folded(f"{header.start}-{header.end}")),
        f"room {header.room}": re.escape(folded(header.room)),
        **{f"co-organiser {name}": ORGANISATIONS[name] for name in header.co_organisers},
        **{f"co-Chair {name}": re.escape(_state(name)) for name in header.co_chairs},
    }

    def fact(label: str, pattern: str) -> Fact:
        def check(text: str) -> None:
            contains(pattern, text[:HEADER_REACH], f"the header block's {label}")

        return Fact(chapter.number, f"header block, {label}", check, in_seed=check)

    return [fact(label, pattern) for label, pattern in wanted.items()]


def _panel_key(title: str) -> str:
    """A panel's title without its numbering, as far as the seeds' two wordings agree."""
    words = folded(re.sub(r"^(panel \d|\w+ discussion topic): ", "", title, flags=re.I)).split()
    return " ".join(words[:5])


def _panel_facts(chapter: SeedChapter) -> list[Fact]:
    keys = [_panel_key(title) for title in chapter.panels]

    def panel(key: str) -> Fact:
        def check(text: str) -> None:
            assert key in text, f"the panel '{key}…' is missing"

        return Fact(chapter.number, f"panel '{key}…'", check, in_seed=check)

    def in_order(text: str) -> None:
        # After the summary, which may name the panels in another order.
        opening = text.find("opening remarks")
        positions = [text.find(key, opening) for key in keys]
        assert -1 not in positions, "a panel is missing after the opening remarks"
        assert positions == sorted(positions), "the panels are out of order"

    facts = [panel(key) for key in keys]
    if len(keys) > 1:
        facts.append(Fact(chapter.number, "panels in the seed's order", in_order, in_order))
    return facts


def _first_mention(person: Person, text: str) -> int:
    name = folded(person.name)
    full = text.find(name)
    assert full != -1, f"{person.name} is never named in full"
    family = text.find(folded(person.family_name))
    assert family == full + len(name) - len(folded(person.family_name)), (
        f"{person.name} is first named by short form, before being introduced"
    )
    return full


def person_fact(chapter: int, person: Person) -> Fact:
    honorific = re.escape(folded(person.honorific))

    def introduced(text: str) -> None:
        start = _first_mention(person, text)
        before = text[max(0, start - 30) : start]
        assert not honorific or re.search(rf"(^|\s){honorific}(m\.)?( \S+)?\s*$", before), (
            f"{person.name} is introduced without '{person.honorific}'"
        )
        after = text[start : start + len(person.name) + POST_REACH]
        contains(person.post, after, f"the post of {person.name} ({person.post})")
        contains(person.organisation, after, f"the organisation of {person.name}")

    def in_seed(text: str) -> None:
        start = text.find(folded(person.name))
        assert start != -1, f"the seed does not name {person.name} in this chapter"
        around = text[max(0, start - POST_REACH) : start + POST_REACH]
        contains(person.post, around, f"the seed's post of {person.name}")
        contains(person.organisation, around, f"the seed's organisation of {person.name}")

    return Fact(chapter, f"introduces {person.name}", introduced, in_seed)


def _floor_window(text: str) -> str:
    at = text.find("took the floor")
    assert at != -1, "no sentence says which Member States took the floor"
    return text[max(0, at - 100) : at + FLOOR_REACH]


def _speaking_state_fact(chapter: int, state: str) -> Fact:
    def check(text: str) -> None:
        assert folded(state) in _floor_window(text), f"{state} is not among those that spoke"

    return Fact(chapter, f"{state} took the floor", check, in_seed=check)


def report_facts() -> list[Fact]:
    facts: list[Fact] = []
    for chapter in report_chapters():
        facts += _header_facts(chapter)
        facts += _panel_facts(chapter)
        facts += [person_fact(chapter.number, person) for person in PEOPLE[chapter.number]]
        facts += [
            _speaking_state_fact(chapter.number, s) for s in STATES_THAT_SPOKE[chapter.number]
        ]
    return facts


ORDINALS = ("first", "second", "third", "fourth")


def chapters_of(text: str, dates: list[str]) -> dict[int, str]:
    """A document's meeting chapters, by number: from each chapter's heading to the next.

    A heading is the first '<ordinal> meeting:' that its meeting's date soon
    follows, which passes over the contents list and running headers.
    """
    starts = []
    for ordinal, date in zip(ORDINALS, dates, strict=True):
        pattern = rf"{ordinal} meeting:(?=.{{0,{HEADER_REACH}}}{re.escape(folded(date))})"
        match = re.search(pattern, text)
        assert match, f"the document has no chapter for its {ordinal} meeting"
        starts.append(match.start())
    appendix = text.find("appendix 1", starts[-1])
    ends = [*starts[1:], appendix if appendix != -1 else len(text)]
    return {
        number: text[start:end]
        for number, (start, end) in enumerate(zip(starts, ends, strict=True), 1)
    }
