import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import connection

from convener.audit.actors import command_line_operator
from convener.meetings.domain.programme import (
    add_participant,
    add_place,
    add_segment,
    move_participant,
    move_segment,
    name_place,
    remove_participant,
    remove_segment,
    update_participant,
    update_segment,
)
from convener.meetings.models import Participation, ProgrammeRole, Segment, SegmentKind
from convener.roles.models import Role as AccessRole
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return command_line_operator()


def _segments(meeting):
    return list(meeting.segments.order_by("order").values_list("key", "order"))


def _people(segment):
    return list(
        segment.participations.order_by("order").values_list("person__family_name", flat=True)
    )


# Segments


def test_add_segment_goes_last_with_a_key_made_from_its_title(user):
    meeting = MeetingFactory()
    SegmentFactory(meeting=meeting, key="opening", order=4)

    segment = add_segment(
        meeting=meeting, kind=SegmentKind.PANEL, title="Panel 1: Pathways", duration=40, by=user
    )

    assert (segment.key, segment.order, segment.duration) == ("panel-1-pathways", 5, 40)


def test_add_segment_numbers_a_key_already_taken_in_the_meeting(user):
    meeting = MeetingFactory()
    SegmentFactory(meeting=meeting, key="interactive-debate")

    segment = add_segment(meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE, by=user)

    assert segment.key == "interactive-debate-2"


def test_add_segment_takes_a_key_used_only_in_another_meeting(user):
    SegmentFactory(key="panel")

    segment = add_segment(meeting=MeetingFactory(), kind=SegmentKind.PANEL, title="Panel", by=user)

    assert segment.key == "panel"


def test_add_segment_refuses_an_unknown_kind_and_a_time_budget_of_nothing(user):
    meeting = MeetingFactory()

    with pytest.raises(ValidationError) as raised:
        add_segment(meeting=meeting, kind="banquet", duration=0, by=user)

    assert set(raised.value.message_dict) == {"kind", "duration"}
    assert not meeting.segments.exists()


def test_update_segment_keeps_the_key_when_the_title_changes(user):
    segment = SegmentFactory(key="panel-1", title="Panel 1")

    update_segment(segment=segment, changes={"title": " Panel A ", "duration": 30}, by=user)

    segment.refresh_from_db()
    assert (segment.key, segment.title, segment.duration) == ("panel-1", "Panel A", 30)


def test_update_segment_refuses_fields_it_does_not_change(user):
    with pytest.raises(ValueError, match="summary"):
        update_segment(segment=SegmentFactory(), changes={"summary": "x"}, by=user)


def test_remove_segment_removes_its_participants(user):
    participation = ParticipationFactory()

    remove_segment(segment=participation.segment, by=user)

    assert not Segment.objects.exists()
    assert not Participation.objects.exists()


def test_remove_segment_refuses_a_segment_holding_the_floor_record(user):
    intervention = InterventionFactory()

    with pytest.raises(ValidationError) as raised:
        remove_segment(segment=intervention.segment, by=user)

    assert list(raised.value.message_dict) == [NON_FIELD_ERRORS]
    assert Segment.objects.filter(pk=intervention.segment.pk).exists()


def test_move_segment_up_swaps_it_with_the_one_before(user):
    meeting = MeetingFactory()
    for key in ("opening", "panel", "debate"):
        SegmentFactory(meeting=meeting, key=key)

    move_segment(segment=meeting.segments.get(key="debate"), step=-1, by=user)

    assert _segments(meeting) == [("opening", 0), ("debate", 1), ("panel", 2)]


def test_move_segment_renumbers_a_programme_with_gaps_from_zero(user):
    meeting = MeetingFactory()
    SegmentFactory(meeting=meeting, key="opening", order=10)
    SegmentFactory(meeting=meeting, key="panel", order=20)

    move_segment(segment=meeting.segments.get(key="opening"), step=1, by=user)

    assert _segments(meeting) == [("panel", 0), ("opening", 1)]


def test_move_segment_past_the_end_stays_last(user):
    meeting = MeetingFactory()
    SegmentFactory(meeting=meeting, key="opening", order=0)
    SegmentFactory(meeting=meeting, key="panel", order=1)

    move_segment(segment=meeting.segments.get(key="panel"), step=1, by=user)

    assert _segments(meeting) == [("opening", 0), ("panel", 1)]


def test_move_segment_starts_from_the_order_in_the_database_not_a_stale_copy(user):
    meeting = MeetingFactory()
    for key in ("a", "b", "c"):
        SegmentFactory(meeting=meeting, key=key)
    stale_c = meeting.segments.get(key="c")
    move_segment(segment=meeting.segments.get(key="a"), step=2, by=user)  # b c a

    move_segment(segment=stale_c, step=-1, by=user)

    assert [key for key, _ in _segments(meeting)] == ["c", "b", "a"]


