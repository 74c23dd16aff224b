"""Inviting someone to a role by e-mail, and accepting or revoking the invitation.

The link in the e-mail carries a random secret; the database keeps only its
SHA-256 digest, so neither a copy of the database nor the audit log can be
used to accept an invitation. A link works once, for two weeks, until revoked.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convener.access.models import Invitation
from convener.access.wording import role_in_words
from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.meetings.models import Series
from convener.prose.formats import long_date
from convener.roles.domain import check_narrowing, take_offered_role
from convener.roles.models import Grant, Role

LIFETIME = datetime.timedelta(days=14)

# What each role is narrowed by; an invitation names nothing else.
NARROWING: dict[str, tuple[str, ...]] = {
    Role.SECRETARIAT: (),
    Role.FOCAL_POINT: ("organisation",),
    Role.RAPPORTEUR: ("meeting",),
    Role.CHAIR: ("meeting",),
    Role.SPEAKER: ("person",),
    Role.DELEGATION: ("state", "organisation"),
    Role.TRANSLATOR: ("language",),
}


class InvitationError(Exception):
    """The link cannot be used; `message` says why, for the person who followed it."""

    message: Any = gettext_lazy("This invitation link cannot be used.")

    def __str__(self) -> str:
        return str(self.message)


class UnknownInvitationError(InvitationError):
    message = gettext_lazy(
        "This invitation link is not known. Check that the whole link was copied from the e-mail."
    )


class ExpiredInvitationError(InvitationError):
    message = gettext_lazy(
        "This invitation has expired. Ask the secretariat of the series for a new one."
    )


class UsedInvitationError(InvitationError):
    message = gettext_lazy(
        "This invitation has been accepted already. Sign in with the account that accepted it."
    )


class RevokedInvitationError(InvitationError):
    message = gettext_lazy("This invitation was withdrawn by the secretariat of the series.")


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@acts("series.invite", on="series")
def invite(
    *,
    series: Series,
    role: str,
    email: str,
    by: Any,
    site_url: str,
    organisation: Any = None,
    meeting: Any = None,
    person: Any = None,
    state: Any = None,
    language: str | None = "",
) -> Invitation:
    """Invite `email` to the role in the series, narrowed as the role needs, and
    send the link by e-mail once the invitation is saved.

    `site_url` is the address of the site (scheme and host) the link points to.
    """
    narrowing = {
        "organisation": organisation,
        "meeting": meeting,
        "person": person,
        "state": state,
        "language": language or "",
    }
    _check_invitation(series=series, role=role, narrowing=narrowing)
    secret = secrets.token_urlsafe(32)
    invitation = Invitation(
        series=series,
        role=role,
        email=email,
        secret_digest=secret_digest(secret),
        invited_by=by,
        expires_at=timezone.now() + LIFETIME,
        **narrowing,
    )
    invitation.full_clean(exclude=["series", "invited_by", *narrowing])
    link = urljoin(site_url, reverse("manage:accept_invitation", kwargs={"token": secret}))
    subject, body = _invitation_email(invitation, link=link, by=by)
    invitation.save()
    audit.record(
        action=AuditAction.INVITED,
        series=series,
        meeting=meeting,
        instance=invitation,
        changes={"email": [None, email], "role": [None, role_in_words(invitation)]},
    )
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return invitation


def usable_invitation(secret: str) -> Invitation:
    """The invitation of a link, if it can still be accepted; else an `InvitationError`."""
    invitation = _invitations().filter(secret_digest=secret_digest(secret)).first()
    if invitation is None:
        raise UnknownInvitationError
    return _usable(invitation)


def _invitations() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("series", "organisation", "meeting", "person", "state")


def _usable(invitation: Invitation) -> Invitation:
    if invitation.accepted_at is not None:
        raise UsedInvitationError
    if invitation.revoked_at is not None:
        raise RevokedInvitationError
    if invitation.expires_at <= timezone.now():
        raise ExpiredInvitationError
    return invitation


@acts("invitation.accept", on="invitation")
def accept_invitation(*, invitation: Invitation, by: Any) -> Grant:
    """Give `by` the role the invitation offers; its link cannot be used again.

    `invitation` is the one its link found (`usable_invitation`); an
    `InvitationError` if it was used or withdrawn since.
    """
    # Locked: of two people following the link at once, the second finds it used.
    invitation = _usable(_invitations().select_for_update(of=("self",)).get(pk=invitation.pk))
    grant = take_offered_role(offer=invitation, by=by)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = by
    # A grant the user already held may already be tied to an earlier invitation.
    if not Invitation.objects.filter(grant=grant).exists():
        invitation.grant = grant
    invitation.save(update_fields=["accepted_at", "accepted_by", "grant"])
    audit.record(
        action=AuditAction.JOINED,
        series=invitation.series,
        meeting=invitation.meeting,
        instance=invitation,
        changes={"role": [None, role_in_words(invitation)]},
    )
    return grant


@acts("series.invite", on="invitation")
def revoke_invitation(*, invitation: Invitation, by: Any) -> None:
    """Withdraw an invitation not accepted yet, so that its link no longer works."""
    if invitation.accepted_at is not None:
        raise ValidationError(
            _("This invitation has been accepted: take away the role it gave instead.")
        )
    if invitation.revoked_at is not None:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        action=AuditAction.CHANGED,
        series=invitation.series,
        meeting=invitation.meeting,
        instance=invitation,
        changes={"revoked_at": [None, invitation.revoked_at]},
    )


def _check_invitation(*, series: Series, role: str, narrowing: dict[str, Any]) -> None:
    if role not in NARROWING:
        raise ValidationError({"role": _("Choose one of the roles offered.")})
    errors = {
        field: _("A role of this kind is not narrowed by this.")
        for field, value in narrowing.items()
        if value not in (None, "") and field not in NARROWING[role]
    }
    if role == Role.DELEGATION and narrowing["state"] and narrowing["organisation"]:
        errors["organisation"] = _("A delegation speaks for a State or an organisation, not both.")
    if errors:
        raise ValidationError(errors)
    check_narrowing(series=series, role=role, **narrowing)


def _invitation_email(invitation: Invitation, *, link: str, by: Any) -> tuple[str, str]:
    """The subject and text of the e-mail, in the language of the person inviting."""
    facts = {
        "series": invitation.series.title,
        "role": role_in_words(invitation),
        "inviter": (by.get_full_name() or by.get_username()) if by is not None else "",
        "link": link,
        "expires": long_date(timezone.localtime(invitation.expires_at)),
    }
    subject = _("Invitation to %(series)s") % facts
    body = (
        _(
            "Hello,\n\n"
            "%(inviter)s invites you to take part in %(series)s, in this role:\n"
            "%(role)s\n\n"
            "To accept, open this link and sign in or create an account:\n"
            "%(link)s\n\n"
            "The link works once, until %(expires)s. If you did not expect this "
            "invitation, ignore this e-mail.\n"
        )
        % facts
    )
    return subject, body
