import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import (
    MeetingFormat,
    MeetingStatus,
    ProgrammeRole,
    SegmentKind,
    SeriesStatus,
)
from convener.records.models import Capacity
from tests.factories import (
    CoChairFactory,
    ConceptNoteSectionFactory,
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    StateFactory,
    StateGroupFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

TBC = '<abbr title="to be confirmed">TBC</abbr>'


def meeting_url(meeting):
    return reverse("public:meeting", args=[meeting.series.slug, meeting.number])


# The header block


def test_meeting_header_gives_date_time_venue_and_room(client):
    meeting = MeetingFactory(
        date=datetime.date(2016, 7, 13),
        start_time=datetime.time(15),
        end_time=datetime.time(18),
        venue="United Nations Headquarters, New York",
        room="Conference Room 11",
    )

    response = client.get(meeting_url(meeting))

    assertContains(
        response,
        "<dt>Date</dt><dd><bdi>13 July 2016</bdi></dd>"
        '<dt>Time</dt><dd><bdi dir="ltr">15:00\N{EN DASH}18:00</bdi></dd>'
        "<dt>Venue</dt><dd><bdi>United Nations Headquarters, New York</bdi></dd>"
        "<dt>Room</dt><dd><bdi>Conference Room 11</bdi></dd>",
        html=True,
    )


@pytest.mark.parametrize("label", ["Date", "Time", "Venue", "Room", "Co-organisers", "Co-chairs"])
def test_meeting_header_says_tbc_for_what_is_unknown(client, label):
    meeting = MeetingFactory(date=None, start_time=None, end_time=None, venue="", room="")

    response = client.get(meeting_url(meeting))

    assertContains(response, f"<dt>{label}</dt><dd>{TBC}</dd>", html=True)


def test_meeting_header_gives_end_time_tbc_when_only_start_is_known(client):
    meeting = MeetingFactory(start_time=datetime.time(10), end_time=None)

    response = client.get(meeting_url(meeting))

    assertContains(
        response, f'<dt>Time</dt><dd><bdi dir="ltr">10:00\N{EN DASH}{TBC}</bdi></dd>', html=True
    )


def test_meeting_header_names_co_organisers_in_full_linked(client):
    meeting = MeetingFactory()
    unhcr = OrganisationFactory(
        key="unhcr", name="Office of the UN High Commissioner for Refugees", acronym="UNHCR"
    )
    CoOrganiserFactory(meeting=meeting, organisation=unhcr)

    response = client.get(meeting_url(meeting))

    assertContains(
        response,
        '<a href="/organisations/unhcr/">'
        "Office of the UN High Commissioner for Refugees (UNHCR)</a>",
        html=True,
    )


def test_meeting_header_links_co_chair_state_and_its_representative(client):
    meeting = MeetingFactory()
    CoChairFactory(
        meeting=meeting,
        state=StateFactory(iso3="XTH", names={"en": "Thailand"}),
        person=PersonFactory(
            key="virachai-plasai", honorific="H.E.", given_name="Virachai", family_name="Plasai"
        ),
    )

    response = client.get(meeting_url(meeting))

    assertContains(
        response,
        '<li><a href="/states/XTH/">Thailand</a>, represented by'
        ' <bdi><a href="/people/virachai-plasai/">H.E. Virachai Plasai</a></bdi></li>',
        html=True,
    )


def test_meeting_header_names_the_moderator_when_set(client):
    moderator = PersonFactory(key="moderator", honorific="Ms.", given_name="Ann", family_name="Lee")
    meeting = MeetingFactory(moderator=moderator)

    response = client.get(meeting_url(meeting))

    assertContains(response, '<a href="/people/moderator/">Ms. Ann Lee</a>', html=True)


def test_meeting_header_leaves_out_the_moderator_when_unset(client):
    meeting = MeetingFactory(moderator=None)

    response = client.get(meeting_url(meeting))

    assertNotContains(response, "<dt>Moderator</dt>", html=True)


def test_meeting_shows_its_format_and_format_note(client):
    meeting = MeetingFactory(
        format=MeetingFormat.SIT_DOWN_LUNCH, format_note="No classic panel: a *discussion*."
    )

    response = client.get(meeting_url(meeting))

    assertContains(response, "<dt>Format</dt><dd>Formal sit-down lunch</dd>", html=True)
    assertContains(response, "<p>No classic panel: a <em>discussion</em>.</p>", html=True)


def test_meeting_shows_its_own_concept_note_sections(client):
    meeting = MeetingFactory()
    ConceptNoteSectionFactory(meeting=meeting, heading="Scope", body="Labour *mobility*.")

    response = client.get(meeting_url(meeting))

    assertContains(response, "<h2>Scope</h2>", html=True)
    assertContains(response, "<p>Labour <em>mobility</em>.</p>", html=True)


# The programme


def test_meeting_programme_gives_each_segment_an_h2(client):
    segment = SegmentFactory(kind=SegmentKind.OPENING_REMARKS, title="")

    response = client.get(meeting_url(segment.meeting))

    assertContains(response, "<h2>Opening remarks</h2>", html=True)


def test_meeting_programme_lists_participants_with_role_position_and_organisation(client):
    participation = ParticipationFactory(
        role=ProgrammeRole.PANELLIST,
        person=PersonFactory(
            key="ninette-kelley",
            honorific="Ms.",
            given_name="Ninette",
            family_name="Kelley",
            position="Director, UNHCR New York Office",
            organisation=OrganisationFactory(key="unhcr", acronym="UNHCR", name="UNHCR office"),
        ),
    )

    response = client.get(meeting_url(participation.segment.meeting))

    assertContains(
        response,
        '<li><span class="role">Panellist:</span>'
        ' <bdi><a href="/people/ninette-kelley/">Ms. Ninette Kelley</a></bdi>,'
        " <bdi>Director, UNHCR New York Office</bdi>,"
        ' <bdi><a href="/organisations/unhcr/"><abbr title="UNHCR office">UNHCR</abbr></a></bdi>'
        "</li>",
        html=True,
    )


def test_meeting_programme_keeps_participant_order(client):
    segment = SegmentFactory()
    ParticipationFactory(segment=segment, order=2, person__family_name="Second")
    ParticipationFactory(segment=segment, order=1, person__family_name="First")

    content = client.get(meeting_url(segment.meeting)).content.decode()

    assert content.index("First</a>") < content.index("Second</a>")


def test_meeting_programme_renders_the_segment_summary(client):
    segment = SegmentFactory(summary="The debate turned to **resettlement**.")

    response = client.get(meeting_url(segment.meeting))

    assertContains(
        response, "<p>The debate turned to <strong>resettlement</strong>.</p>", html=True
    )


# The record


def test_meeting_record_names_speaker_and_delegation(client):
    intervention = InterventionFactory(
        speaker=PersonFactory(key="a-delegate", honorific="Mr.", given_name="A", family_name="Bee"),
        state=StateFactory(iso3="XAT", names={"en": "Austria"}),
        capacity="",
    )

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(
        response,
        '<p class="speaker"><bdi><a href="/people/a-delegate/">Mr. A Bee</a></bdi>,'
        ' <a href="/states/XAT/">Austria</a></p>',
        html=True,
    )


def test_meeting_record_says_national_capacity(client):
    intervention = InterventionFactory(capacity=Capacity.NATIONAL)

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(response, '<span class="capacity">in national capacity</span>', html=True)


def test_meeting_record_says_on_behalf_of_a_group_of_states(client):
    intervention = InterventionFactory(
        capacity=Capacity.GROUP,
        state_group=StateGroupFactory(name="Small Island Developing States"),
    )

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(
        response,
        '<span class="capacity">on behalf of Small Island Developing States</span>',
        html=True,
    )


def test_meeting_record_says_the_office_held(client):
    intervention = InterventionFactory(
        capacity=Capacity.OFFICE, office="co-facilitator of the high-level plenary meeting"
    )

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(
        response,
        '<span class="capacity">as co-facilitator of the high-level plenary meeting</span>',
        html=True,
    )


def test_meeting_record_names_a_group_speaking_without_named_speaker(client):
    intervention = InterventionFactory(
        speaker=None,
        state=None,
        state_group=StateGroupFactory(name="Group of 77 and China"),
        capacity="",
    )

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(response, '<p class="speaker">Group of 77 and China</p>', html=True)


def test_meeting_record_gives_summary_and_points_as_a_list(client):
    intervention = InterventionFactory(
        summary="Stressed *burden sharing*.", points=["Open legal channels", "See A/70/59"]
    )

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(response, "<p>Stressed <em>burden sharing</em>.</p>", html=True)
    assertContains(
        response,
        '<ul class="points"><li>Open legal channels</li>'
        '<li>See <a class="un-symbol" href="https://undocs.org/en/A/70/59">A/70/59</a></li></ul>',
        html=True,
    )


def test_meeting_record_groups_interventions_under_their_segment(client):
    intervention = InterventionFactory(segment__title="Interactive debate on panel 1")

    response = client.get(meeting_url(intervention.segment.meeting))

    assertContains(response, "<h3>Interactive debate on panel 1</h3>", html=True)


def test_meeting_without_interventions_has_no_record_part(client):
    segment = SegmentFactory()

    response = client.get(meeting_url(segment.meeting))

    assertNotContains(response, "Record")


# Who may see it


@pytest.mark.parametrize(
    "status", [MeetingStatus.PUBLISHED, MeetingStatus.HELD, MeetingStatus.REPORTED]
)
def test_meeting_public_status_is_shown_to_the_public(client, status):
    meeting = MeetingFactory(status=status)

    response = client.get(meeting_url(meeting))

    assert response.status_code == 200


def test_meeting_draft_is_404_for_the_public(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    response = client.get(meeting_url(meeting))

    assert response.status_code == 404


def test_meeting_draft_is_shown_to_its_secretariat_with_its_status(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    client.force_login(secretariat_of(meeting.series))

    response = client.get(meeting_url(meeting))

    assertContains(
        response,
        '<p class="draft-notice"><strong>Draft</strong> — visible to the secretariat only.</p>',
        html=True,
    )


def test_meeting_published_in_a_draft_series_is_404_for_the_public(client):
    meeting = MeetingFactory(series__status=SeriesStatus.DRAFT)

    response = client.get(meeting_url(meeting))

    assert response.status_code == 404


def test_meeting_unknown_number_is_404(client):
    meeting = MeetingFactory(number=1)

    response = client.get(reverse("public:meeting", args=[meeting.series.slug, 9]))

    assert response.status_code == 404


# Cost


def a_meeting_with_speakers(count):
    """A meeting with `count` panellists and `count` statements from the floor,
    each by someone of a different organisation and State."""
    meeting = MeetingFactory(moderator=PersonFactory())
    ConceptNoteSectionFactory.create_batch(2, meeting=meeting)
    CoOrganiserFactory.create_batch(3, meeting=meeting)
    CoChairFactory.create_batch(2, meeting=meeting)
    panel = SegmentFactory(meeting=meeting, kind=SegmentKind.PANEL)
    debate = SegmentFactory(meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE)
    ParticipationFactory.create_batch(count, segment=panel)
    InterventionFactory.create_batch(count, segment=debate)
    return meeting


# meeting, concept note, co-organisers, co-chairs, segments, participations, interventions
# The page's own queries, one for the keywords of its record (`themes`), and
# one for the revision that keys the page cache.
MEETING_PAGE_QUERIES = 7 + 1 + 1


@pytest.mark.parametrize("speakers", [3, 30])
def test_meeting_query_count_does_not_grow_with_speakers(
    client, django_assert_num_queries, speakers
):
    meeting = a_meeting_with_speakers(speakers)

    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        response = client.get(meeting_url(meeting))

    assert response.content.decode().count('<li><span class="role">Panellist:</span>') == speakers
