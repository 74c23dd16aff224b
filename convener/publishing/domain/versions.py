"""Keeping the versions of published documents.

A version is the document as the public reads it at the moment it is
published, written by the Markdown exporter: plain text, so that any two
versions can be compared line by line, and small enough to keep every one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.meetings.models import Series
from convener.meetings.queries.visibility import public_reader
from convener.publishing.composition.documents import (
    DocumentUnavailableError,
    compose,
    document_label,
)
from convener.publishing.exporters.markdown import document_as_markdown
from convener.publishing.models import DocumentVersion


def public_text(*, series: Series, document: str, meeting_number: int | None) -> str:
    """The document as the public reads it now, in Markdown.

    Written in the site's language, whatever the publisher's interface
    language, so that two versions compare like with like.

    Raises ValidationError (key "document") when the public cannot read it:
    the series, or the meeting, is not published.
    """
    try:
        with translation.override(settings.LANGUAGE_CODE):
            composed = compose(
                series_slug=series.slug,
                document=document,
                meeting_number=meeting_number,
                user=public_reader(),
            )
    except DocumentUnavailableError as error:
        raise ValidationError(
            {
                "document": _("The public cannot read this document yet: %(reason)s")
                % {"reason": error}
            }
        ) from None
    return document_as_markdown(composed)


@acts("series.manage", on="series")
def publish_version(
    *,
    series: Series,
    document: str,
    meeting_number: int | None = None,
    by: Any,
    note: str = "",
) -> tuple[DocumentVersion, bool]:
    """Keep the document as the public reads it now as its next version.

    Returns the version and whether it is new: when the text is the same as
    the latest version's, that version is returned and nothing is written.
    """
    note_length = DocumentVersion._meta.get_field("note").max_length or 0
    if len(note) > note_length:
        raise ValidationError(
            {"note": _("Keep the note under %(length)s characters.") % {"length": note_length}}
        )
    text = public_text(series=series, document=document, meeting_number=meeting_number)
    scope = {"series": series, "document": document, "meeting_number": meeting_number or 0}
    # Two publishers at once must not take the same number.
    Series.objects.select_for_update().filter(pk=series.pk).first()
    latest = DocumentVersion.objects.filter(**scope).order_by("-number").first()
    if latest is not None and latest.text == text:
        return latest, False
    number = (latest.number if latest else 0) + 1
    version = DocumentVersion.objects.create(
        **scope,
        number=number,
        text=text,
        published_by=by if getattr(by, "is_authenticated", False) else None,
        note=note,
    )
    audit.record(
        action=AuditAction.PUBLISHED,
        series=series,
        meeting=series.meetings.filter(number=meeting_number).first() if meeting_number else None,
        instance=version,
        target=_version_name(document, meeting_number, number),
        changes={"version": [latest.number if latest else None, number]},
    )
    return version, True


def _version_name(document: str, meeting_number: int | None, number: int) -> str:
    if meeting_number:
        return _("%(document)s of meeting %(meeting)s, version %(number)s") % {
            "document": document_label(document),
            "meeting": meeting_number,
            "number": number,
        }
    return _("%(document)s, version %(number)s") % {
        "document": document_label(document),
        "number": number,
    }
