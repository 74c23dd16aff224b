"""A meeting's live event stream: the state at once, then every change, to whoever may read it."""

import asyncio
import json
import urllib.error
import urllib.request

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient
from django.urls import reverse

from convener.live import bus as live_bus
from convener.live import stream
from convener.live.bus import InProcessBus
from convener.meetings.models import MeetingStatus
from tests.factories import MeetingFactory, secretariat_of
from tests.live.events import EventStream, events_path

WAIT = 5  # seconds an event may take before a test fails


@pytest.fixture
def bus(monkeypatch):
    """A bus of this test's own, in memory."""
    fresh = InProcessBus()
    monkeypatch.setattr(live_bus, "bus", lambda: fresh)
    return fresh


@pytest.fixture
def floor_state(monkeypatch):
    """A fixed state of the floor, in place of the floor's query; returns the reads made."""
    state = {"version": 1, "speakers": ["Mexico", "Fiji"]}
    reads = []

    def live_state(meeting):
        reads.append(meeting.pk)
        return dict(state)

    monkeypatch.setattr("convener.live.queries.state.live_state", live_state)
    return reads


def events_url(meeting) -> str:
    return reverse("live:events", args=[meeting.series.slug, meeting.number])


def parse(chunk) -> dict[str, str]:
    """The fields of one server-sent event (or comment), by name."""
    text = chunk.decode() if isinstance(chunk, bytes) else chunk
    assert text.endswith("\n\n"), text
    fields = {}
    for line in text.rstrip("\n").split("\n"):
        name, _, value = line.partition(":")
        fields[name] = value.removeprefix(" ")
    return fields


def stream_events(meeting, *actions, user=None, query=""):
    """Open the stream as `user` (the public by default), read its first event,
    then for each action run it and read the next event; return the events."""

    async def scenario():
        client = AsyncClient()
        if user is not None:
            await client.aforce_login(user)
        response = await client.get(events_url(meeting) + query)
        content = response.streaming_content
        try:
            async with asyncio.timeout(WAIT):
                events = [parse(await anext(content))]
                for action in actions:
                    action()
                    events.append(parse(await anext(content)))
        finally:
            await content.aclose()
        return response, events

    return async_to_sync(scenario)()


@pytest.mark.django_db
def test_stream_sends_the_current_state_at_once(bus, floor_state):
    meeting = MeetingFactory()

    response, [first] = stream_events(meeting)

    assert response.status_code == 200
    assert first["event"] == "state"
    assert first["id"] == "1"
    assert json.loads(first["data"]) == {"version": 1, "speakers": ["Mexico", "Fiji"]}
    assert int(first["retry"]) in stream.RECONNECT_MS


@pytest.mark.django_db
def test_stream_then_sends_each_update_published_for_the_meeting(bus, floor_state):
    meeting = MeetingFactory()

    _, [_, second, third] = stream_events(
        meeting,
        lambda: live_bus.publish(meeting.pk, {"version": 2, "speakers": ["Fiji"]}),
        lambda: live_bus.publish(meeting.pk, {"version": 3, "speakers": []}),
    )

    assert (second["event"], second["id"], json.loads(second["data"])) == (
        "state",
        "2",
        {"version": 2, "speakers": ["Fiji"]},
    )
    assert json.loads(third["data"]) == {"version": 3, "speakers": []}


@pytest.fixture
def floor_with_turns(monkeypatch):
    """A state of the floor with a turn given, in place of the floor's query."""
    state = {"version": 1, "speakers": ["Fiji"], "turns": [{"speaker": "Mexico"}]}
    monkeypatch.setattr("convener.live.queries.state.live_state", lambda meeting: dict(state))
    return state


def publish_turn_of_fiji(meeting):
    update = {"version": 2, "speakers": [], "turns": [{"speaker": "Mexico"}, {"speaker": "Fiji"}]}
    return lambda: live_bus.publish(meeting.pk, update)


@pytest.mark.django_db
def test_the_rooms_screens_receive_the_floor_without_the_turns_given(bus, floor_with_turns):
    meeting = MeetingFactory()

    _, events = stream_events(meeting, publish_turn_of_fiji(meeting))

    assert [json.loads(event["data"]) for event in events] == [
        {"version": 1, "speakers": ["Fiji"]},
        {"version": 2, "speakers": []},
    ]


@pytest.mark.django_db
def test_a_desk_asks_for_the_turns_given_and_receives_them(bus, floor_with_turns):
    meeting = MeetingFactory()

    _, events = stream_events(meeting, publish_turn_of_fiji(meeting), query="?with=turns")

    assert [json.loads(event["data"])["turns"] for event in events] == [
        [{"speaker": "Mexico"}],
        [{"speaker": "Mexico"}, {"speaker": "Fiji"}],
    ]


@pytest.mark.django_db
def test_served_as_wsgi_the_rooms_stream_leaves_out_the_turns_given(client, bus, floor_with_turns):
    meeting = MeetingFactory()

    room = parse(client.get(events_url(meeting)).content)
    desk = parse(client.get(events_url(meeting) + "?with=turns").content)

    assert "turns" not in json.loads(room["data"])
    assert json.loads(desk["data"])["turns"] == [{"speaker": "Mexico"}]


