"""The form of a convening group: its names, description, members and chairs by year."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.queries.reach import organisations_within_reach
from convener.directory.domain.convening import EDITABLE_FIELDS
from convener.directory.models import ConveningGroup, Organisation
from convener.manage.interfaces.meetings import EMPTY_ROWS

# The years a chair may be given for: those of the United Nations.
FIRST_YEAR, LAST_YEAR = 1945, 2100


class ConveningGroupEditForm(forms.ModelForm):
    """The group's names, description and member organisations."""

    class Meta:
        model = ConveningGroup
        fields = [*EDITABLE_FIELDS, "members"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "members": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "acronym": _("As documents name the group, e.g. GMG."),
            "members": _("The organisations of the group, which the report thanks."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Its members stay offered even when they are beyond the user's reach.
        within_reach = organisations_within_reach(user)
        members = self.fields["members"]
        members.queryset = (
            (  # type: ignore[attr-defined]
                Organisation.objects.filter(pk__in=within_reach.values("pk"))
                | self.instance.members.all()
            )
            .distinct()
            .order_by("name")
        )

    def changes(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class ChairRow(forms.Form):
    """The organisation that chairs the group in a year."""

    year = forms.IntegerField(
        label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Chair"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        year, organisation = cleaned.get("year"), cleaned.get("organisation")
        if year and not organisation:
            self.add_error("organisation", _("Choose the organisation that chairs that year."))
        if organisation and not year:
            self.add_error("year", _("Give the year of this chair."))
        return cleaned


class _ChairRows(forms.BaseFormSet):
    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        # Each row's fields are named with the row's number, for screen readers.
        form = super()._construct_form(i, **kwargs)
        for field in form.fields.values():
            field.label = f"{field.label} {i + 1}"
        return form

    def chairs(self) -> list[tuple[int, Organisation]]:
        filled = [form.cleaned_data for form in self.forms if form.cleaned_data.get("year")]
        return sorted((row["year"], row["organisation"]) for row in filled)

    def clean(self) -> None:
        if any(self.errors):
            return
        years = [year for year, _organisation in self.chairs()]
        if len(years) != len(set(years)):
            raise forms.ValidationError(_("One organisation chairs the group in a year."))


ChairFormSet = forms.formset_factory(ChairRow, formset=_ChairRows, extra=EMPTY_ROWS)


def chair_rows(group: ConveningGroup, user: Any, data: Any = None) -> _ChairRows:
    """The group's chairs by year as they are, then empty rows."""
    organisations = (
        (
            Organisation.objects.filter(pk__in=organisations_within_reach(user).values("pk"))
            | Organisation.objects.filter(pk__in=group.chairs.values("organisation"))
        )
        .distinct()
        .order_by("name")
    )
    return ChairFormSet(  # type: ignore[return-value]
        data,
        prefix="chairs",
        initial=[
            {"year": chair.year, "organisation": chair.organisation_id}
            for chair in group.chairs.order_by("year")
        ],
        form_kwargs={"organisations": organisations},
    )
