"""Calendars of a series, of a meeting and of a person, as iCalendar (RFC 5545).

Each meeting with a date is one event. A timed meeting is written in the
series' time zone, with that zone's VTIMEZONE in the calendar; a meeting
whose time is to be confirmed is an all-day event. A meeting's calendar, and
a person's, also hold one event per segment of the programme whose time the
timetable can tell (`meetings.domain.timetable` states the rule).

A cancelled meeting stays in the calendars with STATUS:CANCELLED (its
segments too), so that a subscribed application strikes it out rather than
keeping it.

Identifiers never change with the data, so a calendar application that has
subscribed updates its events instead of duplicating them: a meeting is
`<series>-meeting-<number>@<host>`, a segment
`<series>-meeting-<number>-<segment key>@<host>`, where the host is the one
of `base_url`. SEQUENCE starts at 0 and grows each time an event's start,
end or status changes (`exchange.domain.calendar_entries` counts it);
DTSTAMP and LAST-MODIFIED are the meeting's last change, or the change of the
event's times when that is later. There is no METHOD property: the file is a
published calendar, not a scheduling message, which is also what makes
DTSTAMP the time of the last revision. The time-zone definitions carry no
COMMENT, which RFC 5545 does not allow there and strict readers refuse.

`user` is whose view to write (the public when None); `base_url` (scheme and
host, e.g. "https://meetings.example.org") makes the pages' addresses
absolute. Without it the events carry no URL and their UIDs end in
`@convener.invalid`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vDuration

from convener.audit.actors import AnyUser
from convener.directory.models import Person
from convener.exchange.domain.calendar_entries import revisions
from convener.exchange.interfaces.programme import readable_meetings, roles_text
from convener.meetings.domain.timetable import Slot, meeting_end, meeting_start, timetable
from convener.meetings.models import Meeting, MeetingStatus, Segment, Series
from convener.prose.formats import time_range
from convener.records.queries.appearances import appearances_of

PRODID = "-//Convener//Meeting calendars//EN"
# A reserved name (RFC 2606): no real host can own the identifiers made with it.
HOST_WITHOUT_BASE_URL = "convener.invalid"
# How often subscribers are asked to fetch the calendar again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)

UTC_NAMES = {"UTC", "Etc/UTC"}


@dataclass(frozen=True)
class Site:
    """Where the calendar's pages live: absolute addresses and the identifiers' host."""

    base_url: str = ""

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or HOST_WITHOUT_BASE_URL

    def url(self, name: str, *args: object) -> str | None:
        if not self.base_url:
            return None
        return self.base_url.rstrip("/") + reverse(name, args=args)


def series_calendar(series: Series, *, user: AnyUser | None = None, base_url: str = "") -> bytes:
    """Every meeting of the series with a date, one event each."""
    meetings = list(readable_meetings(user).filter(series=series))
    site = Site(base_url)
    calendar = _calendar(str(series), site.url("public:series", series.slug))
    events = [_meeting_event(meeting, site) for meeting in meetings if meeting.date]
    return _finish(calendar, events, [series.timezone], meetings)


def meeting_calendar(meeting: Meeting, *, user: AnyUser | None = None, base_url: str = "") -> bytes:
    """The meeting (when it has a date) and each segment of its programme with a time."""
    meetings = list(readable_meetings(user).filter(pk=meeting.pk))
    site = Site(base_url)
    url = site.url("public:meeting", meeting.series.slug, meeting.number)
    calendar = _calendar(meeting.title, url)
    events: list[Event] = []
    for dated in (shown for shown in meetings if shown.date):
        events.append(_meeting_event(dated, site))
        events.extend(_segment_event(dated, slot, site) for slot in timetable(dated))
    return _finish(calendar, events, [meeting.series.timezone], meetings)


def person_calendar(person: Person, *, user: AnyUser | None = None, base_url: str = "") -> bytes:
    """Each meeting the person takes part in (any part the person's page lists),
    and each segment with a time in which they have a role or took the floor."""
    user = user or AnonymousUser()
    appearances = appearances_of(person, user=user)
    segment_ids = {
        appearance.segment.pk
        for group in appearances
        for appearance in group.appearances
        if appearance.segment is not None
    }
    meetings = list(
        readable_meetings(user).filter(pk__in=[group.meeting.pk for group in appearances])
    )
    site = Site(base_url)
    calendar = _calendar(person.formal_name, site.url("public:person", person.key))
    events: list[Event] = []
    for meeting in (meeting for meeting in meetings if meeting.date):
        events.append(_meeting_event(meeting, site))
        events.extend(
            _segment_event(meeting, slot, site)
            for slot in timetable(meeting)
            if slot.segment.pk in segment_ids
        )
    zones = sorted({meeting.series.timezone for meeting in meetings})
    return _finish(calendar, events, zones, meetings)


def meeting_uid(meeting: Meeting, host: str) -> str:
    return f"{meeting.series.slug}-meeting-{meeting.number}@{host}"


def segment_uid(meeting: Meeting, segment: Segment, host: str) -> str:
    return f"{meeting.series.slug}-meeting-{meeting.number}-{segment.key}@{host}"


def _calendar(name: str, url: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    if url:
        calendar.add("url", url)
    return calendar


def _finish(
    calendar: Calendar, events: list[Event], zones: list[str], meetings: list[Meeting]
) -> bytes:
    """Add the time zones, then the events, and write the calendar out."""
    first, last = _zone_window([meeting.date for meeting in meetings if meeting.date])
    if len(zones) == 1:
        calendar.add("x-wr-timezone", zones[0])
    for zone in zones:
        if zone not in UTC_NAMES:  # UTC times are written with a Z and need no definition
            calendar.add_component(_zone_definition(zone, first, last))
    _number_revisions(events)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _zone_definition(zone: str, first: datetime.date, last: datetime.date) -> Timezone:
    definition = Timezone.from_tzid(zone, first_date=first, last_date=last)
    definition.pop("COMMENT", None)  # not a property of VTIMEZONE (RFC 5545, 3.6.5)
    return definition


def _number_revisions(events: list[Event]) -> None:
    """Give each event its SEQUENCE, and the time of its last rescheduling as
    DTSTAMP and LAST-MODIFIED when that is later than its meeting's change."""
    schedules = {_entry_key(event): _schedule(event) for event in events}
    found = revisions(schedules)
    for event in events:
        revision = found[_entry_key(event)]
        event.add("sequence", revision.sequence)
        rescheduled = revision.rescheduled_at
        if rescheduled is not None and rescheduled > event.decoded("LAST-MODIFIED"):
            for name in ("dtstamp", "last-modified"):
                event.pop(name)
                event.add(name, rescheduled.astimezone(datetime.UTC).replace(microsecond=0))


def _entry_key(event: Event) -> str:
    """The event's UID without its host, which depends on the address asked."""
    return str(event["UID"]).rsplit("@", 1)[0]


def _schedule(event: Event) -> str:
    times = [event.decoded(name).isoformat() for name in ("DTSTART", "DTEND") if name in event]
    return " ".join([*times, str(event["STATUS"])])


def _zone_window(dates: list[datetime.date]) -> tuple[datetime.date, datetime.date]:
    """The years the time-zone definitions must cover: those of the meetings
    (this year's when none has a date yet)."""
    years = [date.year for date in dates] or [timezone.now().year]
    return datetime.date(min(years), 1, 1), datetime.date(max(years) + 1, 1, 1)


def _meeting_event(meeting: Meeting, site: Site) -> Event:
    if meeting.date is None:
        raise ValueError(f"{meeting} has no date, so no event")
    slots = timetable(meeting)
    event = _event(
        meeting,
        uid=meeting_uid(meeting, site.host),
        summary=meeting.title,
        description=_meeting_description(meeting, slots),
        url=site.url("public:meeting", meeting.series.slug, meeting.number),
    )
    start = meeting_start(meeting)
    if start is None:
        _times(event, meeting.date, meeting.date + datetime.timedelta(days=1))
    else:
        _times(event, start, meeting_end(meeting, slots))
    return event


def _segment_event(meeting: Meeting, slot: Slot, site: Site) -> Event:
    event = _event(
        meeting,
        uid=segment_uid(meeting, slot.segment, site.host),
        summary=f"{slot.segment.heading} ({_('Meeting %(number)s') % {'number': meeting.number}})",
        description=_segment_description(meeting, slot.segment),
        url=site.url("public:meeting", meeting.series.slug, meeting.number),
    )
    _times(event, slot.start, slot.end)
    event.add("related-to", meeting_uid(meeting, site.host))
    return event


def _times(event: Event, start: datetime.date, end: datetime.date | None) -> None:
    """DTSTART and, when it is later, DTEND: a date-time in its zone, or a date."""
    event.add("dtstart", start)
    if end is not None and end > start:
        event.add("dtend", end)


def _event(meeting: Meeting, *, uid: str, summary: str, description: str, url: str | None) -> Event:
    """An event with what a meeting and its segments share: place, status, last change."""
    changed = meeting.updated_at.astimezone(datetime.UTC)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("status", event_status(meeting))
    event.add("summary", summary)
    location = ", ".join(part for part in (meeting.room, meeting.venue) if part)
    if location:
        event.add("location", location)
    event.add("description", "\n".join(filter(None, [description, url])))
    if url:
        event.add("url", url)
    return event


def event_status(meeting: Meeting) -> str:
    """CANCELLED for a cancelled meeting, so that subscribers strike it out;
    TENTATIVE while its room or time is to be confirmed; CONFIRMED otherwise."""
    if meeting.status == MeetingStatus.CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if is_tentative(meeting) else "CONFIRMED"


def is_tentative(meeting: Meeting) -> bool:
    """Whether the room (unless the meeting has none by design) or the time is still
    to be confirmed."""
    has_room = bool(meeting.room) or meeting.has_no_room
    return not (has_room and meeting.start_time and meeting.end_time)


def _meeting_description(meeting: Meeting, slots: list[Slot]) -> str:
    co_organisers = [link.organisation.label for link in meeting.co_organiser_links.all()]
    co_chairs = [
        f"{co_chair.state.name} ({co_chair.person.formal_name})"
        if co_chair.person
        else co_chair.state.name
        for co_chair in meeting.co_chairs.all()
    ]
    times = {slot.segment.pk: slot for slot in slots}
    programme = [
        _timed(segment.heading, times.get(segment.pk)) for segment in meeting.segments.all()
    ]
    lines = []
    if meeting.moderator:
        lines.append(f"{meeting.get_moderator_role_display()}: {meeting.moderator.formal_name}")
    if co_organisers:
        lines.append(f"{_('Co-organisers')}: {', '.join(co_organisers)}")
    if co_chairs:
        lines.append(f"{_('Co-chairs')}: {', '.join(co_chairs)}")
    if programme:
        lines.extend([f"{_('Programme')}:", *programme])
    return "\n".join(lines)


def _timed(heading: str, slot: Slot | None) -> str:
    if slot is None:
        return f"- {heading}"
    return f"- {time_range(slot.start, slot.end)} {heading}"


def _segment_description(meeting: Meeting, segment: Segment) -> str:
    heading = _("Meeting %(number)s: %(title)s") % {
        "number": meeting.number,
        "title": meeting.title,
    }
    return "\n".join(filter(None, [heading, roles_text(segment)]))
