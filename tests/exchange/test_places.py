"""Places not yet named in the series file: written, read back, found again."""

from pathlib import Path

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.interfaces.export import to_json, to_yaml
from convener.meetings.models import Participation, ProgrammeRole, Series
from tests.exchange.conftest import VALID_SERIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

PLACES = """\
          - {person: izumi-nakamitsu, role: moderator}
          - {office: Special Rapporteur on the human rights of migrants, role: panellist}
          - {organisation: unhcr, role: panellist, speaking_time: 7}
          - {role: speaker}
          - {role: speaker}
"""
NAMED = """\
          - {person: izumi-nakamitsu, role: moderator}
          - {person: ninette-kelley, role: panellist, speaking_time: 10}
"""


def with_places(series_file) -> Path:
    assert NAMED in VALID_SERIES
    return series_file(VALID_SERIES.replace(NAMED, PLACES))


def _places():
    return list(
        Participation.objects.filter(segment__key="panel-1")
        .order_by("order")
        .values_list("person__key", "office", "organisation__key", "role")
    )


def _empty_the_series():
    Series.objects.all().delete()


def test_import_reads_places_by_office_organisation_and_tbc(series_file):
    import_file(path=with_places(series_file), by=command_line_operator())

    assert _places() == [
        ("izumi-nakamitsu", "", None, ProgrammeRole.MODERATOR),
        (None, "Special Rapporteur on the human rights of migrants", None, ProgrammeRole.PANELLIST),
        (None, "", "unhcr", ProgrammeRole.PANELLIST),
        (None, "", None, ProgrammeRole.SPEAKER),
        (None, "", None, ProgrammeRole.SPEAKER),
    ]


@pytest.mark.parametrize("write", [to_yaml, to_json])
def test_export_of_places_imports_and_exports_byte_identical(series_file, tmp_path, write):
    series = import_file(path=with_places(series_file), by=command_line_operator()).series
    exported = write(series)
    _empty_the_series()
    path = tmp_path / "again.yaml"
    path.write_bytes(exported)

    assert write(import_file(path=path, by=command_line_operator()).series) == exported


def test_export_writes_a_place_to_be_confirmed_by_its_role_alone(series_file):
    series = import_file(path=with_places(series_file), by=command_line_operator()).series

    text = to_yaml(series).decode()

    assert "- role: speaker\n" in text
    assert "office: Special Rapporteur on the human rights of migrants\n" in text


def test_reimport_finds_each_place_again_and_changes_nothing(series_file):
    path = with_places(series_file)
    import_file(path=path, by=command_line_operator())
    before = list(Participation.objects.order_by("pk").values_list("pk", flat=True))

    import_file(path=path, by=command_line_operator())

    assert list(Participation.objects.order_by("pk").values_list("pk", flat=True)) == before


def test_import_refuses_a_participant_who_is_a_person_and_an_office(series_file):
    text = VALID_SERIES.replace(
        "{person: ninette-kelley, role: panellist, speaking_time: 10}",
        "{person: ninette-kelley, office: Director, role: panellist}",
    )

    with pytest.raises(SeriesDataError) as raised:
        import_file(path=series_file(text), by=command_line_operator())

    assert [str(problem).split(": ", 2)[1:] for problem in raised.value.problems] == [
        [
            "meetings[0].segments[0].participants[1].person",
            "a participant is either a person or, until the person is named, "
            "an office or an organisation: not both",
        ]
    ]


def test_import_refuses_an_unknown_organisation_of_a_place(series_file):
    text = (
        with_places(series_file)
        .read_text()
        .replace("organisation: unhcr, role", "organisation: unhrc, role")
    )

    with pytest.raises(SeriesDataError) as raised:
        import_file(path=series_file(text), by=command_line_operator())

    assert '"unhrc" is not a known organisation' in str(raised.value.problems[0])
