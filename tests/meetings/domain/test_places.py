"""Places in a programme held before the person is named: by an office, by an
organisation, or to be confirmed; and naming the person later."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from convener.audit.actors import command_line_operator
from convener.meetings.domain.programme import add_participant, add_place, name_place
from convener.meetings.domain.review import Check, review_meeting
from convener.meetings.models import MeetingStatus, Participation, ProgrammeRole
from convener.meetings.wording import place_in_words
from tests.factories import (
    CoChairFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
)

pytestmark = pytest.mark.django_db

UNHCR = "Office of the United Nations High Commissioner for Refugees"
RAPPORTEUR = "Special Rapporteur on the human rights of migrants"


@pytest.fixture
def user():
    return command_line_operator()


@pytest.fixture
def unhcr():
    return OrganisationFactory(name=UNHCR, acronym="UNHCR")


def test_place_by_office_reads_as_the_office(user):
    place = add_place(
        segment=SegmentFactory(), role=ProgrammeRole.PANELLIST, office=RAPPORTEUR, by=user
    )

    assert place_in_words(place) == f"The {RAPPORTEUR}"


def test_place_by_organisation_reads_as_a_representative_of_it(user, unhcr):
    place = add_place(
        segment=SegmentFactory(), role=ProgrammeRole.SPEAKER, organisation=unhcr, by=user
    )

    assert place_in_words(place) == f"A representative of the {UNHCR}"


def test_place_by_an_organisation_with_a_proper_name_takes_no_article(user):
    oxfam = OrganisationFactory(name="Oxfam")
    place = add_place(
        segment=SegmentFactory(), role=ProgrammeRole.SPEAKER, organisation=oxfam, by=user
    )

    assert place_in_words(place) == "A representative of Oxfam"


def test_place_by_office_and_organisation_names_both(user, unhcr):
    place = add_place(
        segment=SegmentFactory(),
        role=ProgrammeRole.PANELLIST,
        office="Director of the Division of International Protection",
        organisation=unhcr,
        by=user,
    )

    assert place_in_words(place) == (
        f"The Director of the Division of International Protection, {UNHCR}"
    )


def test_place_with_nothing_known_is_to_be_confirmed(user):
    place = add_place(segment=SegmentFactory(), role=ProgrammeRole.SPEAKER, by=user)

    assert place_in_words(place) == "TBC"
    assert place.person is None


def test_a_segment_holds_several_places_to_be_confirmed_in_the_same_role(user):
    segment = SegmentFactory()
    add_place(segment=segment, role=ProgrammeRole.SPEAKER, by=user)
    add_place(segment=segment, role=ProgrammeRole.SPEAKER, by=user)

    assert segment.participations.filter(person__isnull=True).count() == 2


def test_naming_the_person_replaces_the_office_and_the_organisation(user, unhcr):
    place = add_place(
        segment=SegmentFactory(),
        role=ProgrammeRole.PANELLIST,
        office=RAPPORTEUR,
        organisation=unhcr,
        by=user,
    )
    person = PersonFactory(honorific="Mr.", given_name="Felipe", family_name="González Morales")

    name_place(participation=place, person=person, by=user)

    place.refresh_from_db()
    assert (place.person, place.office, place.organisation) == (person, "", None)
    assert place_in_words(place) == "Mr. Felipe González Morales"


def test_naming_someone_who_already_has_the_role_in_the_segment_is_refused(user):
    segment = SegmentFactory()
    taken = ParticipationFactory(segment=segment, role=ProgrammeRole.PANELLIST)
    place = add_place(segment=segment, role=ProgrammeRole.PANELLIST, office=RAPPORTEUR, by=user)

    with pytest.raises(ValidationError, match="already takes part"):
        name_place(participation=place, person=taken.person, by=user)

    place.refresh_from_db()
    assert (place.person, place.office) == (None, RAPPORTEUR)


def test_a_person_is_still_added_once_per_role(user):
    segment = SegmentFactory()
    person = PersonFactory()
    add_participant(segment=segment, person=person, role=ProgrammeRole.PANELLIST, by=user)

    with pytest.raises(ValidationError, match="already takes part"):
        add_participant(segment=segment, person=person, role=ProgrammeRole.PANELLIST, by=user)


def test_the_database_refuses_a_named_place_that_keeps_an_office():
    person = PersonFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(
            segment=SegmentFactory(), person=person, office=RAPPORTEUR, role=ProgrammeRole.PANELLIST
        )


def test_an_office_longer_than_its_field_is_refused_with_a_message(user):
    with pytest.raises(ValidationError) as refused:
        add_place(segment=SegmentFactory(), role=ProgrammeRole.PANELLIST, office="x" * 301, by=user)

    assert "office" in refused.value.message_dict


def test_planning_checks_list_places_still_to_be_named_before_the_meeting(user):
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13), status=MeetingStatus.PUBLISHED)
    CoChairFactory(meeting=meeting)
    segment = SegmentFactory(meeting=meeting, title="Panel 1")
    add_place(segment=segment, role=ProgrammeRole.PANELLIST, office=RAPPORTEUR, by=user)

    findings = review_meeting(meeting, today=datetime.date(2016, 7, 1))

    [finding] = [f for f in findings if f.check == Check.TO_BE_CONFIRMED]

    assert finding.message == (
        "The meeting is on 13 July 2016; still to be confirmed: "
        f"who holds the place of the {RAPPORTEUR} in “Panel 1”."
    )
