"""The parts people, organisations and States played in the meetings a user may read."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.records.queries.appearances import (
    Part,
    appearances_of,
    co_chairing_by,
    floor_turns_of,
    meetings_co_organised_by,
    organisations_of_series,
    people_of,
    people_of_series,
    people_taking_part,
    representatives_of,
    visible_organisations,
    visible_people,
)
from tests.factories import (
    AdministratorFactory,
    CoChairFactory,
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


# People


def test_people_taking_part_include_programme_participants():
    participation = ParticipationFactory()

    assert list(people_taking_part(PUBLIC)) == [participation.person]


def test_people_taking_part_include_co_chairs_representatives():
    co_chair = CoChairFactory()

    assert list(people_taking_part(PUBLIC)) == [co_chair.person]


def test_people_taking_part_include_meeting_moderators():
    meeting = MeetingFactory(moderator=PersonFactory())

    assert list(people_taking_part(PUBLIC)) == [meeting.moderator]


def test_people_taking_part_include_speakers_from_the_floor():
    intervention = InterventionFactory()

    assert list(people_taking_part(PUBLIC)) == [intervention.speaker]


def test_people_taking_part_leave_out_people_only_in_draft_meetings_for_the_public():
    ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert not people_taking_part(PUBLIC).exists()


def test_people_taking_part_count_draft_meetings_for_their_secretariat():
    participation = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)
    secretariat = secretariat_of(participation.segment.meeting.series)

    assert list(people_taking_part(secretariat)) == [participation.person]


def test_visible_people_for_the_site_administrator_are_the_whole_directory():
    person = PersonFactory()

    assert list(visible_people(AdministratorFactory())) == [person]


def test_visible_people_for_the_public_leave_out_people_in_no_meeting():
    PersonFactory()

    assert not visible_people(PUBLIC).exists()


def test_appearances_of_group_parts_by_meeting_in_date_order():
    person = PersonFactory()
    july = MeetingFactory(date=datetime.date(2016, 7, 13))
    april = MeetingFactory(date=datetime.date(2016, 4, 25))
    ParticipationFactory(person=person, segment__meeting=july)
    ParticipationFactory(person=person, segment__meeting=april)
    InterventionFactory(speaker=person, segment__meeting=april)

    groups = appearances_of(person, user=PUBLIC)

    assert [group.meeting for group in groups] == [april, july]
    assert [appearance.part for appearance in groups[0].appearances] == [
        Part.PROGRAMME,
        Part.FLOOR,
    ]


def test_appearances_of_put_meeting_wide_parts_before_the_programme():
    person = PersonFactory()
    meeting = MeetingFactory(moderator=person)
    ParticipationFactory(person=person, segment__meeting=meeting)
    CoChairFactory(person=person, meeting=meeting)

    (group,) = appearances_of(person, user=PUBLIC)

    assert [appearance.part for appearance in group.appearances] == [
        Part.MODERATOR,
        Part.CO_CHAIR,
        Part.PROGRAMME,
    ]


def test_appearances_of_follow_the_programme_order_of_segments():
    person = PersonFactory()
    meeting = MeetingFactory()
    closing = SegmentFactory(meeting=meeting, order=5)
    opening = SegmentFactory(meeting=meeting, order=1)
    ParticipationFactory(person=person, segment=closing)
    ParticipationFactory(person=person, segment=opening)

    (group,) = appearances_of(person, user=PUBLIC)

    assert [appearance.segment for appearance in group.appearances] == [opening, closing]


def test_appearances_of_leave_out_draft_meetings_for_the_public():
    person = PersonFactory()
    ParticipationFactory(person=person, segment__meeting__status=MeetingStatus.DRAFT)

    assert appearances_of(person, user=PUBLIC) == []


# Organisations


def test_visible_organisations_include_co_organisers():
    link = CoOrganiserFactory()

    assert list(visible_organisations(PUBLIC)) == [link.organisation]


def test_visible_organisations_include_the_organisation_of_someone_taking_part():
    participation = ParticipationFactory()

    assert list(visible_organisations(PUBLIC)) == [participation.person.organisation]


def test_visible_organisations_include_delegations_on_the_floor():
    intervention = InterventionFactory(speaker=None, state=None, organisation=OrganisationFactory())

    assert list(visible_organisations(PUBLIC)) == [intervention.organisation]


def test_visible_organisations_leave_out_those_only_in_draft_meetings_for_the_public():
    CoOrganiserFactory(meeting__status=MeetingStatus.DRAFT)

    assert not visible_organisations(PUBLIC).exists()


def test_visible_organisations_for_the_site_administrator_are_the_whole_directory():
    organisation = OrganisationFactory()

    assert list(visible_organisations(AdministratorFactory())) == [organisation]


def test_meetings_co_organised_by_leave_out_drafts_for_the_public():
    link = CoOrganiserFactory()
    CoOrganiserFactory(organisation=link.organisation, meeting__status=MeetingStatus.DRAFT)

    assert list(meetings_co_organised_by(link.organisation, user=PUBLIC)) == [link.meeting]


def test_people_of_are_those_who_took_part_in_order_of_family_name():
    organisation = OrganisationFactory()
    zeta = ParticipationFactory(person__organisation=organisation, person__family_name="Zeta")
    alpha = ParticipationFactory(person__organisation=organisation, person__family_name="Alpha")
    PersonFactory(organisation=organisation)

    assert list(people_of(organisation, user=PUBLIC)) == [alpha.person, zeta.person]


# States


def test_co_chairing_by_is_in_date_order():
    state = StateFactory()
    july = CoChairFactory(state=state, meeting__date=datetime.date(2016, 7, 13))
    april = CoChairFactory(state=state, meeting__date=datetime.date(2016, 4, 25))

    assert list(co_chairing_by(state, user=PUBLIC)) == [april, july]


def test_co_chairing_by_leaves_out_draft_meetings_for_the_public():
    co_chair = CoChairFactory(meeting__status=MeetingStatus.DRAFT)

    assert not co_chairing_by(co_chair.state, user=PUBLIC).exists()


def test_co_chairing_by_includes_draft_meetings_for_their_secretariat():
    co_chair = CoChairFactory(meeting__status=MeetingStatus.DRAFT)
    secretariat = secretariat_of(co_chair.meeting.series)

    assert list(co_chairing_by(co_chair.state, user=secretariat)) == [co_chair]


def test_floor_turns_of_leave_out_draft_meetings_for_the_public():
    state = StateFactory()
    public = InterventionFactory(state=state)
    InterventionFactory(state=state, segment__meeting__status=MeetingStatus.DRAFT)

    assert list(floor_turns_of(state, user=PUBLIC)) == [public]


# The series in hand


@pytest.fixture
def earlier():
    """A published series of an earlier year, whose people everyone reaches."""
    return SeriesFactory(slug="earlier", status=SeriesStatus.PUBLISHED)


@pytest.fixture
def new_series():
    return SeriesFactory(slug="new", status=SeriesStatus.DRAFT)


def _in(series, family_name, **person):
    # The earlier series' meetings are public, the new one's drafts.
    status = MeetingStatus.PUBLISHED if series.is_published else MeetingStatus.DRAFT
    meeting = MeetingFactory(series=series, status=status)
    return ParticipationFactory(
        segment__meeting=meeting, person__family_name=family_name, **person
    ).person


def test_people_of_series_are_those_in_its_meetings_or_its_rapporteur(earlier, new_series):
    speaker = _in(new_series, "Speaker")
    co_chair = CoChairFactory(meeting__series=new_series).person
    on_the_floor = InterventionFactory(segment__meeting__series=new_series).speaker
    new_series.rapporteur = PersonFactory(family_name="Rapporteur")
    new_series.save()
    _in(earlier, "Elsewhere")

    assert set(people_of_series(new_series)) == {
        speaker,
        co_chair,
        on_the_floor,
        new_series.rapporteur,
    }


def test_organisations_of_series_are_its_co_organisers_and_its_peoples(earlier, new_series):
    co_organiser = CoOrganiserFactory(meeting__series=new_series).organisation
    speaker = _in(new_series, "Speaker")
    CoOrganiserFactory(meeting__series=earlier)

    assert set(organisations_of_series(new_series)) == {co_organiser, speaker.organisation}


def test_representatives_of_a_state_are_its_missions_people_and_its_former_speakers():
    zambia = StateFactory(iso3="ZMB")
    of_the_mission = PersonFactory(organisation=OrganisationFactory(state=zambia))
    co_chaired = CoChairFactory(state=zambia).person
    spoke_for_it = InterventionFactory(state=zambia).speaker
    PersonFactory()  # of no State
    CoChairFactory(state=StateFactory(iso3="PRT"))

    assert set(representatives_of(zambia)) == {of_the_mission, co_chaired, spoke_for_it}
