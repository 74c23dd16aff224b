from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The parts a user can play in a series; `convener.access.rules` says what each may do."""

    SECRETARIAT = "secretariat", _("Secretariat")
    FOCAL_POINT = "focal_point", _("Focal point of a co-organiser")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    DELEGATION = "delegation", _("Delegation")
    TRANSLATOR = "translator", _("Translator")

    @classmethod
    def preparing(cls) -> tuple[str, ...]:
        """The roles that prepare the series, and so read its drafts."""
        return (cls.SECRETARIAT, cls.FOCAL_POINT, cls.RAPPORTEUR, cls.CHAIR)

    @classmethod
    def reading_drafts(cls) -> tuple[str, ...]:
        """The roles that read the series' drafts: those preparing it, and its
        translators, who translate the texts before they are published."""
        return (*cls.preparing(), cls.TRANSLATOR)


# The order of a user's grants, by attribute.
GRANT_ORDER = ("series_id", "role", "pk")


class Grant(models.Model):
    """A user's role in a series, narrowed where the role needs it.

    A focal point acts for an `organisation` (the meetings it co-organises); a
    rapporteur or chair for one `meeting`, or every meeting when it is empty; a
    speaker is a `person` of the directory; a delegation speaks for a `state`
    or an `organisation`; a translator writes one `language`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants"
    )
    series = models.ForeignKey("meetings.Series", on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, null=True, blank=True
    )
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True)
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, null=True, blank=True)
    state = models.ForeignKey("directory.State", on_delete=models.CASCADE, null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        # The table kept its name when roles moved out of the access app.
        db_table = "access_grant"
        ordering = list(GRANT_ORDER)
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role=Role.FOCAL_POINT) | Q(organisation__isnull=False),
                name="focal_point_names_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.SPEAKER) | Q(person__isnull=False),
                name="speaker_names_person",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.DELEGATION)
                | Q(state__isnull=False)
                | Q(organisation__isnull=False),
                name="delegation_names_state_or_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.TRANSLATOR) | ~Q(language=""),
                name="translator_names_language",
            ),
        ]

    def __str__(self) -> str:
        scope = self.organisation or self.meeting or self.person or self.state or self.language
        role = self.get_role_display()
        return f"{self.user}: {role} ({scope})" if scope else f"{self.user}: {role}"
