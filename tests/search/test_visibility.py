"""The public finds only released records; a user finds what they may read."""

import pytest

from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.search.domain.index import reindex
from convener.search.queries.search import search_statements
from tests.factories import GrantFactory, InterventionFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(reader=None):
    results = search_statements("pathways", mode="words", reader=reader)
    return {hit.intervention for hit in results.hits}


def test_the_public_finds_statements_of_released_records():
    released = InterventionFactory(summary="Pathways.")
    reindex()

    assert found() == {released}


def test_the_public_does_not_find_a_record_under_review():
    InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    reindex()

    assert found() == set()


def test_the_public_does_not_find_a_draft_meeting_or_a_draft_series():
    InterventionFactory(summary="Pathways.", segment__meeting__status=MeetingStatus.DRAFT)
    InterventionFactory(summary="Pathways.", segment__meeting__series__status=SeriesStatus.DRAFT)
    reindex()

    assert found() == set()


def test_the_secretariat_finds_its_series_record_under_review():
    under_review = InterventionFactory(
        summary="Pathways.", segment__meeting__record_released_at=None
    )
    secretariat = GrantFactory(series=under_review.segment.meeting.series).user
    reindex()

    assert found(secretariat) == {under_review}


def test_a_user_without_a_grant_finds_no_more_than_the_public():
    InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    other_series = GrantFactory().user
    reindex()

    assert found(UserFactory()) == set()
    assert found(other_series) == set()


def test_meaning_and_combined_read_only_what_the_reader_may_read():
    InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    reindex()

    assert search_statements("pathways", mode="meaning").hits == []
    assert search_statements("pathways", mode="combined").hits == []
