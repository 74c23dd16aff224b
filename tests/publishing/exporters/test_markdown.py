from convener.publishing.document import (
    Contents,
    Document,
    Facts,
    Footnote,
    Heading,
    ItemList,
    PageBreak,
    Paragraph,
    Text,
)
from convener.publishing.exporters.markdown import MarkdownExporter


def markdown(document: Document) -> str:
    return MarkdownExporter().write(document).decode()


def paragraph(*runs) -> str:
    """The Markdown of a document of one paragraph, without its title."""
    written = markdown(Document(slug="p", title="P", blocks=[Paragraph(list(runs))]))
    return written.removeprefix("# P\n\n").removesuffix("\n")


def test_markdown_of_a_tiny_document_is_exact():
    document = Document(
        slug="tiny",
        title="Report of the meetings",
        subtitle="Global Migration Group",
        cover=[Paragraph([Text("Chaired by UN Women")], "lead")],
        blocks=[
            Contents("Contents"),
            PageBreak(),
            Heading(1, "Meeting 1: Large movements", anchor="meeting-1"),
            Facts([("Date", [Text("25 April 2016")]), ("Room", [Text("Conference Room 7")])]),
            Heading(2, "Executive summary"),
            Paragraph(
                [
                    Text("Ninette Kelley", bold=True),
                    Text(" cited "),
                    Text("A/70/59", href="https://undocs.org/en/A/70/59"),
                    Text(" and "),
                    Text("resolution 70/290", italic=True),
                    Footnote((Text("Adopted in 2016."),)),
                    Text("."),
                ]
            ),
            ItemList([[Text("first point")], [Text("second point")]], ordered=True),
            ItemList([[Text("a")], [Text("b")]]),
        ],
    )
    assert markdown(document) == (
        "# Report of the meetings\n"
        "\n"
        "Global Migration Group\n"
        "\n"
        "Chaired by UN Women\n"
        "\n"
        "## Contents\n"
        "\n"
        "- [Meeting 1: Large movements](#meeting-1)\n"
        "\n"
        '## <a id="meeting-1"></a>Meeting 1: Large movements\n'
        "\n"
        "- **Date:** 25\u00a0April 2016\n"  # a day and its month hold together
        "- **Room:** Conference Room 7\n"
        "\n"
        "### Executive summary\n"
        "\n"
        "**Ninette Kelley** cited [A/70/59](https://undocs.org/en/A/70/59)"
        " and *resolution 70/290*[^1].\n"
        "\n"
        "1. first point\n"
        "2. second point\n"
        "\n"
        "- a\n"
        "- b\n"
        "\n"
        "[^1]: Adopted in 2016.\n"
    )


def test_markdown_footnotes_are_numbered_in_order_with_texts_at_the_end(sample_document):
    written = markdown(sample_document)
    assert written.count("[^1]") == 2
    assert written.count("[^2]") == 2
    assert written.index("**Thailand**[^1].") < written.index("**Thailand**[^2].")
    assert written.endswith(
        "\n\n[^1]: Spoke in his national capacity.\n\n[^2]: Chair of the G77 in 2016.\n"
    )


def test_markdown_escapes_markup_characters():
    written = paragraph(Text("*not bold* _nor_ [a](b) <b>x</b> `code` & ~~gone~~ \\"))
    assert written == (
        "\\*not bold\\* \\_nor\\_ \\[a\\](b) \\<b\\>x\\</b\\> \\`code\\` \\& \\~\\~gone\\~\\~ \\\\"
    )


def test_markdown_escapes_what_would_start_a_block():
    assert paragraph(Text("1. Not a list")) == "1\\. Not a list"
    assert paragraph(Text("# Not a heading")) == "\\# Not a heading"
    assert paragraph(Text("- Not an item")) == "\\- Not an item"
    assert paragraph(Text("> Not a quote")) == "\\> Not a quote"


def test_markdown_escapes_line_starts_after_a_line_break():
    assert paragraph(Text("First line\n2016. Second line")) == "First line\\\n2016\\. Second line"


def test_markdown_emphasis_markers_hug_the_text():
    assert paragraph(Text("the floor:"), Text(" Thailand ", bold=True), Text("and")) == (
        "the floor: **Thailand** and"
    )


def test_markdown_joins_adjacent_runs_of_the_same_emphasis():
    assert paragraph(Text("UN", bold=True), Text(" Women", bold=True)) == "**UN Women**"


def test_markdown_link_address_is_encoded():
    assert paragraph(Text("x", href="https://example.org/a b(c)")) == (
        "[x](https://example.org/a%20b%28c%29)"
    )


def test_markdown_script_link_is_written_as_text():
    assert paragraph(Text("click", href="javascript:alert(1)")) == "click"


def test_markdown_heading_keeps_its_hashes_as_text():
    document = Document(slug="h", title="Item #3 #", blocks=[])
    assert markdown(document) == "# Item \\#3 \\#\n"


def test_markdown_keeps_adjacent_lists_apart():
    document = Document(
        slug="l",
        title="L",
        blocks=[
            ItemList([[Text("a")]]),
            Facts([("Date", [Text("today")])]),
            ItemList([[Text("one")]], ordered=True),
            ItemList([[Text("two")]], ordered=True),
        ],
    )
    assert markdown(document) == "# L\n\n- a\n\n* **Date:** today\n\n1. one\n\n1) two\n"
