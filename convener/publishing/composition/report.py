"""The report of a series: facts from the records, prose from the rapporteur.

Who co-chaired, co-organised, spoke and took the floor is written from the
records; what they said, the introduction and any edited acknowledgements are
the rapporteur's Markdown. Editing the prose never touches the facts.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convener.meetings.models import (
    Meeting,
    MeetingStatus,
    ProgrammeRole,
    Segment,
    SegmentKind,
    Series,
)
from convener.meetings.wording import place_in_words
from convener.prose.nouns import PANEL
from convener.prose.numbers import count_in_running_text
from convener.publishing.composition.acronyms import Acronyms
from convener.publishing.composition.commitments import commitments_annex
from convener.publishing.composition.cover import (
    chair_of,
    convened_line,
    imprint_blocks,
    report_title_lines,
)
from convener.publishing.composition.figures_annex import figures_annex_blocks, wants_figures_annex
from convener.publishing.composition.introductions import Introductions
from convener.publishing.composition.languages import item_list, prose_blocks, prose_in, title_of
from convener.publishing.composition.participation import (
    is_told,
    participation_runs,
    statement_notes,
)
from convener.publishing.composition.wording import (
    co_chair_name,
    co_organiser_names,
    header_facts,
    joined,
    meeting_date,
    meeting_notice,
    ordinal,
    presiding,
    sentence,
)
from convener.publishing.document import (
    Block,
    Contents,
    Document,
    Footnote,
    Heading,
    Inline,
    ItemList,
    PageBreak,
    Paragraph,
    Text,
    plain,
)
from convener.publishing.models import ReportText, ReportTextKind
from convener.records.models import Intervention, InterventionKind

# The parts of a programme in which the floor speaks: the rapporteur's account
# of the segment leads, and the turns follow it as the rest of that one account.
_DEBATES = frozenset({SegmentKind.INTERACTIVE_DEBATE, SegmentKind.DISCUSSION})


def _chair_label(series: Series) -> str:
    chair = chair_of(series)
    return chair.label if chair else ""


def _edited(series: Series, kind: str) -> ReportText | None:
    """The rapporteur's text of this kind, if written."""
    return next(
        (text for text in series.report_texts.all() if text.kind == kind and text.body), None
    )


def acknowledgement_blocks(
    series: Series, meetings: list[Meeting], acronyms: Acronyms
) -> list[Block]:
    """The acknowledgements the records support; the rapporteur's text replaces them."""
    edited = _edited(series, ReportTextKind.ACKNOWLEDGEMENTS)
    if edited:
        acronyms.read(prose_in(edited, "body").text)
        return prose_blocks(edited, "body")
    return generated_acknowledgements(series, meetings, acronyms)


def generated_acknowledgements(
    series: Series, meetings: list[Meeting], acronyms: Acronyms | None = None
) -> list[Block]:
    """The acknowledgements as the records write them, whatever text is stored:
    also the text the rapporteur starts editing from. The co-organisers are
    spelled out, unless the document's `acronyms` did already."""
    acronyms = acronyms or Acronyms()
    thanking = _chair_label(series) or _("The secretariat")
    introductions = Introductions()
    # A co-chair is thanked by name; a State whose representative was never recorded, as a State.
    # A cancelled meeting was not chaired.
    co_chairs = [
        introductions.name(co_chair.person) if co_chair.person else co_chair_name(co_chair, meeting)
        for meeting in meetings
        if meeting.status != MeetingStatus.CANCELLED
        for co_chair in meeting.co_chairs.all()
    ]
    blocks: list[Block]
    if co_chairs:
        blocks = [
            Paragraph(
                [
                    Text(
                        _(
                            "%(thanking)s thanks the Member States that took part in the "
                            "meetings, and the co-Chairs of the meetings:"
                        )
                        % {"thanking": thanking}
                    )
                ]
            ),
            ItemList([[Text(name)] for name in co_chairs]),
        ]
    else:  # meetings without co-chairs: no list announced that would stay empty
        blocks = [
            Paragraph(
                [
                    Text(
                        _("%(thanking)s thanks the Member States that took part in the meetings.")
                        % {"thanking": thanking}
                    )
                ]
            )
        ]
    if series.rapporteur:
        blocks.append(
            Paragraph(
                [
                    Text(
                        _("%(person)s was rapporteur of the meetings and drafted this report.")
                        % {"person": series.rapporteur.formal_name}
                    )
                ]
            )
        )
    links = [link for meeting in meetings for link in meeting.co_organiser_links.all()]
    unique = dict.fromkeys(link.organisation for link in links)
    organisers = [acronyms.name(organisation, in_sentence=True) for organisation in unique]
    if organisers:
        blocks.append(
            Paragraph(
                [
                    Text(
                        _(
                            "%(thanking)s thanks %(organisers)s for co-organising the meetings, "
                            "and every speaker, moderator and discussant for their contribution."
                        )
                        % {"thanking": thanking, "organisers": joined(organisers)}
                    )
                ]
            )
        )
    blocks.extend(prose_blocks(series, "funders"))
    return blocks


