import threading

import pytest
from playwright.sync_api import expect

from tests.chromium import chromium

# The production server in processes of its own (see tests/live/conftest.py),
# for the flows that need its event streams or its real headers.
from tests.live.conftest import _migrated_database, convener_server  # noqa: F401

REQUEST_DRAIN_SECONDS = 120
# How long a page may take to reach the state a test expects: a ceiling, not
# a wait, high enough for a machine whose cores are all busy.
PATIENCE_MS = 20_000
PLAYWRIGHT_EXPECT_DEFAULT_MS = 5_000
# The addresses axe-core has checked in this run (test_every_page_is_accessible).
pages_checked: list[str] = []


class RequestsInFlight:
    """Counts the requests the test server is still answering.

    A browser closed at the end of a test may leave a request behind (a
    reload, an htmx swap); the server thread goes on reading the database
    while the test's teardown empties it, and SQLite then refuses the flush
    ("table is locked"). Waiting until no request is in flight, whatever the
    machine's load, keeps each test's end clean.
    """

    def __init__(self, application) -> None:
        self.application = application
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            return self.application(environ, start_response)
        finally:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def wait_until_none(self) -> None:
        with self.changed:
            drained = self.changed.wait_for(lambda: self.count == 0, REQUEST_DRAIN_SECONDS)
        assert drained, f"the test server still answers {self.count} request(s)"


def _requests_in_flight(server) -> RequestsInFlight:
    httpd = server.thread.httpd
    if not isinstance(httpd.application, RequestsInFlight):
        httpd.set_app(RequestsInFlight(httpd.application))
    return httpd.application


@pytest.fixture
def live_server(live_server):
    """The session's test server; a test ends only once the server has answered everything."""
    in_flight = _requests_in_flight(live_server)
    yield live_server
    in_flight.wait_until_none()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(request, browser):
    if "live_server" in request.fixturenames:
        # Set up first so that it is torn down last: the browser closes, then
        # the server finishes what the browser left behind.
        request.getfixturevalue("live_server")
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(PATIENCE_MS)
    expect.set_options(timeout=PATIENCE_MS)
    yield page
    expect.set_options(timeout=PLAYWRIGHT_EXPECT_DEFAULT_MS)
    context.close()


def pytest_terminal_summary(terminalreporter):
    """Say how many pages axe-core checked in this run."""
    if pages_checked:
        terminalreporter.write_line(
            f"axe-core checked {len(pages_checked)} pages: WCAG 2.1 A and AA, and best practices"
        )
