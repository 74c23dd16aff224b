"""Form fields that pick an entry of the directory offer only those within the user's reach."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from convener.access.queries.reach import organisations_within_reach, people_within_reach


def keep_within_reach(
    form: forms.BaseForm,
    user: Any,
    *,
    people: Iterable[str] = (),
    organisations: Iterable[str] = (),
) -> None:
    """Narrow the form's choices of people and of organisations to those within
    the user's reach (`access.queries.reach`): an id of anyone else is
    refused as any invalid choice is, and never listed."""
    for names, reach_of, message in (
        (people, people_within_reach, _PERSON_OUT_OF_REACH),
        (organisations, organisations_within_reach, _ORGANISATION_OUT_OF_REACH),
    ):
        if not names:
            continue  # building a reach costs more than the rest of a form
        reach = reach_of(user)
        for name in names:
            field = form.fields[name]
            field.queryset = field.queryset.filter(pk__in=reach.values("pk"))  # type: ignore[attr-defined]
            field.error_messages["invalid_choice"] = message


_PERSON_OUT_OF_REACH = _(
    "Choose a person from the directory's search: this one is not in any meeting you can see."
)
_ORGANISATION_OUT_OF_REACH = _(
    "Choose an organisation from the directory's search: "
    "this one is not in any meeting you can see."
)
