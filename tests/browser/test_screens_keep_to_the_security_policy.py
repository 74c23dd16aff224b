"""The main screens work under the Content-Security-Policy, on the production server:
no script, style or request of theirs is refused, and nothing fails in the console."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SERIES = "/series/live-series"
MEETING = "/series/live-series/meetings/1"
# Kept by the page itself, from its first moment: what the browser refused.
WATCH_VIOLATIONS = """
window.refused = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.refused.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""
MAKE_SUPERUSER = """
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username="secretariat").update(is_superuser=True)
"""


@pytest.fixture
def server(convener_server):
    server = convener_server()
    server.create_user("secretariat", role="secretariat", series="live-series", staff=True)
    server.run_django(MAKE_SUPERUSER)
    server.create_user("chair", role="chair", series="live-series")
    return server


class Screens:
    """Browser contexts signed in as the users given, each watching for refusals."""

    def __init__(self, browser, server):
        self.browser, self.server = browser, server
        self.contexts = []
        self.console: list[str] = []

    def open(self, username=None):
        context = self.browser.new_context(locale="en-GB")
        self.contexts.append(context)
        if username:
            session = self.server.session_cookie(username).split()[-1]
            context.add_cookies(
                [{"name": "sessionid", "value": session, "domain": "127.0.0.1", "path": "/"}]
            )
        context.add_init_script(WATCH_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        return page

    def _console(self, message):
        where = message.location.get("url", "")
        # Convener has no icon: the browser's own request for one is not the page's doing.
        if message.type in {"error", "warning"} and not where.endswith("/favicon.ico"):
            self.console.append(f"{message.type}: {message.text} ({where})")

    def refused(self, page) -> list[str]:
        return page.evaluate("window.refused")

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def screens(browser, server):
    screens = Screens(browser, server)
    yield screens
    screens.close()


def test_visitor_reads_a_meeting_page_with_nothing_refused(server, screens):
    page = screens.open()
    page.goto(server.url + MEETING + "/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Safe and regular pathways")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    assert screens.refused(page) == []
    assert screens.console == []


def test_programme_builder_searches_as_one_types_with_nothing_refused(server, screens):
    page = screens.open("secretariat")
    page.goto(server.url + "/manage" + MEETING + "/programme/")

    panel = page.get_by_role("region", name=re.compile("What works"))
    adding = panel.get_by_role("group", name=re.compile("^Add a participant"))
    adding.get_by_role("searchbox", name="Find a person").press_sequentially("reye")

    expect(adding.get_by_role("button", name=re.compile("Tomás Reyes"))).to_be_visible()
    # A form fetched into the page, and its Cancel button (the site's own script file).
    panel.get_by_role("link", name=re.compile("Create a new person")).click()
    panel.get_by_role("button", name="Not in the directory? Create a new organisation").click()
    new_organisation = panel.get_by_role("group", name="A new organisation")
    new_organisation.get_by_role("button", name="Cancel").click()
    expect(new_organisation).to_have_count(0)
    assert screens.refused(page) == []
    assert screens.console == []


def test_projector_follows_the_chair_live_with_nothing_refused(server, screens):
    chair = screens.open("chair")
    chair.goto(server.url + "/live" + MEETING + "/chair/")
    expect(chair.locator("#live-connection")).to_have_text("Live")
    projector = screens.open()
    projector.goto(server.url + "/live" + MEETING + "/projector/")
    expect(projector.locator("#live-segment")).not_to_have_text("Interactive debate")

    chair.get_by_label("Segment under way").select_option(label="Interactive debate")
    chair.get_by_role("button", name="Start this segment").click()

    expect(projector.locator("#live-segment")).to_have_text("Interactive debate")
    assert screens.refused(chair) == []
    assert screens.refused(projector) == []
    assert screens.console == []


def test_api_documentation_lists_the_operations_with_nothing_refused(server, screens):
    page = screens.open()
    page.goto(server.url + "/api/docs")

    expect(page.get_by_text("/api/organisations", exact=True).first).to_be_visible()
    assert screens.refused(page) == []
    assert screens.console == []


def test_admin_opens_an_organisation_form_with_nothing_refused(server, screens):
    page = screens.open("secretariat")
    page.goto(server.url + "/admin/directory/organisation/add/")

    expect(page.get_by_label("Website")).to_be_visible()
    page.get_by_label("Acronym").press_sequentially("UNDP")
    # The admin's own script fills the key in from the acronym.
    expect(page.get_by_label("Key")).to_have_value("undp")
    assert screens.refused(page) == []
    assert screens.console == []


def test_download_page_waits_for_the_pdf_and_saves_it_with_nothing_refused(server, screens):
    page = screens.open()
    page.goto(server.url + MEETING + "/")

    with page.expect_download(timeout=120_000) as started:
        page.locator('a[href$="/documents/programme/download/pdf/"]').click()

    with open(started.value.path(), "rb") as saved:
        assert saved.read(4) == b"%PDF"
    expect(page.get_by_role("status")).to_have_text("The file is ready; your browser saves it now.")
    assert screens.refused(page) == []
    assert screens.console == []
