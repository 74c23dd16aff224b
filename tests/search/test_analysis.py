"""Words are compared by their stems in each language, and excerpts mark them."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from convener.search.analysis import highlighted, terms
from convener.search.queries.search import fused


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("en", "pathways", "pathway"),
        ("fr", "réfugiés", "réfugié"),
        ("es", "migrantes", "migrante"),
        ("ru", "мигрантов", "мигранты"),
        ("ar", "المهاجرين", "المهاجرون"),
    ],
)
def test_forms_of_a_word_share_a_stem(language, one, other):
    assert terms(one, language) == terms(other, language)


def test_function_words_are_left_out():
    assert terms("the rights of migrants", "en") == ["right", "migrant"]


def test_chinese_is_indexed_as_pairs_of_characters_and_other_words_as_words():
    assert terms("WTO移民工人", "zh-hans") == ["wto", "移民", "民工", "工人"]


def test_an_excerpt_starts_near_the_first_word_found():
    text = "Opening words. " * 40 + "Then pathways."

    excerpt = highlighted(text, "en", {"pathway"}, width=60)

    assert excerpt.startswith("…")
    assert excerpt.endswith("Then <mark>pathways</mark>.")


def test_marking_takes_time_linear_in_the_text():
    def seconds(size):
        """The best of three runs: the machine's other work only slows a run down."""
        text = "pathways & <b> " * size
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            highlighted(text, "en", {"pathway"}, width=10 * size)
            runs.append(time.perf_counter() - started)
        return min(runs)

    # Ten times the text: about ten times the time; quadratic would be a hundred.
    assert seconds(20_000) < 30 * seconds(2_000) + 0.05


def test_reciprocal_rank_fusion_puts_first_what_both_rankings_rank_high():
    ranked = fused([[1, 2, 3], [2, 4, 1]])

    assert [pk for pk, _score in ranked] == [2, 1, 4, 3]
    assert ranked[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_words_stemmed_from_many_threads_at_once_are_stemmed_as_from_one():
    """The server answers pages from several threads."""
    text = (
        "Les délégations ont souligné que les voies complémentaires d'admission, "
        "la réinstallation et le regroupement familial protègent les réfugiés. "
    ) * 20
    alone = terms(text, "fr")

    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda _: terms(text, "fr"), range(200)))

    assert all(result == alone for result in together)