# Participants


def test_add_participant_goes_last_in_the_segment(user):
    segment = SegmentFactory()
    ParticipationFactory(segment=segment, person__family_name="Kelley", order=3)

    participation = add_participant(
        segment=segment,
        person=PersonFactory(family_name="Milner"),
        role=ProgrammeRole.PANELLIST,
        speaking_time=10,
        by=user,
    )

    assert participation.order == 4
    assert _people(segment) == ["Kelley", "Milner"]


def test_add_participant_refuses_the_same_person_twice_in_the_same_role(user):
    existing = ParticipationFactory(role=ProgrammeRole.PANELLIST)

    with pytest.raises(ValidationError) as raised:
        add_participant(
            segment=existing.segment, person=existing.person, role=ProgrammeRole.PANELLIST, by=user
        )

    assert list(raised.value.message_dict) == ["person"]
    assert "already takes part in this segment as panellist" in str(raised.value)


def test_add_participant_takes_the_same_person_in_another_role(user):
    existing = ParticipationFactory(role=ProgrammeRole.PANELLIST)

    add_participant(
        segment=existing.segment, person=existing.person, role=ProgrammeRole.MODERATOR, by=user
    )

    assert existing.segment.participations.count() == 2


def test_add_participant_refuses_a_speaking_time_that_is_not_positive(user):
    segment = SegmentFactory()

    with pytest.raises(ValidationError) as raised:
        add_participant(
            segment=segment,
            person=PersonFactory(),
            role=ProgrammeRole.SPEAKER,
            speaking_time=0,
            by=user,
        )

    assert list(raised.value.message_dict) == ["speaking_time"]
    assert not segment.participations.exists()


def test_add_participant_refuses_an_unknown_role(user):
    with pytest.raises(ValidationError) as raised:
        add_participant(segment=SegmentFactory(), person=PersonFactory(), role="juggler", by=user)

    assert list(raised.value.message_dict) == ["role"]


def test_update_participant_changes_role_and_speaking_time(user):
    participation = ParticipationFactory(role=ProgrammeRole.PANELLIST, speaking_time=10)

    update_participant(
        participation=participation,
        changes={"role": ProgrammeRole.MODERATOR, "speaking_time": 5},
        by=user,
    )

    participation.refresh_from_db()
    assert (participation.role, participation.speaking_time) == (ProgrammeRole.MODERATOR, 5)


def test_update_participant_sets_the_capacity_held_at_the_meeting_trimmed(user):
    participation = ParticipationFactory(role=ProgrammeRole.SPEAKER)

    update_participant(
        participation=participation,
        changes={"capacity": "  Chair of the Global Migration Group "},
        by=user,
    )

    participation.refresh_from_db()
    assert participation.capacity == "Chair of the Global Migration Group"


@pytest.mark.parametrize(
    ("capacity", "message"),
    [
        ("x" * 301, "at most 300 characters"),
        ("Chair\nInjected", "Write this on one line, without line breaks."),
    ],
)
def test_update_participant_refuses_a_capacity_over_its_limit_or_on_two_lines(
    user, capacity, message
):
    participation = ParticipationFactory(role=ProgrammeRole.SPEAKER)

    with pytest.raises(ValidationError) as raised:
        update_participant(participation=participation, changes={"capacity": capacity}, by=user)

    assert message in " ".join(raised.value.message_dict["capacity"])
    participation.refresh_from_db()
    assert participation.capacity == ""


def test_update_participant_refuses_a_role_the_person_already_has_in_the_segment(user):
    moderator = ParticipationFactory(role=ProgrammeRole.MODERATOR)
    panellist = ParticipationFactory(
        segment=moderator.segment, person=moderator.person, role=ProgrammeRole.PANELLIST
    )

    with pytest.raises(ValidationError) as raised:
        update_participant(
            participation=panellist, changes={"role": ProgrammeRole.MODERATOR}, by=user
        )

    assert list(raised.value.message_dict) == ["person"]
    panellist.refresh_from_db()
    assert panellist.role == ProgrammeRole.PANELLIST


def test_remove_participant_keeps_the_others(user):
    first = ParticipationFactory(person__family_name="Kelley")
    ParticipationFactory(segment=first.segment, person__family_name="Milner")

    remove_participant(participation=first, by=user)

    assert _people(first.segment) == ["Milner"]


