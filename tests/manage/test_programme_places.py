"""The programme builder adds places whose person is not named yet, and names them later."""

import html
import re

import pytest
from django.urls import reverse

from convener.audit.log import acting_as
from convener.meetings.domain.programme import add_place
from convener.meetings.models import MeetingStatus, Participation, ProgrammeRole
from convener.publishing.composition.documents import compose
from convener.publishing.document import ItemList, plain
from tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
UNHCR = "Office of the United Nations High Commissioner for Refugees"
RAPPORTEUR = "Special Rapporteur on the human rights of migrants"


@pytest.fixture
def panel():
    meeting = MeetingFactory(title="Protection at sea", status=MeetingStatus.DRAFT)
    panel = SegmentFactory(meeting=meeting, key="panel-1", title="Panel 1", order=0)
    ParticipationFactory(segment=panel, person__family_name="Madiwale", order=0)
    return panel


@pytest.fixture
def secretariat(panel):
    return secretariat_of(panel.meeting.series)


@pytest.fixture
def added_by_secretariat(secretariat):
    """The directory entries the test makes count as added by the secretariat,
    so within their reach (`access.queries.reach`)."""
    with acting_as(secretariat, via="web"):
        yield


@pytest.fixture
def signed_in(client, secretariat):
    client.force_login(secretariat)
    return client


def _url(name, meeting, *ids):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *ids])


def _places(panel):
    return list(
        panel.participations.order_by("order").values_list(
            "person__family_name", "office", "organisation__name", "role"
        )
    )


def _programme_items(meeting, user):
    document = compose(
        series_slug=meeting.series.slug,
        document="programme",
        meeting_number=meeting.number,
        user=user,
    )
    return [
        plain(item)
        for block in document.blocks
        if isinstance(block, ItemList)
        for item in block.items
    ]


def test_add_place_by_office(signed_in, panel):
    response = signed_in.post(
        _url("programme_place_add", panel.meeting, panel.pk),
        {"role": ProgrammeRole.PANELLIST, "office": RAPPORTEUR, "speaking_time": "7"},
    )

    assert response.status_code == 302
    assert _places(panel)[1] == (None, RAPPORTEUR, None, ProgrammeRole.PANELLIST)


def test_add_place_by_organisation(signed_in, panel, added_by_secretariat):
    unhcr = OrganisationFactory(name=UNHCR)

    signed_in.post(
        _url("programme_place_add", panel.meeting, panel.pk),
        {"role": ProgrammeRole.SPEAKER, "organisation": unhcr.pk},
    )

    assert _places(panel)[1] == (None, "", UNHCR, ProgrammeRole.SPEAKER)


def test_add_place_with_nothing_known_is_to_be_confirmed(signed_in, panel):
    response = signed_in.post(
        _url("programme_place_add", panel.meeting, panel.pk),
        {"role": ProgrammeRole.SPEAKER},
        **HTMX,
    )

    assert "Added TBC to “Panel 1”." in response.content.decode()
    assert _places(panel)[1] == (None, "", None, ProgrammeRole.SPEAKER)


def test_the_builder_names_an_office_or_an_organisation_within_its_sentences(
    signed_in, panel, added_by_secretariat
):
    unhcr = OrganisationFactory(name=UNHCR)
    for place in ({"organisation": unhcr.pk}, {"office": RAPPORTEUR}):
        response = signed_in.post(
            _url("programme_place_add", panel.meeting, panel.pk),
            {"role": ProgrammeRole.SPEAKER, **place},
            **HTMX,
        )

    text = html.unescape(response.content.decode())
    assert f"Added the {RAPPORTEUR} to “Panel 1”." in text
    assert f"of a representative of the {UNHCR}<" in text
    assert (
        "Change the role, speaking time or capacity"
        f'<span class="visually-hidden"> of the {RAPPORTEUR}' in text
    )
    # Each line of the programme still starts with a capital.
    assert f">The {RAPPORTEUR}</span>" in text


