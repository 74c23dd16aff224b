"""Inviting people to a series, and following the link of an invitation."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from convener.access.models import Invitation
from convener.meetings.models import MeetingStatus
from convener.roles.models import Grant, Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    SegmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a long and unusual password"


@pytest.fixture
def meeting():
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    SegmentFactory(meeting=meeting)
    return meeting


@pytest.fixture
def secretariat(meeting):
    client = Client()
    client.force_login(GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user)
    return client


def _invite(client, meeting, django_capture_on_commit_callbacks, **fields):
    data = {"role": Role.RAPPORTEUR, "email": "ana@example.org", "meeting": meeting.pk, **fields}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("manage:invite", args=[meeting.series.slug]), data)


def _link_in(mail) -> str:
    return re.search(r"https?://\S+/manage/invitations/\S+/", mail.body).group(0)


def _path(link: str) -> str:
    return urlsplit(link).path


@pytest.fixture
def link(meeting, secretariat, mailoutbox, django_capture_on_commit_callbacks):
    """The path of the link the secretariat's invitation to be rapporteur sent."""
    _invite(secretariat, meeting, django_capture_on_commit_callbacks)
    return _path(_link_in(mailoutbox[-1]))


def test_secretariat_invites_and_the_email_carries_the_link(
    meeting, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    response = _invite(secretariat, meeting, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response.url == reverse("manage:series_people", args=[meeting.series.slug])
    [mail] = mailoutbox
    assert mail.to == ["ana@example.org"]
    assert _link_in(mail).startswith("http://testserver/manage/invitations/")


def test_invited_person_creates_an_account_and_the_role_works(client, meeting, link):
    page = client.get(link)
    assert page.context["account_form"]["email"].value() == "ana@example.org"

    response = client.post(
        link,
        {
            "username": "ana",
            "email": "ana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("manage:home")
    ana = get_user_model().objects.get(username="ana")
    assert Grant.objects.get(user=ana).meeting == meeting
    records = client.get(reverse("manage:records", args=[meeting.series.slug, meeting.number]))
    assert records.status_code == 200


def test_account_with_a_weak_password_is_refused_and_the_link_still_works(client, link):
    response = client.post(
        link,
        {
            "username": "ana",
            "email": "ana@example.org",
            "password1": "12345678",
            "password2": "12345678",
        },
    )

    assert response.status_code == 200
    assert response.context["account_form"].errors["password2"]
    assert not get_user_model().objects.filter(username="ana").exists()
    assert client.get(link).status_code == 200


def test_signed_in_user_accepts_with_one_button(meeting, link):
    user = UserFactory()
    client = Client()
    client.force_login(user)

    assert "Accept the invitation" in client.get(link).content.decode()
    response = client.post(link)

    assert response.status_code == 302
    assert Grant.objects.get(user=user).role == Role.RAPPORTEUR


def test_signed_out_visitor_may_sign_in_and_come_back(client, link):
    page = client.get(link).content.decode()

    assert f"{reverse('login')}?next={link.replace('/', '%2F')}" in page


def test_used_link_is_refused(client, link):
    first = Client()
    first.force_login(UserFactory())
    first.post(link)

    response = client.get(link)

    assert response.status_code == 410
    assert "accepted already" in response.content.decode()


def test_expired_link_is_refused(client, link):
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = client.post(
        link,
        {
            "username": "ana",
            "email": "ana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not get_user_model().objects.filter(username="ana").exists()


def test_unknown_link_is_not_found(client):
    response = client.get(reverse("manage:accept_invitation", args=["made-up"]))

    assert response.status_code == 404


def test_withdrawn_invitation_no_longer_opens(client, meeting, secretariat, link):
    invitation = Invitation.objects.get()

    secretariat.post(reverse("manage:revoke_invitation", args=[meeting.series.slug, invitation.pk]))

    assert client.get(link).status_code == 410


@pytest.mark.parametrize("role", [Role.RAPPORTEUR, Role.CHAIR, Role.FOCAL_POINT])
def test_only_the_secretariat_invites(
    meeting, role, mailoutbox, django_capture_on_commit_callbacks
):
    narrowing = {"organisation": OrganisationFactory()} if role == Role.FOCAL_POINT else {}
    client = Client()
    client.force_login(GrantFactory(series=meeting.series, role=role, **narrowing).user)

    response = _invite(client, meeting, django_capture_on_commit_callbacks)

    assert response.status_code == 403
    assert mailoutbox == []
    assert not Invitation.objects.exists()


def test_people_page_lists_roles_and_pending_invitations(meeting, secretariat, link):
    page = secretariat.get(reverse("manage:series_people", args=[meeting.series.slug]))

    content = page.content.decode()
    assert "ana@example.org" in content
    assert f"Rapporteur of meeting {meeting.number}: {meeting.title}" in content
    assert "Secretariat" in content


def test_people_page_is_the_secretariats_only(meeting):
    client = Client()
    client.force_login(GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user)

    response = client.get(reverse("manage:series_people", args=[meeting.series.slug]))

    assert response.status_code == 403


def test_invite_form_shows_the_fields_of_the_role_chosen(meeting, secretariat):
    response = secretariat.get(
        reverse("manage:invite", args=[meeting.series.slug]), {"role": Role.FOCAL_POINT}
    )

    fields = [field.name for field in response.context["form"].narrowing_fields]
    assert fields == ["organisation"]


def test_invite_form_refuses_a_focal_point_without_an_organisation(
    meeting, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    response = _invite(
        secretariat, meeting, django_capture_on_commit_callbacks, role=Role.FOCAL_POINT
    )

    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert response.context["form"]["email"].value() == "ana@example.org"
    assert mailoutbox == []


def test_invite_form_keeps_only_the_narrowing_of_the_role(
    meeting, secretariat, django_capture_on_commit_callbacks
):
    organisation = CoOrganiserFactory(meeting=meeting).organisation

    _invite(
        secretariat,
        meeting,
        django_capture_on_commit_callbacks,
        role=Role.FOCAL_POINT,
        organisation=organisation.pk,
    )

    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.meeting) == (organisation, None)


def test_secretariat_takes_a_role_away(meeting, secretariat):
    grant = GrantFactory(series=meeting.series, role=Role.CHAIR)

    response = secretariat.post(reverse("manage:revoke_role", args=[meeting.series.slug, grant.pk]))

    assert response.status_code == 302
    assert not Grant.objects.filter(pk=grant.pk).exists()


def test_role_of_another_series_cannot_be_taken_away_through_this_one(meeting, secretariat):
    grant = GrantFactory(role=Role.CHAIR)

    response = secretariat.post(reverse("manage:revoke_role", args=[meeting.series.slug, grant.pk]))

    assert response.status_code == 404
    assert Grant.objects.filter(pk=grant.pk).exists()


def test_people_page_costs_the_same_queries_however_many_people(
    meeting, secretariat, django_assert_max_num_queries
):
    url = reverse("manage:series_people", args=[meeting.series.slug])
    secretariat.get(url)
    for role in (Role.CHAIR, Role.RAPPORTEUR):
        GrantFactory(series=meeting.series, role=role, meeting=meeting)
    GrantFactory(series=meeting.series, role=Role.FOCAL_POINT, organisation=OrganisationFactory())
    for number in range(3):
        Invitation.objects.create(
            series=meeting.series,
            role=Role.CHAIR,
            meeting=meeting,
            email=f"chair{number}@example.org",
            secret_digest=f"digest-{number}",
            invited_by=UserFactory(),
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )

    with django_assert_max_num_queries(10):
        response = secretariat.get(url)

    assert response.status_code == 200
