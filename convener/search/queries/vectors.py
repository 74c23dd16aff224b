"""Stored vectors of statements."""

from __future__ import annotations

from collections.abc import Iterable

from convener.search.meaning import MODEL, Vectors, from_bytes
from convener.search.models import StatementVector


def stored_vectors(intervention_ids: Iterable[int]) -> dict[int, tuple[str, Vectors]]:
    """By intervention id: the digest of the text embedded and its vector,
    for those embedded by the current model."""
    rows = StatementVector.objects.filter(
        intervention_id__in=list(intervention_ids), model=MODEL
    ).values_list("intervention_id", "text_digest", "vector")
    return {pk: (digest, from_bytes(bytes(vector))) for pk, digest, vector in rows}
