"""A series in the workspace: creating it, its overview and facts, its status,
and its concept note, section by section."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from convener.access.loading import meeting_for, series_for
from convener.access.queries.workspace import workspace_meetings
from convener.audit.actors import require
from convener.directory.limits import REPORT
from convener.manage.interfaces.series import (
    MoveForm,
    SectionForm,
    SeriesCreateForm,
    SeriesForm,
    SeriesStatusForm,
)
from convener.manage.interfaces.validation import show_domain_errors
from convener.meetings.domain.series import (
    add_section,
    create_series,
    delete_section,
    move_section,
    update_section,
    update_series,
)
from convener.meetings.domain.workflow import unpublish_series
from convener.meetings.models import ConceptNoteSection, Meeting, MeetingStatus, Series
from convener.meetings.queries.series import series_concept_note_offered
from convener.prose.markdown import render_markdown
from convener.publishing.domain.publication import publish_series
from convener.publishing.models import ReportTextKind

# The pages of a series, each shown to those who hold the permission it needs.
SERIES_PAGES = (
    ("series.open_workspace", gettext_lazy("Concept note"), "manage:concept_note"),
    ("series.open_workspace", gettext_lazy("Documents and versions"), "manage:documents"),
    ("series.view_planning_checks", gettext_lazy("Planning checks"), "manage:series_review"),
    ("series.manage", gettext_lazy("Co-chair rule and classification"), "manage:classification"),
    ("series.manage", gettext_lazy("Documents cited"), "manage:references"),
    ("series.manage", gettext_lazy("House style"), "manage:house_style"),
    ("series.view_translations", gettext_lazy("Translations"), "manage:translations"),
    ("series.invite", gettext_lazy("People and roles"), "manage:series_people"),
    (
        "series.view_confirmations",
        gettext_lazy("Speakers' confirmations"),
        "manage:speaker_confirmations",
    ),
    ("series.view_audit", gettext_lazy("Audit log"), "manage:series_audit"),
    (
        "series.view_commitments",
        gettext_lazy("Commitments and recommendations"),
        "manage:commitments",
    ),
    ("series.open_workspace", gettext_lazy("Participation in figures"), "manage:series_figures"),
)


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "series.create")
    form = SeriesCreateForm(request.POST or None, initial=_group_picked(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            series = create_series(
                slug=form.cleaned_data["slug"], fields=form.series_fields(), by=request.user
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The series is created, as a draft."))
            return redirect("manage:series", slug=series.slug)
    return _series_form(request, form, None)


def _series_pages(request: HttpRequest, series: Series) -> list[tuple[str, str]]:
    """The pages of the series the user may open, the parts of its report's prose last."""
    can = request.user.has_perm
    pages = [
        (str(label), reverse(name, args=[series.slug]))
        for permission, label, name in SERIES_PAGES
        if can(permission, series)
    ]
    group = series.convening_group
    if group is not None and can("convening_group.edit", group):
        pages.append(
            (_("Convening group"), reverse("manage:convening_group_edit", args=[series.slug]))
        )
    if can("series.edit_report", series):
        pages += [
            (
                _("Report: %(part)s") % {"part": kind.label},
                reverse("manage:report_text", args=[series.slug, kind.value]),
            )
            for kind in ReportTextKind
        ]
    return pages


