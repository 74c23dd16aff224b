"""The public search page: statements of the released records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from convener.search.interfaces.pages import page_context, search_page


def search(request: HttpRequest) -> HttpResponse:
    """Not in the page cache: every address is another search."""
    found = search_page(request.GET, reader=None)
    return render(request, "public/search.html", page_context(request.GET, found))
