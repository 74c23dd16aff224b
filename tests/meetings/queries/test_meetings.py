import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import Meeting
from convener.meetings.queries.meetings import chronological_order, meetings_for_page
from tests.factories import MeetingFactory, ParticipationFactory, SegmentFactory

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_meetings_for_page_programme_is_in_segment_and_participant_order():
    meeting = MeetingFactory()
    later = SegmentFactory(meeting=meeting, order=2)
    earlier = SegmentFactory(meeting=meeting, order=1)
    second = ParticipationFactory(segment=earlier, order=2)
    first = ParticipationFactory(segment=earlier, order=1)

    loaded = meetings_for_page(PUBLIC).get()

    assert list(loaded.segments.all()) == [earlier, later]
    assert list(loaded.segments.all()[0].participations.all()) == [first, second]


def test_meetings_for_page_reads_the_programme_without_further_queries(
    django_assert_num_queries,
):
    ParticipationFactory.create_batch(3, segment=SegmentFactory())
    loaded = meetings_for_page(PUBLIC).get()

    with django_assert_num_queries(0):
        for segment in loaded.segments.all():
            for participation in segment.participations.all():
                str(participation.person.organisation)


def test_chronological_order_puts_undated_meetings_last():
    undated = MeetingFactory(date=None)
    july = MeetingFactory(date=datetime.date(2016, 7, 13))
    april = MeetingFactory(date=datetime.date(2016, 4, 25))

    assert list(Meeting.objects.order_by(*chronological_order())) == [april, july, undated]
