"""Changing an id in a workspace address reaches nothing: another row is refused, unchanged.

Each case is asked by a user who may use the address with its own row, so
what refuses the request is the check that the row belongs where the address
says (its meeting, its series, its person), not a missing permission.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models
from django.forms.models import model_to_dict
from django.urls import reverse

from convener.audit.models import AuditEntry
from convener.meetings.models import Segment
from tests.manage.test_permission_matrix import CASES, none
from tests.manage.workspace_world import World, workspace_world

pytestmark = pytest.mark.django_db

# What a request that reached the row would change.
TAKE_OVER = {
    "kind": "background",
    "heading": "Taken over",
    "body": "Taken over",
    "title": "Taken over",
    "text": "Taken over",
    "direction": "down",
    "role": "panellist",
    "honorific": "Dr.",
    "given_name": "Taken",
    "family_name": "Over",
}


@dataclass(frozen=True)
class Swap:
    """An address of ours with the id or key of a row from elsewhere."""

    route: str
    user: str
    args: Callable[[World], list[Any]]
    row: Callable[[World], models.Model]
    methods: tuple[str, ...] = ("POST",)

    def __str__(self) -> str:
        return self.route


def theirs(row: str) -> Callable[[World], models.Model]:
    return lambda world: getattr(world.theirs, row)


def of_meeting_2(row: str) -> Callable[[World], models.Model]:
    return lambda world: getattr(world.meeting_2, row)


def in_meeting_3(row: Callable[[World], models.Model]) -> Callable[[World], list[Any]]:
    return lambda world: [world.series.slug, 3, row(world).pk]


def in_series(row: Callable[[World], models.Model]) -> Callable[[World], list[Any]]:
    return lambda world: [world.series.slug, row(world).pk]


def segment_only_in_meeting_2(world: World) -> Segment:
    return world.meetings[2].segments.get(key="speakers")


SWAPS = (
    # A section of another series' concept note
    *(
        Swap(route, "secretariat", in_series(theirs(row)), theirs(row), ("GET", "POST"))
        for route in ("section_edit", "section_delete")
        for row in ("series_section", "meeting_section")
    ),
    Swap(
        "section_move", "secretariat", in_series(theirs("series_section")), theirs("series_section")
    ),
    # A segment or participation of another series, or of a meeting UNDP did not co-organise
    *(
        Swap(route, user, in_meeting_3(source("segment")), source("segment"))
        for route in (
            "programme_segment",
            "programme_segment_remove",
            "programme_segment_move",
            "programme_participant_add",
        )
        for user, source in (("secretariat", theirs), ("undp", of_meeting_2))
    ),
    *(
        Swap(route, user, in_meeting_3(source("participation")), source("participation"))
        for route in (
            "programme_participant",
            "programme_participant_remove",
            "programme_participant_move",
        )
        for user, source in (("secretariat", theirs), ("undp", of_meeting_2))
    ),
    # The records of another meeting
    Swap(
        "records_segment",
        "rapporteur",
        lambda world: [world.series.slug, 3, "speakers"],
        segment_only_in_meeting_2,
        ("GET", "POST"),
    ),
    *(
        Swap(
            "records_intervention",
            "rapporteur",
            in_meeting_3(source("intervention")),
            source("intervention"),
            ("GET", "POST"),
        )
        for source in (theirs, of_meeting_2)
    ),
    # A role or an invitation of another series
    Swap("revoke_role", "secretariat", in_series(theirs("grant")), theirs("grant")),
    Swap("revoke_invitation", "secretariat", in_series(theirs("invitation")), theirs("invitation")),
    # Another person's details and parts
    Swap(
        "my_details",
        "speaker",
        lambda world: [world.theirs.person.key],
        theirs("person"),
        ("GET", "POST"),
    ),
    *(
        Swap(
            "confirm_participation",
            "speaker",
            lambda world, source=source: [world.ours.person.key, source(world).pk],
            source,
        )
        for source in (theirs("person_participation"), of_meeting_2("participation"))
    ),
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with workspace_world(django_db_blocker) as world:
        yield world


def snapshot(row: models.Model) -> dict[str, Any] | None:
    fresh = type(row)._default_manager.filter(pk=row.pk).first()
    return model_to_dict(fresh) if fresh is not None else None


@pytest.mark.parametrize("swap", SWAPS, ids=str)
def test_row_of_elsewhere_in_our_address_is_refused_and_left_unchanged(world, swap):
    client = world.client_for(swap.user)
    url = reverse(f"manage:{swap.route}", args=swap.args(world))
    row = swap.row(world)
    before, log = snapshot(row), AuditEntry.objects.count()

    for method in swap.methods:
        response = client.get(url) if method == "GET" else client.post(url, TAKE_OVER)

        assert response.status_code in (403, 404), f"{method} {url}"
    assert snapshot(row) == before
    assert AuditEntry.objects.count() == log


def test_programme_person_form_refuses_a_segment_undp_does_not_organise(world):
    client = world.client_for("undp")
    segment = world.meeting_2.segment
    parts, log = segment.participations.count(), AuditEntry.objects.count()

    response = client.post(
        reverse("manage:person_create"),
        {**TAKE_OVER, "segment": segment.pk, "speaking_time": "5"},
    )

    assert response.status_code in (403, 404)
    assert segment.participations.count() == parts
    assert AuditEntry.objects.count() == log


# The same addresses with the slug of another series

NOT_OF_A_SERIES = {"accept_invitation", "my_details", "confirm_participation"}


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case.args is not none and case.route not in NOT_OF_A_SERIES],
    ids=str,
)
def test_secretariat_of_one_series_reaches_nothing_of_another(world, case):
    client = world.client_for("secretariat")
    elsewhere = dataclasses.replace(world, series=world.other_series, ours=world.theirs)
    log = AuditEntry.objects.count()

    for method in case.methods:
        url = case.url(elsewhere)
        response = client.get(url, case.data) if method == "GET" else client.post(url, case.data)

        assert response.status_code in (403, 404), f"{method} {url}"
    assert AuditEntry.objects.count() == log
