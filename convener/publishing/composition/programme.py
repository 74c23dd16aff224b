"""A meeting's concept note and programme, as the secretariat circulates them before the day."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.meetings.domain.timetable import timetable
from convener.meetings.models import Meeting, Participation, ProgrammeRole, Series
from convener.meetings.wording import is_to_be_confirmed, place_in_words
from convener.publishing.composition.acronyms import Acronyms
from convener.publishing.composition.introductions import described
from convener.publishing.composition.languages import (
    prose_blocks,
    prose_heading,
    prose_in,
    title_of,
)
from convener.publishing.composition.wording import (
    co_chairs_line,
    co_organisers_line,
    facts_joined,
    meeting_date,
    meeting_notice,
    meeting_place,
    meeting_time,
    optional_facts,
    part_of_runs,
    segment_time,
    speaking_limit,
)
from convener.publishing.document import (
    Block,
    Document,
    Facts,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Text,
)


def described_place(place: Participation, acronyms: Acronyms) -> str:
    """A place as a programme lists it: the person described, with the capacity
    they hold at the meeting, or what stands in for them."""
    return place_in_words(
        place, person_words=lambda person: described(person, acronyms, [place.capacity])
    )


def _place_item(place: Participation, acronyms: Acronyms) -> list[Inline]:
    """ "Chair: Ms. A" for who leads the segment and "Panellist: TBC" for a place
    no one is known for, else who holds it; then the speaking limit,
    " (at most 7 minutes)"."""
    item: list[Inline] = []
    if place.role in ProgrammeRole.presiding() or is_to_be_confirmed(place):
        item.append(Text(f"{place.get_role_display()}: ", bold=True))
    item.append(Text(described_place(place, acronyms)))
    if place.speaking_time:
        item.append(Text(f" ({speaking_limit(place.speaking_time)})"))
    return item


def event_details(meeting: Meeting, acronyms: Acronyms) -> list[Block]:
    """The meeting's facts, then what its format means for those who attend;
    "TBC" for what is to be confirmed, no row for what it has none of.
    Co-organisers are spelled out at their first mention."""
    return [_event_facts(meeting, acronyms), *prose_blocks(meeting, "format_note")]


def _event_facts(meeting: Meeting, acronyms: Acronyms) -> Facts:
    return optional_facts(
        [
            (_("Part of"), part_of_runs(meeting)),
            (_("Date"), meeting_date(meeting, weekday=True)),
            (_("Time"), meeting_time(meeting)),
            (_("Venue"), meeting_place(meeting)),
            (_("Format"), str(meeting.get_format_display())),
            (_("Co-organisers"), co_organisers_line(meeting, acronyms=acronyms)),
            (_("Co-chairs"), co_chairs_line(meeting)),
        ]
    )


def programme_blocks(meeting: Meeting, acronyms: Acronyms, *, level: int = 1) -> list[Block]:
    """The participants in programme order: who leads the whole meeting, then
    each segment with its time and the people taking part in it, each with
    their speaking limit."""
    blocks: list[Block] = [
        Heading(level, _("Participants"), anchor=f"participants-{meeting.number}")
    ]
    if meeting.moderator:
        label = str(meeting.get_moderator_role_display())
        blocks.append(Heading(level + 1, label, in_contents=False))
        blocks.append(ItemList([[Text(described(meeting.moderator, acronyms))]]))
    slots = {slot.segment.pk: slot for slot in timetable(meeting)}
    for segment in meeting.segments.all():
        blocks.append(Heading(level + 1, segment.heading, in_contents=False))
        when = segment_time(segment, slots.get(segment.pk))
        if when:
            blocks.append(Paragraph([Text(when)], "note"))
        items = [_place_item(place, acronyms) for place in segment.participations.all()]
        if items:
            blocks.append(ItemList(items))
    return blocks


def notice_blocks(meeting: Meeting) -> list[Paragraph]:
    """The meeting is cancelled or postponed, in bold, before anything else of it."""
    notice = meeting_notice(meeting)
    return [Paragraph([Text(notice, bold=True)], "note")] if notice else []


def _title_block(meeting: Meeting) -> list[Paragraph]:
    line = facts_joined(
        [meeting_date(meeting), meeting_time(meeting), meeting_place(meeting)], " | "
    )
    cover = [*notice_blocks(meeting)]
    if meeting.part_of:
        cover.append(Paragraph([Text(_("A session of ")), *part_of_runs(meeting)], "lead"))
    cover.append(Paragraph([Text(line)], "lead"))
    return cover


def meeting_concept_note(series: Series, meeting: Meeting) -> Document:
    """The concept note of one meeting with its programme (background, scope,
    objectives, event details, participants)."""
    blocks: list[Block] = []
    acronyms = Acronyms()
    for section in meeting.sections.all():
        blocks.append(prose_heading(section, "heading"))
        blocks.extend(prose_blocks(section, "body"))
        acronyms.read(prose_in(section, "body").text)
    blocks.append(Heading(1, _("Event details"), in_contents=False))
    blocks.extend(event_details(meeting, acronyms))
    blocks.extend(programme_blocks(meeting, acronyms))
    return Document(
        title=title_of(meeting),
        subtitle=_("Concept note and programme"),
        cover=_title_block(meeting),
        running_header=title_of(meeting),
        blocks=blocks,
        cover_page=False,  # a few pages: the text follows the title block
    )


def programme(series: Series, meetings: list[Meeting]) -> Document:
    """The programme of one meeting, or of every meeting of the series."""
    blocks: list[Block] = []
    single = len(meetings) == 1
    acronyms = Acronyms()
    for meeting in meetings:
        if not single:
            blocks.append(Heading(1, title_of(meeting), anchor=f"meeting-{meeting.number}"))
            blocks.extend(notice_blocks(meeting))
        blocks.extend(event_details(meeting, acronyms))
        blocks.extend(programme_blocks(meeting, acronyms, level=1 if single else 2))
    title = title_of(meetings[0]) if single else str(series)
    return Document(
        title=title,
        subtitle=_("Programme"),
        cover=_title_block(meetings[0]) if single else [],
        running_header=title,
        blocks=blocks,
        cover_page=False,  # a few pages: the text follows the title block
    )
