"""Words as the full-text index holds them, in each of the six languages.

A text is cut into words (runs of letters and digits), folded to lower case
and reduced to its stem by the language's Snowball stemmer (Arabic, English,
French, Russian, Spanish: the algorithms PostgreSQL's dictionaries use), so
that "pathways" finds "pathway" and "migrantes" finds "migrante". The most
common function words are left out, as PostgreSQL's configurations leave them
out. Chinese is written without spaces between words and has no stemmer: a
run of Chinese characters is indexed as its overlapping pairs (bigrams), the
usual way to find Chinese words without a dictionary, so "移民工人" holds
"移民", "民工" and "工人".

Both the index and the query go through `terms`, so they always agree. The
same cutting marks the words of a snippet (`highlighted`), in time linear in
the text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

# The languages of settings.LANGUAGES, each with its Snowball algorithm and the
# PostgreSQL text search configuration of the same name ("" for none).
STEMMERS = {
    "ar": "arabic",
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
}
CHINESE = "zh-hans"
POSTGRES_CONFIGURATIONS = {**STEMMERS, CHINESE: "simple"}
LANGUAGES = tuple(POSTGRES_CONFIGURATIONS)

_WORD = re.compile(r"[^\W_]+")
# CJK Unified Ideographs with Extension A and the compatibility block.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The commonest function words, left out of the index and of queries as
# PostgreSQL's stop lists leave them out (shortened from the Snowball project's
# lists: the words that carry no subject on their own).
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _listed(
        """a an and are as at be been but by for from had has have he her his i in is it
        its of on or our she that the their them they this to was we were which who
        will with you"""
    ),
    "fr": _listed(
        """a au aux avec ce ces d dans de des du elle en est et il ils j l la le les leur
        lui mais me n ne nous on ou par pas pour qu que qui s sa se ses son sur ta te
        un une vous y à été être"""
    ),
    "es": _listed(
        """a al como con de del el ella en es esta este la las le les lo los más no o
        para pero por que se si su sus un una y ya"""
    ),
    "ru": _listed(
        """а без в во да для до же за и из или к как ли на не но о об от по с со так
        то что это"""
    ),
    "ar": _listed("في من على إلى عن أن إن و أو ما لا هذا هذه التي الذي"),
}


@dataclass(frozen=True)
class Word:
    """A word of a text: where it starts and ends, and the terms it is indexed as."""

    start: int
    end: int
    terms: tuple[str, ...]


def language_of(code: str) -> str:
    """The index's code for a language of settings.LANGUAGES ("zh-hans" stays,
    "en-gb" reads as "en"); unknown languages are indexed as English."""
    code = code.lower()
    if code in POSTGRES_CONFIGURATIONS:
        return code
    return code.split("-")[0] if code.split("-")[0] in STEMMERS else "en"


# A Snowball stemmer keeps the word it works on in its own attributes, so two
# threads sharing one (the server's, the benchmark's) corrupt each other's
# words: each thread has its own.
_stemmers = threading.local()


def _stemmer(language: str) -> snowballstemmer.stemmer:
    own: dict[str, snowballstemmer.stemmer] = _stemmers.__dict__.setdefault("by_language", {})
    if language not in own:
        own[language] = snowballstemmer.stemmer(STEMMERS[language])
    return own[language]


# Stems remembered: a record's vocabulary is small and its words recur, and
# the Snowball stemmers run in pure Python (about 0.1 ms a word, most of the
# time of indexing a statement and of highlighting the words of the hits).
REMEMBERED_STEMS = 200_000


@lru_cache(maxsize=REMEMBERED_STEMS)
def _stemmed(language: str, token: str) -> str:
    return str(_stemmer(language).stemWord(token))


def words(text: str, language: str) -> Iterator[Word]:
    """The words of the text in order, each with its index terms (none for a stop word)."""
    stops = STOP_WORDS.get(language, frozenset())
    stemmed = language if language in STEMMERS else None
    for match in _WORD.finditer(text):
        yield from _word(match, stops, stemmed)


def _word(match: re.Match[str], stops: frozenset[str], stemmed: str | None) -> Iterator[Word]:
    token = match.group().casefold()
    if _HAN.search(token):
        yield from _han_words(match)
        return
    if token in stops:
        return
    term = _stemmed(stemmed, token) if stemmed else token
    yield Word(match.start(), match.end(), (term,))


def _han_words(match: re.Match[str]) -> Iterator[Word]:
    """A run of letters holding Chinese: each Chinese run as its pairs, the rest as words."""
    offset = match.start()
    text = match.group()
    position = 0
    for han in _HAN.finditer(text):
        if han.start() > position:
            before = text[position : han.start()].casefold()
            yield Word(offset + position, offset + han.start(), (before,))
        run = han.group()
        pairs = tuple(run[i : i + 2] for i in range(len(run) - 1)) or (run,)
        yield Word(offset + han.start(), offset + han.end(), pairs)
        position = han.end()
    if position < len(text):
        yield Word(offset + position, offset + len(text), (text[position:].casefold(),))


def terms(text: str, language: str) -> list[str]:
    """The index terms of the text, in order, repeated as often as they occur."""
    return [term for word in words(text, language) for term in word.terms]


def highlighted(text: str, language: str, wanted: Collection[str], *, width: int = 240) -> str:
    """An excerpt of about `width` characters of the text around its first word
    among the `wanted` terms (the start when none is), HTML-escaped, with each
    such word in <mark>. Linear in the text; without wanted terms, the text is
    not read word by word at all."""
    marks = [
        (word.start, word.end)
        for word in (words(text, language) if wanted else ())
        if any(term in wanted for term in word.terms)
    ]
    start = _excerpt_start(text, marks[0][0] if marks else 0, width)
    end = min(len(text), start + width)
    pieces: list[str] = ["…" if start else ""]
    position = start
    for mark_start, mark_end in marks:
        if mark_start < position or mark_end > end:
            continue
        pieces.append(escape(text[position:mark_start]))
        pieces.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        position = mark_end
    pieces.append(escape(text[position:end]))
    pieces.append("…" if end < len(text) else "")
    return "".join(pieces)


def _excerpt_start(text: str, first_mark: int, width: int) -> int:
    """Where an excerpt showing the first mark starts: a word's start, a third
    of the width before the mark."""
    if first_mark <= width // 3:
        return 0
    start = first_mark - width // 3
    space = text.find(" ", start, first_mark)
    return space + 1 if space != -1 else start


# PostgreSQL's parser reads "<word>" as an XML tag and indexes nothing of it;
# a statement's text is plain text, whose angle brackets are only punctuation.
_ANGLE_BRACKETS = str.maketrans("<>", "  ")


def for_postgresql(text: str) -> str:
    """The text as PostgreSQL's parser should read it: without tags to skip."""
    return text.translate(_ANGLE_BRACKETS)
