"""Getting on the list of speakers: from a delegation's phone, by a raised flag, from the
programme."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.live.domain.floor import close_list, start_segment
from convener.live.domain.requests import (
    add_for_raised_flag,
    add_programme_speaker,
    confirm_level,
    request_floor,
)
from convener.live.models import Inscription, InscriptionStatus, Level, Purpose
from convener.records.models import Capacity
from tests.factories import CoChairFactory, GrantFactory, ParticipationFactory, StateFactory
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db


def test_a_delegation_inscribes_before_the_meeting():
    day = a_meeting_on_the_day()

    inscription = day.ask("mexico", level=Level.MINISTER, speaker_name="Ms. Ruiz")

    assert inscription.segment is None
    assert (inscription.state, inscription.capacity, inscription.proposed_level) == (
        day.mexico,
        Capacity.NATIONAL,
        Level.MINISTER,
    )
    # A proposal: until the secretariat confirms it, the speaker counts as "other".
    assert (inscription.level, inscription.level_confirmed_at) == (Level.OTHER, None)
    assert (inscription.status, inscription.position) == (InscriptionStatus.WAITING, 1)
    assert inscription.requested_by == day.mexico_delegation


def test_a_request_during_a_segment_is_made_in_it():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)

    inscription = day.ask("mexico")

    assert inscription.segment == day.debate


def test_a_state_asks_on_behalf_of_its_group():
    day = a_meeting_on_the_day()

    inscription = day.ask("thailand", capacity=Capacity.GROUP, state_group=day.g77)

    assert (inscription.state, inscription.state_group) == (day.thailand, day.g77)
    assert inscription.who == "Thailand (Group of 77 and China)"


def test_an_organisation_asks_a_question_to_a_panellist():
    day = a_meeting_on_the_day()

    inscription = day.ask("unhcr", purpose=Purpose.QUESTION, addressed_to=day.panellist_person)

    assert (inscription.organisation, inscription.state) == (day.unhcr, None)
    assert inscription.addressed_to == day.panellist_person


def test_a_question_goes_to_a_speaker_of_the_meeting():
    day = a_meeting_on_the_day()
    elsewhere = ParticipationFactory().person

    with pytest.raises(ValidationError) as raised:
        day.ask("mexico", purpose=Purpose.QUESTION, addressed_to=elsewhere)

    assert list(raised.value.message_dict) == ["addressed_to"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"capacity": Capacity.GROUP}, "state_group"),
        ({"capacity": Capacity.OFFICE}, "capacity"),
        ({"level": "emperor"}, "level"),
        ({"purpose": Purpose.PRESENTATION}, "purpose"),
    ],
)
def test_a_request_names_capacity_level_and_purpose(fields, field):
    day = a_meeting_on_the_day()

    with pytest.raises(ValidationError) as raised:
        day.ask("mexico", **fields)

    assert field in raised.value.message_dict


def test_a_delegation_speaks_only_for_its_own_state():
    day = a_meeting_on_the_day()

    with pytest.raises(PermissionDenied):
        request_floor(
            meeting=day.meeting,
            by=day.mexico_delegation,
            state=day.thailand,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        )


@pytest.mark.parametrize("who", ["chair", "rapporteur"])
def test_only_a_delegation_requests_the_floor(who):
    day = a_meeting_on_the_day()

    with pytest.raises(PermissionDenied):
        request_floor(
            meeting=day.meeting,
            by=getattr(day, who),
            state=day.mexico,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        )


def test_a_delegation_of_another_series_cannot_request_the_floor():
    day = a_meeting_on_the_day()
    stranger = GrantFactory(role="delegation", state=day.mexico).user  # another series

    with pytest.raises(PermissionDenied):
        request_floor(
            meeting=day.meeting,
            by=stranger,
            state=day.mexico,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        )


def test_a_double_tap_does_not_inscribe_twice():
    day = a_meeting_on_the_day()
    day.ask("mexico")

    with pytest.raises(ValidationError, match="already on the list"):
        day.ask("mexico")


def test_a_delegation_may_ask_for_a_statement_and_a_right_of_reply():
    day = a_meeting_on_the_day()
    day.ask("mexico")

    reply = day.ask("mexico", purpose=Purpose.RIGHT_OF_REPLY)

    assert reply.position == 2


def test_a_closed_list_takes_only_points_of_order_and_rights_of_reply():
    day = a_meeting_on_the_day()
    close_list(meeting=day.meeting, by=day.chair)

    with pytest.raises(ValidationError) as raised:
        day.ask("mexico")
    point = day.ask("thailand", purpose=Purpose.POINT_OF_ORDER)

    assert list(raised.value.message_dict) == ["purpose"]
    assert point.status == InscriptionStatus.WAITING


def test_the_secretariat_adds_a_delegation_that_raised_its_flag_to_a_closed_list():
    day = a_meeting_on_the_day()
    close_list(meeting=day.meeting, by=day.chair)
    zambia = StateFactory(names={"en": "Zambia"})

    inscription = add_for_raised_flag(
        meeting=day.meeting,
        by=day.secretariat,
        state=zambia,
        capacity=Capacity.NATIONAL,
        level=Level.CHAIR_OF_DELEGATION,
        purpose=Purpose.STATEMENT,
    )

    assert inscription.raised_flag
    assert inscription.position == 1


def test_a_delegation_cannot_add_for_a_raised_flag():
    day = a_meeting_on_the_day()

    with pytest.raises(PermissionDenied):
        add_for_raised_flag(
            meeting=day.meeting,
            by=day.mexico_delegation,
            state=day.mexico,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        )


def test_the_chair_calls_a_panellist_for_a_presentation():
    day = a_meeting_on_the_day()
    day.ask("mexico")

    inscription = add_programme_speaker(participation=day.panellist, by=day.chair)

    assert inscription.person == day.panellist_person
    assert inscription.organisation == day.panellist_person.organisation
    assert (inscription.purpose, inscription.capacity) == (
        Purpose.PRESENTATION,
        Capacity.ORGANISATION,
    )
    assert inscription.position == 1


def test_a_co_chair_of_the_programme_speaks_for_their_state():
    day = a_meeting_on_the_day()
    co_chair = CoChairFactory(meeting=day.meeting)
    participation = ParticipationFactory(
        segment=day.debate, person=co_chair.person, role="co_chair"
    )

    inscription = add_programme_speaker(participation=participation, by=day.chair)

    assert (inscription.state, inscription.capacity, inscription.purpose) == (
        co_chair.state,
        Capacity.NATIONAL,
        Purpose.ANSWER,
    )


def test_a_refused_request_for_the_floor_inscribes_no_one():
    day = a_meeting_on_the_day()

    for action in (
        lambda: request_floor(
            meeting=day.meeting,
            by=day.rapporteur,
            state=day.mexico,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        ),
        lambda: add_for_raised_flag(
            meeting=day.meeting,
            by=day.rapporteur,
            state=day.mexico,
            capacity=Capacity.NATIONAL,
            level=Level.OTHER,
            purpose=Purpose.STATEMENT,
        ),
        lambda: add_programme_speaker(participation=day.panellist, by=day.mexico_delegation),
    ):
        with pytest.raises(PermissionDenied):
            action()

    assert not Inscription.objects.exists()


def test_a_delegation_cannot_confirm_its_own_level():
    """Only the secretariat confirms a level (`meeting.confirm_levels`)."""
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico", level=Level.HEAD_OF_STATE)

    for user in (day.mexico_delegation, day.chair):
        with pytest.raises(PermissionDenied):
            confirm_level(inscription=inscription, level=Level.HEAD_OF_STATE, by=user)

    inscription.refresh_from_db()
    assert (inscription.level, inscription.level_confirmed_at) == (Level.OTHER, None)


def test_the_secretariat_confirms_a_level_and_is_named_for_it():
    day = a_meeting_on_the_day()
    inscription = day.ask("mexico", level=Level.MINISTER)

    confirm_level(inscription=inscription, level=Level.VICE_MINISTER, by=day.secretariat)

    inscription.refresh_from_db()
    assert (inscription.proposed_level, inscription.level) == (Level.MINISTER, Level.VICE_MINISTER)
    assert inscription.level_confirmed_by == day.secretariat
    assert inscription.level_confirmed_at is not None
