"""Statements of a series fall into themes by meaning; the secretariat names,
describes, moves and merges them, and recomputing keeps what it did."""

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied

from convener.roles.models import Role
from convener.search.queries.statements import statement_text
from convener.themes.domain.clustering import clusters
from convener.themes.domain.themes import (
    edit_theme,
    merge_themes,
    place_statement,
    recompute_themes,
)
from convener.themes.models import Theme, ThemePlacement
from convener.themes.queries.themes import statements_of_theme
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    SegmentFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

CLIMATE = [
    "Rising seas and droughts caused by climate change force families to leave their homes.",
    "People displaced by climate change and disasters need legal protection.",
    "Climate change drives displacement; adaptation can let people stay.",
]
CHILDREN = [
    "Unaccompanied and separated children need guardians at the border.",
    "Migrant children travelling alone must never be detained.",
    "Separated minors should be reunited with their families quickly.",
]


def _series_with(texts):
    segment = SegmentFactory()
    statements = [InterventionFactory(segment=segment, summary=text) for text in texts]
    return segment.meeting.series, statements


def _theme_of(statement):
    return ThemePlacement.objects.get(intervention=statement).theme


def test_clusters_group_rows_that_point_the_same_way_and_leave_loners_out():
    rows = np.array([[1, 0.1, 0], [1, 0, 0.1], [0, 1, 0.1], [0.1, 1, 0], [0, 0, 1]], dtype="f4")
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)

    assert clusters(rows, threshold=0.2) == [[0, 1], [2, 3]]


def test_statements_on_the_same_subject_fall_into_one_theme_named_by_its_keywords():
    series, statements = _series_with(CLIMATE + CHILDREN)

    recompute_themes(series=series, by=secretariat_of(series))

    climate, children = statements[:3], statements[3:]
    assert len({_theme_of(s).pk for s in climate}) == 1
    assert len({_theme_of(s).pk for s in children}) == 1
    assert _theme_of(climate[0]) != _theme_of(children[0])
    assert "climate" in " ".join(_theme_of(climate[0]).keywords).casefold()


def test_the_demo_series_has_a_theme_where_climate_and_displacement_fall_together(
    demo_series,
):
    themes = recompute_themes(series=demo_series, by=secretariat_of(demo_series))

    climate = [
        theme
        for theme in themes
        if sum("climate" in statement_text(s).casefold() for s in statements_of_theme(theme)) >= 2
    ]
    assert climate
    texts = " ".join(statement_text(s) for s in statements_of_theme(climate[0])).casefold()
    assert "displace" in texts
    assert len(themes) >= 5


def test_a_theme_renamed_and_described_keeps_its_name_when_recomputed():
    series, statements = _series_with(CLIMATE + CHILDREN)
    secretariat = secretariat_of(series)
    recompute_themes(series=series, by=secretariat)
    theme = _theme_of(statements[0])

    edit_theme(
        theme=theme, name="Climate and mobility", description="Seas, droughts.", by=secretariat
    )
    recompute_themes(series=series, by=secretariat)

    again = _theme_of(statements[0])
    assert (again.pk, again.label, again.description) == (
        theme.pk,
        "Climate and mobility",
        "Seas, droughts.",
    )


def test_a_statement_moved_to_another_theme_stays_there_when_recomputed():
    series, statements = _series_with(CLIMATE + CHILDREN)
    secretariat = secretariat_of(series)
    recompute_themes(series=series, by=secretariat)
    children = _theme_of(statements[3])

    place_statement(intervention=statements[0], theme=children, by=secretariat)
    recompute_themes(series=series, by=secretariat)

    assert _theme_of(statements[0]) == children
    assert statements[0] in statements_of_theme(children)


def test_a_statement_taken_out_of_every_theme_stays_out():
    series, statements = _series_with(CLIMATE + CHILDREN)
    secretariat = secretariat_of(series)
    recompute_themes(series=series, by=secretariat)

    place_statement(intervention=statements[0], theme=None, by=secretariat)
    recompute_themes(series=series, by=secretariat)

    assert _theme_of(statements[0]) is None
    assert not any(statements[0] in statements_of_theme(t) for t in Theme.objects.all())


def test_merging_two_themes_puts_all_their_statements_in_one():
    series, statements = _series_with(CLIMATE + CHILDREN)
    secretariat = secretariat_of(series)
    recompute_themes(series=series, by=secretariat)
    climate, children = _theme_of(statements[0]), _theme_of(statements[3])

    merge_themes(theme=children, into=climate, by=secretariat)

    assert set(statements_of_theme(climate)) == set(statements)
    assert not Theme.objects.filter(pk=children.pk).exists()


def test_a_statement_cannot_join_a_theme_of_another_series():
    series, statements = _series_with(CLIMATE)
    other, _ = _series_with(CHILDREN)
    recompute_themes(series=other, by=secretariat_of(other))
    foreign = Theme.objects.get(series=other)

    with pytest.raises(Exception, match="own series"):
        place_statement(intervention=statements[0], theme=foreign, by=secretariat_of(series))


@pytest.mark.parametrize("role", [Role.DELEGATION, Role.RAPPORTEUR])
def test_only_the_secretariat_shapes_the_themes(role):
    series, statements = _series_with(CLIMATE + CHILDREN)
    recompute_themes(series=series, by=secretariat_of(series))
    theme = _theme_of(statements[0])
    narrowing = {"state": StateFactory()} if role == Role.DELEGATION else {}
    user = GrantFactory(series=series, role=role, **narrowing).user

    with pytest.raises(PermissionDenied):
        edit_theme(theme=theme, name="Mine", description="", by=user)
    with pytest.raises(PermissionDenied):
        recompute_themes(series=series, by=user)
    with pytest.raises(PermissionDenied):
        place_statement(intervention=statements[0], theme=None, by=user)
    assert Theme.objects.get(pk=theme.pk).name == ""
