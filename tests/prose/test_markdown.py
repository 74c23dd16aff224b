"""Users' Markdown becomes safe HTML in which UN symbols are links."""

import pytest

from convener.prose import markdown as markdown_module
from convener.prose.markdown import link_symbols, render_markdown


def test_markdown_renders_emphasis_and_lists():
    html = render_markdown("**Three** points:\n\n1. reception\n2. protection")

    assert html == (
        "<p><strong>Three</strong> points:</p>\n"
        "<ol>\n<li>reception</li>\n<li>protection</li>\n</ol>"
    )


def test_markdown_links_un_symbols():
    html = render_markdown("See A/70/59.")

    assert html == (
        '<p>See <a class="un-symbol" href="https://undocs.org/en/A/70/59" rel="noopener">'
        "A/70/59</a>.</p>"
    )


def test_markdown_links_a_resolution_cited_by_number():
    html = render_markdown("Under resolution 70/290 the Assembly met.")

    assert 'resolution <a class="un-symbol" href="https://undocs.org/en/A/RES/70/290"' in html


def test_markdown_leaves_symbols_in_code_alone():
    assert render_markdown("`A/70/59`") == "<p><code>A/70/59</code></p>"


def test_markdown_shows_raw_html_as_typed():
    html = render_markdown("<script>alert(1)</script> <img src=x onerror=y>")

    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=y&gt;</p>"


def test_markdown_keeps_the_text_of_links_to_other_schemes_without_the_link():
    html = render_markdown("[x](javascript:alert(1)) [y](data:text/html,z) [z](ftp://a)")

    assert html == "<p>x y z</p>"


def test_markdown_keeps_web_mail_and_relative_links():
    html = render_markdown("[a](https://un.org) [b](mailto:a@un.org) [c](/people/)")

    assert html == (
        '<p><a href="https://un.org" rel="noopener">a</a> '
        '<a href="mailto:a@un.org" rel="noopener">b</a> '
        '<a href="/people/" rel="noopener">c</a></p>'
    )


def test_markdown_headings_start_below_the_page_headings():
    assert render_markdown("# Background") == "<h3>Background</h3>"


def test_markdown_of_nothing_is_nothing():
    assert render_markdown("") == ""


def test_link_symbols_escapes_plain_text():
    html = link_symbols("A/70/59 <b>&</b>")

    assert html == (
        '<a class="un-symbol" href="https://undocs.org/en/A/70/59">A/70/59</a> '
        "&lt;b&gt;&amp;&lt;/b&gt;"
    )


def test_markdown_links_follow_the_configured_base(settings):
    render_markdown("A/70/59")
    settings.CONVENER_SYMBOL_LINK_BASE = "https://docs.un.org/en/"

    assert 'href="https://docs.un.org/en/A/70/59"' in render_markdown("A/70/59")


def test_markdown_second_level_headings_become_fourth_level():
    assert render_markdown("## Aims") == "<h4>Aims</h4>"


def test_markdown_leaves_symbols_in_a_users_link_unlinked():
    html = render_markdown("[see A/70/59](https://un.org)")

    assert html == '<p><a href="https://un.org" rel="noopener">see A/70/59</a></p>'


@pytest.fixture
def rendered(monkeypatch):
    """The texts the renderer is given, as the cache passes them on."""
    texts = []
    render = markdown_module._render

    def counted(text):
        texts.append(text)
        return render(text)

    monkeypatch.setattr(markdown_module, "_render", counted)
    return texts


def test_markdown_renders_a_recent_text_once(rendered):
    render_markdown("Once *only*")
    render_markdown("Once *only*")

    assert rendered == ["Once *only*"]


def test_markdown_keeps_no_render_of_a_text_too_large_to_hold(rendered):
    text = "x" * 300_000

    render_markdown(text)
    render_markdown(text)

    assert rendered == [text, text]


FOOTNOTED = (
    "The working group drafts the principles.[^guidance]\n\n"
    "[^guidance]: The Secretary-General's report (A/70/59) asks States to consider them."
)


def test_markdown_footnote_is_a_numbered_call_and_a_note_after_the_text():
    html = render_markdown(FOOTNOTED)

    assert html == (
        "<p>The working group drafts the principles.<sup>1</sup></p>\n"
        "<hr><ol><li><p>The Secretary-General's report ("
        '<a class="un-symbol" href="https://undocs.org/en/A/70/59" rel="noopener">A/70/59</a>'
        ") asks States to consider them.</p>\n</li></ol>"
    )


def test_markdown_footnote_label_without_a_note_stays_text():
    assert render_markdown("Drafted.[^none]") == "<p>Drafted.[^none]</p>"


def test_plain_text_keeps_the_words_and_drops_the_marks():
    text = "**Three** points, see A/70/59:\n\n1. reception\n2. `protection`\n\n# Next"

    assert markdown_module.plain_text(text) == (
        "Three points, see A/70/59:\nreception\nprotection\nNext"
    )


def test_plain_text_joins_the_lines_of_a_paragraph():
    assert markdown_module.plain_text("one line\nand the next") == "one line and the next"
