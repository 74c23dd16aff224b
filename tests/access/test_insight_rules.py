"""Who reads and shapes what the records yield (Convener issue 15): the themes
of a series, the commitments and recommendations marked in its records, and
the SDG targets suggested for its statements.

Each role of series A is checked on series A, on its meeting A1 and on
series B, so that a permission reaching one series too far fails too.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.commitments.models import Mark
from convener.meetings.models import MeetingStatus
from convener.roles.models import Role
from tests.factories import (
    AdministratorFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Read and shaped per series.
SERIES_PERMISSIONS = ("series.view_themes", "series.edit_themes", "series.view_commitments")
# Part of writing a meeting's record: final once the meeting is reported.
MEETING_PERMISSIONS = ("meeting.mark_commitments", "meeting.review_sdg_targets")
# Following a commitment goes on after the meeting.
MARK_PERMISSIONS = ("commitment.track",)
INSIGHT_PERMISSIONS = SERIES_PERMISSIONS + MEETING_PERMISSIONS + MARK_PERMISSIONS

EVERYONE_OF_THE_SERIES = {("series.view_themes", "A")}
WRITES_THE_RECORD = {
    ("series.view_themes", "A"),
    ("series.view_commitments", "A"),
    ("meeting.mark_commitments", "A1"),
    ("meeting.review_sdg_targets", "A1"),
}
RUNS_THE_SERIES = WRITES_THE_RECORD | {
    ("series.edit_themes", "A"),
    ("commitment.track", "mark in A1"),
}


@pytest.fixture
def world():
    series_a, series_b = SeriesFactory(), SeriesFactory()
    meeting = MeetingFactory(series=series_a)
    intervention = InterventionFactory(segment__meeting=meeting)
    mark = Mark.objects.create(
        intervention=intervention,
        source="sentence",
        position=0,
        kind="commitment",
        excerpt="We will act.",
        what="Act.",
        author_state=intervention.state,
    )
    return {"A": series_a, "B": series_b, "A1": meeting, "mark in A1": mark}


def allowed(user, world) -> set[tuple[str, str]]:
    targets = {
        **dict.fromkeys(SERIES_PERMISSIONS, ("A", "B")),
        **dict.fromkeys(MEETING_PERMISSIONS, ("A1",)),
        **dict.fromkeys(MARK_PERMISSIONS, ("mark in A1",)),
    }
    return {
        (permission, name)
        for permission, names in targets.items()
        for name in names
        if user.has_perm(permission, world[name])
    }


def role_in_a(world, role, **narrowing):
    return GrantFactory(series=world["A"], role=role, **narrowing).user


@pytest.mark.parametrize(
    ("role", "narrowing", "expected"),
    [
        (Role.SECRETARIAT, {}, RUNS_THE_SERIES),
        (Role.RAPPORTEUR, {}, WRITES_THE_RECORD),
        (Role.FOCAL_POINT, {"organisation": "co-organiser"}, EVERYONE_OF_THE_SERIES),
        (Role.CHAIR, {}, EVERYONE_OF_THE_SERIES),
        (Role.SPEAKER, {"person": "speaker"}, EVERYONE_OF_THE_SERIES),
        (Role.DELEGATION, {"state": "own state"}, EVERYONE_OF_THE_SERIES),
        (Role.TRANSLATOR, {"language": "fr"}, EVERYONE_OF_THE_SERIES),
    ],
)
def test_each_role_of_the_series(world, role, narrowing, expected):
    made = {
        "co-organiser": OrganisationFactory,
        "speaker": PersonFactory,
        "own state": StateFactory,
    }
    narrowed = {key: made[value]() if value in made else value for key, value in narrowing.items()}

    assert allowed(role_in_a(world, role, **narrowed), world) == expected


def test_a_rapporteur_of_another_meeting_marks_nothing_in_this_one(world):
    other = MeetingFactory(series=world["A"])
    rapporteur = role_in_a(world, Role.RAPPORTEUR, meeting=other)

    assert allowed(rapporteur, world) == {
        ("series.view_themes", "A"),
        ("series.view_commitments", "A"),
    }


def test_the_site_administrator_holds_every_one_everywhere(world):
    assert allowed(AdministratorFactory(), world) == RUNS_THE_SERIES | {
        ("series.view_themes", "B"),
        ("series.edit_themes", "B"),
        ("series.view_commitments", "B"),
    }


def test_nobody_outside_the_series_holds_any(world):
    secretariat_of_b = GrantFactory(series=world["B"], role=Role.SECRETARIAT).user

    assert allowed(UserFactory(), world) == set()
    assert allowed(AnonymousUser(), world) == set()
    assert allowed(secretariat_of_b, world) == {
        (permission, "B") for permission in SERIES_PERMISSIONS
    }


def test_a_reported_meeting_closes_the_marking_but_not_the_following(world):
    secretariat = role_in_a(world, Role.SECRETARIAT)
    world["A1"].status = MeetingStatus.REPORTED
    world["A1"].save()

    assert allowed(secretariat, world) == RUNS_THE_SERIES - {
        ("meeting.mark_commitments", "A1"),
        ("meeting.review_sdg_targets", "A1"),
    }
