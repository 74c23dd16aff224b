"""The forms of the programme builder: a segment, and a participant of a segment."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from convener.access.interfaces.reach import keep_within_reach
from convener.access.queries.reach import organisations_within_reach
from convener.directory.models import Organisation, Person
from convener.manage.interfaces.errors import WorkspaceForm
from convener.manage.interfaces.select import Select
from convener.meetings.domain.programme import MAX_MINUTES
from convener.meetings.models import Participation, ProgrammeRole, Segment, SegmentKind, Series


def _minutes(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=1, max_value=MAX_MINUTES, help_text=_("Minutes.")
    )


def search_field(*, label: str, help_text: str) -> forms.CharField:
    """The text typed to find an entry of the directory; what it finds is
    chosen in a field of its own."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
        help_text=help_text,
    )


class SegmentForm(WorkspaceForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=SegmentKind.choices, widget=Select)
    title = Segment._meta.get_field("title").formfield(
        label=_("Title"),
        required=False,
        help_text=_("Leave empty to head the segment with its kind."),
    )
    duration = _minutes(_("Time budget"))

    @classmethod
    def of(cls, segment: Segment, **kwargs: Any) -> SegmentForm:
        """The form showing the segment as it is."""
        initial = {"kind": segment.kind, "title": segment.title, "duration": segment.duration}
        return cls(initial=initial, **kwargs)


class ParticipationForm(WorkspaceForm):
    """The part a person plays in a segment."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=ProgrammeRole.choices,
        initial=ProgrammeRole.PANELLIST,
        widget=Select,
    )
    speaking_time = _minutes(_("Speaking time"))

    @classmethod
    def of(cls, participation: Participation, **kwargs: Any) -> ParticipationForm:
        """The form showing the participation as it is."""
        initial = {"role": participation.role, "speaking_time": participation.speaking_time}
        return cls(initial=initial, **kwargs)


class PartForm(ParticipationForm):
    """Changing the part of someone already in a segment: their role, speaking
    time and the capacity they hold at the meeting."""

    capacity = Participation._meta.get_field("capacity").formfield(
        label=_("Capacity at the meeting"),
        required=False,
        help_text=_(
            "A title held at this meeting only, such as “Chair of the Global Migration Group”."
        ),
    )

    @classmethod
    def of(cls, participation: Participation, **kwargs: Any) -> PartForm:
        """The form showing the participation as it is."""
        initial = {
            "role": participation.role,
            "speaking_time": participation.speaking_time,
            "capacity": participation.capacity,
        }
        return cls(initial=initial, **kwargs)


class ParticipantForm(ParticipationForm):
    """Adding someone to a segment: their part, and the person found by a search.

    The search results are buttons named `person` inside the form, so picking
    someone submits their part with them; without JavaScript the "Find"
    button submits the text typed in `q` and the page lists the results.
    """

    q = search_field(
        label=_("Find a person"),
        help_text=_("Type part of a name, a short form or an organisation."),
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(
        self, *args: Any, found_id: str, user: Any, series: Series | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, people=["person"])
        self.fields["q"].widget.attrs.update(
            search_as_you_type("manage:people_search", found_id, series=series)
        )


class PlaceForm(ParticipationForm):
    """Adding a place whose holder is not named yet: by an office, by an
    organisation, by both, or to be confirmed when both are left empty."""

    office = Participation._meta.get_field("office").formfield(
        label=_("Office"),
        required=False,
        help_text=_("Such as “Special Rapporteur on the human rights of migrants”."),
    )
    organisation = forms.TypedChoiceField(
        label=_("Organisation represented"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=Select,
        help_text=_("For “a representative of” the organisation."),
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        """`organisations`: those within the user's reach (`organisation_choices`),
        read once for every segment of the page."""
        super().__init__(*args, **kwargs)
        self._organisations = {organisation.pk: organisation for organisation in organisations}
        field = self.fields["organisation"]
        field.choices = [("", _("None")), *((o.pk, o.label) for o in organisations)]  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = _("Choose an organisation from the list.")

    def clean_organisation(self) -> Organisation | None:
        pk = self.cleaned_data["organisation"]
        return None if pk is None else self._organisations[pk]


def organisation_choices(user: Any) -> list[Organisation]:
    """The organisations a place may be held for: those within the user's reach."""
    return list(organisations_within_reach(user).order_by("name"))


class NamingForm(WorkspaceForm):
    """Naming the person who holds a place: the person found by a search."""

    q = search_field(
        label=_("Find the person"),
        help_text=_("Type part of a name, a short form or an organisation."),
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, found_id: str, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_within_reach(self, user, people=["person"])
        self.fields["q"].widget.attrs.update(search_as_you_type("manage:people_search", found_id))


def search_as_you_type(
    url_name: str, found_id: str, *, keep: str = "", series: Series | None = None
) -> dict[str, str]:
    """The attributes that make a search field ask `url_name` as one types
    and put the answer in the element `found_id`, which announces it; the
    choice already made in field `keep` there goes along, to stay listed.
    For a picker of `series`, the series goes along too: its own entries
    come first, and are offered as soon as the field takes the focus."""
    attributes = {
        "hx-get": reverse(url_name),
        "hx-trigger": "input changed delay:250ms, search",
        "hx-target": f"#{found_id}",
        # Into the box, not over it: the form around the field swaps its
        # `outerHTML`, which the field would inherit, and the box replaced by
        # the first answer would leave the next one nowhere to go (the list
        # went stale after one search).
        "hx-swap": "innerHTML",
        # A slow answer to "kel" must not arrive after the answer to "kelley".
        "hx-sync": "this:replace",
        "aria-controls": found_id,
    }
    values = {}
    if keep:
        # The box of results holds the choice: its checked radio button goes along.
        attributes["hx-include"] = f"#{found_id}"
        values["field"] = keep
    if series is not None:
        values["series"] = series.slug
        attributes["hx-trigger"] = "focus once, " + attributes["hx-trigger"]
    if values:
        attributes["hx-vals"] = json.dumps(values)
    return attributes
