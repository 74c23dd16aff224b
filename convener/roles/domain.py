"""Giving and taking away roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.roles.models import Grant, Role
from convener.roles.queries import forget_grants

if TYPE_CHECKING:
    from convener.meetings.models import Series


@acts("series.grant_role", on="series")
def grant_role(
    *,
    user: Any,
    series: Series,
    role: str,
    by: Any,
    organisation: Any = None,
    meeting: Any = None,
    person: Any = None,
    state: Any = None,
    language: str = "",
) -> Grant:
    """Give `user` the role in the series (once: granting it again returns the existing grant)."""
    return _grant(
        user=user,
        series=series,
        role=role,
        by=by,
        narrowing={
            "organisation": organisation,
            "meeting": meeting,
            "person": person,
            "state": state,
            "language": language,
        },
    )


@acts("invitation.accept", on="offer")
def take_offered_role(*, offer: Any, by: Any) -> Grant:
    """`by` takes the role an offer made to them names (an invitation: its
    series, role and narrowing), on the authority of the offer."""
    return _grant(
        user=by,
        series=offer.series,
        role=offer.role,
        by=by,
        narrowing={
            "organisation": offer.organisation,
            "meeting": offer.meeting,
            "person": offer.person,
            "state": offer.state,
            "language": offer.language,
        },
    )


def _grant(*, user: Any, series: Series, role: str, by: Any, narrowing: dict[str, Any]) -> Grant:
    check_narrowing(series=series, role=role, **narrowing)
    grant, created = Grant.objects.get_or_create(
        user=user,
        series=series,
        role=role,
        **narrowing,
        defaults={"created_by": by if getattr(by, "is_authenticated", False) else None},
    )
    if created:
        audit.record(
            action=AuditAction.CREATED,
            series=series,
            meeting=narrowing["meeting"],
            instance=grant,
            changes={"role": [None, str(grant)]},
        )
    forget_grants(user)
    return grant


def check_narrowing(
    *,
    series: Series,
    role: str,
    organisation: Any = None,
    meeting: Any = None,
    person: Any = None,
    state: Any = None,
    language: str = "",
) -> None:
    """Raise ValidationError, keyed by field, unless the role is narrowed as it needs."""
    if role == Role.FOCAL_POINT and organisation is None:
        raise ValidationError({"organisation": _("A focal point acts for an organisation.")})
    if role == Role.SPEAKER and person is None:
        raise ValidationError({"person": _("A speaker is a person of the directory.")})
    if role == Role.DELEGATION and state is None and organisation is None:
        raise ValidationError({"state": _("A delegation speaks for a State or an organisation.")})
    if role == Role.TRANSLATOR and not language:
        raise ValidationError({"language": _("A translator writes one language.")})
    if role == Role.TRANSLATOR and language == series.language:
        raise ValidationError(
            {"language": _("The series is written in this language: choose another one.")}
        )
    if meeting is not None and meeting.series_id != series.pk:
        raise ValidationError({"meeting": _("The meeting belongs to another series.")})


@acts("series.manage", on="grant")
def revoke_role(*, grant: Grant, by: Any) -> None:
    audit.record(
        action=AuditAction.DELETED,
        series=grant.series,
        meeting=grant.meeting,
        instance=grant,
        changes={"role": [str(grant), None]},
    )
    grant.delete()
    forget_grants(grant.user)
