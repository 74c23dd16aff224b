"""Debian's Chromium driven by Playwright, for the tests that use a real browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def _executable() -> str:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; CI must run the browser tests")
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    return executable


@contextmanager
def chromium() -> Iterator[Any]:
    """A running Chromium, stopped with Playwright at the end of the block.

    Playwright's sync API keeps an event loop running in the test thread
    while it is started, where `asyncio.run` would then fail and Django
    refuses ORM calls: so it runs for one module at a time, and the ORM's
    async guard is lifted for that time only (the fixtures' ORM calls are
    synchronous and safe).
    """
    from playwright.sync_api import sync_playwright

    executable = _executable()
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous
