"""Every route of the workspace, asked by every role: allowed or refused, as the rules say.

The table below names, for each route of the `manage` namespace, how to build
its address on the demo data, the methods it answers and the roles allowed.
It is checked against the URL resolver, so a new route without a line here
fails the suite. "Allowed" means the view did its work (any answer but 403,
404 or a redirect to sign in: a form with errors counts); "refused" means 403
or 404, and for an anonymous visitor a redirect to sign in.

Each request runs in a savepoint rolled back afterwards, so one route's
change (removing a segment, revoking a role) never hides another's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from convener.manage import urls as manage_urls
from tests.figures import print_figure
from tests.manage.workspace_world import (
    ANONYMOUS,
    INVITATION_SECRET,
    OTHER_SECRETARIAT,
    ROLES,
    SIGNED_IN,
    World,
    workspace_world,
)

pytestmark = pytest.mark.django_db

# Who is allowed, by the permission a route asks.
ADMINISTRATOR = frozenset({"administrator"})
SECRETARIAT = ADMINISTRATOR | {"secretariat"}
SECRETARIAT_OF_ANY_SERIES = SECRETARIAT | {OTHER_SECRETARIAT}
OPENS_THE_SERIES = SECRETARIAT | {"undp", "rapporteur", "chair", "speaker", "mexico"}
OPENS_MEETING_3 = SECRETARIAT | {"undp", "rapporteur", "chair"}
OPENS_MEETING_2 = SECRETARIAT | {"rapporteur", "chair"}  # UNDP did not co-organise it
PROGRAMME_OF_MEETING_3 = SECRETARIAT | {"undp"}
# The planning checks name people with their gender: for those who plan.
PLANS_THE_SERIES = SECRETARIAT | {"undp"}
RECORDS = SECRETARIAT | {"rapporteur"}
SEARCHES_THE_DIRECTORY = SECRETARIAT_OF_ANY_SERIES | {"undp", "rapporteur", "chair"}
ADDS_TO_THE_DIRECTORY = SECRETARIAT_OF_ANY_SERIES | {"undp"}
# The speaker's entry is in the programme of the demo series only: its
# secretariat keeps it, not the secretariat of another series.
EDITS_THE_SPEAKER = SECRETARIAT | {"speaker"}
CONFIRMS_FOR_THE_SPEAKER = ADMINISTRATOR | {"speaker"}
EVERYONE = frozenset(ROLES)


@dataclass(frozen=True)
class Case:
    route: str
    args: Callable[[World], list[Any]]
    allowed: frozenset[str]
    methods: tuple[str, ...] = ("GET",)
    data: dict[str, Any] = field(default_factory=dict)
    variant: str = ""

    def url(self, world: World) -> str:
        return reverse(f"manage:{self.route}", args=self.args(world))

    def __str__(self) -> str:
        return f"{self.route} ({self.variant})" if self.variant else self.route


def none(world: World) -> list[Any]:
    return []


def series(world: World) -> list[Any]:
    return [world.series.slug]


def meeting(number: int) -> Callable[[World], list[Any]]:
    return lambda world: [world.series.slug, number]


def of_meeting_3(row: str, attribute: str = "pk") -> Callable[[World], list[Any]]:
    """The address of meeting 3 with the id (or key) of one of its rows."""
    return lambda world: [world.series.slug, 3, getattr(getattr(world.ours, row), attribute)]


def of_series(row: str) -> Callable[[World], list[Any]]:
    return lambda world: [world.series.slug, getattr(world.ours, row).pk]


def speaker(*rows: str) -> Callable[[World], list[Any]]:
    return lambda world: [world.ours.person.key, *(getattr(world.ours, r).pk for r in rows)]


READ_AND_WRITE = ("GET", "POST")
WRITE = ("POST",)
DOWN = {"direction": "down"}

CASES = (
    # The workspace and its series
    Case("home", none, SIGNED_IN),
    # Each finds what they may read (tests/search/test_visibility.py).
    Case("search", none, SIGNED_IN, data={"q": "pathways", "mode": "words"}),
    Case("account", none, SIGNED_IN, READ_AND_WRITE, {"language": "fr"}),
    Case("series_create", none, SECRETARIAT_OF_ANY_SERIES, READ_AND_WRITE),
    Case("series", series, OPENS_THE_SERIES),
    Case("series_edit", series, SECRETARIAT, READ_AND_WRITE),
    Case("series_status", series, SECRETARIAT, WRITE, {"transition": "unpublish"}),
    Case("concept_note", series, OPENS_THE_SERIES),
    Case("section_create", series, SECRETARIAT, READ_AND_WRITE),
    Case("meeting_section_create", meeting(3), SECRETARIAT, READ_AND_WRITE),
    Case("section_edit", of_series("series_section"), SECRETARIAT, READ_AND_WRITE),
    Case(
        "section_edit",
        of_series("meeting_section"),
        SECRETARIAT,
        READ_AND_WRITE,
        variant="a section of meeting 3",
    ),
    Case("section_delete", of_series("series_section"), SECRETARIAT, READ_AND_WRITE),
    Case("section_move", of_series("series_section"), SECRETARIAT, WRITE, DOWN),
    Case("markdown_preview", none, SIGNED_IN, WRITE, {"text": "*Draft*"}),
    # Meetings
    Case("meeting_create", series, SECRETARIAT, READ_AND_WRITE),
    Case("meeting", meeting(3), OPENS_MEETING_3, variant="meeting 3"),
    Case("meeting", meeting(2), OPENS_MEETING_2, variant="meeting 2"),
    Case("meeting_edit", meeting(3), SECRETARIAT, READ_AND_WRITE),
    Case("meeting_status", meeting(3), SECRETARIAT, WRITE, {"transition": "publish"}),
    # Meeting 1 is published and meeting 4 a draft: the steps of a meeting's life.
    Case("meeting_postpone", meeting(1), SECRETARIAT, READ_AND_WRITE),
    Case("meeting_cancel", meeting(1), SECRETARIAT, READ_AND_WRITE),
    Case("meeting_delete", meeting(4), SECRETARIAT, READ_AND_WRITE),
    Case("meeting_copy", meeting(3), SECRETARIAT, READ_AND_WRITE),
    Case("series_copy", series, SECRETARIAT, READ_AND_WRITE),
    # The programme: UNDP's focal point edits that of meeting 3, not of meeting 2
    Case("programme", meeting(3), PROGRAMME_OF_MEETING_3, variant="meeting 3"),
    Case("programme", meeting(2), SECRETARIAT, variant="meeting 2"),
    Case("programme_segment_add", meeting(3), PROGRAMME_OF_MEETING_3, WRITE, variant="meeting 3"),
    Case("programme_segment_add", meeting(2), SECRETARIAT, WRITE, variant="meeting 2"),
    Case("programme_segment", of_meeting_3("segment"), PROGRAMME_OF_MEETING_3, WRITE),
    Case("programme_segment_remove", of_meeting_3("segment"), PROGRAMME_OF_MEETING_3, WRITE),
    Case("programme_segment_move", of_meeting_3("segment"), PROGRAMME_OF_MEETING_3, WRITE, DOWN),
    Case("programme_participant_add", of_meeting_3("segment"), PROGRAMME_OF_MEETING_3, WRITE),
    Case("programme_participant", of_meeting_3("participation"), PROGRAMME_OF_MEETING_3, WRITE),
    Case("programme_place_add", of_meeting_3("segment"), PROGRAMME_OF_MEETING_3, WRITE),
    Case(
        "programme_participant_name",
        of_meeting_3("participation"),
        PROGRAMME_OF_MEETING_3,
        WRITE,
        {"q": "Greene", "find": "1"},
    ),
    Case(
        "programme_participant_remove",
        of_meeting_3("participation"),
        PROGRAMME_OF_MEETING_3,
        WRITE,
    ),
    Case(
        "programme_participant_move",
        of_meeting_3("participation"),
        PROGRAMME_OF_MEETING_3,
        WRITE,
        DOWN,
    ),
    # The directory
    Case("people_search", none, SEARCHES_THE_DIRECTORY, data={"q": "Greene"}),
    Case("organisations_search", none, SEARCHES_THE_DIRECTORY, data={"q": "UNDP"}),
    Case("person_create", none, ADDS_TO_THE_DIRECTORY, READ_AND_WRITE),
    Case("organisation_create", none, ADDS_TO_THE_DIRECTORY, READ_AND_WRITE),
    Case(
        "co_chair_representatives",
        none,
        SEARCHES_THE_DIRECTORY,
        data={"row": "co_chairs-0", "series": "gmg-2016"},
    ),
    Case("convening_group_create", none, SECRETARIAT_OF_ANY_SERIES, READ_AND_WRITE),
    # Records and the report's prose
    Case("records", meeting(3), RECORDS),
    Case("records_summary", meeting(3), RECORDS, READ_AND_WRITE),
    Case("records_segment", of_meeting_3("segment", "key"), RECORDS, READ_AND_WRITE),
    Case("records_intervention", of_meeting_3("intervention"), RECORDS, READ_AND_WRITE),
    Case("records_turn_add", meeting(3), RECORDS, WRITE),
    Case("records_turn", of_meeting_3("intervention"), RECORDS, READ_AND_WRITE),
    Case("records_turn_move", of_meeting_3("intervention"), RECORDS, WRITE, DOWN),
    Case("records_turn_remove", of_meeting_3("intervention"), RECORDS, WRITE),
    Case("records_release", meeting(3), RECORDS, WRITE),
    Case("report_text", lambda w: [w.series.slug, "introduction"], RECORDS, READ_AND_WRITE),
    # Documents and their versions
    Case("documents", series, OPENS_THE_SERIES),
    Case("document_publish", series, SECRETARIAT, WRITE, {"document": "concept-note"}),
    Case("series_document_versions", lambda w: [w.series.slug, "concept-note"], OPENS_THE_SERIES),
    Case("series_document_version", lambda w: [w.series.slug, "concept-note", 1], OPENS_THE_SERIES),
    Case(
        "series_document_differences", lambda w: [w.series.slug, "concept-note"], OPENS_THE_SERIES
    ),
    Case("meeting_document_versions", lambda w: [w.series.slug, 3, "programme"], OPENS_MEETING_3),
    Case("meeting_document_version", lambda w: [w.series.slug, 3, "programme", 1], OPENS_MEETING_3),
    Case(
        "meeting_document_differences",
        lambda w: [w.series.slug, 3, "programme"],
        OPENS_MEETING_3,
    ),
    # People, roles and invitations
    Case("series_people", series, SECRETARIAT),
    Case("invite", series, SECRETARIAT, READ_AND_WRITE),
    Case("revoke_role", of_series("grant"), SECRETARIAT, WRITE),
    Case("revoke_invitation", of_series("invitation"), SECRETARIAT, WRITE),
    # Anyone with the link may read an invitation; a visitor signs up on the page.
    Case("accept_invitation", lambda w: [INVITATION_SECRET], EVERYONE, READ_AND_WRITE),
    # A speaker's own details: the speaker, and a secretariat, which keeps the directory
    Case("my_details", speaker(), EDITS_THE_SPEAKER, READ_AND_WRITE),
    Case("confirm_participation", speaker("person_participation"), CONFIRMS_FOR_THE_SPEAKER, WRITE),
    # The secretariat's own pages
    Case("series_audit", series, SECRETARIAT),
    Case("series_review", series, PLANS_THE_SERIES),
    Case("speaker_confirmations", series, SECRETARIAT),
    Case("remind_speaker", lambda w: [w.series.slug, w.ours.person.key], SECRETARIAT, WRITE),
    Case("classification", series, SECRETARIAT, READ_AND_WRITE),
    Case("references", series, SECRETARIAT, READ_AND_WRITE),
    Case("house_style", series, SECRETARIAT, READ_AND_WRITE),
    Case("translations", series, SECRETARIAT),
    Case(
        "translation_edit",
        lambda world: [world.series.slug, "concept-note", "fr"],
        SECRETARIAT,
        READ_AND_WRITE,
    ),
    Case("convening_group_edit", series, SECRETARIAT, READ_AND_WRITE),
)


requests_made = 0


@pytest.fixture(scope="module", autouse=True)
def _report_requests(request):
    yield
    print_figure(
        request,
        f"permission matrix: {requests_made} requests, {len(CASES)} routes, {len(ROLES)} roles",
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with workspace_world(django_db_blocker) as world:
        yield world


def workspace_route_names() -> set[str]:
    return {pattern.name for pattern in manage_urls.urlpatterns}


def answer(client, method: str, url: str, data: dict[str, Any]) -> Any:
    """The response, with whatever the request changed rolled back."""
    global requests_made
    requests_made += 1
    with transaction.atomic():
        response = client.get(url, data) if method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    return response


def outcome(response) -> str:
    if response.status_code in (403, 404):
        return "refused"
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "sent to sign in"
    return "allowed"


def expected(case: Case, role: str) -> str:
    if role in case.allowed:
        return "allowed"
    return "sent to sign in" if role == ANONYMOUS else "refused"


def test_every_route_of_the_workspace_is_in_the_matrix():
    assert workspace_route_names() == {case.route for case in CASES}


def test_no_route_of_the_workspace_is_still_a_placeholder():
    # The placeholder's module may be gone once every route is real.
    unfinished = sorted(
        p.name
        for p in manage_urls.urlpatterns
        if p.callback.__module__ == "convener.manage.views.scaffold"
    )

    assert unfinished == []


@pytest.mark.parametrize("role", ROLES)
def test_each_route_allows_exactly_the_roles_it_should(world, role):
    client = world.client_for(role)
    wrong = []
    for case in CASES:
        url = case.url(world)
        for method in case.methods:
            response = answer(client, method, url, case.data)
            if outcome(response) != expected(case, role):
                wrong.append(
                    f"{method} {case}: {response.status_code}, expected {expected(case, role)}"
                )

    assert wrong == []
