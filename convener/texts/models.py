"""A text of the series in a language other than its original.

The original of a text stays in its own model's field (a meeting's `title`, a
section's `body`), written in the series' language of record
(`Series.language`). Each other language is a `TextVersion` of that field,
with its status: a draft is the translator's work in progress and never
public; a translated version is shown to readers of that language.

A model whose texts may be translated names them in `translatable_fields` and
answers `text_series` (the series it belongs to): the texts app reads both and
imports none of the models.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Protocol, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from convener.directory.limits import REPORT, ProseField

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)


class TextStatus(models.TextChoices):
    """The status of a text in one language."""

    ORIGINAL = "original", _("Original")
    TRANSLATED = "translated", _("Translated")
    DRAFT = "draft", _("Draft translation")

    @classmethod
    def of_versions(cls) -> list[tuple[str, Any]]:
        """The statuses a version in another language takes (the original is the field itself)."""
        return [(cls.TRANSLATED.value, cls.TRANSLATED.label), (cls.DRAFT.value, cls.DRAFT.label)]


class SeriesOfText(Protocol):
    pk: int
    language: str


class Translatable(Protocol):
    """A model whose fields `translatable_fields` may be held in other languages."""

    pk: int

    @property
    def translatable_fields(self) -> tuple[str, ...]: ...

    @property
    def text_series(self) -> SeriesOfText: ...


class TextVersion(models.Model):
    """One field of one row, in one language other than the series' language of record."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=40)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # The limit of the original field applies (`domain.versions`); this one bounds any row.
    text = ProseField(_("text"), max_length=REPORT)
    status = models.CharField(
        _("status"), max_length=12, choices=TextStatus.of_versions(), default=TextStatus.DRAFT
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The original's fingerprint when the version was last saved: an original
    # changed since then makes the version one to review (`translates`).
    source_digest = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("text in another language")
        verbose_name_plural = _("texts in other languages")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_version_per_field_and_language",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["translated", "draft"]),
                name="version_is_translated_or_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}.{self.field} [{self.language}]"

    @property
    def is_public(self) -> bool:
        return self.status == TextStatus.TRANSLATED

    def translates(self, original: str) -> bool:
        """Whether the version was last saved against this original; True for
        a version saved before Convener kept the fingerprint."""
        return not self.source_digest or self.source_digest == digest_of(original)


def digest_of(text: str) -> str:
    """A fingerprint of an original text, to tell later whether it changed."""
    return hashlib.sha256(text.encode()).hexdigest()


def direction_of(language: str) -> str:
    """ "rtl" or "ltr", as the `dir` attribute writes it."""
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@dataclass(frozen=True)
class TextPlace:
    """The field `field` of `obj` in `language`: where a version goes, and what
    `text.translate` (`convener.access.rules`) is asked of."""

    obj: Translatable
    field: str
    language: str

    @property
    def is_original(self) -> bool:
        """The series' language of record: the text is the field itself, no version."""
        return self.language == self.obj.text_series.language


def content_type_of(obj: Translatable) -> ContentType:
    return ContentType.objects.get_for_model(cast(models.Model, obj))


def model_field_of(obj: Translatable, name: str) -> Any:
    """The model field holding the original, whose limits a version takes."""
    return cast(models.Model, obj)._meta.get_field(name)
