"""A meeting's concept note and programme, as the secretariat circulates them before the day."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.directory.models import Person
from convener.meetings.models import Meeting, Participation, Role, Series
from convener.meetings.wording import is_to_be_confirmed, place_in_words
from convener.publishing.composition.introductions import Introductions
from convener.publishing.composition.wording import (
    co_chair_names,
    co_organiser_names,
    joined,
    meeting_date,
    meeting_place,
    meeting_time,
    to_be_confirmed,
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
    blocks_from_markdown,
)


def described(person: Person) -> str:
    """A person as a programme lists them: honorific, name, position, organisation."""
    return Introductions().name(person)


def described_place(place: Participation) -> str:
    """A place as a programme lists it: the person described, or what stands in for them."""
    return place_in_words(place, person_words=described)


def _place_item(place: Participation) -> list[Inline]:
    """A moderator, and a place no one is known for, say their role:
    "Moderator: …", "Panellist: TBC"."""
    if place.role == Role.MODERATOR or is_to_be_confirmed(place):
        return [
            Text(f"{place.get_role_display()}: ", bold=True),
            Text(described_place(place)),
        ]
    return [Text(described_place(place))]


def event_details(meeting: Meeting) -> Facts:
    return Facts(
        [
            (_("Date"), [Text(meeting_date(meeting, weekday=True))]),
            (_("Time"), [Text(meeting_time(meeting))]),
            (_("Venue"), [Text(meeting_place(meeting))]),
            (_("Format"), [Text(str(meeting.get_format_display()))]),
            (_("Co-organisers"), [Text(joined(co_organiser_names(meeting, full=True)))]),
            (_("Co-chairs"), [Text(joined(co_chair_names(meeting)) or to_be_confirmed())]),
        ]
    )


def programme_blocks(meeting: Meeting, *, level: int = 1) -> list[Block]:
    """The participants in programme order: the meeting's moderator, then each
    segment with the people taking part in it."""
    blocks: list[Block] = [
        Heading(level, _("Participants"), anchor=f"participants-{meeting.number}")
    ]
    if meeting.moderator:
        blocks.append(Heading(level + 1, _("Moderator"), in_contents=False))
        blocks.append(ItemList([[Text(described(meeting.moderator))]]))
    for segment in meeting.segments.all():
        blocks.append(Heading(level + 1, segment.heading, in_contents=False))
        items = [_place_item(place) for place in segment.participations.all()]
        if items:
            blocks.append(ItemList(items))
    return blocks


def _title_block(meeting: Meeting) -> list[Paragraph]:
    line = " | ".join([meeting_date(meeting), meeting_time(meeting), meeting_place(meeting)])
    cover = [Paragraph([Text(line)], "lead")]
    if meeting.format_note:
        cover.append(Paragraph([Text(meeting.format_note)], "note"))
    return cover


def meeting_concept_note(series: Series, meeting: Meeting) -> Document:
    """The concept note of one meeting with its programme (background, scope,
    objectives, event details, participants)."""
    blocks: list[Block] = []
    for section in meeting.sections.all():
        blocks.append(Heading(1, section.heading, in_contents=False))
        blocks.extend(blocks_from_markdown(section.body))
    blocks.append(Heading(1, _("Event details"), in_contents=False))
    blocks.append(event_details(meeting))
    blocks.extend(programme_blocks(meeting))
    return Document(
        title=meeting.title,
        subtitle=_("Concept note and programme"),
        cover=_title_block(meeting),
        running_header=meeting.title,
        blocks=blocks,
    )


def programme(series: Series, meetings: list[Meeting]) -> Document:
    """The programme of one meeting, or of every meeting of the series."""
    blocks: list[Block] = []
    single = len(meetings) == 1
    for meeting in meetings:
        if not single:
            blocks.append(Heading(1, meeting.title, anchor=f"meeting-{meeting.number}"))
        blocks.append(event_details(meeting))
        blocks.extend(programme_blocks(meeting, level=1 if single else 2))
    title = meetings[0].title if single else str(series)
    return Document(
        title=title,
        subtitle=_("Programme"),
        cover=_title_block(meetings[0]) if single else [],
        running_header=title,
        blocks=blocks,
    )
