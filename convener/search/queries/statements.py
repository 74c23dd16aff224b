"""The text of a statement as the search reads it."""

from __future__ import annotations

from collections.abc import Sequence

from convener.prose.markdown import plain_text
from convener.records.models import Intervention
from convener.search.analysis import language_of
from convener.texts.queries import versions_of

# A statement's texts by the index's language code: the original first.
Texts = dict[str, str]


def statement_text(intervention: Intervention) -> str:
    """The summary as plain text, then each point on a line of its own."""
    points = [str(point) for point in intervention.points or [] if str(point).strip()]
    return "\n".join([plain_text(intervention.summary or ""), *points]).strip()


def statement_texts(interventions: Sequence[Intervention]) -> dict[int, Texts]:
    """Each statement's texts by language: the original in its series' language
    of record, then the translated versions of its summary (drafts are no
    one's text yet). The interventions come with `segment__meeting__series`.
    Two queries at most, whatever their number."""
    translated: dict[int, Texts] = {}
    for version in versions_of(interventions, translated_only=True):
        if version.field == "summary":
            by_language = translated.setdefault(version.object_id, {})
            by_language[language_of(version.language)] = plain_text(version.text)
    texts: dict[int, Texts] = {}
    for intervention in interventions:
        original = language_of(intervention.segment.meeting.series.language)
        own: Texts = {original: statement_text(intervention)}
        for language, text in translated.get(intervention.pk, {}).items():
            own.setdefault(language, text)
        texts[intervention.pk] = {language: text for language, text in own.items() if text}
    return texts
