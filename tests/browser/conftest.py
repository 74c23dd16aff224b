import pytest

from tests.chromium import chromium

# The production server in processes of its own (see tests/live/conftest.py),
# for the flows that need its event streams or its real headers.
from tests.live.conftest import _migrated_database, convener_server  # noqa: F401


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
