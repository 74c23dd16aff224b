"""`convener import FILE`: validate everything, write all or nothing, say exactly what is wrong."""

import pytest
from django.core.management import CommandError, call_command

from convener.audit.actors import command_line_operator
from convener.directory.models import Organisation, Person
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.meetings.models import Meeting, Participation, Segment, Series
from convener.records.models import Intervention
from tests.exchange.conftest import VALID_SERIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def database_snapshot() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Series, Meeting, Segment, Participation, Intervention, Person, Organisation)
    }


def import_errors(path) -> list[str]:
    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())
    return [str(problem) for problem in raised.value.problems]


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_import_valid_file_creates_series_meeting_programme_and_record(series_file):
    summary = import_file(path=series_file(), by=command_line_operator())

    meeting = Meeting.objects.get(series__slug="test-series", number=1)
    assert (summary.meetings, summary.segments, summary.interventions) == (1, 2, 3)
    assert meeting.room == "Conference Room 6"
    assert [link.organisation.acronym for link in meeting.co_organiser_links.all()] == [
        "UNDP",
        "UNHCR",
    ]
    assert [c.state.iso3 for c in meeting.co_chairs.all()] == ["ZMB", "PRT"]
    assert list(
        Participation.objects.filter(segment__key="panel-1").values_list("person__key", "role")
    ) == [("izumi-nakamitsu", "moderator"), ("ninette-kelley", "panellist")]


def test_import_keeps_which_co_chairs_are_named_formally(demo_series):
    first, second = (demo_series.meetings.get(number=number) for number in (1, 2))

    assert [(c.state.iso3, c.named_formally) for c in first.co_chairs.all()] == [
        ("NLD", True),
        ("THA", True),
    ]
    assert [c.named_formally for c in second.co_chairs.all()] == [False, False]


def test_import_records_group_of_states_as_delegation(series_file):
    import_file(path=series_file(), by=command_line_operator())

    group_turn = Intervention.objects.get(state_group__key="sids")
    assert (group_turn.state, group_turn.capacity) == (None, "group")


def test_import_twice_updates_without_duplicates(series_file):
    path = series_file()
    import_file(path=path, by=command_line_operator())
    first = database_snapshot()

    import_file(path=path, by=command_line_operator())

    assert database_snapshot() == first


def test_import_tbc_values_are_stored_as_unknown(broken):
    path = broken('date: 2016-07-13\n    start: "10:00"', "date: TBC\n    start: TBC")

    import_file(path=path, by=command_line_operator())

    meeting = Meeting.objects.get(series__slug="test-series")
    assert (meeting.date, meeting.start_time) == (None, None)


def test_import_bad_date_names_file_line_and_field(broken):
    path = broken("date: 2016-07-13", "date: 2016-07-32")
    text = path.read_text()

    errors = import_errors(path)

    assert len(errors) == 1
    assert errors[0].startswith(
        f"broken.yaml:{line_of(text, 'date: 2016-07-32')}: meetings[0].date: "
    )
    assert '"2016-07-32"' in errors[0]


def test_import_unknown_state_names_file_line_and_field(broken):
    path = broken("state: JPN", "state: XXX")
    text = path.read_text()

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(text, 'state: XXX')}: meetings[0].interventions[1].state: "
        '"XXX" is not a known State (ISO 3166-1 alpha-3 code of a UN Member or observer State)'
    ]


def test_import_missing_required_field_names_its_parent_line(broken):
    path = broken("    title: Strengthening responsibility sharing\n", "")
    text = path.read_text()

    errors = import_errors(path)

    assert errors == [f"broken.yaml:{line_of(text, '- number: 1')}: meetings[0].title: is required"]


def test_import_speaker_in_no_segment_is_refused(broken):
    path = broken("- segment: panel-1", "- segment: panel-9")
    text = path.read_text()

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(text, 'segment: panel-9')}: meetings[0].interventions[0].segment: "
        '"panel-9" is not a segment of meeting 1: every speaker takes the floor in a segment '
        "of the programme"
    ]


def test_import_unknown_person_in_programme_is_refused(broken):
    path = broken("{person: izumi-nakamitsu, role: moderator}", "{person: nobody, role: moderator}")

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(path.read_text(), 'person: nobody')}: "
        'meetings[0].segments[0].participants[0].person: "nobody" is not a known person'
    ]


