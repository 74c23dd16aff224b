"""The finishing every document writer gives its text: quotes, dashes, spaces that do not break."""

import pytest

from convener.prose.typography import NO_BREAK_SPACE as NBSP
from convener.prose.typography import finished_pieces, finished_text
from tests.timing import cpu_timed


def test_straight_double_quotes_become_typographic_quotes():
    assert finished_text('the report "In Safety and Dignity" was') == (
        "the report \u201cIn Safety and Dignity\u201d was"
    )


def test_straight_single_quotes_and_apostrophes_become_typographic():
    assert finished_text("the GMG's 'whole of society' approach") == (
        "the GMG\u2019s \u2018whole of society\u2019 approach"
    )


def test_double_and_triple_hyphens_become_en_and_em_dashes():
    assert finished_text("2015--2016 --- and after") == "2015\u20132016 \u2014 and after"


def test_hyphen_between_spaces_becomes_an_en_dash():
    assert finished_text("migrants - Human rights") == "migrants \u2013 Human rights"


def test_hyphens_within_words_stay_hyphens():
    assert finished_text("co-organised a high-level meeting") == "co-organised a high-level meeting"


def test_three_dots_become_an_ellipsis():
    assert finished_text("and so on...") == "and so on\u2026"


def test_day_and_month_are_held_together_by_a_no_break_space():
    assert finished_text("held on 20 September 2016") == f"held on 20{NBSP}September 2016"


def test_a_number_before_another_word_keeps_its_space():
    assert finished_text("20 States and 3 Mayors") == "20 States and 3 Mayors"


def test_acronym_in_brackets_is_held_to_the_word_before_and_together():
    assert finished_text("the Empowerment of Women (UN Women) chaired") == (
        f"the Empowerment of Women{NBSP}(UN{NBSP}Women) chaired"
    )
    assert finished_text("Organization for Migration (IOM).") == (
        f"Organization for Migration{NBSP}(IOM)."
    )


def test_a_word_in_brackets_that_is_no_acronym_keeps_its_space():
    assert finished_text("the co-chair (Thailand) said") == "the co-chair (Thailand) said"


def test_web_addresses_in_the_text_are_left_as_written():
    text = "see https://example.org/a--b?q='x'... and \"more\""
    assert finished_text(text) == "see https://example.org/a--b?q='x'... and \u201cmore\u201d"


def test_code_pieces_are_left_as_written():
    pieces = [('Type "', False), ('--name "x"', True), ('" here', False)]
    assert finished_pieces(pieces) == ["Type \u201c", '--name "x"', "\u201d here"]


def test_a_quote_opened_in_one_piece_closes_in_the_next():
    pieces = [('She said "', False), ("never", False), ('" twice', False)]
    assert finished_pieces(pieces) == ["She said \u201c", "never", "\u201d twice"]


def test_backslashes_and_markup_characters_are_kept():
    text = 'C:\\data\\ "x" <b>&amp; 1 < 2 > 0 \\-'
    assert finished_text(text) == "C:\\data\\ \u201cx\u201d <b>&amp; 1 < 2 > 0 \\-"


def test_finishing_finished_text_changes_nothing():
    once = finished_text('"20 September" -- the (UN Women) report\'s - end...')
    assert finished_text(once) == once


def test_pieces_come_back_one_for_one_even_empty():
    assert finished_pieces([("", False), ("a", True), ("", False)]) == ["", "a", ""]


SIZE = 100_000
FLOODS = {
    "double_quotes": '"' * SIZE,
    "single_quotes": "'" * SIZE,
    "alternating_quotes": "\"a 'b " * (SIZE // 6),
    "hyphens": "-" * SIZE,
    "spaced_hyphens": "a - " * (SIZE // 4),
    "dots": "." * SIZE,
    "angle_brackets": "<" * SIZE,
    "ampersands": "&" * SIZE,
    "backslashes": "\\" * SIZE,
    "dates": "1 January " * (SIZE // 10),
    "digits": "1" * SIZE,
    "acronyms": "Women (UN Women) " * (SIZE // 17),
    "unclosed_acronyms": "a (UNAA" * (SIZE // 7),
    "capitals": "a (" + "A" * SIZE,
    "addresses": "http://a--b " * (SIZE // 12),
    "address_openers": "https://" * (SIZE // 8),
}


@pytest.mark.parametrize("kind", FLOODS)
def test_finishing_a_flood_takes_linear_time(kind):
    finished, spent = cpu_timed(lambda: finished_text(FLOODS[kind]))
    assert finished
    assert spent < 1.0
