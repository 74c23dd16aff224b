"""Writing a validated series document to the database, all or nothing, without loss.

A re-import updates in place: every row the file describes is found by a
stable key (a series by slug, a meeting by number, a segment by key within its
meeting, a participation by person and role within its segment, an
intervention by its position within its segment, a co-chair by State...) and
changed only where the file says otherwise. Rows the file does not describe
(a meeting added on the screens, a turn recorded on the live floor, the
grants, invitations and floors of a meeting) are kept. Only with `replace`
are the described lists made to match the file, and what goes is listed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from convener.access.domain import audit
from convener.access.models import AuditAction
from convener.directory.models import (
    ConveningGroup,
    ConveningGroupChair,
    Organisation,
    Person,
    State,
    StateGroup,
)
from convener.exchange.domain.validation import validate
from convener.exchange.interfaces import source as series_source
from convener.exchange.interfaces.schema import (
    ConveningGroupEntry,
    MeetingEntry,
    SectionEntry,
    SeriesDocument,
    SeriesEntry,
)
from convener.meetings.domain.revision import record_change
from convener.meetings.models import (
    CoChair,
    CoChairBalance,
    ConceptNoteSection,
    CoOrganiser,
    DevelopmentStatus,
    Meeting,
    Participation,
    ReferenceDocument,
    Segment,
    Series,
    StateClassification,
)
from convener.publishing.models import ReportText, ReportTextKind
from convener.records.models import Intervention

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
    "meetings",
    "co-organisers",
    "co-chairs",
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
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


class _Lookups:
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


class _Writer:
    """One import: writes rows and counts what it did to each kind."""

    def __init__(self, summary: ImportSummary, *, replace: bool) -> None:
        self.summary = summary
        self.replace = replace

    def tally(self, kind: str) -> Tally:
        return self.summary.tallies[kind]

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
        changed = [name for name, value in values.items() if getattr(row, name) != value]
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

    def leave(self, kind: str, rows: Sequence[models.Model], where: str = "") -> None:
        """Rows the file does not describe: kept, unless the import replaces."""
        tally = self.tally(kind)
        if not self.replace:
            tally.kept += len(rows)
            return
        for row in rows:
            self.summary.removed.append(f"{kind} {_label(row)}{where}")
            row.delete()
        tally.removed += len(rows)


def _label(row: models.Model) -> str:
    if isinstance(row, Meeting):
        return f"{row.number}. {row.title}"
    if isinstance(row, Segment):
        return row.key
    return f'"{row}"'


def _by_position(rows: Iterable[RowT]) -> dict[Hashable, RowT]:
    return dict(enumerate(rows))


def _upsert_directory(document: SeriesDocument, lookups: _Lookups, writer: _Writer) -> None:
    # The directory is shared by every series: the file adds and updates
    # entries by key, and what it leaves out is never its to remove.
    for entry in document.organisations:
        lookups.organisations[entry.key] = writer.upsert(
            "organisations",
            lookups.organisations.get(entry.key),
            Organisation,
            {
                "key": entry.key,
                "name": entry.name,
                "acronym": entry.acronym,
                "kind": entry.kind,
                "state_id": lookups.state_id(entry.state),
                "website": entry.website,
            },
        )
    for person in document.people:
        lookups.people[person.key] = writer.upsert(
            "people",
            lookups.people.get(person.key),
            Person,
            {
                "key": person.key,
                "honorific": person.honorific,
                "given_name": person.given_name,
                "family_name": person.family_name,
                "position": person.position,
                "organisation_id": lookups.organisation_id(person.organisation),
                "short_name": person.short_name,
                "gender": person.gender or "",
                "biography": person.biography,
            },
        )


def _upsert_convening_group(
    entry: ConveningGroupEntry, lookups: _Lookups, writer: _Writer
) -> ConveningGroup:
    group = writer.upsert(
        "convening group",
        ConveningGroup.objects.filter(key=entry.key).first(),
        ConveningGroup,
        {
            "key": entry.key,
            "name": entry.name,
            "acronym": entry.acronym,
            "description": entry.description,
        },
    )
    # The group is in the directory, shared: members and chairs are added and
    # updated, never removed by a series file.
    members = set(group.members.values_list("key", flat=True))
    missing = [lookups.organisations[key] for key in entry.members if key not in members]
    if missing:
        group.members.add(*missing)
    chairs = {chair.year: chair for chair in group.chairs.all()}
    for chair in entry.chairs:
        writer.upsert(
            "convening group",
            chairs.get(chair.year),
            lambda: ConveningGroupChair(group=group),
            {"year": chair.year, "organisation_id": lookups.organisation_id(chair.organisation)},
        )
    return group


def _sync_sections(
    writer: _Writer, series: Series, meeting: Meeting | None, entries: list[SectionEntry]
) -> None:
    """Concept-note sections have no key: the n-th of the file is the n-th in order."""
    existing = ConceptNoteSection.objects.filter(series=series, meeting=meeting).order_by(
        "order", "pk"
    )
    writer.sync(
        "concept-note sections",
        _by_position(existing),
        (
            (
                order,
                {"kind": entry.kind, "heading": entry.heading, "body": entry.body, "order": order},
            )
            for order, entry in enumerate(entries)
        ),
        lambda: ConceptNoteSection(series=series, meeting=meeting),
        _of(meeting),
    )


def _of(meeting: Meeting | None) -> str:
    return f" of meeting {meeting.number}" if meeting else ""


def _upsert_series(
    entry: SeriesEntry, group: ConveningGroup | None, lookups: _Lookups, writer: _Writer
) -> Series:
    series = writer.upsert(
        "series",
        Series.objects.filter(slug=entry.slug).first(),
        Series,
        {
            "slug": entry.slug,
            "title": entry.title,
            "short_title": entry.short_title,
            "status": entry.status,
            # Objects, not ids: the series returned keeps them, as its readers expect.
            "convening_group": group,
            "purpose": entry.purpose,
            "prepared_event": entry.prepares.event if entry.prepares else "",
            "prepared_event_date": entry.prepares.date if entry.prepares else None,
            "timezone": entry.timezone,
            "venue": entry.venue,
            "classification_rule": entry.classification.rule if entry.classification else "",
            "co_chair_balance": (
                entry.classification.co_chair_balance
                if entry.classification
                else CoChairBalance.NONE
            ),
            "rapporteur": lookups.people.get(entry.rapporteur) if entry.rapporteur else None,
            "funders": entry.funders,
        },
    )
    _sync_sections(writer, series, None, entry.concept_note)
    report = entry.report
    writer.sync(
        "report texts",
        {text.kind: text for text in series.report_texts.all()},
        (
            (kind, {"kind": kind, "body": body})
            for kind, body in (
                (ReportTextKind.ACKNOWLEDGEMENTS, report.acknowledgements if report else ""),
                (ReportTextKind.INTRODUCTION, report.introduction if report else ""),
            )
            if body.strip()
        ),
        lambda: ReportText(series=series),
    )
    writer.sync(
        "references",
        {document.symbol: document for document in series.references.all()},
        (
            (
                reference.symbol,
                {
                    "symbol": reference.symbol,
                    "title": reference.title,
                    "sdg_targets": reference.sdg_targets,
                    "order": order,
                },
            )
            for order, reference in enumerate(entry.references)
        ),
        lambda: ReferenceDocument(series=series),
    )
    _classify(series, entry, lookups, writer)
    return series


def _classify(series: Series, entry: SeriesEntry, lookups: _Lookups, writer: _Writer) -> None:
    """Store the series' classification; States it leaves out count as developing
    unless it says they are unclassified."""
    classification = entry.classification
    statuses: dict[str, str] = {}
    if classification is not None:
        statuses = dict.fromkeys(classification.developing, DevelopmentStatus.DEVELOPING)
        statuses.update(dict.fromkeys(classification.developed, DevelopmentStatus.DEVELOPED))
        if classification.unlisted == "developing":
            statuses = {
                iso3: statuses.get(iso3, DevelopmentStatus.DEVELOPING) for iso3 in lookups.states
            }
    existing = {row.state_id: row for row in series.classifications.all()}
    tally = writer.tally("classifications")
    created, changed = [], []
    for iso3, status in statuses.items():
        state_id = lookups.states[iso3].pk
        row = existing.pop(state_id, None)
        if row is None:
            created.append(StateClassification(series=series, state_id=state_id, status=status))
        elif row.status != status:
            row.status = status
            changed.append(row)
        else:
            tally.unchanged += 1
    # Every State may be classified: in bulk, not a query per State.
    StateClassification.objects.bulk_create(created)
    StateClassification.objects.bulk_update(changed, ["status"])
    tally.created += len(created)
    tally.changed += len(changed)
    writer.leave("classifications", list(existing.values()))


def _sync_meeting(series: Series, entry: MeetingEntry, lookups: _Lookups, writer: _Writer) -> None:
    before = {kind: (t.created, t.changed, t.removed) for kind, t in writer.summary.tallies.items()}
    existing = series.meetings.filter(number=entry.number).first()
    meeting = writer.upsert(
        "meetings",
        existing,
        lambda: Meeting(series=series),
        {
            "number": entry.number,
            "title": entry.title,
            "status": entry.status,
            "date": entry.date,
            "start_time": entry.start,
            "end_time": entry.end,
            "venue": entry.venue or "",
            "room": entry.room or "",
            "format": entry.format,
            "format_note": entry.format_note,
            "summary": entry.summary,
            "moderator_id": lookups.person_id(entry.moderator),
        },
    )
    where = _of(meeting)
    writer.sync(
        "co-organisers",
        {link.organisation_id: link for link in meeting.co_organiser_links.all()},
        (
            (
                lookups.organisation_id(key),
                {"organisation_id": lookups.organisation_id(key), "order": order},
            )
            for order, key in enumerate(entry.co_organisers)
        ),
        lambda: CoOrganiser(meeting=meeting),
        where,
    )
    writer.sync(
        "co-chairs",
        {co_chair.state_id: co_chair for co_chair in meeting.co_chairs.all()},
        (
            (
                lookups.state_id(co_chair.state),
                {
                    "state_id": lookups.state_id(co_chair.state),
                    "person_id": lookups.person_id(co_chair.person),
                    "order": order,
                },
            )
            for order, co_chair in enumerate(entry.co_chairs)
        ),
        lambda: CoChair(meeting=meeting),
        where,
    )
    _sync_sections(writer, series, meeting, entry.concept_note)
    _sync_programme(meeting, entry, lookups, writer)
    label = f"{meeting.number}. {meeting.title}"
    if existing is None:
        writer.summary.created_meetings.append(label)
    elif any(
        (t.created, t.changed, t.removed) != before[kind]
        for kind, t in writer.summary.tallies.items()
    ):
        writer.summary.changed_meetings.append(label)


def _sync_programme(
    meeting: Meeting, entry: MeetingEntry, lookups: _Lookups, writer: _Writer
) -> None:
    where = _of(meeting)
    segments = writer.sync(
        "programme segments",
        {segment.key: segment for segment in meeting.segments.all()},
        (
            (
                segment.key,
                {
                    "key": segment.key,
                    "kind": segment.kind,
                    "title": segment.title,
                    "order": order,
                    "duration": segment.duration,
                    "summary": segment.summary,
                },
            )
            for order, segment in enumerate(entry.segments)
        ),
        lambda: Segment(meeting=meeting),
        where,
    )
    participations: dict[int, dict[Hashable, Participation]] = {}
    for participation in Participation.objects.filter(segment__meeting=meeting):
        key = (participation.person_id, participation.role)
        participations.setdefault(participation.segment_id, {})[key] = participation
    turns: dict[int, list[Intervention]] = {}
    for turn in Intervention.objects.filter(segment__meeting=meeting).order_by("order", "pk"):
        turns.setdefault(turn.segment_id, []).append(turn)
    for segment_entry in entry.segments:
        segment = segments[segment_entry.key]
        writer.sync(
            "participants",
            participations.pop(segment.pk, {}),
            (
                (
                    (lookups.person_id(participant.person), participant.role),
                    {
                        "person_id": lookups.person_id(participant.person),
                        "role": participant.role,
                        "order": order,
                        "speaking_time": participant.speaking_time,
                    },
                )
                for order, participant in enumerate(segment_entry.participants)
            ),
            lambda segment=segment: Participation(segment=segment),  # type: ignore[misc]
            f" of segment {segment.key}{where}",
        )
    for rows in participations.values():  # in segments the file does not describe
        writer.leave("participants", list(rows.values()), where)
    _sync_interventions(meeting, entry, segments, turns, lookups, writer)


def _sync_interventions(
    meeting: Meeting,
    entry: MeetingEntry,
    segments: Mapping[Hashable, Segment],
    turns: dict[int, list[Intervention]],
    lookups: _Lookups,
    writer: _Writer,
) -> None:
    """Interventions have no key: the n-th of a segment in the file is the n-th
    recorded in that segment, so turns recorded later (on the live floor,
    after the last one the file lists) are kept."""
    described: dict[int, list[tuple[Hashable, Mapping[str, Any]]]] = {}
    for order, intervention in enumerate(entry.interventions):
        segment = segments[intervention.segment]
        in_segment = described.setdefault(segment.pk, [])
        in_segment.append(
            (
                len(in_segment),
                {
                    "order": order,
                    "kind": intervention.kind,
                    "speaker_id": lookups.person_id(intervention.speaker),
                    "state_id": lookups.state_id(intervention.state),
                    "state_group_id": lookups.group_id(intervention.group),
                    "organisation_id": lookups.organisation_id(intervention.organisation),
                    "capacity": intervention.capacity or "",
                    "office": intervention.office,
                    "summary": intervention.summary,
                    "points": intervention.points,
                    "references": intervention.references,
                    "sdg_targets": intervention.sdg_targets,
                },
            )
        )
    for segment in segments.values():
        writer.sync(
            "interventions",
            _by_position(turns.pop(segment.pk, [])),
            described.get(segment.pk, []),
            lambda segment=segment: Intervention(segment=segment),  # type: ignore[misc]
            f" in segment {segment.key}{_of(meeting)}",
        )
    for rows in turns.values():  # in segments the file does not describe
        writer.leave("interventions", rows, _of(meeting))


class _DryRunRollbackError(Exception):
    """Raised to roll a dry run back, carrying what it would have done."""

    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary


def import_series(
    *,
    document: SeriesDocument,
    by: AbstractBaseUser | None = None,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportSummary:
    """Create or update a series from a validated document, in one transaction.

    `by` is the acting user, None for the command line. The audit log gets one
    entry for the whole import. With `replace`, what the file does not list of
    the series' meetings, programme and records is removed (never the
    directory); with `dry_run`, everything is done and then rolled back, so
    the summary says what an import would do.
    """
    try:
        return _import(document=document, replace=replace, dry_run=dry_run)
    except _DryRunRollbackError as rolled_back:
        return rolled_back.summary


def _import(*, document: SeriesDocument, replace: bool, dry_run: bool) -> ImportSummary:
    title = document.series.title
    with (
        transaction.atomic(),
        audit.recorded_as_one(
            action=AuditAction.IMPORTED, target=title, changes={"meetings": len(document.meetings)}
        ) as scope,
    ):
        summary = ImportSummary(
            series=Series(slug=document.series.slug),
            meetings=len(document.meetings),
            segments=sum(len(meeting.segments) for meeting in document.meetings),
            interventions=sum(len(meeting.interventions) for meeting in document.meetings),
            dry_run=dry_run,
        )
        writer = _Writer(summary, replace=replace)
        lookups = _Lookups()
        _upsert_directory(document, lookups, writer)
        group = (
            _upsert_convening_group(document.convening_group, lookups, writer)
            if document.convening_group
            else None
        )
        series = summary.series = _upsert_series(document.series, group, lookups, writer)
        scope["series"] = series
        numbers = {meeting.number for meeting in document.meetings}
        for meeting in sorted(document.meetings, key=lambda entry: entry.number):
            _sync_meeting(series, meeting, lookups, writer)
        writer.leave("meetings", list(series.meetings.exclude(number__in=numbers)))
        record_change()
        if dry_run:
            raise _DryRunRollbackError(summary)
    return summary


def import_file(
    *,
    path: Path,
    by: AbstractBaseUser | None = None,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportSummary:
    """Read, validate and import a series file. Raises SeriesDataError or SourceSyntaxError."""
    document = validate(series_source.read(path))
    return import_series(document=document, by=by, replace=replace, dry_run=dry_run)
