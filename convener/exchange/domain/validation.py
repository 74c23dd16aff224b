"""Validating a series file: its form against the schema, then its references.

Every problem is reported at once, each naming the file, the line and the
field, so that a secretariat can fix a file in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from convener.directory.models import Organisation, Person, State, StateGroup
from convener.exchange.interfaces.schema import MeetingEntry, SeriesDocument
from convener.exchange.interfaces.source import DataPath, Source


@dataclass(frozen=True, order=True)
class Problem:
    line: int
    field: str
    message: str
    file: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class SeriesDataError(Exception):
    """A series file that cannot be imported, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def field_name(path: DataPath) -> str:
    """`("meetings", 1, "date")` → `meetings[1].date`."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or "(document)"


def _problem(source: Source, path: DataPath, message: str) -> Problem:
    return Problem(
        line=source.line_of(path), field=field_name(path), message=message, file=source.name
    )


def _schema_message(error: ErrorDetails) -> str:
    message = error["msg"]
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not a field of the format"
    given = error.get("input")
    if isinstance(given, str | int) and not isinstance(given, bool):
        return f'"{given}": {message}'
    return message


def check_form(source: Source) -> SeriesDocument:
    try:
        return SeriesDocument.model_validate(source.data)
    except ValidationError as invalid:
        raise SeriesDataError(
            [
                _problem(source, tuple(error["loc"]), _schema_message(error))
                for error in invalid.errors()
            ]
        ) from None


def _duplicates(values: Iterable[object]) -> Iterator[int]:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index
        seen.add(value)


@dataclass
class _Known:
    organisations: set[str]
    people: set[str]
    states: set[str]
    groups: set[str]

    @classmethod
    def for_document(cls, document: SeriesDocument) -> _Known:
        return cls(
            organisations={entry.key for entry in document.organisations}
            | set(Organisation.objects.values_list("key", flat=True)),
            people={entry.key for entry in document.people}
            | set(Person.objects.values_list("key", flat=True)),
            states=set(State.objects.values_list("iso3", flat=True)),
            groups=set(StateGroup.objects.values_list("key", flat=True)),
        )


class _ReferenceChecker:
    def __init__(self, source: Source, document: SeriesDocument) -> None:
        self.source = source
        self.document = document
        self.known = _Known.for_document(document)
        self.problems: list[Problem] = []

    def report(self, path: DataPath, message: str) -> None:
        self.problems.append(_problem(self.source, path, message))

    def expect(self, kind: str, value: str | None, path: DataPath) -> None:
        if value is None:
            return
        known = getattr(self.known, kind)
        if value not in known:
            label = {
                "organisations": "organisation",
                "people": "person",
                "states": "State (ISO 3166-1 alpha-3 code of a UN Member or observer State)",
                "groups": "group of States",
            }[kind]
            self.report(path, f'"{value}" is not a known {label}')

    def unique(self, values: Sequence[object], path: DataPath, what: str) -> None:
        for index in _duplicates(values):
            self.report((*path, index), f'{what} "{values[index]}" appears twice')

    def check(self) -> list[Problem]:
        document = self.document
        self.unique([entry.key for entry in document.organisations], ("organisations",), "key")
        self.unique([entry.key for entry in document.people], ("people",), "key")
        self.unique([meeting.number for meeting in document.meetings], ("meetings",), "number")
        for index, organisation in enumerate(document.organisations):
            self.expect("states", organisation.state, ("organisations", index, "state"))
        for index, person in enumerate(document.people):
            self.expect("organisations", person.organisation, ("people", index, "organisation"))
        self.check_convening_group()
        self.check_series()
        for index, meeting in enumerate(document.meetings):
            self.check_meeting(meeting, ("meetings", index))
        return self.problems

    def check_convening_group(self) -> None:
        group = self.document.convening_group
        if group is None:
            return
        for index, member in enumerate(group.members):
            self.expect("organisations", member, ("convening_group", "members", index))
        for index, chair in enumerate(group.chairs):
            path = ("convening_group", "chairs", index, "organisation")
            self.expect("organisations", chair.organisation, path)
        self.unique([chair.year for chair in group.chairs], ("convening_group", "chairs"), "year")

    def check_series(self) -> None:
        series = self.document.series
        self.expect("people", series.rapporteur, ("series", "rapporteur"))
        self.unique(
            [reference.symbol for reference in series.references],
            ("series", "references"),
            "symbol",
        )
        if series.classification:
            base = ("series", "classification")
            for status in ("developed", "developing"):
                for index, iso3 in enumerate(getattr(series.classification, status)):
                    self.expect("states", iso3, (*base, status, index))
            both = set(series.classification.developed) & set(series.classification.developing)
            for iso3 in sorted(both):
                self.report(base, f"{iso3} is classified both developed and developing")

    def check_meeting(self, meeting: MeetingEntry, path: DataPath) -> None:
        if meeting.start and meeting.end and meeting.end <= meeting.start:
            self.report((*path, "end"), "the meeting must end after it starts")
        for index, key in enumerate(meeting.co_organisers):
            self.expect("organisations", key, (*path, "co_organisers", index))
        self.unique(meeting.co_organisers, (*path, "co_organisers"), "co-organiser")
        for index, co_chair in enumerate(meeting.co_chairs):
            self.expect("states", co_chair.state, (*path, "co_chairs", index, "state"))
            self.expect("people", co_chair.person, (*path, "co_chairs", index, "person"))
        self.unique([c.state for c in meeting.co_chairs], (*path, "co_chairs"), "co-chair")
        self.expect("people", meeting.moderator, (*path, "moderator"))
        segment_keys = [segment.key for segment in meeting.segments]
        self.unique(segment_keys, (*path, "segments"), "segment key")
        for index, segment in enumerate(meeting.segments):
            for position, participant in enumerate(segment.participants):
                where = (*path, "segments", index, "participants", position, "person")
                self.expect("people", participant.person, where)
        for index, intervention in enumerate(meeting.interventions):
            where = (*path, "interventions", index)
            if intervention.segment not in segment_keys:
                self.report(
                    (*where, "segment"),
                    f'"{intervention.segment}" is not a segment of meeting {meeting.number}: '
                    "every speaker takes the floor in a segment of the programme",
                )
            self.expect("people", intervention.speaker, (*where, "speaker"))
            self.expect("states", intervention.state, (*where, "state"))
            self.expect("groups", intervention.group, (*where, "group"))
            self.expect("organisations", intervention.organisation, (*where, "organisation"))
            self.check_delegation(intervention, where)

    def check_delegation(self, intervention, where: DataPath) -> None:
        if not any(
            (
                intervention.speaker,
                intervention.state,
                intervention.group,
                intervention.organisation,
            )
        ):
            self.report(where, "names no speaker: give a speaker, state, group or organisation")
        if intervention.capacity == "group" and not intervention.group:
            self.report((*where, "group"), "is required when speaking on behalf of a group")
        if intervention.capacity == "office" and not intervention.office:
            self.report((*where, "office"), "is required when speaking as holder of an office")


def validate(source: Source) -> SeriesDocument:
    """The checked document, or SeriesDataError listing every problem found."""
    document = check_form(source)
    problems = _ReferenceChecker(source, document).check()
    if problems:
        raise SeriesDataError(problems)
    return document
