"""The capacity a participant holds at a meeting: read, written back, held to its limit."""

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.interfaces.export import to_json, to_yaml
from convener.meetings.models import Participation, Series
from tests.exchange.conftest import VALID_SERIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

KELLEY = "{person: ninette-kelley, role: panellist, speaking_time: 10}"
CHAIR = "Chair of the Global Migration Group"


def with_capacity(series_file, capacity: str):
    assert KELLEY in VALID_SERIES
    return series_file(
        VALID_SERIES.replace(
            KELLEY,
            f'{{person: ninette-kelley, role: panellist, capacity: "{capacity}", '
            "speaking_time: 10}",
        )
    )


def test_import_reads_the_capacity_held_at_the_meeting(series_file):
    import_file(path=with_capacity(series_file, CHAIR), by=command_line_operator())

    assert Participation.objects.get(person__key="ninette-kelley").capacity == CHAIR


@pytest.mark.parametrize("write", [to_yaml, to_json])
def test_export_writes_the_capacity_and_reads_back_byte_identical(series_file, tmp_path, write):
    series = import_file(path=with_capacity(series_file, CHAIR), by=command_line_operator()).series
    exported = write(series)
    Series.objects.all().delete()
    path = tmp_path / "again.yaml"
    path.write_bytes(exported)

    assert CHAIR in exported.decode()
    assert write(import_file(path=path, by=command_line_operator()).series) == exported


def test_export_leaves_out_a_capacity_there_is_none_of(series_file):
    series = import_file(path=series_file(VALID_SERIES), by=command_line_operator()).series

    programme = to_yaml(series).decode().split("segments:", 1)[1].split("interventions:", 1)[0]

    assert "participants:" in programme
    assert "capacity" not in programme


def test_reimport_changes_the_capacity_of_the_same_place(series_file):
    import_file(path=with_capacity(series_file, CHAIR), by=command_line_operator())
    before = Participation.objects.get(person__key="ninette-kelley").pk

    import_file(path=with_capacity(series_file, "co-facilitator"), by=command_line_operator())

    place = Participation.objects.get(person__key="ninette-kelley")
    assert (place.pk, place.capacity) == (before, "co-facilitator")


def test_import_refuses_a_capacity_over_its_limit(series_file):
    with pytest.raises(SeriesDataError) as raised:
        import_file(path=with_capacity(series_file, "x" * 301), by=command_line_operator())

    problems = [str(problem) for problem in raised.value.problems]
    assert len(problems) == 1
    assert "meetings[0].segments[0].participants[1].capacity" in problems[0]
    assert "300" in problems[0]
    assert not Participation.objects.exists()
