"""Take the languages guide's screenshots of Convener in Arabic, right to left.

    python scripts/arabic_screenshots.py

Writes docs/images/arabic-meeting-page.png, arabic-meeting-form.png and
arabic-projector.png. It runs a demo of its own, in a folder of its own that it
removes at the end, so that it may change what the screens need: the 13 July
2016 meeting is reported in the demo, final and its floor empty; here it is
reopened (its form may be changed again), its opening remarks under way and
its speakers on the list, the first co-chair with the floor.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from screenshots import launch, take, take_signed_in

CONVENER = Path(sys.executable).with_name("convener")
MEETING = "/ar/series/gmg-2016/meetings/3/"
MEETING_FORM = (
    "secretariat",
    "gmg-2016-secretariat",
    "/ar/manage/series/gmg-2016/meetings/3/edit/",
)
PROJECTOR = "/ar/live/series/gmg-2016/meetings/3/projector/"
PROJECTOR_VIEWPORT = {"width": 1280, "height": 720}
START_SECONDS = 60

# The floor of the meeting on the day, set by the demo's secretariat and chair.
ON_THE_DAY = """
from django.contrib.auth import get_user_model
from convener.live.domain.floor import start_segment
from convener.live.domain.requests import add_programme_speaker
from convener.live.domain.turns import give_floor
from convener.meetings.domain.workflow import reopen_meeting
from convener.meetings.models import Meeting, Participation

users = get_user_model().objects
chair = users.get(username="chair")
meeting = Meeting.objects.get(series__slug="gmg-2016", number=3)
meeting = reopen_meeting(
    meeting=meeting, by=users.get(username="secretariat"), reason="Screenshots of the projector"
)
opening = meeting.segments.order_by("order").first()
start_segment(meeting=meeting, segment=opening, by=chair)
for place in Participation.objects.filter(segment=opening).order_by("role", "order"):
    add_programme_speaker(participation=place, by=chair)
give_floor(meeting=meeting, by=chair)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 — our own demo on 127.0.0.1
            return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "CONVENER_DATA_DIR": data}
        for production in ("DATABASE_URL", "SECRET_KEY", "REDIS_URL"):
            env.pop(production, None)
        # Convener's own command, with arguments written here.
        subprocess.run([CONVENER, "demo", "--load-only"], env=env, check=True)  # noqa: S603
        subprocess.run([CONVENER, "shell", "-c", ON_THE_DAY], env=env, check=True)  # noqa: S603
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603
            [CONVENER, "demo", "--port", str(port)], env=env, stdout=subprocess.DEVNULL
        )
        try:
            _wait_until_serving(base_url + "/")
            with sync_playwright() as playwright:
                browser = launch(playwright)
                take(browser, base_url, "arabic-meeting-page.png", MEETING)
                take_signed_in(browser, base_url, "arabic-meeting-form.png", MEETING_FORM)
                take(browser, base_url, "arabic-projector.png", PROJECTOR, PROJECTOR_VIEWPORT)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=START_SECONDS)


if __name__ == "__main__":
    main()
