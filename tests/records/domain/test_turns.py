"""Removing and ordering the turns of a record, as the rapporteur does afterwards."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.meetings.models import MeetingStatus
from convener.records.domain.interventions import (
    move_intervention,
    remove_intervention,
    update_intervention,
)
from convener.records.models import Intervention
from convener.roles.models import Role
from tests.factories import GrantFactory, InterventionFactory, SegmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def turns():
    segment = SegmentFactory(meeting__status=MeetingStatus.HELD)
    return [InterventionFactory(segment=segment, order=order) for order in range(3)]


def _rapporteur(turn):
    return GrantFactory(series=turn.segment.meeting.series, role=Role.RAPPORTEUR).user


def _order(segment):
    return list(Intervention.objects.filter(segment=segment).values_list("pk", flat=True))


def test_remove_intervention_closes_up_the_turns_after_it(turns):
    first, second, third = turns

    remove_intervention(intervention=second, by=_rapporteur(first))

    assert list(Intervention.objects.filter(segment=first.segment).values_list("pk", "order")) == [
        (first.pk, 0),
        (third.pk, 1),
    ]


def test_move_intervention_swaps_a_turn_with_the_one_before(turns):
    first, second, third = turns

    moved = move_intervention(intervention=third, step=-1, by=_rapporteur(first))

    assert moved
    assert _order(first.segment) == [first.pk, third.pk, second.pk]


def test_move_intervention_keeps_the_last_turn_last(turns):
    last = turns[-1]

    assert not move_intervention(intervention=last, step=1, by=_rapporteur(last))
    assert _order(last.segment) == [turn.pk for turn in turns]


def test_remove_intervention_refuses_someone_without_the_record(turns):
    with pytest.raises(PermissionDenied):
        remove_intervention(intervention=turns[0], by=UserFactory())

    assert Intervention.objects.filter(pk=turns[0].pk).exists()


def test_remove_intervention_of_a_reported_meeting_is_refused(turns):
    meeting = turns[0].segment.meeting
    meeting.status = MeetingStatus.REPORTED
    meeting.save()

    with pytest.raises(PermissionDenied, match="reported"):
        remove_intervention(intervention=turns[0], by=_rapporteur(turns[0]))


def test_a_turn_cites_documents_by_un_symbol_and_sdg_targets_by_number():
    turn = InterventionFactory()
    rapporteur = GrantFactory(series=turn.segment.meeting.series, role=Role.RAPPORTEUR).user

    with pytest.raises(ValidationError) as refused:
        update_intervention(
            intervention=turn,
            changes={"references": ["A/70/59", "Sendai"], "sdg_targets": ["10.7", "18.1"]},
            by=rapporteur,
        )

    assert set(refused.value.message_dict) == {"references", "sdg_targets"}
