"""UN document symbols are recognised by their grammar, and nothing else is."""

import pytest

from convener.prose.symbols import find_symbols, is_symbol, symbol_url


@pytest.mark.parametrize(
    "symbol",
    [
        "A/70/59",
        "A/70/L.34",
        "A/RES/70/290",
        "A/71/1",
        "A/RES/S-26/2",
        "A/RES/ES-10/23",
        "S/RES/2240 (2015)",
        "S/2016/123",
        "S/PRST/2016/1",
        "A/C.3/71/L.2",
        "E/CN.6/2016/3",
        "A/HRC/RES/32/14",
        "A/70/59/Add.1",
        "A/70/59/Corr.1",
        "A/70/L.34/Rev.1",
    ],
)
def test_is_symbol_accepts_the_grammar_of_un_symbols(symbol):
    assert is_symbol(symbol)


@pytest.mark.parametrize(
    "text", ["A/B", "10.7", "a/70/59", "A/70/59/", "X/70/59", "A70/59", "and/or", "TBC"]
)
def test_is_symbol_refuses_what_is_not_a_symbol(text):
    assert not is_symbol(text)


def test_find_symbols_in_prose_with_resolution_citations():
    text = "The report A/70/59 and resolution 70/290 frame the plenary (A/70/L.34)."

    assert [symbol for _start, _end, symbol in find_symbols(text)] == [
        "A/70/59",
        "A/RES/70/290",
        "A/70/L.34",
    ]


def test_symbol_url_uses_the_configured_base(settings):
    settings.CONVENER_SYMBOL_LINK_BASE = "https://docs.un.org/en/"

    assert symbol_url("S/RES/2240 (2015)") == "https://docs.un.org/en/S/RES/2240%20(2015)"
