from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.folding import organisation_search_text
from convener.directory.limits import LineField
from convener.directory.models.search_text import with_search_text
from convener.directory.reference_names import entity_names, in_language
from convener.prose.links import validate_link

# The fields `search_text` folds.
SEARCHED_NAMES = frozenset({"name", "acronym"})


class OrganisationKind(models.TextChoices):
    UN_ENTITY = "un_entity", _("UN entity")
    INTERNATIONAL_ORGANISATION = "international_organisation", _("International organisation")
    NGO = "ngo", _("Non-governmental organisation")
    ACADEMIA = "academia", _("Academia")
    PERMANENT_MISSION = "permanent_mission", _("Permanent mission")
    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private sector")


class Organisation(models.Model):
    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = LineField(_("name"), max_length=300)
    acronym = LineField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    article = models.BooleanField(
        _("name takes 'the'"),
        null=True,
        blank=True,
        help_text=_(
            "In running text: the United Nations Department of Economic and Social Affairs; "
            "but Oxfam. Unset: guessed from the name."
        ),
    )
    state = models.ForeignKey(
        "directory.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("For a permanent mission or a government: the State it represents."),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_link])
    # The name and acronym folded for search, written on every save (`directory.folding`).
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.label

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = organisation_search_text(name=self.name, acronym=self.acronym)
        super().save(*args, **with_search_text(kwargs, SEARCHED_NAMES))

    @property
    def name_in_language(self) -> str:
        """Its name in the active language, from the UN's reference names
        ("Organisation internationale pour les migrations"); else as stored."""
        return in_language(entity_names(self.name, self.acronym), "name", self.name)

    @property
    def acronym_in_language(self) -> str:
        """Its acronym in the active language ("OIM" in French); "" in a language
        that names it in full (Arabic: "المنظمة الدولية للهجرة")."""
        names = entity_names(self.name, self.acronym)
        return in_language(names, "acronym", self.acronym, alone=True)

    @property
    def label(self) -> str:
        """How lists and header blocks name it: the acronym where there is one,
        in the active language."""
        return self.acronym_in_language or self.name_in_language
