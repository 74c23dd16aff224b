from django import template
from django.urls import reverse

from convener.publishing.composition.documents import DOCUMENTS, document_label
from convener.publishing.interfaces.exporters import exporters

register = template.Library()

MEETING_DOCUMENTS = ("concept-note", "programme", "participants")


@register.simple_tag
def document_links(series, meeting=None) -> list[dict[str, object]]:
    """Each document of the series (or of one meeting): its page and its files."""
    names = MEETING_DOCUMENTS if meeting else tuple(DOCUMENTS)
    scope = [series.slug, meeting.number] if meeting else [series.slug]
    prefix = "public:meeting_document" if meeting else "public:series_document"
    return [
        {
            "label": document_label(name),
            "page": reverse(prefix, args=[*scope, name]),
            "files": [
                {
                    "label": exporter.label,
                    "url": reverse(f"{prefix}_file", args=[*scope, name, identifier]),
                }
                for identifier, exporter in exporters().items()
                if identifier != "html"
            ],
        }
        for name in names
    ]
