from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.live.models.inscriptions import PrecedenceRule

# The time limits a meeting starts with: ten minutes for a panellist, three
# from the floor (PRODUCT.md; UN-PRACTICE.md: "often 3–5 minutes from the floor").
PANELLIST_SECONDS = 10 * 60
FLOOR_SECONDS = 3 * 60
# General Assembly decision 34/401, paragraph 9: two rights of reply per item.
# The same decision limits the first to ten minutes, the second to five.
REPLIES_PER_ITEM = 2
FIRST_REPLY_SECONDS = 10 * 60
SECOND_REPLY_SECONDS = 5 * 60
# Convener's default for a statement on behalf of a group of States: longer
# than a national statement (a default, not a rule; the chair changes it).
GROUP_STATEMENT_SECONDS = 7 * 60


class Floor(models.Model):
    """The floor of one meeting on the day: whether the list of speakers is
    open, which segment is under way, the time limits, and a version number.

    Every change to the floor locks this row first, so two chairs acting at
    once take turns, and raises `version`, so that screens can tell a newer
    state from an older one.
    """

    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="floor"
    )
    version = models.PositiveBigIntegerField(_("version"), default=0)
    list_closed = models.BooleanField(_("list of speakers closed"), default=False)
    segment = models.ForeignKey(
        "meetings.Segment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("segment under way"),
    )
    panellist_seconds = models.PositiveIntegerField(
        _("panellists and programme speakers (seconds)"), default=PANELLIST_SECONDS
    )
    statement_seconds = models.PositiveIntegerField(
        _("statements from the floor (seconds)"), default=FLOOR_SECONDS
    )
    group_statement_seconds = models.PositiveIntegerField(
        _("statements on behalf of a group of States (seconds)"),
        default=GROUP_STATEMENT_SECONDS,
    )
    question_seconds = models.PositiveIntegerField(
        _("questions to a panellist (seconds)"), default=FLOOR_SECONDS
    )
    point_of_order_seconds = models.PositiveIntegerField(
        _("points of order (seconds)"), default=FLOOR_SECONDS
    )
    right_of_reply_seconds = models.PositiveIntegerField(
        _("first right of reply on an item (seconds)"), default=FIRST_REPLY_SECONDS
    )
    second_reply_seconds = models.PositiveIntegerField(
        _("second right of reply on an item (seconds)"), default=SECOND_REPLY_SECONDS
    )
    precedence = models.CharField(
        _("order of statements"),
        max_length=20,
        choices=PrecedenceRule.choices,
        default=PrecedenceRule.GENERAL_ASSEMBLY,
    )
    replies_per_item = models.PositiveSmallIntegerField(
        _("rights of reply per delegation and item"), default=REPLIES_PER_ITEM
    )
    group_order = models.JSONField(
        _("order of groups"),
        default=list,
        blank=True,
        help_text=_(
            "The ids of the groups of States in the order their statements come; "
            "groups not named follow, by time of inscription."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("floor")
        verbose_name_plural = _("floors")

    def __str__(self) -> str:
        return str(self.meeting)


class SpeakingQuota(models.Model):
    """The speaking time a group (see `groups.speaking_groups`) may use in a meeting."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="speaking_quotas"
    )
    group = models.CharField(_("group"), max_length=60)
    seconds = models.PositiveIntegerField(_("speaking time (seconds)"))

    class Meta:
        ordering = ["meeting_id", "group"]
        verbose_name = _("speaking-time quota")
        verbose_name_plural = _("speaking-time quotas")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "group"], name="one_quota_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.seconds} s"
