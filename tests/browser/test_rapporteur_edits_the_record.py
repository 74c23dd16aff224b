"""The rapporteur edits a statement's summary in place on the record of the
13 July meeting, and meets a colleague's save of the same summary."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.records.models import Intervention

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# No request under way and no swapped content still settling.
HTMX_AT_REST = (
    "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
)


def _statements():
    return Intervention.objects.filter(
        segment__meeting__series__slug="gmg-2016", segment__meeting__number=3
    ).order_by("segment__order", "order")


def test_rapporteur_edits_a_summary_in_place_and_merges_a_colleagues_save(
    live_server, held_demo_series, page
):
    first, second = _statements()[:2]
    record = live_server.url + reverse("manage:records", args=["gmg-2016", 3])
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("rapporteur")
    page.get_by_label("Password").fill("gmg-2016-rapporteur")
    page.get_by_role("button", name="Sign in").click()
    page.goto(record)

    page.locator(f"#intervention-{first.pk}-text").get_by_role("link", name="Edit").click()
    summary = page.get_by_label("Summary of the statement")
    # Typing before htmx has taken up the form it swapped in would go unheard.
    page.wait_for_function(HTMX_AT_REST)
    summary.fill("Asked for *more* resettlement places.")
    expect(page.locator(f"#intervention-{first.pk}-preview em")).to_have_text("more")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(f"#intervention-{first.pk}-text .prose")).to_have_text(
        "Asked for more resettlement places."
    )
    expect(page.locator("#records-status")).to_contain_text("Saved")
    assert page.url == record
    first.refresh_from_db()
    assert first.summary == "Asked for *more* resettlement places."

    page.locator(f"#intervention-{second.pk}-text").get_by_role("link", name="Edit").click()
    page.get_by_label("Summary of the statement").fill("My version.")
    Intervention.objects.filter(pk=second.pk).update(summary="The colleague's version.")
    page.get_by_role("button", name="Save").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("someone else saved this text")
    expect(page.get_by_label("The text saved now")).to_have_value("The colleague's version.")
    expect(page.get_by_label("Summary of the statement")).to_have_value("My version.")
    page.get_by_label("Summary of the statement").fill("My version, and the colleague's.")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(f"#intervention-{second.pk}-text .prose")).to_have_text(
        re.compile("My version, and the colleague")
    )
    second.refresh_from_db()
    assert second.summary == "My version, and the colleague's."
