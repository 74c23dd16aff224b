"""A secretariat starts a new series: its convening group is created in
place, and its time zone picked by city."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.directory.models import ConveningGroup
from convener.meetings.models import Series

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_creates_a_convening_group_in_place_and_picks_geneva(
    live_server, demo_series, page
):
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("gmg-2016-secretariat")
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + reverse("manage:series_create"))

    page.get_by_label("Slug").fill("expert-group-2027")
    page.locator("#id_title").fill("Expert group meeting on climate mobility")
    page.get_by_role("link", name="New convening group").click()
    new_group = page.get_by_role("group", name="New convening group")
    new_group.get_by_label("Name").fill("Inter-Agency Expert Group")
    new_group.get_by_label("Acronym").fill("IAEG")
    new_group.get_by_role("button", name="Create the convening group").click()

    expect(page.get_by_role("status")).to_have_text("IAEG is created and chosen for the series.")
    expect(page.get_by_label("Convening group")).to_have_value(
        str(ConveningGroup.objects.get(acronym="IAEG").pk)
    )
    page.get_by_label("Time zone").fill("Geneva (Switzerland) — Europe/Zurich")
    page.get_by_role("button", name="Create the series").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Expert group meeting on climate mobility"
    )
    series = Series.objects.get(slug="expert-group-2027")
    assert (series.convening_group.acronym, series.timezone) == ("IAEG", "Europe/Zurich")
    assert problems == []
