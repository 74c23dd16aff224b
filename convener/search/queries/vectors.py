"""Stored vectors of statements."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Max, QuerySet

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
    question: Vectors, wanted: npt.NDArray[np.int64], *, limit: int
) -> list[tuple[int, float]]:
    """Of the statements `wanted` (ids, sorted), those nearest the question in
    meaning, best first, with their cosine similarity: one product of every
    stored vector with the question (`VECTORS`, held in memory), of which the
    wanted ones are kept. A statement whose vector is not computed yet is not
    among them."""
    ids, matrix = VECTORS.current()
    positions = _positions(ids, wanted)
    if not len(positions):
        return []
    scores = (matrix @ question)[positions]
    best = _top(scores, limit)
    return [(int(ids[positions[i]]), float(scores[i])) for i in best]


def _positions(ids: npt.NDArray[np.int64], wanted: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """Where in `ids` the wanted ids are (both unique). NumPy answers from a
    table of the ids' range: about 1.5 ms for 100,000 of each."""
    return np.flatnonzero(np.isin(ids, wanted, assume_unique=True))


class StoredVectors:
    """Every stored vector of the current model, in memory, by statement id
    (sorted), as one matrix: reading 150 MB of rows for each query would
    cost seconds. Kept in step with the table by the latest computing time,
    read once per query from an index (0.3 ms at 100,000 statements): rows
    computed since are merged in, and the whole is read again when the table
    holds fewer rows than memory (statements deleted). Rows are only ever
    removed with their statement, which no search ranks any more, so the
    count is compared when something new was computed rather than at every
    query (counting 100,000 entries took 40 ms, most of a search by
    meaning). Shared by the threads of a process."""

    # Rows computed shortly before the latest time read are read again: a
    # row's time is taken before its transaction commits.
    MARGIN = datetime.timedelta(minutes=5)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: datetime.datetime | None = None
        self._ids = np.empty(0, dtype=np.int64)
        self._matrix = np.empty((0, DIMENSIONS), dtype=np.float32)

    def current(self) -> tuple[npt.NDArray[np.int64], Vectors]:
        stored = StatementVector.objects.filter(model=MODEL)
        latest = stored.aggregate(latest=Max("computed_at"))["latest"]
        with self._lock:
            if latest != self._latest:
                self._refresh(stored, latest)
            return self._ids, self._matrix

    def _refresh(self, stored: QuerySet[StatementVector], latest: Any) -> None:
        if self._latest is not None:
            self._merge(*_rows(stored.filter(computed_at__gte=self._latest - self.MARGIN)))
        if self._latest is None or len(self._ids) != stored.count():
            self._ids, self._matrix = _rows(stored)
        self._latest = latest

    def _merge(self, ids: npt.NDArray[np.int64], matrix: Vectors) -> None:
        """New arrays, never a change to the ones other threads may be reading."""
        known = np.isin(ids, self._ids, assume_unique=True)
        all_ids = np.concatenate([self._ids, ids[~known]])
        all_vectors = np.concatenate([self._matrix, matrix[~known]])
        all_vectors[np.searchsorted(self._ids, ids[known])] = matrix[known]
        order = np.argsort(all_ids, kind="stable")
        self._ids, self._matrix = all_ids[order], all_vectors[order]


def _rows(stored: QuerySet[StatementVector]) -> tuple[npt.NDArray[np.int64], Vectors]:
    """The ids (sorted) and vectors of the rows."""
    rows = stored.order_by("intervention_id").values_list("intervention_id", "vector")
    ids: list[int] = []
    chunks: list[Vectors] = []
    for pk, vector in rows.iterator(chunk_size=2_000):
        ids.append(pk)
        chunks.append(from_bytes(bytes(vector)))
    matrix = np.vstack(chunks) if chunks else np.empty((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(ids, dtype=np.int64), matrix.reshape(len(ids), DIMENSIONS)


VECTORS = StoredVectors()


def _top(scores: Vectors, limit: int) -> npt.NDArray[np.intp]:
    """The positions of the `limit` highest scores, highest first (partial
    sort: linear in the candidates)."""
    if limit < len(scores):
        chosen = np.argpartition(-scores, limit)[:limit]
    else:
        chosen = np.arange(len(scores))
    return chosen[np.argsort(-scores[chosen], kind="stable")]
