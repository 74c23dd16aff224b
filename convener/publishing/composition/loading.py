"""Reading a series with everything its documents show, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from convener.audit.actors import AnyUser
from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    CoOrganiser,
    Meeting,
    Participation,
    Segment,
    Series,
)
from convener.meetings.queries.meetings import chronological_order, with_postponement
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.publishing.composition.participation import participation_prefetches
from convener.records.models import Intervention


def _programme() -> QuerySet[Segment]:
    participations = Participation.objects.select_related(
        "person__organisation__state", "organisation"
    ).order_by("order", "pk")
    # Only the turns of a released record: documents are public, whoever builds them.
    interventions = (
        Intervention.objects.filter(segment__meeting__record_released_at__isnull=False)
        .select_related("speaker__organisation__state", "state", "state_group", "organisation")
        .order_by("order", "pk")
    )
    return Segment.objects.order_by("order", "pk").prefetch_related(
        Prefetch("participations", queryset=participations),
        Prefetch("interventions", queryset=interventions.prefetch_related("text_versions")),
        "text_versions",
    )


def meetings_for_documents(series: Series, *, user: AnyUser) -> QuerySet[Meeting]:
    """The series' meetings the user may read, in date order, with their programme,
    record, co-organisers, co-chairs and concept note loaded."""
    return with_postponement(
        visible_meetings(user)
        .filter(series=series)
        .select_related("series", "moderator__organisation")
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ConceptNoteSection.objects.order_by("order", "pk").prefetch_related(
                    "text_versions"
                ),
            ),
            Prefetch(
                "co_organiser_links",
                queryset=CoOrganiser.objects.select_related("organisation").order_by("order", "pk"),
            ),
            Prefetch(
                "co_chairs",
                queryset=CoChair.objects.select_related("state", "person__organisation").order_by(
                    "order", "pk"
                ),
            ),
            Prefetch("segments", queryset=_programme()),
            *participation_prefetches(),
            "text_versions",
        )
        .order_by(*chronological_order())
    )


def series_for_documents(slug: str, *, user: AnyUser) -> Series:
    """The series, with its convening group, rapporteur, house style and series-level concept note.

    Raises Series.DoesNotExist when the user may not read it.
    """
    return (
        visible_series(user)
        .select_related("convening_group", "rapporteur__organisation", "house_style")
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ConceptNoteSection.objects.filter(meeting__isnull=True)
                .order_by("order", "pk")
                .prefetch_related("text_versions"),
                to_attr="series_sections",
            ),
            "references",
            "report_texts__text_versions",
            "convening_group__members",
        )
        .get(slug=slug)
    )
