"""How documents word dates, times, lists and the facts of a meeting's header block."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from convener.directory.models import Organisation
from convener.directory.naming import organisation_in_text, state_in_list
from convener.meetings.domain.timetable import Slot
from convener.meetings.models import (
    CoChair,
    Meeting,
    MeetingStatus,
    Participation,
    ProgrammeRole,
    Segment,
)
from convener.prose.formats import listed, long_date, time_of_day, time_range, weekday_date
from convener.prose.links import followable
from convener.publishing.composition.acronyms import Acronyms
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


# A full stop right after a word's own ("2016 г.."), not in an ellipsis.
_SECOND_FULL_STOP = re.compile(r"(?<=[^.\s]\.)\.(?!\.)")


def sentence(text: str) -> str:
    """A computed sentence in which a date ending with its own full stop
    ("13 июля 2016 г.") ends the sentence, without a second one."""
    return _SECOND_FULL_STOP.sub("", text)


def meeting_date(meeting: Meeting, *, weekday: bool = False) -> str:
    if meeting.date is None:
        return to_be_confirmed()
    return weekday_date(meeting.date) if weekday else long_date(meeting.date)


def meeting_notice(meeting: Meeting) -> str:
    """What a reader must know first: the meeting is cancelled, or postponed
    from the date last announced ("" when neither). The date comes from
    `meetings.queries.meetings.with_postponement`, else from the history."""
    if meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting is cancelled.")
    if hasattr(meeting, "postponed_from"):
        earlier = meeting.postponed_from
    else:
        latest = meeting.postponements.order_by("-postponed_at", "-pk").first()
        earlier = latest.date if latest else None
    if earlier is None:
        return ""
    return sentence(_("Postponed from %(date)s.") % {"date": long_date(earlier)})


def meeting_time(meeting: Meeting) -> str:
    if meeting.start_time is None:
        return to_be_confirmed()
    if meeting.end_time is None:
        return time_of_day(meeting.start_time)
    return time_range(meeting.start_time, meeting.end_time, next_day=meeting.ends_next_day)


def place_parts(meeting: Meeting) -> list[str]:
    """Room and venue, "TBC" for a room not yet known; a room the meeting has
    none of is left out."""
    room = meeting.room or ("" if meeting.has_no_room else to_be_confirmed())
    return [part for part in (room, meeting.venue or meeting.series.venue) if part]


def meeting_place(meeting: Meeting) -> str:
    """Room and venue; a place of which nothing is known yet is "TBC"."""
    return facts_joined(place_parts(meeting)) or to_be_confirmed()


def facts_joined(facts: Iterable[str], separator: str = ", ") -> str:
    """The facts in order, empty ones left out, and a run of facts to be
    confirmed said once: "20 July 2016, TBC, United Nations Headquarters"
    when both the time and the room are unknown, never "TBC, TBC"."""
    unknown = to_be_confirmed()
    kept: list[str] = []
    for fact in facts:
        if fact and not (fact == unknown and kept and kept[-1] == unknown):
            kept.append(fact)
    return separator.join(kept)


def joined(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C", as the document's language lists names."""
    return listed(items)


def co_organiser_names(
    meeting: Meeting,
    *,
    full: bool = False,
    in_text: bool = False,
    acronyms: Acronyms | None = None,
) -> list[str]:
    """By acronym, or by `full` name and acronym; `in_text` with the article a
    sentence gives the name ("the United Nations Department of … (DESA)"); with
    the document's `acronyms`, in full at their first mention in it only."""
    organisations = [link.organisation for link in meeting.co_organiser_links.all()]
    if acronyms is not None:
        return [acronyms.name(organisation, in_sentence=in_text) for organisation in organisations]
    return [_organiser_name(organisation, full, in_text) for organisation in organisations]


def _organiser_name(organisation: Organisation, full: bool, in_text: bool) -> str:
    if not full:
        return organisation.label
    name = organisation_in_text(organisation) if in_text else organisation.name_in_language
    acronym = organisation.acronym_in_language
    return f"{name} ({acronym})" if acronym else name


def co_chair_name(co_chair: CoChair, meeting: Meeting) -> str:
    """The co-chairing State as lists name it on the meeting's date: by its
    formal name where the secretariat chose it ("Kingdom of the Netherlands")."""
    return state_in_list(co_chair.state, on=meeting.date, formal=co_chair.named_formally)


def co_chair_names(meeting: Meeting) -> list[str]:
    """The co-chairing States as they were named on the meeting's date."""
    return [co_chair_name(co_chair, meeting) for co_chair in meeting.co_chairs.all()]


def co_organisers_line(meeting: Meeting, *, acronyms: Acronyms | None = None) -> str | None:
    """The co-organisers as a document lists them: their names, "TBC" while
    they are to be confirmed, None for a meeting that has none by design."""
    names = co_organiser_names(meeting, acronyms=acronyms)
    return _listed_or_tbc(names, meeting.has_no_co_organisers)


def co_chairs_line(meeting: Meeting) -> str | None:
    """The co-chairing States, "TBC", or None for a meeting without co-chairs by design."""
    return _listed_or_tbc(co_chair_names(meeting), meeting.has_no_co_chairs)


def _listed_or_tbc(names: list[str], not_applicable: bool) -> str | None:
    # What is known is shown even if the meeting says it has none: facts win over the flag.
    if names:
        return joined(names)
    return None if not_applicable else to_be_confirmed()


def part_of_runs(meeting: Meeting) -> list[Inline]:
    """The larger event the meeting is a session of, linked to its page if it has one."""
    if not meeting.part_of:
        return []
    return [Text(meeting.part_of, href=followable(meeting.part_of_link))]


def optional_facts(rows: list[tuple[str, list[Inline] | str | None]]) -> Facts:
    """A header block without the rows the meeting has nothing for by design."""
    return Facts(
        [
            (label, [Text(value)] if isinstance(value, str) else value)
            for label, value in rows
            if value
        ]
    )


def header_facts(meeting: Meeting, acronyms: Acronyms | None = None) -> Facts:
    """The block that opens a meeting's chapter or programme; with the
    document's `acronyms`, co-organisers in full at their first mention."""
    return optional_facts(
        [
            (_("Part of"), part_of_runs(meeting)),
            (_("Date"), meeting_date(meeting)),
            (_("Time"), meeting_time(meeting)),
            (_("Place"), meeting_place(meeting)),
            (_("Co-organisers"), co_organisers_line(meeting, acronyms=acronyms)),
            (_("Co-chairs"), co_chairs_line(meeting)),
        ]
    )


def presiding(segment: Segment) -> list[tuple[str, list[Participation]]]:
    """The places of those who lead the segment, by role in the order the roles
    first come: `[("Chair", [place]), ("Facilitator", [place, place])]`."""
    leads: dict[str, list[Participation]] = {}
    for participation in segment.participations.all():
        if participation.role in ProgrammeRole.presiding():
            label = str(participation.get_role_display())
            leads.setdefault(label, []).append(participation)
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
        return time_range(slot.start, slot.end)
    return minutes(segment.duration) if segment.duration else ""
