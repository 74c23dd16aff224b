"""Stored vectors of statements."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from django.db.models import QuerySet

from convener.records.models import Intervention
from convener.search.meaning import DIMENSIONS, MODEL, Vectors, from_bytes
from convener.search.models import StatementVector


def stored_vectors(intervention_ids: Iterable[int]) -> dict[int, tuple[str, Vectors]]:
    """By intervention id: the digest of the text embedded and its vector,
    for those embedded by the current model."""
    rows = StatementVector.objects.filter(
        intervention_id__in=list(intervention_ids), model=MODEL
    ).values_list("intervention_id", "text_digest", "vector")
    return {pk: (digest, from_bytes(bytes(vector))) for pk, digest, vector in rows}


def nearest_statements(
    question: Vectors, candidates: QuerySet[Intervention], *, limit: int
) -> list[tuple[int, float]]:
    """The candidates nearest the question in meaning, best first, with their
    cosine similarity: one matrix product over the candidates' stored vectors.
    A statement whose vector is not computed yet is not among them."""
    rows = StatementVector.objects.filter(
        intervention__in=candidates.values("pk"), model=MODEL
    ).values_list("intervention_id", "vector")
    ids: list[int] = []
    chunks: list[Vectors] = []
    for pk, vector in rows.iterator(chunk_size=2_000):
        ids.append(pk)
        chunks.append(from_bytes(bytes(vector)))
    if not ids:
        return []
    matrix = np.vstack(chunks).reshape(len(ids), DIMENSIONS)
    scores = matrix @ question
    best = _top(scores, limit)
    return [(ids[i], float(scores[i])) for i in best]


def _top(scores: Vectors, limit: int) -> npt.NDArray[np.intp]:
    """The positions of the `limit` highest scores, highest first (partial
    sort: linear in the candidates)."""
    if limit < len(scores):
        chosen = np.argpartition(-scores, limit)[:limit]
    else:
        chosen = np.arange(len(scores))
    return chosen[np.argsort(-scores[chosen], kind="stable")]
