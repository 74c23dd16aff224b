"""Statements are found by their words, compared by stem in each language."""

import pytest

from convener.search.domain.index import reindex
from convener.search.queries.search import search_statements
from tests.factories import InterventionFactory, MeetingFactory, SegmentFactory

pytestmark = pytest.mark.django_db


def found(text, **options):
    return [hit.intervention for hit in search_statements(text, mode="words", **options).hits]


def test_a_statement_is_found_by_the_stems_of_its_words():
    pathways = InterventionFactory(summary="We support complementary pathways for refugees.")
    InterventionFactory(summary="Remittances lower the cost of sending money home.")
    reindex()

    assert found("complementary pathway") == [pathways]


def test_every_word_of_the_query_must_be_in_the_statement():
    InterventionFactory(summary="Regular pathways for migrants.")
    reindex()

    assert found("complementary pathways") == []


def test_a_french_statement_is_found_by_french_stems():
    segment = SegmentFactory(meeting=MeetingFactory(series__language="fr"))
    statement = InterventionFactory(segment=segment, summary="Les voies complémentaires.")
    reindex()

    assert found("voie complémentaire") == [statement]


def test_a_chinese_statement_is_found_by_its_characters():
    segment = SegmentFactory(meeting=MeetingFactory(series__language="zh-hans"))
    statement = InterventionFactory(segment=segment, summary="保护移民工人的权利")
    reindex()

    assert found("移民工人") == [statement]
    assert found("难民") == []


def test_the_snippet_marks_the_words_found_and_escapes_the_rest():
    InterventionFactory(summary="Pathways <b>now</b> & complementary pathway.")
    reindex()

    hit = search_statements("pathways", mode="words").hits[0]

    assert str(hit.snippet) == (
        "<mark>Pathways</mark> &lt;b&gt;now&lt;/b&gt; &amp; complementary <mark>pathway</mark>."
    )


def test_a_word_in_angle_brackets_is_a_word_on_every_database():
    statement = InterventionFactory(summary="The <pathways> ahead.")
    reindex()

    assert found("pathways") == [statement]
