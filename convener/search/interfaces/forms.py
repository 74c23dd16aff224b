"""The search form of the public page and of the workspace: the query, the
mode and every filter as a labelled field, read from the address (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from convener.audit.actors import AnyUser
from convener.directory.models import OrganisationKind, RegionalGroup
from convener.meetings.domain.references import SDG_TARGET
from convener.meetings.models import SegmentKind
from convener.records.models import Capacity
from convener.search.queries import choices
from convener.search.queries.search import QUERY_LENGTH, SearchFilters

MODE_CHOICES = [
    ("combined", _("Words and meaning")),
    ("words", _("Words only")),
    ("meaning", _("Meaning only")),
]
ANY = [("", _("Any"))]
# The furthest page offered: past it, narrow the search instead.
LAST_PAGE = 50


def _any(options: Any) -> list[tuple[str, str]]:
    return [*ANY, *options]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=QUERY_LENGTH, required=False)
    mode = forms.ChoiceField(label=_("Find by"), choices=MODE_CHOICES, required=False)
    series = forms.ChoiceField(label=_("Series"), required=False)
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), coerce=int, empty_value=None, required=False
    )
    date_from = forms.DateField(
        label=_("Meetings from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Meetings until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    speaker = forms.ChoiceField(label=_("Speaker"), required=False)
    delegation = forms.ChoiceField(label=_("Delegation"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    regional_group = forms.ChoiceField(
        label=_("Regional group"), choices=_any(RegionalGroup.choices), required=False
    )
    state_group = forms.ChoiceField(label=_("Group of States"), required=False)
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"), choices=_any(OrganisationKind.choices), required=False
    )
    capacity = forms.ChoiceField(
        label=_("Capacity"), choices=_any(Capacity.choices), required=False
    )
    segment_kind = forms.ChoiceField(
        label=_("Part of the meeting"), choices=_any(SegmentKind.choices), required=False
    )
    sdg_target = forms.CharField(
        label=_("SDG target"),
        max_length=5,
        required=False,
        help_text=_("For example 10.7"),
        validators=[RegexValidator(SDG_TARGET, _("Enter a target such as 10.7 or 17.c."))],
    )
    page = forms.IntegerField(min_value=1, max_value=LAST_PAGE, required=False)

    def __init__(self, data: Any, *, reader: AnyUser) -> None:
        super().__init__(data)
        self.fields["series"].choices = _any(choices.series_choices(reader))
        self.fields["meeting"].choices = _any(choices.meeting_choices(reader))
        self.fields["speaker"].choices = _any(choices.speaker_choices(reader))
        self.fields["delegation"].choices = _any(choices.delegation_choices(reader))
        self.fields["state"].choices = _any(choices.state_choices(reader))
        self.fields["state_group"].choices = _any(choices.state_group_choices())

    def filters(self) -> SearchFilters:
        """The filters chosen (the form must be valid)."""
        names = SearchFilters.__dataclass_fields__
        return SearchFilters(**{name: self.cleaned_data.get(name) or None for name in names})
