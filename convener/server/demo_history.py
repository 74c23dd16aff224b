"""The demo's history: its series concept note as first published, then as facts were confirmed.

`gmg-2016-history.yaml` lists the published versions in date order. Each
names, under `before`, the facts it confirmed or renamed as they read until
then, so a state of the series is the series file with the `before` of every
later version put back. Loading imports each state in turn (the importer
updates in place, by stable keys), keeps the documents as that version and
dates it; the last state is the series file itself.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from convener.exchange.domain.importer import import_series
from convener.exchange.domain.rows import ImportSummary
from convener.exchange.domain.validation import validate
from convener.exchange.format import source as series_source
from convener.meetings.models import Series
from convener.publishing.domain.versions import publish_version
from convener.publishing.models import DocumentVersion

# The hour a version is dated at, in the series' time zone.
_PUBLISHED_AT = datetime.time(12, 0)


@dataclass(frozen=True)
class HistoricVersion:
    """One published state: when, why, which documents, and what it changed."""

    date: datetime.date
    note: str
    documents: tuple[str, ...]
    before: tuple[Mapping[str, Any], ...]  # by meeting number: the facts as they read until it


def demo_history_file() -> Path:
    return Path(str(resources.files("convener.demo").joinpath("gmg-2016-history.yaml")))


def read_history(path: Path) -> list[HistoricVersion]:
    """The versions the file lists, in its order (the dates' order)."""
    entries = series_source.read(path).data["versions"]
    return [
        HistoricVersion(
            date=datetime.date.fromisoformat(entry["date"]),
            note=entry["note"],
            documents=tuple(entry.get("documents", ["concept-note"])),
            before=tuple(entry.get("before", [])),
        )
        for entry in entries
    ]


def state_before(data: Mapping[str, Any], later: Sequence[HistoricVersion]) -> dict[str, Any]:
    """The series file as it read before the `later` versions: the latest is
    undone first, so that a fact two versions changed reads as it first did."""
    state = copy.deepcopy(dict(data))
    for version in reversed(later):
        for change in version.before:
            _put_back(state, change)
    return state


def _put_back(state: dict[str, Any], change: Mapping[str, Any]) -> None:
    [meeting] = [entry for entry in state["meetings"] if entry["number"] == change["number"]]
    for field, value in change.items():
        if field == "segments":
            for segment_change in value:
                [segment] = [s for s in meeting["segments"] if s["key"] == segment_change["key"]]
                segment.update(segment_change)
        else:
            meeting[field] = value


def import_state(source: series_source.Source, state: dict[str, Any], by: Any) -> ImportSummary:
    """Import one state of the series, checked as the file itself is."""
    return import_series(document=validate(replace(source, data=state)), by=by)


def publish_dated(series: Series, version: HistoricVersion, by: Any) -> None:
    """Keep the version's documents as the public reads them now, dated as it was published."""
    published_at = datetime.datetime.combine(
        version.date, _PUBLISHED_AT, tzinfo=ZoneInfo(series.timezone)
    )
    for document in version.documents:
        kept, _new = publish_version(series=series, document=document, by=by, note=version.note)
        DocumentVersion.objects.filter(pk=kept.pk).update(published_at=published_at)


def load_with_history(path: Path, history: Path, by: Any) -> ImportSummary:
    """Import the series in each of its states in turn, publishing each
    version; the series ends as the file describes it."""
    source = series_source.read(path)
    versions = read_history(history)
    summary = None
    for index, version in enumerate(versions):
        summary = import_state(source, state_before(source.data, versions[index + 1 :]), by)
        publish_dated(summary.series, version, by)
    if summary is None:  # a history without versions: the file alone
        summary = import_state(source, copy.deepcopy(source.data), by)
    return summary
