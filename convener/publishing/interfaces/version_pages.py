"""The pages of a document's kept versions: the list, one version, the
differences between two. The public site and the workspace show the same
pages in their own frame: each loads the document its own way (and checks
who may read it), then calls these with its own template and URL namespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from convener.meetings.models import Series
from convener.prose.markdown import render_markdown
from convener.publishing.composition.documents import document_label
from convener.publishing.interfaces.differences import compare, has_changes
from convener.publishing.models import DocumentVersion

# A kept version is read a section at a time (see `render_version`).
_SECTION_START = re.compile(r"^(?=#{1,6} )", re.MULTILINE)
# The exporter marks each chapter heading with an empty anchor named by its
# position, for the contents' links. Read on a page they are noise, and
# compared they would show every later heading as changed when one is added.
_HEADING_ANCHOR = re.compile(r'<a id="[^"]*"></a>')


def readable_text(version: DocumentVersion) -> str:
    """The kept Markdown without the heading anchors, as pages show and compare it."""
    return _HEADING_ANCHOR.sub("", version.text)


@dataclass(frozen=True)
class VersionedDocument:
    """A document of a series, or of one of its meetings, and where its version pages are."""

    series: Series
    document: str
    meeting_number: int | None
    namespace: str  # of the URLs: "public" or "manage"

    @property
    def label(self) -> str:
        return document_label(self.document)

    def url(self, page: str, *extra: object) -> str:
        """The address of one of the version pages ("versions", "version", "differences")."""
        if self.meeting_number:
            scope, args = "meeting", [self.series.slug, self.meeting_number, self.document]
        else:
            scope, args = "series", [self.series.slug, self.document]
        return reverse(f"{self.namespace}:{scope}_document_{page}", args=[*args, *extra])

    def comparison_url(self, old: int, new: int) -> str:
        return f"{self.url('differences')}?old={old}&new={new}"


def render_version(version: DocumentVersion) -> SafeString:
    """The kept Markdown as sanitised HTML, rendered a section at a time.

    A whole report holds more markup than the renderer reads as Markdown in
    one text (`convener.prose.markdown`'s limits); each of its sections stays
    well within them, so every section reads as Markdown and the work stays
    linear in the document's length.
    """
    sections = _SECTION_START.split(readable_text(version))
    return mark_safe(  # noqa: S308 — each part is render_markdown's sanitised HTML
        "\n".join(render_markdown(section) for section in sections if section.strip())
    )


def versions_page(
    request: HttpRequest,
    scoped: VersionedDocument,
    versions: QuerySet[DocumentVersion],
    *,
    template: str,
    **context: Any,
) -> HttpResponse:
    listed = list(versions)
    rows = [
        {
            "version": version,
            "url": scoped.url("version", version.number),
            "changes_url": (
                scoped.comparison_url(version.number - 1, version.number)
                if version.number > 1
                else ""
            ),
        }
        for version in listed
    ]
    return render(
        request,
        template,
        {**_frame(scoped), "rows": rows, "numbers": [v.number for v in listed], **context},
    )


def version_page(
    request: HttpRequest,
    scoped: VersionedDocument,
    versions: QuerySet[DocumentVersion],
    number: int,
    *,
    template: str,
) -> HttpResponse:
    version = _one(versions, number)
    context = {
        **_frame(scoped),
        "version": version,
        "text": render_version(version),
        "changes_url": scoped.comparison_url(number - 1, number) if number > 1 else "",
    }
    return render(request, template, context)


def differences_page(
    request: HttpRequest,
    scoped: VersionedDocument,
    versions: QuerySet[DocumentVersion],
    *,
    template: str,
) -> HttpResponse:
    """Differences between the versions numbered `old` and `new` in the query
    string; without them, between the last two."""
    numbers = list(versions.values_list("number", flat=True))
    if len(numbers) < 2:
        raise Http404(_("This document has only one version."))
    old_number = _number(request.GET.get("old"), default=numbers[1])
    new_number = _number(request.GET.get("new"), default=numbers[0])
    old, new = _one(versions, old_number), _one(versions, new_number)
    lines = compare(readable_text(old), readable_text(new))
    context = {
        **_frame(scoped),
        "old": old,
        "new": new,
        "lines": lines,
        "changed": has_changes(lines),
        "numbers": numbers,
    }
    return render(request, template, context)


def _frame(scoped: VersionedDocument) -> dict[str, Any]:
    return {
        "scoped": scoped,
        "series": scoped.series,
        "label": scoped.label,
        "versions_url": scoped.url("versions"),
        "differences_url": scoped.url("differences"),
    }


def _one(versions: QuerySet[DocumentVersion], number: int) -> DocumentVersion:
    try:
        return versions.get(number=number)
    except DocumentVersion.DoesNotExist:
        raise Http404(f"No version {number}") from None


def _number(value: str | None, *, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise Http404(_("A version is given by its number.")) from None
