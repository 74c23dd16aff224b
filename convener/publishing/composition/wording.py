"""How documents word dates, times, lists and the facts of a meeting's header block."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from convener.meetings.models import Meeting
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
    if meeting.end_time is None:
        return start
    end = meeting.end_time.strftime("%H:%M")
    if meeting.ends_next_day:
        return _("%(start)s–%(end)s the next day") % {"start": start, "end": end}
    return f"{start}–{end}"


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
