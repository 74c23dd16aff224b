"""The published versions of a document, for the public: the list, one version,
the differences between two. Cached like every public page; keeping a new
version raises the content revision, which retires the cached pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from convener.public.caching import cache_public_page
from convener.public.documents import _scope as document_scope
from convener.publishing.interfaces.version_pages import (
    VersionedDocument,
    differences_page,
    version_page,
    versions_page,
)
from convener.publishing.queries.versions import versions_of


def _load(request: HttpRequest, slug: str, document: str, number: int | None):
    series, _meeting = document_scope(request, slug, document, number)
    scoped = VersionedDocument(series, document, number, namespace="public")
    versions = versions_of(request.user, series=series, document=document, meeting_number=number)
    return scoped, versions


@cache_public_page
def document_versions(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return versions_page(request, scoped, versions, template="public/document_versions.html")


@cache_public_page
def document_version(
    request: HttpRequest, slug: str, document: str, version: int, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return version_page(request, scoped, versions, version, template="public/document_version.html")


@cache_public_page(reads=["old", "new"])
def document_differences(
    request: HttpRequest, slug: str, document: str, number: int | None = None
) -> HttpResponse:
    scoped, versions = _load(request, slug, document, number)
    return differences_page(request, scoped, versions, template="public/document_differences.html")
