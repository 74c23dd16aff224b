"""Writing a meeting of a series file: its details, co-organisers, co-chairs,
concept note, programme and record, each row found by a stable key."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from convener.exchange.domain.rows import Lookups, RowWriter, by_position, of_meeting
from convener.exchange.interfaces.schema import MeetingEntry, SectionEntry
from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    CoOrganiser,
    Meeting,
    Participation,
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
                    "order": order,
                },
            )
            for order, co_chair in enumerate(entry.co_chairs)
        ),
        lambda: CoChair(meeting=meeting),
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
    for segment in segments.values():
        writer.sync(
            "interventions",
            by_position(turns.pop(segment.pk, [])),
            described.get(segment.pk, []),
            lambda segment=segment: Intervention(segment=segment),  # type: ignore[misc]
            f" in segment {segment.key}{of_meeting(meeting)}",
        )
    for rows in turns.values():  # in segments the file does not describe
        writer.leave("interventions", rows, of_meeting(meeting))
