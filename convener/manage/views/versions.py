"""The documents of a series in the workspace, and their published versions:
the list, one version, the differences between two, and publishing a new one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.loading import meeting_for, series_for
from convener.access.queries.workspace import workspace_meetings
from convener.manage.interfaces.versions import PublishVersionForm
from convener.meetings.models import Series
from convener.publishing.composition.documents import (
    DOCUMENTS,
    DocumentUnavailableError,
    check_available,
    check_offered,
    document_label,
)
from convener.publishing.domain.versions import publish_version
from convener.publishing.interfaces.downloads import downloads_by_language
from convener.publishing.interfaces.version_pages import (
    VersionedDocument,
    differences_page,
    version_page,
    versions_page,
)
from convener.publishing.models import DocumentVersion
from convener.publishing.queries.versions import version_summary, versions_of


def _documents_of(request: HttpRequest, series: Series, scope: int | None) -> list[str]:
    """The documents written for the whole series (None) or for one meeting."""
    names = []
    for name in DOCUMENTS:
        try:
            check_offered(series, name, scope, user=request.user)
        except DocumentUnavailableError:
            continue
        names.append(name)
    return names


def _groups(request: HttpRequest, series: Series) -> list[dict[str, object]]:
    """The documents of the whole series, then of each meeting the user works
    on: where to read each now, and its published versions."""
    summary = version_summary(series)
    scopes: list[tuple[int | None, str]] = [(None, _("The whole series"))]
    scopes += [
        (
            meeting.number,
            _("Meeting %(number)s: %(title)s") % {"number": meeting.number, "title": meeting.title},
        )
        for meeting in workspace_meetings(request.user, series).order_by("number")
    ]
    return [
        {"scope": label, "key": number or 0, "rows": _rows(request, series, number, summary)}
        for number, label in scopes
    ]


def _rows(
    request: HttpRequest,
    series: Series,
    number: int | None,
    summary: dict[tuple[str, int], dict[str, Any]],
) -> list[dict[str, object]]:
    rows = []
    for name in _documents_of(request, series, number):
        kept = summary.get((name, number or 0))
        scoped = VersionedDocument(series, name, number, namespace="manage")
        rows.append(
            {
                "key": f"{name}-{number or 0}",
                "document": name,
                "meeting_number": number,
                "label": document_label(name),
                "current": _public_page(series, name, number),
                "downloads": downloads_by_language(series.slug, name, number),
                "versions": kept,
                "versions_url": scoped.url("versions") if kept else "",
            }
        )
    return rows


def _public_page(series: Series, document: str, number: int | None) -> str:
    if number:
        return reverse("public:meeting_document", args=[series.slug, number, document])
    return reverse("public:series_document", args=[series.slug, document])


@login_required
def documents(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.open_workspace")
    context = {
        "series": series,
        "groups": _groups(request, series),
        "can_publish": request.user.has_perm("series.manage", series),
    }
    return render(request, "manage/documents.html", context)


@login_required
@require_POST
def document_publish(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    form = PublishVersionForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect("manage:documents", slug=slug)
    try:
        version, created = publish_version(
            series=series,
            document=form.cleaned_data["document"],
            meeting_number=form.cleaned_data["meeting_number"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("manage:documents", slug=slug)
    label = document_label(version.document)
    if created:
        messages.success(
            request,
            _("%(document)s: version %(number)s is published.")
            % {"document": label, "number": version.number},
        )
    else:
        messages.info(
            request,
            _("%(document)s has not changed since version %(number)s: no new version.")
            % {"document": label, "number": version.number},
        )
    return redirect("manage:documents", slug=slug)


def _load(
    request: HttpRequest, slug: str, document: str, number: int | None
) -> tuple[VersionedDocument, QuerySet[DocumentVersion]]:
    if number is None:
        series = series_for(request, slug, "series.open_workspace")
    else:
        series = meeting_for(request, slug, number, "meeting.open_workspace").series
    try:
        check_available(document, number)
    except DocumentUnavailableError as error:
        raise Http404(str(error)) from None
    scoped = VersionedDocument(series, document, number, namespace="manage")
    versions = versions_of(request.user, series=series, document=document, meeting_number=number)
    return scoped, versions


@login_required
def document_versions(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return versions_page(
        request, scoped, versions, template="manage/documents_versions.html", show_publisher=True
    )


@login_required
def document_version(
    request: HttpRequest, slug: str, document: str, version: int, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return version_page(
        request, scoped, versions, version, template="manage/documents_version.html"
    )


@login_required
def document_differences(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return differences_page(request, scoped, versions, template="manage/documents_differences.html")


_SERIES_DOCUMENT = "series/<slug:slug>/documents/<slug:document>/versions/"
_MEETING_DOCUMENT = "series/<slug:slug>/meetings/<int:number>/documents/<slug:document>/versions/"

urlpatterns = [
    path("series/<slug:slug>/documents/", documents, name="documents"),
    path("series/<slug:slug>/documents/publish/", document_publish, name="document_publish"),
    path(_SERIES_DOCUMENT, document_versions, name="series_document_versions"),
    path(f"{_SERIES_DOCUMENT}<int:version>/", document_version, name="series_document_version"),
    path(
        f"{_SERIES_DOCUMENT}differences/", document_differences, name="series_document_differences"
    ),
    path(_MEETING_DOCUMENT, document_versions, name="meeting_document_versions"),
    path(f"{_MEETING_DOCUMENT}<int:version>/", document_version, name="meeting_document_version"),
    path(
        f"{_MEETING_DOCUMENT}differences/",
        document_differences,
        name="meeting_document_differences",
    ),
]
