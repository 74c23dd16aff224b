"""Changing a meeting's facts: its title, status, time and place, and its prose."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from convener.meetings.models import Meeting

logger = logging.getLogger(__name__)

# The fields `update_meeting` changes; the programme, co-chairs and
# co-organisers have their own functions.
EDITABLE_FIELDS = frozenset(
    {"title", "status", "date", "start_time", "end_time", "venue", "room", "format_note", "summary"}
)


def update_meeting(
    *, meeting: Meeting, changes: Mapping[str, Any], by: AbstractBaseUser
) -> Meeting:
    """Apply `changes` (model field names to values) to the meeting and save it.

    Raises ValidationError, keyed by field, and saves nothing if a value breaks
    a rule. The content revision rises when the transaction commits.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"update_meeting does not change {', '.join(sorted(unknown))}")
    if not changes:
        return meeting
    with transaction.atomic():
        for field, value in changes.items():
            setattr(meeting, field, value)
        _check(meeting, changed=set(changes))
        meeting.save(update_fields=[*changes, "updated_at"])
        fields = ", ".join(sorted(changes))
        transaction.on_commit(
            lambda: logger.info("%s changed %s of meeting %s", by, fields, meeting.pk)
        )
    return meeting


def _check(meeting: Meeting, *, changed: set[str]) -> None:
    errors: dict[str, Any] = {}
    # `clean_fields` lets None through for a blank field; the database would not.
    nulls = {
        name
        for name in changed
        if getattr(meeting, name) is None and not Meeting._meta.get_field(name).null
    }
    for name in nulls:
        errors[name] = [ValidationError("This field cannot be null.")]
    unchanged = [field.name for field in Meeting._meta.fields if field.name not in changed]
    try:
        meeting.clean_fields(exclude=[*unchanged, *nulls])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for name in changed & {"start_time", "end_time"}:
        value = getattr(meeting, name)
        if value is not None and value.tzinfo is not None:
            errors[name] = [
                ValidationError("Give the local time of the series, without a UTC offset.")
            ]
    start, end = meeting.start_time, meeting.end_time
    if changed & {"start_time", "end_time"} and not errors and start and end and end <= start:
        errors["end_time"] = [ValidationError("The meeting must end after it starts.")]
    if errors:
        raise ValidationError(errors)
