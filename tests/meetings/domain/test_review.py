"""The planning checks: each finds what it looks for, and nothing else."""

import datetime
from unittest import mock

import pytest

from convener.directory.models import Gender, OrganisationKind, RegionalGroup
from convener.meetings.domain.review import Check, Severity, review_meeting, review_series
from convener.meetings.models import (
    CoChairBalance,
    DevelopmentStatus,
    MeetingStatus,
    ProgrammeRole,
    SegmentKind,
)
from tests.factories import (
    CoChairFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateClassificationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2016, 7, 13)


def checks(findings, check):
    return [finding for finding in findings if finding.check == check]


def a_panel(*genders, kind=SegmentKind.PANEL, moderated=True, **segment):
    """A panel with a speaker of each gender given ("" for unrecorded) and a moderator."""
    panel = SegmentFactory(kind=kind, **segment)
    if moderated:
        ParticipationFactory(
            segment=panel, role=ProgrammeRole.MODERATOR, person__gender=Gender.FEMALE
        )
    for gender in genders:
        ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST, person__gender=gender)
    return panel


def co_chaired(*statuses, balance=CoChairBalance.DEVELOPING_AND_DEVELOPED):
    """A meeting co-chaired by a State of each status given (None: unclassified)."""
    meeting = MeetingFactory(series__co_chair_balance=balance)
    for status in statuses:
        co_chair = CoChairFactory(meeting=meeting)
        if status is not None:
            StateClassificationFactory(series=meeting.series, state=co_chair.state, status=status)
    return meeting


# Co-chair balance


def test_co_chair_balance_two_developing_countries_is_a_problem():
    meeting = co_chaired(DevelopmentStatus.DEVELOPING, DevelopmentStatus.DEVELOPING)

    [finding] = checks(review_meeting(meeting), Check.CO_CHAIR_BALANCE)

    assert finding.severity == Severity.PROBLEM
    assert finding.segment is None
    assert "no developed country" in finding.message
    for co_chair in meeting.co_chairs.all():
        assert f"{co_chair.state.name} (Developing)" in finding.message


def test_co_chair_balance_two_developed_countries_is_a_problem():
    meeting = co_chaired(DevelopmentStatus.DEVELOPED, DevelopmentStatus.DEVELOPED)

    [finding] = checks(review_meeting(meeting), Check.CO_CHAIR_BALANCE)

    assert "no developing country" in finding.message


def test_co_chair_balance_one_developing_and_one_developed_is_kept():
    meeting = co_chaired(DevelopmentStatus.DEVELOPING, DevelopmentStatus.DEVELOPED)

    assert review_meeting(meeting) == []


def test_co_chair_balance_is_not_checked_when_the_series_asks_for_none():
    meeting = co_chaired(
        DevelopmentStatus.DEVELOPING, DevelopmentStatus.DEVELOPING, balance=CoChairBalance.NONE
    )

    assert review_meeting(meeting) == []


def test_co_chair_balance_waits_for_the_co_chairs():
    meeting = co_chaired()

    assert checks(review_meeting(meeting), Check.CO_CHAIR_BALANCE) == []


def test_co_chair_of_an_unclassified_state_is_a_note_not_a_problem():
    meeting = co_chaired(DevelopmentStatus.DEVELOPING, None)
    unclassified = meeting.co_chairs.last().state

    findings = review_meeting(meeting)

    [note] = checks(findings, Check.UNCLASSIFIED_CO_CHAIR)
    assert note.severity == Severity.NOTE
    assert unclassified.name in note.message
    assert checks(findings, Check.CO_CHAIR_BALANCE) == []


def test_co_chair_balance_kept_by_two_classified_co_chairs_ignores_a_third_unclassified():
    meeting = co_chaired(DevelopmentStatus.DEVELOPING, DevelopmentStatus.DEVELOPED, None)

    assert review_meeting(meeting) == []


# Gender of panels


def test_all_male_panel_is_a_problem_naming_the_speakers():
    panel = a_panel(Gender.MALE, Gender.MALE, Gender.MALE)

    [finding] = review_meeting(panel.meeting)

    assert (finding.check, finding.severity, finding.segment) == (
        Check.ALL_MALE_PANEL,
        Severity.PROBLEM,
        panel,
    )
    assert finding.message.startswith("The 3 speakers on this panel are all men:")
    for part in panel.participations.filter(role=ProgrammeRole.PANELLIST):
        assert part.person.formal_name in finding.message