@pytest.mark.django_db
def test_stream_skips_an_update_no_newer_than_what_it_sent(bus, floor_state):
    meeting = MeetingFactory()

    def late_then_new():
        live_bus.publish(meeting.pk, {"version": 1, "speakers": ["stale"]})
        live_bus.publish(meeting.pk, {"version": 2, "speakers": ["new"]})

    _, [_, next_event] = stream_events(meeting, late_then_new)

    assert json.loads(next_event["data"]) == {"version": 2, "speakers": ["new"]}


@pytest.mark.django_db
def test_stream_ignores_updates_of_other_meetings(bus, floor_state):
    meeting, other = MeetingFactory(), MeetingFactory()

    def other_then_own():
        live_bus.publish(other.pk, {"version": 9, "speakers": ["elsewhere"]})
        live_bus.publish(meeting.pk, {"version": 2, "speakers": ["here"]})

    _, [_, next_event] = stream_events(meeting, other_then_own)

    assert json.loads(next_event["data"])["speakers"] == ["here"]


@pytest.mark.django_db
def test_stream_sends_a_heartbeat_comment_when_nothing_happens(bus, floor_state, monkeypatch):
    monkeypatch.setattr(stream, "HEARTBEAT_SECONDS", 0.05)
    meeting = MeetingFactory()

    _, [_, heartbeat] = stream_events(meeting, lambda: None)

    assert heartbeat == {"": "heartbeat"}


@pytest.mark.django_db
def test_stream_asks_proxies_and_browsers_not_to_buffer_or_cache(bus, floor_state):
    meeting = MeetingFactory()

    response, _ = stream_events(meeting)

    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    assert response["X-Accel-Buffering"] == "no"


@pytest.mark.django_db
def test_stream_leaves_the_bus_when_the_screen_disconnects(bus, floor_state):
    meeting = MeetingFactory()

    stream_events(meeting)

    assert bus._subscriptions == {}


@pytest.mark.django_db
def test_stream_of_a_draft_meeting_is_not_found_for_the_public(bus, floor_state):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    async def public_request():
        return await AsyncClient().get(events_url(meeting))

    assert async_to_sync(public_request)().status_code == 404
    assert bus._subscriptions == {}


@pytest.mark.django_db
def test_stream_of_a_draft_meeting_is_open_to_the_secretariat(bus, floor_state):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    response, [first] = stream_events(meeting, user=secretariat_of(meeting.series))

    assert response.status_code == 200
    assert first["event"] == "state"


@pytest.mark.django_db
def test_stream_of_an_unknown_meeting_is_not_found(bus, floor_state):
    meeting = MeetingFactory.build(series=MeetingFactory().series, number=99)

    async def request():
        return await AsyncClient().get(events_url(meeting))

    assert async_to_sync(request)().status_code == 404


@pytest.mark.django_db
def test_stream_served_as_wsgi_sends_the_state_and_ends(client, bus, floor_state):
    meeting = MeetingFactory()

    response = client.get(events_url(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    event = parse(response.content)
    assert json.loads(event["data"]) == {"version": 1, "speakers": ["Mexico", "Fiji"]}
    assert int(event["retry"]) in stream.RECONNECT_MS


@pytest.mark.django_db
def test_stream_of_a_draft_meeting_served_as_wsgi_is_not_found(client, bus, floor_state):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    assert client.get(events_url(meeting)).status_code == 404


@pytest.mark.django_db
def test_stream_state_is_the_floor_state_of_the_meeting(bus):
    from convener.live.queries.state import live_state

    meeting = MeetingFactory()

    _, [first] = stream_events(meeting)

    assert json.loads(first["data"])["meeting"] == live_state(meeting)["meeting"]


CLOSE_LIST = """
from django.contrib.auth import get_user_model
from convener.live.domain.floor import close_list
from convener.meetings.models import Meeting

close_list(
    meeting=Meeting.objects.get(series__slug="live-series", number=1),
    by=get_user_model().objects.get(username="chair"),
)
"""


def test_served_stream_carries_a_change_to_the_screens_of_every_process(convener_server):
    server = convener_server(processes=2)
    server.create_user("chair", role="chair", series="live-series")
    path = events_path("live-series", 1)
    with EventStream(server.urls[0] + path) as first, EventStream(server.urls[1] + path) as second:
        before = [first.next_state(), second.next_state()]
        server.run_django(CLOSE_LIST)  # a third process, as a chair's request would be
        after = [first.next_state(), second.next_state()]

    assert [state["list_closed"] for state in before] == [False, False]
    assert [state["list_closed"] for state in after] == [True, True]
    assert [state["version"] for state in after] == [before[0]["version"] + 1] * 2


def test_served_stream_of_a_draft_meeting_is_not_found_for_the_public(convener_server):
    server = convener_server()

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server.url + events_path("live-series", 2))  # noqa: S310

    refused.value.close()
    assert refused.value.code == 404


@pytest.mark.django_db
def test_streams_starting_together_share_one_read_of_the_state(bus, floor_state):
    meeting = MeetingFactory()

    async def five_screens_at_once():
        client = AsyncClient()
        responses = [await client.get(events_url(meeting)) for _ in range(5)]
        contents = [response.streaming_content for response in responses]
        try:
            async with asyncio.timeout(WAIT):
                return await asyncio.gather(*(anext(content) for content in contents))
        finally:
            for content in contents:
                await content.aclose()

    firsts = async_to_sync(five_screens_at_once)()

    assert [json.loads(parse(first)["data"])["version"] for first in firsts] == [1] * 5
    assert floor_state == [meeting.pk]