def test_add_place_keeps_what_was_typed_when_the_office_is_too_long(signed_in, panel):
    response = signed_in.post(
        _url("programme_place_add", panel.meeting, panel.pk),
        {"role": ProgrammeRole.SPEAKER, "office": "Special " * 50},
    )

    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert len(_places(panel)) == 1


def test_programme_builder_shows_a_place_and_offers_to_name_the_person(
    signed_in, panel, secretariat
):
    add_place(segment=panel, role=ProgrammeRole.PANELLIST, office=RAPPORTEUR, by=secretariat)

    text = signed_in.get(_url("programme", panel.meeting)).content.decode()

    assert f"The {RAPPORTEUR}</span>" in text
    assert "Name the person" in text


def test_naming_the_person_of_a_place_changes_the_programme_document(
    signed_in, panel, secretariat, added_by_secretariat
):
    place = add_place(segment=panel, role=ProgrammeRole.SPEAKER, by=secretariat)
    ryder = PersonFactory(
        honorific="Mr.", given_name="Guy", family_name="Ryder", position="", organisation=None
    )
    assert "Speaker: TBC" in _programme_items(panel.meeting, secretariat)

    response = signed_in.post(
        _url("programme_participant_name", panel.meeting, place.pk),
        {"person": ryder.pk, "q": "ryd"},
        **HTMX,
    )

    assert "Guy Ryder now holds the place of TBC in “Panel 1”." in response.content.decode()
    assert Participation.objects.get(pk=place.pk).person == ryder
    items = _programme_items(panel.meeting, secretariat)
    assert "Mr. Guy Ryder" in items
    assert "Speaker: TBC" not in items


def test_naming_without_javascript_lists_the_people_found(
    signed_in, panel, secretariat, added_by_secretariat
):
    place = add_place(segment=panel, role=ProgrammeRole.SPEAKER, by=secretariat)
    ryder = PersonFactory(family_name="Ryder")

    response = signed_in.post(
        _url("programme_participant_name", panel.meeting, place.pk), {"q": "ryd", "find": "1"}
    )

    assert f'name="person" value="{ryder.pk}"' in response.content.decode()
    assert Participation.objects.get(pk=place.pk).person is None


def test_chair_screen_offers_only_named_places(client, panel, secretariat):
    add_place(segment=panel, role=ProgrammeRole.SPEAKER, office=RAPPORTEUR, by=secretariat)
    client.force_login(secretariat)

    response = client.get(
        reverse("live:chair", args=[panel.meeting.series.slug, panel.meeting.number])
    )

    assert response.status_code == 200
    assert "Madiwale" in response.content.decode()
    assert RAPPORTEUR not in response.content.decode()


def test_a_new_person_for_a_place_starts_from_its_office_and_organisation(
    signed_in, panel, secretariat, added_by_secretariat
):
    unhcr = OrganisationFactory(name=UNHCR)
    add_place(
        segment=panel,
        role=ProgrammeRole.PANELLIST,
        office=RAPPORTEUR,
        organisation=unhcr,
        by=secretariat,
    )
    text = signed_in.get(_url("programme", panel.meeting)).content.decode()
    link = re.search(r'href="([^"]*\?position=[^"]*)"', text).group(1)

    form = signed_in.get(html.unescape(link)).content.decode()

    assert f'value="{RAPPORTEUR}"' in form
    assert UNHCR in form


def test_add_place_refuses_an_organisation_out_of_reach(signed_in, panel):
    hidden = OrganisationFactory(name="Only in another series' draft")

    response = signed_in.post(
        _url("programme_place_add", panel.meeting, panel.pk),
        {"role": ProgrammeRole.SPEAKER, "organisation": hidden.pk},
    )

    assert response.status_code == 400
    assert "Choose an organisation from the list." in response.content.decode()
    assert len(_places(panel)) == 1
