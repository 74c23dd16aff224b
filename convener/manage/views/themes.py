"""The themes of a series and the SDG targets suggested for a meeting's
statements, in the workspace.

Whoever holds a role in the series reads the themes; the secretariat names,
describes, merges and recomputes them and moves statements between them. The
rapporteur and the secretariat ask for target suggestions for a meeting and
confirm or dismiss each one.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from convener.access.loading import meeting_for, series_for
from convener.records.models import Intervention
from convener.themes.domain.keywords import keywords_of, meeting_keywords
from convener.themes.domain.suggestions import (
    confirm_suggestion,
    dismiss_suggestion,
    suggest_targets,
)
from convener.themes.domain.themes import (
    edit_theme,
    merge_themes,
    place_statement,
    recompute_themes,
)
from convener.themes.models import SuggestionStatus, TargetSuggestion, Theme
from convener.themes.queries.targets import target_text
from convener.themes.queries.themes import contents_of, every_theme_of

READ = "series.view_themes"
EDIT = "series.edit_themes"
REVIEW = "meeting.review_sdg_targets"


@login_required
def themes(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, READ)
    if request.method == "POST":
        series = series_for(request, slug, EDIT)
        found = recompute_themes(series=series, by=request.user)
        messages.success(
            request,
            ngettext(
                "The themes are recomputed: %(count)s theme.",
                "The themes are recomputed: %(count)s themes.",
                len(found),
            )
            % {"count": len(found)},
        )
        return redirect("manage:themes", slug=series.slug)
    return render(
        request,
        "manage/themes.html",
        {
            "series": series,
            "themes": every_theme_of(series),
            "may_edit": request.user.has_perm(EDIT, series),
        },
    )


def _theme(request: HttpRequest, slug: str, pk: int, permission: str) -> Theme:
    series = series_for(request, slug, permission)
    return get_object_or_404(Theme.objects.select_related("series"), series=series, pk=pk)


@login_required
def theme(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    theme = _theme(request, slug, pk, READ)
    if request.method == "POST":
        theme = _theme(request, slug, pk, EDIT)
        try:
            edit_theme(
                theme=theme,
                name=request.POST.get("name", ""),
                description=request.POST.get("description", ""),
                by=request.user,
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, _("The theme is saved."))
        return redirect("manage:theme", slug=slug, pk=theme.pk)
    contents = contents_of(theme, user=request.user)
    keywords = keywords_of(contents.statements, language=theme.series.language)
    return render(
        request,
        "manage/theme.html",
        {
            "series": theme.series,
            "theme": theme,
            "contents": contents,
            "statements": [(s, keywords.get(s.pk, [])) for s in contents.statements],
            "others": Theme.objects.filter(series=theme.series).exclude(pk=theme.pk),
            "may_edit": request.user.has_perm(EDIT, theme.series),
        },
    )


@login_required
@require_POST
def place(request: HttpRequest, slug: str, pk: int, statement: int) -> HttpResponse:
    theme = _theme(request, slug, pk, EDIT)
    intervention = get_object_or_404(Intervention, pk=statement, theme_placement__theme=theme)
    target = request.POST.get("theme", "")
    into = (
        get_object_or_404(Theme, series=theme.series, pk=int(target)) if target.isdigit() else None
    )
    place_statement(intervention=intervention, theme=into, by=request.user)
    messages.success(request, _("The statement is moved."))
    return redirect("manage:theme", slug=slug, pk=theme.pk)


@login_required
@require_POST
def merge(request: HttpRequest, slug: str, pk: int, into: int) -> HttpResponse:
    theme = _theme(request, slug, pk, EDIT)
    kept = get_object_or_404(Theme, series=theme.series, pk=into)
    merge_themes(theme=theme, into=kept, by=request.user)
    messages.success(request, _("The themes are merged."))
    return redirect("manage:theme", slug=slug, pk=kept.pk)


@login_required
def targets(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, REVIEW)
    if request.method == "POST":
        found = suggest_targets(meeting=meeting, by=request.user)
        messages.success(
            request,
            ngettext("%(count)s new suggestion.", "%(count)s new suggestions.", len(found))
            % {"count": len(found)},
        )
        return redirect("manage:sdg_targets", slug=slug, number=number)
    statements = list(
        Intervention.objects.filter(segment__meeting=meeting)
        .select_related("speaker", "state", "state_group", "organisation")
        .order_by("segment__order", "order", "pk")
    )
    keywords = keywords_of(statements, language=meeting.series.language)
    open_ones: dict[int, list[tuple[TargetSuggestion, str]]] = {}
    for suggestion in TargetSuggestion.objects.filter(
        intervention__in=statements, status=SuggestionStatus.SUGGESTED
    ):
        open_ones.setdefault(suggestion.intervention_id, []).append(
            (suggestion, target_text(suggestion.target))
        )
    return render(
        request,
        "manage/sdg_targets.html",
        {
            "meeting": meeting,
            "series": meeting.series,
            "meeting_keywords": meeting_keywords(meeting),
            "statements": [
                (s, keywords.get(s.pk, []), open_ones.get(s.pk, [])) for s in statements
            ],
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, REVIEW)
    suggestion = get_object_or_404(
        TargetSuggestion.objects.select_related("intervention__segment"),
        intervention__segment__meeting=meeting,
        pk=pk,
    )
    try:
        if request.POST.get("decision") == "confirm":
            confirm_suggestion(suggestion=suggestion, by=request.user)
            messages.success(
                request,
                _("Target %(target)s is added to the statement.") % {"target": suggestion.target},
            )
        else:
            dismiss_suggestion(suggestion=suggestion, by=request.user)
            messages.success(
                request, _("Target %(target)s is dismissed.") % {"target": suggestion.target}
            )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect("manage:sdg_targets", slug=slug, number=number)


urlpatterns = [
    path("series/<slug:slug>/themes/", themes, name="themes"),
    path("series/<slug:slug>/themes/<int:pk>/", theme, name="theme"),
    path("series/<slug:slug>/themes/<int:pk>/merge/<int:into>/", merge, name="theme_merge"),
    path(
        "series/<slug:slug>/themes/<int:pk>/statements/<int:statement>/",
        place,
        name="theme_place",
    ),
    path("series/<slug:slug>/meetings/<int:number>/sdg-targets/", targets, name="sdg_targets"),
    path(
        "series/<slug:slug>/meetings/<int:number>/sdg-targets/<int:pk>/",
        decide,
        name="sdg_target_decide",
    ),
]
