import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import MeetingStatus, SeriesStatus
from tests.factories import (
    CoChairFactory,
    ConceptNoteSectionFactory,
    CoOrganiserFactory,
    MeetingFactory,
    OrganisationFactory,
    ReferenceDocumentFactory,
    SeriesFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

TBC = '<abbr title="to be confirmed">TBC</abbr>'


def series_url(series):
    return reverse("public:series", args=[series.slug])


def test_series_shows_title_and_purpose_rendered(client):
    series = SeriesFactory(title="GMG meetings", purpose="Prepare the *summit*.")

    response = client.get(series_url(series))

    assertContains(response, "<h1><bdi>GMG meetings</bdi></h1>", html=True)
    assertContains(response, "<p>Prepare the <em>summit</em>.</p>", html=True)


def test_series_names_the_event_prepared_and_the_convening_group(client):
    series = SeriesFactory(
        prepared_event="UN Summit for Refugees and Migrants",
        prepared_event_date=datetime.date(2016, 9, 19),
        convening_group__name="Global Migration Group",
        convening_group__acronym="GMG",
    )

    response = client.get(series_url(series))

    assertContains(
        response,
        "<dd><bdi>UN Summit for Refugees and Migrants</bdi>, <bdi>19 September 2016</bdi></dd>",
        html=True,
    )
    assertContains(response, "<dd><bdi>Global Migration Group (GMG)</bdi></dd>", html=True)


def test_series_concept_note_sections_are_h2_in_order(client):
    series = SeriesFactory()
    ConceptNoteSectionFactory(series=series, heading="Format", order=2)
    ConceptNoteSectionFactory(series=series, heading="Introduction", order=1)

    content = client.get(series_url(series)).content.decode()

    assert content.index("<h2>Introduction</h2>") < content.index("<h2>Format</h2>")


def test_series_concept_note_leaves_out_meeting_sections(client):
    meeting = MeetingFactory()
    ConceptNoteSectionFactory(meeting=meeting, heading="Scope of the fourth meeting")

    response = client.get(series_url(meeting.series))

    assertNotContains(response, "Scope of the fourth meeting")


def test_series_reference_document_symbol_is_linked(client):
    series = SeriesFactory()
    ReferenceDocumentFactory(
        series=series, symbol="A/70/59", title="In safety and dignity", sdg_targets=["10.7"]
    )

    response = client.get(series_url(series))

    assertContains(
        response,
        '<a class="un-symbol" href="https://undocs.org/en/A/70/59">A/70/59</a>',
        html=True,
    )
    assertContains(response, "In safety and dignity")
    assertContains(response, "(SDG target 10.7)")


def test_series_lists_meetings_in_number_order(client):
    series = SeriesFactory()
    MeetingFactory(series=series, number=2, title="Second topic")
    MeetingFactory(series=series, number=1, title="First topic")

    content = client.get(series_url(series)).content.decode()

    assert content.index("Meeting 1: <bdi>First topic") < content.index("Meeting 2: <bdi>Second")


def test_series_meeting_links_to_its_page(client):
    meeting = MeetingFactory(number=3, title="Large movements of refugees")

    response = client.get(series_url(meeting.series))

    assertContains(
        response,
        f'<a href="/series/{meeting.series.slug}/meetings/3/">'
        "Meeting 3: <bdi>Large movements of refugees</bdi></a>",
        html=True,
    )


def test_series_meeting_shows_date_time_and_room(client):
    meeting = MeetingFactory(
        date=datetime.date(2016, 4, 25),
        start_time=datetime.time(10),
        end_time=datetime.time(13),
        room="Conference Room 7",
        venue="UN Headquarters",
    )
    response = client.get(series_url(meeting.series))

    assertContains(response, "<dd><bdi>25 April 2016</bdi></dd>", html=True)
    assertContains(response, '<dd><bdi dir="ltr">10:00\N{EN DASH}13:00</bdi></dd>', html=True)
    assertContains(
        response, "<dd><bdi>Conference Room 7</bdi>, <bdi>UN Headquarters</bdi></dd>", html=True
    )


@pytest.mark.parametrize("label", ["Date", "Time", "Room", "Co-organisers", "Co-chairs"])
def test_series_meeting_says_tbc_for_what_is_unknown(client, label):
    meeting = MeetingFactory(date=None, start_time=None, end_time=None, room="", venue="")

    response = client.get(series_url(meeting.series))

    assertContains(response, f"<dt>{label}</dt><dd>{TBC}</dd>", html=True)


def test_series_meeting_co_organisers_by_acronym(client):
    meeting = MeetingFactory()
    CoOrganiserFactory(meeting=meeting, organisation=OrganisationFactory(acronym="IOM"), order=1)
    CoOrganiserFactory(meeting=meeting, organisation=OrganisationFactory(acronym="DESA"), order=0)

    content = client.get(series_url(meeting.series)).content.decode()

    assert content.index(">DESA</abbr>") < content.index(">IOM</abbr>")


def test_series_meeting_co_chairs_link_to_state_pages(client):
    meeting = MeetingFactory()
    CoChairFactory(meeting=meeting, state=StateFactory(iso3="XNL", names={"en": "Netherlands"}))

    response = client.get(series_url(meeting.series))

    assertContains(response, '<a href="/states/XNL/">Netherlands</a>', html=True)


def test_series_hides_draft_meetings_from_the_public(client):
    meeting = MeetingFactory(title="Meeting in preparation", status=MeetingStatus.DRAFT)

    response = client.get(series_url(meeting.series))

    assertNotContains(response, "Meeting in preparation")


def test_series_shows_draft_meetings_to_its_secretariat(client):
    meeting = MeetingFactory(title="Meeting in preparation", status=MeetingStatus.DRAFT)
    client.force_login(secretariat_of(meeting.series))

    response = client.get(series_url(meeting.series))

    assertContains(response, "Meeting in preparation")


def test_series_draft_is_404_for_the_public(client):
    series = SeriesFactory(status=SeriesStatus.DRAFT)

    response = client.get(series_url(series))

    assert response.status_code == 404


def test_series_draft_is_shown_to_its_secretariat_as_draft(client):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    client.force_login(secretariat_of(series))

    response = client.get(series_url(series))

    assertContains(response, "<strong>Draft</strong>", html=True)


def test_series_unknown_slug_is_404(client):
    response = client.get(reverse("public:series", args=["no-such-series"]))

    assert response.status_code == 404


def test_series_query_count_is_fixed_however_many_meetings(client, django_assert_num_queries):
    series = SeriesFactory()
    ConceptNoteSectionFactory.create_batch(3, series=series)
    ReferenceDocumentFactory.create_batch(3, series=series)
    for number in range(1, 6):
        meeting = MeetingFactory(series=series, number=number)
        CoOrganiserFactory.create_batch(2, meeting=meeting)
        CoChairFactory.create_batch(2, meeting=meeting)

    # series, concept note, references, meetings, co-organisers, co-chairs
    # The page's own queries, and one for the revision that keys the page cache.
    with django_assert_num_queries(6 + 1):
        client.get(series_url(series))
