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

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from convener.access.queries.ownership import directory_entry_editable_by, series_using
from convener.audit import log as audit
from convener.audit.actors import CommandLineOperator, acts
from convener.audit.models import AuditAction
from convener.directory.models import (
    ConveningGroup,
    ConveningGroupChair,
    Organisation,
    Person,
)
from convener.exchange.domain.meeting_import import sync_meeting, sync_sections
from convener.exchange.domain.rows import ImportSummary, Lookups, RowWriter, changed_fields
from convener.exchange.domain.translations_import import import_translations
from convener.exchange.domain.validation import validate
from convener.exchange.format import source as series_source
from convener.exchange.format.schema import (
    ConveningGroupEntry,
    HouseStyleEntry,
    ImprintEntry,
    ReportEntry,
    SeriesDocument,
    SeriesEntry,
    read_emblem,
)
from convener.meetings.domain.revision import record_change
from convener.meetings.models import (
    CoChairBalance,
    DevelopmentStatus,
    ReferenceDocument,
    Series,
    StateClassification,
)
from convener.publishing.domain.house_style import STYLE_FIELDS
from convener.publishing.models import HouseStyle, ReportText, ReportTextKind


def _upsert_directory(
    document: SeriesDocument, lookups: Lookups, writer: RowWriter, by: Any
) -> None:
    # The directory is shared by every series: the file adds and updates
    # entries by key, and what it leaves out is never its to remove.
    for entry in document.organisations:
        _upsert_entry(
            "organisations",
            lookups.organisations,
            entry.key,
            Organisation,
            {
                "key": entry.key,
                "name": entry.name,
                "acronym": entry.acronym,
                "kind": entry.kind,
                "article": entry.article,
                "state_id": lookups.state_id(entry.state),
                "website": entry.website,
            },
            document=document,
            writer=writer,
            by=by,
        )
    for person in document.people:
        _upsert_entry(
            "people",
            lookups.people,
            person.key,
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
            document=document,
            writer=writer,
            by=by,
        )


def _upsert_entry(
    kind: str,
    entries: dict[str, Any],
    key: str,
    make: Callable[[], Person | Organisation],
    values: dict[str, Any],
    *,
    document: SeriesDocument,
    writer: RowWriter,
    by: Any,
) -> None:
    """Create or update a directory entry, unless another series uses it and
    the importer may not change it (`access.queries.ownership`): a series
    file never rewrites the people on another series' pages."""
    existing = entries.get(key)
    if existing is not None and changed_fields(existing, values):
        others = _other_series_using(existing, document.series.slug, by)
        if others:
            writer.keep_shared(kind, existing, others)
            return
    entries[key] = writer.upsert(kind, existing, make, values)


def _other_series_using(entry: Person | Organisation, slug: str, by: Any) -> list[Series]:
    """The other series that use `entry`, when they keep the import from changing it.

    The command line acts for no series' secretariat, so it changes only
    entries that no other series uses; a user changes those they may edit."""
    others = [series for series in series_using(entry) if series.slug != slug]
    if (
        others
        and not isinstance(by, CommandLineOperator)
        and directory_entry_editable_by(by, entry)
    ):
        return []
    return others


def _upsert_convening_group(
    entry: ConveningGroupEntry, lookups: Lookups, writer: RowWriter
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


def _upsert_series(
    entry: SeriesEntry, group: ConveningGroup | None, lookups: Lookups, writer: RowWriter
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
            "default_language": entry.default_language,
            "language": entry.language,
            "classification_rule": entry.classification.rule if entry.classification else "",
            "co_chair_balance": (
                entry.classification.co_chair_balance
                if entry.classification
                else CoChairBalance.NONE
            ),
            "rapporteur": lookups.people.get(entry.rapporteur) if entry.rapporteur else None,
            "funders": entry.funders,
            **_report_cover(entry.report),
        },
    )
    sync_sections(writer, series, None, entry.concept_note)
    _sync_house_style(series, entry.house_style, writer)
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


