"""Reading series: the list on the home page and one series with its meetings."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf

from convener.audit.actors import AnyUser
from convener.directory.models import ConveningGroupChair
from convener.meetings.models import CoChair, ConceptNoteSection, CoOrganiser, Series
from convener.meetings.queries.meetings import with_postponement
from convener.meetings.queries.visibility import visible_meetings, visible_series


def series_for_home(user: AnyUser) -> QuerySet[Series]:
    """The series the user may read, each with its convening group and, as
    `convening_chair`, the label of the group's chair in the year of the event
    the series prepares.

    The chair is a subquery rather than `ConveningGroup.chair_in()` so that the
    whole list costs one query however many series there are.
    """
    chair_that_year = ConveningGroupChair.objects.filter(
        group=OuterRef("convening_group"), year=ExtractYear(OuterRef("prepared_event_date"))
    ).annotate(label=Coalesce(NullIf(F("organisation__acronym"), Value("")), "organisation__name"))
    return (
        visible_series(user)
        .select_related("convening_group")
        .annotate(convening_chair=Subquery(chair_that_year.values("label")[:1]))
    )


def series_for_page(user: AnyUser) -> QuerySet[Series]:
    """The series the user may read, ready for their page: the series-level
    concept note as `concept_note`, the references, and as `meeting_list` the
    meetings the user may read in number order with co-organisers and co-chairs."""
    meetings = with_postponement(
        visible_meetings(user)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "co_organiser_links",
                queryset=CoOrganiser.objects.select_related("organisation").order_by("order", "pk"),
            ),
            Prefetch(
                "co_chairs",
                queryset=CoChair.objects.select_related("state").order_by("order", "pk"),
            ),
        )
    )
    return (
        visible_series(user)
        .select_related("convening_group")
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ConceptNoteSection.objects.filter(meeting=None).order_by("order", "pk"),
                to_attr="concept_note",
            ),
            "references",
            Prefetch("meetings", queryset=meetings, to_attr="meeting_list"),
        )
    )


def has_series_concept_note(*, has_text: bool, meetings: int) -> bool:
    """Whether a series has a concept note of its own: it has concept-note text,
    or more than one meeting for the note to list. Of a series of one meeting
    without text the note would be empty, or repeat the meeting's own."""
    return has_text or meetings > 1


def series_concept_note_offered(series: Series, *, user: AnyUser) -> bool:
    """`has_series_concept_note`, counting the meetings the user may read."""
    has_text = ConceptNoteSection.objects.filter(series=series, meeting=None).exists()
    readable = visible_meetings(user).filter(series=series)[:2].count()
    return has_series_concept_note(has_text=has_text, meetings=readable)


def default_language_of(user: AnyUser, slug: str) -> str | None:
    """The default language of the series at `slug`, if the user may read it
    (a draft's language would tell a stranger that the draft exists)."""
    return visible_series(user).filter(slug=slug).values_list("default_language", flat=True).first()
