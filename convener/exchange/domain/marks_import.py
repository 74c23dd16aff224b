"""The marks of a statement (recommendations, commitments and their status
notes), as the series file describes them. A mark is found again by the
point or sentence it is on; a status note by its place in the mark's
history. Marks and notes the file does not describe are kept, unless the
import replaces."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from convener.commitments.models import Mark, StatusNote
from convener.commitments.queries.marking import unit_text
from convener.exchange.domain.rows import Lookups, RowWriter, by_position
from convener.exchange.format.schema import MarkEntry
from convener.records.models import Intervention


def sync_marks(
    turn: Intervention, marks: Sequence[MarkEntry], lookups: Lookups, writer: RowWriter
) -> None:
    existing: dict[Hashable, Mark] = {(m.source, m.position): m for m in turn.marks.all()}
    if not marks and not existing:
        return
    described = [((entry.source, entry.position), _values(turn, entry, lookups)) for entry in marks]
    rows = writer.sync(
        "commitments and recommendations",
        existing,
        described,
        lambda: Mark(intervention=turn),
        f" of an intervention by {turn.speaker_label}",
    )
    for entry in marks:
        mark = rows[(entry.source, entry.position)]
        notes = by_position(mark.notes.order_by("at", "pk"))
        if not entry.notes and not notes:
            continue
        writer.sync(
            "status notes",
            notes,
            [
                (
                    index,
                    {"status": note.status, "at": note.at, "by_name": note.by, "text": note.note},
                )
                for index, note in enumerate(entry.notes)
            ],
            lambda mark=mark: StatusNote(mark=mark),  # type: ignore[misc]
        )


def _values(turn: Intervention, entry: MarkEntry, lookups: Lookups) -> dict[str, object]:
    excerpt = entry.excerpt or unit_text(turn, entry.source, entry.position) or ""
    return {
        "source": entry.source,
        "position": entry.position,
        "kind": entry.kind,
        "excerpt": excerpt,
        "author_state_id": lookups.state_id(entry.state),
        "author_organisation_id": lookups.organisation_id(entry.organisation),
        "author_person_id": lookups.person_id(entry.person),
        "what": entry.what,
        "due_date": entry.due_date,
        "due_words": entry.due_words,
        "status": entry.status,
    }
