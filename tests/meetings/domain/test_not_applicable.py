"""A meeting's room, moderator, co-organisers and co-chairs may be not applicable:
none by design, which is neither a value nor "to be confirmed"."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.domain.meetings import set_co_chairs, set_co_organisers, update_meeting
from convener.meetings.domain.review import Check, review_meeting
from convener.meetings.models import Meeting, MeetingStatus, ProgrammeRole, SegmentKind
from tests.factories import (
    CoChairFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    SegmentFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2016, 7, 13)


def test_marking_a_meeting_without_a_room_keeps_a_named_room_refused():
    meeting = MeetingFactory(room="Conference Room 7")

    with pytest.raises(ValidationError) as raised:
        update_meeting(meeting=meeting, changes={"has_no_room": True}, by=command_line_operator())

    assert list(raised.value.message_dict) == ["has_no_room"]
    assert not Meeting.objects.get().has_no_room


def test_a_meeting_without_a_room_by_design_saves_with_its_room_emptied():
    meeting = MeetingFactory(room="Conference Room 7")

    update_meeting(
        meeting=meeting, changes={"room": "", "has_no_room": True}, by=command_line_operator()
    )

    assert Meeting.objects.get().not_applicable == ["room"]


def test_marking_a_meeting_without_co_chairs_is_refused_while_it_has_some():
    meeting = CoChairFactory().meeting

    with pytest.raises(ValidationError) as raised:
        update_meeting(
            meeting=meeting, changes={"has_no_co_chairs": True}, by=command_line_operator()
        )

    assert "remove them" in raised.value.message_dict["has_no_co_chairs"][0]


def test_a_meeting_without_co_chairs_by_design_takes_none():
    meeting = MeetingFactory(has_no_co_chairs=True)

    with pytest.raises(ValidationError) as raised:
        set_co_chairs(
            meeting=meeting, co_chairs=[(StateFactory(), None)], by=command_line_operator()
        )

    assert "no co-chairs" in raised.value.message_dict["co_chairs"][0]
    assert not meeting.co_chairs.exists()


def test_a_meeting_without_co_organisers_by_design_takes_none():
    meeting = MeetingFactory(has_no_co_organisers=True)

    with pytest.raises(ValidationError):
        set_co_organisers(
            meeting=meeting, organisations=[OrganisationFactory()], by=command_line_operator()
        )

    assert not meeting.co_organiser_links.exists()


def test_planning_checks_do_not_ask_for_a_room_or_co_chairs_not_applicable():
    meeting = MeetingFactory(
        date=DAY, status=MeetingStatus.DRAFT, room="", has_no_room=True, has_no_co_chairs=True
    )

    assert review_meeting(meeting, today=DAY) == []


def test_planning_checks_still_ask_for_what_is_to_be_confirmed():
    meeting = MeetingFactory(date=DAY, status=MeetingStatus.DRAFT, room="", has_no_co_chairs=True)

    [finding] = review_meeting(meeting, today=DAY)

    assert finding.message.endswith("still to be confirmed: room.")


def test_planning_checks_ask_no_moderator_of_a_meeting_not_moderated():
    meeting = MeetingFactory(has_no_moderator=True)
    panel = SegmentFactory(meeting=meeting, kind=SegmentKind.PANEL)
    ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST)
    unmoderated = MeetingFactory(series=meeting.series)
    other_panel = SegmentFactory(meeting=unmoderated, kind=SegmentKind.PANEL)
    ParticipationFactory(segment=other_panel, role=ProgrammeRole.PANELLIST)

    def no_moderator(meeting):
        return [f for f in review_meeting(meeting) if f.check == Check.NO_MODERATOR]

    assert no_moderator(meeting) == []
    assert len(no_moderator(unmoderated)) == 1
