"""The floor lives in the database: a server killed mid-turn comes back where it was."""

import datetime
import time

import pytest

from tests.live.events import EventStream, events_path

# The chair opens the panel, puts both of its speakers on the list and gives
# the floor to the first: a turn under way, its timer running, one waiting.
MID_TURN = """
from django.contrib.auth import get_user_model
from convener.live.domain.floor import start_segment
from convener.live.domain.requests import add_programme_speaker
from convener.live.domain.turns import give_floor
from convener.meetings.models import Meeting

chair = get_user_model().objects.get(username="chair")
meeting = Meeting.objects.get(series__slug="live-series", number=1)
panel = meeting.segments.get(key="panel")
start_segment(meeting=meeting, segment=panel, by=chair)
for participation in panel.participations.order_by("-order"):
    add_programme_speaker(participation=participation, by=chair)
give_floor(meeting=meeting, by=chair)
"""


def seconds_left(state: dict) -> float:
    """What a screen shows: the limit less the time since the timer started."""
    timer = state["current"]["timer"]
    started = datetime.datetime.fromisoformat(timer["started_at"])
    now = datetime.datetime.fromisoformat(state["server_time"])
    return timer["limit"] - (now - started).total_seconds()


def test_server_killed_mid_turn_resumes_list_speaker_and_running_timer(convener_server):
    server = convener_server()
    server.create_user("chair", role="chair", series="live-series")
    server.run_django(MID_TURN)
    url = server.url + events_path("live-series", 1)
    with EventStream(url) as screen:
        before = screen.next_state()
        time.sleep(1)
        server.kill()
        server.start()
    with EventStream(url) as reconnected:
        after = reconnected.next_state()

    assert after["version"] == before["version"]
    assert after["speakers"] == before["speakers"]
    assert [s["speaker_name"] for s in after["speakers"]] == ["Dr. Lena Varga"]
    assert (
        after["current"]["speaker_name"] == before["current"]["speaker_name"] == "Mr. Tomás Reyes"
    )
    assert after["current"]["timer"]["running"] is True
    assert after["current"]["timer"]["started_at"] == before["current"]["timer"]["started_at"]
    assert 0 < seconds_left(after) <= seconds_left(before) - 1


def test_a_stopping_server_ends_its_streams_at_once_and_logs_no_error(convener_server):
    server = convener_server()
    with EventStream(server.url + events_path("live-series", 1)) as screen:
        screen.next_state()
        stopping = server.processes[0]
        stopping.terminate()  # what systemd sends on `restart`
        with pytest.raises(EOFError):
            screen.next_event()
    stopping.wait(timeout=60)

    assert stopping.returncode == 0
    log = server.log_file.read_text()
    assert "ERROR" not in log, log
    assert "Traceback" not in log, log
