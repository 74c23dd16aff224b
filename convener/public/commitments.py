"""The public list of a series' commitments and recommendations: those the
rapporteurs confirmed in the released records, with each commitment's status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from convener.commitments.models import MarkKind, TrackStatus
from convener.commitments.queries.tracker import TrackerFilters, tracked_marks
from convener.meetings.queries.visibility import visible_series
from convener.public.caching import cache_public_page


@cache_public_page(reads=["status", "kind"])
def series_commitments(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    filters = TrackerFilters(
        status=status if status in TrackStatus.values else "",
        kind=kind if kind in (MarkKind.COMMITMENT, MarkKind.RECOMMENDATION) else "",
    )
    marks = tracked_marks(request.user, series, filters)
    return render(
        request,
        "public/commitments.html",
        {
            "series": series,
            "marks": marks,
            "statuses": TrackStatus.choices,
            "status": filters.status,
            "kind": filters.kind,
        },
    )
