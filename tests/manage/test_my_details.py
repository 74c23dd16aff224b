"""A speaker keeps their own details right and confirms their part in the programme."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from convener.directory.domain.speakers import SPEAKER_FIELDS
from convener.meetings.models import MeetingStatus
from convener.prose.editing import field_digests
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def participation():
    """A panellist's part in a meeting still in draft."""
    meeting = MeetingFactory(status=MeetingStatus.DRAFT, title="Labour mobility")
    segment = SegmentFactory(meeting=meeting, title="Panel on skills")
    person = PersonFactory(given_name="Anna", family_name="Greene", biography="Economist.")
    return ParticipationFactory(segment=segment, person=person)


@pytest.fixture
def speaker(participation):
    series = participation.segment.meeting.series
    user = GrantFactory(series=series, role=Role.SPEAKER, person=participation.person).user
    client = Client()
    client.force_login(user)
    return client


def _url(person):
    return reverse("manage:my_details", args=[person.key])


def _details(person, **changes):
    data = {
        "honorific": person.honorific,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "position": person.position,
        "short_name": person.short_name,
        "biography": person.biography,
        **_page(person),
    }
    return {**data, **changes}


def _page(person):
    """What the details page carries, hidden: the digest of each field as it showed it."""
    return {"started_from": json.dumps(field_digests(person, SPEAKER_FIELDS))}


def test_speaker_sees_their_details_and_their_part_even_in_a_draft(speaker, participation):
    response = speaker.get(_url(participation.person))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Economist." in page
    assert "Labour mobility" in page
    assert "Panel on skills" in page


def test_speaker_corrects_their_title(speaker, participation):
    person = participation.person

    response = speaker.post(_url(person), _details(person, position="Chief economist"))

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.position == "Chief economist"


def test_speaker_may_not_leave_their_name_empty(speaker, participation):
    person = participation.person

    response = speaker.post(_url(person), _details(person, family_name=" "))

    assert response.status_code == 200
    assert response.context["form"].errors["family_name"]
    person.refresh_from_db()
    assert person.family_name == "Greene"


def test_biography_changed_meanwhile_is_not_overwritten(speaker, participation):
    person = participation.person
    page = _page(person)
    person.biography = "Economist, written by the secretariat."
    person.save()

    response = speaker.post(
        _url(person), _details(person, biography="Economist and author.", **page)
    )

    assert response.status_code == 409
    assert "Economist, written by the secretariat." in response.content.decode()
    assert response.context["form"]["biography"].value() == "Economist and author."
    person.refresh_from_db()
    assert person.biography == "Economist, written by the secretariat."


def test_title_is_saved_when_only_the_biography_changed_meanwhile(speaker, participation):
    person = participation.person
    data = _details(person, position="Chief economist")
    person.biography = "Economist, written by the secretariat."
    person.save()

    response = speaker.post(_url(person), data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.position, person.biography) == (
        "Chief economist",
        "Economist, written by the secretariat.",
    )


def test_speaker_confirms_their_part(speaker, participation):
    url = reverse("manage:confirm_participation", args=[participation.person.key, participation.pk])

    response = speaker.post(url)

    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.confirmed_at is not None


def test_speaker_may_not_open_another_persons_details(speaker):
    other = PersonFactory()

    assert speaker.get(_url(other)).status_code == 403


def test_speaker_may_not_change_another_persons_details(speaker):
    other = PersonFactory(position="Director")

    response = speaker.post(_url(other), _details(other, position="Nobody"))

    assert response.status_code == 403
    other.refresh_from_db()
    assert other.position == "Director"


def test_speaker_may_not_confirm_another_persons_part(speaker):
    theirs = ParticipationFactory()

    response = speaker.post(
        reverse("manage:confirm_participation", args=[theirs.person.key, theirs.pk])
    )

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.confirmed_at is None


def test_part_of_another_person_is_not_found_under_ones_own_address(speaker, participation):
    theirs = ParticipationFactory()

    response = speaker.post(
        reverse("manage:confirm_participation", args=[participation.person.key, theirs.pk])
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.confirmed_at is None


def test_secretariat_corrects_a_speaker_but_does_not_confirm_for_them(participation):
    series = participation.segment.meeting.series
    client = Client()
    client.force_login(GrantFactory(series=series, role=Role.SECRETARIAT).user)

    page = client.get(_url(participation.person)).content.decode()

    assert "Biography" in page
    assert (
        reverse("manage:confirm_participation", args=[participation.person.key, participation.pk])
        not in page
    )


def test_unknown_person_is_not_found(speaker):
    assert speaker.get(reverse("manage:my_details", args=["nobody-at-all"])).status_code == 404


def test_user_without_a_role_may_not_open_anyones_details(participation):
    client = Client()
    client.force_login(UserFactory())

    assert client.get(_url(participation.person)).status_code == 403


def test_details_page_costs_the_same_queries_however_many_parts(
    speaker, participation, django_assert_max_num_queries
):
    speaker.get(_url(participation.person))
    for _ in range(3):
        ParticipationFactory(
            person=participation.person,
            segment=SegmentFactory(meeting=participation.segment.meeting),
        )

    with django_assert_max_num_queries(5):
        response = speaker.get(_url(participation.person))

    assert response.status_code == 200


def test_secretariat_of_another_series_cannot_read_a_draft_only_biography(participation):
    client = Client()
    client.force_login(GrantFactory(role=Role.SECRETARIAT).user)

    response = client.get(_url(participation.person))

    assert response.status_code == 403
    assert b"Economist." not in response.content


def test_secretariat_cannot_edit_a_person_another_series_shows_and_is_told_whom_to_ask(
    participation,
):
    person = participation.person
    theirs = MeetingFactory(series__title="Another series")
    ParticipationFactory(segment__meeting=theirs, person=person)
    client = Client()
    client.force_login(
        GrantFactory(series=participation.segment.meeting.series, role=Role.SECRETARIAT).user
    )

    page = client.get(_url(person))
    refused = client.post(_url(person), _details(person, biography="Overwritten."))

    assert page.status_code == 200
    assert "ask the secretariat of" in page.content.decode()
    assert "<li>Another series</li>" in page.content.decode()
    assert refused.status_code == 403
    person.refresh_from_db()
    assert person.biography == "Economist."


def test_person_form_second_save_of_a_short_field_from_the_same_page_is_refused(
    speaker, participation
):
    person = participation.person
    page = _details(person)
    speaker.post(_url(person), {**page, "position": "Chief economist"})

    refused = speaker.post(_url(person), {**page, "position": "Senior economist"})

    assert refused.status_code == 409
    assert "it is now “Chief economist”" in refused.content.decode()
    assert refused.context["form"]["position"].value() == "Senior economist"
    person.refresh_from_db()
    assert person.position == "Chief economist"


def test_person_form_without_what_it_started_from_is_refused(speaker, participation):
    person = participation.person
    data = _details(person, position="Blind write")
    del data["started_from"]

    response = speaker.post(_url(person), data)

    assert "This page is out of date or incomplete" in response.content.decode()
    person.refresh_from_db()
    assert person.position != "Blind write"
