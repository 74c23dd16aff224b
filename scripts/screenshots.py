"""Take the README's screenshots from a running Convener.

convener demo --port 8123 &  python scripts/screenshots.py http://127.0.0.1:8123
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"meeting-page.png": "/series/gmg-2016/meetings/3/"}
# Pages of the workspace, each taken signed in as a demo account.
SIGNED_IN_PAGES = {
    "programme-builder.png": (
        "undp",
        "gmg-2016-undp",
        "/manage/series/gmg-2016/meetings/3/programme/",
    ),
}
IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
VIEWPORT = {"width": 1200, "height": 1100}


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=shutil.which("chromium"),
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def take(browser, base_url: str, name: str, path: str, viewport=VIEWPORT) -> None:
    """A page as anyone reads it."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(base_url.rstrip("/") + path)
    page.screenshot(path=IMAGES / name)
    context.close()


def take_signed_in(browser, base_url: str, name: str, account: tuple[str, str, str]) -> None:
    """A page as a demo account reads it: (user name, password, path)."""
    username, password, path = account
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(base_url.rstrip("/") + "/accounts/login/?next=" + path)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**" + path)
    page.screenshot(path=IMAGES / name)
    context.close()


def main(base_url: str) -> None:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in PAGES.items():
            take(browser, base_url, name, path)
        for name, account in SIGNED_IN_PAGES.items():
            take_signed_in(browser, base_url, name, account)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
