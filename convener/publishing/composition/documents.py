"""The documents Convener writes, by the names users give them."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from convener.audit.actors import AnyUser
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.series import has_series_concept_note, series_concept_note_offered
from convener.publishing.composition.concept_note import series_concept_note
from convener.publishing.composition.languages import (
    UnknownLanguageError,
    composing,
    document_language,
    with_language_notes,
)
from convener.publishing.composition.loading import meetings_for_documents, series_for_documents
from convener.publishing.composition.participants import participant_list
from convener.publishing.composition.programme import meeting_concept_note, programme
from convener.publishing.composition.report import report
from convener.publishing.document import Document
from convener.publishing.print_style import house_style_of, print_style


class DocumentUnavailableError(Exception):
    """The document cannot be written: unknown, not visible, or asked of the wrong scope."""


def _concept_note(series: Series, meetings: list[Meeting], for_meeting: bool) -> Document:
    if for_meeting:
        return meeting_concept_note(series, meetings[0])
    return series_concept_note(series, meetings)


def _report(series: Series, meetings: list[Meeting], for_meeting: bool) -> Document:
    return report(series, meetings)


def _programme(series: Series, meetings: list[Meeting], for_meeting: bool) -> Document:
    return programme(series, meetings)


def _participants(series: Series, meetings: list[Meeting], for_meeting: bool) -> Document:
    return participant_list(series, meetings)


Composer = Callable[[Series, list[Meeting], bool], Document]

DOCUMENTS: dict[str, tuple[Composer, object]] = {
    "concept-note": (_concept_note, _("Concept note")),
    "programme": (_programme, _("Programme")),
    "participants": (_participants, _("List of participants")),
    "report": (_report, _("Report")),
}


def document_label(name: str) -> str:
    return str(DOCUMENTS[name][1])


def compose(
    *,
    series_slug: str,
    document: str,
    meeting_number: int | None,
    user: AnyUser,
    language: str | None = None,
) -> Document:
    """Write a document from the records the user may read, in `language`
    (one of the six; by default the active language)."""
    check_available(document, meeting_number)
    try:
        language = document_language(language)
    except UnknownLanguageError as error:
        raise DocumentUnavailableError(
            _("Unknown language %(language)s: choose one of %(languages)s.")
            % {"language": error, "languages": ", ".join(languages())}
        ) from None
    try:
        series = series_for_documents(series_slug, user=user)
    except Series.DoesNotExist:
        raise DocumentUnavailableError(_("No series %(slug)s.") % {"slug": series_slug}) from None
    meetings = list(meetings_for_documents(series, user=user))
    if meeting_number is not None:
        meetings = [meeting for meeting in meetings if meeting.number == meeting_number]
        if not meetings:
            raise DocumentUnavailableError(
                _("Series %(slug)s has no meeting %(number)s.")
                % {"slug": series_slug, "number": meeting_number}
            )
    elif not meetings and document != "concept-note":
        raise DocumentUnavailableError(
            _("Series %(slug)s has no meeting yet.") % {"slug": series_slug}
        )
    if _is_series_concept_note(document, meeting_number) and not has_series_concept_note(
        has_text=bool(series.series_sections),  # type: ignore[attr-defined]
        meetings=len(meetings),
    ):
        raise DocumentUnavailableError(_no_series_concept_note(series_slug))
    composer, _label = DOCUMENTS[document]
    with composing(series, language):
        composed = composer(series, meetings, meeting_number is not None)
    composed.blocks = with_language_notes(composed.blocks, language)
    composed.language = language
    composed.slug = document_slug(series_slug, document, meeting_number, language)
    composed.style = print_style(house_style_of(series))
    return composed


def languages() -> list[str]:
    """The codes of the six languages documents are written in."""
    return [code for code, _name in settings.LANGUAGES]


def document_slug(
    series_slug: str, document: str, meeting_number: int | None, language: str = ""
) -> str:
    """The name of the document's files: gmg-2016-report, gmg-2016-meeting-4-concept-note;
    in another language than the site's, with its code: gmg-2016-report-fr."""
    name = (
        f"{series_slug}-{document}"
        if meeting_number is None
        else f"{series_slug}-meeting-{meeting_number}-{document}"
    )
    if language and language != settings.LANGUAGE_CODE:
        return f"{name}-{language}"
    return name


def check_available(document: str, meeting_number: int | None) -> None:
    """Refuse, before any work, what `compose` would refuse for its scope."""
    if document not in DOCUMENTS:
        raise DocumentUnavailableError(
            _("Unknown document %(name)s: choose one of %(names)s.")
            % {"name": document, "names": ", ".join(DOCUMENTS)}
        )
    if document == "report" and meeting_number is not None:
        raise DocumentUnavailableError(_("The report covers the whole series, not one meeting."))


def check_offered(
    series: Series, document: str, meeting_number: int | None, *, user: AnyUser
) -> None:
    """`check_available`, and refuse the concept note of a series that has none
    of its own for this reader (`has_series_concept_note`): one meeting and no
    concept-note text of the series."""
    check_available(document, meeting_number)
    if _is_series_concept_note(document, meeting_number) and not series_concept_note_offered(
        series, user=user
    ):
        raise DocumentUnavailableError(_no_series_concept_note(series.slug))


def _is_series_concept_note(document: str, meeting_number: int | None) -> bool:
    return document == "concept-note" and meeting_number is None


def _no_series_concept_note(slug: str) -> str:
    return _(
        "Series %(slug)s has no concept note of its own: read the concept note of its meeting."
    ) % {"slug": slug}
