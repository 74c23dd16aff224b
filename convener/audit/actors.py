"""Who acts: the one convention every domain function follows.

A domain function that changes state takes the acting user as `by`, checks
the permission its action needs with `require(by, permission, obj)` and
writes its audit entries as `by`. `@acts(permission, on=...)` does the three
in one line and marks the function, so that a test can find a state change
that forgets any of them.

Whoever runs a command (`convener import`, `convener demo`) acts as the
`CommandLineOperator`: they hold the database already, so every permission is
theirs, and the audit log names the command line as the channel.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from convener.audit.log import acting_as

# What `request.user` holds: a signed-in user or the anonymous one.
AnyUser = AbstractUser | AnonymousUser

Params = ParamSpec("Params")
Result = TypeVar("Result")

# Each answers why `user` lacks `permission` on `obj`, with the refusal to
# raise, or None; the access app adds "the meeting is reported" (a lower app
# cannot know the rules that sit above it, so the rules register here).
RefusalReason = Callable[[Any, str, Any], PermissionDenied | None]
_refusal_reasons: list[RefusalReason] = []


class CommandLineOperator(AnonymousUser):
    """The person at the command line, who may do everything and reads every draft."""

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True

    def __str__(self) -> str:
        return "command line"


def command_line_operator() -> CommandLineOperator:
    return CommandLineOperator()


def add_refusal_reason(reason: RefusalReason) -> None:
    if reason not in _refusal_reasons:
        _refusal_reasons.append(reason)


def require(by: Any, permission: str, obj: Any = None) -> None:
    """Refuse (PermissionDenied) unless `by` holds `permission` on `obj`; the
    refusal says why when a registered reason knows it."""
    if by is not None and by.has_perm(permission, obj):
        return
    for reason in _refusal_reasons:
        refusal = reason(by, permission, obj)
        if refusal is not None:
            raise refusal
    raise PermissionDenied(permission)


def acts(
    permission: str, *, on: str | None
) -> Callable[[Callable[Params, Result]], Callable[Params, Result]]:
    """Make a function a state change by `by`: it needs `permission` on its
    keyword argument `on` (on no object when `on` is None: a new entry), runs
    in one transaction, and every change it makes is written to the audit log
    as made by `by`."""

    def decorate(function: Callable[Params, Result]) -> Callable[Params, Result]:
        @functools.wraps(function)
        def act(*args: Params.args, **kwargs: Params.kwargs) -> Result:
            by = kwargs["by"]
            require(by, permission, None if on is None else kwargs[on])
            with transaction.atomic(), acting_as(by):
                return function(*args, **kwargs)

        act.acts_with_permission = permission  # type: ignore[attr-defined]
        return act

    return decorate
