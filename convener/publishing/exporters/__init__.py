"""Exporters: one per file format, each turning a `Document` into bytes.

A format is added by writing a class with an identifier, an extension, a
content type and `write`, and listing it in `exporters()`.

Beside the floors, with the document tree they write: the background builds
and the kept versions (`domain`) write files with them, and so do the pages
that offer downloads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from convener.publishing.document import Document

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Exporter(Protocol):
    # Read-only in the protocol, so that each class may narrow the types.
    @property
    def identifier(self) -> str: ...  # as users name the format: html, pdf, docx, md

    @property
    def extension(self) -> str: ...

    @property
    def content_type(self) -> str: ...

    @property
    def label(self) -> StrOrPromise: ...  # for download buttons, translated

    def write(self, document: Document) -> bytes: ...


def exporters() -> dict[str, Exporter]:
    """Every format, by identifier, in the order download buttons show them."""
    from convener.publishing.exporters.docx import DocxExporter
    from convener.publishing.exporters.html import HtmlExporter
    from convener.publishing.exporters.markdown import MarkdownExporter
    from convener.publishing.exporters.pdf import PdfExporter

    formats: list[Exporter] = [PdfExporter(), DocxExporter(), HtmlExporter(), MarkdownExporter()]
    return {exporter.identifier: exporter for exporter in formats}
