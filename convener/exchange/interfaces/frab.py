"""The schedule of a series in the frab/Pentabarf conference-schedule format, as XML and JSON.

Conference apps (ConfClerk, Giggity, EventFahrplan) read this format; what
goes into it, and its identifiers, are described in `conference`. Both forms
are written from the same `Schedule`. Its `version` is a digest of its
content: it changes exactly when the schedule does, which is how apps know
to reload it.

`user` is whose view to write (the public when None); `base_url` (scheme and
host) makes links absolute. Without it, links are site-relative and the
elements that must hold an absolute address are left out.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any
from xml.etree import ElementTree as ET

from convener import __version__
from convener.audit.actors import AnyUser
from convener.exchange.interfaces.conference import (
    Day,
    Schedule,
    ScheduledEvent,
    build_schedule,
    minutes,
)
from convener.meetings.models import Meeting, Series

XML_CONTENT_TYPE = "application/xml; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"
# The `$id` of the schedule JSON Schema the file follows (voc/schedule,
# validator/json/schema.json); the tests validate against that schema.
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
TIMESLOT_MINUTES = 5
LANGUAGE = "en"


def schedule_xml(
    series: Series,
    *,
    user: AnyUser | None = None,
    base_url: str = "",
    meeting: Meeting | None = None,
) -> bytes:
    """The schedule as XML; one meeting's when `meeting` is given."""
    schedule = build_schedule(series, user=user, base_url=base_url, meeting=meeting)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="Convener", version=__version__)
    if schedule.base_url:
        _text(root, "url", schedule.schedule_url)
    _text(root, "version", schedule_version(schedule))
    _xml_conference(ET.SubElement(root, "conference"), schedule)
    for day in schedule.days:
        _xml_day(ET.SubElement(root, "day"), day, schedule)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def schedule_json(
    series: Series,
    *,
    user: AnyUser | None = None,
    base_url: str = "",
    meeting: Meeting | None = None,
) -> bytes:
    """The schedule as JSON, stating the schema it follows; one meeting's when
    `meeting` is given."""
    schedule = build_schedule(series, user=user, base_url=base_url, meeting=meeting)
    data = {
        "$schema": JSON_SCHEMA,
        "generator": {"name": "Convener", "version": __version__},
        "schedule": _json_schedule(schedule),
    }
    # Compact: apps poll the file, and it is a third smaller than indented.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def schedule_version(schedule: Schedule) -> str:
    """A digest of the schedule's content, the same in both formats."""
    content = json.dumps(_json_conference(schedule), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()[:16]


# Writing XML


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _xml_conference(conference: ET.Element, schedule: Schedule) -> None:
    _text(conference, "acronym", schedule.acronym)
    _text(conference, "title", schedule.title)
    if schedule.days:
        _text(conference, "start", schedule.days[0].date.isoformat())
        _text(conference, "end", schedule.days[-1].date.isoformat())
    _text(conference, "days", str(len(schedule.days)))
    _text(conference, "timeslot_duration", _hours_minutes(TIMESLOT_MINUTES))
    if schedule.base_url:
        _text(conference, "base_url", schedule.base_url + "/")
        _text(conference, "url", schedule.series_url)
    _text(conference, "time_zone_name", schedule.time_zone)
    for name, slug in schedule.tracks:
        _text(conference, "track", "", name=name, slug=slug)


def _xml_day(element: ET.Element, day: Day, schedule: Schedule) -> None:
    element.attrib.update(
        index=str(day.index),
        date=day.date.isoformat(),
        start=_timestamp(day.start),
        end=_timestamp(day.end),
    )
    for name, events in day.rooms.items():
        room = ET.SubElement(element, "room", name=name, guid=schedule.rooms[name])
        for event in events:
            _xml_event(ET.SubElement(room, "event"), event, schedule)


def _xml_event(element: ET.Element, event: ScheduledEvent, schedule: Schedule) -> None:
    element.attrib.update(id=str(event.id), guid=event.guid)
    _text(element, "date", _timestamp(event.start))
    _text(element, "start", f"{event.start:%H:%M}")
    _text(element, "duration", _hours_minutes(minutes(event)))
    _text(element, "room", event.room)
    _text(element, "slug", event.slug)
    if schedule.base_url:
        _text(element, "url", event.url)
    _text(element, "title", event.title)
    _text(element, "subtitle", event.subtitle)
    _text(element, "track", event.track)
    _text(element, "type", event.kind)
    _text(element, "language", LANGUAGE)
    _text(element, "abstract", event.abstract)
    _text(element, "description", event.description)
    persons = ET.SubElement(element, "persons")
    for person in event.persons:
        _text(persons, "person", person.name, id=str(person.id), guid=person.guid)
    links = ET.SubElement(element, "links")
    _text(links, "link", event.link_title, href=event.url, type="web")


# Writing JSON


def _json_schedule(schedule: Schedule) -> dict[str, Any]:
    data: dict[str, Any] = {"version": schedule_version(schedule)}
    if schedule.base_url:
        data["base_url"] = schedule.base_url + "/"
    data["conference"] = _json_conference(schedule)
    return data


def _json_conference(schedule: Schedule) -> dict[str, Any]:
    dates = [day.date.isoformat() for day in schedule.days]
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": dates[0] if dates else "",
        "end": dates[-1] if dates else "",
        "daysCount": len(schedule.days),
        "timeslot_duration": _hours_minutes(TIMESLOT_MINUTES),
        "time_zone_name": schedule.time_zone,
    }
    if schedule.base_url:
        conference["url"] = schedule.series_url
    conference["tracks"] = [{"name": name, "slug": slug} for name, slug in schedule.tracks]
    conference["rooms"] = [{"name": name, "guid": guid} for name, guid in schedule.rooms.items()]
    conference["days"] = [_json_day(day) for day in schedule.days]
    return conference


def _json_day(day: Day) -> dict[str, Any]:
    return {
        "index": day.index,
        "date": day.date.isoformat(),
        "day_start": _timestamp(day.start),
        "day_end": _timestamp(day.end),
        "rooms": {
            name: [_json_event(event) for event in events] for name, events in day.rooms.items()
        },
    }


def _json_event(event: ScheduledEvent) -> dict[str, Any]:
    return {
        "guid": event.guid,
        "id": event.id,
        "date": _timestamp(event.start),
        "start": f"{event.start:%H:%M}",
        "end": _timestamp(event.end),
        "duration": _hours_minutes(minutes(event)),
        "room": event.room,
        "slug": event.slug,
        "url": event.url,
        "title": event.title,
        "subtitle": event.subtitle,
        "track": event.track,
        "type": event.kind,
        "language": LANGUAGE,
        "abstract": event.abstract,
        "description": event.description,
        "persons": [
            {"id": person.id, "guid": person.guid, "name": person.name} for person in event.persons
        ],
        "links": [{"url": event.url, "title": event.link_title, "type": "web"}],
    }


# Times


def _timestamp(moment: datetime.datetime) -> str:
    """ISO 8601 with the offset from UTC: 2016-07-13T10:00:00-04:00."""
    return moment.isoformat(timespec="seconds")


def _hours_minutes(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"
