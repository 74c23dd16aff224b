"""The forms of invitations: inviting someone to a role, and the account of the invited."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convener.access.domain.invitations import NARROWING
from convener.access.interfaces.reach import keep_within_reach
from convener.directory.models import Organisation, Person, State
from convener.meetings.models import Series
from convener.roles.models import Role

NARROWING_FIELDS = ("organisation", "meeting", "person", "state", "language")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        organisation = obj.organisation.label if obj.organisation_id else ""
        return f"{obj.formal_name} ({organisation})" if organisation else obj.formal_name


class InvitationForm(forms.Form):
    """Whom to invite, to which role, narrowed as the role needs.

    Once the role is known (posted, or asked for in the address) the form
    holds only the fields that role is narrowed by; before, it holds them all,
    each saying which roles it serves, so that the form works without script.
    """

    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------"), *Role.choices])
    email = forms.EmailField(label=_("E-mail address"))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("For a focal point, or the delegation of an organisation."),
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=None,
        required=False,
        empty_label=_("Every meeting"),
        help_text=_("For a rapporteur or a chair: one meeting, or every meeting."),
    )
    person = PersonChoiceField(
        label=_("Person"),
        queryset=None,
        required=False,
        help_text=_("For a speaker: a person in the programme of the series."),
    )
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=State.objects.order_by("names__en"),
        required=False,
        help_text=_("For the delegation of a State."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", "---------"), *settings.LANGUAGES],
        required=False,
        help_text=_("For a translator: the language they translate into."),
    )

    def __init__(self, data: Any = None, *, series: Series, user: Any, role: str = "") -> None:
        role = data.get("role", "") if data is not None else role
        super().__init__(data, initial={"role": role} if role else None)
        self.fields["meeting"].queryset = series.meetings.order_by("number")  # type: ignore[attr-defined]
        self.fields["person"].queryset = (  # type: ignore[attr-defined]
            Person.objects.filter(
                Q(participations__segment__meeting__series=series)
                | Q(co_chairs__meeting__series=series)
            )
            .select_related("organisation")
            .distinct()
            .order_by("family_name", "given_name")
        )
        keep_within_reach(self, user, people=["person"], organisations=["organisation"])
        if role in NARROWING:
            for name in NARROWING_FIELDS:
                if name not in NARROWING[role]:
                    del self.fields[name]

    def narrowing(self) -> dict[str, Any]:
        """The narrowing fields the form holds, cleaned."""
        return {name: self.cleaned_data.get(name) for name in NARROWING_FIELDS}

    @property
    def narrowing_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in NARROWING_FIELDS if name in self.fields]


class AccountForm(UserCreationForm):  # type: ignore[type-arg]
    """A new account for the person who follows an invitation's link."""

    email = forms.EmailField(label=_("E-mail address"))

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")
