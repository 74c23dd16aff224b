"""Finding statements by their words, in the full-text index of the database in use.

A statement matches when one of its texts (the original or a translation)
holds every word of the query, each compared by its stem in that text's
language: the query is read in each of the six languages and each reading
meets only the texts of its language. SQLite ranks by BM25 (FTS5's `bm25`),
PostgreSQL by cover density (`ts_rank_cd`); both are higher for a better
match here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from convener.records.models import Intervention
from convener.search.analysis import (
    CHINESE,
    LANGUAGES,
    POSTGRES_CONFIGURATIONS,
    for_postgresql,
    terms,
)
from convener.search.models import LANGUAGE_SLOTS, WORDS_TABLE


@dataclass(frozen=True)
class WordMatch:
    intervention_id: int
    score: float


def query_terms(text: str) -> dict[str, list[str]]:
    """The query's terms in each language that leaves any."""
    read = {language: terms(text, language) for language in LANGUAGES}
    return {language: found for language, found in read.items() if found}


def matching_statements(
    text: str, candidates: QuerySet[Intervention], *, limit: int, offset: int = 0
) -> list[WordMatch]:
    """The candidates whose words match the query, best first."""
    sql, params = _matches_sql(text, candidates)
    if not sql:
        return []
    ranked = f"{sql} SELECT id, MAX(score) AS best FROM m GROUP BY id ORDER BY best DESC, id"
    with connection.cursor() as cursor:
        cursor.execute(f"{ranked} LIMIT %s OFFSET %s", [*params, limit, offset])
        return [WordMatch(int(pk), float(score)) for pk, score in cursor.fetchall()]


def count_matching(text: str, candidates: QuerySet[Intervention]) -> int:
    """How many of the candidates match the query."""
    sql, params = _matches_sql(text, candidates)
    if not sql:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} SELECT COUNT(DISTINCT id) FROM m", params)
        return int(cursor.fetchone()[0])


def _matches_sql(text: str, candidates: QuerySet[Intervention]) -> tuple[str, list[Any]]:
    """A common table `m` of (id, score) rows, one per matching text of a
    candidate. Materialised: SQLite allows `bm25` only in the query that
    holds the MATCH, which flattening would merge away."""
    by_language = query_terms(text)
    if not by_language:
        return "", []
    try:
        within, within_params = candidates.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing
        return "", []
    if connection.vendor == "postgresql":
        sql, params = _postgresql(text, by_language)
        sql = f"SELECT id, score FROM ({sql}) t WHERE id IN ({within})"
    else:
        sql, params = _sqlite(by_language)
        sql = f"{sql} AND rowid / {LANGUAGE_SLOTS} IN ({within})"
    return f"WITH m AS MATERIALIZED ({sql})", [*params, *within_params]


def _sqlite(by_language: dict[str, list[str]]) -> tuple[str, list[Any]]:
    readings = " OR ".join(
        f"(language : {_quoted(language)} AND terms : ({' AND '.join(map(_quoted, found))}))"
        for language, found in by_language.items()
    )
    sql = (
        f"SELECT rowid / {LANGUAGE_SLOTS} AS id, -bm25({WORDS_TABLE}, 0.0, 1.0) AS score"
        f" FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH %s"
    )
    return sql, [readings]


def _quoted(term: str) -> str:
    """A term as an FTS5 string: in double quotes, any inside doubled."""
    return '"' + term.replace('"', '""') + '"'


def _postgresql(text: str, by_language: dict[str, list[str]]) -> tuple[str, list[Any]]:
    """One branch per language, each answered by the GIN index. PostgreSQL
    stems and drops stop words itself; Chinese goes as its character pairs."""
    branches: list[str] = []
    params: list[Any] = []
    for language in by_language:
        configuration = POSTGRES_CONFIGURATIONS[language]
        query = " ".join(by_language[language]) if language == CHINESE else for_postgresql(text)
        branches.append(
            "SELECT intervention_id AS id, ts_rank_cd(document, q) AS score"
            f" FROM {WORDS_TABLE}, plainto_tsquery(%s::regconfig, %s) q"
            " WHERE language = %s AND document @@ q"
        )
        params += [configuration, query, language]
    return " UNION ALL ".join(branches), params
