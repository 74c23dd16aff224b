"""Choices of people and organisations in the order a picker of a series offers them.

A select box that picks a person lists, in groups: for a co-chair's
representative, the representatives of the State chosen beside it; the
people of the series in hand; then everyone else within the user's reach,
each group by family name. A box that picks an organisation (a
co-organiser) lists the series' organisations first, then the others.
The choices only order what the field's queryset allows; validation still
reads the queryset.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, QuerySet, Value
from django.db.models.fields import BooleanField
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _

from convener.directory.models import Organisation, Person, State
from convener.directory.naming import state_in_text
from convener.meetings.models import Series
from convener.prose.formats import filled
from convener.records.queries.appearances import (
    organisations_of_series,
    people_of_series,
    representatives_of,
)

EMPTY = ("", "---------")


def person_choices(
    people: QuerySet[Person], *, series: Series | None, state: State | None
) -> list[Any]:
    """Grouped choices of `people`: those who represent `state`, those of
    `series`, then the others."""
    people = people.annotate(
        represents=_marked(representatives_of(state) if state else None),
        in_series=_marked(people_of_series(series) if series else None),
    ).order_by(Lower("family_name"), Lower("given_name"), "pk")
    groups: dict[str, list[tuple[int, str]]] = {"state": [], "series": [], "others": []}
    for person in people:
        key = "state" if person.represents else "series" if person.in_series else "others"
        groups[key].append((person.pk, _label(person)))
    labels = {
        "state": _representatives_of(state) if state else "",
        "series": _("In this series"),
        "others": _("Elsewhere in the directory"),
    }
    grouped = [(labels[key], choices) for key, choices in groups.items() if choices]
    if len(grouped) == 1 and not groups["state"] and not groups["series"]:
        return [EMPTY, *grouped[0][1]]
    return [EMPTY, *grouped]


def _representatives_of(state: State) -> str:
    """ "Representatives of the Netherlands", "Représentants des Pays-Bas"."""
    return filled(_("Representatives of %(state)s"), {"state": state_in_text(state, on=None)})


def organisation_choices(
    organisations: QuerySet[Organisation], *, series: Series | None
) -> list[Any]:
    """Grouped choices of `organisations`: those of `series`, then the others."""
    if series is None:
        return [EMPTY, *((organisation.pk, str(organisation)) for organisation in organisations)]
    marked = organisations.annotate(in_series=_marked(organisations_of_series(series))).order_by(
        Lower("name"), "pk"
    )
    own, others = [], []
    for organisation in marked:
        (own if organisation.in_series else others).append((organisation.pk, str(organisation)))
    grouped = [
        (label, choices)
        for label, choices in (
            (_("In this series"), own),
            (_("Elsewhere in the directory"), others),
        )
        if choices
    ]
    return [EMPTY, *grouped]


def order_by_series(
    form: forms.Form,
    *,
    series: Series | None,
    people: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
) -> None:
    """Order the choices of the form's fields of people and of organisations
    with the series' own entries first."""
    for name in people:
        field = form.fields[name]
        field.choices = person_choices(  # type: ignore[attr-defined]
            field.queryset.select_related("organisation"),  # type: ignore[attr-defined]
            series=series,
            state=None,
        )
    for name in organisations:
        field = form.fields[name]
        field.choices = organisation_choices(field.queryset, series=series)  # type: ignore[attr-defined]


def _marked(own: QuerySet[Person] | None) -> Any:
    if own is None:
        return Value(False, output_field=BooleanField())
    return Exists(own.filter(pk=OuterRef("pk")))


def _label(person: Person) -> str:
    if person.organisation is None:
        return person.formal_name
    return f"{person.formal_name} — {person.organisation.label}"


def order_representatives(form: forms.Form, *, series: Series | None) -> None:
    """Order the choices of a co-chair row's `person` by its `state`, and make
    the State box, with htmx, bring the representatives of the State chosen
    (`manage:co_chair_representatives`)."""
    person = form.fields["person"]
    person.choices = person_choices(  # type: ignore[attr-defined]
        person.queryset.select_related("organisation"),  # type: ignore[attr-defined]
        series=series,
        state=_chosen_state(form),
    )
    values = {"row": form.prefix or ""}
    if series is not None:
        values["series"] = series.slug
    target = f"#{form['person'].auto_id}"
    form.fields["state"].widget.attrs.update(
        {
            "hx-get": reverse("manage:co_chair_representatives"),
            "hx-trigger": "change",
            "hx-target": target,
            "hx-swap": "outerHTML",
            "hx-include": target,
            "hx-vals": json.dumps(values),
            "aria-controls": form["person"].auto_id,
        }
    )


def _chosen_state(form: forms.Form) -> State | None:
    value = form["state"].value()
    if isinstance(value, State) or value in (None, ""):
        return value or None
    try:
        return State.objects.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None
