"""The documents of a series and its meetings: read on the page, or downloaded as files.

HTML and Markdown are written while the reader waits (milliseconds); PDF and
Word are built in the background (see `publishing.domain.builds`) and the
reader gets a page that refreshes itself until the file is ready.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.public.caching import cache_public_page
from convener.publishing.composition.documents import (
    DocumentUnavailableError,
    check_available,
    compose,
    document_label,
    document_slug,
)
from convener.publishing.domain.builds import request_build
from convener.publishing.interfaces.exporters import Exporter, exporters
from convener.publishing.interfaces.html import render_body
from convener.publishing.models import BuildStatus

BACKGROUND_FORMATS = {"pdf", "docx"}


def _scope(
    request: HttpRequest, slug: str, document: str, number: int | None
) -> tuple[Series, Meeting | None]:
    """The series and meeting the reader may see, or 404; and a document that exists for them."""
    series = get_object_or_404(visible_series(request.user), slug=slug)
    meeting = None
    if number is not None:
        meeting = get_object_or_404(visible_meetings(request.user), series=series, number=number)
    try:
        check_available(document, number)
    except DocumentUnavailableError as error:
        raise Http404(str(error)) from None
    return series, meeting


def _composed(request: HttpRequest, slug: str, document: str, number: int | None):
    try:
        return compose(
            series_slug=slug, document=document, meeting_number=number, user=request.user
        )
    except DocumentUnavailableError as error:
        raise Http404(str(error)) from None


def _attachment(content: bytes, exporter: Exporter, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exporter.content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{exporter.extension}"'
    return response


@cache_public_page
def document_page(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    series, meeting = _scope(request, slug, document, number)
    composed = _composed(request, slug, document, number)
    context = {
        "series": series,
        "meeting": meeting,
        "document": composed,
        "document_name": document,
        "label": document_label(document),
        "body": render_body(composed),
        "formats": exporters().values(),
    }
    return render(request, "public/document.html", context)


def document_file(
    request: HttpRequest, slug: str, document: str, file_format: str, number: int | None = None
) -> HttpResponse:
    exporter = exporters().get(file_format)
    if exporter is None:
        raise Http404
    series, meeting = _scope(request, slug, document, number)
    stem = document_slug(slug, document, number)
    if file_format not in BACKGROUND_FORMATS:
        composed = _composed(request, slug, document, number)
        return _attachment(exporter.write(composed), exporter, stem)
    build = request_build(
        series=series,
        document=document,
        meeting_number=number,
        file_format=file_format,
        user=request.user,
    )
    if build.status == BuildStatus.DONE:
        return _attachment(bytes(build.content), exporter, stem)
    context = {
        "series": series,
        "meeting": meeting,
        "build": build,
        "label": document_label(document),
        "exporter": exporter,
    }
    status = 500 if build.status == BuildStatus.FAILED else 202
    return render(request, "public/document_pending.html", context, status=status)
