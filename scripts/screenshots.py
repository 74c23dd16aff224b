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


def main(base_url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 1100})
        for name, path in PAGES.items():
            page.goto(base_url.rstrip("/") + path)
            page.screenshot(path=IMAGES / name)
        for name, (username, password, path) in SIGNED_IN_PAGES.items():
            context = browser.new_context(viewport={"width": 1200, "height": 1100})
            signed_in = context.new_page()
            signed_in.goto(base_url.rstrip("/") + "/accounts/login/?next=" + path)
            signed_in.fill("#id_username", username)
            signed_in.fill("#id_password", password)
            signed_in.click("button[type=submit]")
            signed_in.wait_for_url("**" + path)
            signed_in.screenshot(path=IMAGES / name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
