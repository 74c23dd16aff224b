"""The UNDP focal point edits the programme of the 13 July meeting, which UNDP
co-organised, and is refused the 30 June meeting's."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.meetings.models import Participation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PANEL_1 = re.compile(r"^Panel 1: Increasing complementary pathways")


def _panel_1_in_database():
    return list(
        Participation.objects.filter(
            segment__meeting__series__slug="gmg-2016",
            segment__meeting__number=3,
            segment__key="panel-1",
        )
        .order_by("order")
        .values_list("person__family_name", flat=True)
    )


def test_focal_point_reorders_and_adds_panellists_of_13_july_only(
    live_server, held_demo_series, page
):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("undp")
    page.get_by_label("Password").fill("gmg-2016-undp")
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Workspace").first.click()
    page.get_by_role("link", name="Strengthening responsibility sharing for refugees").click()
    page.get_by_role("link", name="Programme", exact=True).click()

    panel = page.get_by_role("region", name=PANEL_1)
    names = panel.locator(".programme-participant__name")
    expect(names).to_have_text(
        ["Ajay Madiwale", "Ms. Ninette Kelley", "Ms. Anna Greene", "Professor James Milner"]
    )

    panel.get_by_role("button", name="Move up Anna Greene").click()

    expect(names).to_have_text(
        ["Ajay Madiwale", "Ms. Anna Greene", "Ms. Ninette Kelley", "Professor James Milner"]
    )
    expect(page.get_by_role("status")).to_contain_text("Moved Anna Greene to place 2")
    assert _panel_1_in_database() == ["Madiwale", "Greene", "Kelley", "Milner"]

    adding = panel.get_by_role("group", name=re.compile("^Add a participant"))
    adding.get_by_label("Speaking time").fill("10")
    adding.get_by_role("searchbox", name="Find a person").press_sequentially("mokhi")
    adding.get_by_role("button", name=re.compile("Craig Mokhiber")).click()

    expect(names).to_have_text(
        [
            "Ajay Madiwale",
            "Ms. Anna Greene",
            "Ms. Ninette Kelley",
            "Professor James Milner",
            "Mr. Craig Mokhiber",
        ]
    )
    assert _panel_1_in_database() == ["Madiwale", "Greene", "Kelley", "Milner", "Mokhiber"]
    added = Participation.objects.get(
        segment__meeting__number=3, segment__key="panel-1", person__key="craig-mokhiber"
    )
    assert (added.role, added.speaking_time) == ("panellist", 10)

    page.goto(live_server.url + reverse("manage:programme", args=["gmg-2016", 2]))

    expect(page.get_by_role("heading", level=1)).to_have_text("You may not do this")
