"""Giving the floor, the speaking timer, and the intervention every turn becomes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from convener.live.domain.floor import set_time_limits, start_segment
from convener.live.domain.requests import add_programme_speaker
from convener.live.domain.turns import (
    end_turn,
    extend_timer,
    give_floor,
    pause_timer,
    resume_timer,
)
from convener.live.models import InscriptionStatus, Purpose, Turn
from convener.live.queries.timer import time_spoken
from convener.records.models import Capacity, InterventionKind
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    return day


def time_left(turn, *, now):
    """Seconds left of the turn's limit; negative once the speaker runs over."""
    return turn.limit - time_spoken(turn, now=now)


def _seconds_ago(turn, seconds):
    """Move the turn's clock back, as if `seconds` had passed since it last changed."""
    Turn.objects.filter(pk=turn.pk).update(
        running_since=turn.running_since - datetime.timedelta(seconds=seconds)
    )
    turn.refresh_from_db()
    return turn


def _spoken(seconds, since):
    """The bounds of a time spoken: the `seconds` a test moved the clock back,
    plus at most the real time since `since`, which a busy machine stretches."""
    return seconds, seconds + (timezone.now() - since).total_seconds()


def test_give_floor_to_the_first_waiting_records_an_intervention(day):
    first = day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)
    second = day.ask("mexico")

    turn = give_floor(meeting=day.meeting, by=day.chair)

    first.refresh_from_db()
    second.refresh_from_db()
    assert turn.inscription == first
    assert (first.status, first.position, second.position) == (InscriptionStatus.SPEAKING, None, 1)
    intervention = turn.intervention
    assert intervention.segment == day.debate
    assert (intervention.state, intervention.state_group, intervention.capacity) == (
        day.thailand,
        day.g77,
        Capacity.GROUP,
    )
    assert intervention.kind == InterventionKind.STATEMENT


def test_give_floor_to_a_named_inscription(day):
    day.ask("mexico")
    second = day.ask("thailand")

    turn = give_floor(meeting=day.meeting, inscription=second, by=day.chair)

    assert turn.inscription == second


def test_give_floor_ends_the_turn_under_way(day):
    first, second = day.ask("mexico"), day.ask("thailand")
    since = timezone.now()
    earlier = give_floor(meeting=day.meeting, by=day.chair)
    _seconds_ago(earlier, 90)

    give_floor(meeting=day.meeting, by=day.chair)

    earlier.refresh_from_db()
    first.refresh_from_db()
    assert earlier.ended_at is not None
    least, most = _spoken(90, since)
    assert least <= earlier.elapsed <= most
    assert first.status == InscriptionStatus.SPOKE
    assert Turn.objects.get(ended_at__isnull=True).inscription == second


def test_the_timer_starts_with_the_limit_for_what_the_turn_is_for(day):
    set_time_limits(meeting=day.meeting, limits={"right_of_reply_seconds": 120}, by=day.chair)
    day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)

    turn = give_floor(meeting=day.meeting, by=day.chair)

    assert turn.limit == 120
    assert turn.running
    assert time_left(turn, now=timezone.now()) == pytest.approx(120, abs=2)


def test_a_panellist_has_the_time_the_programme_gives_them(day):
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    add_programme_speaker(participation=day.panellist, by=day.chair)

    turn = give_floor(meeting=day.meeting, by=day.chair)

    assert turn.limit == 8 * 60
    assert turn.intervention.kind == InterventionKind.PRESENTATION
    assert turn.intervention.speaker == day.panellist_person


def test_a_panellist_without_a_time_of_their_own_has_the_meetings_panellist_limit(day):
    day.panellist.speaking_time = None
    day.panellist.save()
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    add_programme_speaker(participation=day.panellist, by=day.chair)

    turn = give_floor(meeting=day.meeting, by=day.chair)

    assert turn.limit == 10 * 60


def test_give_floor_needs_a_segment_under_way():
    day = a_meeting_on_the_day()
    day.ask("mexico")

    with pytest.raises(ValidationError, match="segment"):
        give_floor(meeting=day.meeting, by=day.chair)


def test_give_floor_to_an_empty_list_says_so(day):
    with pytest.raises(ValidationError, match="No one is waiting"):
        give_floor(meeting=day.meeting, by=day.chair)


def test_two_chairs_giving_the_floor_to_the_same_speaker_give_it_once(day):
    inscription = day.ask("mexico")
    give_floor(meeting=day.meeting, inscription=inscription, by=day.chair)

    with pytest.raises(ValidationError, match="no longer waiting"):
        give_floor(meeting=day.meeting, inscription=inscription, by=day.secretariat)
    assert Turn.objects.count() == 1


def test_a_delegation_cannot_give_the_floor(day):
    day.ask("mexico")

    with pytest.raises(PermissionDenied):
        give_floor(meeting=day.meeting, by=day.mexico_delegation)


def test_pause_keeps_the_time_spoken_and_resume_goes_on_from_it(day):
    day.ask("mexico")
    since = timezone.now()
    turn = _seconds_ago(give_floor(meeting=day.meeting, by=day.chair), 50)

    paused = pause_timer(meeting=day.meeting, by=day.chair)

    assert not paused.running
    least, most = _spoken(50, since)
    assert least <= paused.elapsed <= most
    resumed = resume_timer(meeting=day.meeting, by=day.chair)
    assert resumed.running
    spoken = time_spoken(resumed, now=timezone.now())
    least, most = _spoken(50, since)
    assert least <= spoken <= most
    assert turn.pk == resumed.pk


def test_extend_gives_the_speaker_more_time(day):
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)

    turn = extend_timer(meeting=day.meeting, seconds=60, by=day.chair)

    assert turn.limit == 180 + 60


