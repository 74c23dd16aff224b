"""What the writers share about moving through a document: anchors, contents, links."""

from __future__ import annotations

from urllib.parse import urlsplit

from convener.publishing.document import Document, Heading

_FOLLOWABLE_SCHEMES = {"", "http", "https", "mailto"}


def anchor(heading: Heading, position: int) -> str:
    """The heading's own anchor, or one made from its place among the document's blocks."""
    return heading.anchor or f"section-{position}"


def contents_entries(document: Document) -> list[tuple[str, str]]:
    """The anchor and title of each level-1 heading that the contents lists, in order."""
    return [
        (anchor(block, position), block.text)
        for position, block in enumerate(document.blocks)
        if isinstance(block, Heading) and block.level == 1 and block.in_contents
    ]


def followable(href: str | None) -> str | None:
    """A link's address if a reader may safely follow it (web, mail or within the
    document); None for anything else, such as `javascript:`, so the text stays unlinked."""
    if not href or not href.strip():
        return None
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return None
    return href.strip() if scheme in _FOLLOWABLE_SCHEMES else None