def test_panel_with_a_woman_speaking_is_not_all_male():
    panel = a_panel(Gender.MALE, Gender.FEMALE, Gender.MALE)

    assert review_meeting(panel.meeting) == []


def test_all_male_panel_is_not_excused_by_a_woman_moderating():
    panel = a_panel(Gender.MALE, Gender.MALE)  # a_panel's moderator is a woman

    assert checks(review_meeting(panel.meeting), Check.ALL_MALE_PANEL) != []


def test_next_steps_with_panellists_counts_as_a_panel():
    panel = a_panel(Gender.MALE, Gender.MALE, kind=SegmentKind.NEXT_STEPS)

    assert [f.check for f in review_meeting(panel.meeting)] == [Check.ALL_MALE_PANEL]


def test_opening_remarks_by_men_are_not_a_panel():
    opening = SegmentFactory(kind=SegmentKind.OPENING_REMARKS)
    for _ in range(2):
        ParticipationFactory(
            segment=opening, role=ProgrammeRole.SPEAKER, person__gender=Gender.MALE
        )

    assert review_meeting(opening.meeting) == []


def test_one_speaker_is_not_a_panel_to_balance():
    panel = a_panel(Gender.MALE)

    assert review_meeting(panel.meeting) == []


def test_unrecorded_gender_is_not_male():
    panel = a_panel(Gender.MALE, Gender.MALE, "")
    unrecorded = panel.participations.get(role=ProgrammeRole.PANELLIST, person__gender="").person

    findings = review_meeting(panel.meeting)

    assert checks(findings, Check.ALL_MALE_PANEL) == []
    [note] = checks(findings, Check.UNRECORDED_GENDER)
    assert note.severity == Severity.NOTE
    assert unrecorded.formal_name in note.message
    assert "may be all-male" in note.message


def test_unrecorded_gender_beside_a_man_and_a_woman_changes_nothing():
    panel = a_panel(Gender.MALE, Gender.FEMALE, "")

    assert review_meeting(panel.meeting) == []


def test_panel_of_women_only_is_a_note():
    panel = a_panel(Gender.FEMALE, Gender.FEMALE)

    [finding] = review_meeting(panel.meeting)

    assert (finding.check, finding.severity) == (Check.SINGLE_GENDER_PANEL, Severity.NOTE)
    assert "all women" in finding.message


# Regional balance


def representing(panel, *groups):
    """Panellists of permanent missions of States of each regional group given."""
    for group in groups:
        mission = OrganisationFactory(
            kind=OrganisationKind.PERMANENT_MISSION, state=StateFactory(regional_group=group)
        )
        ParticipationFactory(
            segment=panel,
            role=ProgrammeRole.PANELLIST,
            person__organisation=mission,
            person__gender=Gender.FEMALE,
        )


def test_panellists_representing_states_of_one_regional_group_are_a_note():
    panel = a_panel(Gender.MALE)
    representing(
        panel, RegionalGroup.WESTERN_EUROPEAN_OTHERS, RegionalGroup.WESTERN_EUROPEAN_OTHERS
    )

    [finding] = review_meeting(panel.meeting)

    assert (finding.check, finding.severity) == (Check.REGIONAL_BALANCE, Severity.NOTE)
    assert "Western European and Others Group" in finding.message


def test_panellists_representing_states_of_two_regional_groups_are_balanced():
    panel = a_panel(Gender.MALE)
    representing(panel, RegionalGroup.WESTERN_EUROPEAN_OTHERS, RegionalGroup.AFRICAN)

    assert review_meeting(panel.meeting) == []


def test_one_panellist_representing_a_state_is_not_weighed_by_region():
    panel = a_panel(Gender.MALE, Gender.FEMALE)
    representing(panel, RegionalGroup.AFRICAN)

    assert review_meeting(panel.meeting) == []


# Moderator


def test_panel_without_moderator_is_a_problem():
    panel = a_panel(Gender.MALE, Gender.FEMALE, moderated=False)

    [finding] = review_meeting(panel.meeting)

    assert (finding.check, finding.severity, finding.segment) == (
        Check.NO_MODERATOR,
        Severity.PROBLEM,
        panel,
    )


def test_moderator_of_the_whole_meeting_moderates_its_panels():
    panel = a_panel(Gender.MALE, Gender.FEMALE, moderated=False, meeting__moderator=PersonFactory())

    assert review_meeting(panel.meeting) == []


