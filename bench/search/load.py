"""Writing the generated corpus into the database Django is configured with.

Bulk inserts, not the series importer: the importer checks and reconciles
every row, which is right for a secretariat's file and needless for a
corpus that only the benchmark reads. Call `django.setup()` first.
"""

from __future__ import annotations

import datetime

from corpus import (
    ORGANISATIONS,
    SEGMENTS,
    SERIES_THEMES,
    Statement,
    people,
    series_slug,
    statements,
)

BATCH = 2_000


def states() -> list[tuple[str, str]]:
    """Member States as (ISO alpha-3, name), loading the reference data if needed."""
    from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
    from convener.directory.models import State

    if not reference_data_loaded():
        load_reference_data()
    return [
        (state.iso3, state.name)
        for state in State.objects.order_by("iso3")
        if state.status == "member"
    ]


def load(count: int, *, series: int) -> dict[str, int]:
    """The first `count` statements of the corpus over `series` series; returns what was written."""
    from convener.directory.models import ConveningGroup, Organisation, Person, State

    state_pairs = states()
    group, _ = ConveningGroup.objects.get_or_create(
        key="bench-group", defaults={"name": "Bench Convening Group"}
    )
    organisations = {}
    for key, name, acronym, kind in ORGANISATIONS:
        organisations[key], _ = Organisation.objects.get_or_create(
            key=key, defaults={"name": name, "acronym": acronym, "kind": kind}
        )
    speaker_rows = people()
    Person.objects.bulk_create(
        [
            Person(key=key, honorific=honorific, given_name=given, family_name=family)
            for key, honorific, given, family in speaker_rows
        ],
        ignore_conflicts=True,
    )
    person_ids = dict(Person.objects.filter(key__startswith="bench-p").values_list("key", "pk"))
    speaker_ids = [person_ids[key] for key, *_ in speaker_rows]
    state_ids = dict(State.objects.values_list("iso3", "pk"))
    organisation_ids = {key: organisation.pk for key, organisation in organisations.items()}
    segments = _programme(group, count, series)
    written = 0
    batch: list[object] = []
    for statement in statements(count, state_pairs, series=series):
        batch.append(_intervention(statement, segments, speaker_ids, state_ids, organisation_ids))
        if len(batch) >= BATCH:
            written += _flush(batch)
    written += _flush(batch)
    return {"statements": written, "series": series, "segments": len(segments)}


def _programme(group: object, count: int, series: int) -> dict[tuple[int, int, str], int]:
    """Series, meetings and segments of the layout; segment ids by (series, meeting, key)."""
    from corpus import layout

    from convener.meetings.models import Meeting, Segment, Series

    ids = {}
    for series_index, meetings in enumerate(layout(count, series), start=1):
        theme = SERIES_THEMES[(series_index - 1) % len(SERIES_THEMES)]
        year = 2016 + (series_index - 1) // len(SERIES_THEMES)
        record = Series.objects.create(
            slug=series_slug(series_index),
            title=f"Dialogue on {theme} ({year}, series {series_index})",
            status="published",
            convening_group=group,
            venue="United Nations Headquarters, New York",
        )
        for number in range(1, len(meetings) + 1):
            date = datetime.date(year, 2, 1) + datetime.timedelta(days=14 * number)
            meeting = Meeting.objects.create(
                series=record,
                number=number,
                title=f"Meeting {number} on {theme}",
                status="reported",
                date=date,
                start_time=datetime.time(10, 0),
                end_time=datetime.time(13, 0),
                record_released_at=datetime.datetime.combine(
                    date + datetime.timedelta(days=1), datetime.time(9, 0), tzinfo=datetime.UTC
                ),
            )
            for order, (key, kind, title) in enumerate(SEGMENTS):
                segment = Segment.objects.create(
                    meeting=meeting, key=key, kind=kind, title=title, order=order
                )
                ids[(series_index, number, key)] = segment.pk
    return ids


def _intervention(
    statement: Statement,
    segments: dict[tuple[int, int, str], int],
    speaker_ids: list[int],
    state_ids: dict[str, int],
    organisation_ids: dict[str, int],
) -> object:
    from convener.records.models import Intervention

    return Intervention(
        segment_id=segments[(statement.series, statement.meeting, statement.segment)],
        order=statement.position,
        kind=statement.kind,
        speaker_id=speaker_ids[statement.speaker],
        state_id=state_ids.get(statement.state),
        organisation_id=organisation_ids.get(statement.organisation),
        capacity=statement.capacity,
        summary=statement.summary,
        points=list(statement.points),
    )


def _flush(batch: list[object]) -> int:
    from convener.records.models import Intervention

    size = len(batch)
    if batch:
        Intervention.objects.bulk_create(batch)  # type: ignore[arg-type]
        batch.clear()
    return size
