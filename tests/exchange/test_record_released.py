"""Whether an imported record is released: by the meeting's status, or as the file says."""

from pathlib import Path

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.interfaces.export import to_yaml
from convener.meetings.models import Meeting, MeetingStatus, Series
from tests.exchange.test_export import empty_the_database, exported_data, import_bytes
from tests.factories import InterventionFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_demo_import_releases_the_records_of_its_reported_meetings(demo_series):
    meetings = demo_series.meetings.all()

    assert meetings.count() == 4
    assert all(meeting.record_is_released for meeting in meetings)


@pytest.mark.parametrize(
    ("status", "released", "written"),
    [
        (MeetingStatus.HELD, True, None),
        (MeetingStatus.HELD, False, False),
        (MeetingStatus.PUBLISHED, False, None),
        (MeetingStatus.PUBLISHED, True, True),
    ],
)
def test_export_writes_record_released_only_where_the_status_does_not_say_it(
    tmp_path, status, released, written
):
    meeting = MeetingFactory(status=status, record_released_at=None)
    InterventionFactory(segment__meeting=meeting)
    if released:
        Meeting.objects.filter(pk=meeting.pk).update(record_released_at=meeting.updated_at)
    exported = to_yaml(meeting.series)
    empty_the_database()

    series = import_bytes(exported, tmp_path / "series.yaml")

    assert exported_data(series)["meetings"][0].get("record_released") == written
    assert series.meetings.get().record_is_released is released
    assert to_yaml(series) == exported


def test_import_refuses_a_reported_meeting_whose_record_is_not_released(tmp_path):
    meeting = MeetingFactory(status=MeetingStatus.HELD, record_released_at=None)
    data = to_yaml(meeting.series).decode().replace("status: held", "status: reported")
    data = data.replace(
        "    status: reported\n", "    status: reported\n    record_released: false\n"
    )
    empty_the_database()
    path = Path(tmp_path / "series.yaml")
    path.write_text(data)

    with pytest.raises(SeriesDataError) as refused:
        import_file(path=path, by=command_line_operator())

    assert "reporting a meeting releases it" in str(refused.value)
    assert not Series.objects.exists()
