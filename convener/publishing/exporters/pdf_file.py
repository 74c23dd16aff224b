"""The document as a PDF: the print HTML laid out by WeasyPrint with `print.css`
(the work of `exporters.pdf`).

The stylesheet does the book work: A4 pages, a cover without header or page
number, the contents' page numbers read from where each chapter lands
(`target-counter`), and footnotes floated to the foot of their page.

The file is written as PDF/UA-1: tagged (headings, paragraphs, lists and
tables as a screen reader walks them), with the document's title in its
metadata, its language in the catalogue and, as Dublin Core, in the
metadata too.

WeasyPrint fetches nothing but `data:` addresses: the page holds all it
shows, and an emblem's SVG cannot make it read a file or call a server.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import SubElement, fromstring, tostring

from weasyprint import HTML
from weasyprint.pdf.metadata import NS, DocumentMetadata
from weasyprint.urls import URLFetcher

from convener.publishing.document import Document
from convener.publishing.exporters.html import render_print_html

_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}


def write_pdf(document: Document) -> bytes:
    """The document as a PDF file (`exporters.pdf.PdfExporter`)."""
    page = HTML(
        string=render_print_html(document),
        url_fetcher=URLFetcher(allowed_protocols={"data"}),
    )
    laid_out = page.render(**_OPTIONS)
    laid_out.metadata = _MetadataWithLanguage(**vars(laid_out.metadata))
    return bytes(laid_out.write_pdf(**_OPTIONS))


class _MetadataWithLanguage(DocumentMetadata):
    """WeasyPrint's metadata, with the document's language as `dc:language`."""

    def generate_rdf_metadata(self, variant: str, version: Any, conformance: Any) -> bytes:
        written = super().generate_rdf_metadata(variant, version, conformance)
        rdf = fromstring(written)  # noqa: S314 — WeasyPrint's own XML, not a user's
        if self.lang:
            description = SubElement(rdf, f"{{{NS['rdf']}}}Description")
            description.set(f"{{{NS['rdf']}}}about", "")
            language = SubElement(description, f"{{{NS['dc']}}}language")
            languages = SubElement(language, f"{{{NS['rdf']}}}Bag")
            SubElement(languages, f"{{{NS['rdf']}}}li").text = self.lang
        return tostring(rdf, encoding="utf-8")
