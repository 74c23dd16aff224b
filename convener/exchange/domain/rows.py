"""Writing the rows of a series file by stable keys, and counting what was done.

Each kind of row is matched to the database by a key of its own (see
`importer`); `RowWriter` changes a matched row only where it differs, creates
what is missing and leaves, or with `replace` removes, what the file does not
describe, keeping the tally the import's summary prints.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

from convener.directory.models import Organisation, Person, State, StateGroup
from convener.meetings.models import Meeting, Segment, Series

RowT = TypeVar("RowT", bound=models.Model)

# The kinds of rows an import writes, in the order a summary lists them.
KINDS = (
    "organisations",
    "people",
    "convening group",
    "series",
    "concept-note sections",
    "references",
    "classifications",
    "report texts",
    "house style",
    "meetings",
    "co-organisers",
    "co-chairs",
    "postponements",
    "programme segments",
    "participants",
    "interventions",
)


@dataclass
class Tally:
    """What an import did to the rows of one kind."""

    created: int = 0
    changed: int = 0
    unchanged: int = 0
    kept: int = 0  # in the database, not in the file: left as they are
    removed: int = 0  # not in the file, removed because the import replaces
    shared: int = 0  # differ from the file, left as they are: another series uses them

    def __str__(self) -> str:
        parts = [
            f"{self.created} created",
            f"{self.changed} changed",
            f"{self.unchanged} unchanged",
        ]
        if self.kept:
            parts.append(f"{self.kept} kept (not in the file)")
        if self.removed:
            parts.append(f"{self.removed} removed")
        if self.shared:
            parts.append(f"{self.shared} left as they are (another series uses them)")
        return ", ".join(parts)


@dataclass
class ImportSummary:
    series: Series
    meetings: int  # in the file
    segments: int
    interventions: int
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    created_meetings: list[str] = field(default_factory=list)
    changed_meetings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # what `replace` removed, in words
    shared: list[str] = field(default_factory=list)  # directory entries left, in words
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The summary as `convener import` prints it: removals first, then the counts."""
        lines = [f"Removed (not in the file): {what}" for what in self.removed]
        lines.append(
            f"{'Checked' if self.dry_run else 'Imported'} series {self.series.slug}: "
            f"{self.meetings} meetings, {self.segments} programme segments, "
            f"{self.interventions} interventions in the file."
        )
        lines += [f"  {kind}: {tally}" for kind, tally in self.tallies.items()]
        if self.created_meetings:
            lines.append("Meetings created: " + "; ".join(self.created_meetings))
        if self.changed_meetings:
            lines.append("Meetings changed: " + "; ".join(self.changed_meetings))
        lines += [f"Left as it is, since another series uses it: {what}" for what in self.shared]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


class Lookups:
    """Directory rows by the keys the file uses, read once per import."""

    def __init__(self) -> None:
        self.states = {state.iso3: state for state in State.objects.all()}
        self.groups = {group.key: group for group in StateGroup.objects.all()}
        self.organisations = {org.key: org for org in Organisation.objects.all()}
        self.people = {person.key: person for person in Person.objects.all()}

    def organisation_id(self, key: str | None) -> int | None:
        return self.organisations[key].pk if key else None

    def person_id(self, key: str | None) -> int | None:
        return self.people[key].pk if key else None

    def state_id(self, iso3: str | None) -> int | None:
        return self.states[iso3].pk if iso3 else None

    def group_id(self, key: str | None) -> int | None:
        return self.groups[key].pk if key else None


class RowWriter:
    """One import: writes rows and counts what it did to each kind."""

    def __init__(self, summary: ImportSummary, *, replace: bool) -> None:
        self.summary = summary
        self.replace = replace

    def tally(self, kind: str) -> Tally:
        # Kinds a file may not hold at all (the marks of statements) are
        # counted, and printed, only once an import meets one.
        return self.summary.tallies.setdefault(kind, Tally())

    def upsert(
        self, kind: str, row: RowT | None, make: Callable[[], RowT], values: Mapping[str, Any]
    ) -> RowT:
        """Change `row` to hold `values`, or create one with `make()` if there is none.

        `values` are named by attribute (`person_id`, not `person`)."""
        tally = self.tally(kind)
        if row is None:
            row = make()
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
            tally.created += 1
            return row
        changed = changed_fields(row, values)
        if not changed:
            tally.unchanged += 1
            return row
        for name in changed:
            setattr(row, name, values[name])
        if any(f.name == "updated_at" for f in row._meta.concrete_fields):
            changed.append("updated_at")
        row.save(update_fields=changed)
        tally.changed += 1
        return row

    def sync(
        self,
        kind: str,
        existing: Mapping[Hashable, RowT],
        described: Iterable[tuple[Hashable, Mapping[str, Any]]],
        make: Callable[[], RowT],
        where: str = "",
    ) -> dict[Hashable, RowT]:
        """Upsert each described row by its key; count or, replacing, remove the others."""
        rows = {
            key: self.upsert(kind, existing.get(key), make, values) for key, values in described
        }
        self.leave(kind, [row for key, row in existing.items() if key not in rows], where)
        return rows

    def keep_shared(self, kind: str, row: models.Model, series: Iterable[Series]) -> None:
        """A directory entry that differs from the file but that the import may not change."""
        self.tally(kind).shared += 1
        slugs = ", ".join(sorted(other.slug for other in series))
        self.summary.shared.append(f"{kind} {label(row)} (used by {slugs})")

    def leave(self, kind: str, rows: Sequence[models.Model], where: str = "") -> None:
        """Rows the file does not describe: kept, unless the import replaces."""
        tally = self.tally(kind)
        if not self.replace:
            tally.kept += len(rows)
            return
        for row in rows:
            self.summary.removed.append(f"{kind} {label(row)}{where}")
            row.delete()
        tally.removed += len(rows)


def changed_fields(row: models.Model, values: Mapping[str, Any]) -> list[str]:
    """The names of `values` that `row` does not hold yet."""
    return [name for name, value in values.items() if getattr(row, name) != value]


def label(row: models.Model) -> str:
    if isinstance(row, Meeting):
        return f"{row.number}. {row.title}"
    if isinstance(row, Segment):
        return row.key
    return f'"{row}"'


def by_position(rows: Iterable[RowT]) -> dict[Hashable, RowT]:
    return dict(enumerate(rows))


def of_meeting(meeting: Meeting | None) -> str:
    """Where a removed row was, in words: " of meeting 3", or nothing for the series."""
    return f" of meeting {meeting.number}" if meeting else ""