def generated_introduction(series: Series) -> str:
    """The introduction (Markdown) where the rapporteur wrote none: the series' purpose."""
    return series.purpose


def _introduction_blocks(series: Series) -> list[Block]:
    """The rapporteur's introduction, else the series' purpose (`generated_introduction`)."""
    edited = _edited(series, ReportTextKind.INTRODUCTION)
    return prose_blocks(edited, "body") if edited else prose_blocks(series, "purpose")


def _summary_lead(meeting: Meeting) -> Paragraph:
    facts = {
        "ordinal": str(ordinal(meeting.number)).lower(),
        "date": meeting_date(meeting),
        "organisers": joined(co_organiser_names(meeting, full=True, in_text=True)),
    }
    if facts["organisers"]:
        text = _(
            "The %(ordinal)s meeting took place on %(date)s and was co-organised by %(organisers)s."
        )
    else:
        text = _("The %(ordinal)s meeting took place on %(date)s.")
    return Paragraph([Text(sentence(text % facts))])


def _is_panel(segment: Segment) -> bool:
    """A panel by its kind, or by its panellists (a "next steps" segment may be one)."""
    return segment.kind == SegmentKind.PANEL or any(
        place.role == ProgrammeRole.PANELLIST for place in segment.participations.all()
    )


def _panels_sentence(meeting: Meeting) -> list[Block]:
    """ "The meeting had three panels: *A*; *B*; and *C*." Every panel is named,
    by the heading the chapter gives it. A meeting of one panel has no such
    sentence: its one heading is the section of its speakers, not a list of
    themes."""
    panels = [segment.heading for segment in meeting.segments.all() if _is_panel(segment)]
    if len(panels) < 2:
        return []
    count = len(panels)
    words = count_in_running_text(count, PANEL)
    lead = ngettext(
        "The meeting had %(count)s panel: ", "The meeting had %(count)s panels: ", count
    ) % {"count": words}
    runs: list[Inline] = [Text(lead)]
    for index, panel in enumerate(panels):
        if index:
            last = index == count - 1
            runs.append(Text((_(" and ") if count == 2 else _("; and ")) if last else "; "))
        runs.append(Text(panel, italic=True))
    runs.append(Text("."))
    return [Paragraph(runs)]


def _kind_phrases() -> dict[str, str]:
    """What the line naming a speaker adds for a turn that was not a statement
    of its own; the other kinds read as the speaker's words and add nothing."""
    return {
        InterventionKind.POINT_OF_ORDER: _("on a point of order"),
        InterventionKind.RIGHT_OF_REPLY: _("in exercise of the right of reply"),
    }


def _statement_blocks(
    intervention: Intervention,
    introductions: Introductions,
    *,
    in_debate: bool = False,
    note: Footnote | None = None,
) -> list[Block]:
    """A turn as the report tells it: the line naming the speaker, the summary,
    and the numbered points right after the paragraph that announces them (the
    one ending in a colon; else after the summary).

    In a debate the turn is a further paragraph of the debate's one account:
    its words name who spoke, so no line is set above them, unless the turn was
    not a statement of its own (a point of order, a right of reply). `note`, a
    footnote on the capacity the speaker spoke in, ends the turn's first paragraph.
    """
    if not is_told(intervention):
        return []  # a turn the record only counts, as in the participation sentence
    phrase = _kind_phrases().get(intervention.kind)
    blocks: list[Block] = []
    if phrase or not in_debate:
        runs = introductions.speaker_runs(intervention)
        if phrase:
            runs.append(Text(_(", ") + phrase))
        blocks.append(Paragraph(runs, "speaker"))
    blocks.extend(
        _with_points(
            prose_blocks(intervention, "summary"), item_list(intervention, "points", ordered=True)
        )
    )
    if note is not None:
        first = next(block for block in blocks if isinstance(block, (Paragraph, ItemList)))
        if isinstance(first, Paragraph):
            first.runs.append(note)
        else:
            first.items[0].append(note)
    return blocks


def _with_points(summary: list[Block], listed: ItemList | None) -> list[Block]:
    """The summary with its points as a numbered list after their lead-in."""
    if listed is None:
        return summary
    lead_in = next(
        (index for index, block in enumerate(summary) if _announces_list(block)),
        len(summary) - 1,
    )
    return [*summary[: lead_in + 1], listed, *summary[lead_in + 1 :]]


