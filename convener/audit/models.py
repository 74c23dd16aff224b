from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    DELETED = "deleted", _("Deleted")
    IMPORTED = "imported", _("Imported")
    STATUS = "status", _("Changed status")
    PUBLISHED = "published", _("Published a document")
    INVITED = "invited", _("Invited")
    JOINED = "joined", _("Accepted an invitation")
    REMINDED = "reminded", _("Reminded a speaker to confirm")


class AuditEntry(models.Model):
    """Who changed what, and when. Written by `convener.audit.log` only."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    # Kept beside the link so the entry still names a user who was deleted.
    user_name = models.CharField(_("who"), max_length=150, blank=True)
    # "web", "api" or "command" (see `convener.audit.log`).
    via = models.CharField(_("through"), max_length=20, blank=True)
    # No database constraint: the log outlives a deleted series or meeting,
    # and its own deletion is logged while the rows are being removed.
    series = models.ForeignKey(
        "meetings.Series",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    # The model's label ("meetings.Segment"), so that the page names the kind
    # of record and its fields in the reader's language.
    target_type = models.CharField(_("kind of record"), max_length=100, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target = models.CharField(_("record"), max_length=300, blank=True)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Field name to [before, after].")
    )

    class Meta:
        # The table kept its name when the log moved out of the access app.
        db_table = "access_auditentry"
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["series", "-at"], name="audit_by_series")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_name} {self.action} {self.target}"
