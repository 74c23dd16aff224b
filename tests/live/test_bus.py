"""The bus carries every floor change to every screen: in one process, or through Redis."""

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
import uuid

import pytest

from convener.live import bus as live_bus
from convener.live.bus import PENDING_LIMIT, InProcessBus, RedisBus, Subscription
from convener.server import health
from tests.live.conftest import REDIS_URL, ROOT, _redis_available

WAIT = 5  # seconds an update may take before a test fails


async def _attached(bus, meeting_id: int, count: int = 1) -> list[Subscription]:
    subscriptions = [Subscription(meeting_id, asyncio.get_running_loop()) for _ in range(count)]
    for subscription in subscriptions:
        await bus.attach(subscription)
    return subscriptions


async def _received(subscription: Subscription, count: int) -> list[dict]:
    async with asyncio.timeout(WAIT):
        return [(await anext(subscription)).payload for _ in range(count)]


def test_in_process_every_subscriber_gets_every_update_in_order():
    bus = InProcessBus()

    async def scenario():
        subscriptions = await _attached(bus, 7, count=3)
        for version in (1, 2, 3):
            bus.publish(7, {"version": version})
        return [await _received(s, 3) for s in subscriptions]

    received = asyncio.run(scenario())

    assert received == [[{"version": 1}, {"version": 2}, {"version": 3}]] * 3


def test_in_process_subscriber_hears_only_its_meeting():
    bus = InProcessBus()

    async def scenario():
        [subscription] = await _attached(bus, 7)
        bus.publish(8, {"version": 1, "meeting": 8})
        bus.publish(7, {"version": 1, "meeting": 7})
        return await _received(subscription, 1)

    assert asyncio.run(scenario()) == [{"version": 1, "meeting": 7}]


def test_in_process_update_published_from_another_thread_reaches_the_loop():
    bus = InProcessBus()

    async def scenario():
        [subscription] = await _attached(bus, 7)
        publisher = threading.Thread(target=bus.publish, args=(7, {"version": 5}))
        publisher.start()
        publisher.join()
        return await _received(subscription, 1)

    assert asyncio.run(scenario()) == [{"version": 5}]


def test_in_process_stalled_subscriber_is_dropped_and_its_iteration_ends():
    bus = InProcessBus()

    async def scenario():
        [subscription] = await _attached(bus, 7)
        for version in range(PENDING_LIMIT + 1):
            bus.publish(7, {"version": version})
        await asyncio.sleep(0)  # the hand-off to the loop
        return [update.payload["version"] async for update in subscription]

    versions = asyncio.run(scenario())

    assert versions == list(range(PENDING_LIMIT))


def test_in_process_publish_encodes_the_payload_once_as_one_line_of_json():
    bus = InProcessBus()

    async def scenario():
        first, second = await _attached(bus, 7, count=2)
        bus.publish(7, {"version": 1, "summary": "two\nlines"})
        async with asyncio.timeout(WAIT):
            return await anext(first), await anext(second)

    first, second = asyncio.run(scenario())

    assert first is second
    assert first.data == b'{"version":1,"summary":"two\\nlines"}'


def test_publish_reaches_the_subscription_of_the_meeting(monkeypatch):
    bus = InProcessBus()
    monkeypatch.setattr(live_bus, "bus", lambda: bus)

    async def scenario():
        async with live_bus.subscription(7) as updates:
            live_bus.publish(7, {"version": 1})
            return await _received(updates, 1)

    assert asyncio.run(scenario()) == [{"version": 1}]
    assert bus._subscriptions == {}


def test_leaving_the_subscription_block_unsubscribes(monkeypatch):
    bus = InProcessBus()
    monkeypatch.setattr(live_bus, "bus", lambda: bus)

    async def scenario():
        async with live_bus.subscription(7):
            return dict(bus._subscriptions)

    assert list(asyncio.run(scenario())) == [7]
    assert bus._subscriptions == {}


def test_a_stopping_process_ends_every_open_subscription_after_its_updates(monkeypatch):
    bus = InProcessBus()
    monkeypatch.setattr(live_bus, "bus", lambda: bus)

    async def scenario():
        async with live_bus.subscription(7) as first, live_bus.subscription(8) as second:
            live_bus.publish(7, {"version": 1})
            await asyncio.sleep(0)  # the update is handed to the loop
            health.start_draining()
            try:
                async with asyncio.timeout(WAIT):
                    return [[u.payload async for u in first], [u.payload async for u in second]]
            finally:
                health.stop_draining()

    assert asyncio.run(scenario()) == [[{"version": 1}], []]
    assert live_bus._open == set()


def test_a_subscription_opened_in_a_stopping_process_ends_at_once(monkeypatch, draining):
    bus = InProcessBus()
    monkeypatch.setattr(live_bus, "bus", lambda: bus)

    async def scenario():
        async with live_bus.subscription(7) as updates, asyncio.timeout(WAIT):
            return [update async for update in updates]

    assert asyncio.run(scenario()) == []


@pytest.fixture
def redis_bus():
    _redis_available()
    bus = RedisBus(REDIS_URL, f"convener-test-{uuid.uuid4().hex[:12]}")
    yield bus
    bus.close()


