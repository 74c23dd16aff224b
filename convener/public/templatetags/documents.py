from django import template
from django.urls import reverse

from convener.meetings.queries.series import has_series_concept_note
from convener.publishing.composition.documents import DOCUMENTS, document_label
from convener.publishing.interfaces.downloads import download_links

register = template.Library()

MEETING_DOCUMENTS = ("concept-note", "programme", "participants")


@register.simple_tag
def document_links(series, meeting=None) -> list[dict[str, object]]:
    """Each document of the series (or of one meeting): its page and its files.

    The series' own concept note is offered only where it has one: the
    series page loads its concept note and its meetings (`series_for_page`).
    """
    names = MEETING_DOCUMENTS if meeting else tuple(DOCUMENTS)
    if not meeting and not has_series_concept_note(
        has_text=bool(series.concept_note), meetings=len(series.meeting_list)
    ):
        names = tuple(name for name in names if name != "concept-note")
    number = meeting.number if meeting else None
    scope = [series.slug, number] if meeting else [series.slug]
    prefix = "public:meeting_document" if meeting else "public:series_document"
    return [
        {
            "label": document_label(name),
            "page": reverse(prefix, args=[*scope, name]),
            "files": download_links(series.slug, name, number),
        }
        for name in names
    ]
