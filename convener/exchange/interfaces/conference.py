"""A series seen as a conference: days, rooms, tracks and timed events.

This is what the frab/Pentabarf schedule (`frab`) writes, read once from the
records so that its XML and JSON forms say the same. The series is the
conference, each date with a meeting a day, each meeting a track, and each
segment of a programme an event at the time the timetable gives it
(`meetings.domain.timetable` states the rule), in its meeting's room. A
meeting whose programme is not entered yet, but whose start and end are
known, is one event. Every event needs a start, so meetings without a date,
and segments without a time, are left out.

A series that spans months is also written one meeting at a time, so that an
app which walks every day from the first to the last shows one meeting's
days only. Each meeting is a track named by its number ("Meeting 3"), as
apps list tracks in narrow columns; each event's room names the room and the
venue, since meetings of one series meet in different buildings.

Identifiers survive exports, edits and reordering: an event's `guid` is a
UUID5 of the series slug, the meeting number and the segment's key, and its
numeric `id` is the first 31 bits of that UUID, because apps such as
ConfClerk keep a user's favourites by `id`: a position in the programme
would hand them to another panel when the programme is reordered. A
person's `id` is their database key and their `guid` a UUID5 of their key.
The acronym is the series slug with underscores for hyphens, because the JSON
Schema's acronym pattern allows a hyphen only as the first character
("gmg-2016" becomes "gmg_2016").
"""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from convener.audit.actors import AnyUser
from convener.directory.models import Person
from convener.exchange.interfaces.programme import readable_meetings, roles_text
from convener.meetings.domain.timetable import (
    Slot,
    meeting_end,
    meeting_start,
    series_zone,
    timetable,
)
from convener.meetings.models import Meeting, MeetingStatus, Series

# Fixed for ever: the namespace of every guid Convener writes in schedules.
GUID_NAMESPACE = uuid.UUID("6f1d3c1e-6b0a-5d0c-9a57-2c0b6e7c6e10")
SLUG_WORDS_LENGTH = 48


@dataclass(frozen=True)
class Speaker:
    id: int
    guid: str
    name: str


@dataclass(frozen=True)
class ScheduledEvent:
    id: int
    guid: str
    slug: str
    title: str
    subtitle: str
    kind: str
    track: str
    room: str
    start: datetime.datetime
    end: datetime.datetime
    abstract: str
    description: str
    persons: tuple[Speaker, ...]
    url: str
    link_title: str
    # Meeting number and place in the programme: the order of events that start together.
    place: tuple[int, int] = (0, 0)


@dataclass
class Day:
    index: int
    date: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    rooms: dict[str, list[ScheduledEvent]] = field(default_factory=dict)


@dataclass(frozen=True)
class Schedule:
    acronym: str
    title: str
    time_zone: str
    days: list[Day]
    tracks: list[tuple[str, str]]  # name, slug
    rooms: dict[str, str]  # name: guid
    base_url: str
    series_url: str
    schedule_url: str


def build_schedule(
    series: Series,
    *,
    user: AnyUser | None = None,
    base_url: str = "",
    meeting: Meeting | None = None,
) -> Schedule:
    """The series as the format sees it: days, rooms, tracks and events; only
    `meeting`'s when it is given."""
    base_url = base_url.rstrip("/")
    readable = readable_meetings(user).filter(series=series)
    if meeting is not None:
        readable = readable.filter(pk=meeting.pk)
    meetings = list(readable)
    by_date: dict[datetime.date, list[Meeting]] = {}
    for dated in meetings:
        if dated.date is not None:
            by_date.setdefault(dated.date, []).append(dated)
    acronym = schedule_acronym(series, meeting)
    days = [
        _day(index, date, on_that_day, acronym, base_url)
        for index, (date, on_that_day) in enumerate(by_date.items(), start=1)
    ]
    rooms = {name: _guid(series.slug, "room", name) for day in days for name in day.rooms}
    title, page, address = _title_and_addresses(series, meeting)
    return Schedule(
        acronym=acronym,
        title=title,
        time_zone=series.timezone,
        days=days,
        tracks=[
            (track_name(shown), f"meeting-{shown.number}")
            for on_that_day in by_date.values()
            for shown in on_that_day
        ],
        rooms=rooms,
        base_url=base_url,
        series_url=base_url + page,
        schedule_url=base_url + address,
    )


def _title_and_addresses(series: Series, meeting: Meeting | None) -> tuple[str, str, str]:
    """The schedule's title, its web page and its own address."""
    if meeting is None:
        return (
            series.title,
            reverse("public:series", args=[series.slug]),
            reverse("public:series_schedule_xml", args=[series.slug]),
        )
    return (
        meeting.title,
        _meeting_url(meeting, ""),
        reverse("public:meeting_schedule_xml", args=[series.slug, meeting.number]),
    )


def schedule_acronym(series: Series, meeting: Meeting | None = None) -> str:
    """The series slug as both schemas' acronym patterns allow it (see the
    module), with the meeting's number for one meeting's schedule."""
    acronym = re.sub(r"[^a-z0-9_]", "_", series.slug.lower())
    if meeting is not None:
        acronym += f"_meeting_{meeting.number}"
    return acronym.ljust(4, "_")


