"""Searching the demo records finds the statements a person would.

The demo's words on complementary pathways are the IRC's (its panellist and
its answer in the debate of the 25 April meeting); it speaks of children
among the vulnerable (the Netherlands' co-chair) and of detained children
(PICUM), though not of unaccompanied minors as such.
"""

from convener.search.queries.search import search_statements


def who(results, *, first=10):
    return {hit.intervention.speaker_label for hit in results.hits[:first]}


def test_complementary_pathways_finds_the_statements_that_say_it(indexed_demo):
    results = search_statements("complementary pathways", mode="words")

    assert results.total == 2
    assert who(results) == {"Anna Greene (IRC)", "IRC"}


def test_children_who_travel_alone_finds_the_statements_about_children(indexed_demo):
    results = search_statements("children who travel alone", mode="meaning")

    assert {"Karel van Oosterom (Netherlands)", "Michele LeVoy (PICUM)"} <= who(results)


def test_a_french_question_finds_the_english_statements_it_means(indexed_demo):
    results = search_statements("les voies complémentaires pour les réfugiés", mode="meaning")

    assert who(results, first=2) == {"Anna Greene (IRC)", "IRC"}


def test_combined_ranks_first_what_both_words_and_meaning_find(indexed_demo):
    results = search_statements("complementary pathways", mode="combined")

    assert who(results, first=2) == {"Anna Greene (IRC)", "IRC"}
    assert results.total > 2
