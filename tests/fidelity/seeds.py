"""The facts of the seed documents, read from `../shared/seeds/` beside the checkout.

The seeds are the real 2016 documents Convener's demo reproduces. Only their
facts are read here (dates, rooms, organisers, co-Chairs, panels, who spoke
in which chapter); the suite never compares sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
REPORT_SEED = "004_"
ORDINALS = ("FIRST", "SECOND", "THIRD", "FOURTH")


@dataclass(frozen=True)
class HeaderBlock:
    date: str
    start: str
    end: str
    room: str
    co_organisers: tuple[str, ...]
    co_chairs: tuple[str, ...]


@dataclass(frozen=True)
class SeedChapter:
    number: int
    title: str
    text: str
    header: HeaderBlock
    panels: tuple[str, ...] = field(default=())


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}*.txt")
    return path.read_text(encoding="utf-8")


def _names(line: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r",| and ", line) if part.strip())


def _line_after(label: str, text: str) -> str:
    match = re.search(rf"^{label}:\s*\n\s*\n?(.+)$", text, re.MULTILINE)
    assert match, f"the seed's header block has no {label}"
    return match.group(1).strip()


def _header(text: str) -> HeaderBlock:
    date = re.search(r"^(\d{1,2} \w+ \d{4})$", text, re.MULTILINE)
    place = re.search(r"^(\d\d:\d\d)-(\d\d:\d\d), (.+?)$", text, re.MULTILINE)
    assert date, "the seed's header block has no date"
    assert place, "the seed's header block has no time and room"
    return HeaderBlock(
        date=date.group(1),
        start=place.group(1),
        end=place.group(2),
        room=place.group(3).strip(),
        co_organisers=_names(_line_after("Co-Organisers", text)),
        co_chairs=_names(_line_after("Co-Chairs", text)),
    )


@cache
def report_chapters() -> tuple[SeedChapter, ...]:
    """The report's meeting chapters, each with its header block and its panels in order."""
    text = seed_text(REPORT_SEED)
    contents = dict(
        re.findall(r"^(FIRST|SECOND|THIRD|FOURTH) MEETING: (.+?)\t\d+$", text, re.MULTILINE)
    )
    starts = [text.index(f"\n{ordinal} MEETING\n") for ordinal in ORDINALS]
    ends = [*starts[1:], text.index("\nAPPENDIX\n")]
    chapters = []
    for number, (ordinal, start, end) in enumerate(zip(ORDINALS, starts, ends, strict=True), 1):
        body = text[start:end]
        panels = re.findall(r"^Panel \d: (.+)$", body, re.MULTILINE)
        chapters.append(SeedChapter(number, contents[ordinal], body, _header(body), tuple(panels)))
    return tuple(chapters)
