"""Participation in figures in the workspace: the series' dashboard, counting
every record the user may read, released or not."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.participation.interfaces.charts import as_csv
from convener.participation.interfaces.dashboard import drawn
from convener.participation.queries.figures import series_figures


@login_required
def series_figures_page(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.open_workspace")
    dashboard = series_figures(series, user=request.user)
    context = {"series": series, "dashboard": dashboard, "charts": drawn(dashboard)}
    return render(request, "manage/figures.html", context)


@login_required
def series_figure_csv(request: HttpRequest, slug: str, figure: str) -> HttpResponse:
    series = series_for(request, slug, "series.open_workspace")
    found = series_figures(series, user=request.user).figure(figure)
    if found is None:
        raise Http404(_("No such figure."))
    response = HttpResponse(as_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{figure}.csv"'
    return response


urlpatterns = [
    path("series/<slug:slug>/figures/", series_figures_page, name="series_figures"),
    path(
        "series/<slug:slug>/figures/<slug:figure>.csv",
        series_figure_csv,
        name="series_figure_csv",
    ),
]
