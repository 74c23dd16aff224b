"""The rapporteur's console: the summary of each turn, written while it is spoken.

The current speaker is preselected. The script saves the summary every few
seconds and when the field loses focus, keeps what is not yet saved on the
device (so a reload or a lost connection loses nothing), and says when it
last saved. Two people saving the same summary at once are told, and shown
both texts (`prose.editing`); a save that does not send the digest of the
text it started from is refused.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from convener.access.loading import child_of, meeting_for
from convener.live.interfaces.labels import screen_labels
from convener.live.queries import state as floor_state
from convener.live.views.responses import errors_of, wants_json
from convener.meetings.models import Meeting
from convener.prose.editing import EditConflictError, MissingVersionError, text_digest
from convener.records.domain.interventions import update_intervention
from convener.records.models import Intervention

RAPPORTEUR = "meeting.edit_records"
AUTOSAVE_SECONDS = 5


@login_required
def rapporteur(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, RAPPORTEUR)
    return render(
        request,
        "live/rapporteur.html",
        {
            "meeting": meeting,
            "state": floor_state.live_state(meeting),
            "labels": screen_labels(),
            "autosave_seconds": AUTOSAVE_SECONDS,
        },
    )


@login_required
def summary(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    """The summary of one intervention of the meeting: read it (GET) or save it (POST)."""
    meeting = meeting_for(request, slug, number, RAPPORTEUR)
    intervention = child_of(meeting, Intervention.objects, pk=pk)
    if request.method == "POST":
        return _save(request, meeting, intervention)
    return JsonResponse(_summary_state(intervention))


def _save(request: HttpRequest, meeting: Meeting, intervention: Intervention) -> HttpResponse:
    text = request.POST.get("summary", "")
    started_from = request.POST.get("started_from")
    try:
        if not started_from:
            # A save that does not say what it started from could overwrite
            # anyone's text unseen: the console always sends it.
            raise MissingVersionError
        update_intervention(
            intervention=intervention,
            changes={"summary": text},
            by=request.user,
            started_from={"summary": started_from},
        )
    except EditConflictError as conflict:
        return JsonResponse(
            {
                "errors": errors_of(conflict),
                "stored": conflict.stored,
                "sent": text,
                "digest": conflict.stored_digest,
            },
            status=409,
        )
    except ValidationError as error:
        return JsonResponse({"errors": errors_of(error)}, status=400)
    if not wants_json(request):
        messages.success(request, _("The summary is saved."))
        return redirect("live:rapporteur", slug=meeting.series.slug, number=meeting.number)
    return JsonResponse({**_summary_state(intervention), "saved_at": timezone.now().isoformat()})


def _summary_state(intervention: Intervention) -> dict[str, object]:
    return {
        "id": intervention.pk,
        "summary": intervention.summary,
        "digest": text_digest(intervention.summary),
    }


PREFIX = "series/<slug:slug>/meetings/<int:number>/rapporteur/"
urlpatterns = [
    path(PREFIX, rapporteur, name="rapporteur"),
    path(f"{PREFIX}interventions/<int:pk>/summary/", summary, name="summary"),
]
