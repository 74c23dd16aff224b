"""The search finds what a person would expect in the demo: the labelled
queries of bench/search/labelled_queries.yaml, scored as
`python bench/search/quality.py` scores them (docs/search-quality.md)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "search"))
from quality import DEPTH, Labelled, demo_ids, labelled, quality, searcher

# Measured on the demo set when the labelled queries were written (see
# docs/search-quality.md), rounded down: a change to the search that loses
# expected statements fails here.
COMBINED_RECALL_FLOOR = 0.85
COMBINED_MRR_FLOOR = 0.75
# Fusion may place a statement found by one mode a little lower than that mode
# alone; it must not lose more than this.
MARGIN = 0.05


@pytest.fixture
def demo_keys(indexed_demo):
    """Ids of the demo's statements by the keys the labelled queries use."""
    return demo_ids()


@pytest.mark.django_db
def test_every_expected_demo_statement_is_named_by_a_key_of_the_demo(demo_keys):
    missing = {key for entry in labelled("demo") for key in entry.expected} - set(demo_keys)

    assert missing == set()


@pytest.mark.django_db
def test_combined_search_finds_the_expected_demo_statements_at_least_as_well_as_either_mode(
    demo_keys,
):
    queries = labelled("demo")
    words, meaning, combined = (
        quality(queries, demo_keys, searcher(mode)) for mode in ("words", "meaning", "combined")
    )

    assert combined.recall >= COMBINED_RECALL_FLOOR
    assert combined.mrr >= COMBINED_MRR_FLOOR
    assert combined.recall >= max(words.recall, meaning.recall) - MARGIN


@pytest.mark.django_db
def test_a_query_in_another_language_finds_english_statements_by_meaning_not_by_words(
    demo_keys,
):
    other_languages = [entry for entry in labelled("demo") if entry.kind == "language"]

    by_words = quality(other_languages, demo_keys, searcher("words"))
    by_meaning = quality(other_languages, demo_keys, searcher("meaning"))

    assert by_meaning.recall > by_words.recall + 0.3


def test_recall_counts_the_share_of_expected_statements_in_the_first_ten_and_mrr_the_first_rank():
    queries = [Labelled("a", "words", ("x", "y")), Labelled("b", "words", ("z",))]
    ids = {"x": 1, "y": 2, "z": 3}
    hits = {"a": [9, 1, 8], "b": [*range(10, 10 + DEPTH), 3]}

    result = quality(queries, ids, hits.__getitem__)

    assert result.recall == pytest.approx((1 / 2 + 0) / 2)
    assert result.mrr == pytest.approx((1 / 2 + 0) / 2)
