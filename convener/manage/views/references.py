"""The documents a series cites, edited in the workspace."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.manage.interfaces.references import reference_rows, references_of
from convener.meetings.domain.references import set_references


@login_required
def references(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    rows = reference_rows(series, request.POST or None)
    if request.method == "POST" and rows.is_valid():
        try:
            set_references(series=series, references=references_of(rows), by=request.user)
        except ValidationError as error:
            # The rows check what the domain does; a refusal here is shown above the form.
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, _("The documents cited are saved."))
            return redirect("manage:series", slug=series.slug)
    return render(request, "manage/references.html", {"series": series, "rows": rows})


urlpatterns = [
    path("series/<slug:slug>/references/", references, name="references"),
]
