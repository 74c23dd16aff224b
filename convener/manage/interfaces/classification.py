"""The form of a series' co-chair rule and its classification of States.

The two hundred States are not form fields: a bound field and a widget
template each would make the page slow. The form reads their values from
the data itself and renders them as rows (`StateRow`) from plain values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from convener.directory.models import RegionalGroup, State
from convener.meetings.domain.classification import UNCLASSIFIED
from convener.meetings.models import CoChairBalance, DevelopmentStatus, Series

STATUS_CHOICES = [(UNCLASSIFIED, _("Unclassified")), *DevelopmentStatus.choices]


@dataclass(frozen=True)
class StateRow:
    """A State in the table: its names, the name of its field, its options and errors."""

    state: str
    iso3: str
    regional_group: str
    field: str
    options: SafeString
    error: str


class ClassificationForm(forms.Form):
    co_chair_balance = forms.ChoiceField(
        label=_("Co-chair balance"),
        choices=CoChairBalance.choices,
        help_text=_("What the planning checks ask of each meeting's co-chairs."),
    )
    classification_rule = Series._meta.get_field("classification_rule").formfield(
        label=_("The rule in the series' words"),
        required=False,
        help_text=_(
            "As the concept note states it, e.g. “one developing and one developed country”."
        ),
    )

    def __init__(self, data: Any = None, *, series: Series, states: Iterable[State]) -> None:
        super().__init__(
            data,
            initial={
                "co_chair_balance": series.co_chair_balance,
                "classification_rule": series.classification_rule,
            },
        )
        self.states = list(states)
        self.current = dict(series.classifications.values_list("state__iso3", "status"))
        self.state_errors: dict[str, str] = {}

    @staticmethod
    def field_name(state: State) -> str:
        return f"state_{state.iso3}"

    def chosen(self, state: State) -> str:
        """The status given to the State: what was sent, else what it has."""
        current = self.current.get(state.iso3, UNCLASSIFIED)
        if not self.is_bound:
            return current
        return str(self.data.get(self.field_name(state), current))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        offered = {value for value, _label in STATUS_CHOICES}
        for state in self.states:
            if self.chosen(state) not in offered:
                self.state_errors[state.iso3] = str(
                    _("Choose developed, developing or unclassified.")
                )
        if self.state_errors:
            raise ValidationError(_("A State has a classification that is not offered."))
        return cleaned

    def statuses(self) -> dict[str, str]:
        """The classification chosen, by ISO3 code; "" for unclassified."""
        return {state.iso3: self.chosen(state) for state in self.states}

    def rows(self) -> list[StateRow]:
        """A row of the table for each State, built from the three possible lists of options."""
        groups = {value: str(label) for value, label in RegionalGroup.choices}
        options = {
            chosen: format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (value, " selected" if value == chosen else "", label)
                    for value, label in STATUS_CHOICES
                ),
            )
            for chosen, _label in STATUS_CHOICES
        }
        return [
            StateRow(
                state=state.name,
                iso3=state.iso3,
                regional_group=groups.get(state.regional_group, ""),
                field=self.field_name(state),
                options=options.get(self.chosen(state), options[UNCLASSIFIED]),
                error=self.state_errors.get(state.iso3, ""),
            )
            for state in self.states
        ]
