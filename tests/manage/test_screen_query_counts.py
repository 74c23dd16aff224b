"""The programme builder and the record screen cost the same number of queries
however many segments, people and turns a meeting has: each list is read in one
query, never once per row."""

import pytest
from django.test import Client
from django.urls import reverse

from convener.meetings.models import MeetingStatus, ProgrammeRole, SegmentKind
from convener.records.models import Capacity
from tests.factories import (
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    StateGroupFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

# Signing in: the session, the user and the user's grants; then the meeting.
SIGNED_IN_MEETING = 3 + 1
# The segments with their participants (two), the organisations a place may be held for.
PROGRAMME_QUERIES = SIGNED_IN_MEETING + 2 + 1
# The segments with their turns (two); the form of a turn lists the segments,
# the people, the States, the groups of States and the organisations.
RECORD_QUERIES = SIGNED_IN_MEETING + 2 + 5


def a_meeting_of_size(size):
    """A draft meeting of `size` segments, each with `size` panellists of their
    own organisations and a place not named yet, and `size` turns on the floor
    by people of other organisations, for a group of States."""
    meeting = MeetingFactory(status=MeetingStatus.DRAFT, summary="The meeting *agreed*.")
    for _ in range(size):
        segment = SegmentFactory(
            meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE, summary="Called for *more*."
        )
        for _ in range(size):
            ParticipationFactory(segment=segment, person=a_person(), role=ProgrammeRole.PANELLIST)
            InterventionFactory(
                segment=segment,
                speaker=a_person(),
                state_group=StateGroupFactory(),
                organisation=OrganisationFactory(),
                capacity=Capacity.GROUP,
            )
        ParticipationFactory(
            segment=segment,
            person=None,
            office="Special Rapporteur",
            organisation=OrganisationFactory(),
        )
    return meeting


def a_person():
    return PersonFactory(organisation=OrganisationFactory())


def signed_in_secretariat(meeting):
    client = Client()
    client.force_login(secretariat_of(meeting.series))
    return client


def screen_url(name, meeting):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number])


@pytest.mark.parametrize("size", [1, 4])
def test_programme_builder_query_count_does_not_grow_with_segments_or_people(
    django_assert_num_queries, size
):
    meeting = a_meeting_of_size(size)
    client = signed_in_secretariat(meeting)

    with django_assert_num_queries(PROGRAMME_QUERIES):
        response = client.get(screen_url("programme", meeting))

    assert response.status_code == 200
    assert response.content.decode().count('class="programme-participant"') == size * (size + 1)


@pytest.mark.parametrize("size", [1, 4])
def test_record_screen_query_count_does_not_grow_with_segments_or_turns(
    django_assert_num_queries, size
):
    meeting = a_meeting_of_size(size)
    client = signed_in_secretariat(meeting)

    with django_assert_num_queries(RECORD_QUERIES):
        response = client.get(screen_url("records", meeting))

    assert response.status_code == 200
    assert response.content.decode().count('class="record-turn"') == size * size
