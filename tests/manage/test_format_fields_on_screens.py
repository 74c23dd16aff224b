"""Every field of the series data format can be edited on the workspace screens.

The fields are read from the format's JSON Schema (`convener schema`, built
from `convener/exchange/format/schema.py`, which the importer validates
with), walked down to its leaves: `meetings.segments.participants.role`.
`ON_SCREENS` says, for each, which workspace form edits it, and the test
checks that the form has that field. A field the format gains fails
`test_every_format_field_is_edited_on_a_screen` until it is added here with
its form; a field the format loses fails `test_every_listed_field_is_in_the_format`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.urls import get_resolver

from convener.directory.models import Person
from convener.exchange.format.schema import json_schema
from convener.manage.interfaces.classification import ClassificationForm
from convener.manage.interfaces.commitments import MarkForm, StatusForm
from convener.manage.interfaces.convening import ChairRow, ConveningGroupEditForm
from convener.manage.interfaces.directory import OrganisationForm, PersonForm
from convener.manage.interfaces.house_style import HouseStyleForm
from convener.manage.interfaces.life import PostponeForm
from convener.manage.interfaces.meetings import CoChairRow, CoOrganiserRow, MeetingForm
from convener.manage.interfaces.programme import (
    PartForm,
    ParticipantForm,
    PlaceForm,
    SegmentForm,
)
from convener.manage.interfaces.prose import ProseForm
from convener.manage.interfaces.records import TurnForm
from convener.manage.interfaces.references import ReferenceRow
from convener.manage.interfaces.series import (
    SectionForm,
    SeriesCreateForm,
    SeriesForm,
    SeriesStatusForm,
)
from convener.manage.interfaces.speakers import SpeakerDetailsForm
from convener.meetings.models import Meeting, OptionalFact, Segment
from convener.publishing.models import ReportText
from convener.records.models import Intervention


@dataclass(frozen=True)
class Field:
    """A field of a workspace form; `build` makes the form where its fields are
    made when it is (from the model's own list), not declared on the class."""

    form: type[forms.BaseForm]
    name: str
    build: Callable[[], forms.BaseForm] | None = None

    def problem(self) -> str | None:
        fields = self.build().fields if self.build else self.form.base_fields
        if self.name not in fields:
            return f"{self.form.__name__} has no field {self.name!r}"
        return None


@dataclass(frozen=True)
class Fields:
    """A list in the format whose values are fields of one form, a tick box each
    (the facts a meeting has none of by design)."""

    form: type[forms.BaseForm]
    names: tuple[str, ...]

    def problem(self) -> str | None:
        missing = [name for name in self.names if name not in self.form.base_fields]
        if missing:
            return f"{self.form.__name__} has no field {', '.join(missing)}"
        return None


@dataclass(frozen=True)
class Rows:
    """Values a form shows as rows of its own rather than as fields (the State
    classification's two hundred States): `method` reads them from the data."""

    form: type[forms.BaseForm]
    method: str

    def problem(self) -> str | None:
        if not callable(getattr(self.form, self.method, None)):
            return f"{self.form.__name__} has no {self.method}()"
        return None


@dataclass(frozen=True)
class Text:
    """A long text edited in the one text editor (`ProseForm`) on the screen `url_name`."""

    source: Any  # the model field the editor takes its limits from
    url_name: str

    def problem(self) -> str | None:
        form = ProseForm(label="", source=self.source)
        if form.fields["text"].max_length != self.source.max_length:
            return f"the editor does not take the limit of {self.source}"
        return _missing_screen(self.url_name)


@dataclass(frozen=True)
class Step:
    """A status, changed by the steps the screen `url_name` offers, not typed in."""

    url_name: str

    def problem(self) -> str | None:
        return _missing_screen(self.url_name)


@dataclass(frozen=True)
class Translations:
    """A text's versions in other languages, edited beside the original on the screen `url_name`."""

    url_name: str

    def problem(self) -> str | None:
        return _missing_screen(self.url_name)


@dataclass(frozen=True)
class Given:
    """Not typed by anyone: Convener gives it (a key made from a name, a number in order)."""

    how: str

    def problem(self) -> str | None:
        return None if self.how else "say how Convener gives it"


def _missing_screen(url_name: str) -> str | None:
    _prefix, workspace = get_resolver().namespace_dict["manage"]
    return None if url_name in workspace.reverse_dict else f"no workspace screen {url_name}"


def _speaker_details() -> forms.BaseForm:
    return SpeakerDetailsForm(person=Person())


TRANSLATED = Translations("translation_edit")
KEY = Given("made from the name when the entry is created, and never changed")

# Each field of the format, and what edits it on the workspace screens.
ON_SCREENS: dict[str, Field | Fields | Rows | Text | Step | Translations | Given] = {
    "format": Given("the file's kind, always convener-series"),
    "version": Given("the file's version, always 1"),
    "organisations.key": KEY,
    "organisations.name": Field(OrganisationForm, "name"),
    "organisations.acronym": Field(OrganisationForm, "acronym"),
    "organisations.kind": Field(OrganisationForm, "kind"),
    "organisations.article": Field(OrganisationForm, "article"),
    "organisations.state": Field(OrganisationForm, "state"),
    "organisations.website": Field(OrganisationForm, "website"),
    "people.key": KEY,
    "people.honorific": Field(PersonForm, "honorific"),
    "people.given_name": Field(PersonForm, "given_name"),
    "people.family_name": Field(PersonForm, "family_name"),
    "people.position": Field(PersonForm, "position"),
    "people.organisation": Field(PersonForm, "organisation"),
    "people.short_name": Field(PersonForm, "short_name"),
    "people.gender": Field(PersonForm, "gender"),
    "people.biography": Field(SpeakerDetailsForm, "biography", build=_speaker_details),
    "series.slug": Field(SeriesCreateForm, "slug"),
    "series.title": Field(SeriesForm, "title"),
    "series.short_title": Field(SeriesForm, "short_title"),
    "series.status": Field(SeriesStatusForm, "transition"),
    "series.purpose": Field(SeriesForm, "purpose"),
    "series.prepares.event": Field(SeriesForm, "prepared_event"),
    "series.prepares.date": Field(SeriesForm, "prepared_event_date"),
    "series.timezone": Field(SeriesForm, "timezone"),
    "series.venue": Field(SeriesForm, "venue"),
    "series.default_language": Field(SeriesForm, "default_language"),
    "series.language": Field(SeriesForm, "language"),
    "series.concept_note.translations": TRANSLATED,
    "series.report.translations": TRANSLATED,
    "meetings.concept_note.translations": TRANSLATED,
    "meetings.segments.translations": TRANSLATED,
    "meetings.interventions.translations": TRANSLATED,
    "meetings.translations": TRANSLATED,
    "series.concept_note.kind": Field(SectionForm, "kind"),
    "series.concept_note.heading": Field(SectionForm, "heading"),
    "series.concept_note.body": Field(SectionForm, "body"),
    "series.references.symbol": Field(ReferenceRow, "symbol"),
    "series.references.title": Field(ReferenceRow, "title"),
    "series.references.sdg_targets": Field(ReferenceRow, "sdg_targets"),
    "series.classification.rule": Field(ClassificationForm, "classification_rule"),
    "series.classification.co_chair_balance": Field(ClassificationForm, "co_chair_balance"),
    "series.classification.developed": Rows(ClassificationForm, "statuses"),
    "series.classification.developing": Rows(ClassificationForm, "statuses"),
    "series.classification.unlisted": Rows(ClassificationForm, "statuses"),
    "series.rapporteur": Field(SeriesForm, "rapporteur"),
    "series.funders": Field(SeriesForm, "funders"),
    "series.report.acknowledgements": Text(ReportText._meta.get_field("body"), "report_text"),
    "series.report.introduction": Text(ReportText._meta.get_field("body"), "report_text"),
    "series.report.meetings_called": Field(SeriesForm, "meetings_called"),
    "series.report.imprint.copyright_holder": Field(SeriesForm, "copyright_holder"),
    "series.report.imprint.copyright_year": Field(SeriesForm, "copyright_year"),
    "series.report.imprint.produced_by": Field(SeriesForm, "produced_by"),
    "series.report.imprint.about": Field(SeriesForm, "report_about"),
    **{
        f"series.house_style.{name}": Field(HouseStyleForm, name)
        for name in (
            "body_font",
            "heading_font",
            "body_size",
            "chapter_size",
            "section_size",
            "subsection_size",
            "margin_top",
            "margin_bottom",
            "margin_left",
            "margin_right",
            "emblem_description",
            "participation_annex",
            "emblem",
        )
    },
    "meetings.number": Given("the next number when the meeting is created"),
    "meetings.title": Field(MeetingForm, "title"),
    "meetings.status": Step("meeting_status"),
    "meetings.date": Field(MeetingForm, "date"),
    "meetings.start": Field(MeetingForm, "start_time"),
    "meetings.end": Field(MeetingForm, "end_time"),
    "meetings.ends_next_day": Field(MeetingForm, "ends_next_day"),
    "meetings.venue": Field(MeetingForm, "venue"),
    "meetings.room": Field(MeetingForm, "room"),
    "meetings.format": Field(MeetingForm, "format"),
    "meetings.format_note": Field(MeetingForm, "format_note"),
    "meetings.summary": Text(Meeting._meta.get_field("summary"), "records_summary"),
    "meetings.co_organisers": Field(CoOrganiserRow, "organisation"),
    "meetings.co_chairs.state": Field(CoChairRow, "state"),
    "meetings.co_chairs.person": Field(CoChairRow, "person"),
    "meetings.co_chairs.named_formally": Field(CoChairRow, "named_formally"),
    "meetings.moderator": Field(MeetingForm, "moderator"),
    "convening_group.key": Given(how="made from the group's acronym or name"),
    "convening_group.name": Field(ConveningGroupEditForm, "name"),
    "convening_group.acronym": Field(ConveningGroupEditForm, "acronym"),
    "convening_group.description": Field(ConveningGroupEditForm, "description"),
    "convening_group.members": Field(ConveningGroupEditForm, "members"),
    "convening_group.chairs.year": Field(ChairRow, "year"),
    "convening_group.chairs.organisation": Field(ChairRow, "organisation"),
    "meetings.moderator_role": Field(MeetingForm, "moderator_role"),
    "meetings.part_of.event": Field(MeetingForm, "part_of"),
    "meetings.part_of.link": Field(MeetingForm, "part_of_link"),
    "meetings.interventions.segment": Field(TurnForm, "segment"),
    "meetings.interventions.kind": Field(TurnForm, "kind"),
    "meetings.interventions.speaker": Field(TurnForm, "speaker"),
    "meetings.interventions.state": Field(TurnForm, "state"),
    "meetings.interventions.group": Field(TurnForm, "state_group"),
    "meetings.interventions.organisation": Field(TurnForm, "organisation"),
    "meetings.interventions.capacity": Field(TurnForm, "capacity"),
    "meetings.interventions.office": Field(TurnForm, "office"),
    "meetings.interventions.points": Field(TurnForm, "points"),
    "meetings.interventions.references": Field(TurnForm, "references"),
    "meetings.interventions.sdg_targets": Field(TurnForm, "sdg_targets"),
    "meetings.record_released": Step("records_release"),
    # The date a meeting leaves is what it had when the secretariat postponed it.
    "meetings.postponed_from.date": Step("meeting_postpone"),
    "meetings.postponed_from.start": Step("meeting_postpone"),
    "meetings.postponed_from.end": Step("meeting_postpone"),
    "meetings.postponed_from.reason": Field(PostponeForm, "reason"),
    "meetings.not_applicable": Fields(MeetingForm, tuple(fact.flag for fact in OptionalFact)),
    "meetings.concept_note.kind": Field(SectionForm, "kind"),
    "meetings.concept_note.heading": Field(SectionForm, "heading"),
    "meetings.concept_note.body": Field(SectionForm, "body"),
    "meetings.segments.key": Given("made from the title when the segment is added"),
    "meetings.segments.kind": Field(SegmentForm, "kind"),
    "meetings.segments.title": Field(SegmentForm, "title"),
    "meetings.segments.duration": Field(SegmentForm, "duration"),
    "meetings.segments.summary": Text(Segment._meta.get_field("summary"), "records_segment"),
    "meetings.segments.participants.person": Field(ParticipantForm, "person"),
    "meetings.segments.participants.office": Field(PlaceForm, "office"),
    "meetings.segments.participants.organisation": Field(PlaceForm, "organisation"),
    "meetings.segments.participants.role": Field(ParticipantForm, "role"),
    "meetings.segments.participants.speaking_time": Field(ParticipantForm, "speaking_time"),
    "meetings.segments.participants.capacity": Field(PartForm, "capacity"),
    "meetings.interventions.summary": Text(
        Intervention._meta.get_field("summary"), "records_intervention"
    ),
    # A mark is made on one point (or sentence) of a statement: the marking
    # screen lists them, and which one it is comes with the row, not a field.
    "meetings.interventions.marks.source": Given("the part of the statement the row marks"),
    "meetings.interventions.marks.position": Given("the place of the point the row marks"),
    "meetings.interventions.marks.excerpt": Given("the text of the point or sentence marked"),
    "meetings.interventions.marks.kind": Field(MarkForm, "kind"),
    "meetings.interventions.marks.state": Field(MarkForm, "author"),
    "meetings.interventions.marks.organisation": Field(MarkForm, "author"),
    "meetings.interventions.marks.person": Field(MarkForm, "author"),
    "meetings.interventions.marks.what": Field(MarkForm, "what"),
    "meetings.interventions.marks.due_date": Field(MarkForm, "due_date"),
    "meetings.interventions.marks.due_words": Field(MarkForm, "due_words"),
    "meetings.interventions.marks.status": Field(StatusForm, "status"),
    "meetings.interventions.marks.notes.status": Field(StatusForm, "status"),
    "meetings.interventions.marks.notes.note": Field(StatusForm, "note"),
    "meetings.interventions.marks.notes.at": Given("the moment the status was set"),
    "meetings.interventions.marks.notes.by": Given("the user who set the status"),
}

# Fields whose form another change of the same issue adds (issue 11: item 12
# creates convening groups, item 14 edits the whole record). When it lands,
# each moves to ON_SCREENS with its form; none other may wait here.


def format_fields() -> list[str]:
    """Every leaf of the format's JSON Schema, as a dotted path through its objects
    (a list of objects is walked into; a list of keys or codes is a leaf)."""
    schema = json_schema()
    return list(_leaves(schema, schema, ""))


def _leaves(schema: dict, node: dict, prefix: str) -> Iterator[str]:
    for name, prop in node["properties"].items():
        inner = _object_in(schema, prop)
        if inner is None:
            yield f"{prefix}{name}"
        else:
            yield from _leaves(schema, inner, f"{prefix}{name}.")


def _object_in(schema: dict, prop: dict) -> dict | None:
    """The object the property holds, directly, in a list or as one of its options."""
    if "$ref" in prop:
        target = schema["$defs"][prop["$ref"].rsplit("/", 1)[1]]
        return target if "properties" in target else None
    for option in [prop.get("items", {}), *prop.get("anyOf", [])]:
        found = _object_in(schema, option) if option else None
        if found is not None:
            return found
    return None


def test_the_walk_reaches_the_deepest_fields_of_the_format():
    fields = format_fields()

    assert "meetings.segments.participants.speaking_time" in fields
    assert "series.prepares.date" in fields
    assert "meetings.co_organisers" in fields
    assert "meetings.segments" not in fields


@pytest.mark.parametrize("path", format_fields())
def test_every_format_field_is_edited_on_a_screen(path):
    assert path in ON_SCREENS, (
        f"{path}: no workspace form edits this field of the data format; add the field "
        "to a form and list it in ON_SCREENS"
    )
    assert ON_SCREENS[path].problem() is None, f"{path}: {ON_SCREENS[path].problem()}"


def test_every_listed_field_is_in_the_format():
    assert set(ON_SCREENS) - set(format_fields()) == set()
