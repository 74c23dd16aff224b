"""What the search form offers in its lists: only what the reader may read."""

from __future__ import annotations

from django.db.models import QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person, State, StateGroup
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions

Choices = list[tuple[str, str]]


def series_choices(reader: AnyUser) -> Choices:
    series: QuerySet[Series] = visible_series(reader).order_by("-pk")
    return [(item.slug, item.title) for item in series]


def meeting_choices(reader: AnyUser) -> Choices:
    meetings: QuerySet[Meeting] = (
        visible_meetings(reader).select_related("series").order_by("series_id", "number")
    )
    return [(str(m.pk), f"{m.series.title} — {m.number}. {m.title}") for m in meetings]


def speaker_choices(reader: AnyUser) -> Choices:
    people = Person.objects.filter(pk__in=_spoken(reader).values("speaker_id"))
    return [(person.key, person.full_name) for person in people.order_by("family_name")]


def state_choices(reader: AnyUser) -> Choices:
    states = State.objects.filter(pk__in=_spoken(reader).values("state_id"))
    return sorted(((state.iso3, str(state)) for state in states), key=lambda item: item[1])


def delegation_choices(reader: AnyUser) -> Choices:
    """The States, groups of States and organisations someone spoke for."""
    spoken = _spoken(reader)
    groups = StateGroup.objects.filter(pk__in=spoken.values("state_group_id"))
    organisations = Organisation.objects.filter(pk__in=spoken.values("organisation_id"))
    return [
        *((f"state:{iso3}", name) for iso3, name in state_choices(reader)),
        *sorted(((f"group:{g.key}", g.name_in_language) for g in groups), key=_name),
        *sorted(((f"organisation:{o.key}", str(o)) for o in organisations), key=_name),
    ]


def state_group_choices() -> Choices:
    return [(group.key, group.name_in_language) for group in StateGroup.objects.all()]


def _spoken(reader: AnyUser) -> QuerySet[Intervention]:
    return visible_interventions(reader).order_by()


def _name(item: tuple[str, str]) -> str:
    return item[1]
