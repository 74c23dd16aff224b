"""The statements a search may return: those the reader may read, narrowed by
the filters, listed once per content revision rather than once per search.

Listing the ids of 100,000 readable statements costs about 90 ms of SQL, more
than ranking them by meaning; joining that listing to the words index made a
broad search by words four times slower. Both rankings narrow their matches
to the kept list instead. The list changes only when the data does (a
record released or withdrawn, a statement added, a meeting's status changed),
and every such change raises the content revision
(`meetings.domain.revision`), which the public page cache is keyed by too.
What a reader may read depends on the data and on two facts about the reader
alone (`meetings.queries.visibility`): whether they read every draft, and
which series' drafts their grants let them read. So the list is kept per
(revision, those facts, filters): the public shares one list, and so do the
users whose grants open the same series. A grant given or taken away changes
the second fact, read afresh for every search, so it never waits for the
revision.

Not kept, and listed by the database each time:
- inside a transaction (a test, a command writing as it searches): its own
  changes have not raised the revision yet;
- with a theme filter: themes live outside the apps whose changes raise the
  revision.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import QuerySet

from convener.audit.actors import AnyUser
from convener.meetings.domain.revision import current_revision
from convener.meetings.queries.visibility import draft_series_read_by, reads_every_draft
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions
from convener.search.queries.filters import SearchFilters

if TYPE_CHECKING:
    # NumPy is loaded by the first search by meaning, not when a server starts.
    import numpy as np
    import numpy.typing as npt

    Ids = npt.NDArray[np.int64]

# Lists kept per process: the public's and each set of grants, with and
# without filters. 100,000 ids are 800 kB.
KEPT_LISTS = 64


def candidates(reader: AnyUser, filters: SearchFilters) -> QuerySet[Intervention]:
    """The statements the reader may read that the filters keep, as a query."""
    return visible_interventions(reader).filter(filters.as_q())


def candidate_ids(reader: AnyUser, filters: SearchFilters) -> Ids:
    """The ids (sorted, read-only) of `candidates`, from memory when the data
    has not changed since they were listed for a reader who may read the same."""
    if connection.in_atomic_block or filters.theme is not None:
        return _listed(reader, filters)
    # The revision is read before the list: a change committed between the
    # two is at worst listed under the older revision, which no later search
    # asks for.
    key = (current_revision(), _what_reader_reads(reader), filters)
    kept = _KEPT.get(key)
    return kept if kept is not None else _KEPT.put(key, _listed(reader, filters))


def _what_reader_reads(reader: AnyUser) -> Hashable:
    """The facts about the reader that `visible_interventions` depends on."""
    return "every draft" if reads_every_draft(reader) else draft_series_read_by(reader)


def _listed(reader: AnyUser, filters: SearchFilters) -> Ids:
    import numpy as np

    rows = candidates(reader, filters).order_by("pk").values_list("pk", flat=True)
    ids = np.fromiter(rows.iterator(chunk_size=10_000), dtype=np.int64)
    ids.setflags(write=False)
    return ids


class _KeptLists:
    """The last `KEPT_LISTS` lists used, shared by the threads of a process."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._lists: OrderedDict[Hashable, Ids] = OrderedDict()

    def get(self, key: Hashable) -> Ids | None:
        with self._lock:
            ids = self._lists.get(key)
            if ids is not None:
                self._lists.move_to_end(key)
            return ids

    def put(self, key: Hashable, ids: Ids) -> Ids:
        with self._lock:
            self._lists[key] = ids
            self._lists.move_to_end(key)
            while len(self._lists) > self._size:
                self._lists.popitem(last=False)
        return ids

    def clear(self) -> None:
        with self._lock:
            self._lists.clear()


_KEPT = _KeptLists(KEPT_LISTS)


def forget_candidate_lists() -> None:
    """Drop every kept list (tests, whose data is rolled back under one revision)."""
    _KEPT.clear()