def test_move_participant_down_swaps_two_panellists(user):
    segment = SegmentFactory()
    for name in ("Madiwale", "Kelley", "Greene", "Milner"):
        ParticipationFactory(segment=segment, person__family_name=name)
    greene = segment.participations.get(person__family_name="Greene")

    move_participant(participation=greene, step=-1, by=user)

    assert _people(segment) == ["Madiwale", "Greene", "Kelley", "Milner"]
    assert list(segment.participations.order_by("order").values_list("order", flat=True)) == [
        0,
        1,
        2,
        3,
    ]


def test_move_participant_orders_only_its_own_segment(user):
    participation = ParticipationFactory(order=7)
    elsewhere = ParticipationFactory(segment__meeting=participation.segment.meeting, order=3)

    move_participant(participation=participation, step=-5, by=user)

    participation.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (participation.order, elsewhere.order) == (0, 3)


def test_move_locks_the_meeting_so_two_moves_at_once_take_turns(user):
    """The meeting's row is selected for update before the order is read.

    SQLite has no row locks (its writers queue for the whole database), so
    this checks that the lock is asked for; PostgreSQL holds it.
    """
    segment = SegmentFactory()
    ParticipationFactory(segment=segment)
    participation = ParticipationFactory(segment=segment)
    statements = []

    def keep(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        move_participant(participation=participation, step=-1, by=user)

    locks = [sql for sql in statements if '"meetings_meeting"' in sql]
    assert locks
    assert statements.index(locks[0]) < next(
        i for i, sql in enumerate(statements) if '"meetings_participation"' in sql
    )
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in locks[0]


# Who may


def _changes(segment, participation, person):
    """Every change of the programme, each a call taking the acting user."""
    return {
        "add_segment": lambda by: add_segment(
            meeting=segment.meeting, kind=SegmentKind.PANEL, by=by
        ),
        "update_segment": lambda by: update_segment(
            segment=segment, changes={"title": "Renamed"}, by=by
        ),
        "remove_segment": lambda by: remove_segment(segment=segment, by=by),
        "move_segment": lambda by: move_segment(segment=segment, step=1, by=by),
        "add_participant": lambda by: add_participant(
            segment=segment, person=person, role=ProgrammeRole.MODERATOR, by=by
        ),
        "add_place": lambda by: add_place(segment=segment, role=ProgrammeRole.SPEAKER, by=by),
        "name_place": lambda by: name_place(participation=participation, person=person, by=by),
        "update_participant": lambda by: update_participant(
            participation=participation, changes={"speaking_time": 9}, by=by
        ),
        "remove_participant": lambda by: remove_participant(participation=participation, by=by),
        "move_participant": lambda by: move_participant(participation=participation, step=1, by=by),
    }


CHANGES = list(_changes(None, None, None))


def _programme(meeting):
    segments = list(meeting.segments.order_by("pk").values("key", "title", "order"))
    people = list(
        Participation.objects.filter(segment__meeting=meeting)
        .order_by("pk")
        .values("person", "role", "speaking_time", "order")
    )
    return segments, people


@pytest.mark.parametrize("role", [None, AccessRole.RAPPORTEUR, AccessRole.CHAIR])
@pytest.mark.parametrize("change", CHANGES)
def test_the_programme_is_changed_only_by_who_edits_it(change, role):
    segment = SegmentFactory(title="Opening", order=0)
    SegmentFactory(meeting=segment.meeting, order=1)
    participation = ParticipationFactory(segment=segment, role=ProgrammeRole.PANELLIST, order=0)
    ParticipationFactory(segment=segment, order=1)
    meeting = segment.meeting
    user = UserFactory() if role is None else GrantFactory(series=meeting.series, role=role).user
    before = _programme(meeting)

    with pytest.raises(PermissionDenied):
        _changes(segment, participation, PersonFactory())[change](user)

    assert _programme(meeting) == before


def test_the_focal_point_of_a_co_organiser_edits_the_programme():
    co_organiser = CoOrganiserFactory()
    meeting = co_organiser.meeting
    focal_point = GrantFactory(
        series=meeting.series,
        role=AccessRole.FOCAL_POINT,
        organisation=co_organiser.organisation,
    ).user

    segment = add_segment(meeting=meeting, kind=SegmentKind.PANEL, title="Panel", by=focal_point)
    add_participant(
        segment=segment, person=PersonFactory(), role=ProgrammeRole.MODERATOR, by=focal_point
    )

    assert meeting.segments.get().participations.count() == 1


def test_a_focal_point_of_another_organisation_does_not_edit_the_programme():
    meeting = CoOrganiserFactory().meeting
    focal_point = GrantFactory(
        series=meeting.series, role=AccessRole.FOCAL_POINT, organisation=OrganisationFactory()
    ).user

    with pytest.raises(PermissionDenied):
        add_segment(meeting=meeting, kind=SegmentKind.PANEL, by=focal_point)

    assert not meeting.segments.exists()
