"""Turning a write's payload into the changes a domain function takes: API
names into model field names, keys into the rows they name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Model

from convener.access.queries.reach import organisations_within_reach, people_within_reach
from convener.api.errors import InvalidDataError
from convener.audit.actors import AnyUser
from convener.directory.models import StateGroup
from convener.directory.queries.states import states_for_page
from convener.meetings.models import Meeting

# The API's names for model fields, where they differ.
MEETING_FIELDS = {"start": "start_time", "end": "end_time"}
INTERVENTION_FIELDS = {"group": "state_group"}


def meeting_changes(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {MEETING_FIELDS.get(field, field): value for field, value in payload.items()}


Finder = Callable[[str, Meeting, AnyUser], Model | None]

_FINDERS: dict[str, tuple[str, Finder]] = {
    "segment": ("segment", lambda key, meeting, user: meeting.segments.filter(key=key).first()),
    # A speaker or organisation is one within the user's reach: a key of
    # someone seen only in another series' draft names nothing.
    "speaker": (
        "person",
        lambda key, meeting, user: people_within_reach(user).filter(key=key).first(),
    ),
    "state": ("State", lambda iso3, meeting, user: states_for_page().filter(iso3=iso3).first()),
    "group": ("group of States", lambda key, *_: StateGroup.objects.filter(key=key).first()),
    "organisation": (
        "organisation",
        lambda key, meeting, user: organisations_within_reach(user).filter(key=key).first(),
    ),
}


def intervention_changes(
    payload: Mapping[str, Any], *, meeting: Meeting, user: AnyUser
) -> dict[str, Any]:
    """The payload with model field names and each key replaced by its row
    (null clears). Raises InvalidDataError naming every key that names nothing."""
    changes: dict[str, Any] = {}
    problems: list[dict[str, Any]] = []
    for field, value in payload.items():
        name = INTERVENTION_FIELDS.get(field, field)
        if field == "capacity":
            changes[name] = value or ""  # not recorded
        elif field not in _FINDERS or value is None:
            changes[name] = value
        else:
            noun, find = _FINDERS[field]
            row = find(value, meeting, user)
            if row is None:
                message = f"No {noun} “{value}”" + (
                    f" in meeting {meeting.number}." if field == "segment" else "."
                )
                problems.append({"location": "body", "field": field, "message": message})
            changes[name] = row
    if problems:
        raise InvalidDataError("The data names something that does not exist.", details=problems)
    return changes
