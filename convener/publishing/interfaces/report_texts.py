"""The text of a part of the report as the records write it, for the rapporteur to edit."""

from __future__ import annotations

from convener.audit.actors import AnyUser
from convener.meetings.models import Series
from convener.publishing.composition.loading import meetings_for_documents, series_for_documents
from convener.publishing.composition.report import (
    generated_acknowledgements,
    generated_introduction,
)
from convener.publishing.exporters.markdown import blocks_as_markdown
from convener.publishing.models import ReportTextKind


def generated_report_text(series: Series, kind: str, *, user: AnyUser) -> str:
    """The Markdown the report writes for `kind` when no text is stored, from
    the records `user` may read."""
    if kind == ReportTextKind.INTRODUCTION:
        return generated_introduction(series)
    loaded = series_for_documents(series.slug, user=user)
    meetings = list(meetings_for_documents(loaded, user=user))
    return blocks_as_markdown(generated_acknowledgements(loaded, meetings))
