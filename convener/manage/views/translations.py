"""Translations of a series: the state of each document in each language, and
the editor that writes one document in one language beside its original."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.audit.actors import require
from convener.manage.interfaces.translations import (
    TranslationForm,
    documents_of,
    language_name,
    with_progress,
)
from convener.meetings.models import Series
from convener.texts.domain import TranslationsRefusedError, save_translations
from convener.texts.models import LANGUAGE_CODES, TextPlace, Translatable


def _writes(request: HttpRequest, series: Series, language: str) -> bool:
    """Whether the user writes the series' texts in `language`."""
    place = TextPlace(obj=cast(Translatable, series), field="", language=language)
    return request.user.has_perm("text.translate", place)


@login_required
def translations(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.view_translations")
    documents = documents_of(series)
    with_progress(documents, series=series)
    languages = [
        {"code": code, "name": language_name(code)}
        for code in LANGUAGE_CODES
        if code != series.language
    ]
    context = {
        "series": series,
        "documents": documents,
        "languages": languages,
        "writable": [lang["code"] for lang in languages if _writes(request, series, lang["code"])],
        "original": language_name(series.language),
    }
    return render(request, "manage/translations.html", context)


@login_required
def translation_edit(request: HttpRequest, slug: str, document: str, language: str) -> HttpResponse:
    series = series_for(request, slug, "series.view_translations")
    if language not in LANGUAGE_CODES or language == series.language:
        raise Http404
    require(request.user, "text.translate", TextPlace(cast(Translatable, series), "", language))
    found = [d for d in documents_of(series) if d.key == document]
    if not found:
        raise Http404
    texts = found[0].texts
    versions = with_progress(found, series=series)
    form = TranslationForm(request.POST or None, texts=texts, language=language, versions=versions)
    if request.method == "POST" and form.is_valid():
        try:
            save_translations(
                series=series, language=language, entries=form.entries(), by=request.user
            )
        except TranslationsRefusedError as errors:
            form.show_errors(errors.by_entry)
        else:
            messages.success(
                request,
                _("The texts in %(language)s are saved.") % {"language": language_name(language)},
            )
            return redirect("manage:translations", slug=series.slug)
    context = {
        "series": series,
        "document": found[0],
        "language": language,
        "language_name": language_name(language),
        "original_language": series.language,
        "original_name": language_name(series.language),
        "form": form,
    }
    return render(request, "manage/translation_edit.html", context)


urlpatterns = [
    path("series/<slug:slug>/translations/", translations, name="translations"),
    path(
        "series/<slug:slug>/translations/<slug:document>/<str:language>/",
        translation_edit,
        name="translation_edit",
    ),
]
