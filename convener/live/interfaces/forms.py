"""The forms of the live screens: a delegation's request, the secretariat's
raised flag, the chair's time limits, rules of the floor and quotas."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.directory.models import Organisation, Person, State, StateGroup
from convener.live.domain.floor import LONGEST_LIMIT, MOST_REPLIES_PER_ITEM, TIME_LIMIT_FIELDS
from convener.live.models import (
    Floor,
    Inscription,
    Level,
    PrecedenceRule,
    Purpose,
    speaking_groups,
)
from convener.live.queries.delegations import Delegation
from convener.records.models import Capacity

FLOOR_PURPOSES = [
    (value, label) for value, label in Purpose.choices if value in Purpose.from_the_floor()
]
# How the forms word the capacities of `domain.requests.DELEGATION_CAPACITIES`.
CAPACITY_CHOICES = [
    (Capacity.NATIONAL.value, _("As a State (national capacity)")),
    (Capacity.GROUP.value, _("On behalf of a group of States")),
    (Capacity.ORGANISATION.value, _("For an organisation")),
]
TIME_LIMIT_LABELS = {
    "panellist_seconds": _("Panellists and speakers of the programme (minutes)"),
    "statement_seconds": _("Statements from the floor (minutes)"),
    "group_statement_seconds": _("Statements on behalf of a group of States (minutes)"),
    "question_seconds": _("Questions to a panellist (minutes)"),
    "point_of_order_seconds": _("Points of order (minutes)"),
    "right_of_reply_seconds": _("A delegation's first right of reply on an item (minutes)"),
    "second_reply_seconds": _("Its second right of reply on the item (minutes)"),
}


class MinutesField(forms.DecimalField):
    """A time in minutes (halves and tenths allowed), cleaned into whole seconds."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", Decimal("0.1"))
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("step", "0.5")

    def clean(self, value: Any) -> int | None:
        minutes = super().clean(value)
        return None if minutes is None else round(minutes * 60)


