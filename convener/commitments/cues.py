"""Suggesting, from its words, whether a point is a commitment or a recommendation.

A rule-based reading per language (English, French, Spanish): a commitment
says what the speaker's side will do ("will", "commits to", "pledged",
"s'engage", "se compromete"), a recommendation what others should do
("should", "recommend", "call on", "urge", "devrait", "debería"). A year or
a date named in the text is read as the deadline. These are suggestions for
the rapporteur, never marks: nothing here writes anything. Outside the floors:
the queries (what the rapporteur is shown) and the domain both read it.
Every pattern is linear in the text (no nested repetition)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# Longer than this and a "sentence" is not one: it is not split further.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=[^\s])")

_COMMITMENT = {
    "en": (
        r"\bwill\b",
        r"\bshall\b",
        r"\bcommit(?:s|ted)?\b",
        r"\bcommitment\b",
        r"\bpledg(?:e|es|ed)\b",
        r"\bundertak(?:e|es)\b",
        r"\bis going to\b",
        r"\bintends? to\b",
    ),
    "fr": (
        r"\bs['\u2019]engag(?:e|ent|era|eront)\b",
        r"\bnous engageons\b",
        r"\bengagement\b",
        r"\bva\b",
        r"\bvont\b",
        r"\bprom(?:et|ettent|is)\b",
        r"\b\w+(?:era|eront|ira|iront)\b",
    ),
    "es": (
        r"\bse compromet(?:e|en|ió)\b",
        r"\bnos comprometemos\b",
        r"\bcompromiso\b",
        r"\bva a\b",
        r"\bvan a\b",
        r"\b\w+(?:ará|arán|erá|erán|irá|irán)\b",
    ),
}
_RECOMMENDATION = {
    "en": (
        r"\bshould\b",
        r"\bought to\b",
        r"\brecommend(?:s|ed|ation)?\b",
        r"\bcall(?:s|ed)? (?:on|upon)\b",
        r"\burg(?:e|es|ed)\b",
        r"\bencourag(?:e|es|ed)\b",
        r"\binvit(?:e|es|ed)\b",
        r"\bneeds? to\b",
        r"\bmust\b",
    ),
    "fr": (
        r"\bdevr(?:ait|aient|ions)\b",
        r"\brecommand(?:e|ent|ons|ation)\b",
        r"\bappel(?:le|lent|lons) (?:à|les)\b",
        r"\bexhort(?:e|ent|ons)\b",
        r"\bencourag(?:e|ent|eons)\b",
        r"\bil (?:faut|convient)\b",
        r"\bdoi(?:t|vent)\b",
    ),
    "es": (
        r"\bdeber(?:ía|ían|íamos)\b",
        r"\brecomiend(?:a|an)\b",
        r"\brecomendación\b",
        r"\bexhort(?:a|an|amos)\b",
        r"\binst(?:a|an|amos) a\b",
        r"\bhace(?:n)? un llamamiento\b",
        r"\balienta(?:n)?\b",
        r"\bdebe(?:n)?\b",
    ),
}
_COMPILED = {
    kind: {
        language: re.compile("|".join(patterns), re.IGNORECASE)
        for language, patterns in table.items()
    }
    for kind, table in (("commitment", _COMMITMENT), ("recommendation", _RECOMMENDATION))
}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:er)?\s+(?:de\s+)?([^\W\d_]+)\s+(?:de\s+)?(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]+)\s+(\d{1,2}),?\s+(\d{4})\b")
_YEAR = re.compile(
    r"\b(?:by|before|until|in|within|d['\u2019]ici|avant|en|para|antes de|hasta|en el)\s+"
    r"(?:(?:the end of|la fin de|fin(?:ales)? de)\s+)?(20\d\d|19\d\d)\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "commitment", "recommendation" or "" (neither)
    cue: str  # the words that suggested it
    due_date: datetime.date | None = None
    due_words: str = ""


def sentences(text: str) -> list[str]:
    """A summary's sentences, one per unit the rapporteur may mark."""
    flat = " ".join(text.split())
    return [part for part in SENTENCE_SPLIT.split(flat) if part]


def suggest(text: str, language: str = "en") -> Suggestion:
    """What `text` reads as in `language`; another language is read as English."""
    table = language if language in _COMMITMENT else "en"
    commitment = _COMPILED["commitment"][table].search(text)
    recommendation = _COMPILED["recommendation"][table].search(text)
    # "We will urge…" commits the speaker; "States should commit…" recommends:
    # the cue that comes first governs.
    found = [m for m in (commitment, recommendation) if m is not None]
    if not found:
        return Suggestion("", "")
    first = min(found, key=lambda match: match.start())
    kind = "commitment" if first is commitment else "recommendation"
    due_date, due_words = deadline(text)
    return Suggestion(kind, first.group(0), due_date, due_words)


def deadline(text: str) -> tuple[datetime.date | None, str]:
    """The date or the year the text names as a deadline, if any."""
    if match := _ISO_DATE.search(text):
        try:
            return datetime.date(*(int(part) for part in match.groups())), ""
        except ValueError:
            pass
    if match := _DAY_MONTH_YEAR.search(text):
        day, month, year = match.groups()
        if found := _date(int(year), month, int(day)):
            return found, ""
    if match := _MONTH_DAY_YEAR.search(text):
        month, day, year = match.groups()
        if found := _date(int(year), month, int(day)):
            return found, ""
    if match := _YEAR.search(text):
        return None, match.group(0)
    if match := _ANY_YEAR.search(text):
        return None, match.group(0)
    return None, ""


def _date(year: int, month_name: str, day: int) -> datetime.date | None:
    month = MONTHS.get(month_name.lower())
    if month is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