def test_import_misspelt_field_is_refused(broken):
    path = broken("room: Conference Room 6", "rooom: Conference Room 6")

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(path.read_text(), 'rooom')}: meetings[0].rooom: "
        "is not a field of the format"
    ]


def test_import_reports_every_problem_of_form_at_once(series_file):
    text = VALID_SERIES.replace("date: 2016-07-13", "date: someday").replace(
        "kind: interactive_debate", "kind: debate"
    )

    errors = import_errors(series_file(text))

    assert [error.split(": ")[1] for error in errors] == [
        "meetings[0].date",
        "meetings[0].segments[1].kind",
    ]


def test_import_reports_every_unknown_reference_at_once(series_file):
    text = VALID_SERIES.replace("state: JPN", "state: XXX").replace("group: sids", "group: nope")

    errors = import_errors(series_file(text))

    assert [error.split(": ")[1] for error in errors] == [
        "meetings[0].interventions[1].state",
        "meetings[0].interventions[2].group",
    ]


def test_import_invalid_yaml_names_line(series_file):
    path = series_file("format: convener-series\nseries: [unclosed\n")

    with pytest.raises(Exception, match=r"^series\.yaml:3: \(file\): not valid YAML"):
        import_file(path=path, by=command_line_operator())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("date: 2016-07-13", "date: 2016-07-32"),
        ("state: JPN", "state: XXX"),
        ("    title: Strengthening responsibility sharing\n", ""),
        ("- segment: panel-1", "- segment: panel-9"),
    ],
    ids=["bad-date", "unknown-state", "missing-field", "speaker-in-no-segment"],
)
def test_import_failure_leaves_database_unchanged(series_file, broken, old, new):
    import_file(path=series_file(), by=command_line_operator())
    before = database_snapshot()
    meeting_before = Meeting.objects.values("title", "date", "room").get()

    with pytest.raises(SeriesDataError):
        import_file(
            path=broken(old, new.replace("Conference Room 6", "Room X")), by=command_line_operator()
        )

    assert database_snapshot() == before
    assert Meeting.objects.values("title", "date", "room").get() == meeting_before


def test_import_command_exits_non_zero_and_prints_problems(broken, capsys):
    path = broken("date: 2016-07-13", "date: 2016-07-32")

    with pytest.raises(
        CommandError, match=r"broken\.yaml: not imported; the database is unchanged"
    ):
        call_command("importseries", str(path))

    assert "broken.yaml:" in capsys.readouterr().err
    assert not Series.objects.exists()


def test_import_command_reports_what_it_imported(series_file, capsys):
    call_command("importseries", str(series_file()))

    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Imported series test-series: 1 meetings, 2 programme segments, 3 interventions "
        "in the file."
    )
    assert "  meetings: 1 created, 0 changed, 0 unchanged" in out
    assert out[-1] == "Meetings created: 1. Strengthening responsibility sharing"


def test_import_keeps_whether_an_organisation_takes_the_and_leaves_it_unset_when_absent(
    series_file,
):
    text = VALID_SERIES.replace(
        "    acronym: UNDP\n    kind: un_entity\n",
        "    acronym: UNDP\n    kind: un_entity\n    article: false\n",
    )

    import_file(path=series_file(text), by=command_line_operator())

    assert Organisation.objects.get(key="undp").article is False
    assert Organisation.objects.get(key="unhcr").article is None


def test_import_sets_the_default_language_of_the_series_pages(series_file):
    path = series_file(VALID_SERIES.replace("  timezone:", "  default_language: fr\n  timezone:"))

    series = import_file(path=path, by=command_line_operator()).series

    assert series.default_language == "fr"


def test_import_without_a_default_language_gives_english(series_file):
    series = import_file(path=series_file(), by=command_line_operator()).series

    assert series.default_language == "en"


def test_import_refuses_a_language_the_site_does_not_speak(series_file):
    path = series_file(VALID_SERIES.replace("  timezone:", "  default_language: de\n  timezone:"))

    problems = import_errors(path)

    assert len(problems) == 1
    assert "default_language" in problems[0]
