"""What the writers share about moving through a document: anchors and contents."""

from __future__ import annotations

from convener.publishing.document import Document, Heading


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
