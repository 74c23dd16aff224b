"""The document as a PDF: the print HTML laid out by WeasyPrint with `print.css`.

The stylesheet does the book work: A4 pages, a cover without header or page
number, the contents' page numbers read from where each chapter lands
(`target-counter`), and footnotes floated to the foot of their page.

The file is written as PDF/UA-1: tagged (headings, paragraphs, lists and
tables as a screen reader walks them), with the document's title in its
metadata and its language in the catalogue.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from convener.publishing.document import Document
from convener.publishing.exporters.html import render_print_html


class PdfExporter:
    identifier = "pdf"
    extension = "pdf"
    content_type = "application/pdf"
    label = _("PDF")

    def write(self, document: Document) -> bytes:
        return HTML(string=render_print_html(document)).write_pdf(pdf_variant="pdf/ua-1")
