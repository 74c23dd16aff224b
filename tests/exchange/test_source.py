"""Files an import must refuse with a clear FILE:LINE: FIELD: message, never a traceback
and never by silently taking one of two values."""

import pytest
from django.core.management import CommandError, call_command

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.format.source import MAX_FILE_BYTES, SourceSyntaxError
from convener.meetings.models import Meeting, Series
from convener.records.models import Intervention
from tests.exchange.conftest import VALID_SERIES
from tests.timing import cpu_timed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def import_errors(path) -> list[str]:
    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())
    return [str(problem) for problem in raised.value.problems]


def unreadable(path) -> str:
    with pytest.raises(SourceSyntaxError) as raised:
        import_file(path=path, by=command_line_operator())
    return str(raised.value)


def line_of(text: str, fragment: str, start: int = 0) -> int:
    return text[: text.index(fragment, start)].count("\n") + 1


def test_import_second_slug_cannot_replace_another_series(demo_series, broken):
    meetings = Meeting.objects.filter(series=demo_series).count()
    turns = Intervention.objects.filter(segment__meeting__series=demo_series).count()
    path = broken("  title: A test series\n", "  title: A test series\n  slug: gmg-2016\n")
    text = path.read_text()

    errors = import_errors(path)

    assert errors == [
        f'broken.yaml:{line_of(text, "slug: gmg-2016")}: series.slug: the key "slug" is given '
        f"twice in the same mapping (first on line {line_of(text, 'slug: test-series')}): "
        "give each field once"
    ]
    assert Meeting.objects.filter(series=demo_series).count() == meetings
    assert Intervention.objects.filter(segment__meeting__series=demo_series).count() == turns
    assert not Series.objects.filter(slug="test-series").exists()


def test_import_duplicate_key_deep_in_a_flow_mapping_is_refused(broken):
    path = broken(
        "{person: ninette-kelley, role: panellist, speaking_time: 10}",
        "{person: ninette-kelley, role: panellist, role: moderator}",
    )

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(path.read_text(), 'role: panellist, role: moderator')}: "
        'meetings[0].segments[0].participants[1].role: the key "role" is given twice in the '
        f"same mapping (first on line {line_of(path.read_text(), 'role: panellist, role')}): "
        "give each field once"
    ]


def test_import_nul_byte_names_file_and_line_instead_of_a_traceback(broken):
    path = broken("room: Conference Room 6", "room: Conference\x00Room 6")

    message = unreadable(path)

    assert message == (
        f"broken.yaml:{line_of(VALID_SERIES, 'room: Conference')}: (file): contains a NUL byte: "
        "a series file is text (YAML or JSON)"
    )


def test_import_invalid_utf8_names_the_line_of_the_bad_byte(series_file):
    path = series_file()
    path.write_bytes(
        VALID_SERIES.replace("Room 6", "Room \udcff6").encode("utf-8", "surrogateescape")
    )
    offset = path.read_bytes().index(b"\xff")

    message = unreadable(path)

    assert message == (
        f"series.yaml:{line_of(VALID_SERIES, 'Room 6')}: (file): is not UTF-8 text "
        f"(byte {offset + 1} cannot be decoded)"
    )


def test_import_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: no need to write 20 MB

    message = unreadable(path)

    assert message == "huge.yaml:1: (file): is 20.0 MB, over the limit of 20 MB for a series file"


def test_import_alias_bomb_is_refused_before_it_expands(series_file):
    lines = ["format: convener-series", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    message, spent = cpu_timed(lambda: unreadable(series_file("\n".join(lines) + "\n")))

    assert message == "series.yaml:3: (file): uses an alias (*name): write each value out in full"
    assert spent < 5


def test_import_string_over_its_field_limit_names_the_field_and_cuts_the_value(broken):
    path = broken(
        "title: Strengthening responsibility sharing", f"title: {'Very long title ' * 30}"
    )

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(path.read_text(), 'Very long')}: meetings[0].title: "
        f'"{("Very long title " * 4)[:60]}…": String should have at most 400 characters'
    ]


