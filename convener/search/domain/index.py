"""Keeping the search's index of statements in step with the record.

Like the vectors (`vectors.py`), the index is derived from the text: it is
no one's change to the record, so these functions take no actor and write no
audit entry. When a statement or one of its translations is saved or deleted,
`statement_changed` waits for the transaction to commit, then rewrites the
statement's words at once (a few milliseconds) and queues the computing of
its vector in the background (`embed_statements`, run by `convener worker`).
`reindex` rebuilds all of it, for `convener search --reindex`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Iterator, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import QuerySet
from django_tasks import task

from convener.meetings.models import Series
from convener.records.models import Intervention
from convener.search.analysis import POSTGRES_CONFIGURATIONS, for_postgresql, terms
from convener.search.models import LANGUAGE_SLOTS, WORDS_TABLE, words_row_id
from convener.search.queries.statements import Texts, statement_texts
from convener.texts.models import TextVersion

logger = logging.getLogger(__name__)

# Statements read and written per round of `reindex`.
CHUNK = 500
# Statements embedded per background task: an import queues several, so that
# a document build queued meanwhile waits for one of them, not for all.
EMBEDDED_PER_TASK = 64
_SLOTS = {language: slot for slot, language in enumerate(POSTGRES_CONFIGURATIONS)}


def index_words(intervention_ids: Collection[int]) -> int:
    """Rewrite the words of these statements (those deleted since leave the
    index); the number of statements indexed."""
    statements = list(_statements().filter(pk__in=list(intervention_ids)))
    texts = statement_texts(statements)
    _forget(intervention_ids)
    for pk, own in texts.items():
        _write(pk, own)
    return len(statements)


def reindex(*, series: Series | None = None) -> int:
    """The words and the vectors of every statement (of one series), built
    again where they are missing or stale; the number of statements.
    Running it twice leaves the same index; for every series, it starts from
    an empty words index, so nothing of deleted statements stays."""
    from convener.search.domain.vectors import vectors_of  # NumPy: see `embed_statements`

    if series is None:
        _forget_all()
    count = 0
    for chunk in _chunks(_statements(series)):
        index_words([statement.pk for statement in chunk])
        vectors_of(chunk)
        count += len(chunk)
    return count


@task()
def embed_statements(intervention_ids: list[int]) -> None:
    """The task that computes the vectors of changed statements (`vectors_of`)."""
    # Imported here, as the search by meaning imports its vectors' module: NumPy
    # (about 15 MB) is loaded by the process that computes or compares vectors,
    # never by one that only serves pages, and not at start.
    from convener.search.domain.vectors import vectors_of

    vectors_of(_statements().filter(pk__in=intervention_ids))


def statement_changed(intervention_id: int) -> None:
    """Index the statement again once the current transaction commits (at
    once outside one). The statements changed in one transaction (an import)
    are indexed together."""
    pending = _pending_ids()
    pending.add(intervention_id)
    transaction.on_commit(_index_pending)


_pending = threading.local()


def _pending_ids() -> set[int]:
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    ids: set[int] = _pending.ids
    return ids


def _index_pending() -> None:
    """Index what changed in the transaction that just committed; the callbacks
    of its other changes find nothing left. (Ids left by a transaction rolled
    back are indexed with the next: a statement that no longer exists leaves
    the index.)"""
    ids = sorted(_pending_ids())
    _pending_ids().clear()
    if not ids:
        return
    index_words(ids)
    for start in range(0, len(ids), EMBEDDED_PER_TASK):
        embed_statements.enqueue(ids[start : start + EMBEDDED_PER_TASK])


def _statements(series: Series | None = None) -> QuerySet[Intervention]:
    statements = Intervention.objects.select_related("segment__meeting__series").order_by("pk")
    return statements.filter(segment__meeting__series=series) if series else statements


def _chunks(statements: QuerySet[Intervention]) -> Iterator[Sequence[Intervention]]:
    last = 0
    while chunk := list(statements.filter(pk__gt=last)[:CHUNK]):
        yield chunk
        last = chunk[-1].pk


def _forget(intervention_ids: Collection[int]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"DELETE FROM {WORDS_TABLE} WHERE intervention_id = ANY(%s)",
                [list(intervention_ids)],
            )
            return
        for pk in intervention_ids:
            cursor.execute(
                f"DELETE FROM {WORDS_TABLE} WHERE rowid BETWEEN %s AND %s",
                [words_row_id(pk, 0), words_row_id(pk, LANGUAGE_SLOTS - 1)],
            )


def _forget_all() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {WORDS_TABLE}")


def _write(intervention_id: int, texts: Texts) -> None:
    with connection.cursor() as cursor:
        for language, text in texts.items():
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO {WORDS_TABLE} (intervention_id, language, document)"
                    " VALUES (%s, %s, to_tsvector(%s::regconfig, %s))",
                    [intervention_id, language, *_postgresql_document(language, text)],
                )
            else:
                cursor.execute(
                    f"INSERT INTO {WORDS_TABLE} (rowid, language, terms) VALUES (%s, %s, %s)",
                    [
                        words_row_id(intervention_id, _SLOTS[language]),
                        language,
                        " ".join(terms(text, language)),
                    ],
                )


def _postgresql_document(language: str, text: str) -> tuple[str, str]:
    """The configuration and text PostgreSQL indexes: its own stemming, and
    Chinese as its character pairs."""
    configuration = POSTGRES_CONFIGURATIONS[language]
    if configuration == "simple":
        return configuration, " ".join(terms(text, language))
    return configuration, for_postgresql(text)


def connect_index_keeping() -> None:
    """Index a statement again whenever it or a translation of it is saved or
    deleted, whoever changes it: a domain function, the importer, the Django
    admin. A signal is the right tool here, as for the content revision: the
    lower apps that hold the statements must not know that search exists.
    Bulk writes send no signals; `reindex` catches up after them."""
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(_on_statement, sender=Intervention, dispatch_uid=f"search-{signal}")
        signal.connect(_on_version, sender=TextVersion, dispatch_uid=f"search-v-{signal}")


def _on_statement(sender: object, instance: Intervention, **kwargs: object) -> None:
    if not kwargs.get("raw"):
        statement_changed(instance.pk)


def _on_version(sender: object, instance: TextVersion, **kwargs: object) -> None:
    if kwargs.get("raw") or instance.field != "summary":
        return
    if ContentType.objects.get_for_id(instance.content_type_id).model_class() is Intervention:
        statement_changed(instance.object_id)
