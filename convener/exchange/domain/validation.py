"""Validating a series file: its form against the schema, then its references.

Every problem is reported at once, each naming the file, the line and the
field, so that a secretariat can fix a file in one pass: keys given twice,
mistakes of form and unknown references alike. References are checked on
the file's data as read, not on the validated document, so that a mistake of
form in a meeting does not hide an unknown State in the same meeting.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from convener.directory.models import Organisation, Person, State, StateGroup
from convener.exchange.format.schema import ISO3, TBC, Key, MaybeTime, SeriesDocument
from convener.exchange.format.source import DataPath, Problem, Source, field_name
from convener.meetings.models import OptionalFact

__all__ = ["Problem", "SeriesDataError", "field_name", "validate"]

# Alpha-2 codes ISO 3166 reserves for a country that has another one, as
# people write them: the United Kingdom is GB (GBR), Greece GR (GRC).
_RESERVED_ALPHA_2 = {"UK": "GB", "EL": "GR"}
# Who a turn on the floor may name; at least one of them.
_SPEAKERS = ("speaker", "state", "group", "organisation")
# The facts a meeting may list as not applicable (`OptionalFact`).
_NOT_APPLICABLE_FACTS = frozenset(OptionalFact.values)
# A value quoted in a message is cut: the file holds the rest.
_QUOTED_LENGTH = 60


class SeriesDataError(Exception):
    """A series file that cannot be imported, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def _pattern_of(annotated: Any) -> str:
    """The regular expression a constrained type of the schema declares."""
    field_info = annotated.__metadata__[0]
    return next(item.pattern for item in field_info.metadata if getattr(item, "pattern", None))


_ISO3_PATTERN = _pattern_of(ISO3)
_KEY_PATTERN = _pattern_of(Key)
_time_of_day: TypeAdapter[datetime.time | None] = TypeAdapter(MaybeTime)


def _quoted(value: object) -> str:
    text = str(value)
    return f'"{text[:_QUOTED_LENGTH]}…"' if len(text) > _QUOTED_LENGTH else f'"{text}"'


class _StateCodes:
    """ISO3 codes of the reference data by alpha-2 code, read when first needed."""

    def __init__(self) -> None:
        self._by_alpha_2: dict[str, str] | None = None

    def suggestion(self, given: str) -> str | None:
        if self._by_alpha_2 is None:
            self._by_alpha_2 = dict(State.objects.values_list("iso2", "iso3"))
        code = given.strip().upper()
        if len(code) == 2:
            return self._by_alpha_2.get(_RESERVED_ALPHA_2.get(code, code))
        return code if code in self._by_alpha_2.values() else None

    def message(self, given: str) -> str:
        suggestion = self.suggestion(given)
        said = f"{given} is not a three-letter ISO code"
        if suggestion:
            return f"{said}; did you mean {suggestion}?"
        return f"{said} of a State (ISO 3166-1 alpha-3, in capitals, such as GBR)"


def _schema_message(error: ErrorDetails, states: _StateCodes) -> str:
    message = error["msg"]
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not a field of the format"
    given = error.get("input")
    if error["type"] == "string_pattern_mismatch" and isinstance(given, str):
        pattern = (error.get("ctx") or {}).get("pattern")
        if pattern == _ISO3_PATTERN:
            return states.message(given)
        if pattern == _KEY_PATTERN:
            return (
                f"{_quoted(given)} is not a key: lower-case letters and digits, "
                "words joined by single hyphens (such as gmg-2016)"
            )
    if isinstance(given, str | int) and not isinstance(given, bool):
        return f"{_quoted(given)}: {message}"
    return message


def _duplicates(values: Iterable[object]) -> Iterator[int]:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value is not None and value in seen:
            yield index
        seen.add(value)


