"""A cancelled meeting and the dates a meeting was postponed from travel in the series file."""

import datetime

import pytest

from convener.exchange.interfaces.export import to_json, to_yaml
from convener.meetings.models import Meeting, MeetingStatus, Postponement
from tests.exchange.test_export import empty_the_database, import_bytes
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postponed_and_cancelled():
    meeting = MeetingFactory(number=1, date=datetime.date(2016, 7, 27))
    Postponement.objects.create(
        meeting=meeting,
        date=datetime.date(2016, 7, 13),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(13, 0),
        reason="The room was needed for the plenary.",
    )
    Postponement.objects.create(meeting=meeting, date=datetime.date(2016, 7, 20))
    MeetingFactory(series=meeting.series, number=2, status=MeetingStatus.CANCELLED)
    return meeting.series


def test_the_export_lists_the_earlier_dates_in_order(postponed_and_cancelled):
    exported = to_yaml(postponed_and_cancelled).decode()

    assert "postponed_from:\n" in exported
    assert exported.index("2016-07-13") < exported.index("2016-07-20")
    assert "status: cancelled" in exported


@pytest.mark.parametrize("write", [to_yaml, to_json], ids=["yaml", "json"])
def test_earlier_dates_and_cancellation_survive_export_and_import(
    postponed_and_cancelled, tmp_path, write
):
    exported = write(postponed_and_cancelled)
    empty_the_database()

    series = import_bytes(exported, tmp_path / f"series.{write.__name__[3:]}")

    assert write(series) == exported
    meeting = Meeting.objects.get(series=series, number=1)
    assert [(p.date, p.reason) for p in meeting.postponements.all()] == [
        (datetime.date(2016, 7, 13), "The room was needed for the plenary."),
        (datetime.date(2016, 7, 20), ""),
    ]
    assert Meeting.objects.get(series=series, number=2).status == MeetingStatus.CANCELLED
