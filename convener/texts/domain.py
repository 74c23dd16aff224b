"""Writing a text in another language, and changing its status.

The original is edited where it lives (the concept note, the meeting, the
programme, the record); here go only the other languages. A version takes the
limits of its original field: a title stays one line of at most its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.texts.models import (
    LANGUAGE_CODES,
    TextPlace,
    TextStatus,
    TextVersion,
    Translatable,
    content_type_of,
    digest_of,
    model_field_of,
)

VERSION_STATUSES = (TextStatus.TRANSLATED, TextStatus.DRAFT)


def check_place(place: TextPlace) -> None:
    """Refuse (ValidationError) a place no version can go: a field that is not
    translatable, a language not offered, or the series' language of record."""
    if place.field not in place.obj.translatable_fields:
        raise ValidationError(_("This text cannot be translated."))
    if place.language not in LANGUAGE_CODES:
        raise ValidationError({"language": _("Choose one of the six languages.")})
    if place.is_original:
        raise ValidationError(
            {"language": _("This is the original's language: edit the original instead.")}
        )


def _cleaned(place: TextPlace, text: str) -> str:
    """The text, checked against the limits of the original field."""
    model_field = model_field_of(place.obj, place.field)
    try:
        return str(model_field.clean(text, place.obj))
    except ValidationError as error:
        raise ValidationError({"text": error.messages}) from error


def _stored(place: TextPlace) -> TextVersion | None:
    return (
        TextVersion.objects.select_for_update()
        .filter(
            content_type=content_type_of(place.obj),
            object_id=place.obj.pk,
            field=place.field,
            language=place.language,
        )
        .first()
    )


def _record(place: TextPlace, version: TextVersion, action: str, changes: dict[str, Any]) -> None:
    audit.record(
        action=action,
        series=place.obj.text_series,
        instance=version,
        target=f"{place.obj} · {place.field} [{place.language}]",
        changes=changes,
    )


@acts("text.translate", on="place")
def save_version(*, place: TextPlace, text: str, status: str, by: Any) -> TextVersion | None:
    """Write the text of `place` in its language, with its status (translated
    or draft); an empty text takes the version away (None)."""
    check_place(place)
    if status not in VERSION_STATUSES:
        raise ValidationError({"status": _("Choose translated or draft.")})
    stored = _stored(place)
    if not text.strip():
        if stored is not None:
            _record(place, stored, AuditAction.DELETED, {"text": [stored.text, None]})
            stored.delete()
        return None
    text = _cleaned(place, text)
    source = digest_of(str(getattr(place.obj, place.field) or ""))
    if stored is not None and (stored.text, stored.status, stored.source_digest) == (
        text,
        status,
        source,
    ):
        return stored
    version = stored or TextVersion(
        content_type=content_type_of(place.obj),
        object_id=place.obj.pk,
        field=place.field,
        language=place.language,
    )
    changes = {
        "text": [stored.text if stored else None, text],
        "status": [stored.status if stored else None, status],
    }
    version.text = text
    version.status = status
    version.source_digest = source
    version.updated_by = by if getattr(by, "is_authenticated", False) else None
    version.save()
    _record(place, version, AuditAction.CHANGED if stored else AuditAction.CREATED, changes)
    return version


@acts("text.translate", on="place")
def set_version_status(*, place: TextPlace, status: str, by: Any) -> TextVersion:
    """Mark the version of `place` translated, or return it to draft."""
    check_place(place)
    stored = _stored(place)
    if stored is None:
        raise ValidationError(_("There is no text in this language yet."))
    return save_version(place=place, text=stored.text, status=status, by=by)  # type: ignore[return-value]


class TranslationsRefusedError(ValidationError):
    """Texts refused, by their position in the entries given: nothing was saved."""

    def __init__(self, errors: dict[int, ValidationError]) -> None:
        super().__init__([message for error in errors.values() for message in error.messages])
        self.by_entry = errors


# One text of a batch: the row, its field, the text in the language, its status.
Entry = tuple[Translatable, str, str, str]


@acts("series.view_translations", on="series")
def save_translations(*, series: Any, language: str, entries: Sequence[Entry], by: Any) -> None:
    """Save the texts of one document in `language` together, or none of them
    (`TranslationsRefusedError`): each needs `text.translate` on its place."""
    errors: dict[int, ValidationError] = {}
    for index, (obj, field, text, status) in enumerate(entries):
        try:
            save_version(
                place=TextPlace(obj=obj, field=field, language=language),
                text=text,
                status=status,
                by=by,
            )
        except ValidationError as error:
            errors[index] = error
    if errors:
        raise TranslationsRefusedError(errors)
