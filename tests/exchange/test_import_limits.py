"""A series file is held to the limits of the forms: a problem names the
file, the line and the field, and nothing is imported."""

from pathlib import Path

import pytest

from convener.audit.actors import command_line_operator
from convener.directory.limits import BIOGRAPHY
from convener.directory.models import Person
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def _problems(path: Path) -> list[str]:
    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())
    return [str(problem) for problem in raised.value.problems]


def _line(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.mark.parametrize(
    ("written", "message"),
    [
        # YAML escapes, so that the file itself shows what it holds.
        ('"Nin\\u202Eettek"', "Remove the invisible character U+202E RIGHT-TO-LEFT OVERRIDE."),
        ('"Ninette\\r\\nInjected"', "Write this on one line, without line breaks."),
    ],
)
def test_import_refuses_bidi_override_or_line_break_in_a_persons_name(broken, written, message):
    path = broken("given_name: Ninette", f"given_name: {written}")

    problems = _problems(path)

    assert len(problems) == 1
    line = _line(path.read_text(), f"given_name: {written}")
    assert problems[0].startswith(f"broken.yaml:{line}: people[0].given_name: ")
    assert problems[0].endswith(message)
    assert not Person.objects.exists()


def test_import_refuses_a_biography_over_its_limit(broken):
    path = broken("gender: female\n", f"gender: female\n    biography: {'x' * (BIOGRAPHY + 1)}\n")

    problems = _problems(path)

    assert len(problems) == 1
    assert problems[0].startswith("broken.yaml:")
    assert ": people[0].biography: " in problems[0]
    assert problems[0].endswith(f"String should have at most {BIOGRAPHY} characters")


def test_import_refuses_a_room_on_two_lines(broken):
    path = broken("room: Conference Room 6", 'room: "Conference Room 6\\nDTSTART:2099"')

    problems = _problems(path)

    assert [problem.split(": ")[1] for problem in problems] == ["meetings[0].room"]


def test_the_series_of_the_live_tests_is_within_every_limit():
    # The demo series has its own tests (tests/server/test_demo.py).
    summary = import_file(
        path=Path(__file__).parents[1] / "live" / "series.yaml", by=command_line_operator()
    )

    assert summary.meetings == 2
