"""Statements carry the meaning of what was said as a vector, kept in step
with their text, so that they can be found by what they mean."""

import numpy as np
import pytest

from convener.search import meaning
from convener.search.domain.vectors import vectors_of
from convener.search.meaning import DIMENSIONS, embed_passages, embed_query
from convener.search.models import StatementVector
from tests.factories import InterventionFactory


def test_a_question_is_nearer_the_statement_that_means_it_than_one_that_does_not():
    minors, remittances = embed_passages(
        [
            "Unaccompanied and separated minors need guardians at the border.",
            "Remittances lower the cost of sending money home.",
        ]
    )
    question = embed_query("children who travel alone")

    assert question @ minors > question @ remittances


def test_a_french_question_finds_the_english_statement_it_means():
    minors, remittances = embed_passages(
        [
            "Unaccompanied and separated minors need guardians at the border.",
            "Remittances lower the cost of sending money home.",
        ]
    )
    question = embed_query("les enfants non accompagnés")

    assert question @ minors > question @ remittances


def test_vectors_are_unit_length_rows_of_the_model_size():
    vectors = embed_passages(["one", "two"])

    assert vectors.shape == (2, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


@pytest.mark.django_db
def test_a_statement_is_embedded_once_and_again_when_its_text_changes():
    statement = InterventionFactory(summary="Called for regular pathways.", points=["Visas."])

    first = vectors_of([statement])[statement.pk]
    stored = StatementVector.objects.get(intervention=statement)
    assert vectors_of([statement])[statement.pk] == pytest.approx(first)
    assert StatementVector.objects.get(intervention=statement).computed_at == stored.computed_at

    statement.summary = "Spoke of the cost of remittances."
    statement.save()
    changed = vectors_of([statement])[statement.pk]

    assert float(changed @ first) < 0.99
    assert StatementVector.objects.get(intervention=statement).computed_at > stored.computed_at


@pytest.mark.django_db
def test_a_statement_without_text_has_no_vector():
    statement = InterventionFactory(summary="", points=[])

    assert vectors_of([statement]) == {}


def test_a_question_asked_again_is_embedded_once(monkeypatch):
    meaning._query_vector.cache_clear()
    embedded = []
    engine = meaning._embedded

    def counted(texts, *, as_query):
        embedded.append(list(texts))
        return engine(texts, as_query=as_query)

    monkeypatch.setattr(meaning, "_embedded", counted)

    first = meaning.embed_query("children who travel alone")
    again = meaning.embed_query("  children  who travel\nalone ")

    assert embedded == [["children who travel alone"]]
    assert again is first
    assert not first.flags.writeable
