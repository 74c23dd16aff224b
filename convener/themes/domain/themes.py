"""Themes: statements of a series grouped by meaning, named by their
keywords, then shaped by the secretariat.

Recomputing keeps what the secretariat did. A statement it moved (into a
theme, or out of every theme) stays where it was put; the others are grouped
again. Each new group takes over the existing theme whose statements it
shares most, so that theme keeps its name and description; a theme no group
takes over is removed unless the secretariat named or described it or put a
statement in it; every theme's keywords are computed again.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.audit.log import record
from convener.audit.models import AuditAction
from convener.meetings.domain.revision import record_change
from convener.meetings.models import Series
from convener.meetings.queries.visibility import public_reader
from convener.records.models import Intervention
from convener.records.queries.interventions import released_record_q
from convener.themes.domain.keywords import meeting_keywords
from convener.themes.models import Theme, ThemePlacement
from convener.themes.queries.keywords import keywords_in, texts_together
from convener.themes.queries.targets import policy_direction
from convener.themes.queries.themes import placements_of, series_statements

PERMISSION = "series.edit_themes"
# How alike two groups of statements must be to merge: the cosine of their
# vectors once the direction all policy texts share is taken away
# (`policy_direction`), averaged over the pairs of the two groups. Tried on
# the demo series and on short statements of three subjects.
THRESHOLD = 0.45


@acts(PERMISSION, on="series")
def recompute_themes(*, series: Series, by: AbstractBaseUser) -> list[Theme]:
    """Group the series' statements by meaning again; the themes, largest first."""
    # The vectors, the clustering and NumPy (about 15 MB) are loaded by the first
    # recomputing, not by every server process with the workspace's pages.
    import numpy as np

    from convener.search.domain.vectors import vectors_of
    from convener.themes.domain.clustering import clusters

    statements = list(series_statements(series))
    vectors = vectors_of(statements)
    placements = placements_of(series)
    kept = {pk for pk, placement in placements.items() if placement.by_hand}
    free = [s.pk for s in statements if s.pk in vectors and s.pk not in kept]
    groups = [
        [free[index] for index in group]
        for group in clusters(
            np.stack([vectors[pk] for pk in free]) if free else np.zeros((0, 1), dtype=np.float32),
            threshold=THRESHOLD,
            centre=policy_direction(),
        )
    ]
    themes = list(Theme.objects.filter(series=series))
    before = {
        theme.pk: {pk for pk, p in placements.items() if p.theme_id == theme.pk and not p.by_hand}
        for theme in themes
    }
    taken_over = _take_over(groups, before)
    ThemePlacement.objects.filter(
        intervention__segment__meeting__series=series, by_hand=False
    ).delete()
    by_pk = {theme.pk: theme for theme in themes}
    for index, group in enumerate(groups):
        theme = by_pk.get(taken_over.get(index, -1)) or Theme.objects.create(series=series)
        by_pk[theme.pk] = theme
        ThemePlacement.objects.bulk_create(
            ThemePlacement(intervention_id=pk, theme=theme) for pk in group
        )
    in_use = {p.theme_id for p in placements.values() if p.by_hand} | set(taken_over.values())
    survivors = []
    for theme in by_pk.values():
        if theme.pk in in_use or theme.is_edited or theme.pk not in before:
            survivors.append(theme)
        else:
            theme.delete()
    _refresh(survivors, series=series)
    for meeting in series.meetings.all():
        meeting_keywords(meeting)
    record(
        action=AuditAction.CHANGED,
        target="themes recomputed",
        series=series,
        changes={"themes": len(survivors)},
    )
    record_change()
    return sorted(survivors, key=lambda theme: theme.order)


def _take_over(groups: list[list[int]], before: dict[int, set[int]]) -> dict[int, int]:
    """Which existing theme each new group continues: pairs by most statements
    shared, each group and theme at most once (ties by order, so the outcome is fixed)."""
    pairs = sorted(
        (-len(set(group) & members), index, theme_pk)
        for index, group in enumerate(groups)
        for theme_pk, members in before.items()
        if set(group) & members
    )
    taken: dict[int, int] = {}
    for _shared, index, theme_pk in pairs:
        if index not in taken and theme_pk not in taken.values():
            taken[index] = theme_pk
    return taken


