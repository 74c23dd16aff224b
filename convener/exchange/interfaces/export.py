"""Writing a whole series in the series data format: the inverse of the importer.

`series_document` reads a series, and the directory entries it refers to, into
the format's Pydantic models, so what is written is checked by the definitions
the importer validates with. `to_yaml` and `to_json` write that document the
way a secretariat writes the file by hand: fields in the schema's order,
fields left at their default left out, TBC written out.

Lists are ordered by their `order` and then by a natural key (a key, a code, a
symbol), never by database id where a natural key exists, and keys are
compared in Python rather than in the database, whose collation may differ:
an export is the same on SQLite and PostgreSQL, and again after `convener
import` has read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import attrgetter
from typing import Any

from django.db.models import OuterRef, Prefetch, Subquery
from pydantic import BaseModel

from convener.commitments.models import Mark, StatusNote
from convener.directory.models import ConveningGroup, Organisation, Person, State
from convener.exchange.format.schema import (
    ChairEntry,
    ClassificationEntry,
    CoChairEntry,
    ConveningGroupEntry,
    HouseStyleEntry,
    ImprintEntry,
    InterventionEntry,
    MarkEntry,
    MeetingEntry,
    OrganisationEntry,
    ParticipantEntry,
    PartOfEntry,
    PersonEntry,
    PostponementEntry,
    PreparedEvent,
    ReferenceEntry,
    ReportEntry,
    ReportTranslation,
    SectionEntry,
    SectionTranslation,
    SegmentEntry,
    SegmentTranslation,
    SeriesDocument,
    SeriesEntry,
    StatusNoteEntry,
    SummaryTranslation,
    TitleTranslation,
    VersionEntry,
    record_released_by_default,
)
from convener.exchange.interfaces.serialisation import json_text, plain, yaml_text
from convener.meetings.models import (
    CoChairBalance,
    ConceptNoteSection,
    DevelopmentStatus,
    Meeting,
    Participation,
    Segment,
    Series,
    StateClassification,
)
from convener.prose.links import followable
from convener.publishing.domain.house_style import STYLE_FIELDS
from convener.publishing.models import HouseStyle, ReportTextKind
from convener.publishing.print_style import print_style
from convener.records.models import Intervention
from convener.texts.models import LANGUAGE_CODES, TextStatus


def _meetings(series: Series) -> list[Meeting]:
    """The series' meetings with their programme and record, in a fixed number of queries."""
    meetings = series.meetings.select_related("moderator").prefetch_related(
        "co_organiser_links__organisation",
        "co_chairs__state",
        "co_chairs__person",
        "sections",
        "postponements",
        "segments__participations__person",
        "segments__participations__organisation",
        Prefetch(
            "segments__interventions",
            queryset=Intervention.objects.select_related(
                "speaker", "state", "state_group", "organisation"
            ),
        ),
        "text_versions",
        "sections__text_versions",
        "segments__text_versions",
        "segments__interventions__text_versions",
        Prefetch(
            "segments__interventions__marks",
            queryset=Mark.objects.select_related(
                "author_state", "author_organisation", "author_person"
            ).order_by("source", "position"),
        ),
        Prefetch(
            "segments__interventions__marks__notes",
            queryset=StatusNote.objects.order_by("at", "pk"),
        ),
    )
    return sorted(meetings, key=attrgetter("number"))


def _segments(meeting: Meeting) -> list[Segment]:
    return sorted(meeting.segments.all(), key=lambda segment: (segment.order, segment.key))


def _interventions(segment: Segment) -> list[Intervention]:
    # No natural key orders two turns recorded at the same position: the one
    # recorded first (the lower id) came first.
    return sorted(segment.interventions.all(), key=lambda turn: (turn.order, turn.pk))


def _sections(sections: Iterable[ConceptNoteSection]) -> list[SectionEntry]:
    return [
        SectionEntry.model_construct(
            kind=section.kind,
            heading=section.heading,
            body=section.body,
            translations=_translations([section], SectionTranslation),
        )
        for section in sorted(sections, key=lambda section: (section.order, section.pk))
    ]


def _translations(
    rows: Iterable[Any], entry: type[BaseModel], name: Callable[[Any, str], str] | None = None
) -> dict[str, Any]:
    """The rows' texts in other languages (their prefetched `text_versions`), by
    language in the settings' order; `name` gives the format's name of a field."""
    texts: dict[str, dict[str, Any]] = {}
    for row in rows:
        for version in row.text_versions.all():
            text = (
                version.text
                if version.status == TextStatus.TRANSLATED
                else VersionEntry.model_construct(text=version.text, status=version.status)
            )
            field = name(row, version.field) if name else version.field
            texts.setdefault(version.language, {})[field] = text
    return {
        language: entry.model_construct(**texts[language])
        for language in LANGUAGE_CODES
        if language in texts
    }


