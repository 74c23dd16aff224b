"""PDF: the format as download buttons and builds name it.

The writing, with WeasyPrint, is in `pdf_file`, imported when a file is
written: a server process that only serves pages, whose download buttons
list this format, never loads WeasyPrint (about 40 MB a process).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from convener.publishing.document import Document


class PdfExporter:
    identifier = "pdf"
    extension = "pdf"
    content_type = "application/pdf"
    label = _("PDF")

    def write(self, document: Document) -> bytes:
        from convener.publishing.exporters.pdf_file import write_pdf

        return write_pdf(document)