# Reading the file's data as it is: a value of the wrong type is the schema's
# to report, so these helpers turn it into "absent" rather than fail.
def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _entries(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _number(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _time(value: Any) -> datetime.time | None:
    try:
        return _time_of_day.validate_python(value)
    except ValidationError:
        return None


@dataclass
class _Known:
    organisations: set[str]
    people: set[str]
    states: set[str]
    groups: set[str]

    @classmethod
    def for_data(cls, data: dict[str, Any]) -> _Known:
        return cls(
            organisations=_keys(data.get("organisations"))
            | set(Organisation.objects.values_list("key", flat=True)),
            people=_keys(data.get("people")) | set(Person.objects.values_list("key", flat=True)),
            states=set(State.objects.values_list("iso3", flat=True)),
            groups=set(StateGroup.objects.values_list("key", flat=True)),
        )


def _keys(entries: Any) -> set[str]:
    return {key for _, entry in _items(entries) if (key := _text(entry.get("key")))}


_LABELS = {
    "organisations": "organisation",
    "people": "person",
    "states": "State (ISO 3166-1 alpha-3 code of a UN Member or observer State)",
    "groups": "group of States",
}


class _ReferenceChecker:
    def __init__(self, source: Source, data: dict[str, Any], reported: set[DataPath]) -> None:
        self.source = source
        self.data = data
        self.reported = reported  # paths whose value the schema already refused
        self.known = _Known.for_data(data)
        self.problems: list[Problem] = []

    def report(self, path: DataPath, message: str) -> None:
        self.problems.append(problem_at(self.source, path, message))

    def expect(self, kind: str, value: Any, path: DataPath) -> None:
        given = _text(value)
        if given is None or path in self.reported:
            return
        if given not in getattr(self.known, kind):
            self.report(path, f'"{given}" is not a known {_LABELS[kind]}')

    def unique(self, values: Sequence[object], path: DataPath, what: str) -> None:
        for index in _duplicates(values):
            self.report((*path, index), f'{what} "{values[index]}" appears twice')

    def check(self) -> list[Problem]:
        data = self.data
        organisations, people = _items(data.get("organisations")), _items(data.get("people"))
        meetings = _items(data.get("meetings"))
        self.unique_in(organisations, ("organisations",), "key", _text)
        self.unique_in(people, ("people",), "key", _text)
        self.unique_in(meetings, ("meetings",), "number", _number)
        for index, organisation in organisations:
            self.expect("states", organisation.get("state"), ("organisations", index, "state"))
        for index, person in people:
            where = ("people", index, "organisation")
            self.expect("organisations", person.get("organisation"), where)
        self.check_convening_group(_mapping(data.get("convening_group")))
        self.check_series(_mapping(data.get("series")))
        for index, meeting in meetings:
            self.check_meeting(meeting, ("meetings", index))
        return self.problems

    def unique_in(self, entries, path: DataPath, name: str, normal) -> None:
        """Report each entry whose `name` repeats an earlier entry's, at its own index."""
        seen: set[object] = set()
        for index, entry in entries:
            value = normal(entry.get(name))
            if value is not None and value in seen:
                self.report((*path, index), f'{name} "{value}" appears twice')
            seen.add(value)

    def check_convening_group(self, group: dict[str, Any]) -> None:
        base = ("convening_group",)
        for index, member in _entries(group.get("members")):
            self.expect("organisations", member, (*base, "members", index))
        chairs = _items(group.get("chairs"))
        for index, chair in chairs:
            where = (*base, "chairs", index, "organisation")
            self.expect("organisations", chair.get("organisation"), where)
        self.unique_in(chairs, (*base, "chairs"), "year", _number)

    def check_series(self, series: dict[str, Any]) -> None:
        self.expect("people", series.get("rapporteur"), ("series", "rapporteur"))
        references = _items(series.get("references"))
        self.unique_in(references, ("series", "references"), "symbol", _text)
        classification = series.get("classification")
        if not isinstance(classification, dict):
            return
        base = ("series", "classification")
        listed: dict[str, set[str]] = {}
        for status in ("developed", "developing"):
            codes = _entries(classification.get(status))
            for index, iso3 in codes:
                self.expect("states", iso3, (*base, status, index))
            listed[status] = {code for _, value in codes if (code := _text(value))}
        for iso3 in sorted(listed["developed"] & listed["developing"]):
            self.report(base, f"{iso3} is classified both developed and developing")

    def check_meeting(self, meeting: dict[str, Any], path: DataPath) -> None:
        start, end = _time(meeting.get("start")), _time(meeting.get("end"))
        if start and end and end <= start and (*path, "end") not in self.reported:
            self.report((*path, "end"), "the meeting must end after it starts")
        co_organisers = _entries(meeting.get("co_organisers"))
        for index, key in co_organisers:
            self.expect("organisations", key, (*path, "co_organisers", index))
        self.unique(
            [_text(key) for _, key in co_organisers], (*path, "co_organisers"), "co-organiser"
        )
        co_chairs = _items(meeting.get("co_chairs"))
        for index, co_chair in co_chairs:
            self.expect("states", co_chair.get("state"), (*path, "co_chairs", index, "state"))
            self.expect("people", co_chair.get("person"), (*path, "co_chairs", index, "person"))
        self.unique_in(co_chairs, (*path, "co_chairs"), "state", _text)
        self.expect("people", meeting.get("moderator"), (*path, "moderator"))
        self.check_not_applicable(meeting, path)
        segments = _items(meeting.get("segments"))
        self.unique_in(segments, (*path, "segments"), "key", _text)
        segment_keys = {_text(segment.get("key")) for _, segment in segments}
        for index, segment in segments:
            for position, participant in _items(segment.get("participants")):
                where = (*path, "segments", index, "participants", position)
                self.check_place(participant, where)
        if meeting.get("status") == "reported" and meeting.get("record_released") is False:
            self.report(
                (*path, "record_released"),
                "a reported meeting's record is released: reporting a meeting releases it",
            )
        number = _number(meeting.get("number"))
        for index, intervention in _items(meeting.get("interventions")):
            where = (*path, "interventions", index)
            self.check_intervention(intervention, where, segment_keys, number)

    def check_not_applicable(self, meeting: dict[str, Any], path: DataPath) -> None:
        """A fact the meeting has none of by design is given no value."""
        facts = [_text(fact) for _, fact in _entries(meeting.get("not_applicable"))]
        self.unique(facts, (*path, "not_applicable"), "fact")
        for fact in dict.fromkeys(facts):
            if fact not in _NOT_APPLICABLE_FACTS:
                continue  # the schema says what the facts are
            if meeting.get(fact) not in (None, "", [], TBC):
                self.report(
                    (*path, fact),
                    f"the meeting lists {fact} in not_applicable: it has none, so leave {fact} out",
                )

    def check_place(self, participant: dict[str, Any], where: DataPath) -> None:
        """A participant is a person, or what stands in for one not yet named."""
        self.expect("people", participant.get("person"), (*where, "person"))
        self.expect("organisations", participant.get("organisation"), (*where, "organisation"))
        if participant.get("person") and (
            participant.get("office") or participant.get("organisation")
        ):
            self.report(
                (*where, "person"),
                "a participant is either a person or, until the person is named, "
                "an office or an organisation: not both",
            )

    def check_intervention(
        self,
        intervention: dict[str, Any],
        where: DataPath,
        segment_keys: set[str | None],
        number: int | None,
    ) -> None:
        segment = _text(intervention.get("segment"))
        if segment and segment not in segment_keys and (*where, "segment") not in self.reported:
            self.report(
                (*where, "segment"),
                f'"{segment}" is not a segment of meeting {number}: '
                "every speaker takes the floor in a segment of the programme",
            )
        for field, kind in (
            ("speaker", "people"),
            ("state", "states"),
            ("group", "groups"),
            ("organisation", "organisations"),
        ):
            self.expect(kind, intervention.get(field), (*where, field))
        if not any(_text(intervention.get(field)) for field in _SPEAKERS):
            self.report(where, "names no speaker: give a speaker, state, group or organisation")
        capacity = intervention.get("capacity")
        if capacity == "group" and not _text(intervention.get("group")):
            self.report((*where, "group"), "is required when speaking on behalf of a group")
        if capacity == "office" and not _text(intervention.get("office")):
            self.report((*where, "office"), "is required when speaking as holder of an office")
        for index, mark in _items(intervention.get("marks")):
            for field, kind in (
                ("person", "people"),
                ("state", "states"),
                ("organisation", "organisations"),
            ):
                self.expect(kind, mark.get(field), (*where, "marks", index, field))
            if (
                sum(bool(_text(mark.get(field))) for field in ("person", "state", "organisation"))
                > 1
            ):
                self.report(
                    (*where, "marks", index),
                    "names one author: a state, an organisation or a person",
                )


def problem_at(source: Source, path: DataPath, message: str) -> Problem:
    return Problem(
        line=source.line_of(path), field=field_name(path), message=message, file=source.name
    )


def _form_errors(source: Source) -> tuple[SeriesDocument | None, list[ErrorDetails]]:
    try:
        return SeriesDocument.model_validate(source.data), []
    except ValidationError as invalid:
        return None, invalid.errors()


def validate(source: Source) -> SeriesDocument:
    """The checked document, or SeriesDataError listing every problem found."""
    document, errors = _form_errors(source)
    states = _StateCodes()
    problems = [
        problem_at(source, tuple(error["loc"]), _schema_message(error, states)) for error in errors
    ]
    data = source.data if isinstance(source.data, dict) else {}
    reported = {tuple(error["loc"]) for error in errors}
    problems += _ReferenceChecker(source, data, reported).check()
    problems = [*source.problems, *problems]
    if problems or document is None:
        raise SeriesDataError(problems)
    return document
