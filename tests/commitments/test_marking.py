import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.audit.models import AuditEntry
from convener.commitments.domain.marking import clear_mark, mark_unit
from convener.commitments.models import Mark, MarkKind, StatusNote, TrackStatus
from convener.commitments.queries.marking import statements_to_mark
from convener.meetings.models import MeetingStatus
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

POINTS = ["We will resettle 500 refugees by 2018.", "States should share responsibility."]


def rapporteur_of(meeting):
    return GrantFactory(series=meeting.series, role=Role.RAPPORTEUR, meeting=meeting).user


def test_statements_to_mark_suggest_from_each_point_and_apply_nothing():
    intervention = InterventionFactory(points=POINTS)

    [statement] = statements_to_mark(intervention.segment.meeting)

    assert [(unit.suggestion.kind, unit.mark) for unit in statement.units] == [
        ("commitment", None),
        ("recommendation", None),
    ]
    assert statement.units[0].suggestion.due_words == "by 2018"
    assert not Mark.objects.exists()


def test_a_statement_without_points_is_marked_by_the_sentences_of_its_summary():
    intervention = InterventionFactory(points=[], summary="It is hard. We pledged help.")

    [statement] = statements_to_mark(intervention.segment.meeting)

    assert [(u.source, u.text, u.suggestion.kind) for u in statement.units] == [
        ("sentence", "It is hard.", ""),
        ("sentence", "We pledged help.", "commitment"),
    ]


def test_confirming_a_commitment_defaults_to_the_delegation_and_the_point():
    intervention = InterventionFactory(points=POINTS)
    rapporteur = rapporteur_of(intervention.segment.meeting)

    mark = mark_unit(
        intervention=intervention,
        source="point",
        position=0,
        kind=MarkKind.COMMITMENT,
        due_words="by 2018",
        by=rapporteur,
    )

    assert (mark.author, mark.what, mark.due, mark.status) == (
        intervention.state,
        POINTS[0],
        "by 2018",
        TrackStatus.ANNOUNCED,
    )
    assert [(n.status, n.by) for n in StatusNote.objects.all()] == [("announced", rapporteur)]


def test_confirming_names_another_author_what_and_date():
    intervention = InterventionFactory(points=POINTS)
    unhcr = OrganisationFactory()

    mark = mark_unit(
        intervention=intervention,
        source="point",
        position=0,
        kind=MarkKind.COMMITMENT,
        author=unhcr,
        what="Resettle 500 refugees",
        due_date=datetime.date(2018, 12, 31),
        by=command_line_operator(),
    )

    assert (mark.author, mark.what, mark.due) == (unhcr, "Resettle 500 refugees", "2018-12-31")


def test_rejecting_a_suggestion_keeps_it_as_neither():
    intervention = InterventionFactory(points=POINTS)

    mark_unit(
        intervention=intervention,
        source="point",
        position=1,
        kind="neither",
        by=command_line_operator(),
    )

    [statement] = statements_to_mark(intervention.segment.meeting)
    assert statement.units[1].mark.kind == MarkKind.NEITHER
    assert statement.units[1].mark.author is None


def test_marking_again_changes_the_mark_and_clearing_removes_it():
    intervention = InterventionFactory(points=POINTS)
    operator = command_line_operator()
    mark_unit(
        intervention=intervention, source="point", position=1, kind="recommendation", by=operator
    )
    mark_unit(intervention=intervention, source="point", position=1, kind="commitment", by=operator)

    assert list(Mark.objects.values_list("kind", flat=True)) == ["commitment"]
    assert clear_mark(intervention=intervention, source="point", position=1, by=operator)
    assert not Mark.objects.exists()


def test_a_point_that_does_not_exist_is_refused():
    intervention = InterventionFactory(points=POINTS)

    with pytest.raises(ValidationError):
        mark_unit(
            intervention=intervention,
            source="point",
            position=5,
            kind="commitment",
            by=command_line_operator(),
        )


def test_what_is_limited_in_length():
    intervention = InterventionFactory(points=POINTS)

    with pytest.raises(ValidationError) as error:
        mark_unit(
            intervention=intervention,
            source="point",
            position=0,
            kind="commitment",
            what="x" * 2001,
            by=command_line_operator(),
        )
    assert "what" in error.value.message_dict


def test_a_speaker_without_a_role_may_not_mark():
    intervention = InterventionFactory(points=POINTS)

    with pytest.raises(PermissionDenied):
        mark_unit(
            intervention=intervention,
            source="point",
            position=0,
            kind="commitment",
            by=UserFactory(),
        )


def test_the_rapporteur_of_another_meeting_may_not_mark():
    intervention = InterventionFactory(points=POINTS)
    other = InterventionFactory(segment__meeting__series=intervention.segment.meeting.series)

    with pytest.raises(PermissionDenied):
        mark_unit(
            intervention=intervention,
            source="point",
            position=0,
            kind="commitment",
            by=rapporteur_of(other.segment.meeting),
        )


def test_a_reported_meeting_is_not_marked_any_more():
    intervention = InterventionFactory(
        points=POINTS, segment__meeting__status=MeetingStatus.REPORTED
    )

    with pytest.raises(PermissionDenied):
        mark_unit(
            intervention=intervention,
            source="point",
            position=0,
            kind="commitment",
            by=rapporteur_of(intervention.segment.meeting),
        )


def test_a_mark_is_in_the_series_audit_log():
    intervention = InterventionFactory(points=POINTS)

    mark_unit(
        intervention=intervention,
        source="point",
        position=0,
        kind="commitment",
        by=command_line_operator(),
    )

    assert AuditEntry.objects.filter(
        series_id=intervention.segment.meeting.series_id, target_type="commitments.Mark"
    ).exists()
