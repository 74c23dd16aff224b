"""Searching the statements a reader may read, by words, by meaning or both.

- **words**: the full-text index (`queries/words.py`), every word of the
  query in one of the statement's texts, compared by stem in its language;
- **meaning**: the statements nearest the query in meaning
  (`queries/vectors.py`), the `DEPTH` nearest at most;
- **combined**: both rankings fused by reciprocal rank (each statement scores
  the sum of 1 / (60 + its rank) in each list it is in; Cormack, Clarke and
  Büttcher 2009), over the first `DEPTH` of each.

The statements searched are those the reader may read (the public: released
records of public meetings; a user: also what their grants let them read,
`records.queries.interventions.visible_interventions`), narrowed by the
filters (`SearchFilters`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from convener.audit.actors import AnyUser
from convener.meetings.queries.visibility import public_reader
from convener.records.models import Intervention
from convener.search.analysis import highlighted, language_of
from convener.search.queries.candidates import candidate_ids
from convener.search.queries.filters import SearchFilters
from convener.search.queries.statements import Texts, statement_texts
from convener.search.queries.words import query_terms, ranked_matches

__all__ = ["Hit", "Mode", "SearchFilters", "SearchResults", "search_statements"]

Mode = Literal["words", "meaning", "combined"]
MODES: tuple[Mode, ...] = ("words", "meaning", "combined")
# The longest query read (longer ones are cut), and the most hits on a page.
QUERY_LENGTH = 500
PAGE_SIZE = 100
# Past any ranking's end, and within any database's integers.
LAST_OFFSET = 2**31 - 1
# How far down each ranking the meaning and combined searches look.
DEPTH = 100
# The constant of reciprocal rank fusion: ranks below it count nearly alike.
FUSION_K = 60


@dataclass(frozen=True)
class Hit:
    """One statement found: its score in the mode searched, and an excerpt
    with the query's words in <mark> (safe HTML) in `language`."""

    intervention: Intervention
    score: float
    snippet: SafeString
    language: str

    @property
    def intervention_id(self) -> int:
        return self.intervention.pk

    @property
    def anchor(self) -> str:
        """The statement's anchor on its meeting's page."""
        return self.intervention.anchor

    @property
    def report_anchor(self) -> str:
        """The anchor, in the series' report, of the part of the meeting the
        statement was made in."""
        segment = self.intervention.segment
        return f"meeting-{segment.meeting.number}-{segment.key}"


@dataclass(frozen=True)
class SearchResults:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0


def search_statements(
    text: str,
    *,
    mode: Mode = "combined",
    filters: SearchFilters = SearchFilters(),  # noqa: B008 (frozen, so shared safely)
    reader: AbstractBaseUser | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """The statements the reader (None: the public) may read that match the
    text, best first: `limit` of them from `offset`, and how many match."""
    text = text.strip()[:QUERY_LENGTH]
    limit = max(0, min(limit, PAGE_SIZE))
    offset = max(0, min(offset, LAST_OFFSET))
    if not text:
        return SearchResults()
    user = cast(AnyUser, reader if reader is not None else public_reader())
    if mode == "words":
        matches = ranked_matches(text, candidate_ids(user, filters))
        scored = [(match.intervention_id, match.score) for match in matches]
        scored, total = scored[offset : offset + limit], len(scored)
    else:
        ranking = _meaning(text, user, filters)
        if mode == "combined":
            ranking = _combined(text, user, filters, ranking)
        scored, total = ranking[offset : offset + limit], len(ranking)
    return SearchResults(hits=_hits(text, scored), total=total)


def _meaning(text: str, user: AnyUser, filters: SearchFilters) -> list[tuple[int, float]]:
    # The model, the vectors and NumPy are loaded by the first search by
    # meaning, not when a server starts.
    from convener.search.meaning import embed_query
    from convener.search.queries.vectors import nearest_statements

    return nearest_statements(embed_query(text), candidate_ids(user, filters), limit=DEPTH)


def _combined(
    text: str, user: AnyUser, filters: SearchFilters, by_meaning: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    by_words = ranked_matches(text, candidate_ids(user, filters))[:DEPTH]
    return fused([[match.intervention_id for match in by_words], [pk for pk, _ in by_meaning]])


def fused(rankings: Sequence[Sequence[int]], *, k: int = FUSION_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings of ids (best first): each id scores
    the sum of 1 / (k + rank) over the rankings it is in (rank from 1)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _hits(text: str, scored: Sequence[tuple[int, float]]) -> list[Hit]:
    statements = Intervention.objects.select_related(
        "segment__meeting__series", "speaker", "state", "state_group", "organisation"
    ).in_bulk([pk for pk, _score in scored])
    texts = statement_texts(list(statements.values()))
    wanted = query_terms(text)
    return [
        Hit(statements[pk], score, *_snippet(texts.get(pk, {}), wanted))
        for pk, score in scored
        if pk in statements
    ]


def _snippet(texts: Texts, wanted: dict[str, list[str]]) -> tuple[SafeString, str]:
    """The excerpt of the first of the statement's texts in which a word of
    the query is found; else of its text in the reader's language, else of
    its original. With the language it is in."""
    for language, text in texts.items():
        excerpt = highlighted(text, language, frozenset(wanted.get(language, ())))
        if "<mark>" in excerpt:
            return mark_safe(excerpt), language  # noqa: S308 (escaped by `highlighted`)
    if not texts:
        return mark_safe(""), ""
    reader = language_of(get_language() or "en")
    language = reader if reader in texts else next(iter(texts))
    return mark_safe(highlighted(texts[language], language, ())), language  # noqa: S308
