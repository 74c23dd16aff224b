"""The forms of a series: its facts, and the sections of a concept note."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.manage.interfaces.languages import LanguageSelect
from convener.manage.interfaces.pickers import order_by_series
from convener.manage.interfaces.time_zones import TimeZoneField
from convener.manage.interfaces.typed import NO_SUCH_DATE, TypedDate
from convener.meetings.domain.series import EDITABLE_FIELDS
from convener.meetings.models import ConceptNoteSection, Series

MARKDOWN_HELP = _(
    "Markdown: *italics*, **bold**, a list with “-” at the start of each line, "
    "a blank line between paragraphs, a footnote called with [^1] and written "
    "on a line of its own starting with [^1]:. UN symbols such as A/70/59 become links."
)

PREPARED_EVENT_DATE_HELP = _("Year-month-day, e.g. 2016-12-08.")


class SeriesForm(forms.ModelForm):
    """The facts of a series that its secretariat edits, its report's title and imprint last."""

    # The first field of the report's title and imprint, which the page sets under a heading.
    FIRST_REPORT_FIELD = "meetings_called"

    class Meta:
        model = Series
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "prepared_event_date": TypedDate(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "funders": forms.Textarea(attrs={"rows": 3}),
            "report_about": forms.Textarea(attrs={"rows": 3}),
            "default_language": LanguageSelect,
            "language": LanguageSelect,
        }
        help_texts = {
            "purpose": MARKDOWN_HELP,
            "funders": MARKDOWN_HELP,
            "report_about": MARKDOWN_HELP,
            "prepared_event_date": PREPARED_EVENT_DATE_HELP,
        }
        error_messages = {"prepared_event_date": {"invalid": NO_SUCH_DATE}}
        field_classes = {"timezone": TimeZoneField}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rapporteur"].queryset = self.fields["rapporteur"].queryset.select_related(
            "organisation"
        )
        keep_within_reach(self, user, people=["rapporteur"])
        if self.instance.pk is not None:
            order_by_series(self, series=self.instance, people=("rapporteur",))
        # A form sent without the language (a script's, one written before the
        # field existed) leaves it as it is, rather than failing on it.
        for language_field in ("default_language", "language"):
            self.fields[language_field].required = False

    def clean_default_language(self) -> str:
        return self.cleaned_data["default_language"] or self.instance.default_language

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.instance.language

    def changes(self) -> dict[str, Any]:
        """The fields the user changed, for the domain function."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name in self.fields}


class SeriesCreateForm(SeriesForm):
    """A new series, which also needs its address."""

    class Meta(SeriesForm.Meta):
        fields = ["slug", *SeriesForm.Meta.fields]
        help_texts = {
            **SeriesForm.Meta.help_texts,
            "slug": _(
                "The series' address: lower-case letters, digits and hyphens, "
                "such as gmg-2016. It cannot change later."
            ),
        }

    def series_fields(self) -> dict[str, Any]:
        """Every field but the address, for `create_series`."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "slug" and value not in (None, "")
        }


class SectionForm(forms.ModelForm):
    """A section of a concept note."""

    class Meta:
        model = ConceptNoteSection
        fields = ["kind", "heading", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"body": MARKDOWN_HELP}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class SeriesStatusForm(forms.Form):
    transition = forms.ChoiceField(
        choices=[("publish", _("Publish")), ("unpublish", _("Unpublish"))]
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Move up")), ("down", _("Move down"))])

    def places(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1
