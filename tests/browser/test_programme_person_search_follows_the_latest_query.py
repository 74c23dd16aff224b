"""The UNDP focal point searches the directory twice in the same "Add a
participant" box: the second answer replaces the first, so that the person
picked is the one asked for. The 13 July meeting is held, not reported, so
that its programme may still change."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PANEL_1 = re.compile(r"^Panel 1: Increasing complementary pathways")
# What htmx logs when a request is aborted because a newer one replaced it.
SUPERSEDED = ("htmx:afterRequest", "htmx:sendAbort")


def test_programme_person_search_shows_ryder_after_an_earlier_search(
    live_server, held_demo_series, page
):
    problems = []

    def note(message):
        # The test server has no favicon: its 404 is no failure of the page. A
        # search still under way when the next one starts is aborted, and htmx
        # logs the abort as an error: that is the latest query winning.
        if (
            message.type == "error"
            and not message.location["url"].endswith("/favicon.ico")
            and not message.text.startswith(SUPERSEDED)
        ):
            problems.append(message.text)

    page.on("console", note)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("undp")
    page.get_by_label("Password").fill("gmg-2016-undp")
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + reverse("manage:programme", args=["gmg-2016", 3]))

    adding = page.get_by_role("region", name=PANEL_1).get_by_role(
        "group", name=re.compile("^Add a participant")
    )
    search = adding.get_by_role("searchbox", name="Find a person")
    found = adding.locator(".directory-results__list").get_by_role("button")
    search.press_sequentially("mokhi")
    expect(found).to_have_text([re.compile(r"^Mr\. Craig Mokhiber")])

    search.clear()
    search.press_sequentially("Ryder")

    expect(found).to_have_text([re.compile(r"^Mr\. Guy Ryder — Director-General")])
    expect(adding.get_by_text("One person found.")).to_be_visible()
    assert problems == []
