"""The report's annex "Commitments and recommendations": what the statements
of the released records recommended and committed to, as the rapporteurs
confirmed it, with each commitment's status. No annex without a confirmed item."""

from __future__ import annotations

from django.utils.translation import gettext as _

from convener.commitments.models import Mark, MarkKind
from convener.commitments.queries.tracker import marks_of_meetings
from convener.meetings.models import Meeting
from convener.publishing.composition.wording import long_date, sentence
from convener.publishing.document import Block, Heading, Inline, ItemList, PageBreak, Text


def commitments_annex(meetings: list[Meeting]) -> list[Block]:
    marks = marks_of_meetings([meeting for meeting in meetings if meeting.record_is_released])
    if not marks:
        return []
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, _("Commitments and recommendations"), anchor="commitments-and-recommendations"),
    ]
    for kind, title in (
        (MarkKind.COMMITMENT, _("Commitments")),
        (MarkKind.RECOMMENDATION, _("Recommendations")),
    ):
        items = [_item(mark) for mark in marks if mark.kind == kind]
        if items:
            blocks += [Heading(2, title, in_contents=False), ItemList(items)]
    return blocks


def _item(mark: Mark) -> list[Inline]:
    meeting = mark.intervention.segment.meeting
    runs: list[Inline] = [
        Text(str(mark.author or mark.intervention.speaker_label), bold=True),
        Text(" " + _("(meeting %(number)s)") % {"number": meeting.number} + ": "),
        Text(_ended(mark.what)),
    ]
    if mark.due_date:
        runs.append(Text(" " + sentence(_("Due by %(due)s.") % {"due": long_date(mark.due_date)})))
    elif mark.due_words:
        runs.append(Text(" " + _("Due: %(due)s.") % {"due": mark.due_words}))
    if mark.kind == MarkKind.COMMITMENT:
        runs.append(
            Text(" " + _("Status: %(status)s.") % {"status": mark.get_status_display().lower()})
        )
        latest = next((note for note in reversed(mark.notes.all()) if note.text), None)
        if latest is not None:
            runs.append(
                Text(
                    " "
                    + _("%(date)s: %(note)s")
                    % {"date": long_date(latest.at.date()), "note": latest.text},
                    italic=True,
                )
            )
    return runs


def _ended(text: str) -> str:
    """The text as a sentence of the list: with its final punctuation."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "。", "؟")) else f"{text}."