def _known(ids: set[int | None]) -> list[int]:
    """The ids of the foreign keys that are set."""
    return [pk for pk in ids if pk is not None]


def _people_used(series: Series, meetings: list[Meeting]) -> list[Person]:
    """Everyone the series names: rapporteur, moderators, co-chairs, participants, speakers."""
    ids = {series.rapporteur_id}
    for meeting in meetings:
        ids.add(meeting.moderator_id)
        ids.update(co_chair.person_id for co_chair in meeting.co_chairs.all())
        for segment in meeting.segments.all():
            ids.update(part.person_id for part in segment.participations.all())
            ids.update(turn.speaker_id for turn in segment.interventions.all())
            ids.update(
                mark.author_person_id
                for turn in segment.interventions.all()
                for mark in turn.marks.all()
            )
    people = Person.objects.filter(pk__in=_known(ids)).select_related("organisation")
    return sorted(people, key=attrgetter("key"))


def _organisations_used(
    meetings: list[Meeting], people: list[Person], group: ConveningGroup | None
) -> list[Organisation]:
    """Every organisation the series names, and those of the people it names."""
    ids = {person.organisation_id for person in people}
    for meeting in meetings:
        ids.update(link.organisation_id for link in meeting.co_organiser_links.all())
        for segment in meeting.segments.all():
            ids.update(turn.organisation_id for turn in segment.interventions.all())
            ids.update(
                mark.author_organisation_id
                for turn in segment.interventions.all()
                for mark in turn.marks.all()
            )
            ids.update(part.organisation_id for part in segment.participations.all())
    if group is not None:
        ids.update(member.pk for member in group.members.all())
        ids.update(chair.organisation_id for chair in group.chairs.all())
    organisations = Organisation.objects.filter(pk__in=_known(ids)).select_related("state")
    return sorted(organisations, key=attrgetter("key"))


def _convening_group(series: Series) -> ConveningGroup | None:
    if series.convening_group_id is None:
        return None
    return ConveningGroup.objects.prefetch_related("members", "chairs__organisation").get(
        pk=series.convening_group_id
    )


def _organisation_entry(organisation: Organisation) -> OrganisationEntry:
    return OrganisationEntry.model_construct(
        key=organisation.key,
        name=organisation.name,
        acronym=organisation.acronym,
        kind=organisation.kind,
        article=organisation.article,
        state=organisation.state.iso3 if organisation.state else None,
        # An address stored before schemes were checked would make the file unimportable.
        website=followable(organisation.website) or "",
    )


def _person_entry(person: Person) -> PersonEntry:
    return PersonEntry.model_construct(
        key=person.key,
        honorific=person.honorific,
        given_name=person.given_name,
        family_name=person.family_name,
        position=person.position,
        organisation=person.organisation.key if person.organisation else None,
        short_name=person.short_name,
        gender=person.gender or None,
        biography=person.biography,
    )


def _convening_group_entry(group: ConveningGroup) -> ConveningGroupEntry:
    return ConveningGroupEntry.model_construct(
        key=group.key,
        name=group.name,
        acronym=group.acronym,
        description=group.description,
        members=sorted(member.key for member in group.members.all()),
        chairs=[
            ChairEntry.model_construct(year=chair.year, organisation=chair.organisation.key)
            for chair in sorted(group.chairs.all(), key=attrgetter("year"))
        ],
    )


def _classification_entry(series: Series) -> ClassificationEntry | None:
    """The rules and the developed States. When the series classifies every State,
    the importer counts the States left out as developing; otherwise the
    developing States are listed too and the others are left unclassified."""
    given = StateClassification.objects.filter(series=series, state=OuterRef("pk"))
    statuses = list(
        State.objects.annotate(development=Subquery(given.values("status")[:1])).values_list(
            "iso3", "development"
        )
    )
    by_status = {
        status: sorted(iso3 for iso3, given in statuses if given == status)
        for status in DevelopmentStatus.values
    }
    classified = sum(len(states) for states in by_status.values())
    if (
        not classified
        and not series.classification_rule.strip()
        and series.co_chair_balance == CoChairBalance.NONE
    ):
        return None
    every_state_classified = classified == len(statuses)
    return ClassificationEntry.model_construct(
        rule=series.classification_rule,
        co_chair_balance=series.co_chair_balance,
        developed=by_status[DevelopmentStatus.DEVELOPED],
        developing=[] if every_state_classified else by_status[DevelopmentStatus.DEVELOPING],
        unlisted="developing" if every_state_classified else "unclassified",
    )


