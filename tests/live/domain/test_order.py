"""The proposed order of speakers, as UN practice has it, and the chair's own order."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.live.domain.order import apply_proposed_order, move, reorder, skip, withdraw
from convener.live.models import InscriptionStatus, Level, Purpose, Standing
from convener.live.queries.order import is_first_time, place_for, propose_order
from convener.records.models import Capacity
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db

NINE = datetime.datetime(2016, 7, 13, 9, 0, tzinfo=datetime.UTC)


@dataclass
class Asked:
    pk: int
    purpose: str
    level: str
    minutes_after_nine: int
    standing: int = Standing.MEMBER_STATE
    delegation_key: str = ""
    speaks_for_a_group: bool = False
    placed_by_chair: bool = False

    def __post_init__(self):
        self.delegation_key = self.delegation_key or f"state:{self.pk}"

    @property
    def requested_at(self) -> datetime.datetime:
        return NINE + datetime.timedelta(minutes=self.minutes_after_nine)


def test_propose_order_puts_points_of_order_first_and_rights_of_reply_last():
    reply = Asked(1, Purpose.RIGHT_OF_REPLY, Level.MINISTER, 0)
    statement = Asked(2, Purpose.STATEMENT, Level.OTHER, 1)
    point = Asked(3, Purpose.POINT_OF_ORDER, Level.OTHER, 2)

    assert propose_order([reply, statement, point]) == [point, statement, reply]


def test_propose_order_ranks_by_level_of_representation_then_time():
    early_other = Asked(1, Purpose.STATEMENT, Level.OTHER, 0)
    late_minister = Asked(2, Purpose.QUESTION, Level.MINISTER, 30)
    early_chair = Asked(3, Purpose.STATEMENT, Level.CHAIR_OF_DELEGATION, 5)
    late_chair = Asked(4, Purpose.STATEMENT, Level.CHAIR_OF_DELEGATION, 10)
    head_of_state = Asked(5, Purpose.STATEMENT, Level.HEAD_OF_STATE, 60)

    assert propose_order([early_other, late_minister, late_chair, early_chair, head_of_state]) == [
        head_of_state,
        late_minister,
        early_chair,
        late_chair,
        early_other,
    ]


def test_propose_order_puts_the_programme_speakers_the_chair_calls_before_the_floor():
    statement = Asked(1, Purpose.STATEMENT, Level.HEAD_OF_STATE, 0)
    answer = Asked(2, Purpose.ANSWER, "", 5)

    assert propose_order([statement, answer]) == [answer, statement]


def test_place_for_keeps_the_chairs_arrangement():
    # The chair put the delegate before the minister by hand; a new
    # chair of delegation goes after the chair's choice, by precedence.
    other = Asked(1, Purpose.STATEMENT, Level.OTHER, 0, placed_by_chair=True)
    minister = Asked(2, Purpose.STATEMENT, Level.MINISTER, 1)
    chair = Asked(3, Purpose.STATEMENT, Level.CHAIR_OF_DELEGATION, 2)

    assert place_for(chair, [other, minister]) == 2
    assert place_for(Asked(4, Purpose.RIGHT_OF_REPLY, Level.MINISTER, 3), [other, minister]) == 2


def test_is_first_time_until_the_delegation_has_spoken():
    assert is_first_time("state:1", spoken={"state:2"})
    assert not is_first_time("state:2", spoken={"state:2"})


def _places(inscriptions):
    return [(i.who, i.position) for i in inscriptions]


def test_new_inscriptions_take_their_place_in_the_proposed_order():
    day = a_meeting_on_the_day()
    delegate = day.ask("mexico", level=Level.OTHER)
    minister = day.confirm(day.ask("thailand", level=Level.MINISTER))
    point = day.ask("unhcr", purpose=Purpose.POINT_OF_ORDER, level=Level.OTHER)

    for inscription in (delegate, minister, point):
        inscription.refresh_from_db()
    assert [point.position, minister.position, delegate.position] == [1, 2, 3]


def test_reorder_puts_the_list_in_the_chairs_order():
    day = a_meeting_on_the_day()
    first, second, third = day.ask("mexico"), day.ask("thailand"), day.ask("unhcr")

    ordered = reorder(meeting=day.meeting, order=[third.pk, first.pk, second.pk], by=day.chair)

    assert [i.pk for i in ordered] == [third.pk, first.pk, second.pk]
    assert [i.position for i in ordered] == [1, 2, 3]


def test_reorder_from_a_stale_page_keeps_the_list_whole():
    day = a_meeting_on_the_day()
    first, second = day.ask("mexico"), day.ask("thailand")
    withdraw(inscription=first, by=day.mexico_delegation)
    late = day.ask("unhcr")

    # The chair's page still shows the withdrawn inscription and not the late one.
    ordered = reorder(meeting=day.meeting, order=[first.pk, second.pk, second.pk], by=day.chair)

    assert [i.pk for i in ordered] == [second.pk, late.pk]
    assert [i.position for i in ordered] == [1, 2]


def test_move_takes_an_inscription_to_a_place():
    day = a_meeting_on_the_day()
    first, second, third = day.ask("mexico"), day.ask("thailand"), day.ask("unhcr")

    ordered = move(inscription=third, place=1, by=day.chair)

    assert [i.pk for i in ordered] == [third.pk, first.pk, second.pk]


def test_apply_proposed_order_undoes_the_chairs_arrangement():
    day = a_meeting_on_the_day()
    delegate = day.ask("mexico", level=Level.OTHER)
    minister = day.confirm(day.ask("thailand", level=Level.MINISTER))
    move(inscription=delegate, place=1, by=day.chair)

    ordered = apply_proposed_order(meeting=day.meeting, by=day.chair)

    assert [i.pk for i in ordered] == [minister.pk, delegate.pk]


def test_skip_takes_an_inscription_off_the_list_and_closes_the_gap():
    day = a_meeting_on_the_day()
    first, second = day.ask("mexico"), day.ask("thailand")

    skip(inscription=first, by=day.chair)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.position) == (InscriptionStatus.SKIPPED, None)
    assert second.position == 1


def test_a_delegation_withdraws_its_own_request():
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico")

    withdraw(inscription=inscription, by=day.mexico_delegation)

    inscription.refresh_from_db()
    assert inscription.status == InscriptionStatus.WITHDRAWN


def test_a_delegation_cannot_withdraw_another_delegations_request():
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico")

    with pytest.raises(PermissionDenied):
        withdraw(inscription=inscription, by=day.thailand_delegation)


def test_a_state_speaking_for_its_group_withdraws_that_request_too():
    day = a_meeting_on_the_day()
    inscription = day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)

    withdraw(inscription=inscription, by=day.thailand_delegation)

    inscription.refresh_from_db()
    assert inscription.status == InscriptionStatus.WITHDRAWN


def test_withdrawing_twice_says_the_request_no_longer_waits():
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico")
    withdraw(inscription=inscription, by=day.mexico_delegation)

    with pytest.raises(ValidationError, match="no longer waiting"):
        withdraw(inscription=inscription, by=day.mexico_delegation)


@pytest.mark.parametrize("who", ["rapporteur", "mexico_delegation"])
def test_only_the_chair_or_the_secretariat_changes_the_order(who):
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico")

    with pytest.raises(PermissionDenied):
        move(inscription=inscription, place=1, by=getattr(day, who))
    with pytest.raises(PermissionDenied):
        skip(inscription=inscription, by=getattr(day, who))


def test_the_secretariat_changes_the_order_too():
    day = a_meeting_on_the_day()
    first, second = day.ask("mexico"), day.ask("thailand")

    ordered = move(inscription=second, place=1, by=day.secretariat)

    assert [i.pk for i in ordered] == [second.pk, first.pk]


def test_a_refused_change_to_the_order_changes_nothing():
    day = a_meeting_on_the_day()
    first, second = day.ask("mexico"), day.ask("thailand")
    move(inscription=second, place=1, by=day.chair)

    for action in (
        lambda: reorder(meeting=day.meeting, order=[first.pk, second.pk], by=day.rapporteur),
        lambda: move(inscription=first, place=1, by=day.rapporteur),
        lambda: apply_proposed_order(meeting=day.meeting, by=day.rapporteur),
        lambda: skip(inscription=first, by=day.rapporteur),
        lambda: withdraw(inscription=first, by=day.rapporteur),
    ):
        with pytest.raises(PermissionDenied):
            action()

    first.refresh_from_db()
    second.refresh_from_db()
    assert [(i.status, i.position, i.placed_by_chair) for i in (second, first)] == [
        (InscriptionStatus.WAITING, 1, True),
        (InscriptionStatus.WAITING, 2, False),
    ]