@login_required
def series_overview(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.open_workspace")
    can = request.user.has_perm
    context = {
        "series": series,
        "meetings": workspace_meetings(request.user, series).order_by("number"),
        "pages": _series_pages(request, series),
        "can_manage": can("series.manage", series),
        "can_copy": can("series.create"),
        "held_meetings": series.meetings.filter(
            status__in=(MeetingStatus.HELD, MeetingStatus.REPORTED)
        ).exists(),
    }
    return render(request, "manage/series.html", context)


@login_required
def series_edit(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    form = SeriesForm(
        request.POST or None, instance=series, initial=_group_picked(request), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_series(series=series, changes=form.changes(), by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The series is saved."))
            return redirect("manage:series", slug=series.slug)
    return _series_form(request, form, series)


def _group_picked(request: HttpRequest) -> dict[str, str]:
    """A convening group just created on a page of its own comes back chosen."""
    picked = request.GET.get("convening_group", "")
    return {"convening_group": picked} if picked.isdigit() else {}


def _series_form(request: HttpRequest, form: SeriesForm, series: Series | None) -> HttpResponse:
    context = {
        "form": form,
        "series": series,
        "can_add_group": request.user.has_perm("directory.add_convening_group"),
    }
    return render(request, "manage/series_form.html", context)


@login_required
@require_POST
def series_status(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    form = SeriesStatusForm(request.POST)
    if not form.is_valid():
        raise Http404
    change = publish_series if form.cleaned_data["transition"] == "publish" else unpublish_series
    try:
        change(series=series, by=request.user)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request,
            _("The series is now “%(status)s”.") % {"status": series.get_status_display()},
        )
    return redirect("manage:series", slug=series.slug)


@login_required
def concept_note(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.open_workspace")
    context = {
        "series": series,
        "sections": series.sections.filter(meeting=None).order_by("order", "pk"),
        "can_edit": request.user.has_perm("series.manage", series),
        # A series of one meeting without text has no concept note of its own to read.
        "has_document": series_concept_note_offered(series, user=request.user),
    }
    return render(request, "manage/concept_note.html", context)


def _section_scope(
    request: HttpRequest, slug: str, number: int | None
) -> tuple[Series, Meeting | None]:
    """The series and, for a meeting's concept note, the meeting, that the user may edit."""
    if number is None:
        return series_for(request, slug, "series.manage"), None
    meeting = meeting_for(request, slug, number, "meeting.manage")
    return meeting.series, meeting


def _section(request: HttpRequest, slug: str, pk: int) -> ConceptNoteSection:
    """A section of this series (never of another), which the user may edit."""
    series = series_for(request, slug, "series.open_workspace")
    section = get_object_or_404(
        ConceptNoteSection.objects.select_related("series", "meeting"), series=series, pk=pk
    )
    require(
        request.user,
        "meeting.manage" if section.meeting else "series.manage",
        section.meeting or series,
    )
    return section


def _after_section(section_series: Series, meeting: Meeting | None) -> str:
    """Where a change to a section returns: the concept note it belongs to."""
    if meeting is not None:
        return (
            reverse("manage:meeting_edit", args=[section_series.slug, meeting.number])
            + "#concept-note"
        )
    return reverse("manage:concept_note", args=[section_series.slug])


def _meeting_concept_note(
    request: HttpRequest, meeting: Meeting | None, announce: str
) -> HttpResponse:
    """The concept note of a meeting's edit page, as htmx puts it back after a change."""
    assert meeting is not None
    context = {
        "series": meeting.series,
        "meeting": meeting,
        "sections": meeting.sections.order_by("order", "pk"),
        "announce": announce,
    }
    return render(request, "manage/includes/meeting_concept_note.html", context)


def _section_page(request: HttpRequest, form: SectionForm, **context: object) -> HttpResponse:
    """The form of one section; "Preview" (without script) shows the text rendered."""
    body = form.data.get("body", "")
    # A text over the limit is not rendered: the form says it is too long.
    within = len(body) <= ConceptNoteSection._meta.get_field("body").max_length
    preview = render_markdown(body) if "preview" in request.POST and within else None
    return render(
        request, "manage/concept_note_section.html", {"form": form, "preview": preview, **context}
    )


@login_required
def section_create(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    series, meeting = _section_scope(request, slug, number)
    # A meeting's section is added in place, inside its edit page, with htmx.
    in_place = bool(request.htmx) and meeting is not None
    form = SectionForm(request.POST or None, auto_id="new-section-%s" if in_place else "id_%s")
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            add_section(series=series, meeting=meeting, fields=form.cleaned_data, by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            if in_place and meeting is not None:
                return _meeting_concept_note(request, meeting, _("The section is added."))
            messages.success(request, _("The section is added."))
            return redirect(_after_section(series, meeting))
    if in_place:
        response = render(
            request,
            "manage/concept_note_section_in_place.html",
            {"form": form, "series": series, "meeting": meeting},
        )
        return reswap(retarget(response, "#meeting-new-section"), "innerHTML")
    return _section_page(
        request, form, series=series, meeting=meeting, back=_after_section(series, meeting)
    )


@login_required
def section_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    section = _section(request, slug, pk)
    form = SectionForm(request.POST or None, instance=section)
    back = _after_section(section.series, section.meeting)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            update_section(section=section, changes=form.changes(), by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The section is saved."))
            return redirect(back)
    return _section_page(
        request, form, series=section.series, meeting=section.meeting, section=section, back=back
    )


@login_required
def section_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    section = _section(request, slug, pk)
    back = _after_section(section.series, section.meeting)
    if request.method == "POST":
        delete_section(section=section, by=request.user)
        messages.success(
            request, _("The section “%(heading)s” is deleted.") % {"heading": section.heading}
        )
        return redirect(back)
    context = {
        "section": section,
        "series": section.series,
        "meeting": section.meeting,
        "back": back,
    }
    return render(request, "manage/concept_note_section_delete.html", context)


@login_required
@require_POST
def section_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    section = _section(request, slug, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        move_section(section=section, by_places=form.places(), by=request.user)
    return redirect(_after_section(section.series, section.meeting))


@login_required
@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """The Markdown of the field named by `field` (default "text"), rendered and
    sanitised, for an htmx preview. Anyone signed in may ask: it only renders
    what they send."""
    text = request.POST.get(request.POST.get("field") or "text", "")
    # No field takes more than a part of the report; saving a longer text is refused.
    if len(text) > REPORT:
        return render(request, "manage/concept_note_preview.html", {"too_long": REPORT})
    return render(request, "manage/concept_note_preview.html", {"html": render_markdown(text)})


urlpatterns = [
    path("series/new/", series_create, name="series_create"),
    path("series/<slug:slug>/", series_overview, name="series"),
    path("series/<slug:slug>/edit/", series_edit, name="series_edit"),
    path("series/<slug:slug>/status/", series_status, name="series_status"),
    path("series/<slug:slug>/concept-note/", concept_note, name="concept_note"),
    path("series/<slug:slug>/concept-note/new/", section_create, name="section_create"),
    path(
        "series/<slug:slug>/meetings/<int:number>/concept-note/new/",
        section_create,
        name="meeting_section_create",
    ),
    path("series/<slug:slug>/concept-note/<int:pk>/", section_edit, name="section_edit"),
    path("series/<slug:slug>/concept-note/<int:pk>/delete/", section_delete, name="section_delete"),
    path("series/<slug:slug>/concept-note/<int:pk>/move/", section_move, name="section_move"),
    path("preview/", markdown_preview, name="markdown_preview"),
]
