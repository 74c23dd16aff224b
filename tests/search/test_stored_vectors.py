"""The vectors held in memory for ranking follow the stored ones."""

from functools import partial

import numpy as np
import pytest

from convener.search.domain.vectors import vectors_of
from convener.search.models import StatementVector
from convener.search.queries.search import search_statements
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
    # No search ranks a deleted statement (it is no candidate); memory lets
    # its vector go when the next one is computed, rather than counting
    # every stored vector at each search.
    third = InterventionFactory(summary="Diaspora bonds.")
    vectors_of([third])
    assert_same_as_stored(table)
    assert sorted(held(table)) == sorted([first.pk, third.pk])


def test_a_deleted_statement_is_not_found_by_meaning_while_its_vector_is_held():
    kept = InterventionFactory(summary="Unaccompanied minors at the border.")
    deleted = InterventionFactory(summary="Unaccompanied minors in reception centres.")
    vectors_of([kept, deleted])
    search = partial(search_statements, "children travelling alone", mode="meaning")
    assert {hit.intervention_id for hit in search().hits} == {kept.pk, deleted.pk}

    deleted.delete()

    assert [hit.intervention_id for hit in search().hits] == [kept.pk]


def test_an_empty_table_holds_nothing():
    ids, matrix = StoredVectors().current()

    assert (len(ids), matrix.shape) == (0, (0, 384))
