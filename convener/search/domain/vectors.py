"""Keeping the vectors of statements in step with their text.

Computing a vector is not a change anyone makes to the record: it follows
from the text, so these functions take no actor and write no audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from convener.prose.editing import text_digest
from convener.records.models import Intervention
from convener.search.meaning import MODEL, Vectors, embed_passages, to_bytes
from convener.search.models import StatementVector
from convener.search.queries.statements import statement_text
from convener.search.queries.vectors import stored_vectors

# Statements embedded per call to the engine: large enough to keep the cores
# busy, small enough that one call holds the engine for about a second.
BATCH = 32


def vectors_of(interventions: Iterable[Intervention]) -> dict[int, Vectors]:
    """The vector of each statement by its id, computing and storing those that
    are missing or older than their text. A statement with no text has none."""
    texts = {
        intervention.pk: text
        for intervention in interventions
        if (text := statement_text(intervention))
    }
    stored = stored_vectors(texts)
    vectors = {
        pk: vector for pk, (digest, vector) in stored.items() if digest == text_digest(texts[pk])
    }
    missing = [pk for pk in texts if pk not in vectors]
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors.update(_computed(batch, [texts[pk] for pk in batch]))
    return vectors


def _computed(ids: Sequence[int], texts: Sequence[str]) -> dict[int, Vectors]:
    embedded = embed_passages(texts)
    for pk, text, vector in zip(ids, texts, embedded, strict=True):
        StatementVector.objects.update_or_create(
            intervention_id=pk,
            defaults={"vector": to_bytes(vector), "model": MODEL, "text_digest": text_digest(text)},
        )
    return dict(zip(ids, embedded, strict=True))
