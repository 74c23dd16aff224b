"""Searching every statement the user may read, records under review included."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from convener.search.interfaces.pages import page_context, search_page


@login_required
def search(request: HttpRequest) -> HttpResponse:
    found = search_page(request.GET, reader=request.user)
    return render(request, "manage/search.html", page_context(request.GET, found))


urlpatterns = [path("search/", search, name="search")]
