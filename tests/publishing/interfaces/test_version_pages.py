"""A kept version of a document, read on its page."""

from convener.prose.markdown import MARKDOWN_MARK_LIMIT
from convener.publishing.interfaces.version_pages import render_version
from convener.publishing.models import DocumentVersion


def test_long_report_version_reads_as_markdown_to_its_last_chapter():
    chapter = "## Chapter {n}\n\n" + "The *co-Chairs* opened the meeting.\n\n" * 50
    chapters = 4 * MARKDOWN_MARK_LIMIT // 200
    text = "# Report\n\n" + "".join(chapter.format(n=n) for n in range(1, chapters + 1))

    html = render_version(DocumentVersion(text=text))

    assert html.count("<em>co-Chairs</em>") == 50 * chapters
    assert "*co-Chairs*" not in html
    assert f"<h4>Chapter {chapters}</h4>" in html


def test_version_heading_anchors_are_left_out_of_the_page():
    html = render_version(DocumentVersion(text='# <a id="chapter-1"></a>Opening\n\nText.'))

    assert html == "<h3>Opening</h3>\n<p>Text.</p>"