def _announces_list(block: Block) -> bool:
    """A paragraph ending in a colon leads in to the list that follows it."""
    return isinstance(block, Paragraph) and plain(block.runs).rstrip().endswith(":")


def _segment_blocks(
    meeting: Meeting,
    segment: Segment,
    introductions: Introductions,
    notes: dict[int, Footnote],
) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, segment.heading, anchor=f"meeting-{meeting.number}-{segment.key}")
    ]
    for label, places in presiding(segment):
        names = joined([place_in_words(place, person_words=introductions.name) for place in places])
        blocks.append(Paragraph([Text(f"{label}: "), Text(names)], "note"))
    if meeting.record_is_released:
        blocks.extend(prose_blocks(segment, "summary"))
    in_debate = segment.kind in _DEBATES
    for intervention in segment.interventions.all():
        note = notes.get(intervention.pk)
        blocks.extend(
            _statement_blocks(intervention, introductions, in_debate=in_debate, note=note)
        )
    return blocks


def _record_summary(meeting: Meeting) -> list[Block]:
    """The rapporteur's overview and who took the floor, once the record is
    released; the turns are loaded only then (`composition.loading`)."""
    if not meeting.record_is_released:
        under_review = _("The record of this meeting is being reviewed.")
        return [Paragraph([Text(under_review)], "note")]
    participation = participation_runs(meeting, notes_on_statements=True)
    return [*prose_blocks(meeting, "summary"), Paragraph(participation)]


def chapter_blocks(meeting: Meeting, introductions: Introductions) -> list[Block]:
    title = _("%(ordinal)s meeting: %(title)s") % {
        "ordinal": ordinal(meeting.number),
        "title": title_of(meeting),
    }
    if meeting.status == MeetingStatus.CANCELLED:
        # A chapter that says what became of the meeting, and no record.
        return [
            PageBreak(),
            Heading(1, title, anchor=f"meeting-{meeting.number}"),
            Paragraph([Text(meeting_notice(meeting), bold=True)], "note"),
        ]
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, title, anchor=f"meeting-{meeting.number}"),
        header_facts(meeting, introductions.acronyms),
        Heading(2, _("Executive summary"), anchor=f"meeting-{meeting.number}-summary"),
        _summary_lead(meeting),
        *_panels_sentence(meeting),
        *_record_summary(meeting),
    ]
    notes = statement_notes(meeting)
    for segment in meeting.segments.all():
        blocks.extend(_segment_blocks(meeting, segment, introductions, notes))
    return blocks


def appendix_blocks(series: Series) -> list[Block]:
    group = series.convening_group
    if group is None:
        return []
    short = group.acronym or group.name
    members = sorted(group.members.all(), key=lambda organisation: organisation.name)
    return [
        PageBreak(),
        Heading(1, _("Appendix 1: About the %(group)s") % {"group": short}, anchor="appendix-1"),
        *prose_blocks(group, "description"),
        Heading(
            1, _("Appendix 2: Members of the %(group)s") % {"group": short}, anchor="appendix-2"
        ),
        ItemList(
            [
                [Text(member.name), Text(f" ({member.acronym})", bold=True)]
                if member.acronym
                else [Text(member.name)]
                for member in members
            ]
        ),
    ]


def report(series: Series, meetings: list[Meeting]) -> Document:
    introductions = Introductions()
    acronyms = introductions.acronyms
    # The cover names the group and its chair first: in full, with their acronyms.
    title_lines = report_title_lines(series, acronyms)
    cover = convened_line(series, acronyms)
    imprint = imprint_blocks(series, acronyms)
    blocks: list[Block] = [
        Contents(_("Contents")),
        PageBreak(),
        Heading(1, _("Acknowledgements"), anchor="acknowledgements"),
        *acknowledgement_blocks(series, meetings, acronyms),
        Heading(1, _("Introduction"), anchor="introduction"),
        *_introduction_blocks(series),
    ]
    for meeting in meetings:
        # Each chapter introduces its people afresh; acronyms stay spelled out.
        blocks.extend(chapter_blocks(meeting, introductions.next_chapter()))
    blocks.extend(appendix_blocks(series))
    blocks.extend(commitments_annex(meetings))
    if wants_figures_annex(series):
        blocks.extend(figures_annex_blocks(series, meetings))
    return Document(
        title=" ".join(title_lines),
        title_lines=title_lines,
        cover=cover,
        imprint=imprint,
        running_header=str(series),
        blocks=blocks,
    )
