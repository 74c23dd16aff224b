"""The content revision: one number that says "the data changed"."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models import F

from convener.meetings.models import ContentRevision

# The apps whose rows appear on public pages and in documents; a model of
# them that is bookkeeping says so with `outside_content_revision = True`.
CONTENT_APPS = ("directory", "meetings", "records", "publishing", "texts", "commitments")


def current_revision() -> int:
    number = ContentRevision.objects.values_list("number", flat=True).first()
    return number or 0


def _raise_revision() -> None:
    if not ContentRevision.objects.update(number=F("number") + 1):
        ContentRevision.objects.create(number=1)


def record_change() -> None:
    """Raise the revision once the current transaction commits (at once outside one)."""
    transaction.on_commit(_raise_revision)


def _on_content_saved(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    record_change()


def connect_change_tracking() -> None:
    """Raise the revision on every save and delete of a content model.

    This is one of the few places a signal is the right tool: cache
    invalidation must also see edits made through the Django admin, which
    calls no domain function. Bulk writes send no signals, so the domain
    functions that use them call `record_change` themselves.
    """
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        if model._meta.app_label in CONTENT_APPS and not getattr(
            model, "outside_content_revision", False
        ):
            post_save.connect(_on_content_saved, sender=model, dispatch_uid=f"rev-save-{model}")
            post_delete.connect(_on_content_saved, sender=model, dispatch_uid=f"rev-del-{model}")
    m2m_changed.connect(_on_content_saved, dispatch_uid="rev-m2m")
