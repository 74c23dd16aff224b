"""A series' record as Popolo JSON: people, organizations, memberships, events and speeches.

Open-government tools (SayIt and others) read Popolo. The file is one object
with five lists, each item valid against the Popolo JSON Schema of its kind:

- `persons`: everyone who took the floor (their name, honorific, given and
  family name; gender and contact details are the secretariat's, not the
  public's, and are left out);
- `organizations`: the States (`classification` "state", with ISO 3166-1 and
  M49 codes), groups of States ("group of States") and organisations (their
  kind: "un_entity", "ngo"…) speakers spoke for;
- `memberships`: who represented whom at which meeting: the person, the
  State or organisation they represented (`on_behalf_of_id` the group of
  States a State spoke for), the capacity as `role`, and the meeting's date
  as start and end, its event in `event_id`;
- `events`: the series, its meetings (`parent_id` the series) and their
  segments (`parent_id` the meeting);
- `speeches`: every turn on the floor: `creator_id` the speaker (absent when
  the record names only a delegation), `attribution_text` as the record
  announces them, `role` the capacity, `type` the kind of turn ("speech",
  "question", "answer", "point-of-order", "right-of-reply"), `event_id` its
  segment, `position` its place in the meeting, `text` the summary and its
  points in plain text.

Identifiers are stable across exports: "person/<key>", "state/<ISO3>",
"group/<key>", "organization/<key>", "event/<series>/<number>[/<segment>]"
and "speech/<series>/<number>/<id>". The reader sees what they may read: the
turns of a record not released are left out for the public.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils import translation

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person, State, StateGroup
from convener.exchange.interfaces.spoken_record import (
    attribution,
    meetings_with_records,
    record_date,
)
from convener.meetings.domain.timetable import meeting_end, meeting_start
from convener.meetings.models import Meeting, Segment, Series
from convener.publishing.document import ItemList, Paragraph, blocks_from_markdown, plain
from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Intervention, InterventionKind

CONTENT_TYPE = "application/json"
COLLECTIONS = ("persons", "organizations", "memberships", "events", "speeches")
SPEECH_TYPES: dict[str, str] = {
    InterventionKind.QUESTION: "question",
    InterventionKind.ANSWER: "answer",
    InterventionKind.POINT_OF_ORDER: "point-of-order",
    InterventionKind.RIGHT_OF_REPLY: "right-of-reply",
}


def series_popolo(series: Series, *, user: AnyUser | None = None) -> bytes:
    """The series as Popolo, as `user` (the public when None) may read it, in the
    series' language (the names of States, the capacities)."""
    meetings = meetings_with_records(series, user=user)
    with translation.override(series.language):
        data = _popolo(series, meetings)
    return json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"


def _popolo(series: Series, meetings: list[Meeting]) -> dict[str, list[dict[str, Any]]]:
    people: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}
    memberships: dict[str, dict[str, Any]] = {}
    events = [_series_event(series, meetings)]
    speeches = []
    for meeting in meetings:
        events.append(_meeting_event(meeting))
        position = 0
        for segment in meeting.segments.all():
            events.append(_segment_event(meeting, segment))
            for intervention in segment.interventions.all():
                position += 1
                _add_agents(intervention, people, organisations)
                membership = _membership(meeting, intervention)
                if membership is not None:
                    memberships.setdefault(membership["id"], membership)
                speeches.append(_speech(meeting, segment, intervention, position))
    return {
        "persons": list(people.values()),
        "organizations": list(organisations.values()),
        "memberships": list(memberships.values()),
        "events": events,
        "speeches": speeches,
    }


# Identifiers


def person_id(person: Person) -> str:
    return f"person/{person.key}"


def organization_id(delegation: State | StateGroup | Organisation) -> str:
    if isinstance(delegation, State):
        return f"state/{delegation.iso3}"
    if isinstance(delegation, StateGroup):
        return f"group/{delegation.key}"
    return f"organization/{delegation.key}"


def event_id(meeting: Meeting, segment: Segment | None = None) -> str:
    base = f"event/{meeting.series.slug}/{meeting.number}"
    return f"{base}/{segment.key}" if segment is not None else base


# People and organizations


def _add_agents(
    intervention: Intervention,
    people: dict[str, dict[str, Any]],
    organisations: dict[str, dict[str, Any]],
) -> None:
    if intervention.speaker is not None:
        person = intervention.speaker
        people.setdefault(person_id(person), _person(person))
    for delegation in (intervention.state, intervention.state_group, intervention.organisation):
        if delegation is not None:
            organisations.setdefault(organization_id(delegation), _organization(delegation))


