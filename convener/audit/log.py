"""The audit log: every change to a series' data, with who made it and through what.

Changes are caught by model signals rather than by each domain function, for
the same reason the content revision is: the Django admin and the API change
rows too, and an audit log that misses a door is worse than none. The acting
user is the `by` of the domain function making the change (`audit.actors.acts`
sets it); the middleware names the channel (web or API) and, for changes made
outside any domain function (the Django admin), the request's user. A bulk
operation (an import) is written as one entry through `recorded_as_one`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from convener.audit.models import AuditAction, AuditEntry

# The apps whose rows the audit log follows; `outside_audit = True` on a model
# (a cache, a build, a counter) leaves it out.
AUDITED_APPS = ("directory", "meetings", "records", "publishing", "live", "commitments")
# Kept by the database or derived from other fields, never anyone's change:
# `search_text` is a directory entry's names folded for search.
IGNORED_FIELDS = frozenset({"updated_at", "created_at", "search_text"})


@dataclass(frozen=True)
class Actor:
    user: Any  # a user, AnonymousUser or a lazy request.user
    via: str


_actor: ContextVar[Actor | None] = ContextVar("convener_audit_actor", default=None)
_quiet: ContextVar[bool] = ContextVar("convener_audit_quiet", default=False)


@contextmanager
def acting_as(user: Any, *, via: str | None = None) -> Iterator[None]:
    """Attribute the changes made inside the block to `user`, acting through
    `via` (by default the channel already in force: web, API or command line)."""
    outer = _actor.get()
    channel = via or (outer.via if outer is not None else "command")
    token = _actor.set(Actor(user=user, via=channel))
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def recorded_as_one(
    *, action: str, target: str, changes: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Write one entry for the whole block instead of one per row it touches.

    The block may set "series" and "meeting" in the dictionary it receives,
    once it knows them. Nothing is written if the block fails.
    """
    scope: dict[str, Any] = {}
    token = _quiet.set(True)
    try:
        yield scope
    finally:
        _quiet.reset(token)
    record(
        action=action,
        target=target,
        series=scope.get("series"),
        meeting=scope.get("meeting"),
        changes=changes,
    )


def record(
    *,
    action: str,
    target: str = "",
    series: Any = None,
    meeting: Any = None,
    instance: models.Model | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write an entry for an action that is more than a row's change (a status, an invitation)."""
    user, user_name, via = _who()
    if meeting is not None and series is None:
        series = meeting.series
    return AuditEntry.objects.create(
        user=user,
        user_name=user_name,
        via=via,
        series=series,
        meeting=meeting,
        action=action,
        target_type=instance._meta.label if instance is not None else "",
        target_id=str(instance.pk) if instance is not None else "",
        target=(target or str(instance or ""))[:300],
        changes=_jsonable(changes or {}),
    )


def _who() -> tuple[Any, str, str]:
    actor = _actor.get()
    if actor is None:
        # Outside a request nobody set an actor: the change comes from a
        # command (`convener import`, `convener demo`, the shell).
        return None, "", "command"
    user = actor.user
    if not getattr(user, "is_authenticated", False):
        return None, "", actor.via
    return user, user.get_username(), actor.via


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def _snapshot(instance: models.Model) -> dict[str, Any]:
    return {
        field.attname: _logged(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if field.attname not in IGNORED_FIELDS and not field.primary_key
    }


def _logged(value: Any) -> Any:
    """A field's value as the log keeps it: a file's bytes (a series' emblem)
    by their size and digest, which tell a change, not by the bytes themselves."""
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        return f"{len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()[:16]}" if data else ""
    return value


def _scope(instance: models.Model) -> tuple[int | None, int | None]:
    """The series and meeting a row belongs to, by the links it has."""
    label = instance._meta.label
    if label == "meetings.Series":
        return instance.pk, None
    if label == "meetings.Meeting":
        return getattr(instance, "series_id", None), instance.pk
    meeting_id = getattr(instance, "meeting_id", None)
    segment_id = getattr(instance, "segment_id", None)
    if meeting_id is None and segment_id is not None:
        segment_model = apps.get_model("meetings", "Segment")
        meeting_id = (
            segment_model.objects.filter(pk=segment_id).values_list("meeting_id", flat=True).first()
        )
    series_id = getattr(instance, "series_id", None)
    if series_id is None and meeting_id is not None:
        meeting_model = apps.get_model("meetings", "Meeting")
        series_id = (
            meeting_model.objects.filter(pk=meeting_id).values_list("series_id", flat=True).first()
        )
    return series_id, meeting_id


def _write(instance: models.Model, action: str, changes: dict[str, Any]) -> None:
    series_id, meeting_id = _scope(instance)
    user, user_name, via = _who()
    AuditEntry.objects.create(
        user=user,
        user_name=user_name,
        via=via,
        series_id=series_id,
        meeting_id=meeting_id,
        action=action,
        target_type=instance._meta.label,
        target_id=str(instance.pk),
        target=str(instance)[:300],
        changes=_jsonable(changes),
    )


def _before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or _quiet.get() or instance.pk is None:
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _snapshot(before) if before is not None else None  # type: ignore[attr-defined]


def _after_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if kwargs.get("raw") or _quiet.get():
        return
    after = _snapshot(instance)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        _write(instance, AuditAction.CREATED, {k: [None, v] for k, v in after.items() if v})
        return
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if changes:
        _write(instance, AuditAction.CHANGED, changes)


def _after_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if _quiet.get():
        return
    _write(
        instance, AuditAction.DELETED, {k: [v, None] for k, v in _snapshot(instance).items() if v}
    )


def connect_audit() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    for model in apps.get_models():
        if model._meta.app_label in AUDITED_APPS and not getattr(model, "outside_audit", False):
            uid = model._meta.label
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"audit-pre-{uid}")
            post_save.connect(_after_save, sender=model, dispatch_uid=f"audit-save-{uid}")
            post_delete.connect(_after_delete, sender=model, dispatch_uid=f"audit-del-{uid}")
