"""The public pages of a series' themes: only statements of released records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from convener.meetings.queries.series import series_for_page
from convener.public.caching import cache_public_page
from convener.themes.queries.themes import contents_of, themes_of


@cache_public_page
def themes(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(series_for_page(request.user), slug=slug)
    return render(
        request,
        "public/themes.html",
        {"series": series, "themes": themes_of(series, user=request.user)},
    )


@cache_public_page
def theme(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    series = get_object_or_404(series_for_page(request.user), slug=slug)
    theme = get_object_or_404(themes_of(series, user=request.user), pk=pk)
    return render(
        request,
        "public/theme.html",
        {"series": series, "theme": theme, "contents": contents_of(theme, user=request.user)},
    )