def _person(person: Person) -> dict[str, Any]:
    data = {
        "id": person_id(person),
        "name": person.full_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "sort_name": f"{person.family_name}, {person.given_name}",
    }
    if person.honorific:
        data["honorific_prefix"] = person.honorific
    return data


def _organization(delegation: State | StateGroup | Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {"id": organization_id(delegation), "name": delegation.name}
    if isinstance(delegation, State):
        data["classification"] = "state"
        data["identifiers"] = [
            {"scheme": "ISO 3166-1 alpha-3", "identifier": delegation.iso3},
            {"scheme": "M49", "identifier": delegation.m49},
        ]
    elif isinstance(delegation, StateGroup):
        data["classification"] = "group of States"
        if delegation.short_name:
            data["other_names"] = [{"name": delegation.short_name, "note": "short name"}]
    else:
        data["classification"] = delegation.kind
        if delegation.acronym:
            data["other_names"] = [{"name": delegation.acronym, "note": "acronym"}]
    return data


def _membership(meeting: Meeting, intervention: Intervention) -> dict[str, Any] | None:
    """The speaker's representing a State or organisation at the meeting."""
    person = intervention.speaker
    represented = intervention.state or intervention.organisation or intervention.state_group
    if person is None or represented is None:
        return None
    organisation = organization_id(represented)
    data: dict[str, Any] = {
        "id": f"membership/{meeting.series.slug}/{meeting.number}/{person.key}/{organisation}",
        "person_id": person_id(person),
        "organization_id": organisation,
        "event_id": event_id(meeting),
    }
    if intervention.state_group is not None and represented != intervention.state_group:
        data["on_behalf_of_id"] = organization_id(intervention.state_group)
    if intervention.capacity:
        data["role"] = capacity_phrase(intervention)
    day = record_date(meeting).isoformat()
    data.update(start_date=day, end_date=day)
    return data


# Events and speeches


def _series_event(series: Series, meetings: list[Meeting]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f"event/{series.slug}",
        "name": series.title,
        "classification": "series",
    }
    dates = [meeting.date for meeting in meetings if meeting.date is not None]
    if dates:
        data.update(start_date=min(dates).isoformat(), end_date=max(dates).isoformat())
    return data


def _meeting_event(meeting: Meeting) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": event_id(meeting),
        "name": meeting.title,
        "classification": "meeting",
        "status": meeting.status,
        "parent_id": f"event/{meeting.series.slug}",
    }
    start, end = meeting_start(meeting), meeting_end(meeting)
    if start is not None:
        data["start_date"] = _moment(start)
    elif meeting.date is not None:
        data["start_date"] = meeting.date.isoformat()
    if end is not None:
        data["end_date"] = _moment(end)
    location = ", ".join(part for part in (meeting.room, meeting.venue) if part)
    if location:
        data["location"] = location
    return data


def _segment_event(meeting: Meeting, segment: Segment) -> dict[str, Any]:
    return {
        "id": event_id(meeting, segment),
        "name": segment.heading,
        "classification": segment.kind,
        "parent_id": event_id(meeting),
    }


def _speech(
    meeting: Meeting, segment: Segment, intervention: Intervention, position: int
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f"speech/{meeting.series.slug}/{meeting.number}/{intervention.pk}",
        "attribution_text": attribution(intervention),
        "type": SPEECH_TYPES.get(intervention.kind, "speech"),
        "title": str(intervention.get_kind_display()),
        "event_id": event_id(meeting, segment),
        "position": position,
        "text": _text(intervention),
    }
    if intervention.speaker is not None:
        data["creator_id"] = person_id(intervention.speaker)
    if intervention.capacity:
        data["role"] = capacity_phrase(intervention)
    return data


def _text(intervention: Intervention) -> str:
    """The summary and the points, as plain text: paragraphs and "- " items."""
    parts = []
    for block in blocks_from_markdown(intervention.summary) if intervention.summary else []:
        if isinstance(block, Paragraph):
            parts.append(plain(block.runs))
        elif isinstance(block, ItemList):
            parts.append("\n".join(f"- {plain(item)}" for item in block.items))
    if intervention.points:
        parts.append("\n".join(f"- {point}" for point in intervention.points))
    return "\n\n".join(parts)


def _moment(moment: datetime.datetime) -> str:
    """ISO 8601 with the offset, as Popolo's date pattern takes it: 2016-07-13T10:00:00-04:00."""
    return moment.isoformat(timespec="seconds")
