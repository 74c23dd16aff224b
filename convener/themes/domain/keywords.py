"""Keeping the keywords of statements and meetings in step with their text.

Like a statement's vector, its keywords follow from its text: computing them
is no change anyone makes to the record, so these functions take no actor and
write no audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from convener.meetings.models import Meeting
from convener.records.models import Intervention
from convener.search.queries.statements import statement_text
from convener.themes.models import MeetingKeywords, StatementKeywords
from convener.themes.queries.keywords import keywords_digest, keywords_in, texts_together


def keywords_of(interventions: Iterable[Intervention], *, language: str) -> dict[int, list[str]]:
    """The keywords of each statement by its id, computing and storing those
    missing or older than their text. A statement with no text has none."""
    texts = {i.pk: text for i in interventions if (text := statement_text(i))}
    stored = StatementKeywords.objects.filter(intervention_id__in=list(texts))
    found = {
        row.intervention_id: row.keywords
        for row in stored
        if row.text_digest == keywords_digest(texts[row.intervention_id], language=language)
    }
    for pk, text in texts.items():
        if pk not in found:
            found[pk] = _stored_for_statement(pk, text, language=language)
    return found


def _stored_for_statement(pk: int, text: str, *, language: str) -> list[str]:
    keywords = keywords_in(text, language=language)
    StatementKeywords.objects.update_or_create(
        intervention_id=pk,
        defaults={"keywords": keywords, "text_digest": keywords_digest(text, language=language)},
    )
    return keywords


def meeting_keywords(
    meeting: Meeting, statements: Iterable[Intervention] | None = None
) -> list[str]:
    """The keywords of the meeting's whole record, all its statements together
    (`statements`: all of them, in the order of the record, when a page has
    them loaded already)."""
    if statements is None:
        statements = Intervention.objects.filter(segment__meeting=meeting).order_by(
            "segment__order", "order", "pk"
        )
    text = texts_together(statements)
    if not text:
        return []
    language = meeting.series.language
    digest = keywords_digest(text, language=language)
    stored = MeetingKeywords.objects.filter(meeting=meeting).first()
    if stored is not None and stored.text_digest == digest:
        return list(stored.keywords)
    return _stored_for_meeting(meeting, text, language=language, digest=digest)


def _stored_for_meeting(meeting: Meeting, text: str, *, language: str, digest: str) -> list[str]:
    keywords = keywords_in(text, language=language)
    MeetingKeywords.objects.update_or_create(
        meeting=meeting, defaults={"keywords": keywords, "text_digest": digest}
    )
    return keywords
