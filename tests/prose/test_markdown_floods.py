"""A text built to make the Markdown parser backtrack renders in time linear in its size.

A security review found that 20 KB of `[` kept a server process busy for a
minute: Python-Markdown, the renderer then, had not finished 100 KB of them
after four minutes. Each input here is 100 KB of one pathological pattern;
each must render as HTML, as the document tree and as plain text with UN
symbols linked, in well under a second.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.meetings.models import ProgrammeRole
from convener.prose.markdown import (
    MARKDOWN_MARK_LIMIT,
    MARKDOWN_PARSE_LIMIT,
    link_symbols,
    render_markdown,
)
from convener.publishing.document import Document, Paragraph, Text, blocks_from_markdown
from convener.publishing.exporters.markdown import document_as_markdown
from tests.factories import ParticipationFactory, PersonFactory, UserFactory
from tests.timing import cpu_timed

SIZE = 100_000
BOUND_SECONDS = 1.0

FLOODS = {
    "brackets": "[" * SIZE,
    "asterisks": "*" * SIZE,
    "underscores": "_" * SIZE,
    "backticks": "`" * SIZE,
    "angle_brackets": "<" * SIZE,
    "image_openers": "![" * (SIZE // 2),
    "nested_lists": "- " * (SIZE // 2) + "x",
    "list_items": "- a\n" * (SIZE // 4),
    "numbered_items": "1. a\n" * (SIZE // 5),
    "lines": "a\n" * (SIZE // 2),
    "headings": "# a\n" * (SIZE // 4),
    "nested_quotes": "> " * (SIZE // 2) + "x",
    "nested_emphasis": "*_" * (SIZE // 4) + "x" + "_*" * (SIZE // 4),
    "open_emphasis": "*a **a " * (SIZE // 7),
    "unclosed_link": "[a](" + "a" * SIZE,
    "reference_definitions": "".join(f"[r{n}]: /u{n}\n" for n in range(SIZE // 14)) + "[r1] " * 100,
    "reference_uses": "[r]: /u\n\n" + "[r]" * (SIZE // 3),
    "symbol_like": "A/" * (SIZE // 2),
    "symbols": "A/70/59 " * (SIZE // 8),
    "resolutions": "resolution 70/290 " * (SIZE // 18),
    "symbol_starts": "A/S-" * (SIZE // 4),
    "symbol_suffixes": "A/70" + "/Add.1" * (SIZE // 6) + "/",
    "resolution_spaces": "resolution" + " " * SIZE + "x",
    "html_comment_openers": "<!--" * (SIZE // 4),
    "processing_openers": "<?" * (SIZE // 2),
    "footnote_call_openers": "[^n]: a note\n\n" + "[^" * (SIZE // 2),
    "footnote_long_label": "[^n]: a note\n\n" + "[^" * 1_000 + "a" * (SIZE - 2_100),
    "footnote_calls": "[^n]: a note\n\n" + "[^n]" * (SIZE // 4),
    "footnote_definitions": "".join(f"[^{n}]: note {n}\n" for n in range(SIZE // 16))
    + "[^1] " * 100,
    "nested_footnote_definitions": "[^a]: " * (SIZE // 6) + "x",
}


def seconds(render, text):
    _result, spent = cpu_timed(lambda: render(text))
    return spent


@pytest.mark.parametrize("kind", FLOODS)
def test_markdown_flood_renders_in_linear_time(kind):
    assert seconds(render_markdown, FLOODS[kind]) < BOUND_SECONDS


@pytest.mark.parametrize("kind", FLOODS)
def test_markdown_flood_becomes_document_blocks_in_linear_time(kind):
    assert seconds(blocks_from_markdown, FLOODS[kind]) < BOUND_SECONDS


@pytest.mark.parametrize("kind", FLOODS)
def test_symbol_linking_of_a_flood_takes_linear_time(kind):
    assert seconds(link_symbols, FLOODS[kind]) < BOUND_SECONDS


def test_markdown_bracket_flood_renders_as_the_brackets_typed():
    parsed = MARKDOWN_MARK_LIMIT  # the rest is a plain paragraph of its own

    assert render_markdown("[" * SIZE) == (f"<p>{'[' * parsed}</p>\n<p>{'[' * (SIZE - parsed)}</p>")


def test_markdown_past_the_parse_limit_is_plain_escaped_text():
    text = f"**Bold**\n\n{'x' * MARKDOWN_PARSE_LIMIT}\n\n**As typed** <b> A/70/59"

    assert render_markdown(text) == (
        f"<p><strong>Bold</strong></p>\n<p>{'x' * MARKDOWN_PARSE_LIMIT}</p>\n"
        "<p>**As typed** &lt;b&gt; A/70/59</p>"
    )


def test_markdown_past_the_mark_limit_is_plain_text_from_the_last_blank_line():
    # Six marks a paragraph: two asterisks and two line breaks, which count twice.
    parsed = MARKDOWN_MARK_LIMIT // 6
    text = "*a*\n\n" * (2 * parsed)

    assert render_markdown(text) == "\n".join(
        ["<p><em>a</em></p>"] * parsed + ["<p>*a*</p>"] * parsed
    )


def test_document_blocks_past_the_mark_limit_are_plain_paragraphs():
    parsed = MARKDOWN_MARK_LIMIT // 6
    text = "*a*\n\n" * (2 * parsed)

    assert (
        blocks_from_markdown(text)
        == [Paragraph([Text("a", italic=True)])] * parsed + [Paragraph([Text("*a*")])] * parsed
    )


@pytest.mark.django_db
def test_markdown_preview_answers_a_bracket_flood_in_linear_time(client):
    client.force_login(UserFactory())
    preview = reverse("manage:markdown_preview")
    client.post(preview, {"text": "A first request, which loads the code and templates."})

    response, spent = cpu_timed(lambda: client.post(preview, {"text": "[" * SIZE}))

    assert spent < BOUND_SECONDS
    assertContains(response, f"<p>{'[' * MARKDOWN_MARK_LIMIT}</p>")
    assertContains(response, f"<p>{'[' * (SIZE - MARKDOWN_MARK_LIMIT)}</p>")


@pytest.mark.django_db
def test_person_page_with_a_bracket_flood_biography_renders_in_linear_time(client):
    # 4,000 characters, within what a biography field holds: Python-Markdown
    # took ten seconds over them.
    biography = "Works on *refugee* protection.\n\n" + "[" * 4_000
    first = ParticipationFactory(role=ProgrammeRole.PANELLIST).person
    client.get(reverse("public:person", args=[first.key]))  # loads the code and templates
    panellist = ParticipationFactory(
        role=ProgrammeRole.PANELLIST, person=PersonFactory(biography=biography)
    ).person

    page = reverse("public:person", args=[panellist.key])

    response, spent = cpu_timed(lambda: client.get(page))

    assert spent < BOUND_SECONDS
    assertContains(response, f"<p>{'[' * 4_000}</p>")
    assertContains(response, "<p>Works on <em>refugee</em> protection.</p>", html=True)


def test_markdown_export_of_a_paragraph_of_many_runs_takes_linear_time():
    document = Document(title="Runs", blocks=[Paragraph([Text("a")] * 200_000)])

    assert seconds(document_as_markdown, document) < BOUND_SECONDS