def _refresh(themes: Iterable[Theme], *, series: Series) -> None:
    """Each theme's keywords from its statements, and the themes in order of size."""
    themes = list(themes)
    sizes = {theme.pk: theme.placements.count() for theme in themes}
    ordered = sorted(themes, key=lambda theme: (-sizes[theme.pk], theme.pk))
    for order, theme in enumerate(ordered):
        theme.order = order
        _update_keywords(theme, series=series)
        theme.save(update_fields=["order", "keywords", "public_keywords", "updated_at"])


def _update_keywords(theme: Theme, *, series: Series) -> None:
    """Keywords of all its statements (the workspace), and of those whose
    record is released (the public pages: nothing of an unreleased record
    shows there)."""
    statements = Intervention.objects.filter(theme_placement__theme=theme).order_by(
        "segment__meeting__number", "segment__order", "order", "pk"
    )
    theme.keywords = keywords_in(texts_together(statements), language=series.language)
    released = statements.filter(released_record_q(public_reader(), path="segment__meeting"))
    theme.public_keywords = keywords_in(texts_together(released), language=series.language)


def _changed(theme: Theme) -> None:
    _update_keywords(theme, series=theme.series)
    theme.save(update_fields=["keywords", "public_keywords", "updated_at"])


@acts(PERMISSION, on="theme")
def edit_theme(*, theme: Theme, name: str, description: str, by: AbstractBaseUser) -> Theme:
    """Name and describe a theme (an empty name: called by its keywords again)."""
    before = {"name": theme.name, "description": theme.description}
    theme.name = name.strip()
    theme.description = description.strip()
    theme.full_clean(exclude=["series", "keywords", "public_keywords", "order"])
    theme.save(update_fields=["name", "description", "updated_at"])
    record(
        action=AuditAction.CHANGED,
        series=theme.series,
        instance=theme,
        changes={"before": before, "after": {"name": theme.name, "description": theme.description}},
    )
    record_change()
    return theme


@acts(PERMISSION, on="intervention")
def place_statement(
    *, intervention: Intervention, theme: Theme | None, by: AbstractBaseUser
) -> None:
    """Put a statement in a theme of its series, or (`theme` None) out of every
    theme; it stays there when the themes are recomputed."""
    series_id = intervention.segment.meeting.series_id
    if theme is not None and theme.series_id != series_id:
        raise ValidationError(_("A statement can only join a theme of its own series."))
    old = ThemePlacement.objects.filter(intervention=intervention).select_related("theme").first()
    ThemePlacement.objects.update_or_create(
        intervention=intervention, defaults={"theme": theme, "by_hand": True}
    )
    for changed in {t.pk: t for t in (old.theme if old else None, theme) if t}.values():
        _changed(changed)
    record(
        action=AuditAction.CHANGED,
        target=f"theme of statement {intervention.pk}",
        meeting=intervention.segment.meeting,
        instance=intervention,
        changes={"theme": theme.pk if theme else None},
    )
    record_change()


@acts(PERMISSION, on="theme")
def merge_themes(*, theme: Theme, into: Theme, by: AbstractBaseUser) -> Theme:
    """Move every statement of `theme` into `into` and remove `theme`; `into`
    keeps its name and description (or takes those of `theme` if it has none)."""
    if into.series_id != theme.series_id or into.pk == theme.pk:
        raise ValidationError(_("Merge a theme into another theme of the same series."))
    ThemePlacement.objects.filter(theme=theme).update(theme=into)
    into.name = into.name or theme.name
    into.description = into.description or theme.description
    into.save(update_fields=["name", "description", "updated_at"])
    record(
        action=AuditAction.CHANGED,
        target=f"themes merged into {into.label}",
        series=theme.series,
        instance=into,
        changes={"merged": theme.label, "into": into.label},
    )
    theme.delete()
    _changed(into)
    record_change()
    return into
