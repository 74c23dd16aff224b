from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.roles.models import Role


class Invitation(models.Model):
    """An offer of a role, sent by e-mail as a link; accepting it creates the Grant.

    Only a digest of the link's secret is stored, so a copy of the database
    cannot be used to accept an invitation.
    """

    series = models.ForeignKey(
        "meetings.Series", on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, null=True, blank=True
    )
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True)
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, null=True, blank=True)
    state = models.ForeignKey("directory.State", on_delete=models.CASCADE, null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    secret_digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    grant = models.OneToOneField(
        "roles.Grant", on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return f"{self.email}: {self.get_role_display()}"