def test_extend_refuses_a_time_that_is_no_time(day):
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)

    with pytest.raises(ValidationError) as raised:
        extend_timer(meeting=day.meeting, seconds=0, by=day.chair)

    assert list(raised.value.message_dict) == ["seconds"]


def test_end_turn_leaves_the_floor_to_no_one(day):
    inscription = day.ask("mexico")
    since = timezone.now()
    _seconds_ago(give_floor(meeting=day.meeting, by=day.chair), 30)

    turn = end_turn(meeting=day.meeting, by=day.chair)

    inscription.refresh_from_db()
    assert inscription.status == InscriptionStatus.SPOKE
    assert turn.ended_at is not None
    least, most = _spoken(30, since)
    assert least <= turn.elapsed <= most
    with pytest.raises(ValidationError, match="No one has the floor"):
        pause_timer(meeting=day.meeting, by=day.chair)


def test_time_spoken_is_worked_out_from_stored_timestamps():
    now = datetime.datetime(2016, 7, 13, 10, 0, tzinfo=datetime.UTC)
    running = Turn(limit=180, running_since=now - datetime.timedelta(seconds=200), elapsed=0)
    paused = Turn(limit=180, running_since=None, elapsed=45.5)

    assert time_spoken(running, now=now) == 200
    assert time_left(running, now=now) == -20  # twenty seconds over
    assert time_left(paused, now=now + datetime.timedelta(hours=1)) == 134.5


def test_a_restarted_server_finds_the_timer_still_running(day):
    day.ask("mexico")
    since = timezone.now()
    turn = _seconds_ago(give_floor(meeting=day.meeting, by=day.chair), 75)

    # A new process knows only what the database holds.
    reloaded = Turn.objects.get(pk=turn.pk)

    assert reloaded.running
    left = time_left(reloaded, now=timezone.now())
    least, most = _spoken(75, since)
    assert 180 - most <= left <= 180 - least


# A point of order interrupts (General Assembly rules of procedure, rule 71)


def test_a_point_of_order_interrupts_the_speaker_without_ending_the_turn(day):
    since = timezone.now()
    statement = give_floor(meeting=day.meeting, inscription=day.ask("mexico"), by=day.chair)
    statement = _seconds_ago(statement, 100)
    point = day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)

    given = give_floor(meeting=day.meeting, inscription=point, by=day.chair)

    statement.refresh_from_db()
    assert given.inscription == point
    assert statement.ended_at is None
    assert statement.interrupted_at is not None
    assert statement.inscription.status == InscriptionStatus.INTERRUPTED
    least, most = _spoken(100, since)
    assert least <= statement.elapsed <= most
    assert not statement.running


def test_after_the_ruling_the_speaker_resumes_with_the_time_left_as_one_intervention(day):
    since = timezone.now()
    statement = give_floor(meeting=day.meeting, inscription=day.ask("mexico"), by=day.chair)
    _seconds_ago(statement, 100)
    point = day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)
    give_floor(meeting=day.meeting, inscription=point, by=day.chair)

    end_turn(meeting=day.meeting, by=day.chair)
    resumed = resume_timer(meeting=day.meeting, by=day.chair)

    assert resumed.pk == statement.pk
    assert resumed.inscription.status == InscriptionStatus.SPEAKING
    left = time_left(resumed, now=timezone.now())
    least, most = _spoken(100, since)
    assert resumed.limit - most <= left <= resumed.limit - least
    mexico_turns = day.meeting.segments.get(pk=day.debate.pk).interventions.filter(state=day.mexico)
    assert mexico_turns.count() == 1


def test_giving_the_floor_to_the_next_speaker_ends_an_interrupted_turn(day):
    statement = give_floor(meeting=day.meeting, inscription=day.ask("mexico"), by=day.chair)
    give_floor(
        meeting=day.meeting,
        inscription=day.ask("thailand", purpose=Purpose.POINT_OF_ORDER),
        by=day.chair,
    )
    next_speaker = day.ask("unhcr")

    give_floor(meeting=day.meeting, inscription=next_speaker, by=day.chair)

    statement.refresh_from_db()
    assert statement.ended_at is not None
    assert statement.inscription.status == InscriptionStatus.SPOKE


def test_a_point_of_order_on_a_point_of_order_ends_the_first(day):
    first = give_floor(
        meeting=day.meeting,
        inscription=day.ask("mexico", purpose=Purpose.POINT_OF_ORDER),
        by=day.chair,
    )

    give_floor(
        meeting=day.meeting,
        inscription=day.ask("thailand", purpose=Purpose.POINT_OF_ORDER),
        by=day.chair,
    )

    first.refresh_from_db()
    assert first.ended_at is not None
    assert first.interrupted_at is None


def test_a_refused_action_on_the_turn_changes_nothing(day):
    day.ask("mexico")
    day.ask("thailand")
    turn = give_floor(meeting=day.meeting, by=day.chair)

    for action in (
        lambda: give_floor(meeting=day.meeting, by=day.rapporteur),
        lambda: pause_timer(meeting=day.meeting, by=day.rapporteur),
        lambda: resume_timer(meeting=day.meeting, by=day.rapporteur),
        lambda: extend_timer(meeting=day.meeting, seconds=60, by=day.rapporteur),
        lambda: end_turn(meeting=day.meeting, by=day.rapporteur),
    ):
        with pytest.raises(PermissionDenied):
            action()

    stored = Turn.objects.get()
    assert (stored.pk, stored.limit, stored.ended_at) == (turn.pk, turn.limit, None)
    assert stored.running_since == turn.running_since
