"""Reading the kept versions of documents, as far as the reader may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, QuerySet

from convener.audit.actors import AnyUser
from convener.meetings.models import Series
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.publishing.models import DocumentVersion


def versions_of(
    user: AnyUser, *, series: Series, document: str, meeting_number: int | None
) -> QuerySet[DocumentVersion]:
    """The versions of one document, newest first, if the user may read its series
    (and, for a meeting's document, the meeting); none otherwise."""
    versions = DocumentVersion.objects.filter(
        series__in=visible_series(user),
        series=series,
        document=document,
        meeting_number=meeting_number or 0,
    )
    if meeting_number:
        meeting = visible_meetings(user).filter(
            series=OuterRef("series"), number=OuterRef("meeting_number")
        )
        versions = versions.filter(Exists(meeting))
    return versions.select_related("published_by").order_by("-number")


def version_summary(series: Series) -> dict[tuple[str, int], dict[str, Any]]:
    """For each document of the series that has versions, keyed by (document,
    meeting number or 0): how many, and when the latest was published.

    For the workspace, whose readers prepare the series: no visibility filter.
    """
    rows = (
        DocumentVersion.objects.filter(series=series)
        .values("document", "meeting_number")
        .annotate(count=Count("pk"), latest=Max("number"), published_at=Max("published_at"))
        .order_by()
    )
    return {(row["document"], row["meeting_number"]): dict(row) for row in rows}
