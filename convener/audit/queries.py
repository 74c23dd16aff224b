"""Who last changed a field of a record, from the audit log."""

from __future__ import annotations

from django.db.models import Model

from convener.audit.models import AuditEntry


def last_change(instance: Model, field: str) -> AuditEntry | None:
    """The newest audit entry that changed `field` of `instance`, if the log has one."""
    return (
        AuditEntry.objects.filter(
            target_type=instance._meta.label,
            target_id=str(instance.pk),
            changes__has_key=field,
        )
        .order_by("-at", "-pk")
        .first()
    )
