"""The index follows the record: a statement is found as soon as its change
commits, by its words at once and by its meaning once the background task
has run (at once in tests), and no longer found once deleted."""

import pytest

from convener.audit.actors import command_line_operator
from convener.records.domain.interventions import (
    record_intervention,
    remove_intervention,
    update_intervention,
)
from convener.search.domain.index import embed_statements, reindex
from convener.search.models import StatementVector
from convener.search.queries.search import search_statements
from convener.texts.domain import save_version
from convener.texts.models import TextPlace, TextStatus
from tests.factories import InterventionFactory, SegmentFactory

pytestmark = pytest.mark.django_db

operator = command_line_operator()


def found(text, mode="words"):
    return [hit.intervention for hit in search_statements(text, mode=mode).hits]


def test_a_recorded_statement_is_found_once_it_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statement = record_intervention(
            segment=SegmentFactory(),
            by=operator,
            speaker=None,
            organisation=InterventionFactory().speaker.organisation,
            capacity="organisation",
            summary="Complementary pathways for refugees.",
        )

    assert found("complementary pathways") == [statement]
    assert StatementVector.objects.filter(intervention=statement).exists()


def test_a_changed_statement_is_found_by_its_new_words(django_capture_on_commit_callbacks):
    statement = InterventionFactory(summary="Regular pathways.")
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        update_intervention(
            intervention=statement, changes={"summary": "Remittances."}, by=operator
        )

    assert found("pathways") == []
    assert found("remittances") == [statement]


def test_a_removed_statement_is_no_longer_found(django_capture_on_commit_callbacks):
    statement = InterventionFactory(summary="Regular pathways.")
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        remove_intervention(intervention=statement, by=operator)

    assert found("pathways") == []


def test_a_translation_is_found_in_its_language(django_capture_on_commit_callbacks):
    statement = InterventionFactory(summary="Regular pathways.")
    place = TextPlace(statement, "summary", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        save_version(
            place=place, text="Des voies régulières.", status=TextStatus.DRAFT, by=operator
        )

    assert found("voies régulières") == []  # a draft is no one's text yet

    with django_capture_on_commit_callbacks(execute=True):
        save_version(
            place=place, text="Des voies régulières.", status=TextStatus.TRANSLATED, by=operator
        )

    hit = search_statements("voie régulière", mode="words").hits[0]
    assert hit.intervention == statement
    assert (hit.language, str(hit.snippet)) == (
        "fr",
        "Des <mark>voies</mark> <mark>régulières</mark>.",
    )


def test_the_vectors_are_computed_in_the_background(django_capture_on_commit_callbacks, tasks_held):
    with django_capture_on_commit_callbacks(execute=True):
        statement = InterventionFactory(summary="Regular pathways.")

    assert found("pathways") == [statement]
    assert not StatementVector.objects.filter(intervention=statement).exists()
    assert [result.task.func for result in tasks_held] == [embed_statements.func]


def test_reindexing_twice_gives_the_same_index():
    statement = InterventionFactory(summary="Regular pathways.")

    assert reindex() == 1
    assert reindex() == 1
    assert found("pathways") == [statement]
    assert StatementVector.objects.count() == 1


def test_an_imported_series_is_found_once_the_import_commits(
    reference_data, django_capture_on_commit_callbacks
):
    from convener.server.demo import load_demo_series

    with django_capture_on_commit_callbacks(execute=True):
        load_demo_series()

    assert len(found("complementary pathways")) == 2
    assert StatementVector.objects.count() == 54
