"""The form of a turn on the floor, as the record screen adds and corrects it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.directory.limits import POINT, POINTS
from convener.directory.models import Organisation, Person, State, StateGroup
from convener.manage.interfaces.errors import WorkspaceForm
from convener.manage.interfaces.references import SdgTargetsField
from convener.manage.interfaces.select import Select
from convener.meetings.models import Meeting, Segment
from convener.prose.symbols import is_symbol
from convener.records.models import Capacity, Intervention, InterventionKind

# The fields of the form, named as the model's (and `update_intervention`'s).
FACTS = (
    "segment",
    "kind",
    "speaker",
    "state",
    "state_group",
    "organisation",
    "capacity",
    "office",
    "points",
    "references",
    "sdg_targets",
)


class LinesField(forms.CharField):
    """A list of texts typed one per line, cleaned into a list without empty lines."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, most: int, longest: int, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=most * (longest + 2), **kwargs)
        self.most, self.longest = most, longest

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def validate(self, value: Any) -> None:
        if len(value) > self.most:
            raise forms.ValidationError(
                _("Give at most %(most)d, one per line."), params={"most": self.most}
            )
        for line in value:
            if len(line) > self.longest:
                raise forms.ValidationError(
                    _("Each line may have at most %(longest)d characters."),
                    params={"longest": self.longest},
                )


class SymbolsField(forms.CharField):
    """UN document symbols typed with commas or spaces between them."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [symbol for symbol in text.replace(",", " ").split() if symbol]

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def validate(self, value: Any) -> None:
        for symbol in value:
            if not is_symbol(symbol):
                raise forms.ValidationError(
                    _("“%(symbol)s” is not a UN document symbol, such as A/70/59."),
                    params={"symbol": symbol},
                )


class TurnForm(WorkspaceForm):
    """Who took the floor, for whom, in what capacity, in which segment."""

    segment = forms.ModelChoiceField(
        label=_("Segment"), queryset=Segment.objects.none(), widget=Select
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=InterventionKind.choices,
        initial=InterventionKind.STATEMENT,
        widget=Select,
    )
    speaker = forms.ModelChoiceField(
        label=_("Speaker"),
        queryset=Person.objects.order_by("family_name", "given_name"),
        widget=Select,
        required=False,
        help_text=_("The person who spoke, if the record names one."),
    )
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=State.objects.order_by("names__en"),
        widget=Select,
        required=False,
        help_text=_("The State that took the floor, or whose representative spoke."),
    )
    state_group = forms.ModelChoiceField(
        label=_("Group of States"),
        queryset=StateGroup.objects.order_by("name"),
        widget=Select,
        required=False,
        help_text=_("The group on whose behalf the floor was taken."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        widget=Select,
        required=False,
    )
    capacity = forms.ChoiceField(
        label=_("Capacity"),
        choices=[("", _("Not recorded")), *Capacity.choices],
        widget=Select,
        required=False,
    )
    office = Intervention._meta.get_field("office").formfield(label=_("Office held"))
    points = LinesField(
        most=POINTS,
        longest=POINT,
        label=_("Points and recommendations"),
        help_text=_("One per line, as the report lists them."),
    )
    references = SymbolsField(
        label=_("Documents cited"),
        required=False,
        max_length=2_000,
        help_text=_("UN symbols, separated by commas: A/70/59, A/RES/70/1."),
    )
    sdg_targets = SdgTargetsField(
        label=_("SDG targets cited"),
        required=False,
        max_length=2_000,
        help_text=_("Such as 10.7, 17.18."),
    )

    def __init__(self, *args: Any, meeting: Meeting, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        segments = self.fields["segment"]
        segments.queryset = Segment.objects.filter(meeting=meeting).order_by("order", "pk")  # type: ignore[attr-defined]
        segments.label_from_instance = lambda segment: segment.heading  # type: ignore[attr-defined]
        keep_within_reach(self, user, people=["speaker"], organisations=["organisation"])

    @classmethod
    def of(cls, turn: Intervention, **kwargs: Any) -> TurnForm:
        """The form showing the turn as it is."""
        related = {"segment", "speaker", "state", "state_group", "organisation"}
        initial = {
            name: getattr(turn, f"{name}_id") if name in related else getattr(turn, name)
            for name in FACTS
        }
        return cls(initial=initial, **kwargs)

    def changes(self, turn: Intervention) -> dict[str, Any]:
        """The facts the user changed, as `update_intervention` takes them."""
        return {
            name: value for name, value in self.cleaned_data.items() if value != getattr(turn, name)
        }
