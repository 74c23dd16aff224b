"""Inviting by e-mail: `convener.access.domain.invitations`."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from convener.access.domain.invitations import (
    ExpiredInvitationError,
    RevokedInvitationError,
    UnknownInvitationError,
    UsedInvitationError,
    accept_invitation,
    invite,
    revoke_invitation,
    secret_digest,
    usable_invitation,
)
from convener.access.models import Invitation
from convener.audit.models import AuditAction, AuditEntry
from convener.roles.models import Grant, Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://meetings.example.org/"


def _invite(series=None, role=Role.RAPPORTEUR, **narrowing):
    series = series or SeriesFactory()
    return invite(
        series=series,
        role=role,
        email="ana@example.org",
        by=_secretariat(series, username="sofia"),
        site_url=SITE,
        **narrowing,
    )


def _secretariat(series, **user):
    """The secretariat of the series (the same account when asked again by name)."""
    lookup = {f"user__{field}": value for field, value in user.items()}
    grant = Grant.objects.filter(series=series, role=Role.SECRETARIAT, **lookup).first()
    if grant is None:
        grant = GrantFactory(series=series, role=Role.SECRETARIAT, user=UserFactory(**user))
    return grant.user


def _accept(secret, user):
    return accept_invitation(invitation=usable_invitation(secret), by=user)


def _secret_from(mail) -> str:
    return re.search(r"/manage/invitations/([\w-]+)/", mail.body).group(1)


def test_invite_sends_a_link_to_accept_the_role(mailoutbox, django_capture_on_commit_callbacks):
    series = SeriesFactory(title="Migration panels")

    with django_capture_on_commit_callbacks(execute=True):
        _invite(series)

    [mail] = mailoutbox
    assert mail.to == ["ana@example.org"]
    assert "Migration panels" in mail.subject
    assert "Rapporteur of every meeting" in mail.body
    assert f"{SITE}manage/invitations/" in mail.body


def test_invite_stores_only_the_digest_of_the_secret(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite()

    secret = _secret_from(mailoutbox[0])
    assert invitation.secret_digest == secret_digest(secret)
    assert secret not in str(Invitation.objects.values().get())


def test_invite_sends_the_email_only_once_the_invitation_is_committed(mailoutbox):
    # Inside the test's own transaction, which is never committed.
    _invite()

    assert mailoutbox == []


def test_invitation_works_for_two_weeks():
    invitation = _invite()

    assert invitation.expires_at - invitation.created_at == pytest.approx(
        datetime.timedelta(days=14), abs=datetime.timedelta(seconds=5)
    )


def test_invite_is_written_in_the_audit_log():
    invitation = _invite()

    entry = AuditEntry.objects.get(action=AuditAction.INVITED)
    assert entry.series_id == invitation.series_id
    assert entry.changes["email"] == [None, "ana@example.org"]


@pytest.mark.parametrize(
    ("role", "missing"),
    [(Role.FOCAL_POINT, "organisation"), (Role.SPEAKER, "person"), (Role.DELEGATION, "state")],
)
def test_invite_requires_the_narrowing_the_role_needs(role, missing):
    with pytest.raises(ValidationError) as raised:
        _invite(role=role)

    assert list(raised.value.message_dict) == [missing]


def test_invite_refuses_a_narrowing_the_role_does_not_take():
    with pytest.raises(ValidationError) as raised:
        _invite(role=Role.SECRETARIAT, person=PersonFactory())

    assert list(raised.value.message_dict) == ["person"]


def test_invite_refuses_a_meeting_of_another_series():
    with pytest.raises(ValidationError) as raised:
        _invite(role=Role.CHAIR, meeting=MeetingFactory())

    assert list(raised.value.message_dict) == ["meeting"]


def test_invite_refuses_a_delegation_of_both_a_state_and_an_organisation():
    with pytest.raises(ValidationError) as raised:
        _invite(role=Role.DELEGATION, state=StateFactory(), organisation=OrganisationFactory())

    assert list(raised.value.message_dict) == ["organisation"]


def test_invite_refuses_an_address_that_is_not_one():
    with pytest.raises(ValidationError) as raised:
        invite(
            series=(series := SeriesFactory()),
            role=Role.SECRETARIAT,
            email="not an address",
            by=_secretariat(series),
            site_url=SITE,
        )

    assert list(raised.value.message_dict) == ["email"]


@pytest.fixture
def link(mailoutbox, django_capture_on_commit_callbacks):
    """The secret of an invitation to be speaker, as the e-mail carries it."""
    person = PersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(role=Role.SPEAKER, person=person)
    return invitation, _secret_from(mailoutbox[-1])


def test_accept_gives_the_role_narrowed_as_invited(link):
    invitation, secret = link
    user = UserFactory()

    grant = _accept(secret, user)

    assert (grant.user, grant.series, grant.role, grant.person) == (
        user,
        invitation.series,
        Role.SPEAKER,
        invitation.person,
    )
    invitation.refresh_from_db()
    assert (invitation.accepted_by, invitation.grant) == (user, grant)
    assert AuditEntry.objects.filter(action=AuditAction.JOINED).count() == 1


def test_accept_works_once(link):
    _, secret = link
    _accept(secret, UserFactory())

    with pytest.raises(UsedInvitationError):
        _accept(secret, UserFactory())

    assert Grant.objects.filter(role=Role.SPEAKER).count() == 1


def test_accept_refuses_an_expired_link(link):
    invitation, secret = link
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()

    with pytest.raises(ExpiredInvitationError):
        _accept(secret, UserFactory())


def test_accept_refuses_a_revoked_link(link):
    invitation, secret = link
    revoke_invitation(invitation=invitation, by=_secretariat(invitation.series))

    with pytest.raises(RevokedInvitationError):
        _accept(secret, UserFactory())

    assert not Grant.objects.filter(role=Role.SPEAKER).exists()


def test_accept_refuses_an_unknown_link(link):
    _, secret = link

    with pytest.raises(UnknownInvitationError):
        _accept(secret[:-1] + ("A" if secret[-1] != "A" else "B"), UserFactory())


def test_accept_by_someone_who_holds_the_role_already_keeps_one_grant(link):
    invitation, secret = link
    user = UserFactory()
    _accept(secret, user)
    again = _invite(series=invitation.series, role=Role.SPEAKER, person=invitation.person)
    second_secret = "another-secret"
    Invitation.objects.filter(pk=again.pk).update(secret_digest=secret_digest(second_secret))

    _accept(second_secret, user)

    assert Grant.objects.filter(user=user).count() == 1


def test_revoke_refuses_an_accepted_invitation(link):
    invitation, secret = link
    _accept(secret, UserFactory())
    invitation.refresh_from_db()

    with pytest.raises(ValidationError):
        revoke_invitation(invitation=invitation, by=_secretariat(invitation.series))


def test_invite_by_someone_who_does_not_run_the_series_is_refused(mailoutbox):
    series = SeriesFactory()

    with pytest.raises(PermissionDenied):
        invite(
            series=series,
            role=Role.RAPPORTEUR,
            email="ana@example.org",
            by=UserFactory(),
            site_url=SITE,
        )

    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_accept_by_an_inactive_account_is_refused(link):
    invitation, secret = link

    with pytest.raises(PermissionDenied):
        _accept(secret, UserFactory(is_active=False))

    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not Grant.objects.filter(role=Role.SPEAKER).exists()


def test_revoke_by_someone_who_does_not_run_the_series_is_refused(link):
    invitation, _ = link

    with pytest.raises(PermissionDenied):
        revoke_invitation(invitation=invitation, by=UserFactory())

    invitation.refresh_from_db()
    assert invitation.revoked_at is None
