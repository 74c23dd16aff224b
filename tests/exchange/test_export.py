"""`convener export`: a whole series written in the data format, read back unchanged."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from convener.audit.actors import command_line_operator
from convener.directory.models import ConveningGroup, Organisation, Person, State, StateGroup
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import validate
from convener.exchange.format.source import parse, read
from convener.exchange.interfaces.export import series_document, to_json, to_yaml
from convener.exchange.interfaces.formats import export_formats
from convener.meetings.models import (
    ConceptNoteSection,
    Meeting,
    MeetingStatus,
    Participation,
    ReferenceDocument,
    Segment,
    Series,
    StateClassification,
)
from convener.publishing.models import ReportText
from convener.records.models import Capacity, Intervention
from convener.server.demo import demo_series_file
from tests.factories import (
    CoChairFactory,
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

WRITERS = {"yaml": to_yaml, "json": to_json}
TBC_FIELDS = ("date", "start", "end", "venue", "room")


def database_snapshot() -> dict[str, int]:
    models = (
        Series,
        Meeting,
        Segment,
        Participation,
        Intervention,
        ConceptNoteSection,
        ReferenceDocument,
        StateClassification,
        ReportText,
        Person,
        Organisation,
        ConveningGroup,
    )
    return {model.__name__: model.objects.count() for model in models}


def empty_the_database() -> None:
    """Leave only the reference data: no series and no directory entries."""
    Series.objects.all().delete()
    ConveningGroup.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()


def import_bytes(content: bytes, path: Path) -> Series:
    path.write_bytes(content)
    return import_file(path=path, by=command_line_operator()).series


def exported_data(series: Series) -> dict:
    return parse(to_yaml(series).decode(), "exported.yaml").data


@pytest.mark.parametrize("file_format", ["yaml", "json"])
def test_export_imported_into_empty_database_exports_byte_identical(
    demo_series, tmp_path, file_format
):
    write = WRITERS[file_format]
    exported = write(demo_series)
    empty_the_database()
    assert (Person.objects.count(), Organisation.objects.count()) == (0, 0)

    series = import_bytes(exported, tmp_path / f"gmg-2016.{file_format}")

    assert write(series) == exported


@pytest.mark.parametrize("file_format", ["yaml", "json"])
def test_export_reimported_into_same_database_changes_nothing(demo_series, tmp_path, file_format):
    write = WRITERS[file_format]
    exported = write(demo_series)
    before = database_snapshot()

    series = import_bytes(exported, tmp_path / f"gmg-2016.{file_format}")

    assert database_snapshot() == before
    assert write(series) == exported


def test_export_round_trip_keeps_unknowns_drafts_and_groups(tmp_path):
    meeting = MeetingFactory(
        status=MeetingStatus.DRAFT, date=None, start_time=None, end_time=None, venue="", room=""
    )
    CoChairFactory(meeting=meeting, state=State.objects.get(iso3="NOR"), person=None)
    InterventionFactory(
        segment__meeting=meeting,
        speaker=None,
        state=None,
        state_group=StateGroup.objects.get(key="sids"),
        capacity=Capacity.GROUP,
        summary="Spoke for the group.\r\nAnd for itself.",
        sdg_targets=["10.10"],
    )
    StateClassification.objects.create(
        series=meeting.series, state=State.objects.get(iso3="JPN"), status="developed"
    )
    ReportText.objects.create(series=meeting.series, kind="acknowledgements", body="Thanks.")
    exported = to_yaml(meeting.series)
    empty_the_database()

    series = import_bytes(exported, tmp_path / "series.yaml")

    assert to_yaml(series) == exported


@pytest.mark.parametrize("file_format", ["yaml", "json"])
def test_export_validates_with_the_importer(demo_series, file_format):
    exported = WRITERS[file_format](demo_series).decode()

    document = validate(parse(exported, f"gmg-2016.{file_format}"))

    assert (document.series.slug, len(document.meetings)) == ("gmg-2016", 4)


def test_export_yaml_and_json_hold_the_same_content(demo_series):
    assert exported_data(demo_series) == json.loads(to_json(demo_series))


def without_translations(data):
    """Plain data without the texts in other languages, which the demo loads from
    a file of their own (`gmg-2016-translations.yaml`)."""
    if isinstance(data, dict):
        return {k: without_translations(v) for k, v in data.items() if k != "translations"}
    if isinstance(data, list):
        return [without_translations(item) for item in data]
    return data


def test_export_keeps_every_field_of_the_demo_meetings_and_series(demo_series):
    original = validate(read(demo_series_file()))

    exported = series_document(demo_series)

    assert without_translations([m.model_dump() for m in exported.meetings]) == (
        without_translations([m.model_dump() for m in original.meetings])
    )
    classification = original.series.classification
    assert exported.series.classification.model_dump() == {
        "rule": classification.rule,
        "co_chair_balance": "developing_and_developed",
        "developed": sorted(classification.developed),
        "developing": [],
        "unlisted": "developing",
    }
    assert without_translations(exported.series.model_dump(exclude={"classification"})) == (
        without_translations(original.series.model_dump(exclude={"classification"}))
    )


def test_export_reads_series_in_fixed_number_of_queries(demo_series, django_assert_max_num_queries):
    # Four meetings with their programme, record and earlier dates, and the
    # series' house style; more meetings add none. Six read the texts in other
    # languages (of meetings, sections, segments, statements, the series'
    # sections and the report). One reads the statements' marks (and one
    # more their status notes, when there are marks: the demo has none).
    with django_assert_max_num_queries(23 + 6 + 1):
        series_document(demo_series)


def test_export_lists_directory_entries_sorted_by_key(demo_series):
    data = exported_data(demo_series)

    for section in ("organisations", "people"):
        keys = [entry["key"] for entry in data[section]]
        assert keys == sorted(keys)


def test_export_names_only_the_directory_entries_the_series_uses():
    participation = ParticipationFactory(person__organisation__key="employer")
    OrganisationFactory(key="unrelated-organisation")
    PersonFactory(key="unrelated-person")

    data = exported_data(participation.segment.meeting.series)

    assert [person["key"] for person in data["people"]] == [participation.person.key]
    assert "employer" in [organisation["key"] for organisation in data["organisations"]]
    assert "unrelated-organisation" not in str(data)


def test_export_writes_tbc_for_unknown_date_times_venue_and_room():
    meeting = MeetingFactory(date=None, start_time=None, end_time=None, venue="", room="")

    for write in WRITERS.values():
        written = parse(write(meeting.series).decode(), "exported").data["meetings"][0]
        assert {field: written[field] for field in TBC_FIELDS} == dict.fromkeys(TBC_FIELDS, "TBC")


def test_export_writes_times_and_dates_as_text():
    meeting = MeetingFactory()

    text = to_yaml(meeting.series).decode()

    assert 'date: "2016-04-25"\n    start: "10:00"\n    end: "13:00"\n' in text


def test_export_leaves_out_fields_at_their_default(demo_series):
    data = exported_data(demo_series)

    assert "format" not in data["meetings"][0]  # panels, the default
    kinds = [turn.get("kind") for meeting in data["meetings"] for turn in meeting["interventions"]]
    assert kinds.count(None) == Intervention.objects.filter(kind="statement").count() > 0
    assert "honorific" not in next(
        p for p in data["people"] if p["key"] == "pedro-tigre-de-vasconcelos"
    )


def test_export_breaks_ties_in_order_by_key_not_by_id():
    meeting = MeetingFactory()
    for key in ("zeta", "alpha"):
        CoOrganiserFactory(meeting=meeting, organisation__key=key, order=0)
        SegmentFactory(meeting=meeting, key=f"{key}-panel", order=0)

    written = exported_data(meeting.series)["meetings"][0]

    assert written["co_organisers"] == ["alpha", "zeta"]
    assert [segment["key"] for segment in written["segments"]] == ["alpha-panel", "zeta-panel"]


def test_export_follows_the_programme_for_the_record():
    meeting = MeetingFactory()
    debate = SegmentFactory(meeting=meeting, key="debate", order=2)
    panel = SegmentFactory(meeting=meeting, key="panel", order=1)
    InterventionFactory(segment=debate, order=0)
    InterventionFactory(segment=panel, order=5)

    written = exported_data(meeting.series)["meetings"][0]

    assert [turn["segment"] for turn in written["interventions"]] == ["panel", "debate"]


def test_export_writes_line_breaks_typed_in_a_browser_as_newlines():
    turn = InterventionFactory(summary="First paragraph.\r\n\r\nSecond paragraph.")

    text = to_yaml(turn.segment.meeting.series).decode()

    assert "summary: |-\n" in text
    assert "First paragraph.\n\n" in text
    assert "\r" not in text


def test_export_formats_list_the_data_format_calendar_schedule_and_record():
    formats = export_formats()

    assert list(formats) == [
        "yaml",
        "json",
        "ics",
        "frab-xml",
        "frab-json",
        "akoma-ntoso",
        "popolo",
    ]
    assert (formats["yaml"].write, formats["json"].write) == (to_yaml, to_json)


def test_export_command_writes_file(demo_series, tmp_path):
    path = tmp_path / "gmg-2016.json"

    call_command("export", "gmg-2016", "--format", "json", "-o", str(path))

    assert path.read_bytes() == to_json(demo_series)


def test_export_command_prints_yaml_to_stdout_by_default(demo_series, capsys):
    call_command("export", "gmg-2016")

    assert capsys.readouterr().out == to_yaml(demo_series).decode()


@pytest.mark.parametrize(
    ("file_format", "module", "writer"),
    [
        ("ics", "ical", "series_calendar"),
        ("frab-xml", "frab", "schedule_xml"),
        ("frab-json", "frab", "schedule_json"),
    ],
)
def test_export_command_writes_calendar_and_schedule(
    demo_series, capsys, file_format, module, writer
):
    written_by = getattr(pytest.importorskip(f"convener.exchange.interfaces.{module}"), writer)

    call_command("export", "gmg-2016", "--format", file_format)

    assert capsys.readouterr().out == written_by(demo_series).decode()


def test_export_command_names_the_field_the_format_refuses(capsys):
    segment = SegmentFactory(duration=0)

    with pytest.raises(CommandError) as refused:
        call_command("export", segment.meeting.series.slug)

    assert str(refused.value).splitlines()[1:] == [
        "meetings[0].segments[0].duration: Input should be greater than or equal to 1"
    ]

    assert capsys.readouterr().out == ""


def test_export_command_unknown_series_is_refused(demo_series):
    with pytest.raises(CommandError, match=r'^no series "gmg-2017" \(the series are: gmg-2016\)$'):
        call_command("export", "gmg-2017")


def test_export_round_trip_keeps_the_co_chair_balance_and_unclassified_states(tmp_path):
    meeting = MeetingFactory(
        series__co_chair_balance="developing_and_developed", series__classification_rule="One each"
    )
    for iso3, status in (("JPN", "developed"), ("ZMB", "developing")):
        StateClassification.objects.create(
            series=meeting.series, state=State.objects.get(iso3=iso3), status=status
        )
    exported = to_yaml(meeting.series)
    empty_the_database()

    series = import_bytes(exported, tmp_path / "series.yaml")

    assert to_yaml(series) == exported
    assert "co_chair_balance: developing_and_developed" in exported.decode()
    assert "unlisted: unclassified" in exported.decode()
    assert dict(series.classifications.values_list("state__iso3", "status")) == {
        "JPN": "developed",
        "ZMB": "developing",
    }


def test_export_writes_whether_each_organisation_takes_the(demo_series):
    document = series_document(demo_series)
    articles = {entry.key: entry.article for entry in document.organisations}

    assert (articles["desa"], articles["carleton-university"]) == (True, False)


def test_export_round_trip_keeps_the_default_language(tmp_path):
    series = SeriesFactory(default_language="zh-hans")
    exported = to_yaml(series)
    assert exported_data(series)["series"]["default_language"] == "zh-hans"
    empty_the_database()

    assert import_bytes(exported, tmp_path / "series.yaml").default_language == "zh-hans"
