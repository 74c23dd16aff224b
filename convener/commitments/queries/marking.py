"""What the rapporteur is shown to mark: each statement's points (or, where it
has none, its summary's sentences), with what their words suggest and what
has been decided."""

from __future__ import annotations

from dataclasses import dataclass

from convener.commitments.cues import Suggestion, sentences, suggest
from convener.commitments.models import Mark, UnitSource
from convener.meetings.models import Meeting
from convener.records.models import Intervention


@dataclass
class Unit:
    """One markable piece of a statement."""

    source: str
    position: int
    text: str
    suggestion: Suggestion
    mark: Mark | None

    @property
    def changed_since_marked(self) -> bool:
        return self.mark is not None and self.mark.excerpt != self.text

    @property
    def key(self) -> str:
        return f"{self.source}-{self.position}"


@dataclass
class StatementUnits:
    intervention: Intervention
    units: list[Unit]


def unit_texts(intervention: Intervention) -> list[tuple[str, int, str]]:
    """(source, position, text) of each unit: the points, else the summary's sentences."""
    points = [str(point) for point in intervention.points or [] if str(point).strip()]
    if points:
        return [(UnitSource.POINT, index, point) for index, point in enumerate(points)]
    return [
        (UnitSource.SENTENCE, index, sentence)
        for index, sentence in enumerate(sentences(intervention.summary))
    ]


def unit_text(intervention: Intervention, source: str, position: int) -> str | None:
    """The text of one unit, or None if the statement has no such unit now."""
    for unit_source, unit_position, text in unit_texts(intervention):
        if (unit_source, unit_position) == (source, position):
            return text
    return None


def units_of(intervention: Intervention, language: str, marks: list[Mark]) -> list[Unit]:
    by_place = {(mark.source, mark.position): mark for mark in marks}
    return [
        Unit(source, position, text, suggest(text, language), by_place.get((source, position)))
        for source, position, text in unit_texts(intervention)
    ]


def statements_to_mark(meeting: Meeting) -> list[StatementUnits]:
    """Every statement of the meeting's record with its units, in the record's order."""
    interventions = list(
        Intervention.objects.filter(segment__meeting=meeting)
        .select_related("speaker", "state", "state_group", "organisation", "segment")
        .order_by("segment__order", "order", "pk")
    )
    marks: dict[int, list[Mark]] = {}
    for mark in Mark.objects.filter(intervention__in=interventions).select_related(
        "author_state", "author_organisation", "author_person"
    ):
        marks.setdefault(mark.intervention_id, []).append(mark)
    language = meeting.series.language
    return [
        StatementUnits(
            intervention, units_of(intervention, language, marks.get(intervention.pk, []))
        )
        for intervention in interventions
    ]
