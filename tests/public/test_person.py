import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import MeetingStatus, ProgrammeRole, SegmentKind
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
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


def person_url(person):
    return reverse("public:person", args=[person.key])


def a_panellist(**person):
    return ParticipationFactory(role=ProgrammeRole.PANELLIST, person=PersonFactory(**person)).person


def test_person_shows_honorific_name_position_and_organisation(client):
    person = a_panellist(
        honorific="Ms.",
        given_name="Ninette",
        family_name="Kelley",
        position="Director, UNHCR New York Office",
        organisation=OrganisationFactory(key="unhcr", name="UNHCR", acronym="UNHCR"),
    )

    response = client.get(person_url(person))

    assertContains(response, "<h1>Ms. Ninette Kelley</h1>", html=True)
    assertContains(response, "<dd>Director, UNHCR New York Office</dd>", html=True)
    assertContains(
        response, '<dd><a href="/organisations/unhcr/">UNHCR (UNHCR)</a></dd>', html=True
    )


def test_person_biography_is_rendered(client):
    person = a_panellist(biography="Works on *refugee* protection.")

    response = client.get(person_url(person))

    assertContains(response, "<p>Works on <em>refugee</em> protection.</p>", html=True)


def test_person_ninette_kelley_lists_her_roles_on_25_april_and_13_july_2016(client):
    kelley = PersonFactory(key="ninette-kelley", given_name="Ninette", family_name="Kelley")
    series = SeriesFactory(slug="gmg-2016")
    first = MeetingFactory(series=series, number=1, date=datetime.date(2016, 4, 25))
    third = MeetingFactory(series=series, number=3, date=datetime.date(2016, 7, 13))
    ParticipationFactory(
        person=kelley,
        role=ProgrammeRole.PANELLIST,
        segment__meeting=first,
        segment__title="Panel 1",
    )
    ParticipationFactory(
        person=kelley,
        role=ProgrammeRole.SPEAKER,
        segment__meeting=third,
        segment__kind=SegmentKind.OPENING_REMARKS,
        segment__title="",
    )

    content = " ".join(client.get(person_url(kelley)).content.decode().split())

    april = content.index("25 April 2016")
    july = content.index("13 July 2016")
    assert april < content.index('<span class="segment-name">Panel 1:</span> Panellist') < july
    assert july < content.index('<span class="segment-name">Opening remarks:</span> Speaker')


def test_person_lists_meetings_in_date_order_with_undated_last(client):
    person = PersonFactory()
    for title, date in [
        ("Undated", None),
        ("July", datetime.date(2016, 7, 13)),
        ("April", datetime.date(2016, 4, 25)),
    ]:
        ParticipationFactory(
            person=person, segment__meeting__title=title, segment__meeting__date=date
        )

    content = client.get(person_url(person)).content.decode()

    positions = [content.index(f"<bdi>{title}</bdi>") for title in ("April", "July", "Undated")]
    assert positions == sorted(positions)


def test_person_meeting_heading_links_to_the_meeting(client):
    participation = ParticipationFactory(segment__meeting__title="Protecting human rights")
    meeting = participation.segment.meeting

    response = client.get(person_url(participation.person))

    assertContains(
        response,
        f'<a href="/series/{meeting.series.slug}/meetings/{meeting.number}/">'
        "<bdi>Protecting human rights</bdi></a>",
        html=True,
    )


def test_person_shows_co_chairing_with_the_state(client):
    co_chair = CoChairFactory(state=StateFactory(iso3="XNL", names={"en": "Netherlands"}))

    response = client.get(person_url(co_chair.person))

    assertContains(
        response,
        '<li>Co-chair, representing <a href="/states/XNL/">Netherlands</a></li>',
        html=True,
    )


def test_person_shows_moderating_a_meeting(client):
    meeting = MeetingFactory(moderator=PersonFactory())

    response = client.get(person_url(meeting.moderator))

    assertContains(response, "<li>Moderator of the meeting</li>", html=True)


def test_person_shows_taking_the_floor_with_segment_delegation_and_capacity(client):
    intervention = InterventionFactory(
        segment__title="Interactive debate",
        state=StateFactory(iso3="XTV", names={"en": "Tuvalu"}),
        capacity=Capacity.NATIONAL,
    )

    response = client.get(person_url(intervention.speaker))

    assertContains(
        response,
        '<li><span class="segment-name">Interactive debate:</span> Took the floor —'
        ' <a href="/states/XTV/">Tuvalu</a>,'
        ' <span class="capacity">in national capacity</span></li>',
        html=True,
    )


def test_person_leaves_out_parts_in_draft_meetings(client):
    person = PersonFactory()
    ParticipationFactory(person=person, segment__meeting__title="Public meeting")
    ParticipationFactory(
        person=person,
        segment__meeting__title="Meeting in preparation",
        segment__meeting__status=MeetingStatus.DRAFT,
    )

    response = client.get(person_url(person))

    assertContains(response, "Public meeting")
    assertNotContains(response, "Meeting in preparation")


def test_person_only_in_a_draft_meeting_is_404_for_the_public(client):
    participation = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    response = client.get(person_url(participation.person))

    assert response.status_code == 404


def test_person_only_in_a_draft_meeting_is_shown_to_its_secretariat(client):
    participation = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)
    client.force_login(secretariat_of(participation.segment.meeting.series))

    response = client.get(person_url(participation.person))

    assertContains(response, '<span class="badge">Draft</span>', html=True)


def test_person_in_no_meeting_is_404_for_the_public(client):
    person = PersonFactory()

    response = client.get(person_url(person))

    assert response.status_code == 404


def test_person_unknown_key_is_404(client):
    response = client.get(reverse("public:person", args=["nobody"]))

    assert response.status_code == 404


def test_person_query_count_is_fixed_however_many_parts(client, django_assert_num_queries):
    person = PersonFactory()
    for _ in range(4):
        meeting = MeetingFactory(moderator=person)
        CoChairFactory(meeting=meeting, person=person)
        ParticipationFactory(person=person, segment=SegmentFactory(meeting=meeting))
        InterventionFactory(speaker=person, segment=SegmentFactory(meeting=meeting))

    # person, moderated meetings, co-chairs, participations, interventions
    # The page's own queries, and one for the revision that keys the page cache.
    with django_assert_num_queries(5 + 1):
        client.get(person_url(person))
