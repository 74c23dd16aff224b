"""The forms of the commitments pages: deciding a point, a commitment's
status, and the tracker's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.commitments.models import MarkKind, TrackStatus
from convener.commitments.models.marks import DEADLINE_WORDS
from convener.commitments.queries.tracker import TrackerFilters
from convener.directory.limits import NOTE, POINT
from convener.directory.models import Organisation, Person, RegionalGroup, State
from convener.records.models import Intervention

OTHER_AUTHOR = 80


def author_value(author: Any) -> str:
    if isinstance(author, State):
        return f"state:{author.iso3}"
    if isinstance(author, Organisation):
        return f"organisation:{author.key}"
    if isinstance(author, Person):
        return f"person:{author.key}"
    return ""


class MarkForm(forms.Form):
    """A point confirmed as a recommendation or a commitment: who, what, by when."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (MarkKind.COMMITMENT, _("Commitment")),
            (MarkKind.RECOMMENDATION, _("Recommendation")),
        ],
    )
    author = forms.ChoiceField(label=_("Who"), required=False)
    author_other = forms.CharField(
        label=_("Or another author"),
        required=False,
        max_length=OTHER_AUTHOR,
        help_text=_("A State's ISO code (FRA) or an organisation's key in the directory."),
    )
    what = forms.CharField(
        label=_("What"), max_length=POINT, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_date = forms.DateField(
        label=_("Due by (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    due_words = forms.CharField(
        label=_("Due by (in words)"), required=False, max_length=DEADLINE_WORDS
    )

    def __init__(self, *args: Any, intervention: Intervention, prefix: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=prefix, **kwargs)
        candidates = [
            (author_value(candidate), str(candidate))
            for candidate in (intervention.state, intervention.organisation, intervention.speaker)
            if candidate is not None
        ]
        self.fields["author"].choices = candidates

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        other = (data.get("author_other") or "").strip()
        if other:
            found = (
                State.objects.filter(iso3__iexact=other).first()
                or Organisation.objects.filter(key=other).first()
            )
            if found is None:
                self.add_error("author_other", _("No State or organisation has this code."))
            data["author_object"] = found
        else:
            data["author_object"] = _author(data.get("author") or "")
        return data


def _author(value: str) -> Any:
    kind, _sep, key = value.partition(":")
    if kind == "state":
        return State.objects.filter(iso3=key).first()
    if kind == "organisation":
        return Organisation.objects.filter(key=key).first()
    if kind == "person":
        return Person.objects.filter(key=key).first()
    return None


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TrackStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackerFilterForm(forms.Form):
    """The tracker's filters, read from the address (GET)."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *TrackStatus.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Commitments and recommendations")),
            (MarkKind.COMMITMENT, _("Commitments")),
            (MarkKind.RECOMMENDATION, _("Recommendations")),
        ],
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )
    regional_group = forms.ChoiceField(
        label=_("Regional group"),
        required=False,
        choices=[("", _("Any regional group")), *RegionalGroup.choices],
    )

    def __init__(
        self,
        *args: Any,
        states: list[tuple[str, str]],
        organisations: list[tuple[str, str]],
        meetings: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any State")), *states]
        self.fields["organisation"].choices = [("", _("Any organisation")), *organisations]
        self.fields["meeting"].choices = [("", _("Any meeting")), *meetings]

    def filters(self) -> TrackerFilters:
        """The filters that are valid (an unknown value filters nothing and the form says so)."""
        if not self.is_bound:
            return TrackerFilters()
        self.is_valid()
        return TrackerFilters(
            **{name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        )
