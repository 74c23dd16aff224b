"""The concept note of a series: its sections, with the topics written from the meetings."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.meetings.models import Meeting, SectionKind, SegmentKind, Series
from convener.publishing.composition.wording import (
    co_chair_names,
    co_organiser_names,
    joined,
    meeting_date,
    meeting_notice,
    meeting_place,
    meeting_time,
    to_be_confirmed,
)
from convener.publishing.document import (
    Block,
    Document,
    Heading,
    ItemList,
    Paragraph,
    Text,
    blocks_from_markdown,
)


def topic_blocks(meeting: Meeting) -> list[Block]:
    """One meeting as the concept note's topics list it; TBC where not yet known."""
    when = f"{meeting_date(meeting)}, {meeting_time(meeting)}, {meeting_place(meeting)}"
    blocks: list[Block] = [Paragraph([Text(f"{when} — "), Text(meeting.title, bold=True)])]
    notice = meeting_notice(meeting)
    if notice:
        blocks.append(Paragraph([Text(notice, italic=True)]))
    panels = [s.heading for s in meeting.segments.all() if s.kind == SegmentKind.PANEL]
    if panels:
        blocks.append(ItemList([[Text(panel)] for panel in panels]))
    organisers = joined(co_organiser_names(meeting)) or to_be_confirmed()
    co_chairs = joined(co_chair_names(meeting)) or to_be_confirmed()
    blocks.append(
        Paragraph(
            [
                Text(_("Organisers: "), italic=True),
                Text(organisers),
                Text(". "),
                Text(_("Co-chairs: "), italic=True),
                Text(co_chairs),
                Text("."),
            ]
        )
    )
    return blocks


def series_concept_note(series: Series, meetings: list[Meeting]) -> Document:
    blocks: list[Block] = []
    for section in series.series_sections:  # type: ignore[attr-defined]
        blocks.append(Heading(1, section.heading, in_contents=False))
        blocks.extend(blocks_from_markdown(section.body))
        if section.kind == SectionKind.TOPICS:
            for meeting in meetings:
                blocks.extend(topic_blocks(meeting))
    subtitle = _("Concept note")
    return Document(
        title=series.title,
        subtitle=subtitle,
        running_header=f"{series} — {subtitle}",
        blocks=blocks,
    )