def _report_cover(report: ReportEntry | None) -> dict[str, Any]:
    """The series' fields of the report's title and imprint."""
    imprint = report.imprint if report and report.imprint else ImprintEntry()
    return {
        "meetings_called": report.meetings_called if report else "",
        "copyright_holder": imprint.copyright_holder,
        "copyright_year": imprint.copyright_year,
        "produced_by": imprint.produced_by,
        "report_about": imprint.about,
    }


def _sync_house_style(series: Series, entry: HouseStyleEntry | None, writer: RowWriter) -> None:
    """The series' house style as the file gives it; a file without one keeps
    the stored style, unless the import replaces (then the UN default)."""
    described = []
    if entry is not None:
        values: dict[str, Any] = {name: getattr(entry, name) for name in STYLE_FIELDS}
        values["emblem_type"], values["emblem"] = (
            read_emblem(entry.emblem) if entry.emblem else ("", b"")
        )
        described.append((series.pk, _stored_values(values)))
    existing = HouseStyle.objects.filter(series=series).first()
    writer.sync(
        "house style",
        {series.pk: existing} if existing else {},
        described,
        lambda: HouseStyle(series=series),
    )


def _stored_values(values: dict[str, Any]) -> dict[str, Any]:
    """Values as the database gives them back, so that an unchanged style reads as unchanged."""
    return {
        name: Decimal(str(value)) if isinstance(value, float) else value
        for name, value in values.items()
    }


def _classify(series: Series, entry: SeriesEntry, lookups: Lookups, writer: RowWriter) -> None:
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


class _DryRunRollbackError(Exception):
    """Raised to roll a dry run back, carrying what it would have done."""

    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary


@acts("series.import", on="document")
def import_series(
    *,
    document: SeriesDocument,
    by: AbstractBaseUser | CommandLineOperator,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportSummary:
    """Create or update a series from a validated document, in one transaction.

    `by` is the acting user, `command_line_operator()` for the command line
    (who may import any series). The audit log gets one
    entry for the whole import. With `replace`, what the file does not list of
    the series' meetings, programme and records is removed (never the
    directory); with `dry_run`, everything is done and then rolled back, so
    the summary says what an import would do.
    """
    try:
        return _import(document=document, by=by, replace=replace, dry_run=dry_run)
    except _DryRunRollbackError as rolled_back:
        return rolled_back.summary


def _import(
    *,
    document: SeriesDocument,
    by: AbstractBaseUser | CommandLineOperator,
    replace: bool,
    dry_run: bool,
) -> ImportSummary:
    title = document.series.title
    # A savepoint inside the import's transaction: a dry run rolls back to it.
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
        writer = RowWriter(summary, replace=replace)
        lookups = Lookups()
        _upsert_directory(document, lookups, writer, by)
        group = (
            _upsert_convening_group(document.convening_group, lookups, writer)
            if document.convening_group
            else None
        )
        series = summary.series = _upsert_series(document.series, group, lookups, writer)
        scope["series"] = series
        numbers = {meeting.number for meeting in document.meetings}
        for meeting in sorted(document.meetings, key=lambda entry: entry.number):
            sync_meeting(series, meeting, lookups, writer)
        writer.leave("meetings", list(series.meetings.exclude(number__in=numbers)))
        import_translations(series=series, document=document, by=by)
        record_change()
        if dry_run:
            raise _DryRunRollbackError(summary)
    return summary


@acts("series.create", on="path")
def import_file(
    *,
    path: Path,
    by: AbstractBaseUser | CommandLineOperator,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportSummary:
    """Read, validate and import a series file. Raises SeriesDataError or SourceSyntaxError.

    Before the file is read, the importer must be one who may create a series;
    `import_series` then checks the series the file describes (`series.import`)."""
    document = validate(series_source.read(path))
    return import_series(document=document, by=by, replace=replace, dry_run=dry_run)
