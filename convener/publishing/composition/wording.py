"""How documents word dates, times, lists and the facts of a meeting's header block."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from convener.directory.models import Person
from convener.meetings.domain.timetable import Slot
from convener.meetings.models import Meeting, Role, Segment
from convener.publishing.document import Facts, Inline, Text

_ORDINALS = (
    pgettext_lazy("meeting", "First"),
    pgettext_lazy("meeting", "Second"),
    pgettext_lazy("meeting", "Third"),
    pgettext_lazy("meeting", "Fourth"),
    pgettext_lazy("meeting", "Fifth"),
    pgettext_lazy("meeting", "Sixth"),
    pgettext_lazy("meeting", "Seventh"),
    pgettext_lazy("meeting", "Eighth"),
    pgettext_lazy("meeting", "Ninth"),
    pgettext_lazy("meeting", "Tenth"),
)


def to_be_confirmed() -> str:
    return _("TBC")


def ordinal(number: int) -> str:
    """ "First", "Second"… for the first ten meetings, "Meeting 11" beyond."""
    if 1 <= number <= len(_ORDINALS):
        return str(_ORDINALS[number - 1])
    return _("Meeting %(number)s") % {"number": number}


def meeting_date(meeting: Meeting, *, weekday: bool = False) -> str:
    if meeting.date is None:
        return to_be_confirmed()
    return date_format(meeting.date, "l j F Y" if weekday else "j F Y")


def meeting_time(meeting: Meeting) -> str:
    if meeting.start_time is None:
        return to_be_confirmed()
    start = meeting.start_time.strftime("%H:%M")
    return f"{start}–{meeting.end_time.strftime('%H:%M')}" if meeting.end_time else start


def meeting_place(meeting: Meeting) -> str:
    parts = [meeting.room or to_be_confirmed(), meeting.venue or meeting.series.venue]
    return ", ".join(part for part in parts if part)


def joined(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def co_organiser_names(meeting: Meeting, *, full: bool = False) -> list[str]:
    return [
        (
            f"{link.organisation.name} ({link.organisation.acronym})"
            if full and link.organisation.acronym
            else link.organisation.label
        )
        for link in meeting.co_organiser_links.all()
    ]


def co_chair_names(meeting: Meeting) -> list[str]:
    return [co_chair.state.name for co_chair in meeting.co_chairs.all()]


def header_facts(meeting: Meeting) -> Facts:
    """The block that opens a meeting's chapter or programme."""
    return Facts(
        [
            (_("Date"), [Text(meeting_date(meeting))]),
            (_("Time"), [Text(meeting_time(meeting))]),
            (_("Place"), [Text(meeting_place(meeting))]),
            (_("Co-organisers"), _or_tbc(joined(co_organiser_names(meeting)))),
            (_("Co-chairs"), _or_tbc(joined(co_chair_names(meeting)))),
        ]
    )


def _or_tbc(text: str) -> list[Inline]:
    return [Text(text or to_be_confirmed())]


def presiding(segment: Segment) -> list[tuple[str, list[Person]]]:
    """Who leads the segment, by role in the order the roles first come:
    `[("Chair", [person]), ("Facilitator", [person, person])]`."""
    leads: dict[str, list[Person]] = {}
    for participation in segment.participations.all():
        if participation.role in Role.presiding():
            label = str(participation.get_role_display())
            leads.setdefault(label, []).append(participation.person)
    return list(leads.items())


def minutes(count: int) -> str:
    """ "1 minute", "8 minutes"."""
    return ngettext("%(count)s minute", "%(count)s minutes", count) % {"count": count}


def speaking_limit(count: int) -> str:
    """A speaker's limit, as the programme states it: "at most 7 minutes"."""
    return _("at most %(minutes)s") % {"minutes": minutes(count)}


def segment_time(segment: Segment, slot: Slot | None) -> str:
    """When the segment takes place, "10:00–11:15", else its length, "75 minutes", else ""."""
    if slot is not None:
        return f"{slot.start:%H:%M}–{slot.end:%H:%M}"
    return minutes(segment.duration) if segment.duration else ""
