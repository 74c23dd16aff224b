"""Every writer words a place not yet named (an office, an organisation, TBC)
and follows when the secretariat names the person."""

import json

import pytest
from django.urls import reverse

from convener.audit.actors import command_line_operator
from convener.exchange.interfaces.frab import schedule_json
from convener.exchange.interfaces.ical import meeting_calendar
from convener.meetings.domain.programme import add_place, name_place
from convener.meetings.models import ProgrammeRole
from convener.publishing.composition.documents import compose
from convener.publishing.document import Heading, ItemList, Paragraph, plain
from tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

UNHCR = "Office of the United Nations High Commissioner for Refugees"
RAPPORTEUR = "Special Rapporteur on the human rights of migrants"


@pytest.fixture
def secretariat():
    return StaffFactory()


@pytest.fixture
def panel(secretariat):
    """A published panel: a named moderator, then a place by office, one by
    organisation and one to be confirmed."""
    meeting = MeetingFactory(title="Protection at sea")
    panel = SegmentFactory(meeting=meeting, title="Panel on rescue", order=0, duration=60)
    ParticipationFactory(
        segment=panel,
        role=ProgrammeRole.MODERATOR,
        person__honorific="Ms.",
        person__given_name="Ninette",
        person__family_name="Kelley",
        person__position="Director",
        person__organisation__name="International Organization for Migration",
        person__organisation__acronym="IOM",
        order=0,
    )
    unhcr = OrganisationFactory(name=UNHCR, acronym="UNHCR")
    add_place(
        segment=panel, role=ProgrammeRole.PANELLIST, office=RAPPORTEUR, by=command_line_operator()
    )
    add_place(
        segment=panel, role=ProgrammeRole.PANELLIST, organisation=unhcr, by=command_line_operator()
    )
    add_place(segment=panel, role=ProgrammeRole.SPEAKER, by=command_line_operator())
    return panel


def texts(document):
    lines = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(plain(block.runs))
        elif isinstance(block, ItemList):
            lines.extend(plain(item) for item in block.items)
        elif isinstance(block, Heading):
            lines.append(f"# {block.text}")
    return lines


def write(name, meeting, user):
    return compose(
        series_slug=meeting.series.slug, document=name, meeting_number=meeting.number, user=user
    )


PLACES = [
    "Moderator: Ms. Ninette Kelley, Director, International Organization for Migration (IOM)",
    f"The {RAPPORTEUR}",
    f"A representative of the {UNHCR}",
    "Speaker: TBC",
]


def _places_of(lines):
    """The places of the panel, after its heading and the line of its time."""
    start = lines.index("# Panel on rescue") + 1
    assert lines[start] == "10:00–11:00"
    return lines[start + 1 : start + 5]


def test_concept_note_words_each_place_by_what_is_known(panel, secretariat):
    lines = texts(write("concept-note", panel.meeting, secretariat))

    assert _places_of(lines) == PLACES


def test_programme_words_each_place_by_what_is_known(panel, secretariat):
    lines = texts(write("programme", panel.meeting, secretariat))

    assert _places_of(lines) == PLACES


def test_naming_the_person_changes_the_programme(panel, secretariat):
    place = panel.participations.get(office=RAPPORTEUR)
    felipe = PersonFactory(
        honorific="Mr.",
        given_name="Felipe",
        family_name="González Morales",
        position=RAPPORTEUR,
        organisation=None,
    )

    name_place(participation=place, person=felipe, by=command_line_operator())

    lines = texts(write("programme", panel.meeting, secretariat))
    assert _places_of(lines)[1] == f"Mr. Felipe González Morales, {RAPPORTEUR}"


def test_list_of_participants_leaves_out_places_not_yet_named(panel, secretariat):
    lines = texts(write("participants", panel.meeting, secretariat))

    assert lines == [
        "Ms. Ninette Kelley, Director, International Organization for Migration (IOM)"
        " — Moderator (Panel on rescue)"
    ]


def test_report_names_a_moderator_not_yet_named_by_the_place(secretariat):
    meeting = MeetingFactory(title="Protection at sea")
    segment = SegmentFactory(meeting=meeting, title="Debate", order=0)
    add_place(
        segment=segment,
        role=ProgrammeRole.MODERATOR,
        office="Chair of the Committee",
        by=command_line_operator(),
    )
    report = compose(
        series_slug=meeting.series.slug, document="report", meeting_number=None, user=secretariat
    )

    lines = texts(report)

    assert "Moderator: The Chair of the Committee" in lines


def test_public_meeting_page_words_each_place(client, panel):
    url = reverse("public:meeting", args=[panel.meeting.series.slug, panel.meeting.number])

    text = client.get(url).content.decode()

    assert f"Panellist:</span> The {RAPPORTEUR}" in text
    assert f"Panellist:</span> A representative of the {UNHCR}" in text
    assert "Speaker:</span> TBC" in text


def test_calendar_describes_the_segment_with_its_places(panel):
    calendar = meeting_calendar(panel.meeting).decode().replace("\r\n ", "")

    assert f"Panellist: The {RAPPORTEUR}\\, A representative of the {UNHCR}" in calendar
    assert "Speaker: TBC" in calendar


def test_schedule_lists_only_named_people_as_persons(panel):
    schedule = json.loads(schedule_json(panel.meeting.series))
    events = [
        event
        for day in schedule["schedule"]["conference"]["days"]
        for room in day["rooms"].values()
        for event in room
    ]

    assert [person["name"] for event in events for person in event["persons"]] == [
        "Ms. Ninette Kelley"
    ]
    assert "Speaker: TBC" in events[0]["description"]


def test_api_gives_each_place_with_its_words(client, panel):
    meeting = panel.meeting
    response = client.get(f"/api/meetings/{meeting.series.slug}/{meeting.number}")

    assert response.status_code == 200, response.content
    places = response.json()["segments"][0]["participants"]
    assert [(p["person"], p["office"], p["holder"]) for p in places[1:]] == [
        (None, RAPPORTEUR, f"The {RAPPORTEUR}"),
        (None, "", f"A representative of the {UNHCR}"),
        (None, "", "TBC"),
    ]
    assert places[2]["organisation"]["name"] == UNHCR
