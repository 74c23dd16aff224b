"""Take the README's screenshots from a running Convener.

convener demo --port 8123 &  python scripts/screenshots.py http://127.0.0.1:8123
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"meeting-page.png": "/series/gmg-2016/meetings/3/"}
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
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
