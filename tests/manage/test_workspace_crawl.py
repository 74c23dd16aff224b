"""Every screen of the workspace is reached by links from /manage/, by each
role that may open it, and no link leads where its reader is refused.

The crawl (`tests.manage.crawl`) follows links as each role of the world of
the permission matrix. What a role should reach is not listed here; it is
derived from the URLconf:
- a route of `manage` is a screen when it answers GET, and the roles it opens
  for are those of the permission matrix, which is itself checked against the
  URLconf and against the answers of the views (`test_permission_matrix`);
- a route of `live` is a screen when it answers an HTML page to GET; each role
  should reach it for a meeting of the demo series whose screen opens for it.
A route whose answer is a part of another page (a picker's search results,
without the page's `<main>`) is reached as that part, by htmx.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from convener.live import urls as live_urls
from convener.manage import urls as manage_urls
from tests.figures import print_figure
from tests.manage.crawl import NEVER_FOLLOWED, Crawl, crawl, route_of
from tests.manage.test_permission_matrix import CASES
from tests.manage.workspace_world import ANONYMOUS, SIGNED_IN, World, workspace_world

pytestmark = pytest.mark.django_db

# Routes reached from outside the workspace, never by one of its links.
ENTERED_FROM_OUTSIDE = {
    "manage:accept_invitation": "the link of an invitation comes in its e-mail",
}
# The pages of one route read in one crawl, at most: the hundredth statement of
# a record is linked as the first is.
PER_ROUTE = 12
# The live routes on a row of the floor (an inscription, a statement), which
# the consoles' scripts post to or read as JSON; no link leads there.
READ_BY_SCRIPTS = frozenset({"live:move", "live:skip", "live:withdraw", "live:summary"})
PLAIN_STATIC_FILES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # The pages are read once for the module, outside the settings of each test.
    with (
        override_settings(STORAGES=PLAIN_STATIC_FILES),
        workspace_world(django_db_blocker) as world,
    ):
        yield world


@pytest.fixture(scope="module")
def crawls(world, django_db_blocker, request) -> dict[str, Crawl]:
    """One crawl per role, shared by the tests of the module."""
    with django_db_blocker.unblock():
        done = {role: crawl(world.client_for(role), per_route=PER_ROUTE) for role in SIGNED_IN}
    pages = sum(len(seen.pages) for seen in done.values())
    print_figure(request, f"workspace crawl: {pages} pages read as {len(done)} roles")
    return done


def _parameters(pattern: Any) -> set[str]:
    return set(pattern.pattern.converters)


def live_screens(world: World) -> dict[str, set[str]]:
    """Each live screen, with the roles it opens for on some meeting of the demo series."""
    administrator = world.client_for("administrator")
    screens: dict[str, set[str]] = {}
    for pattern in live_urls.urlpatterns:
        route = f"live:{pattern.name}"
        if route in NEVER_FOLLOWED:
            continue
        if _parameters(pattern) != {"slug", "number"}:
            assert route in READ_BY_SCRIPTS, f"{route}: a screen the crawl does not know"
            continue
        urls = [reverse(route, args=[world.series.slug, n]) for n in sorted(world.meetings)]
        if not _is_a_page(administrator.get(urls[0])):
            continue
        if any(_is_a_page(world.client_for(ANONYMOUS).get(url)) for url in urls):
            continue  # a public page (the projector), which the public site links
        screens[route] = {
            role
            for role in SIGNED_IN
            if any(_is_a_page(world.client_for(role).get(url)) for url in urls)
        }
    return screens


def _is_a_page(response: Any) -> bool:
    return response.status_code == 200 and "html" in response.get("Content-Type", "")


@pytest.fixture(scope="module")
def live(world, django_db_blocker) -> dict[str, set[str]]:
    with django_db_blocker.unblock():
        return live_screens(world)


def _fragments(crawls: dict[str, Crawl]) -> set[str]:
    """The routes that answered a part of a page, in any crawl."""
    return {route for seen in crawls.values() for route in seen.fragments}


def expected_routes(role: str, live: dict[str, set[str]], fragments: set[str]) -> set[str]:
    manage = {
        f"manage:{case.route}" for case in CASES if "GET" in case.methods and role in case.allowed
    }
    screens = {route for route, roles in live.items() if role in roles}
    return (manage | screens) - fragments - set(ENTERED_FROM_OUTSIDE)


def test_the_live_screens_are_found_in_the_urlconf(live):
    assert {"live:chair", "live:rapporteur", "live:delegation"} <= set(live)
    assert live["live:chair"] >= {"secretariat", "chair"}
    assert "chair" not in live["live:rapporteur"]


def test_the_routes_entered_from_outside_exist():
    names = {f"manage:{pattern.name}" for pattern in manage_urls.urlpatterns}

    assert set(ENTERED_FROM_OUTSIDE) <= names


@pytest.mark.parametrize("role", sorted(SIGNED_IN))
def test_each_role_reaches_every_screen_it_may_open_by_links(crawls, live, role):
    expected = expected_routes(role, live, _fragments(crawls))

    missing = sorted(expected - crawls[role].linked)

    assert missing == []


def test_the_workspace_reaches_the_prose_of_the_report(crawls):
    assert "manage:report_text" in crawls["secretariat"].linked
    assert "manage:report_text" in crawls["rapporteur"].linked


@pytest.mark.parametrize("role", sorted(SIGNED_IN))
def test_no_link_of_the_workspace_is_refused_to_its_reader(crawls, role):
    assert crawls[role].broken == []


def test_the_chair_console_does_not_link_to_the_rapporteur_console(world, crawls):
    chair = world.client_for("chair")
    page = chair.get(reverse("live:chair", args=[world.series.slug, 3])).content.decode()

    assert reverse("live:rapporteur", args=[world.series.slug, 3]) not in page
    assert "live:rapporteur" not in {route_of(url) for url in crawls["chair"].pages}
