"""A series' house style in the workspace: the typefaces, sizes and margins
of its PDF and Word files, and the emblem on their covers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.manage.interfaces.house_style import HouseStyleForm
from convener.manage.interfaces.validation import show_domain_errors
from convener.publishing.domain.house_style import update_house_style
from convener.publishing.models import EMBLEM_MAX_BYTES, HouseStyle
from convener.publishing.print_style import house_style_of, print_style
from convener.server.uploads import takes_file


@login_required
@takes_file(EMBLEM_MAX_BYTES)
def house_style(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    stored = house_style_of(series)
    form = HouseStyleForm(
        request.POST or None, request.FILES or None, instance=stored or HouseStyle(series=series)
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_house_style(
                series=series,
                changes=form.changes(),
                emblem=form.cleaned_data["emblem"],
                remove_emblem=form.cleaned_data["remove_emblem"],
                by=request.user,
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The house style is saved."))
            return redirect("manage:series", slug=series.slug)
    emblem = print_style(stored).emblem
    context = {"series": series, "form": form, "emblem": emblem.data_uri if emblem else ""}
    return render(request, "manage/house_style.html", context)


urlpatterns = [
    path("series/<slug:slug>/house-style/", house_style, name="house_style"),
]
