from html.parser import HTMLParser

from convener.publishing.document import Document, Footnote, Heading, Paragraph, Text
from convener.publishing.exporters.html import (
    HtmlExporter,
    css_string,
    render_body,
    render_print_html,
)


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes and the text directly inside it."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        text: list[str] = []
        self.found.append((tag, dict(attrs), text))
        self.open.append(text)

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        if self.open:
            self.open[-1].append(data)

    def all(self, tag: str, **attrs: str) -> list[tuple[dict[str, str | None], str]]:
        return [
            (found_attrs, "".join(text))
            for found_tag, found_attrs, text in self.found
            if found_tag == tag and all(found_attrs.get(k) == v for k, v in attrs.items())
        ]


def page(document: Document) -> str:
    return HtmlExporter().write(document).decode()


def small(*runs, language: str = "en") -> Document:
    return Document(slug="small", title="Small", language=language, blocks=[Paragraph(list(runs))])


def test_contents_links_to_every_chapter_anchor_in_order(sample_document):
    elements = Elements(page(sample_document))
    hrefs = [attrs.get("href") or "" for attrs, _text in elements.all("a")]
    links = [href for href in hrefs if href.startswith("#")]
    chapters = [attrs["id"] for attrs, _text in elements.all("h2") if attrs["id"] != "contents"]
    assert links[:4] == ["#acknowledgements", "#meeting-1", "#meeting-2", "#meeting-3"]
    assert chapters == ["acknowledgements", "meeting-1", "meeting-2", "meeting-3"]


def test_contents_is_a_navigation_landmark(sample_document):
    navs = Elements(page(sample_document)).all("nav")
    assert navs == [({"class": "contents", "aria-labelledby": "contents"}, "")]


def test_footnote_calls_are_numbered_in_order_of_appearance(sample_document):
    calls = Elements(page(sample_document)).all("a", role="doc-noteref")
    assert [(attrs["href"], attrs["id"], text) for attrs, text in calls] == [
        ("#note-1", "note-call-1", "1"),
        ("#note-2", "note-call-2", "2"),
    ]


def test_footnotes_link_back_to_their_calls(sample_document):
    elements = Elements(page(sample_document))
    notes = [(attrs["id"], text.strip()) for attrs, text in elements.all("li") if attrs.get("id")]
    backs = [attrs["href"] for attrs, _text in elements.all("a", role="doc-backlink")]
    assert notes == [
        ("note-1", "Spoke in his national capacity."),
        ("note-2", "Chair of the G77 in 2016."),
    ]
    assert backs == ["#note-call-1", "#note-call-2"]


def test_footnotes_close_the_chapter_that_calls_them(sample_document):
    html = render_body(sample_document)
    chapter_1 = html[html.index('id="meeting-1"') : html.index('id="meeting-2"')]
    chapter_3 = html[html.index('id="meeting-3"') :]
    assert chapter_1.count('<li id="note-') == 1
    assert '<li id="note-1" value="1">Spoke in his national capacity.' in chapter_1
    assert '<li id="note-2" value="2">Chair of the G77 in 2016.' in chapter_3


def test_text_is_escaped():
    html = page(small(Text("<script>alert(1)</script> & co")))
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>" in html
    assert "<script>" not in html


def test_title_is_escaped():
    document = Document(slug="t", title="<img src=x onerror=alert(1)> & co")
    assert "<h1>&lt;img src=x onerror=alert(1)&gt; &amp; co</h1>" in page(document)


def test_links_are_kept():
    html = page(small(Text("A/70/59", href="https://undocs.org/en/A/70/59?a=1&b=2")))
    assert '<a href="https://undocs.org/en/A/70/59?a=1&amp;b=2">A/70/59</a>' in html


def test_script_links_are_written_as_text():
    html = page(small(Text("click", href="javascript:alert(1)")))
    assert "<p>click</p>" in html


def test_arabic_page_is_right_to_left():
    assert '<html lang="ar" dir="rtl">' in page(small(Text("مرحبا"), language="ar"))


def test_english_page_has_no_direction():
    assert '<html lang="en">' in page(small(Text("Hello")))


def test_body_is_an_article_without_page(sample_document):
    body = render_body(sample_document)
    assert body.startswith('<article class="document" lang="en">')
    assert "<html" not in body
    assert "<main" not in body


def test_page_wraps_the_article_in_main(sample_document):
    assert Elements(page(sample_document)).all("main") != []


def test_facts_are_a_description_list(sample_document):
    elements = Elements(render_body(sample_document))
    assert [text for _attrs, text in elements.all("dt")][:2] == ["Date", "Co-organisers"]
    assert [text for _attrs, text in elements.all("dd")][:2] == [
        "13\u00a0July 2016",
        "UNDP and UNHCR",
    ]


def test_headings_follow_the_title_in_order(sample_document):
    elements = Elements(render_body(sample_document))
    levels = [tag for tag, _attrs, _text in elements.found if tag in {"h1", "h2", "h3", "h4"}]
    assert levels[:6] == ["h1", "h2", "h2", "h2", "h3", "h3"]


def test_heading_without_anchor_gets_one_from_its_place():
    document = Document(slug="a", title="A", blocks=[Heading(1, "Annex")])
    assert '<h2 id="section-0">Annex</h2>' in render_body(document)


def test_print_html_places_each_note_where_it_is_called():
    html = render_print_html(small(Text("Said"), Footnote((Text("In person."),)), Text(".")))
    assert '<p>Said<span class="footnote">In person.</span>.</p>' in html
    assert 'class="note-call"' not in html


def test_print_html_sets_the_running_header():
    document = Document(slug="r", title="R", running_header="GMG 2016 report")
    assert '@page { @top-center { content: "GMG 2016 report"; } }' in render_print_html(document)


def test_running_header_cannot_close_the_stylesheet():
    assert css_string('A "b" </style>') == "A \\22 b\\22  \\3c \\2f style\\3e "


def test_running_header_keeps_the_spaces_after_punctuation():
    # Each escape ends with a space CSS drops, so the text's own spaces stay.
    assert css_string("migrants – Human rights, labour") == (
        "migrants \\2013  Human rights\\2c  labour"
    )
