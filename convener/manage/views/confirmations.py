"""The speakers' confirmations of a series, and reminders to those who have not confirmed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.domain.reminders import remind_speaker
from convener.access.loading import series_for
from convener.access.queries.confirmations import speaker_confirmations
from convener.directory.models import Person


@login_required
def confirmations(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.view_confirmations")
    found = speaker_confirmations(series)
    return render(
        request,
        "manage/confirmations.html",
        {
            "series": series,
            "meetings": found.meetings,
            "can_remind": request.user.has_perm("series.remind_speakers", series),
            # Each name links to the speaker's details: whoever reads this page
            # administers a series that uses every person on it, so may read
            # them (`person.view_details`).
        },
    )


@login_required
@require_POST
def remind(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    series = series_for(request, slug, "series.remind_speakers")
    person = get_object_or_404(Person, key=key)
    try:
        reminder = remind_speaker(
            series=series, person=person, by=request.user, site_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request,
            _("A reminder was sent to %(person)s (%(email)s).")
            % {"person": person.formal_name, "email": reminder.email},
        )
    return redirect("manage:speaker_confirmations", slug=series.slug)


urlpatterns = [
    path("series/<slug:slug>/confirmations/", confirmations, name="speaker_confirmations"),
    path("series/<slug:slug>/confirmations/<slug:key>/remind/", remind, name="remind_speaker"),
]
