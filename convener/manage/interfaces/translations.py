"""The texts of a series to translate, gathered by document, and the form that
writes one document in one language beside its original."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Prefetch
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from convener.meetings.models import ConceptNoteSection, Meeting, Segment, Series
from convener.publishing.models import ReportText
from convener.records.models import Intervention
from convener.texts.domain import Entry
from convener.texts.models import TextStatus, model_field_of
from convener.texts.queries import Progress, Text, Versions, progress_of, texts_of, versions_of


@dataclass
class TextDocument:
    """A document of the series as a translator sees it: its texts, in order."""

    key: str
    label: str
    texts: list[Text]
    progress: list[Progress] = field(default_factory=list)


def language_name(code: str) -> str:
    """The language's name in the page's language: "French", "français"."""
    return str(get_language_info(code)["name_translated"])


def _meetings(series: Series) -> list[Meeting]:
    interventions = Intervention.objects.order_by("order", "pk")
    segments = Segment.objects.order_by("order", "pk").prefetch_related(
        Prefetch("interventions", queryset=interventions)
    )
    return list(
        series.meetings.order_by("number").prefetch_related(
            Prefetch("sections", queryset=ConceptNoteSection.objects.order_by("order", "pk")),
            Prefetch("segments", queryset=segments),
        )
    )


def documents_of(series: Series) -> list[TextDocument]:
    """The documents of the series with texts to translate: its concept note,
    each meeting (title, concept note, programme), each meeting's record and
    the report's prose."""
    series_sections = series.sections.filter(meeting=None).order_by("order", "pk")
    documents = [
        TextDocument("concept-note", _("Concept note of the series"), texts_of(series_sections))
    ]
    for meeting in _meetings(series):
        segments = list(meeting.segments.all())
        documents.append(
            TextDocument(
                f"meeting-{meeting.number}",
                _("Meeting %(number)s: title, concept note and programme")
                % {"number": meeting.number},
                texts_of([meeting, *meeting.sections.all()]) + texts_of(segments, fields=["title"]),
            )
        )
        record = texts_of(segments, fields=["summary"]) + texts_of(
            intervention for segment in segments for intervention in segment.interventions.all()
        )
        if record:
            documents.append(
                TextDocument(
                    f"record-{meeting.number}",
                    _("Record of meeting %(number)s") % {"number": meeting.number},
                    record,
                )
            )
    report = texts_of(ReportText.objects.filter(series=series).order_by("kind"))
    if report:
        documents.append(TextDocument("report", _("Report of the series"), report))
    return documents


def with_progress(documents: list[TextDocument], *, series: Series) -> Versions:
    """Count each document's texts per language, with one query for them all."""
    versions = versions_of(obj for document in documents for obj, _field in document.texts)
    for document in documents:
        document.progress = progress_of(
            document.texts, versions=versions, original_language=series.language
        )
    return versions


@dataclass
class TranslationRow:
    """One text: its original beside the fields of its version in the language."""

    original_label: str
    original: str
    is_prose: bool
    text: forms.BoundField
    status: forms.BoundField
    # The original changed after the version was saved.
    outdated: bool = False


class TranslationForm(forms.Form):
    """The texts of one document in one language, each with its status."""

    def __init__(
        self, data: Any = None, *, texts: list[Text], language: str, versions: Versions
    ) -> None:
        super().__init__(data)
        self.texts = texts
        # Versions whose original changed since: saving the form confirms them.
        self.outdated: set[int] = set()
        name = language_name(language)
        for index, (obj, field_name) in enumerate(texts):
            model_field = model_field_of(obj, field_name)
            version = versions.get(obj, field_name, language)
            if version is not None and not version.translates(getattr(obj, field_name)):
                self.outdated.add(index)
            is_prose = model_field.get_internal_type() == "TextField"
            widget = forms.Textarea(attrs={"rows": 8, "lang": language}) if is_prose else None
            text_field = model_field.formfield(required=False, strip=False, widget=widget)
            if not is_prose:
                text_field.widget.attrs["lang"] = language
            text_field.label = _("%(field)s in %(language)s") % {
                "field": capfirst(model_field.verbose_name),
                "language": name,
            }
            text_field.help_text = ""
            text_field.initial = version.text if version else ""
            self.fields[f"text-{index}"] = text_field
            self.fields[f"status-{index}"] = forms.ChoiceField(
                label=_("Status"),
                choices=TextStatus.of_versions(),
                initial=version.status if version else TextStatus.DRAFT,
                help_text=STATUS_HELP,
            )

    def rows(self) -> list[TranslationRow]:
        rows = []
        for index, (obj, field_name) in enumerate(self.texts):
            model_field = model_field_of(obj, field_name)
            rows.append(
                TranslationRow(
                    original_label=str(capfirst(model_field.verbose_name)),
                    original=getattr(obj, field_name),
                    is_prose=model_field.get_internal_type() == "TextField",
                    text=self[f"text-{index}"],
                    status=self[f"status-{index}"],
                    outdated=index in self.outdated,
                )
            )
        return rows

    def _submitted(self) -> list[int]:
        """The texts to save: those changed, and those reviewed against a changed original."""
        return [
            i
            for i in range(len(self.texts))
            if i in self.outdated
            or f"text-{i}" in self.changed_data
            or f"status-{i}" in self.changed_data
        ]

    def entries(self) -> list[Entry]:
        """The texts to save, as `save_translations` takes them."""
        return [
            (*self.texts[i], self.cleaned_data[f"text-{i}"], self.cleaned_data[f"status-{i}"])
            for i in self._submitted()
        ]

    def show_errors(self, by_entry: dict[int, Any]) -> None:
        """Put the domain's refusals beside the texts they refuse."""
        submitted = self._submitted()
        for position, error in by_entry.items():
            self.add_error(f"text-{submitted[position]}", error.messages)


STATUS_HELP = gettext_lazy("Readers see a text once it is marked translated; a draft stays here.")
