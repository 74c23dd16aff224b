"""The commitment tracker end to end: the rapporteur of the 13 July meeting
confirms a commitment the statement's words suggest, the secretariat sets it
delivered with a note, and the CSV download and the report's annex show it."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from convener.commitments.models import Mark
from convener.publishing.composition.documents import compose
from convener.publishing.exporters.markdown import document_as_markdown
from convener.records.models import Intervention

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLEDGE = "We will open 2,000 places for humanitarian visas by 2018."


def _sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"gmg-2016-{username}")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign in")).to_have_count(0)


def test_rapporteur_confirms_a_commitment_and_the_secretariat_follows_it(
    live_server, held_demo_series, page
):
    statement = (
        Intervention.objects.filter(
            segment__meeting__series=held_demo_series,
            segment__meeting__number=3,
            state__isnull=False,
        )
        .order_by("segment__order", "order")
        .first()
    )
    statement.points = [PLEDGE]
    statement.save()
    state = str(statement.state)

    _sign_in(page, live_server, "rapporteur")
    page.goto(live_server.url + reverse("manage:commitments_marking", args=["gmg-2016", 3]))
    unit = page.locator(f"#unit-{statement.pk}-point-0")
    expect(unit.locator(".suggestion")).to_contain_text("Suggested: a commitment")
    expect(unit.get_by_label("Due by (in words)")).to_have_value("by 2018")
    unit.get_by_label("What").fill("Open 2,000 places for humanitarian visas")
    unit.get_by_role("button", name="Confirm").click()
    unit = page.locator(f"#unit-{statement.pk}-point-0")
    expect(unit.locator(".decision")).to_contain_text(f"Confirmed: Commitment by {state}")

    _sign_in(page, live_server, "secretariat")
    page.goto(live_server.url + reverse("manage:commitments", args=["gmg-2016"]))
    mark = Mark.objects.get(intervention=statement)
    row = page.locator(f"#commitment-{mark.pk}")
    expect(row.locator(".status")).to_have_text("Announced")
    row.get_by_label("Status").select_option(label="Delivered")
    row.get_by_label("Note").fill("The visas were issued in 2017.")
    row.get_by_role("button", name="Save the status").click()
    row = page.locator(f"#commitment-{mark.pk}")
    expect(row.locator(".status")).to_have_text("Delivered")
    expect(row.locator(".status-notes")).to_contain_text("The visas were issued in 2017.")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["Author"], r["What"], r["Due by"], r["Status"]) for r in rows] == [
        (state, "Open 2,000 places for humanitarian visas", "by 2018", "Delivered")
    ]
    assert "The visas were issued in 2017." in rows[0]["Status notes"]
    assert rows[0]["Statement"].endswith(f"#statement-{statement.pk}")

    secretariat = get_user_model().objects.get(username="secretariat")
    report = document_as_markdown(
        compose(series_slug="gmg-2016", document="report", meeting_number=None, user=secretariat)
    )
    annex = report.split("Commitments and recommendations\n", 1)[1]
    assert f"**{state}** (meeting 3): Open 2,000 places for humanitarian visas." in annex
    assert "Due: by 2018. Status: delivered." in annex
    assert "The visas were issued in 2017." in annex
