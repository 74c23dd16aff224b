"""States, their M49 areas and regional groups, and groups of States.

Facts that change over time (who belongs to which group, who chairs it) are
rows with effective dates, loaded from data files that name their source.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import LineField
from convener.directory.reference_names import in_language
from convener.directory.reference_names import language_key as _language_key


class M49Level(models.TextChoices):
    WORLD = "world", _("World")
    REGION = "region", _("Region")
    SUB_REGION = "sub_region", _("Sub-region")
    INTERMEDIATE_REGION = "intermediate_region", _("Intermediate region")


class M49Area(models.Model):
    """An area of the UN Statistics Division's M49 standard, named in the six languages."""

    code = models.CharField(_("M49 code"), max_length=3, primary_key=True)
    level = models.CharField(_("level"), max_length=20, choices=M49Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    names = models.JSONField(
        _("names"), help_text=_("Name in each UN language: ar zh en fr ru es.")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("M49 area")
        verbose_name_plural = _("M49 areas")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.names.get(_language_key()) or self.names["en"]


class RegionalGroup(models.TextChoices):
    """The five regional groups of Member States (DGACM)."""

    AFRICAN = "african", _("African Group")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific Group")
    EASTERN_EUROPEAN = "eastern_european", _("Eastern European Group")
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean", _("Latin American and Caribbean Group")
    WESTERN_EUROPEAN_OTHERS = "western_european_others", _("Western European and Others Group")


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member State")
    OBSERVER = "observer", _("Non-member observer State")


class State(models.Model):
    """A UN Member State or non-member observer State."""

    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    names = models.JSONField(_("short names"), help_text=_("Short name in each UN language."))
    formal_name = LineField(_("formal name"), max_length=200, blank=True)
    article = models.BooleanField(
        _("short name takes 'the'"),
        default=False,
        help_text=_("In running text: the Netherlands, the Sudan; but Mexico."),
    )
    earlier_names = models.JSONField(
        _("earlier English names"),
        default=list,
        blank=True,
        help_text=_(
            "Oldest first, each with short, formal, article, the day it gave way (until) "
            "and its source."
        ),
    )
    name_source = LineField(_("source of the current name"), max_length=300, blank=True)
    status = models.CharField(
        _("UN status"), max_length=10, choices=MembershipStatus.choices, default="member"
    )
    region = models.ForeignKey(
        M49Area, on_delete=models.PROTECT, related_name="states_in_region", null=True
    )
    sub_region = models.ForeignKey(
        M49Area, on_delete=models.PROTECT, related_name="states_in_sub_region", null=True
    )
    intermediate_region = models.ForeignKey(
        M49Area,
        on_delete=models.PROTECT,
        related_name="states_in_intermediate_region",
        null=True,
        blank=True,
    )
    regional_group = models.CharField(
        _("regional group"),
        max_length=30,
        choices=RegionalGroup.choices,
        blank=True,
        help_text=_("The group the State counts in for elections; empty for observers."),
    )
    regional_group_note = LineField(_("regional group note"), max_length=300, blank=True)

    class Meta:
        ordering = ["names__en"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.names.get(_language_key()) or self.names["en"]

    @property
    def is_member(self) -> bool:
        return self.status == MembershipStatus.MEMBER


class StateGroupKind(models.TextChoices):
    NEGOTIATING_GROUP = "negotiating_group", _("Negotiating group")
    CLASSIFICATION = "classification", _("UN classification")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")


class StateGroup(models.Model):
    """A group of States that may speak as one: G77, SIDS, the EU…"""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name = LineField(_("name"), max_length=200)
    short_name = LineField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=StateGroupKind.choices)
    names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_(
            "By UN language (ar zh fr ru es): its name and short name there, and their source."
        ),
    )
    source = LineField(_("source"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    members = models.ManyToManyField(
        State, through="StateGroupMembership", related_name="state_groups"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("group of States")
        verbose_name_plural = _("groups of States")

    def __str__(self) -> str:
        return self.name

    @property
    def name_in_language(self) -> str:
        """Its name in the active language: "Groupe des 77 et la Chine"; the
        stored English name where the reference data has none."""
        return in_language(self.names, "name", self.name)

    @property
    def short_name_in_language(self) -> str:
        """Its short name in the active language ("PEID", "Группа 77"), or ""
        where that language names it in full."""
        return in_language(self.names, "short_name", self.short_name, alone=True)

    def members_on(self, day: datetime.date) -> models.QuerySet[State]:
        return self.members.filter(StateGroupMembership.in_force_on(day, prefix="memberships__"))


class StateGroupMembership(models.Model):
    group = models.ForeignKey(StateGroup, on_delete=models.CASCADE, related_name="memberships")
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="memberships")
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("The first day it no longer applies (graduation, exit)."),
    )

    class Meta:
        verbose_name = _("membership of a group of States")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "state", "since"], name="state_group_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} in {self.group}"

    @staticmethod
    def in_force_on(day: datetime.date, *, prefix: str = "") -> Q:
        return (Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": day})) & (
            Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gt": day})
        )


class StateGroupChair(models.Model):
    """Which State chairs a group (or holds the EU Council presidency) when."""

    group = models.ForeignKey(StateGroup, on_delete=models.CASCADE, related_name="chairs")
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="group_chairs")
    starts = models.DateField(_("from"))
    ends = models.DateField(_("to"))

    class Meta:
        ordering = ["group_id", "starts"]
        verbose_name = _("chair of a group of States")

    def __str__(self) -> str:
        return f"{self.state} chairs {self.group} {self.starts} to {self.ends}"
