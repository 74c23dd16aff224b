"""Who holds a role in a series, and who is invited to one."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from convener.access.models import Invitation
from convener.meetings.models import Series
from convener.roles.models import Grant

_NARROWING = ("organisation", "meeting", "person", "state")


def series_grants(series: Series) -> QuerySet[Grant]:
    """The roles held in the series, by role, then by user name."""
    return (
        Grant.objects.filter(series=series)
        .select_related("user", *_NARROWING)
        .order_by("role", "user__username", "pk")
    )


def pending_invitations(series: Series) -> QuerySet[Invitation]:
    """Invitations of the series whose link still works, newest first."""
    return (
        Invitation.objects.filter(
            series=series,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("invited_by", *_NARROWING)
        .order_by("-created_at", "-pk")
    )
