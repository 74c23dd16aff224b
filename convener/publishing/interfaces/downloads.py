"""The addresses a document's files are downloaded at, in each language.

The public site serves the files (`public.documents`); its pages and the
workspace both link to them, so both build the links here.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from convener.publishing.composition.languages import document_language
from convener.publishing.exporters import exporters

BACKGROUND_FORMATS = {"pdf", "docx"}


def file_address(
    name: str, slug: str, document: str, file_format: str, number: int | None, language: str = ""
) -> str:
    """The address of the file (`name` "file") or of its download page
    ("download") or status ("status"); with `language`, of the file in that
    language, else in the page's."""
    if number is None:
        address = reverse(f"public:series_document_{name}", args=[slug, document, file_format])
    else:
        address = reverse(
            f"public:meeting_document_{name}", args=[slug, number, document, file_format]
        )
    return f"{address}?{urlencode({'language': language})}" if language else address


def download_link(
    slug: str, document: str, file_format: str, number: int | None, language: str = ""
) -> str:
    """Where a link to download the file leads: the download page of a file built
    in the background, else the file itself; in `language`, else the page's."""
    name = "download" if file_format in BACKGROUND_FORMATS else "file"
    return file_address(name, slug, document, file_format, number, language)


def download_links(
    slug: str, document: str, number: int | None, language: str = ""
) -> list[dict[str, object]]:
    """The links to download a document, one per file format."""
    return [
        {
            "label": exporter.label,
            "url": download_link(slug, document, identifier, number, language),
        }
        for identifier, exporter in exporters().items()
        if identifier != "html"
    ]


def downloads_by_language(slug: str, document: str, number: int | None) -> list[dict[str, object]]:
    """The links to download a document in each of the six languages, each
    language named in itself, the page's first."""
    page_language = document_language(None)
    return sorted(
        (
            {"code": code, "name": name, "files": download_links(slug, document, number, code)}
            for code, name in settings.LANGUAGES
        ),
        key=lambda language: language["code"] != page_language,
    )


def downloads_in_other_languages(
    slug: str, document: str, number: int | None
) -> list[dict[str, object]]:
    """`downloads_by_language` without the page's language, which the page's own links give."""
    return downloads_by_language(slug, document, number)[1:]
