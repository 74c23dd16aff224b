"""SDG targets are suggested per statement and only ever applied when the
rapporteur or the secretariat confirms them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.roles.models import Role
from convener.themes.domain.suggestions import (
    confirm_suggestion,
    dismiss_suggestion,
    suggest_targets,
)
from convener.themes.models import SuggestionStatus, TargetSuggestion
from tests.factories import GrantFactory, InterventionFactory, StateFactory, secretariat_of

pytestmark = pytest.mark.django_db

MIGRATION = (
    "Facilitating orderly, safe and regular migration needs well-managed migration "
    "policies, so that people can move through regular pathways and safely."
)


@pytest.fixture
def statement():
    return InterventionFactory(summary=MIGRATION)


@pytest.fixture
def rapporteur(statement):
    meeting = statement.segment.meeting
    return GrantFactory(series=meeting.series, role=Role.RAPPORTEUR, meeting=meeting).user


def _suggestion(statement, target):
    return TargetSuggestion.objects.get(intervention=statement, target=target)


def test_a_statement_on_orderly_migration_is_suggested_target_10_7_but_not_given_it(
    statement, rapporteur
):
    suggest_targets(meeting=statement.segment.meeting, by=rapporteur)

    suggested = TargetSuggestion.objects.filter(intervention=statement)
    assert "10.7" in {s.target for s in suggested}
    assert len(suggested) <= 3
    statement.refresh_from_db()
    assert statement.sdg_targets == []


def test_a_confirmed_suggestion_is_cited_by_the_statement(statement, rapporteur):
    suggest_targets(meeting=statement.segment.meeting, by=rapporteur)

    confirm_suggestion(suggestion=_suggestion(statement, "10.7"), by=rapporteur)

    statement.refresh_from_db()
    assert statement.sdg_targets == ["10.7"]
    assert _suggestion(statement, "10.7").status == SuggestionStatus.CONFIRMED


def test_a_dismissed_suggestion_is_not_suggested_again(statement, rapporteur):
    meeting = statement.segment.meeting
    suggest_targets(meeting=meeting, by=rapporteur)
    dismiss_suggestion(suggestion=_suggestion(statement, "10.7"), by=rapporteur)

    again = suggest_targets(meeting=meeting, by=rapporteur)

    assert again == []
    assert _suggestion(statement, "10.7").status == SuggestionStatus.DISMISSED
    statement.refresh_from_db()
    assert statement.sdg_targets == []


def test_a_target_the_statement_cites_already_is_not_suggested():
    statement = InterventionFactory(summary=MIGRATION, sdg_targets=["10.7"])

    suggest_targets(
        meeting=statement.segment.meeting, by=secretariat_of(statement.segment.meeting.series)
    )

    assert not TargetSuggestion.objects.filter(intervention=statement, target="10.7").exists()


def test_a_suggestion_is_decided_once(statement, rapporteur):
    suggest_targets(meeting=statement.segment.meeting, by=rapporteur)
    suggestion = _suggestion(statement, "10.7")
    dismiss_suggestion(suggestion=suggestion, by=rapporteur)

    with pytest.raises(ValidationError):
        confirm_suggestion(suggestion=suggestion, by=rapporteur)


def test_a_delegation_can_neither_ask_for_nor_confirm_suggestions(statement, rapporteur):
    meeting = statement.segment.meeting
    delegation = GrantFactory(
        series=meeting.series, role=Role.DELEGATION, state=StateFactory()
    ).user
    suggest_targets(meeting=meeting, by=rapporteur)

    with pytest.raises(PermissionDenied):
        suggest_targets(meeting=meeting, by=delegation)
    with pytest.raises(PermissionDenied):
        confirm_suggestion(suggestion=_suggestion(statement, "10.7"), by=delegation)
