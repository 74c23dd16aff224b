"""The record of a meeting and the prose of the report, as the rapporteur edits them.

The record page lists each segment of the programme with its summary and each
turn on the floor with its summary; every text has its own small page (and,
with htmx, is edited in place on the record page). The turns themselves (who
spoke, for whom, in what capacity, in which segment; added, removed, put in
order) and the release of the record are `record_turns`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from convener.access.loading import child_of, meeting_for, series_for
from convener.manage.interfaces.records import TurnForm
from convener.manage.views.editing import TextEdit, edit_text
from convener.meetings.models import Meeting, Segment, Series
from convener.publishing.domain.report_texts import save_report_text
from convener.publishing.interfaces.report_texts import generated_report_text
from convener.publishing.models import ReportText, ReportTextKind
from convener.records.domain.interventions import update_intervention
from convener.records.domain.summaries import update_meeting_summary, update_segment_summary
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions
from convener.records.queries.workspace import segments_with_record

PERMISSION = "meeting.edit_records"
EXECUTIVE_SUMMARY = "executive-summary"


@dataclass(frozen=True)
class RecordText:
    """A text of the record as its page lists it, with the address that edits it."""

    prefix: str
    label: str
    text: str
    edit_url: str


@login_required
def records(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return record_page(request, meeting_for(request, slug, number, PERMISSION))


def record_page(
    request: HttpRequest, meeting: Meeting, *, add_form: TurnForm | None = None, status: int = 200
) -> HttpResponse:
    """The record screen, with the form that adds a turn (blank, or as sent back)."""
    args = [meeting.series.slug, meeting.number]
    segments = [
        (
            segment,
            RecordText(
                prefix=_segment_prefix(segment),
                label=_("summary of %(segment)s") % {"segment": segment.heading},
                text=segment.summary,
                edit_url=reverse("manage:records_segment", args=[*args, segment.key]),
            ),
            [
                (
                    turn,
                    capacity_phrase(turn),
                    RecordText(
                        prefix=_turn_prefix(turn),
                        label=_("summary of the statement of %(speaker)s")
                        % {"speaker": turn.speaker_label},
                        text=turn.summary,
                        edit_url=reverse("manage:records_intervention", args=[*args, turn.pk]),
                    ),
                )
                for turn in segment.interventions.all()
            ],
        )
        for segment in segments_with_record(meeting, user=request.user)
    ]
    executive_summary = RecordText(
        prefix=EXECUTIVE_SUMMARY,
        label=_("executive summary"),
        text=meeting.summary,
        edit_url=reverse("manage:records_summary", args=args),
    )
    return render(
        request,
        "manage/records.html",
        {
            "meeting": meeting,
            "series": meeting.series,
            "executive_summary": executive_summary,
            "segments": segments,
            "add_form": add_form or _blank_turn_form(request, meeting, segments),
            "may_release": request.user.has_perm("meeting.release_record", meeting),
        },
        status=status,
    )


def _blank_turn_form(request: HttpRequest, meeting: Meeting, segments: list) -> TurnForm:
    """The form that adds a turn, in the last segment: notes are recorded in order."""
    initial = {"segment": segments[-1][0].pk} if segments else {}
    return TurnForm(meeting=meeting, user=request.user, auto_id="add-%s", initial=initial)


@login_required
def meeting_summary(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, PERMISSION)
    edit = TextEdit(
        label=_("Executive summary"),
        prefix=EXECUTIVE_SUMMARY,
        stored=meeting.summary,
        save=lambda text, digest: update_meeting_summary(
            meeting=meeting, summary=text, by=request.user, started_from=digest
        ),
        record=lambda: meeting,
        field=Meeting._meta.get_field("summary"),
        help_text=_(
            "Markdown. The report opens the summary with the date and co-organisers "
            "and closes it with who took the floor; write what lies between."
        ),
    )
    return _edit_record_text(request, meeting, edit, about=meeting.title)


@login_required
def segment_summary(request: HttpRequest, slug: str, number: int, key: str) -> HttpResponse:
    meeting = meeting_for(request, slug, number, PERMISSION)
    segment = child_of(meeting, Segment.objects.all(), key=key)
    edit = TextEdit(
        label=_("Summary of the segment"),
        prefix=_segment_prefix(segment),
        stored=segment.summary,
        save=lambda text, digest: update_segment_summary(
            segment=segment, summary=text, by=request.user, started_from=digest
        ),
        record=lambda: segment,
        field=Segment._meta.get_field("summary"),
    )
    return _edit_record_text(request, meeting, edit, about=segment.heading)


@login_required
def intervention_summary(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, PERMISSION)
    turn = child_of(meeting, visible_interventions(request.user).select_related("segment"), pk=pk)
    edit = TextEdit(
        label=_("Summary of the statement"),
        prefix=_turn_prefix(turn),
        stored=turn.summary,
        save=lambda text, digest: update_intervention(
            intervention=turn,
            changes={"summary": text},
            by=request.user,
            started_from={"summary": digest},
        ),
        record=lambda: turn,
        field=Intervention._meta.get_field("summary"),
    )
    return _edit_record_text(request, meeting, edit, about=_turn_in_words(turn))


@login_required
def report_text(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    series = series_for(request, slug, "series.edit_report")
    if kind not in ReportTextKind.values:
        raise Http404(kind)
    label = str(ReportTextKind(kind).label)
    stored = ReportText.objects.filter(series=series, kind=kind).first()
    edit = TextEdit(
        label=label,
        prefix=f"report-{kind}",
        stored=stored.body if stored else "",
        save=lambda text, digest: save_report_text(
            series=series, kind=kind, body=text, by=request.user, started_from=digest
        ),
        record=lambda: ReportText.objects.filter(series=series, kind=kind).first(),
        field=ReportText._meta.get_field("body"),
        start_text=None
        if stored
        else (lambda: generated_report_text(series, kind, user=request.user)),
        help_text=_(
            "Markdown. Leave the text empty and save to go back to the text the report "
            "writes from the records."
        ),
    )
    series_url = reverse("manage:series", args=[series.slug])
    context = {
        "series": series,
        "heading": _("Report: %(part)s") % {"part": label},
        "crumbs": [(series.title, series_url)],
        "back_url": series_url,
        "generated": stored is None,
    }
    return edit_text(
        request,
        edit,
        done_url=reverse("manage:report_text", args=[series.slug, kind]),
        saved_message=_("Saved: %(text)s.") % {"text": context["heading"]},
        context=context,
    )


def _edit_record_text(
    request: HttpRequest, meeting: Meeting, edit: TextEdit, *, about: str
) -> HttpResponse:
    back = reverse("manage:records", args=[meeting.series.slug, meeting.number])
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "heading": f"{edit.label}: {about}",
        "crumbs": _record_crumbs(meeting.series, meeting),
        "back_url": back,
        "in_place": True,
    }
    return edit_text(
        request,
        edit,
        done_url=f"{back}#{edit.prefix}-text",
        saved_message=_("Saved: %(text)s.") % {"text": context["heading"]},
        context=context,
    )


def _record_crumbs(series: Series, meeting: Meeting) -> list[tuple[str, str]]:
    return [
        (series.title, reverse("manage:series", args=[series.slug])),
        (meeting.title, reverse("manage:meeting", args=[series.slug, meeting.number])),
        (_("Record"), reverse("manage:records", args=[series.slug, meeting.number])),
    ]


def _segment_prefix(segment: Segment) -> str:
    return f"segment-{segment.key}"


def _turn_prefix(turn: Intervention) -> str:
    return f"intervention-{turn.pk}"


def _turn_in_words(turn: Intervention) -> str:
    capacity = capacity_phrase(turn)
    return f"{turn.speaker_label}, {capacity}" if capacity else turn.speaker_label


urlpatterns = [
    path("series/<slug:slug>/meetings/<int:number>/records/", records, name="records"),
    path(
        "series/<slug:slug>/meetings/<int:number>/records/summary/",
        meeting_summary,
        name="records_summary",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/records/segments/<slug:key>/",
        segment_summary,
        name="records_segment",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/records/interventions/<int:pk>/",
        intervention_summary,
        name="records_intervention",
    ),
    path("series/<slug:slug>/report/<slug:kind>/", report_text, name="report_text"),
]