class FloorRequestForm(forms.Form):
    """What a delegation asks the floor for, and for whom."""

    delegation = forms.ChoiceField(label=_("For"))
    capacity = forms.ChoiceField(
        label=_("In what capacity"), choices=CAPACITY_CHOICES, widget=forms.RadioSelect
    )
    state_group = forms.ModelChoiceField(
        label=_("Group of States"), queryset=StateGroup.objects.none(), required=False
    )
    level = forms.ChoiceField(
        label=_("Level of representation"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A proposal: the secretariat confirms it. Until then your speaker is listed as “other”."
        ),
    )
    purpose = forms.ChoiceField(
        label=_("To make"),
        choices=FLOOR_PURPOSES,
        initial=Purpose.STATEMENT,
        widget=forms.RadioSelect,
    )
    addressed_to = forms.ModelChoiceField(
        label=_("Question to"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Any panellist"),
    )
    speaker_name = Inscription._meta.get_field("speaker_name").formfield(
        label=_("Name of the speaker"),
        required=False,
        help_text=_("As the chair should announce them, e.g. “H.E. Ms. Ana Ruiz”."),
    )
    speaker_title = Inscription._meta.get_field("speaker_title").formfield(
        label=_("Title of the speaker"),
        required=False,
        help_text=_("Their office, e.g. “Minister for Foreign Affairs”."),
    )

    def __init__(self, data: Any = None, *, delegations: list[Delegation], speakers: Any) -> None:
        super().__init__(data)
        self.delegations = {delegation.key: delegation for delegation in delegations}
        self.fields["delegation"].choices = [(d.key, d.name) for d in delegations]
        if len(delegations) == 1:
            self.fields["delegation"].initial = delegations[0].key
            self.fields["delegation"].widget = forms.HiddenInput()
        group_ids = {group.pk for d in delegations for group in d.groups}
        self.fields["state_group"].queryset = StateGroup.objects.filter(pk__in=group_ids)
        self.fields["addressed_to"].queryset = speakers
        capacities = _capacities(delegations)
        self.fields["capacity"].choices = [
            choice for choice in CAPACITY_CHOICES if choice[0] in capacities
        ]
        self.fields["capacity"].initial = capacities[0] if capacities else None
        if not group_ids:
            del self.fields["state_group"]
        if not any(delegation.state for delegation in delegations):
            # Levels are those of States: an organisation's speaker is "other".
            self.fields["level"].initial = Level.OTHER
            self.fields["level"].widget = forms.HiddenInput()

    def request(self) -> dict[str, Any]:
        """The arguments of `request_floor` the valid form asks for."""
        data = self.cleaned_data
        delegation = self.delegations[data["delegation"]]
        return {
            "state": delegation.state,
            "organisation": delegation.organisation,
            "state_group": data.get("state_group"),
            "capacity": data["capacity"],
            "level": data["level"],
            "purpose": data["purpose"],
            "addressed_to": data["addressed_to"],
            "speaker_name": data["speaker_name"],
            "speaker_title": data["speaker_title"],
        }


def _capacities(delegations: list[Delegation]) -> list[str]:
    """The capacities the user's delegations may speak in."""
    capacities = []
    if any(d.state for d in delegations):
        capacities.append(Capacity.NATIONAL)
    if any(d.groups for d in delegations):
        capacities.append(Capacity.GROUP)
    if any(d.organisation for d in delegations):
        capacities.append(Capacity.ORGANISATION)
    return capacities


class RaisedFlagForm(forms.Form):
    """A delegation the secretariat adds: it asked by raising its flag."""

    capacity = forms.ChoiceField(label=_("In what capacity"), choices=CAPACITY_CHOICES)
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all(), required=False)
    state_group = forms.ModelChoiceField(
        label=_("Group of States"), queryset=StateGroup.objects.all(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    level = forms.ChoiceField(
        label=_("Level of representation"), choices=Level.choices, initial=Level.CHAIR_OF_DELEGATION
    )
    purpose = forms.ChoiceField(label=_("To make"), choices=FLOOR_PURPOSES)
    speaker_name = Inscription._meta.get_field("speaker_name").formfield(
        label=_("Name of the speaker"), required=False
    )
    speaker_title = Inscription._meta.get_field("speaker_title").formfield(
        label=_("Title of the speaker"), required=False
    )

    def __init__(self, data: Any = None, *, user: Any) -> None:
        super().__init__(data)
        keep_within_reach(self, user, organisations=["organisation"])

    def request(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class TimeLimitsForm(forms.Form):
    """The meeting's time limits, in minutes."""

    def __init__(self, data: Any = None, *, floor: Floor) -> None:
        super().__init__(data)
        for field in TIME_LIMIT_FIELDS:
            self.fields[field] = MinutesField(
                label=TIME_LIMIT_LABELS[field],
                max_value=Decimal(LONGEST_LIMIT // 60),
                initial=Decimal(getattr(floor, field)) / 60,
            )

    def limits(self) -> dict[str, int]:
        return dict(self.cleaned_data)


class FloorRulesForm(forms.Form):
    """How the meeting orders its statements, its order of groups of States
    (a place for each group: 1 first; none, after the groups placed, by time
    of inscription), and its rights of reply."""

    precedence = forms.ChoiceField(
        label=_("Order of statements"), choices=PrecedenceRule.choices, widget=forms.RadioSelect
    )
    replies_per_item = forms.IntegerField(
        label=_("Rights of reply per delegation and item"),
        min_value=1,
        max_value=MOST_REPLIES_PER_ITEM,
    )

    def __init__(self, data: Any = None, *, floor: Floor) -> None:
        super().__init__(data)
        self.fields["precedence"].initial = floor.precedence
        self.fields["replies_per_item"].initial = floor.replies_per_item
        order = list(floor.group_order or [])
        self.groups = list(StateGroup.objects.all())
        for group in self.groups:
            self.fields[f"group_{group.pk}"] = forms.IntegerField(
                label=_("Place of the %(group)s among the groups") % {"group": group.name},
                min_value=1,
                required=False,
                initial=order.index(group.pk) + 1 if group.pk in order else None,
            )

    def rules(self) -> dict[str, Any]:
        """The arguments of `set_floor_rules` the valid form gives."""
        data = self.cleaned_data
        placed = [
            (data[f"group_{group.pk}"], index, group.pk)
            for index, group in enumerate(self.groups)
            if data.get(f"group_{group.pk}") is not None
        ]
        return {
            "precedence": data["precedence"],
            "replies_per_item": data["replies_per_item"],
            "group_order": [pk for _place, _index, pk in sorted(placed)],
        }


class LevelForm(forms.Form):
    """The secretariat confirms or corrects the level a delegation proposed."""

    inscription = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(label=_("Level of representation"), choices=Level.choices)


class QuotasForm(forms.Form):
    """The speaking time each group may use, in minutes; empty for no quota."""

    def __init__(self, data: Any = None, *, quotas: dict[str, int]) -> None:
        super().__init__(data)
        for key, name in speaking_groups():
            seconds = quotas.get(key)
            self.fields[key] = MinutesField(
                label=name,
                required=False,
                initial=Decimal(seconds) / 60 if seconds else None,
            )

    def quotas(self) -> dict[str, int | None]:
        return dict(self.cleaned_data)
