import pytest
from django.core.exceptions import PermissionDenied

from convener.audit.actors import command_line_operator
from convener.meetings.models import Meeting, MeetingStatus
from convener.prose.editing import EditConflictError, text_digest
from convener.records.domain.summaries import update_meeting_summary, update_segment_summary
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    SegmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _user(series, role, organisation=None):
    """A user holding `role` in the series (None: no role at all); a focal
    point is one for `organisation`, or for an organisation of their own."""
    if role is None:
        return UserFactory()
    if role == Role.FOCAL_POINT and organisation is None:
        organisation = OrganisationFactory()
    return GrantFactory(series=series, role=role, organisation=organisation).user


def test_update_segment_summary_saves_the_text():
    segment = SegmentFactory(summary="")

    update_segment_summary(
        segment=segment,
        summary="The panel agreed.",
        by=command_line_operator(),
        started_from=text_digest(""),
    )

    segment.refresh_from_db()
    assert segment.summary == "The panel agreed."


def test_update_segment_summary_refuses_a_text_changed_since_the_editor_read_it():
    segment = SegmentFactory(summary="Written by the rapporteur.")

    with pytest.raises(EditConflictError) as raised:
        update_segment_summary(
            segment=segment,
            summary="Mine.",
            by=command_line_operator(),
            started_from=text_digest(""),
        )

    assert raised.value.stored == "Written by the rapporteur."
    segment.refresh_from_db()
    assert segment.summary == "Written by the rapporteur."


@pytest.mark.parametrize("role", [None, Role.CHAIR])
def test_update_segment_summary_is_refused_to_whoever_does_not_write_the_record(role):
    segment = SegmentFactory(summary="As agreed.", meeting__status=MeetingStatus.HELD)
    series = segment.meeting.series
    user = _user(series, role)

    with pytest.raises(PermissionDenied):
        update_segment_summary(segment=segment, summary="Mine.", by=user)

    segment.refresh_from_db()
    assert segment.summary == "As agreed."


def test_the_rapporteur_writes_the_executive_summary():
    meeting = MeetingFactory(summary="", status=MeetingStatus.HELD)
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user

    update_meeting_summary(
        meeting=meeting, summary="The meeting agreed.", by=rapporteur, started_from=text_digest("")
    )

    assert Meeting.objects.get(pk=meeting.pk).summary == "The meeting agreed."


def test_update_meeting_summary_refuses_a_text_changed_since_the_editor_read_it():
    meeting = MeetingFactory(summary="Written by the rapporteur.")

    with pytest.raises(EditConflictError):
        update_meeting_summary(
            meeting=meeting,
            summary="Mine.",
            by=command_line_operator(),
            started_from=text_digest(""),
        )

    assert Meeting.objects.get(pk=meeting.pk).summary == "Written by the rapporteur."


@pytest.mark.parametrize("role", [None, Role.FOCAL_POINT, Role.CHAIR])
def test_update_meeting_summary_is_refused_to_whoever_does_not_write_the_record(role):
    meeting = MeetingFactory(summary="As agreed.", status=MeetingStatus.HELD)
    user = _user(meeting.series, role)

    with pytest.raises(PermissionDenied):
        update_meeting_summary(
            meeting=meeting, summary="Mine.", by=user, started_from=text_digest("As agreed.")
        )

    assert Meeting.objects.get(pk=meeting.pk).summary == "As agreed."
