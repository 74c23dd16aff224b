"""What the API asks of a caller before it looks at the object; the object's own
permission is a rule of `convener.access.rules`, checked by the one `require`
(`convener.audit.actors`) and answered here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied

from convener.api.errors import ForbiddenError
from convener.audit.actors import AnyUser
from convener.meetings.domain.workflow import MeetingIsReported
from convener.roles.queries import grants_of


def may_write_somewhere(user: AnyUser) -> bool:
    """Whether the user holds any role that changes data: the gate of every write."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or grants_of(user)))


@contextmanager
def refused_as(denied: str) -> Iterator[None]:
    """Answer a refused permission with 403 and `denied`; when the meeting is
    reported and the role would allow it otherwise, the refusal says so."""
    try:
        yield
    except MeetingIsReported as refusal:
        raise ForbiddenError(str(refusal)) from None
    except PermissionDenied:
        raise ForbiddenError(denied) from None
