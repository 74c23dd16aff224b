"""The marks of the statements in the series data format: exported, imported
back as they were, and kept when a file does not describe them."""

import datetime

import pytest

from convener.audit.actors import command_line_operator
from convener.commitments.domain.marking import mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from convener.commitments.models import Mark, StatusNote
from convener.directory.models import State
from convener.exchange.domain.validation import SeriesDataError, validate
from convener.exchange.format.source import parse
from convener.exchange.interfaces.export import to_yaml
from tests.exchange.test_export import empty_the_database, exported_data, import_bytes
from tests.factories import InterventionFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

POINTS = ["We will open 500 places by 2018.", "States should share responsibility.", "Thanks."]


def marked_statement():
    unhcr = OrganisationFactory(key="unhcr", name="UNHCR")
    statement = InterventionFactory(
        points=POINTS, speaker=PersonFactory(key="ana-ruiz"), state=State.objects.get(iso3="MEX")
    )
    operator = command_line_operator()
    commitment = mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind="commitment",
        author=unhcr,
        what="Open 500 places",
        due_date=datetime.date(2018, 12, 31),
        by=operator,
    )
    set_commitment_status(mark=commitment, status="delivered", note="All arrived.", by=operator)
    mark_unit(
        intervention=statement, source="point", position=1, kind="recommendation", by=operator
    )
    mark_unit(intervention=statement, source="point", position=2, kind="neither", by=operator)
    return statement


def test_marks_and_their_notes_are_exported_with_each_intervention():
    statement = marked_statement()

    [turn] = exported_data(statement.segment.meeting.series)["meetings"][0]["interventions"]

    assert [(m["kind"], m["position"]) for m in turn["marks"]] == [
        ("commitment", 0),
        ("recommendation", 1),
        ("neither", 2),
    ]
    commitment = turn["marks"][0]
    assert (commitment["organisation"], commitment["what"], commitment["status"]) == (
        "unhcr",
        "Open 500 places",
        "delivered",
    )
    assert [n["status"] for n in commitment["notes"]] == ["announced", "delivered"]
    assert turn["marks"][1]["state"] == "MEX"


def test_marks_survive_a_round_trip_through_an_empty_database(tmp_path):
    statement = marked_statement()
    exported = to_yaml(statement.segment.meeting.series)
    notes_at = list(StatusNote.objects.order_by("at").values_list("at", flat=True))
    empty_the_database()
    assert not Mark.objects.exists()

    series = import_bytes(exported, tmp_path / "series.yaml")

    assert to_yaml(series) == exported
    assert list(StatusNote.objects.order_by("at").values_list("at", flat=True)) == notes_at
    assert Mark.objects.get(kind="commitment").author.key == "unhcr"


def test_reimport_of_a_file_without_marks_keeps_them(tmp_path):
    statement = InterventionFactory(points=POINTS)
    series = statement.segment.meeting.series
    before_marking = to_yaml(series)
    mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind="commitment",
        by=command_line_operator(),
    )

    import_bytes(before_marking, tmp_path / "series.yaml")

    assert Mark.objects.get().kind == "commitment"
    assert StatusNote.objects.count() == 1


def test_a_mark_naming_an_unknown_author_is_refused(tmp_path):
    statement = marked_statement()
    text = to_yaml(statement.segment.meeting.series).decode()
    path = tmp_path / "series.yaml"
    path.write_text(text.replace("organisation: unhcr\n", "organisation: nobody\n", 1))

    with pytest.raises(SeriesDataError) as refused:
        validate(parse(path.read_text(), str(path)))

    assert '"nobody" is not a known organisation' in str(refused.value)
