"""Two chairs acting at once cannot corrupt the list of speakers.

Threads fire reorders and gives of the floor at the same instant, each on its
own database connection; afterwards every inscription is accounted for once,
the waiting ones hold places 1, 2, 3… and exactly one speaker has the floor.
"""

import random
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from convener.live.domain.floor import start_segment
from convener.live.domain.order import reorder
from convener.live.domain.requests import request_floor
from convener.live.domain.turns import give_floor
from convener.live.models import Inscription, InscriptionStatus, Level, Purpose, Turn
from convener.records.models import Capacity, Intervention
from tests.factories import GrantFactory, StateFactory
from tests.live.day import a_meeting_on_the_day, fake_bus

pytestmark = pytest.mark.django_db(transaction=True)

GIVES_PER_CHAIR = 4
REORDERS_PER_CHAIR = 4


def _wait_while_locked(execute, sql, params, many, context):
    """SQLite's in-memory test database shares one cache between connections,
    where a statement that meets another connection's lock fails at once
    ("table is locked") instead of waiting, as it does on the file database
    a server uses: here each statement waits and tries again, as SQLite's
    busy timeout would have it wait."""
    while True:
        try:
            return execute(sql, params, many, context)
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.002)


def _fire_together(actions):
    """Run the actions in threads released at the same instant; return any unexpected error."""
    barrier = threading.Barrier(len(actions))
    failures = []

    def run(action):
        try:
            with connection.execute_wrapper(_wait_while_locked):
                barrier.wait()
                action()
        except ValidationError:
            pass  # another chair was quicker: no one was left waiting
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return failures


def test_simultaneous_reorders_and_gives_of_the_floor_keep_the_list_consistent(monkeypatch):
    fake_bus(monkeypatch)
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    second_chair = GrantFactory(series=day.series, role="chair", meeting=day.meeting).user
    for number in range(12):
        state = StateFactory()
        request_floor(
            meeting=day.meeting,
            by=GrantFactory(series=day.series, role="delegation", state=state).user,
            state=state,
            capacity=Capacity.NATIONAL,
            level=Level.values[number % len(Level.values)],
            purpose=Purpose.STATEMENT,
        )
    ids = list(Inscription.objects.values_list("pk", flat=True))
    shuffle = random.Random(2016).shuffle  # noqa: S311 — a reproducible order, not a secret

    def a_reorder(chair):
        order = ids[:]
        shuffle(order)
        return lambda: reorder(meeting=day.meeting, order=order, by=chair)

    def a_give(chair):
        return lambda: give_floor(meeting=day.meeting, by=chair)

    actions = [
        *(
            a_reorder(chair)
            for chair in (day.chair, second_chair)
            for _ in range(REORDERS_PER_CHAIR)
        ),
        *(a_give(chair) for chair in (day.chair, second_chair) for _ in range(GIVES_PER_CHAIR)),
    ]
    random.Random(19).shuffle(actions)  # noqa: S311

    failures = _fire_together(actions)
    assert failures == []
    inscriptions = list(Inscription.objects.filter(meeting=day.meeting))
    assert sorted(i.pk for i in inscriptions) == sorted(ids)  # none lost, none doubled
    by_status = {status: [] for status in InscriptionStatus.values}
    for inscription in inscriptions:
        by_status[inscription.status].append(inscription)
    waiting = sorted(i.position for i in by_status[InscriptionStatus.WAITING])
    assert waiting == list(range(1, len(ids) - 2 * GIVES_PER_CHAIR + 1))
    assert len(by_status[InscriptionStatus.SPEAKING]) == 1
    assert len(by_status[InscriptionStatus.SPOKE]) == 2 * GIVES_PER_CHAIR - 1
    turns = Turn.objects.filter(meeting=day.meeting)
    assert turns.count() == 2 * GIVES_PER_CHAIR
    current = turns.get(ended_at__isnull=True)
    assert current.inscription == by_status[InscriptionStatus.SPEAKING][0]
    assert Intervention.objects.filter(segment=day.debate).count() == turns.count()
