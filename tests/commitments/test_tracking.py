import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.commitments.domain.marking import mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from convener.commitments.queries.tracker import TrackerFilters, tracked_marks
from convener.meetings.models import MeetingStatus
from convener.meetings.queries.visibility import public_reader
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    OrganisationFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def commitment(**intervention):
    statement = InterventionFactory(points=["We will open 500 places by 2018."], **intervention)
    return mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind="commitment",
        by=command_line_operator(),
    )


def test_the_secretariat_sets_a_commitment_delivered_with_a_dated_note():
    mark = commitment()
    secretariat = secretariat_of(mark.meeting.series)

    note = set_commitment_status(
        mark=mark, status="delivered", note="All 500 arrived.", by=secretariat
    )

    mark.refresh_from_db()
    assert mark.status == "delivered"
    assert [(n.status, n.text, n.by) for n in mark.notes.all()][-1] == (
        "delivered",
        "All 500 arrived.",
        secretariat,
    )
    assert note.at is not None


def test_the_status_is_followed_after_the_meeting_is_reported():
    mark = commitment()
    mark.meeting.status = MeetingStatus.REPORTED
    mark.meeting.save()

    set_commitment_status(mark=mark, status="under_way", by=secretariat_of(mark.meeting.series))

    mark.refresh_from_db()
    assert mark.status == "under_way"


def test_a_rapporteur_does_not_set_the_status():
    mark = commitment()
    rapporteur = GrantFactory(series=mark.meeting.series, role=Role.RAPPORTEUR).user

    with pytest.raises(PermissionDenied):
        set_commitment_status(mark=mark, status="delivered", by=rapporteur)


def test_a_recommendation_has_no_status():
    statement = InterventionFactory(points=["States should act."])
    mark = mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind="recommendation",
        by=command_line_operator(),
    )

    with pytest.raises(ValidationError):
        set_commitment_status(mark=mark, status="delivered", by=command_line_operator())


def test_an_unknown_status_and_a_long_note_are_refused():
    mark = commitment()

    with pytest.raises(ValidationError):
        set_commitment_status(mark=mark, status="forgotten", by=command_line_operator())
    with pytest.raises(ValidationError):
        set_commitment_status(
            mark=mark, status="delivered", note="x" * 5001, by=command_line_operator()
        )


def test_the_tracker_filters_by_status_author_kind_meeting_and_regional_group():
    first = commitment(state=StateFactory(regional_group="african"))
    series = first.meeting.series
    unhcr = OrganisationFactory()
    second = commitment(segment__meeting__series=series, state=None, organisation=unhcr)
    set_commitment_status(mark=second, status="delivered", by=command_line_operator())
    reader = secretariat_of(series)

    def found(**filters):
        return list(tracked_marks(reader, series, TrackerFilters(**filters)))

    assert found() == [first, second]
    assert found(status="delivered") == [second]
    assert found(organisation=unhcr.key) == [second]
    assert found(state=first.author_state.iso3) == [first]
    assert found(regional_group="african") == [first]
    assert found(meeting=second.meeting.number) == [second]
    assert found(kind="recommendation") == []


def test_the_public_tracker_leaves_out_records_not_released():
    released = commitment()
    series = released.meeting.series
    commitment(segment__meeting__series=series, segment__meeting__record_released_at=None)

    assert list(tracked_marks(public_reader(), series)) == [released]


def test_rejected_points_are_not_tracked():
    statement = InterventionFactory(points=["We will act."])
    mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind="neither",
        by=command_line_operator(),
    )

    assert not tracked_marks(command_line_operator(), statement.segment.meeting.series).exists()