def room_name(meeting: Meeting) -> str:
    """The room and the venue, as far as they are known."""
    known = [part for part in (meeting.room, meeting.venue) if part]
    return ", ".join(known) or _("Room to be confirmed")


def track_name(meeting: Meeting) -> str:
    return _("Meeting %(number)s") % {"number": meeting.number}


def event_id(guid: str) -> int:
    """The event's number for apps that key on it: the first 31 bits of its
    guid, positive in every app's integer type, and as stable as the guid."""
    return int(guid.replace("-", "")[:8], 16) >> 1


def _events(
    meeting: Meeting, slots: list[Slot], acronym: str, base_url: str
) -> list[ScheduledEvent]:
    if slots:
        return [_segment_event(meeting, slot, acronym, base_url) for slot in slots]
    start, end = meeting_start(meeting), meeting_end(meeting)
    if meeting.segments.all() or start is None or end is None:
        return []
    return [_meeting_event(meeting, start, end, acronym, base_url)]


def _segment_event(meeting: Meeting, slot: Slot, acronym: str, base_url: str) -> ScheduledEvent:
    segment = slot.segment
    kind_label = str(segment.get_kind_display())
    people = {p.person.pk: p.person for p in segment.participations.all() if p.person is not None}
    guid = _guid(meeting.series.slug, str(meeting.number), segment.key)
    return ScheduledEvent(
        id=event_id(guid),
        guid=guid,
        slug=_slug(acronym, f"{meeting.number}-{slot.position}", segment.heading, segment.kind),
        title=_titled(meeting, segment.heading),
        subtitle=kind_label if kind_label != segment.heading else "",
        kind=segment.kind,
        track=track_name(meeting),
        room=room_name(meeting),
        start=slot.start,
        end=slot.end,
        abstract=segment.summary,
        description=roles_text(segment),
        persons=tuple(_speaker(person) for person in people.values()),
        url=_meeting_url(meeting, base_url),
        link_title=_meeting_heading(meeting),
        place=(meeting.number, slot.position),
    )


def _meeting_event(
    meeting: Meeting,
    start: datetime.datetime,
    end: datetime.datetime,
    acronym: str,
    base_url: str,
) -> ScheduledEvent:
    guid = _guid(meeting.series.slug, str(meeting.number))
    return ScheduledEvent(
        id=event_id(guid),
        guid=guid,
        slug=_slug(acronym, str(meeting.number), meeting.title, "meeting"),
        title=_titled(meeting, meeting.title),
        subtitle="",
        kind="meeting",
        track=track_name(meeting),
        room=room_name(meeting),
        start=start,
        end=end,
        abstract=meeting.summary,
        description="",
        persons=(),
        url=_meeting_url(meeting, base_url),
        link_title=_meeting_heading(meeting),
        place=(meeting.number, 0),
    )


def _titled(meeting: Meeting, title: str) -> str:
    """The event's title; a cancelled meeting's events say so, as the format has
    no status of its own and apps show every event they are given."""
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": title}
    return title


def _speaker(person: Person) -> Speaker:
    return Speaker(id=person.pk, guid=_guid("person", person.key), name=person.formal_name)


def _day(
    index: int, date: datetime.date, meetings: list[Meeting], acronym: str, base_url: str
) -> Day:
    """The day's events by room, in time order, and its span: from the first
    start to the last end of its meetings and events; the whole local day
    when none of its meetings is timed."""
    zone = series_zone(meetings[0].series)
    day = Day(index=index, date=date, start=_at(date, 0, 0, zone), end=_at(date, 23, 59, zone))
    starts, ends = [], []
    for meeting in meetings:
        slots = timetable(meeting)
        events = _events(meeting, slots, acronym, base_url)
        for event in events:
            day.rooms.setdefault(event.room, []).append(event)
        starts += [meeting_start(meeting), *(event.start for event in events)]
        ends += [meeting_end(meeting, slots), *(event.end for event in events)]
    for events in day.rooms.values():
        events.sort(key=lambda event: (event.start, event.place))
    day.start = min((start for start in starts if start is not None), default=day.start)
    day.end = max((end for end in ends if end is not None), default=day.end)
    return day


def _at(date: datetime.date, hour: int, minute: int, zone: ZoneInfo) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=zone)


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(parts)))


def _slug(acronym: str, number: str, text: str, fallback: str) -> str:
    words = slugify(text)
    if len(words) > SLUG_WORDS_LENGTH:  # cut at a word's end
        words = words[: SLUG_WORDS_LENGTH + 1].rsplit("-", 1)[0]
    words = words.strip("-_") or fallback
    return f"{acronym}-{number}-{words}"


def _meeting_url(meeting: Meeting, base_url: str) -> str:
    return base_url + reverse("public:meeting", args=[meeting.series.slug, meeting.number])


def _meeting_heading(meeting: Meeting) -> str:
    return _("Meeting %(number)s: %(title)s") % {"number": meeting.number, "title": meeting.title}


def minutes(event: ScheduledEvent) -> int:
    """How long the event lasts, on the UTC time line."""
    elapsed = event.end.astimezone(datetime.UTC) - event.start.astimezone(datetime.UTC)
    return elapsed // datetime.timedelta(minutes=1)
