"""The audit log of a series: who changed what, and when."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from convener.access.loading import series_for
from convener.access.queries.audit import describe, series_audit_entries
from convener.manage.interfaces.audit import AuditFilterForm

ENTRIES_PER_PAGE = 50


@login_required
def series_audit(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.view_audit")
    form = AuditFilterForm(request.GET or None, series=series)
    entries = series_audit_entries(series, **form.filters())
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "manage/audit.html",
        {
            "series": series,
            "form": form,
            "page": page,
            "lines": describe(page.object_list),
            "filter_query": query.urlencode(),
        },
    )


urlpatterns = [
    path("series/<slug:slug>/audit/", series_audit, name="series_audit"),
]