def test_redis_every_subscriber_gets_every_update_in_order(redis_bus):
    async def scenario():
        subscriptions = await _attached(redis_bus, 7, count=3)
        for version in (1, 2, 3):
            redis_bus.publish(7, {"version": version})
        return [await _received(s, 3) for s in subscriptions]

    received = asyncio.run(scenario())

    assert received == [[{"version": 1}, {"version": 2}, {"version": 3}]] * 3


def test_redis_subscriber_hears_only_its_meeting_and_its_installation(redis_bus):
    neighbour = RedisBus(REDIS_URL, redis_bus.prefix + "-neighbour")

    async def scenario():
        [subscription] = await _attached(redis_bus, 7)
        neighbour.publish(7, {"version": 1, "from": "another installation"})
        redis_bus.publish(8, {"version": 1, "from": "another meeting"})
        redis_bus.publish(7, {"version": 1, "from": "the meeting"})
        return await _received(subscription, 1)

    try:
        assert asyncio.run(scenario()) == [{"version": 1, "from": "the meeting"}]
    finally:
        neighbour.close()


def test_redis_publish_without_redis_logs_and_keeps_going(caplog):
    unreachable = RedisBus("redis://127.0.0.1:9/0", "convener-test")

    unreachable.publish(7, {"version": 1})
    unreachable.close()

    assert "live update of meeting 7 not published" in caplog.text


SUBSCRIBER = textwrap.dedent(
    """\
    import asyncio, sys
    from convener.live.bus import RedisBus, Subscription

    async def main():
        bus = RedisBus(sys.argv[1], sys.argv[2])
        subscription = Subscription(7, asyncio.get_running_loop())
        await bus.attach(subscription)
        print("subscribed", flush=True)
        async for update in subscription:
            print(update.payload["version"], flush=True)
            if update.payload["version"] == 3:
                return

    asyncio.run(main())
    """
)


def test_redis_subscribers_in_two_processes_each_get_every_update(redis_bus, tmp_path):
    script = tmp_path / "subscriber.py"
    script.write_text(SUBSCRIBER)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), REDIS_URL, redis_bus.prefix],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for process in processes:
            assert process.stdout.readline().strip() == "subscribed"
        for version in (1, 2, 3):
            redis_bus.publish(7, {"version": version})
        outputs = [process.communicate(timeout=WAIT * 4)[0].split() for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    assert outputs == [["1", "2", "3"], ["1", "2", "3"]]


def test_redis_malformed_message_is_ignored_and_updates_go_on(redis_bus):
    import redis

    raw = redis.Redis.from_url(REDIS_URL)

    async def scenario():
        [subscription] = await _attached(redis_bus, 7)
        raw.publish(redis_bus.channel(7), b"not json")
        redis_bus.publish(7, {"version": 2})
        return await _received(subscription, 1)

    try:
        assert asyncio.run(scenario()) == [{"version": 2}]
    finally:
        raw.close()


def test_redis_lost_connection_ends_every_subscription_so_screens_start_afresh(redis_bus):
    import redis

    raw = redis.Redis.from_url(REDIS_URL)

    async def scenario():
        subscriptions = await _attached(redis_bus, 7, count=2)
        [listener] = [c for c in raw.client_list() if c["name"] == f"{redis_bus.prefix}:live"]
        raw.client_kill_filter(_id=listener["id"])
        async with asyncio.timeout(WAIT):
            return [[update async for update in s] for s in subscriptions]

    try:
        assert asyncio.run(scenario()) == [[], []]
    finally:
        raw.close()


def _count_framings(monkeypatch) -> list[int]:
    framed = []
    frame = live_bus.state_event

    def counted(data, version):
        framed.append(version)
        return frame(data, version)

    monkeypatch.setattr(live_bus, "state_event", counted)
    return framed


def test_in_process_many_subscribers_share_one_update_framed_once(monkeypatch):
    framed = _count_framings(monkeypatch)
    bus = InProcessBus()

    async def scenario():
        subscriptions = await _attached(bus, 7, count=500)
        bus.publish(7, {"version": 3})
        async with asyncio.timeout(WAIT):
            updates = [await anext(subscription) for subscription in subscriptions]
        return updates, [update.event for update in updates]

    updates, events = asyncio.run(scenario())

    assert all(update is updates[0] for update in updates)
    assert events[0] == b'event: state\nid: 3\ndata: {"version":3}\n\n'
    assert all(event is events[0] for event in events)
    assert framed == [3]


def test_redis_many_subscribers_of_a_process_share_one_update_framed_once(redis_bus, monkeypatch):
    framed = _count_framings(monkeypatch)

    async def scenario():
        subscriptions = await _attached(redis_bus, 7, count=500)
        redis_bus.publish(7, {"version": 4})
        async with asyncio.timeout(WAIT):
            updates = [await anext(subscription) for subscription in subscriptions]
        return updates, [update.event for update in updates]

    updates, events = asyncio.run(scenario())

    assert all(update is updates[0] for update in updates)
    assert events[0] == b'event: state\nid: 4\ndata: {"version":4}\n\n'
    assert framed == [4]
