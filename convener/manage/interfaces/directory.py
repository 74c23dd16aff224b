"""The forms that add a person or an organisation to the directory."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.directory.models import ConveningGroup, Organisation, Person, State
from convener.manage.interfaces.programme import search_field

_PERSON = forms.fields_for_model(
    Person,
    fields=["honorific", "given_name", "family_name", "position", "gender", "short_name"],
)
_ORGANISATION = forms.fields_for_model(Organisation, fields=["name", "acronym", "kind"])


class DespiteDuplicatesForm(forms.Form):
    """What a directory entry form adds to answer the likely-duplicate warning:
    the user confirms a new entry, or picks one of the candidates instead."""

    despite_duplicates = forms.BooleanField(
        label=_("None of these: create a new entry"), required=False
    )

    def picked(self) -> Person | Organisation | None:
        return self.cleaned_data.get("pick")


class PersonForm(DespiteDuplicatesForm):
    honorific = _PERSON["honorific"]
    given_name = _PERSON["given_name"]
    family_name = _PERSON["family_name"]
    position = _PERSON["position"]
    q = search_field(
        label=_("Organisation"), help_text=_("Type part of its name or acronym, then choose it.")
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, widget=forms.HiddenInput
    )
    gender = _PERSON["gender"]
    short_name = _PERSON["short_name"]
    pick = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, people=["pick"], organisations=["organisation"])

    def entry(self) -> dict[str, object]:
        """The details `create_person` takes."""
        return {
            name: self.cleaned_data[name]
            for name in (
                "honorific",
                "given_name",
                "family_name",
                "position",
                "organisation",
                "gender",
                "short_name",
                "despite_duplicates",
            )
        }


class OrganisationForm(DespiteDuplicatesForm):
    name = _ORGANISATION["name"]
    acronym = _ORGANISATION["acronym"]
    kind = _ORGANISATION["kind"]
    article = forms.NullBooleanField(
        label=_("In a sentence, does its name take “the”?"),
        required=False,
        widget=forms.Select(
            choices=[
                ("unknown", _("Guess from the name")),
                ("true", _("Yes, as in “the United Nations Development Programme”")),
                ("false", _("No, as in “Oxfam”")),
            ]
        ),
    )
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=State.objects.order_by("names__en"),
        required=False,
        help_text=Organisation._meta.get_field("state").help_text,
    )
    website = Organisation._meta.get_field("website").formfield(assume_scheme="https")
    pick = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, organisations=["pick"])

    def entry(self) -> dict[str, object]:
        """The details `create_organisation` takes."""
        return {
            name: self.cleaned_data[name]
            for name in (
                "name",
                "acronym",
                "kind",
                "article",
                "state",
                "website",
                "despite_duplicates",
            )
        }


class ConveningGroupForm(forms.ModelForm):
    """A new convening group, added from the form of a series."""

    class Meta:
        model = ConveningGroup
        fields = ["name", "acronym"]
        help_texts = {"acronym": _("As documents name the group, e.g. GMG.")}

    def entry(self) -> dict[str, str]:
        """The details `create_convening_group` takes."""
        return {"name": self.cleaned_data["name"], "acronym": self.cleaned_data["acronym"]}
