"""A visitor whose browser asks for French reads the site in French, then
chooses English at the top of the page, and English stays."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PATIENCE_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def french_page(live_server, browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    yield page
    context.close()


def test_visitor_reads_in_french_then_chooses_english(live_server, demo_series, french_page):
    page = french_page
    page.goto(live_server.url)

    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    site = page.get_by_role("navigation", name="Site")
    expect(site.get_by_role("link", name="Séries de réunions")).to_be_visible()

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("link", name=demo_series.title).first.click()

    expect(page).to_have_url(
        re.compile(rf"^{re.escape(live_server.url)}/series/{demo_series.slug}/$")
    )
    expect(page.locator("html")).to_have_attribute("lang", "en")
    site = page.get_by_role("navigation", name="Site")
    expect(site.get_by_role("link", name="Meeting series")).to_be_visible()