def _report_entry(series: Series) -> ReportEntry | None:
    stored = list(series.report_texts.prefetch_related("text_versions"))
    texts = {text.kind: text.body for text in stored if text.body.strip()}
    imprint = _imprint_entry(series)
    if not texts and imprint is None and not series.meetings_called:
        return None
    return ReportEntry.model_construct(
        meetings_called=series.meetings_called,
        acknowledgements=texts.get(ReportTextKind.ACKNOWLEDGEMENTS, ""),
        introduction=texts.get(ReportTextKind.INTRODUCTION, ""),
        imprint=imprint,
        # A report text's one field is named in the format by its part.
        translations=_translations(stored, ReportTranslation, lambda text, _field: text.kind),
    )


def _imprint_entry(series: Series) -> ImprintEntry | None:
    entry = ImprintEntry.model_construct(
        copyright_holder=series.copyright_holder,
        copyright_year=series.copyright_year,
        produced_by=series.produced_by,
        about=series.report_about,
    )
    return entry if entry != ImprintEntry() else None


def _plain_number(value: Any) -> Any:
    """A size as the format writes it: a number, not a decimal."""
    return float(value) if isinstance(value, Decimal) else value


def _house_style_entry(series: Series) -> HouseStyleEntry | None:
    """The series' house style; none where it keeps the UN default."""
    style = HouseStyle.objects.filter(series=series).first()
    if style is None:
        return None
    values: dict[str, Any] = {name: _plain_number(getattr(style, name)) for name in STYLE_FIELDS}
    emblem = print_style(style).emblem
    values["emblem"] = emblem.data_uri if emblem else ""
    entry = HouseStyleEntry.model_construct(**values)
    return entry if entry != HouseStyleEntry() else None


def _series_entry(series: Series) -> SeriesEntry:
    prepares = (
        PreparedEvent.model_construct(event=series.prepared_event, date=series.prepared_event_date)
        if series.prepared_event.strip()
        else None
    )
    references = sorted(
        series.references.all(), key=lambda document: (document.order, document.symbol)
    )
    return SeriesEntry.model_construct(
        slug=series.slug,
        title=series.title,
        short_title=series.short_title,
        status=series.status,
        purpose=series.purpose,
        prepares=prepares,
        timezone=series.timezone,
        venue=series.venue,
        default_language=series.default_language,
        language=series.language,
        concept_note=_sections(
            series.sections.filter(meeting__isnull=True).prefetch_related("text_versions")
        ),
        references=[
            ReferenceEntry.model_construct(
                symbol=document.symbol, title=document.title, sdg_targets=document.sdg_targets
            )
            for document in references
        ],
        classification=_classification_entry(series),
        rapporteur=series.rapporteur.key if series.rapporteur else None,
        funders=series.funders,
        report=_report_entry(series),
        house_style=_house_style_entry(series),
    )


def _segment_entry(segment: Segment) -> SegmentEntry:
    participations = sorted(segment.participations.all(), key=_place_order)
    return SegmentEntry.model_construct(
        key=segment.key,
        kind=segment.kind,
        title=segment.title,
        duration=segment.duration,
        summary=segment.summary,
        participants=[
            ParticipantEntry.model_construct(
                person=part.person.key if part.person else None,
                organisation=part.organisation.key if part.organisation else None,
                office=part.office,
                role=part.role,
                capacity=part.capacity,
                speaking_time=part.speaking_time,
            )
            for part in participations
        ],
        translations=_translations([segment], SegmentTranslation),
    )


def _place_order(part: Participation) -> tuple[int, str, str, str, str]:
    """Programme order, then keys: never the database id."""
    return (
        part.order,
        part.person.key if part.person else "",
        part.organisation.key if part.organisation else "",
        part.office,
        part.role,
    )


