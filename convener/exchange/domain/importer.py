"""Writing a validated series document to the database, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

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


@dataclass(frozen=True)
class ImportSummary:
    series: Series
    meetings: int
    segments: int
    interventions: int


class _Lookups:
    """Directory rows by the keys the file uses, read once per import."""

    def __init__(self) -> None:
        self.states = {state.iso3: state for state in State.objects.all()}
        self.groups = {group.key: group for group in StateGroup.objects.all()}
        self.organisations = {org.key: org for org in Organisation.objects.all()}
        self.people = {person.key: person for person in Person.objects.all()}

    def organisation(self, key: str | None) -> Organisation | None:
        return self.organisations[key] if key else None

    def person(self, key: str | None) -> Person | None:
        return self.people[key] if key else None


def _upsert_directory(document: SeriesDocument, lookups: _Lookups) -> None:
    for entry in document.organisations:
        lookups.organisations[entry.key], _ = Organisation.objects.update_or_create(
            key=entry.key,
            defaults={
                "name": entry.name,
                "acronym": entry.acronym,
                "kind": entry.kind,
                "state": lookups.states.get(entry.state) if entry.state else None,
                "website": entry.website,
            },
        )
    for person in document.people:
        lookups.people[person.key], _ = Person.objects.update_or_create(
            key=person.key,
            defaults={
                "honorific": person.honorific,
                "given_name": person.given_name,
                "family_name": person.family_name,
                "position": person.position,
                "organisation": lookups.organisation(person.organisation),
                "short_name": person.short_name,
                "gender": person.gender or "",
                "biography": person.biography,
            },
        )


def _upsert_convening_group(entry: ConveningGroupEntry, lookups: _Lookups) -> ConveningGroup:
    group, _ = ConveningGroup.objects.update_or_create(
        key=entry.key,
        defaults={"name": entry.name, "acronym": entry.acronym, "description": entry.description},
    )
    group.members.set([lookups.organisations[key] for key in entry.members])
    group.chairs.all().delete()
    ConveningGroupChair.objects.bulk_create(
        ConveningGroupChair(group=group, year=chair.year, organisation=lookups.organisations[key])
        for chair in entry.chairs
        for key in [chair.organisation]
    )
    return group


def _sections(series: Series, meeting: Meeting | None, entries: list[SectionEntry]) -> None:
    ConceptNoteSection.objects.bulk_create(
        ConceptNoteSection(
            series=series,
            meeting=meeting,
            kind=entry.kind,
            heading=entry.heading,
            body=entry.body,
            order=order,
        )
        for order, entry in enumerate(entries)
    )


def _upsert_series(entry: SeriesEntry, group: ConveningGroup | None, lookups: _Lookups) -> Series:
    series, _ = Series.objects.update_or_create(
        slug=entry.slug,
        defaults={
            "title": entry.title,
            "short_title": entry.short_title,
            "status": entry.status,
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
            "rapporteur": lookups.person(entry.rapporteur),
            "funders": entry.funders,
        },
    )
    # Re-importing replaces what belongs to the series, so nothing is duplicated.
    series.meetings.all().delete()
    series.sections.all().delete()
    series.references.all().delete()
    series.classifications.all().delete()
    series.report_texts.all().delete()
    _sections(series, None, entry.concept_note)
    if entry.report:
        ReportText.objects.bulk_create(
            ReportText(series=series, kind=kind, body=body)
            for kind, body in (
                (ReportTextKind.ACKNOWLEDGEMENTS, entry.report.acknowledgements),
                (ReportTextKind.INTRODUCTION, entry.report.introduction),
            )
            if body.strip()
        )
    ReferenceDocument.objects.bulk_create(
        ReferenceDocument(
            series=series,
            symbol=reference.symbol,
            title=reference.title,
            sdg_targets=reference.sdg_targets,
            order=order,
        )
        for order, reference in enumerate(entry.references)
    )
    if entry.classification:
        _classify(series, entry, lookups)
    return series


def _classify(series: Series, entry: SeriesEntry, lookups: _Lookups) -> None:
    """Store the series' classification; States it leaves out count as developing
    unless it says they are unclassified."""
    classification = entry.classification
    assert classification is not None
    statuses = dict.fromkeys(classification.developing, DevelopmentStatus.DEVELOPING)
    statuses.update(dict.fromkeys(classification.developed, DevelopmentStatus.DEVELOPED))
    if classification.unlisted == "developing":
        statuses = {
            iso3: statuses.get(iso3, DevelopmentStatus.DEVELOPING) for iso3 in lookups.states
        }
    StateClassification.objects.bulk_create(
        StateClassification(series=series, state=lookups.states[iso3], status=status)
        for iso3, status in statuses.items()
    )


def _create_meeting(series: Series, entry: MeetingEntry, lookups: _Lookups) -> tuple[int, int]:
    meeting = Meeting.objects.create(
        series=series,
        number=entry.number,
        title=entry.title,
        status=entry.status,
        date=entry.date,
        start_time=entry.start,
        end_time=entry.end,
        venue=entry.venue or "",
        room=entry.room or "",
        format=entry.format,
        format_note=entry.format_note,
        summary=entry.summary,
        moderator=lookups.person(entry.moderator),
    )
    CoOrganiser.objects.bulk_create(
        CoOrganiser(meeting=meeting, organisation=lookups.organisations[key], order=order)
        for order, key in enumerate(entry.co_organisers)
    )
    CoChair.objects.bulk_create(
        CoChair(
            meeting=meeting,
            state=lookups.states[co_chair.state],
            person=lookups.person(co_chair.person),
            order=order,
        )
        for order, co_chair in enumerate(entry.co_chairs)
    )
    _sections(series, meeting, entry.concept_note)
    segments = Segment.objects.bulk_create(
        Segment(
            meeting=meeting,
            key=segment.key,
            kind=segment.kind,
            title=segment.title,
            order=order,
            duration=segment.duration,
            summary=segment.summary,
        )
        for order, segment in enumerate(entry.segments)
    )
    by_key = {segment.key: segment for segment in segments}
    Participation.objects.bulk_create(
        Participation(
            segment=by_key[segment.key],
            person=lookups.people[participant.person],
            role=participant.role,
            order=order,
            speaking_time=participant.speaking_time,
        )
        for segment in entry.segments
        for order, participant in enumerate(segment.participants)
    )
    Intervention.objects.bulk_create(
        Intervention(
            segment=by_key[intervention.segment],
            order=order,
            kind=intervention.kind,
            speaker=lookups.person(intervention.speaker),
            state=lookups.states.get(intervention.state) if intervention.state else None,
            state_group=lookups.groups.get(intervention.group) if intervention.group else None,
            organisation=lookups.organisation(intervention.organisation),
            capacity=intervention.capacity or "",
            office=intervention.office,
            summary=intervention.summary,
            points=intervention.points,
            references=intervention.references,
            sdg_targets=intervention.sdg_targets,
        )
        for order, intervention in enumerate(entry.interventions)
    )
    return len(segments), len(entry.interventions)


def import_series(*, document: SeriesDocument, by: AbstractBaseUser | None = None) -> ImportSummary:
    """Create or update a series from a validated document, in one transaction.

    `by` is the acting user, None for the command line. The audit log gets one
    entry for the whole import.
    """
    title = document.series.title
    with (
        transaction.atomic(),
        audit.recorded_as_one(
            action=AuditAction.IMPORTED, target=title, changes={"meetings": len(document.meetings)}
        ) as scope,
    ):
        lookups = _Lookups()
        _upsert_directory(document, lookups)
        group = (
            _upsert_convening_group(document.convening_group, lookups)
            if document.convening_group
            else None
        )
        series = _upsert_series(document.series, group, lookups)
        scope["series"] = series
        segment_count = intervention_count = 0
        for meeting in sorted(document.meetings, key=lambda entry: entry.number):
            segments, interventions = _create_meeting(series, meeting, lookups)
            segment_count += segments
            intervention_count += interventions
        record_change()
    return ImportSummary(
        series=series,
        meetings=len(document.meetings),
        segments=segment_count,
        interventions=intervention_count,
    )


def import_file(*, path: Path, by: AbstractBaseUser | None = None) -> ImportSummary:
    """Read, validate and import a series file. Raises SeriesDataError or SourceSyntaxError."""
    document = validate(series_source.read(path))
    return import_series(document=document, by=by)
