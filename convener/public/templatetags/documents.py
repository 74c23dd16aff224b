from django import template
from django.urls import reverse

from convener.public.documents import download_links
from convener.publishing.composition.documents import DOCUMENTS, document_label

register = template.Library()

MEETING_DOCUMENTS = ("concept-note", "programme", "participants")


@register.simple_tag
def document_links(series, meeting=None) -> list[dict[str, object]]:
    """Each document of the series (or of one meeting): its page and its files."""
    names = MEETING_DOCUMENTS if meeting else tuple(DOCUMENTS)
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