def _intervention_entry(turn: Intervention, segment: Segment) -> InterventionEntry:
    return InterventionEntry.model_construct(
        segment=segment.key,
        speaker=turn.speaker.key if turn.speaker else None,
        state=turn.state.iso3 if turn.state else None,
        group=turn.state_group.key if turn.state_group else None,
        organisation=turn.organisation.key if turn.organisation else None,
        capacity=turn.capacity or None,
        office=turn.office,
        kind=turn.kind,
        summary=turn.summary,
        points=turn.points,
        references=turn.references,
        sdg_targets=turn.sdg_targets,
        translations=_translations([turn], SummaryTranslation),
        marks=[_mark_entry(mark) for mark in turn.marks.all()],
    )


def _mark_entry(mark: Mark) -> MarkEntry:
    return MarkEntry.model_construct(
        source=mark.source,
        position=mark.position,
        kind=mark.kind,
        excerpt=mark.excerpt,
        state=mark.author_state.iso3 if mark.author_state else None,
        organisation=mark.author_organisation.key if mark.author_organisation else None,
        person=mark.author_person.key if mark.author_person else None,
        what=mark.what,
        due_date=mark.due_date,
        due_words=mark.due_words,
        status=mark.status,
        notes=[
            StatusNoteEntry.model_construct(
                status=note.status, at=note.at, by=note.by_name, note=note.text
            )
            for note in mark.notes.all()
        ],
    )


def _meeting_entry(meeting: Meeting) -> MeetingEntry:
    segments = _segments(meeting)
    co_organisers = sorted(
        meeting.co_organiser_links.all(), key=lambda link: (link.order, link.organisation.key)
    )
    co_chairs = sorted(
        meeting.co_chairs.all(), key=lambda co_chair: (co_chair.order, co_chair.state.iso3)
    )
    return MeetingEntry.model_construct(
        number=meeting.number,
        title=meeting.title,
        status=meeting.status,
        part_of=(
            PartOfEntry.model_construct(event=meeting.part_of, link=meeting.part_of_link)
            if meeting.part_of.strip()
            else None
        ),
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        ends_next_day=meeting.ends_next_day,
        postponed_from=[
            PostponementEntry.model_construct(
                date=earlier.date,
                start=earlier.start_time,
                end=earlier.end_time,
                reason=earlier.reason,
            )
            for earlier in meeting.postponements.all()
        ],
        venue=meeting.venue,
        room=meeting.room,
        format=meeting.format,
        format_note=meeting.format_note,
        summary=meeting.summary,
        # Written only where it differs from the rule for the meeting's status.
        record_released=None
        if meeting.record_is_released == record_released_by_default(meeting.status)
        else meeting.record_is_released,
        co_organisers=[link.organisation.key for link in co_organisers],
        co_chairs=[
            CoChairEntry.model_construct(
                state=co_chair.state.iso3,
                person=co_chair.person.key if co_chair.person else None,
                named_formally=co_chair.named_formally,
            )
            for co_chair in co_chairs
        ],
        moderator=meeting.moderator.key if meeting.moderator else None,
        moderator_role=meeting.moderator_role,
        not_applicable=meeting.not_applicable,
        concept_note=_sections(meeting.sections.all()),
        translations=_translations([meeting], TitleTranslation),
        segments=[_segment_entry(segment) for segment in segments],
        # A meeting's record follows its programme: segment by segment, turn by turn.
        interventions=[
            _intervention_entry(turn, segment)
            for segment in segments
            for turn in _interventions(segment)
        ],
    )


def series_document(series: Series) -> SeriesDocument:
    """The whole series as the format's document, with the directory entries it uses.

    The document is checked as the importer checks a file. Where the database
    holds what the format refuses (a key with capital letters, a duration of
    0 minutes), pydantic's ValidationError says where, as in
    `meetings.0.segments.2.duration`.
    """
    meetings = _meetings(series)
    group = _convening_group(series)
    people = _people_used(series, meetings)
    document = SeriesDocument.model_construct(
        format="convener-series",
        version=1,
        organisations=[
            _organisation_entry(organisation)
            for organisation in _organisations_used(meetings, people, group)
        ],
        people=[_person_entry(person) for person in people],
        convening_group=_convening_group_entry(group) if group else None,
        series=_series_entry(series),
        meetings=[_meeting_entry(meeting) for meeting in meetings],
    )
    # Built unchecked, then checked whole: an error names its place in the document.
    return SeriesDocument.model_validate(document.model_dump())


def to_yaml(series: Series) -> bytes:
    """The series as a YAML file, as a secretariat would write it by hand."""
    return yaml_text(plain(series_document(series))).encode("utf-8")


def to_json(series: Series) -> bytes:
    """The series as an indented JSON file, with the same content as the YAML."""
    return json_text(plain(series_document(series))).encode("utf-8")
