from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from convener.directory.folding import person_search_text
from convener.directory.limits import BIOGRAPHY, LineField, ProseField
from convener.directory.models.search_text import with_search_text

# The fields `search_text` folds.
SEARCHED_NAMES = frozenset({"family_name", "given_name", "short_name"})


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")


class Person(models.Model):
    key = models.SlugField(_("key"), max_length=80, unique=True)
    honorific = LineField(
        _("honorific"), max_length=30, blank=True, help_text=_("H.E., Amb., Dr., Professor, Ms.…")
    )
    given_name = LineField(_("given name"), max_length=100)
    family_name = LineField(_("family name"), max_length=100)
    position = LineField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    short_name = LineField(
        _("short form"),
        max_length=100,
        blank=True,
        help_text=_(
            'How the report refers to the person after introducing them: "Amb. van Oosterom".'
        ),
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("As recorded by the secretariat, for balance statistics only."),
    )
    biography = ProseField(_("biography"), max_length=BIOGRAPHY, blank=True)
    # The names folded for search, written on every save (`directory.folding`).
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = person_search_text(
            family_name=self.family_name, given_name=self.given_name, short_name=self.short_name
        )
        super().save(*args, **with_search_text(kwargs, SEARCHED_NAMES))

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def formal_name(self) -> str:
        """The name with honorific, as a programme prints it."""
        return f"{self.honorific} {self.full_name}".strip()

    @property
    def reference_name(self) -> str:
        return self.short_name or self.full_name
