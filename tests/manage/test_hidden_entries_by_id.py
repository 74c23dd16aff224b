"""People and organisations seen only in another series' draft cannot be put
on a page by their id, through any form of the workspace or the API."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from convener.access.models import Invitation
from convener.directory.models import Organisation, Person
from convener.meetings.models import (
    CoChair,
    CoOrganiser,
    MeetingStatus,
    Participation,
    SeriesStatus,
)
from convener.meetings.models import ProgrammeRole as PartRole
from convener.roles.models import Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    SegmentFactory,
    SeriesFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden():
    return entries_only_in_a_draft()


def entries_only_in_a_draft():
    """A person and an organisation that so far appear only in a draft of another series."""
    draft = MeetingFactory(
        series=SeriesFactory(status=SeriesStatus.DRAFT), status=MeetingStatus.DRAFT
    )
    person = ParticipationFactory(
        segment__meeting=draft, person__family_name="Hidden", person__biography="Not yet public."
    ).person
    return SimpleNamespace(
        person=person, organisation=CoOrganiserFactory(meeting=draft).organisation
    )


@pytest.fixture
def meeting():
    """A held meeting of a published series, co-organised by UNDP, with a panel."""
    meeting = MeetingFactory(status=MeetingStatus.HELD)
    CoOrganiserFactory(meeting=meeting, organisation__key="undp", organisation__acronym="UNDP")
    SegmentFactory(meeting=meeting, key="panel-1")
    return meeting


@pytest.fixture
def focal_point(client, meeting):
    undp = Organisation.objects.get(key="undp")
    client.force_login(
        GrantFactory(series=meeting.series, role=Role.FOCAL_POINT, organisation=undp).user
    )
    return client


@pytest.fixture
def secretariat(client, meeting):
    client.force_login(GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user)
    return client


def _programme_url(meeting, name, *ids):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *ids])


def _add_to_panel(client, meeting, person):
    segment = meeting.segments.get()
    return client.post(
        _programme_url(meeting, "programme_participant_add", segment.pk),
        {"person": person.pk, "role": PartRole.PANELLIST},
    )


def _meeting_form(meeting, **rows):
    from django.contrib.auth.models import AnonymousUser

    from convener.manage.interfaces.meetings import MeetingForm

    form = MeetingForm(instance=meeting, user=AnonymousUser())
    data = {name: form[name].value() or "" for name in form.fields}
    for prefix in ("co_organisers", "co_chairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"}
    return data | rows


# The programme builder


def test_programme_add_of_a_person_hidden_in_another_series_draft_is_refused(
    focal_point, meeting, hidden
):
    response = _add_to_panel(focal_point, meeting, hidden.person)

    assert response.status_code == 400
    assert "this one is not in any meeting you can see" in response.content.decode()
    assert not Participation.objects.filter(segment__meeting=meeting).exists()


def test_programme_add_of_a_person_of_another_series_published_meeting_is_allowed(
    focal_point, meeting
):
    public = ParticipationFactory(segment__meeting=MeetingFactory()).person

    response = _add_to_panel(focal_point, meeting, public)

    assert response.status_code == 302
    assert Participation.objects.get(segment__meeting=meeting).person == public


def test_programme_add_of_a_person_the_user_added_to_the_directory_is_allowed(focal_point, meeting):
    focal_point.post(
        reverse("manage:person_create"),
        {"given_name": "Ana", "family_name": "Nueva", "despite_duplicates": "on"},
    )
    added = Person.objects.get(family_name="Nueva")

    response = _add_to_panel(focal_point, meeting, added)

    assert response.status_code == 302
    assert Participation.objects.get(segment__meeting=meeting).person == added


def test_people_search_does_not_find_a_person_hidden_in_another_series_draft(focal_point, hidden):
    response = focal_point.get(reverse("manage:people_search"), {"q": "Hidden"})

    assert response.status_code == 200
    assert f'value="{hidden.person.pk}"' not in response.content.decode()
    assert "No one in the directory matches" in response.content.decode()


def test_organisation_search_does_not_list_a_hidden_organisation_as_chosen(focal_point, hidden):
    response = focal_point.get(
        reverse("manage:organisations_search"),
        {"q": "zzz", "organisation": hidden.organisation.pk},
    )

    assert hidden.organisation.name not in response.content.decode()


def test_new_person_form_picking_a_hidden_person_into_the_programme_is_refused(
    focal_point, meeting, hidden
):
    response = focal_point.post(
        reverse("manage:person_create"),
        {
            "given_name": "Someone",
            "family_name": "Hidden",
            "pick": hidden.person.pk,
            "segment": meeting.segments.get().pk,
            "role": PartRole.PANELLIST,
        },
    )

    assert response.status_code == 400
    assert "this one is not in any meeting you can see" in response.content.decode()
    assert not Participation.objects.filter(segment__meeting=meeting).exists()


def test_new_person_form_with_a_hidden_organisation_is_refused(focal_point, hidden):
    response = focal_point.post(
        reverse("manage:person_create"),
        {"given_name": "Ana", "family_name": "Nueva", "organisation": hidden.organisation.pk},
    )

    assert response.status_code == 400
    assert not Person.objects.filter(family_name="Nueva").exists()


# The meeting's and the series' forms


def test_meeting_form_naming_a_hidden_co_organiser_is_refused(secretariat, meeting, hidden):
    response = secretariat.post(
        _programme_url(meeting, "meeting_edit"),
        _meeting_form(meeting, **{"co_organisers-0-organisation": hidden.organisation.pk}),
    )

    assert response.status_code == 200
    assert "this one is not in any meeting you can see" in response.content.decode()
    assert not CoOrganiser.objects.filter(organisation=hidden.organisation, meeting=meeting)


def test_meeting_form_naming_a_hidden_co_chair_is_refused(secretariat, meeting, hidden):
    response = secretariat.post(
        _programme_url(meeting, "meeting_edit"),
        _meeting_form(
            meeting,
            **{"co_chairs-0-state": StateFactory().pk, "co_chairs-0-person": hidden.person.pk},
        ),
    )

    assert response.status_code == 200
    assert "this one is not in any meeting you can see" in response.content.decode()
    assert not CoChair.objects.filter(meeting=meeting).exists()
    assert hidden.person.family_name not in response.content.decode()


def test_series_form_naming_a_hidden_rapporteur_is_refused(secretariat, meeting, hidden):
    series = meeting.series

    response = secretariat.post(
        reverse("manage:series_edit", args=[series.slug]),
        {"title": series.title, "timezone": series.timezone, "rapporteur": hidden.person.pk},
    )

    assert response.status_code == 200
    assert "this one is not in any meeting you can see" in response.content.decode()
    series.refresh_from_db()
    assert series.rapporteur is None


def test_invitation_of_a_hidden_organisation_s_focal_point_is_refused(secretariat, meeting, hidden):
    response = secretariat.post(
        reverse("manage:invite", args=[meeting.series.slug]),
        {
            "role": Role.FOCAL_POINT,
            "email": "fp@example.org",
            "organisation": hidden.organisation.pk,
        },
    )

    assert "this one is not in any meeting you can see" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_of_a_hidden_person_as_speaker_is_refused(secretariat, meeting, hidden):
    response = secretariat.post(
        reverse("manage:invite", args=[meeting.series.slug]),
        {"role": Role.SPEAKER, "email": "sp@example.org", "person": hidden.person.pk},
    )

    assert hidden.person.family_name not in response.content.decode()
    assert not Invitation.objects.exists()
