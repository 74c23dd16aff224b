"""Word (.docx): the format as download buttons and builds name it.

The writing, with python-docx, is in `word_file`, imported when a file is
written: a server process that only serves pages, whose download buttons
list this format, never loads python-docx (about 15 MB a process).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from convener.publishing.document import Document


class DocxExporter:
    identifier = "docx"
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    label = gettext_lazy("Word")

    def write(self, document: Document) -> bytes:
        from convener.publishing.exporters.word_file import write_word

        return write_word(document)
