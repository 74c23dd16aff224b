"""Reading one meeting with everything its page shows."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.expressions import OrderBy

from convener.audit.actors import AnyUser
from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    CoOrganiser,
    Meeting,
    Participation,
    Postponement,
    Segment,
)
from convener.meetings.queries.visibility import visible_meetings


def meetings_for_page(user: AnyUser) -> QuerySet[Meeting]:
    """The meetings the user may read, each with its concept note, co-organisers,
    co-chairs and programme loaded: a fixed number of queries however many
    people take part.

    Every related queryset orders by its own columns: the models' default
    orderings go through their foreign keys and would join the meeting and the
    series into each query.
    """
    return with_postponement(
        visible_meetings(user)
        .select_related("series", "moderator__organisation")
        .prefetch_related(
            Prefetch("sections", queryset=ConceptNoteSection.objects.order_by("order", "pk")),
            Prefetch(
                "co_organiser_links",
                queryset=CoOrganiser.objects.select_related("organisation").order_by("order", "pk"),
            ),
            Prefetch(
                "co_chairs",
                queryset=CoChair.objects.select_related("state", "person").order_by("order", "pk"),
            ),
            Prefetch("segments", queryset=_programme()),
        )
    )


def earlier_dates(meeting: Meeting) -> list[Postponement]:
    """The dates the meeting was postponed from, the first first."""
    return list(meeting.postponements.order_by("postponed_at", "pk"))


def with_postponement(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings, each with `postponed_from`: the date it was last postponed
    from, or None (in the same query)."""
    latest = Postponement.objects.filter(meeting=OuterRef("pk")).order_by("-postponed_at", "-pk")
    return meetings.annotate(postponed_from=Subquery(latest.values("date")[:1]))


def _programme() -> QuerySet[Segment]:
    participants = Participation.objects.select_related(
        "person__organisation", "organisation"
    ).order_by("order", "pk")
    return Segment.objects.order_by("order", "pk").prefetch_related(
        Prefetch("participations", queryset=participants)
    )


def chronological_order(path: str = "") -> tuple[OrderBy, str, str]:
    """Order rows by the date of their meeting, reached through `path`; meetings
    whose date is still to be confirmed come last."""
    prefix = f"{path}__" if path else ""
    return (F(f"{prefix}date").asc(nulls_last=True), f"{prefix}series_id", f"{prefix}number")
