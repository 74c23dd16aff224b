"""The UNDP focal point adds a speaker to be confirmed to a panel of the
13 July meeting (held, not reported, so its programme may still change),
then names the speaker: the public meeting page follows."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.meetings.models import Participation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PANEL_1 = re.compile(r"^Panel 1: Increasing complementary pathways")


def _speakers_of_panel_1():
    return list(
        Participation.objects.filter(
            segment__meeting__series__slug="gmg-2016",
            segment__meeting__number=3,
            segment__key="panel-1",
            role="speaker",
        ).values_list("person__key", flat=True)
    )


def test_focal_point_adds_a_tbc_speaker_and_names_them_later(live_server, held_demo_series, page):
    public_page = live_server.url + reverse("public:meeting", args=["gmg-2016", 3])
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("undp")
    page.get_by_label("Password").fill("gmg-2016-undp")
    page.get_by_role("button", name="Sign in").click()
    programme = live_server.url + reverse("manage:programme", args=["gmg-2016", 3])
    page.goto(programme)
    panel = page.get_by_role("region", name=PANEL_1)
    names = panel.locator(".programme-participant__name")

    panel.get_by_text("Add a place whose person is not named yet").click()
    panel.get_by_label("Role").last.select_option("speaker")
    panel.get_by_role("button", name=re.compile("^Add the place")).click()

    expect(page.get_by_role("status")).to_contain_text("Added TBC to “Panel 1")
    expect(names.last).to_have_text("TBC")
    assert _speakers_of_panel_1() == [None]
    page.goto(public_page)
    expect(page.get_by_text("Speaker: TBC")).to_be_visible()

    page.goto(programme)
    panel.get_by_text(re.compile("^Name the person")).click()
    panel.get_by_role("searchbox", name="Find the person").press_sequentially("Ryder")
    panel.get_by_role("button", name=re.compile(r"^Mr\. Guy Ryder")).click()

    expect(page.get_by_role("status")).to_contain_text("Guy Ryder now holds the place of TBC")
    expect(names.last).to_have_text("Mr. Guy Ryder")
    assert _speakers_of_panel_1() == ["guy-ryder"]
    page.goto(public_page)
    expect(page.get_by_text(re.compile(r"^Speaker: Mr\. Guy Ryder"))).to_be_visible()
    expect(page.get_by_text("Speaker: TBC")).to_have_count(0)
