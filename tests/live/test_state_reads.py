"""Streams starting together share one read of the state, but never one begun before them."""

import asyncio
import threading
from types import SimpleNamespace

from convener.live.state_reads import StateReads

WAIT = 5


class BlockingRead:
    """A read of the state that waits to be let go, counting the reads begun."""

    def __init__(self) -> None:
        self.begun = 0
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, meeting):
        self.begun += 1
        self.entered.set()
        assert self.release.wait(WAIT)
        return {"version": self.begun, "meeting": meeting.pk}


def test_streams_asking_before_the_read_begins_share_it():
    read = BlockingRead()
    read.release.set()
    reads = StateReads(read)
    meeting = SimpleNamespace(pk=7)

    async def scenario():
        return await asyncio.gather(*(reads.current(meeting) for _ in range(3)))

    states = asyncio.run(scenario())

    assert read.begun == 1
    assert [(state.payload, state.data) for state in states] == [
        ({"version": 1, "meeting": 7}, b'{"version":1,"meeting":7}')
    ] * 3


def test_stream_asking_while_a_read_is_under_way_gets_a_read_of_its_own():
    read = BlockingRead()
    reads = StateReads(read)
    meeting = SimpleNamespace(pk=7)

    async def scenario():
        early = asyncio.ensure_future(reads.current(meeting))
        await asyncio.get_running_loop().run_in_executor(None, read.entered.wait, WAIT)
        late = asyncio.ensure_future(reads.current(meeting))
        read.release.set()
        async with asyncio.timeout(WAIT):
            return await early, await late

    early, late = asyncio.run(scenario())

    assert read.begun == 2
    assert (early.version, late.version) == (1, 2)
