"""The documents of a series and its meetings: read on the page, or downloaded as files.

HTML and Markdown are written while the reader waits (milliseconds); PDF and
Word are built in the background (see `publishing.domain.builds`). A file's
address answers only with the file: the links lead to a download page that
starts the build, follows it (`public/download.js` polls `document_status`;
without JavaScript the page refreshes itself) and then hands the file over.
Were the file's address to answer with a page, a link carrying `download`
would save that page under the file's name.

A file is written in the language of the page it is downloaded from, or in
the one its address asks for (`?language=fr`), each language a file of its own.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.public.caching import cache_public_page
from convener.publishing.composition.documents import (
    DocumentUnavailableError,
    check_offered,
    compose,
    document_label,
    document_slug,
)
from convener.publishing.composition.languages import UnknownLanguageError, document_language
from convener.publishing.domain.builds import request_build
from convener.publishing.exporters import Exporter, exporters
from convener.publishing.exporters.html import render_body
from convener.publishing.interfaces.downloads import (
    BACKGROUND_FORMATS,
    download_links,
    downloads_in_other_languages,
    file_address,
)
from convener.publishing.models import BuildStatus, DocumentBuild


def _scope(
    request: HttpRequest, slug: str, document: str, number: int | None
) -> tuple[Series, Meeting | None]:
    """The series and meeting the reader may see, or 404; and a document that exists for them."""
    series = get_object_or_404(visible_series(request.user), slug=slug)
    meeting = None
    if number is not None:
        meeting = get_object_or_404(visible_meetings(request.user), series=series, number=number)
    try:
        check_offered(series, document, number, user=request.user)
    except DocumentUnavailableError as error:
        raise Http404(str(error)) from None
    return series, meeting


def _composed(request: HttpRequest, slug: str, document: str, number: int | None, language: str):
    try:
        return compose(
            series_slug=slug,
            document=document,
            meeting_number=number,
            user=request.user,
            language=language,
        )
    except DocumentUnavailableError as error:
        raise Http404(str(error)) from None


def _asked(request: HttpRequest) -> str:
    """The language the file's address asks for, "" for the page's: the
    addresses that follow (download page, status, file) keep it."""
    return document_language(request.GET["language"]) if request.GET.get("language") else ""


def _language(request: HttpRequest) -> str:
    """The language the file is asked in (`?language=`), else the page's; 404 for another."""
    try:
        return document_language(request.GET.get("language") or translation.get_language())
    except UnknownLanguageError:
        raise Http404 from None


def _attachment(content: bytes, exporter: Exporter, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exporter.content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{exporter.extension}"'
    return response


@cache_public_page
def document_page(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    series, meeting = _scope(request, slug, document, number)
    composed = _composed(request, slug, document, number, document_language(None))
    context = {
        "series": series,
        "meeting": meeting,
        "document": composed,
        "document_name": document,
        "label": document_label(document),
        "body": render_body(composed),
        "downloads": download_links(slug, document, number),
        "other_languages": downloads_in_other_languages(slug, document, number),
    }
    return render(request, "public/document.html", context)


def _build(
    request: HttpRequest, slug: str, document: str, file_format: str, number: int | None
) -> tuple[Series, Meeting | None, Exporter, DocumentBuild]:
    """The reader's build of a PDF or Word file in the language asked,
    queued if need be; 404 for other formats."""
    if file_format not in BACKGROUND_FORMATS:
        raise Http404
    exporter = exporters()[file_format]
    language = _language(request)
    series, meeting = _scope(request, slug, document, number)
    build = request_build(
        series=series,
        document=document,
        meeting_number=number,
        file_format=file_format,
        language=language,
        by=request.user,
    )
    return series, meeting, exporter, build


@never_cache
def document_file(
    request: HttpRequest, slug: str, document: str, file_format: str, number: int | None = None
) -> HttpResponse:
    """The file, and nothing else: while it is being built, its download page."""
    exporter = exporters().get(file_format)
    if exporter is None:
        raise Http404
    language = _language(request)
    stem = document_slug(slug, document, number, language)
    if file_format not in BACKGROUND_FORMATS:
        _scope(request, slug, document, number)
        composed = _composed(request, slug, document, number, language)
        return _attachment(exporter.write(composed), exporter, stem)
    _series, _meeting, exporter, build = _build(request, slug, document, file_format, number)
    if build.status == BuildStatus.DONE:
        return _attachment(bytes(build.content), exporter, stem)
    return redirect(file_address("download", slug, document, file_format, number, _asked(request)))


@never_cache
def document_download(
    request: HttpRequest, slug: str, document: str, file_format: str, number: int | None = None
) -> HttpResponse:
    """The page the PDF and Word links open: the file at once if it is built,
    else the build's progress until it is.

    A reader who waited on this page (`?waited`, which its refresh adds) gets a
    link to the file rather than the file again: the page stays on screen after
    the file is saved, and must not offer to save it twice.
    """
    series, meeting, exporter, build = _build(request, slug, document, file_format, number)
    language = _asked(request)
    the_file = file_address("file", slug, document, file_format, number, language)
    if build.status == BuildStatus.DONE and "waited" not in request.GET:
        return redirect(the_file)
    context = {
        "series": series,
        "meeting": meeting,
        "build": build,
        "label": document_label(document),
        "exporter": exporter,
        "file_address": the_file,
        "status_address": file_address("status", slug, document, file_format, number, language),
        "waited_address": f"?{urlencode({'language': language})}&waited" if language else "?waited",
    }
    status = 500 if build.status == BuildStatus.FAILED else 200
    return render(request, "public/document_pending.html", context, status=status)


@never_cache
def document_status(
    request: HttpRequest, slug: str, document: str, file_format: str, number: int | None = None
) -> JsonResponse:
    """Where the build of the reader's file stands, for the download page's script."""
    _series, _meeting, _exporter, build = _build(request, slug, document, file_format, number)
    return JsonResponse({"status": build.status})
