"""The text of a statement as the search reads it."""

from __future__ import annotations

import hashlib

from convener.prose.markdown import plain_text
from convener.records.models import Intervention


def statement_text(intervention: Intervention) -> str:
    """The summary as plain text, then each point on a line of its own."""
    points = [str(point) for point in intervention.points or [] if str(point).strip()]
    return "\n".join([plain_text(intervention.summary or ""), *points]).strip()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
