"""What the API asks of a caller before it looks at the object; the object's own
permission is a rule of `convener.access.rules`, checked by `require`."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from convener.access.rules import refused_as_reported
from convener.api.errors import ForbiddenError
from convener.audit.actors import AnyUser
from convener.meetings.domain.workflow import reported_refusal
from convener.roles.queries import grants_of


def may_write_somewhere(user: AnyUser) -> bool:
    """Whether the user holds any role that changes data: the gate of every write."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or grants_of(user)))


def require(user: Any, permission: str, obj: Model, *, denied: str) -> None:
    """Refuse with 403 unless the user holds `permission` on `obj`; the error
    says so when the meeting is reported and the role would allow it otherwise."""
    if not user.has_perm(permission, obj):
        if refused_as_reported(user, permission, obj):
            raise ForbiddenError(reported_refusal())
        raise ForbiddenError(denied)
