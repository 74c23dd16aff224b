"""The data format carries who leads a meeting and in what role, and the roles
of a segment's chair and facilitator."""

import pytest

from convener.directory.models import Organisation, Person
from convener.exchange.interfaces.export import to_yaml
from convener.meetings.models import PresidingRole, ProgrammeRole, Series
from tests.exchange.test_export import import_bytes
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_export_round_trip_keeps_the_meeting_chair_and_segment_facilitator(tmp_path):
    meeting = MeetingFactory(moderator=PersonFactory(), moderator_role=PresidingRole.CHAIR)
    ParticipationFactory(segment__meeting=meeting, role=ProgrammeRole.FACILITATOR, speaking_time=7)
    exported = to_yaml(meeting.series)
    Series.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()

    series = import_bytes(exported, tmp_path / "series.yaml")

    assert to_yaml(series) == exported
    assert "moderator_role: chair" in exported.decode()
    assert "role: facilitator" in exported.decode()
    assert series.meetings.get().moderator_role == PresidingRole.CHAIR


def test_export_leaves_out_a_moderator_role_at_its_default():
    meeting = MeetingFactory(moderator=PersonFactory())

    assert "moderator_role" not in to_yaml(meeting.series).decode()
