"""`records.domain.interventions`, tested here until the API's tests and the
owning app's are sorted into one tree."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.models import MeetingStatus
from convener.records.domain.interventions import (
    record_intervention,
    record_turn_given,
    update_intervention,
)
from convener.records.models import Capacity, Intervention, InterventionKind
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    OrganisationFactory,
    SegmentFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_record_intervention_appends_to_the_segment():
    segment = SegmentFactory()
    InterventionFactory(segment=segment, order=2)

    intervention = record_intervention(
        segment=segment, state=StateFactory(), by=command_line_operator()
    )

    assert intervention.order == 3


def test_record_intervention_starts_an_empty_segment_at_zero():
    intervention = record_intervention(
        segment=SegmentFactory(), state=StateFactory(), by=command_line_operator()
    )

    assert intervention.order == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "__all__"),
        ({"state": True, "capacity": Capacity.GROUP}, "state_group"),
        ({"state": True, "capacity": Capacity.OFFICE}, "office"),
        ({"state": True, "capacity": "mystery"}, "capacity"),
        ({"state": True, "points": [1, 2]}, "points"),
    ],
)
def test_record_intervention_keeps_the_rules(fields, field):
    if fields.get("state"):
        fields["state"] = StateFactory()

    with pytest.raises(ValidationError) as raised:
        record_intervention(segment=SegmentFactory(), **fields, by=command_line_operator())

    assert list(raised.value.message_dict) == [field]


def test_update_intervention_keeps_it_in_its_meeting():
    intervention = InterventionFactory()

    with pytest.raises(ValidationError) as raised:
        update_intervention(
            intervention=intervention,
            changes={"segment": SegmentFactory()},
            by=command_line_operator(),
        )

    assert list(raised.value.message_dict) == ["segment"]


def _user(series, role, organisation=None):
    """A user holding `role` in the series (None: no role at all); a focal
    point is one for `organisation`, or for an organisation of their own."""
    if role is None:
        return UserFactory()
    if role == Role.FOCAL_POINT and organisation is None:
        organisation = OrganisationFactory()
    return GrantFactory(series=series, role=role, organisation=organisation).user


@pytest.mark.parametrize("role", [None, Role.CHAIR, Role.FOCAL_POINT])
def test_record_intervention_is_refused_to_whoever_does_not_write_the_record(role):
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)
    user = _user(segment.meeting.series, role)

    with pytest.raises(PermissionDenied):
        record_intervention(segment=segment, state=StateFactory(), by=user)

    assert not Intervention.objects.exists()


def test_update_intervention_is_refused_to_whoever_does_not_write_the_record():
    intervention = InterventionFactory(summary="As said.")

    with pytest.raises(PermissionDenied):
        update_intervention(
            intervention=intervention,
            changes={"summary": "Changed."},
            by=_user(intervention.segment.meeting.series, Role.CHAIR),
        )

    intervention.refresh_from_db()
    assert intervention.summary == "As said."


def test_the_chair_records_the_turn_given_after_the_last_one():
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)
    InterventionFactory(segment=segment, order=0)
    state = StateFactory()

    turn = record_turn_given(
        segment=segment,
        kind=InterventionKind.STATEMENT,
        state=state,
        capacity=Capacity.NATIONAL,
        by=_user(segment.meeting.series, Role.CHAIR),
    )

    assert (turn.order, turn.state, turn.summary) == (1, state, "")


@pytest.mark.parametrize("role", [None, Role.RAPPORTEUR])
def test_a_turn_is_given_only_by_the_chair(role):
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)
    user = _user(segment.meeting.series, role)

    with pytest.raises(PermissionDenied):
        record_turn_given(
            segment=segment, kind=InterventionKind.STATEMENT, state=StateFactory(), by=user
        )

    assert not Intervention.objects.exists()


@pytest.mark.parametrize("kind", [InterventionKind.POINT_OF_ORDER, InterventionKind.RIGHT_OF_REPLY])
def test_a_point_of_order_and_a_right_of_reply_are_kinds_of_their_own(kind):
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)

    turn = record_turn_given(
        segment=segment,
        kind=kind,
        state=StateFactory(),
        capacity=Capacity.NATIONAL,
        by=_user(segment.meeting.series, Role.CHAIR),
    )

    turn.refresh_from_db()
    assert turn.kind == kind
    assert turn.get_kind_display() in ("Point of order", "Right of reply")


def test_the_turn_given_keeps_the_speaker_as_the_floor_announced_them():
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)

    turn = record_turn_given(
        segment=segment,
        kind=InterventionKind.STATEMENT,
        state=StateFactory(),
        capacity=Capacity.NATIONAL,
        speaker_name="  H.E. Ms. Alicia Bárcena ",
        speaker_title="Minister for Foreign Affairs",
        speaker_level="minister",
        by=_user(segment.meeting.series, Role.CHAIR),
    )

    turn.refresh_from_db()
    assert (turn.speaker_name, turn.speaker_title, turn.speaker_level) == (
        "H.E. Ms. Alicia Bárcena",
        "Minister for Foreign Affairs",
        "minister",
    )


def test_the_rapporteur_may_record_a_right_of_reply_by_hand():
    segment = SegmentFactory()

    intervention = record_intervention(
        segment=segment,
        kind=InterventionKind.RIGHT_OF_REPLY,
        state=StateFactory(),
        by=command_line_operator(),
    )

    assert intervention.kind == InterventionKind.RIGHT_OF_REPLY
