"""`meetings.domain.meetings`, tested here until the API's tests and the
owning app's are sorted into one tree."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.domain.meetings import (
    create_meeting,
    set_co_chairs,
    set_co_organisers,
    update_meeting,
)
from convener.meetings.models import Meeting
from convener.roles.models import Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def test_update_meeting_saves_the_changes():
    meeting = MeetingFactory()

    update_meeting(meeting=meeting, changes={"room": "Room 4"}, by=command_line_operator())

    assert Meeting.objects.get().room == "Room 4"


def test_update_meeting_refuses_fields_it_does_not_change():
    with pytest.raises(ValueError, match="number"):
        update_meeting(meeting=MeetingFactory(), changes={"number": 9}, by=command_line_operator())


def test_update_meeting_saves_nothing_when_a_rule_is_broken():
    meeting = MeetingFactory(room="Room 1")

    with pytest.raises(ValidationError) as raised:
        update_meeting(
            meeting=meeting,
            changes={"room": "Room 2", "end_time": datetime.time(9)},
            by=command_line_operator(),
        )

    assert list(raised.value.message_dict) == ["end_time"]
    assert Meeting.objects.get().room == "Room 1"


def test_update_meeting_does_not_judge_times_it_was_not_asked_to_change():
    meeting = MeetingFactory(start_time=datetime.time(12), end_time=datetime.time(11))

    update_meeting(meeting=meeting, changes={"title": "New"}, by=command_line_operator())

    assert Meeting.objects.get().title == "New"


def test_a_meeting_that_runs_past_midnight_ends_the_next_day():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=datetime.time(22, 0))

    update_meeting(
        meeting=meeting,
        changes={"end_time": datetime.time(1, 30), "ends_next_day": True},
        by=command_line_operator(),
    )

    meeting.refresh_from_db()
    assert (meeting.end_time, meeting.ends_next_day) == (datetime.time(1, 30), True)


def test_an_end_before_the_start_is_refused_unless_the_meeting_ends_after_midnight():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=datetime.time(22, 0))

    with pytest.raises(ValidationError) as refused:
        update_meeting(
            meeting=meeting, changes={"end_time": datetime.time(1, 30)}, by=command_line_operator()
        )

    assert "ends after midnight" in refused.value.message_dict["end_time"][0]
    assert Meeting.objects.get().end_time == datetime.time(22, 0)


def test_ending_after_midnight_needs_an_end_time():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=None)

    with pytest.raises(ValidationError) as refused:
        update_meeting(meeting=meeting, changes={"ends_next_day": True}, by=command_line_operator())

    assert refused.value.message_dict["end_time"] == [
        "Give the end time of a meeting that ends after midnight."
    ]


# Who may


def _user(series, role, organisation=None):
    """A user holding `role` in the series (None: no role at all); a focal
    point is one for `organisation`, or for an organisation of their own."""
    if role is None:
        return UserFactory()
    if role == Role.FOCAL_POINT and organisation is None:
        organisation = OrganisationFactory()
    return GrantFactory(series=series, role=role, organisation=organisation).user


@pytest.mark.parametrize("role", [None, Role.FOCAL_POINT, Role.RAPPORTEUR])
def test_a_meeting_is_created_only_by_who_manages_its_series(role):
    series = SeriesFactory()
    user = _user(series, role)

    with pytest.raises(PermissionDenied):
        create_meeting(series=series, fields={"title": "Lunch"}, by=user)

    assert not Meeting.objects.exists()


def test_the_secretariat_creates_a_meeting():
    series = SeriesFactory()

    meeting = create_meeting(series=series, fields={"title": "Lunch"}, by=secretariat_of(series))

    assert Meeting.objects.get() == meeting


@pytest.mark.parametrize("role", [None, Role.FOCAL_POINT, Role.RAPPORTEUR])
def test_the_facts_of_a_meeting_are_changed_only_by_who_manages_it(role):
    co_organiser = CoOrganiserFactory(meeting__room="Room 1", meeting__summary="As agreed.")
    meeting = co_organiser.meeting
    # The focal point of a co-organiser edits the programme, not the facts.
    user = _user(meeting.series, role, organisation=co_organiser.organisation)

    with pytest.raises(PermissionDenied):
        update_meeting(meeting=meeting, changes={"room": "Room 2", "summary": "Mine."}, by=user)
    with pytest.raises(PermissionDenied):
        set_co_organisers(meeting=meeting, organisations=[OrganisationFactory()], by=user)
    with pytest.raises(PermissionDenied):
        set_co_chairs(meeting=meeting, co_chairs=[(StateFactory(), None)], by=user)

    meeting = Meeting.objects.get()
    assert (meeting.room, meeting.summary) == ("Room 1", "As agreed.")
    assert list(meeting.co_organiser_links.all()) == [co_organiser]
    assert not meeting.co_chairs.exists()


def test_the_secretariat_changes_the_facts_of_a_meeting():
    meeting = MeetingFactory(room="Room 1")
    secretariat = secretariat_of(meeting.series)

    update_meeting(meeting=meeting, changes={"room": "Room 2"}, by=secretariat)
    set_co_chairs(meeting=meeting, co_chairs=[(StateFactory(), None)], by=secretariat)

    assert Meeting.objects.get().room == "Room 2"
    assert meeting.co_chairs.count() == 1
