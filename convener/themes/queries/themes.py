"""Reading the themes of a series and the statements, speakers and States in each."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Person, State
from convener.meetings.models import Series
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions
from convener.themes.models import Theme, ThemePlacement


def statements_of_theme(theme: Theme) -> QuerySet[Intervention]:
    """Every statement placed in the theme, released or not: a caller showing
    them intersects with what its reader may read (`visible_interventions`)."""
    return Intervention.objects.filter(theme_placement__theme=theme)


def themes_of(series: Series, *, user: AnyUser) -> QuerySet[Theme]:
    """The series' themes with, as `statement_count`, how many of their
    statements the user may read; themes with none are left out."""
    readable = visible_interventions(user).values("pk")
    return (
        Theme.objects.filter(series=series)
        .annotate(
            statement_count=Count(
                "placements", filter=Q(placements__intervention__in=readable), distinct=True
            )
        )
        .filter(statement_count__gt=0)
        .order_by("order", "pk")
    )


def theme_choices(reader: AnyUser) -> list[tuple[str, str]]:
    """The themes holding a statement the reader may read, for the search form:
    the public sees the names of released statements' keywords, a signed-in
    reader those of every statement."""
    readable = visible_interventions(reader).values("pk")
    themes = (
        Theme.objects.filter(placements__intervention__in=readable)
        .distinct()
        .select_related("series")
        .order_by("series_id", "order", "pk")
    )
    signed_in = bool(getattr(reader, "is_authenticated", False))
    return [
        (
            str(theme.pk),
            f"{theme.series.title} — {theme.label if signed_in else theme.public_label}",
        )
        for theme in themes
    ]


def every_theme_of(series: Series) -> QuerySet[Theme]:
    """All the series' themes for the secretariat, empty ones too, with `statement_count`."""
    return (
        Theme.objects.filter(series=series)
        .annotate(statement_count=Count("placements"))
        .order_by("order", "pk")
    )


@dataclass(frozen=True)
class ThemeContents:
    """A theme as its page shows it: statements in the order of the meetings,
    and the people and States who made them, each once."""

    statements: list[Intervention]
    speakers: list[Person]
    states: list[State]


def contents_of(theme: Theme, *, user: AnyUser) -> ThemeContents:
    statements = list(
        visible_interventions(user)
        .filter(theme_placement__theme=theme)
        .select_related("segment__meeting__series")
        .order_by("segment__meeting__number", "segment__order", "order", "pk")
    )
    speakers: dict[int, Person] = {}
    states: dict[int, State] = {}
    for statement in statements:
        if statement.speaker is not None:
            speakers.setdefault(statement.speaker.pk, statement.speaker)
        if statement.state is not None:
            states.setdefault(statement.state.pk, statement.state)
    return ThemeContents(
        statements=statements,
        speakers=sorted(speakers.values(), key=lambda person: str(person).casefold()),
        states=sorted(states.values(), key=lambda state: str(state).casefold()),
    )


def placements_of(series: Series) -> dict[int, ThemePlacement]:
    """Where each statement of the series stands, by statement id."""
    placements = ThemePlacement.objects.filter(
        intervention__segment__meeting__series=series
    ).select_related("theme")
    return {placement.intervention_id: placement for placement in placements}


def series_statements(series: Series) -> QuerySet[Intervention]:
    """Every statement of the series, whether released or not (the themes are
    computed over all of them; pages show only what their reader may read)."""
    return (
        Intervention.objects.filter(segment__meeting__series=series)
        .select_related("segment__meeting")
        .order_by("segment__meeting__number", "segment__order", "order", "pk")
    )
