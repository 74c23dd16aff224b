"""What a series' statements are about: their keywords, the themes they fall
into by meaning, and the SDG targets suggested for them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import NOTE, LineField, ProseField

# Keywords kept per text: enough to name a theme and to scan a statement.
KEYWORDS = 8


class _Keywords(models.Model):
    """Keywords kept with the digest of the text and the language they were
    computed from: a text that has changed since is read again."""

    keywords = models.JSONField(_("keywords"), default=list)
    text_digest = models.CharField(_("digest of the text read"), max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return ", ".join(self.keywords)


class StatementKeywords(_Keywords):
    """The keywords of one statement (YAKE over its summary and points)."""

    intervention = models.OneToOneField(
        "records.Intervention",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="keywords",
    )

    class Meta:
        verbose_name = _("keywords of a statement")
        verbose_name_plural = _("keywords of statements")


class MeetingKeywords(_Keywords):
    """The keywords of a meeting's whole record (its statements together)."""

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="keywords",
    )

    class Meta:
        verbose_name = _("keywords of a meeting")
        verbose_name_plural = _("keywords of meetings")


class Theme(models.Model):
    """Statements of a series that speak of the same thing, found by meaning.

    `keywords` are computed from the statements; `name` and `description`
    are the secretariat's, and a recomputation keeps them (`domain.themes`).
    A theme without a name is called by its first keywords.
    """

    series = models.ForeignKey("meetings.Series", on_delete=models.CASCADE, related_name="themes")
    name = LineField(_("name"), max_length=200, blank=True)
    description = ProseField(_("description"), max_length=NOTE, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    # Read from the statements of released records only: the public pages
    # show these, so nothing of a record still internal shows there.
    public_keywords = models.JSONField(_("keywords of the released statements"), default=list)
    order = models.PositiveIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["series_id", "order", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name the secretariat gave, or the first three keywords."""
        return self.name or ", ".join(self.keywords[:3]) or str(_("Untitled theme"))

    @property
    def public_label(self) -> str:
        """The label on the public pages: the name, or keywords of released statements."""
        return self.name or ", ".join(self.public_keywords[:3]) or str(_("Untitled theme"))

    @property
    def is_edited(self) -> bool:
        return bool(self.name or self.description)


class ThemePlacement(models.Model):
    """Where a statement stands among its series' themes.

    A statement the clustering placed has `by_hand` False and moves with the
    next recomputation; one the secretariat moved (to a theme, or out of
    every theme: `theme` empty) stays where it was put.
    """

    intervention = models.OneToOneField(
        "records.Intervention",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="theme_placement",
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, null=True, blank=True, related_name="placements"
    )
    by_hand = models.BooleanField(_("placed by hand"), default=False)

    class Meta:
        verbose_name = _("place of a statement among the themes")
        verbose_name_plural = _("places of statements among the themes")
        constraints = [
            models.CheckConstraint(
                condition=Q(theme__isnull=False) | Q(by_hand=True),
                name="theme_placement_out_only_by_hand",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.intervention_id} → {self.theme_id}"


class SuggestionStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")


class TargetSuggestion(models.Model):
    """An SDG target a statement seems to speak to, by the similarity of its
    meaning to the target's official text, until the rapporteur confirms it
    (the target is then in the statement's `sdg_targets`) or dismisses it
    (it is not suggested again)."""

    intervention = models.ForeignKey(
        "records.Intervention", on_delete=models.CASCADE, related_name="target_suggestions"
    )
    target = models.CharField(_("SDG target"), max_length=8)
    similarity = models.FloatField(_("similarity"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.SUGGESTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["intervention_id", "-similarity", "target"]
        verbose_name = _("suggested SDG target")
        verbose_name_plural = _("suggested SDG targets")
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "target"], name="one_suggestion_per_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target} for #{self.intervention_id} ({self.status})"

    @property
    def segment_id(self) -> int:
        """The statement's segment, by which the permissions find the meeting."""
        return self.intervention.segment_id

    @property
    def segment(self) -> Any:
        """The statement's segment, through which `access.scope` finds the meeting."""
        return self.intervention.segment