def test_debate_needs_no_moderator():
    debate = SegmentFactory(kind=SegmentKind.INTERACTIVE_DEBATE)

    assert review_meeting(debate.meeting) == []


# Speaking time


def test_speaking_times_over_the_time_budget_are_a_problem():
    panel = a_panel(duration=25)
    for _ in range(3):
        ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST, speaking_time=10)

    [finding] = checks(review_meeting(panel.meeting), Check.SPEAKING_TIME)

    assert finding.severity == Severity.PROBLEM
    assert "add up to 30 minutes, more than the segment's 25 minutes" in finding.message


def test_speaking_times_that_fill_the_time_budget_exactly_fit():
    panel = a_panel(duration=30)
    for _ in range(3):
        ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST, speaking_time=10)

    assert checks(review_meeting(panel.meeting), Check.SPEAKING_TIME) == []


def test_speaking_times_of_a_segment_without_budget_are_held_to_its_timetable_slot():
    meeting = MeetingFactory(start_time=datetime.time(10), end_time=datetime.time(10, 30))
    panel = a_panel(meeting=meeting, duration=None)
    for _ in range(2):
        ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST, speaking_time=20)

    [finding] = checks(review_meeting(meeting), Check.SPEAKING_TIME)

    assert "more than the segment's 30 minutes" in finding.message


def test_speaking_times_of_an_untimed_segment_are_not_weighed():
    meeting = MeetingFactory(start_time=None, end_time=None)
    panel = a_panel(meeting=meeting, duration=None)
    ParticipationFactory(segment=panel, role=ProgrammeRole.PANELLIST, speaking_time=500)

    assert checks(review_meeting(meeting), Check.SPEAKING_TIME) == []


# Double booking


def two_meetings(second_start, *, day=DAY):
    """Two meetings of one series, the first 10:00 to 12:00 on DAY."""
    series = SeriesFactory()
    first = MeetingFactory(
        series=series, date=DAY, start_time=datetime.time(10), end_time=datetime.time(12)
    )
    second = MeetingFactory(
        series=series,
        date=day,
        start_time=datetime.time.fromisoformat(second_start),
        end_time=datetime.time(18),
    )
    return first, second


def test_person_with_parts_in_two_meetings_at_overlapping_times_is_double_booked():
    first, second = two_meetings("11:00")
    person = PersonFactory()
    panel = SegmentFactory(meeting=first, kind=SegmentKind.OPENING_REMARKS, duration=120)
    ParticipationFactory(segment=panel, person=person, role=ProgrammeRole.SPEAKER)
    CoChairFactory(meeting=second, person=person)

    findings = checks(review_series(first.series), Check.DOUBLE_BOOKING)

    assert [(f.meeting, f.segment, f.severity) for f in findings] == [
        (first, panel, Severity.PROBLEM),
        (second, None, Severity.PROBLEM),
    ]
    assert person.formal_name in findings[0].message
    assert f"in meeting {second.number} on 13 July 2016 as co-chair, 11:00–18:00" in (
        findings[0].message
    )


def test_person_in_meetings_on_different_days_is_not_double_booked():
    first, second = two_meetings("10:00", day=DAY + datetime.timedelta(days=1))
    person = PersonFactory()
    CoChairFactory(meeting=first, person=person)
    CoChairFactory(meeting=second, person=person)

    assert checks(review_series(first.series), Check.DOUBLE_BOOKING) == []


def test_meeting_that_starts_when_the_other_ends_does_not_overlap():
    first, second = two_meetings("12:00")
    person = PersonFactory()
    CoChairFactory(meeting=first, person=person)
    CoChairFactory(meeting=second, person=person)

    assert checks(review_series(first.series), Check.DOUBLE_BOOKING) == []


def test_co_chair_speaking_in_their_own_meeting_is_not_double_booked():
    co_chair = CoChairFactory()
    opening = SegmentFactory(
        meeting=co_chair.meeting, kind=SegmentKind.OPENING_REMARKS, duration=20
    )
    ParticipationFactory(segment=opening, person=co_chair.person, role=ProgrammeRole.CO_CHAIR)

    assert review_meeting(co_chair.meeting) == []


def test_meeting_moderator_is_booked_for_the_whole_meeting():
    first, second = two_meetings("11:30")
    first.moderator = PersonFactory()
    first.save()
    late = SegmentFactory(meeting=second, kind=SegmentKind.OPENING_REMARKS, duration=10)
    ParticipationFactory(segment=late, person=first.moderator, role=ProgrammeRole.SPEAKER)

    [finding] = checks(review_meeting(second), Check.DOUBLE_BOOKING)

    assert finding.segment == late
    assert "as moderator, 10:00–12:00" in finding.message


