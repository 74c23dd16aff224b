"""The concept note of a series: its sections, with the topics written from the meetings."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.meetings.models import Meeting, SectionKind, SegmentKind, Series
from convener.publishing.composition.acronyms import Acronyms
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
    meeting_time,
    place_parts,
)
from convener.publishing.document import (
    Block,
    Document,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Text,
)


def topic_blocks(meeting: Meeting, acronyms: Acronyms) -> list[Block]:
    """One meeting as the concept note's topics list it, with its panels when
    it has several; TBC where not yet known, co-organisers spelled out at
    their first mention in the note."""
    when = facts_joined([meeting_date(meeting), meeting_time(meeting), *place_parts(meeting)])
    blocks: list[Block] = [Paragraph([Text(f"{when} — "), Text(title_of(meeting), bold=True)])]
    notice = meeting_notice(meeting)
    if notice:
        blocks.append(Paragraph([Text(notice, italic=True)]))
    panels = [s.heading for s in meeting.segments.all() if s.kind == SegmentKind.PANEL]
    # One panel is the section of the meeting's speakers ("Speakers"), not a
    # theme: the report's summary names none either.
    if len(panels) > 1:
        blocks.append(ItemList([[Text(panel)] for panel in panels]))
    runs: list[Inline] = []
    for label, value in (
        (_("Organisers: "), co_organisers_line(meeting, acronyms=acronyms)),
        (_("Co-chairs: "), co_chairs_line(meeting)),
    ):
        if value is not None:  # None: the meeting has none by design
            runs += [Text(" ")] if runs else []
            runs += [Text(label, italic=True), Text(f"{value}.")]
    if runs:
        blocks.append(Paragraph(runs))
    return blocks


def series_concept_note(series: Series, meetings: list[Meeting]) -> Document:
    """The series' sections, its meetings under *Topics*; a series without
    concept-note text lists its meetings alone."""
    sections = series.series_sections  # type: ignore[attr-defined]
    acronyms = Acronyms()
    blocks: list[Block] = []
    for section in sections:
        blocks.append(prose_heading(section, "heading"))
        blocks.extend(prose_blocks(section, "body"))
        acronyms.read(prose_in(section, "body").text)
        if section.kind == SectionKind.TOPICS:
            for meeting in meetings:
                blocks.extend(topic_blocks(meeting, acronyms))
    if not sections:
        blocks.append(Heading(1, _("Meetings"), in_contents=False))
        for meeting in meetings:
            blocks.extend(topic_blocks(meeting, acronyms))
    subtitle = _("Concept note")
    return Document(
        title=series.title,
        subtitle=subtitle,
        running_header=f"{series} — {subtitle}",
        blocks=blocks,
        cover_page=False,  # a few pages: the text follows the title block
    )
