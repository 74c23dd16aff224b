"""The statements a search may return are listed once per content revision and
per set of grants, and a list never outlives a change to what may be read."""

import pytest

from convener.meetings.queries.visibility import public_reader
from convener.roles.models import Grant
from convener.search.domain.index import reindex
from convener.search.queries.candidates import candidate_ids
from convener.search.queries.filters import SearchFilters
from convener.search.queries.search import search_statements
from tests.factories import GrantFactory, InterventionFactory

# Committed transactions: the content revision rises only when one commits.
pytestmark = pytest.mark.django_db(transaction=True)


def found(reader=None):
    """What the meaning search returns: with a handful of statements, every
    one the reader may read (it keeps the 100 nearest)."""
    results = search_statements("pathways", mode="meaning", reader=reader)
    return {hit.intervention_id for hit in results.hits}


def test_the_list_is_kept_while_nothing_changes():
    InterventionFactory(summary="Pathways.")

    first = candidate_ids(public_reader(), SearchFilters())

    assert candidate_ids(public_reader(), SearchFilters()) is first


def test_a_record_unreleased_after_the_list_was_kept_drops_out():
    statement = InterventionFactory(summary="Pathways.")
    reindex()
    assert found() == {statement.pk}

    meeting = statement.segment.meeting
    meeting.record_released_at = None
    meeting.save()

    assert found() == set()


def test_a_statement_added_after_the_list_was_kept_is_found():
    first = InterventionFactory(summary="Pathways.")
    reindex()
    assert found() == {first.pk}

    second = InterventionFactory(summary="Pathways too.", segment=first.segment)
    reindex()

    assert found() == {first.pk, second.pk}


def test_a_grant_taken_away_closes_the_record_under_review_at_once():
    under_review = InterventionFactory(
        summary="Pathways.", segment__meeting__record_released_at=None
    )
    grant = GrantFactory(series=under_review.segment.meeting.series)
    reindex()
    assert found(grant.user) == {under_review.pk}

    Grant.objects.filter(pk=grant.pk).delete()
    next_request_user = type(grant.user).objects.get(pk=grant.user_id)

    assert found(next_request_user) == set()


def test_readers_with_other_grants_never_share_a_list():
    under_review = InterventionFactory(
        summary="Pathways.", segment__meeting__record_released_at=None
    )
    secretariat = GrantFactory(series=under_review.segment.meeting.series).user
    other = GrantFactory().user
    reindex()

    assert found(secretariat) == {under_review.pk}
    assert found(other) == set()
    assert found() == set()


@pytest.mark.django_db(transaction=False)
def test_inside_a_transaction_the_list_is_read_afresh():
    InterventionFactory(summary="Pathways.")

    first = candidate_ids(public_reader(), SearchFilters())

    assert candidate_ids(public_reader(), SearchFilters()) is not first