# To be confirmed


def test_meeting_within_two_weeks_with_fields_to_be_confirmed_is_a_problem():
    meeting = MeetingFactory(date=DAY, start_time=None, room="")
    CoChairFactory(meeting=meeting, person=None)

    [finding] = review_meeting(meeting, today=DAY - datetime.timedelta(days=14))

    assert (finding.check, finding.severity, finding.segment) == (
        Check.TO_BE_CONFIRMED,
        Severity.PROBLEM,
        None,
    )
    co_chair_state = meeting.co_chairs.get().state.name
    assert finding.message == (
        "The meeting is on 13 July 2016; still to be confirmed: "
        f"start time, room and who represents {co_chair_state}."
    )


def test_meeting_more_than_two_weeks_away_may_still_be_to_be_confirmed():
    meeting = MeetingFactory(date=DAY, start_time=None, room="")

    assert review_meeting(meeting, today=DAY - datetime.timedelta(days=15)) == []


@pytest.mark.parametrize("status", [MeetingStatus.HELD, MeetingStatus.REPORTED])
def test_meeting_already_held_is_not_asked_to_confirm(status):
    meeting = MeetingFactory(date=DAY, status=status, room="")

    assert review_meeting(meeting, today=DAY) == []


def test_meeting_without_co_chairs_two_weeks_ahead_has_them_to_confirm():
    meeting = MeetingFactory(date=DAY, status=MeetingStatus.DRAFT)

    [finding] = review_meeting(meeting, today=DAY)

    assert finding.message.endswith("still to be confirmed: co-chairs.")


def test_venue_of_the_series_serves_a_meeting_without_its_own():
    meeting = MeetingFactory(date=DAY, venue="", series__venue="UN Headquarters")
    CoChairFactory(meeting=meeting)

    assert review_meeting(meeting, today=DAY) == []


def test_today_is_the_date_in_the_series_time_zone():
    meeting = MeetingFactory(date=DAY, room="", series__timezone="Pacific/Pago_Pago")
    CoChairFactory(meeting=meeting)
    # 14 July in UTC, after the meeting; still 13 July, the meeting's day, in Pago Pago.
    now = datetime.datetime(2016, 7, 14, 5, 0, tzinfo=datetime.UTC)

    with mock.patch("django.utils.timezone.now", return_value=now):
        findings = review_meeting(meeting)

    assert [finding.check for finding in findings] == [Check.TO_BE_CONFIRMED]


# The review as a whole


def test_review_meeting_leaves_out_other_meetings():
    panel = a_panel(Gender.MALE, Gender.MALE)
    other = MeetingFactory(series=panel.meeting.series)

    assert review_meeting(other) == []
    assert [f.meeting for f in review_series(other.series)] == [panel.meeting]


def test_review_lists_by_meeting_then_problems_before_notes():
    series = SeriesFactory()
    second = MeetingFactory(series=series, number=2)
    first = MeetingFactory(series=series, number=1)
    a_panel(Gender.FEMALE, Gender.FEMALE, meeting=first, order=1)
    a_panel(Gender.MALE, Gender.MALE, meeting=first, order=2)
    a_panel(Gender.MALE, Gender.MALE, meeting=second)

    findings = review_series(series)

    assert [(f.meeting.number, f.check) for f in findings] == [
        (1, Check.ALL_MALE_PANEL),
        (1, Check.SINGLE_GENDER_PANEL),
        (2, Check.ALL_MALE_PANEL),
    ]


def test_review_can_be_narrowed_to_some_meetings():
    panel = a_panel(Gender.MALE, Gender.MALE)
    series = panel.meeting.series
    other = MeetingFactory(series=series)

    narrowed = review_series(series, meetings=series.meetings.filter(pk=other.pk))

    assert narrowed == []


def test_review_reads_a_series_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    series = SeriesFactory(co_chair_balance=CoChairBalance.DEVELOPING_AND_DEVELOPED)
    for number in range(1, 6):
        meeting = MeetingFactory(series=series, number=number, moderator=PersonFactory())
        CoChairFactory(meeting=meeting)
        a_panel(Gender.MALE, Gender.MALE, meeting=meeting, duration=30)

    with django_assert_max_num_queries(5):
        findings = review_series(series)

    assert len(findings) == 10
