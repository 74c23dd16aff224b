"""Writing a meeting of a series file: its details, co-organisers, co-chairs,
concept note, programme and record, each row found by a stable key."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Mapping
from typing import Any

from django.utils import timezone

from convener.exchange.domain.marks_import import sync_marks
from convener.exchange.domain.rows import Lookups, RowWriter, by_position, of_meeting
from convener.exchange.format.schema import (
    InterventionEntry,
    MeetingEntry,
    SectionEntry,
    record_released_by_default,
)
from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    CoOrganiser,
    Meeting,
    OptionalFact,
    Participation,
    Postponement,
    Segment,
    Series,
)
from convener.records.models import Intervention


def sync_sections(
    writer: RowWriter, series: Series, meeting: Meeting | None, entries: list[SectionEntry]
) -> None:
    """Concept-note sections have no key: the n-th of the file is the n-th in order."""
    existing = ConceptNoteSection.objects.filter(series=series, meeting=meeting).order_by(
        "order", "pk"
    )
    writer.sync(
        "concept-note sections",
        by_position(existing),
        (
            (
                order,
                {"kind": entry.kind, "heading": entry.heading, "body": entry.body, "order": order},
            )
            for order, entry in enumerate(entries)
        ),
        lambda: ConceptNoteSection(series=series, meeting=meeting),
        of_meeting(meeting),
    )


def sync_meeting(series: Series, entry: MeetingEntry, lookups: Lookups, writer: RowWriter) -> None:
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
            "ends_next_day": entry.ends_next_day,
            "venue": entry.venue or "",
            "room": entry.room or "",
            "format": entry.format,
            "format_note": entry.format_note,
            "summary": entry.summary,
            "moderator_id": lookups.person_id(entry.moderator),
            "part_of": entry.part_of.event if entry.part_of else "",
            "part_of_link": entry.part_of.link if entry.part_of else "",
            **{fact.flag: fact.value in entry.not_applicable for fact in OptionalFact},
            "moderator_role": entry.moderator_role,
            "record_released_at": _released_at(existing, entry),
        },
    )
    where = of_meeting(meeting)
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
                    "named_formally": co_chair.named_formally,
                    "order": order,
                },
            )
            for order, co_chair in enumerate(entry.co_chairs)
        ),
        lambda: CoChair(meeting=meeting),
        where,
    )
    writer.sync(
        "postponements",
        by_position(meeting.postponements.all()),
        (
            (
                order,
                {
                    "date": earlier.date,
                    "start_time": earlier.start,
                    "end_time": earlier.end,
                    "reason": earlier.reason,
                },
            )
            for order, earlier in enumerate(entry.postponed_from)
        ),
        lambda: Postponement(meeting=meeting),
        where,
    )
    sync_sections(writer, series, meeting, entry.concept_note)
    _sync_programme(meeting, entry, lookups, writer)
    label = f"{meeting.number}. {meeting.title}"
    if existing is None:
        writer.summary.created_meetings.append(label)
    elif any(
        (t.created, t.changed, t.removed) != before[kind]
        for kind, t in writer.summary.tallies.items()
    ):
        writer.summary.changed_meetings.append(label)


def _released_at(existing: Meeting | None, entry: MeetingEntry) -> datetime.datetime | None:
    """When the meeting's record was released: kept from the database if it was
    released already, now if the file releases it, none if the file does not."""
    released = entry.record_released
    if released is None:
        released = record_released_by_default(entry.status)
    if not released:
        return None
    if existing is not None and existing.record_released_at is not None:
        return existing.record_released_at
    return timezone.now()


def _sync_programme(
    meeting: Meeting, entry: MeetingEntry, lookups: Lookups, writer: RowWriter
) -> None:
    where = of_meeting(meeting)
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
    keys = _PlaceKeys()
    in_meeting = Participation.objects.filter(segment__meeting=meeting).order_by("order", "pk")
    for participation in in_meeting:
        key = keys.of(
            participation.segment_id,
            participation.person_id,
            participation.organisation_id,
            participation.office,
            participation.role,
        )
        participations.setdefault(participation.segment_id, {})[key] = participation
    file_keys = _PlaceKeys()
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
                    file_keys.of(
                        segment.pk,
                        lookups.person_id(participant.person),
                        lookups.organisation_id(participant.organisation),
                        participant.office,
                        participant.role,
                    ),
                    {
                        "person_id": lookups.person_id(participant.person),
                        "organisation_id": lookups.organisation_id(participant.organisation),
                        "office": participant.office,
                        "role": participant.role,
                        "capacity": participant.capacity,
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


class _PlaceKeys:
    """The key that finds a participant again: the person and role within the
    segment; for a place not yet named, its organisation, office and role,
    and which of the alike places of the segment it is (the first "Speaker:
    TBC", the second…)."""

    def __init__(self) -> None:
        self._seen: dict[Hashable, int] = {}

    def of(
        self,
        segment_id: int,
        person_id: int | None,
        organisation_id: int | None,
        office: str,
        role: str,
    ) -> Hashable:
        if person_id is not None:
            return (person_id, role)
        alike = (segment_id, organisation_id, office, role)
        self._seen[alike] = self._seen.get(alike, 0) + 1
        return ("place", organisation_id, office, role, self._seen[alike])


def _sync_interventions(
    meeting: Meeting,
    entry: MeetingEntry,
    segments: Mapping[Hashable, Segment],
    turns: dict[int, list[Intervention]],
    lookups: Lookups,
    writer: RowWriter,
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
    entries: dict[int, list[InterventionEntry]] = {}
    for intervention in entry.interventions:
        entries.setdefault(segments[intervention.segment].pk, []).append(intervention)
    for segment in segments.values():
        synced = writer.sync(
            "interventions",
            by_position(turns.pop(segment.pk, [])),
            described.get(segment.pk, []),
            lambda segment=segment: Intervention(segment=segment),  # type: ignore[misc]
            f" in segment {segment.key}{of_meeting(meeting)}",
        )
        for position, turn_entry in enumerate(entries.get(segment.pk, [])):
            sync_marks(synced[position], turn_entry.marks, lookups, writer)
    for rows in turns.values():  # in segments the file does not describe
        writer.leave("interventions", rows, of_meeting(meeting))
