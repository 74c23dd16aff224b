"""What a search may be narrowed to, as one condition on statements."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast
from django.db.models.lookups import Contains

from convener.directory.models import StateGroupMembership

# How a delegation is named in a filter: its kind, a colon, its key.
DELEGATION_KINDS = {
    "state": "state__iso3",
    "group": "state_group__key",
    "organisation": "organisation__key",
}


@dataclass(frozen=True)
class SearchFilters:
    """Each field narrows the statements searched; None leaves it open.

    Keys are those of the directory and the series data format: a series'
    slug, a person's or an organisation's key, a State's ISO 3166-1 alpha-3
    code, a group of States' key. `meeting` is the meeting's id; `delegation`
    is "state:FRA", "group:g77" or "organisation:iom".
    """

    series: str | None = None
    meeting: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    speaker: str | None = None
    delegation: str | None = None
    state: str | None = None
    regional_group: str | None = None
    state_group: str | None = None
    organisation_kind: str | None = None
    capacity: str | None = None
    segment_kind: str | None = None
    sdg_target: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, field.name) is None for field in fields(self))

    def as_q(self) -> Q:
        """The one condition on `Intervention` that all the set fields make."""
        condition = Q()
        for field in fields(self):
            value = getattr(self, field.name)
            if value is not None and value != "":
                condition &= _CONDITIONS[field.name](value)
        return condition


def _delegation(value: str) -> Q:
    kind, _colon, key = value.partition(":")
    lookup = DELEGATION_KINDS.get(kind)
    return Q(**{lookup: key}) if lookup and key else Q(pk__in=[])


def _state_group(key: str) -> Q:
    """Statements made on behalf of the group, and by the States that were its
    members on the day of the meeting."""
    member_then = StateGroupMembership.objects.filter(
        StateGroupMembership.in_force_on(OuterRef("segment__meeting__date")),  # type: ignore[arg-type]
        group__key=key,
        state=OuterRef("state"),
    )
    return Q(state_group__key=key) | Q(Exists(member_then))


def _sdg_target(target: str) -> Q:
    """Statements citing the target. The list is JSON on both databases and
    SQLite has no JSON containment: the list's text holds the target as a
    JSON string, quotes included, exactly when the list holds the target
    ("10.7" is not "10.7a": its closing quote differs)."""
    return Q(Contains(Cast("sdg_targets", TextField()), json.dumps(str(target))))


_CONDITIONS = {
    "series": lambda slug: Q(segment__meeting__series__slug=slug),
    "meeting": lambda pk: Q(segment__meeting_id=pk),
    "date_from": lambda day: Q(segment__meeting__date__gte=day),
    "date_to": lambda day: Q(segment__meeting__date__lte=day),
    "speaker": lambda key: Q(speaker__key=key),
    "delegation": _delegation,
    "state": lambda iso3: Q(state__iso3=iso3),
    "regional_group": lambda group: Q(state__regional_group=group),
    "state_group": _state_group,
    "organisation_kind": lambda kind: Q(organisation__kind=kind),
    "capacity": lambda capacity: Q(capacity=capacity),
    "segment_kind": lambda kind: Q(segment__kind=kind),
    "sdg_target": _sdg_target,
}
