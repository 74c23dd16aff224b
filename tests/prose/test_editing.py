"""Two people editing one text: `convener.prose.editing`, through the domain
functions that save each long text of the workspace."""

import pytest
from django.core.exceptions import ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.domain.meetings import update_meeting
from convener.prose.editing import EditConflictError, ensure_unchanged, text_digest
from convener.records.domain.interventions import update_intervention
from tests.factories import InterventionFactory, MeetingFactory


def test_text_digest_ignores_the_line_endings_a_browser_sends():
    assert text_digest("One.\r\nTwo.") == text_digest("One.\nTwo.")


def test_text_digest_tells_texts_apart():
    assert text_digest("Called for regular pathways.") != text_digest("Called for regular pathways")


def test_text_digest_of_nothing_is_that_of_the_empty_text():
    assert text_digest(None) == text_digest("")


def test_ensure_unchanged_accepts_the_text_the_editor_started_from():
    ensure_unchanged(field="summary", stored="Before.", started_from=text_digest("Before."))


def test_ensure_unchanged_refuses_another_text_and_carries_it():
    with pytest.raises(EditConflictError) as raised:
        ensure_unchanged(field="summary", stored="Theirs.", started_from=text_digest("Before."))

    assert raised.value.stored == "Theirs."
    assert raised.value.stored_digest == text_digest("Theirs.")
    assert list(raised.value.message_dict) == ["summary"]


def test_ensure_unchanged_checks_nothing_without_a_digest():
    ensure_unchanged(field="summary", stored="Anything.", started_from=None)


def test_edit_conflict_is_a_validation_error_for_callers_that_know_no_better():
    assert issubclass(EditConflictError, ValidationError)


@pytest.mark.django_db
def test_update_intervention_refuses_a_summary_changed_since_the_editor_read_it():
    intervention = InterventionFactory(summary="Before.")
    started_from = text_digest("Before.")
    update_intervention(
        intervention=intervention,
        changes={"summary": "First."},
        by=command_line_operator(),
        started_from={"summary": started_from},
    )

    with pytest.raises(EditConflictError) as raised:
        update_intervention(
            intervention=InterventionFactory._meta.model.objects.get(pk=intervention.pk),
            changes={"summary": "Second."},
            by=command_line_operator(),
            started_from={"summary": started_from},
        )

    assert raised.value.stored == "First."
    intervention.refresh_from_db()
    assert intervention.summary == "First."


@pytest.mark.django_db
def test_update_meeting_saves_a_summary_started_from_the_stored_one():
    meeting = MeetingFactory(summary="Before.")

    update_meeting(
        meeting=meeting,
        changes={"summary": "After."},
        by=command_line_operator(),
        started_from={"summary": text_digest("Before.")},
    )

    meeting.refresh_from_db()
    assert meeting.summary == "After."


@pytest.mark.django_db
def test_update_meeting_refuses_a_summary_changed_since_and_saves_nothing():
    meeting = MeetingFactory(summary="Saved by someone else.", room="Room 1")

    with pytest.raises(EditConflictError):
        update_meeting(
            meeting=meeting,
            changes={"summary": "Mine.", "room": "Room 2"},
            by=command_line_operator(),
            started_from={"summary": text_digest("Before.")},
        )

    meeting.refresh_from_db()
    assert (meeting.summary, meeting.room) == ("Saved by someone else.", "Room 1")
