"""Runs of text keep their own direction inside a page of the other: isolated in `<bdi>`."""

import time

from django.template import Context, Template
from django.utils.safestring import mark_safe

from convener.prose.direction import isolated, left_to_right, left_to_right_pieces


def test_isolated_puts_a_name_in_a_bdi_of_its_own_direction():
    assert isolated("Amb. van Oosterom") == "<bdi>Amb. van Oosterom</bdi>"


def test_left_to_right_isolates_a_time_range_left_to_right():
    assert left_to_right("10:00–13:00") == '<bdi dir="ltr">10:00–13:00</bdi>'


def test_isolation_escapes_text_and_keeps_safe_html():
    assert isolated("<b>") == "<bdi>&lt;b&gt;</bdi>"
    assert left_to_right(mark_safe('<a href="/">A/70/59</a>')) == (
        '<bdi dir="ltr"><a href="/">A/70/59</a></bdi>'
    )


def test_nothing_to_isolate_gives_nothing():
    assert isolated("") == ""
    assert left_to_right(None) == ""


def test_template_filters_isolate_values_and_blocks():
    template = Template(
        "{% load direction %}{{ title|isolate }} "
        "{% filter ltr %}{{ start }}–{{ end }}{% endfilter %}"
    )

    html = template.render(Context({"title": "Safe & regular", "start": "10:00", "end": "13:00"}))

    assert html == '<bdi>Safe &amp; regular</bdi> <bdi dir="ltr">10:00–13:00</bdi>'


def test_left_to_right_pieces_keep_a_time_range_whole_inside_arabic():
    assert left_to_right_pieces("الوقت 10:00–13:00.") == [
        ("الوقت ", False),
        ("10:00–13:00", True),
        (".", False),
    ]


def test_left_to_right_pieces_keep_latin_names_and_symbols_whole():
    pieces = left_to_right_pieces("برئاسة United Nations Entity (UN Women) والوثيقة A/70/59")

    assert [piece for piece, left_to_right in pieces if left_to_right] == [
        "United Nations Entity (UN Women)",
        "A/70/59",
    ]


def test_left_to_right_pieces_of_a_long_text_take_linear_time():
    text = ("A, " * 50_000) + "و"

    started = time.perf_counter()
    pieces = left_to_right_pieces(text)

    assert time.perf_counter() - started < 1
    assert pieces[-1] == (", و", False)