def test_import_command_refuses_nul_byte_with_non_zero_exit_and_no_traceback(broken, capsys):
    path = broken("room: Conference Room 6", "room: Conference\x00Room 6")

    with pytest.raises(CommandError, match=r"^broken\.yaml: not imported"):
        call_command("importseries", str(path))

    assert capsys.readouterr().err.startswith(
        f"broken.yaml:{line_of(VALID_SERIES, 'room: Conference')}: (file): contains a NUL byte"
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("UK", "UK is not a three-letter ISO code; did you mean GBR?"),
        ("JP", "JP is not a three-letter ISO code; did you mean JPN?"),
        ("jpn", "jpn is not a three-letter ISO code; did you mean JPN?"),
        (
            "QQ",
            "QQ is not a three-letter ISO code of a State "
            "(ISO 3166-1 alpha-3, in capitals, such as GBR)",
        ),
    ],
)
def test_import_two_letter_state_code_is_explained_in_words(broken, code, message):
    path = broken("state: JPN", f"state: {code}")

    errors = import_errors(path)

    assert errors == [
        f"broken.yaml:{line_of(path.read_text(), f'state: {code}')}: "
        f"meetings[0].interventions[1].state: {message}"
    ]


def test_import_reports_all_five_mistakes_of_a_file_in_one_pass(series_file):
    text = (
        VALID_SERIES.replace("room: Conference Room 6", "room: Conference Room 6\n    room: Room 7")
        .replace("date: 2016-07-13", "date: 2016-07-32")
        .replace("- state: ZMB", "- state: UK")
        .replace("- segment: panel-1", "- segment: panel-9")
        .replace("state: JPN", "state: XXX")
    )

    errors = import_errors(series_file(text))

    assert errors == [
        f"series.yaml:{line_of(text, 'date: 2016-07-32')}: meetings[0].date: "
        '"2016-07-32": Input should be a valid date or datetime, day value is outside '
        "expected range",
        f'series.yaml:{line_of(text, "room: Room 7")}: meetings[0].room: the key "room" is given '
        f"twice in the same mapping (first on line {line_of(text, 'room: Conference')}): "
        "give each field once",
        f"series.yaml:{line_of(text, 'state: UK')}: meetings[0].co_chairs[0].state: "
        "UK is not a three-letter ISO code; did you mean GBR?",
        f"series.yaml:{line_of(text, 'segment: panel-9')}: meetings[0].interventions[0].segment: "
        '"panel-9" is not a segment of meeting 1: every speaker takes the floor in a segment '
        "of the programme",
        f"series.yaml:{line_of(text, 'state: XXX')}: meetings[0].interventions[1].state: "
        '"XXX" is not a known State (ISO 3166-1 alpha-3 code of a UN Member or observer State)',
    ]


def test_import_errors_of_a_large_file_are_reported_in_linear_time(series_file):
    said = "Recalled that every migrant has rights, whatever their status. " * 2
    turn = f"      - segment: debate-1\n        state: XXX\n        summary: {said}\n"
    count = 1_100_000 // len(turn)
    # Misspelt fields by the thousand in one mapping: each is looked up among its siblings.
    misspelt = "".join(f"    note-{n}: x\n" for n in range(20_000))
    text = VALID_SERIES + (
        f"  - number: 2\n    title: Many turns\n{misspelt}    segments:\n"
        "      - key: debate-1\n        kind: interactive_debate\n    interventions:\n"
    )
    path = series_file(text + turn * count)
    assert path.stat().st_size > 1_400_000

    def refused():
        with pytest.raises(SeriesDataError) as raised:
            import_file(path=path, by=command_line_operator())
        return raised

    raised, spent = cpu_timed(refused)

    assert spent < 20
    problems = raised.value.problems
    assert len(problems) == count + 20_000
    assert str(problems[0]) == (
        f"series.yaml:{line_of(text, 'note-0:')}: meetings[1].note-0: is not a field of the format"
    )
    assert (problems[-1].line, problems[-1].field) == (
        text.count("\n") + 3 * count - 1,
        f"meetings[1].interventions[{count - 1}].state",
    )
