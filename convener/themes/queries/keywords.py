"""Keywords of a text, with YAKE: statistics of the text itself (where a word
stands, how often, with which neighbours), no model and no network, and stop
words for each of the six official languages."""

from __future__ import annotations

from collections.abc import Iterable

from convener.meetings.models import Meeting
from convener.prose.editing import text_digest
from convener.records.models import Intervention
from convener.search.queries.statements import statement_text
from convener.themes.models import KEYWORDS, MeetingKeywords

# Phrases of one to three words, as a secretariat would name a topic.
LONGEST_PHRASE = 3
# YAKE reads the whole text at once; a theme's text is cut at this length so
# that one very large theme keeps the recomputation short.
LONGEST_TEXT = 200_000


def keywords_in(text: str, *, language: str, top: int = KEYWORDS) -> list[str]:
    """The `top` keywords of `text` in `language` (an ISO 639 code, "en",
    "zh-hans"), most telling first; none for an empty text."""
    text = text[:LONGEST_TEXT].strip()
    if not text:
        return []
    import yake  # loaded on first use: pages that show stored keywords never need it

    extractor = yake.KeywordExtractor(
        lan=language[:2].lower(), n=LONGEST_PHRASE, dedupLim=0.7, top=top * 2
    )
    found: list[str] = []
    for phrase, _score in extractor.extract_keywords(text):
        phrase = " ".join(phrase.split())
        if phrase.casefold() not in {seen.casefold() for seen in found}:
            found.append(phrase)
    return found[:top]


def keywords_digest(text: str, *, language: str) -> str:
    """What stored keywords were computed from: the text and its language."""
    return text_digest(f"{language}\n{text}")


def texts_together(interventions: Iterable[Intervention]) -> str:
    """The statements' texts one after the other, as one text to read."""
    return "\n\n".join(text for i in interventions if (text := statement_text(i)))


def stored_meeting_keywords(meeting: Meeting, statements: Iterable[Intervention]) -> list[str]:
    """The meeting's keywords as stored, if they were computed from these
    statements' text as it is now (one query, no computing: for pages);
    `domain.keywords.meeting_keywords` computes them."""
    text = texts_together(statements)
    if not text:
        return []
    stored = MeetingKeywords.objects.filter(meeting=meeting).first()
    digest = keywords_digest(text, language=meeting.series.language)
    return list(stored.keywords) if stored is not None and stored.text_digest == digest else []
