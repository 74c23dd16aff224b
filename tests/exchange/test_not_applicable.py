"""The data format says what a meeting has none of by design, and the event it is part of."""

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.interfaces.export import to_json, to_yaml
from convener.meetings.models import Meeting, Series
from tests.factories import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

CONFERENCE = "High-level Dialogue on International Migration and Development"


def a_session_without_co_chairs() -> Meeting:
    return MeetingFactory(
        room="",
        has_no_room=True,
        has_no_moderator=True,
        has_no_co_organisers=True,
        has_no_co_chairs=True,
        part_of=CONFERENCE,
        part_of_link="https://www.un.org/dialogue",
    )


def test_export_lists_the_facts_not_applicable_and_leaves_the_room_out():
    meeting = a_session_without_co_chairs()

    written = to_yaml(meeting.series).decode()

    assert "    not_applicable:\n      - room\n      - moderator\n" in written
    assert "      - co_organisers\n      - co_chairs\n" in written
    assert "room: TBC" not in written
    part_of = f"    part_of:\n      event: {CONFERENCE}\n      link: https://www.un.org/dialogue\n"
    assert part_of in written


@pytest.mark.parametrize("write", [to_yaml, to_json], ids=["yaml", "json"])
def test_not_applicable_and_part_of_round_trip_byte_identical(tmp_path, write):
    meeting = a_session_without_co_chairs()
    exported = write(meeting.series)
    Series.objects.all().delete()
    path = tmp_path / "series.file"
    path.write_bytes(exported)

    series = import_file(path=path, by=command_line_operator()).series

    imported = series.meetings.get()
    assert imported.not_applicable == ["room", "moderator", "co_organisers", "co_chairs"]
    assert (imported.part_of, imported.part_of_link) == (CONFERENCE, "https://www.un.org/dialogue")
    assert write(series) == exported


def test_import_refuses_co_chairs_for_a_meeting_that_has_none(broken):
    path = broken(
        "    co_organisers: [undp, unhcr]\n",
        "    co_organisers: [undp, unhcr]\n    not_applicable: [co_chairs]\n",
    )

    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())

    [problem] = raised.value.problems
    assert str(problem).endswith(
        "meetings[0].co_chairs: the meeting lists co_chairs in not_applicable: "
        "it has none, so leave co_chairs out"
    )


def test_import_refuses_a_part_of_link_that_is_not_a_web_page(broken):
    path = broken(
        "    status: published\n    date:",
        "    status: published\n    part_of:\n      event: A conference\n"
        "      link: javascript:alert(1)\n    date:",
    )

    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())

    assert "meetings[0].part_of.link" in str(raised.value)
