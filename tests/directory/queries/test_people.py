import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.directory.queries.people import (
    Part,
    appearances_of,
    people_taking_part,
    visible_people,
)
from convener.meetings.models import MeetingStatus
from tests.factories import (
    AdministratorFactory,
    CoChairFactory,
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_people_taking_part_include_programme_participants():
    participation = ParticipationFactory()

    assert list(people_taking_part(PUBLIC)) == [participation.person]


def test_people_taking_part_include_co_chairs_representatives():
    co_chair = CoChairFactory()

    assert list(people_taking_part(PUBLIC)) == [co_chair.person]


def test_people_taking_part_include_meeting_moderators():
    meeting = MeetingFactory(moderator=PersonFactory())

    assert list(people_taking_part(PUBLIC)) == [meeting.moderator]


def test_people_taking_part_include_speakers_from_the_floor():
    intervention = InterventionFactory()

    assert list(people_taking_part(PUBLIC)) == [intervention.speaker]


def test_people_taking_part_leave_out_people_only_in_draft_meetings_for_the_public():
    ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert not people_taking_part(PUBLIC).exists()


def test_people_taking_part_count_draft_meetings_for_their_secretariat():
    participation = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)
    secretariat = secretariat_of(participation.segment.meeting.series)

    assert list(people_taking_part(secretariat)) == [participation.person]


def test_visible_people_for_the_site_administrator_are_the_whole_directory():
    person = PersonFactory()

    assert list(visible_people(AdministratorFactory())) == [person]


def test_visible_people_for_the_public_leave_out_people_in_no_meeting():
    PersonFactory()

    assert not visible_people(PUBLIC).exists()


def test_appearances_of_group_parts_by_meeting_in_date_order():
    person = PersonFactory()
    july = MeetingFactory(date=datetime.date(2016, 7, 13))
    april = MeetingFactory(date=datetime.date(2016, 4, 25))
    ParticipationFactory(person=person, segment__meeting=july)
    ParticipationFactory(person=person, segment__meeting=april)
    InterventionFactory(speaker=person, segment__meeting=april)

    groups = appearances_of(person, user=PUBLIC)

    assert [group.meeting for group in groups] == [april, july]
    assert [appearance.part for appearance in groups[0].appearances] == [
        Part.PROGRAMME,
        Part.FLOOR,
    ]


def test_appearances_of_put_meeting_wide_parts_before_the_programme():
    person = PersonFactory()
    meeting = MeetingFactory(moderator=person)
    ParticipationFactory(person=person, segment__meeting=meeting)
    CoChairFactory(person=person, meeting=meeting)

    (group,) = appearances_of(person, user=PUBLIC)

    assert [appearance.part for appearance in group.appearances] == [
        Part.MODERATOR,
        Part.CO_CHAIR,
        Part.PROGRAMME,
    ]


def test_appearances_of_follow_the_programme_order_of_segments():
    person = PersonFactory()
    meeting = MeetingFactory()
    closing = SegmentFactory(meeting=meeting, order=5)
    opening = SegmentFactory(meeting=meeting, order=1)
    ParticipationFactory(person=person, segment=closing)
    ParticipationFactory(person=person, segment=opening)

    (group,) = appearances_of(person, user=PUBLIC)

    assert [appearance.segment for appearance in group.appearances] == [opening, closing]


def test_appearances_of_leave_out_draft_meetings_for_the_public():
    person = PersonFactory()
    ParticipationFactory(person=person, segment__meeting__status=MeetingStatus.DRAFT)

    assert appearances_of(person, user=PUBLIC) == []
