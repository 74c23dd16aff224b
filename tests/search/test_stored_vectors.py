"""The vectors held in memory for ranking follow the stored ones."""

import numpy as np
import pytest

from convener.search.domain.vectors import vectors_of
from convener.search.models import StatementVector
from convener.search.queries.vectors import StoredVectors, stored_vectors
from tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db


def held(table):
    ids, matrix = table.current()
    return dict(zip(ids.tolist(), matrix, strict=True))


def assert_same_as_stored(table):
    stored = stored_vectors(StatementVector.objects.values_list("intervention_id", flat=True))
    in_memory = held(table)
    assert sorted(in_memory) == sorted(stored)
    for pk, (_digest, vector) in stored.items():
        assert np.allclose(in_memory[pk], vector)


def test_new_changed_and_deleted_vectors_are_followed():
    table = StoredVectors()
    first, second = InterventionFactory(summary="Pathways."), InterventionFactory(summary="Visas.")
    vectors_of([first])
    assert_same_as_stored(table)

    vectors_of([second])
    assert_same_as_stored(table)

    first.summary = "Remittances."
    first.save()
    vectors_of([first])
    assert_same_as_stored(table)

    second.delete()
    assert_same_as_stored(table)
    assert list(held(table)) == [first.pk]


def test_an_empty_table_holds_nothing():
    ids, matrix = StoredVectors().current()

    assert (len(ids), matrix.shape) == (0, (0, 384))
