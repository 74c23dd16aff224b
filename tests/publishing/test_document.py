"""The document tree takes users' Markdown and plain text with UN symbols linked."""

from convener.publishing.document import (
    Footnote,
    Heading,
    ItemList,
    Paragraph,
    Text,
    blocks_from_markdown,
    runs_with_symbols,
)


def test_markdown_becomes_paragraphs_lists_and_subheadings():
    blocks = blocks_from_markdown("One **bold** line.\n\n- first\n- second\n\n### Next")

    assert blocks == [
        Paragraph([Text("One "), Text("bold", bold=True), Text(" line.")]),
        ItemList([[Text("first")], [Text("second")]]),
        Heading(level=3, text="Next", in_contents=False),
    ]


def test_markdown_symbols_become_links():
    (paragraph,) = blocks_from_markdown("See A/70/59.")

    assert paragraph.runs[1] == Text("A/70/59", href="https://undocs.org/en/A/70/59")


def test_plain_text_symbols_become_links():
    assert runs_with_symbols("Implement resolution 70/290 now") == [
        Text("Implement resolution "),
        Text("70/290", href="https://undocs.org/en/A/RES/70/290"),
        Text(" now"),
    ]


def test_plain_text_without_symbols_is_one_run():
    assert runs_with_symbols("No symbol here.") == [Text("No symbol here.")]


def test_markdown_nested_list_items_join_the_outer_list():
    blocks = blocks_from_markdown("1. first\n   - inner\n2. second")

    assert blocks == [ItemList([[Text("first")], [Text("inner")], [Text("second")]], ordered=True)]


def test_markdown_links_to_other_schemes_keep_only_their_text():
    (paragraph,) = blocks_from_markdown("[x](javascript:alert(1)) or [y](https://un.org)")

    assert paragraph.runs == [Text("x or "), Text("y", href="https://un.org")]


def test_markdown_raw_html_is_text():
    (paragraph,) = blocks_from_markdown("a <b>bold</b> claim")

    assert paragraph.runs == [Text("a <b>bold</b> claim")]


def test_markdown_footnote_becomes_a_footnote_where_it_is_called():
    blocks = blocks_from_markdown(
        "The group drafts *principles*.[^1] They follow.\n\n"
        "[^1]: Asked for in **paragraph 91**\n    of the report."
    )

    assert blocks == [
        Paragraph(
            [
                Text("The group drafts "),
                Text("principles", italic=True),
                Text("."),
                Footnote(
                    (
                        Text("Asked for in "),
                        Text("paragraph 91", bold=True),
                        Text(" of the report."),
                    )
                ),
                Text(" They follow."),
            ]
        )
    ]


def test_markdown_footnotes_are_called_in_the_order_of_their_calls():
    blocks = blocks_from_markdown("A.[^b] B.[^a]\n\n[^a]: Note a.\n\n[^b]: Note b.")

    assert blocks == [
        Paragraph(
            [
                Text("A."),
                Footnote((Text("Note b."),)),
                Text(" B."),
                Footnote((Text("Note a."),)),
            ]
        )
    ]
