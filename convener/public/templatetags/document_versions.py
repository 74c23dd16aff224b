from django import template

from convener.publishing.interfaces.version_pages import VersionedDocument
from convener.publishing.models import DocumentVersion

register = template.Library()


@register.inclusion_tag("public/includes/earlier_versions.html")
def earlier_versions(series, document: str, meeting=None) -> dict[str, object]:
    """A link to the published versions of a document, once it has one."""
    number = meeting.number if meeting else None
    count = DocumentVersion.objects.filter(
        series=series, document=document, meeting_number=number or 0
    ).count()
    scoped = VersionedDocument(series, document, number, namespace="public")
    return {"count": count, "url": scoped.url("versions") if count else ""}
