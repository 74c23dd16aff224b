"""The meeting on the day, in real browsers against the real server.

A delegate asks for the floor from a phone; the chair sees the request
arrive without reloading and gives the floor; the projector shows the
speaker and a running timer; the rapporteur's summary, typed while the
delegate speaks, is in the records afterwards: through a dropped connection
and a reload.
"""

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.live.conftest import clock_seconds, debate_under_way

pytestmark = pytest.mark.browser

SERIES = Path(__file__).with_name("data") / "floor-series.yaml"
MEETING = "/live/series/floor-series/meetings/1"
SUMMARY = "Mexico called for skills partnerships that recognise qualifications."

SUMMARY_OF = """
import json
from convener.records.models import Intervention
print(json.dumps([
    {"state": i.state.iso3 if i.state else None, "summary": i.summary, "segment": i.segment.key}
    for i in Intervention.objects.filter(segment__meeting__series__slug="floor-series")
]))
"""


@pytest.fixture
def server(convener_server):
    server = convener_server(SERIES)
    server.create_user("chair", role="chair", series="floor-series")
    server.create_user("rapporteur", role="rapporteur", series="floor-series")
    server.create_user("mexico", role="delegation", series="floor-series", state="MEX")
    return server


def test_a_request_from_a_phone_reaches_the_chair_the_projector_and_the_records(server, screen):
    chair, projector = debate_under_way(server, screen, MEETING)

    phone = screen("mexico", viewport={"width": 390, "height": 844})
    phone.goto(server.url + MEETING + "/floor/")
    phone.get_by_label("Minister", exact=True).check()
    phone.get_by_label("Name of the speaker").fill("H.E. Ms. Ana Ruiz")
    phone.get_by_role("button", name="Request the floor").click()
    expect(phone.locator("#live-message")).to_have_text("You are on the list of speakers.")
    expect(phone.locator("#live-mine")).to_contain_text("Place 1 of 1")

    # The chair never reloads: the request arrives through the event stream.
    speakers = chair.locator("#live-speakers")
    expect(speakers).to_contain_text("Mexico — H.E. Ms. Ana Ruiz")
    expect(speakers).to_contain_text("Minister")
    expect(speakers).to_contain_text("first time")
    chair.get_by_role("button", name="Give the floor: Mexico — H.E. Ms. Ana Ruiz").click()
    expect(chair.locator("#live-current")).to_contain_text("Mexico")

    expect(projector.locator("#live-who")).to_have_text("Mexico")
    expect(projector.locator("#live-name")).to_have_text("H.E. Ms. Ana Ruiz")
    expect(projector.locator("#live-capacity")).to_contain_text("in national capacity")
    timer = projector.locator("#live-timer")
    expect(timer).to_have_text(re.compile(r"^[23]:\d\d$"))
    first = clock_seconds(timer.inner_text())
    projector.wait_for_timeout(2_200)
    assert clock_seconds(timer.inner_text()) <= first - 2  # it runs, on the projector's own clock
    expect(phone.locator("#live-mine")).to_contain_text("You have the floor")

    rapporteur = screen("rapporteur")
    rapporteur.goto(server.url + MEETING + "/rapporteur/")
    expect(rapporteur.get_by_label("Summary of")).to_contain_text("Mexico")
    summary = rapporteur.get_by_label("Summary (Markdown)")
    expect(summary).to_be_enabled()
    summary.fill(SUMMARY)
    summary.blur()
    expect(rapporteur.locator("#live-save-status")).to_have_text(
        re.compile(r"^Saved at \d\d:\d\d:\d\d")
    )

    # The connection drops while the rapporteur adds a sentence: the text
    # waits on the device and goes as soon as the connection is back.
    rapporteur.context.set_offline(True)
    summary.fill(f"{SUMMARY} It offered to host the next meeting.")
    summary.blur()
    expect(rapporteur.locator("#live-save-status")).to_contain_text("Not saved yet")
    rapporteur.context.set_offline(False)
    expect(rapporteur.locator("#live-save-status")).to_have_text(re.compile(r"^Saved at "))

    records = json.loads(server.run_django(SUMMARY_OF).splitlines()[-1])
    assert records == [
        {
            "state": "MEX",
            "segment": "debate",
            "summary": f"{SUMMARY} It offered to host the next meeting.",
        }
    ]
    rapporteur.reload()
    expect(rapporteur.get_by_label("Summary (Markdown)")).to_have_value(
        f"{SUMMARY} It offered to host the next meeting."
    )


START_DEBATE = """
from django.contrib.auth import get_user_model
from convener.live.domain.floor import start_segment
from convener.meetings.models import Meeting

meeting = Meeting.objects.get(series__slug="floor-series", number=1)
start_segment(
    meeting=meeting,
    segment=meeting.segments.get(key="debate"),
    by=get_user_model().objects.get(username="chair"),
)
"""


def test_projector_whose_stream_opens_after_a_change_it_missed_shows_the_change(server, screen):
    projector = screen(viewport={"width": 1280, "height": 720})
    streams = []
    projector.route("**/events/", lambda route: streams.append(route))  # held: see below
    projector.goto(server.url + MEETING + "/projector/")
    expect(projector.locator("#live-segment")).to_have_text("The meeting has not started.")
    while not streams:  # the page asks for its stream once its scripts run
        projector.wait_for_event("request", timeout=15_000)

    # The chair starts the segment between the page's state and its stream:
    # the update goes out (in another process) before the stream listens.
    server.run_django(START_DEBATE)
    streams[0].continue_()

    expect(projector.locator("#live-segment")).to_have_text("Interactive debate")


def test_projector_whose_stream_fails_before_its_first_state_reads_the_change(server, screen):
    projector = screen(viewport={"width": 1280, "height": 720})
    failed = []

    def cut(route):  # every attempt of the stream dies on the network
        failed.append(route.request.url)
        route.abort()

    projector.route("**/events/", cut)
    projector.goto(server.url + MEETING + "/projector/")
    expect(projector.locator("#live-segment")).to_have_text("The meeting has not started.")
    while not failed:
        projector.wait_for_event("requestfailed", timeout=15_000)

    server.run_django(START_DEBATE)  # no stream listens: the update is missed

    expect(projector.locator("#live-segment")).to_have_text("Interactive debate", timeout=15_000)


def test_projector_refused_by_a_restarting_proxy_opens_its_stream_again_at_once(server, screen):
    projector = screen(viewport={"width": 1280, "height": 720})
    attempts = []

    def restarting(route):  # the proxy answers 502 twice, then the stream is held
        attempts.append(route)
        if len(attempts) <= 2:
            route.fulfill(status=502, content_type="text/html", body="<h1>502 Bad Gateway</h1>")

    projector.route("**/events/", restarting)
    projector.goto(server.url + MEETING + "/projector/")
    # A refused stream is not retried by the browser itself: the page opens it
    # again after half a second, then a second (not after the 30 s of before).
    deadline = time.monotonic() + 10
    while len(attempts) < 3:
        assert time.monotonic() < deadline, f"the stream was opened {len(attempts)} times"
        projector.wait_for_timeout(100)  # the page's requests reach `restarting` meanwhile

    server.run_django(START_DEBATE)
    attempts[2].continue_()

    expect(projector.locator("#live-segment")).to_have_text("Interactive debate")
    expect(projector.locator("#live-connection")).to_have_text("")
