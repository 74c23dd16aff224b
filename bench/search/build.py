"""Load the generated corpus into a fresh database and index it, timing each step.

Run by `python bench/search` in the benchmark's data folder and database
(its environment); prints one JSON object with the figures:

    python bench/search/build.py --statements N --series S [--embed M]

`--embed M` embeds only M statements with the model and gives every other
statement a copy of one of those vectors, stored against its own text
digest: the search then ranks N vectors as it would for real (ranking costs
the same whatever the values), while the time to embed all N is extrapolated
from the M measured. Without it every statement is embedded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--statements", type=int, default=0)
    options.add_argument("--series", type=int, default=50)
    options.add_argument("--embed", type=int, default=0, help="embed only this many (0: all)")
    options.add_argument(
        "--measure",
        type=float,
        metavar="SECONDS",
        help="instead of building: time search_statements in this process, per mode",
    )
    options.add_argument(
        "--queries",
        choices=("labelled", "fresh"),
        default="labelled",
        help="with --measure: the labelled queries in turn, or fresh ones each asked once",
    )
    arguments = options.parse_args()

    import django

    django.setup()
    if arguments.measure:
        print(json.dumps(in_process(arguments.measure, fresh=arguments.queries == "fresh")))
        return
    import load

    figures: dict[str, float | int | str] = {}
    started = time.perf_counter()
    figures.update(load.load(arguments.statements, series=arguments.series))
    figures["load_s"] = time.perf_counter() - started

    figures.update(index_words())
    figures.update(index_vectors(arguments.embed))
    print(json.dumps(figures))


def index_words() -> dict[str, float | int]:
    """The full-text index of every statement, as `reindex` builds it, without the vectors."""
    from convener.records.models import Intervention
    from convener.search.domain.index import CHUNK, index_words

    ids = list(Intervention.objects.order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    indexed = sum(index_words(ids[start : start + CHUNK]) for start in range(0, len(ids), CHUNK))
    return {"words_s": time.perf_counter() - started, "words_indexed": indexed}


def index_vectors(embed: int) -> dict[str, float | int]:
    from convener.records.models import Intervention
    from convener.search.domain.vectors import vectors_of

    interventions = Intervention.objects.filter(
        segment__meeting__series__slug__startswith="bench-s"
    )
    ids = list(interventions.order_by("pk").values_list("pk", flat=True))
    chosen = ids if not embed or embed >= len(ids) else ids[:: max(1, len(ids) // embed)][:embed]
    started = time.perf_counter()
    for start in range(0, len(chosen), 512):
        vectors_of(Intervention.objects.filter(pk__in=chosen[start : start + 512]))
    embedded_s = time.perf_counter() - started
    figures: dict[str, float | int] = {
        "embedded": len(chosen),
        "embedded_s": embedded_s,
        "vectors_s": embedded_s * len(ids) / max(1, len(chosen)),
        "vectors_extrapolated": int(len(chosen) < len(ids)),
    }
    if len(chosen) < len(ids):
        started = time.perf_counter()
        stand_ins(set(chosen), ids)
        figures["stand_ins_s"] = time.perf_counter() - started
    figures.update(vector_sizes())
    return figures


def stand_ins(embedded: set[int], ids: list[int]) -> None:
    """Every statement not embedded gets a copy of an embedded vector, against its own digest."""
    from convener.prose.editing import text_digest
    from convener.records.models import Intervention
    from convener.search.meaning import MODEL
    from convener.search.models import StatementVector
    from convener.search.queries.statements import statement_text

    sources = list(
        StatementVector.objects.filter(intervention_id__in=embedded).values_list(
            "vector", flat=True
        )
    )
    missing = [pk for pk in ids if pk not in embedded]
    for start in range(0, len(missing), 2_000):
        rows = []
        batch = Intervention.objects.filter(pk__in=missing[start : start + 2_000])
        for offset, intervention in enumerate(batch):
            rows.append(
                StatementVector(
                    intervention_id=intervention.pk,
                    vector=bytes(sources[(start + offset) % len(sources)]),
                    model=MODEL,
                    text_digest=text_digest(statement_text(intervention)),
                )
            )
        StatementVector.objects.bulk_create(rows)


def vector_sizes() -> dict[str, int]:
    from convener.search.meaning import DIMENSIONS
    from convener.search.models import StatementVector

    count = StatementVector.objects.count()
    return {"vectors": count, "vectors_bytes": count * DIMENSIONS * 4}


def in_process(seconds: float, *, fresh: bool = False) -> dict[str, dict[str, float]]:
    """p50 and p99 of `search_statements` as the public, one at a time and
    from 8 threads (no HTTP, no server): rotating through the labelled
    queries, or asking fresh questions, each once (`corpus.fresh_queries`)."""
    import yaml
    from corpus import fresh_queries

    from convener.search.queries.search import search_statements

    labelled = yaml.safe_load((Path(__file__).parent / "labelled_queries.yaml").read_text())
    texts = [entry["query"] for entry in labelled["demo"] + labelled["generated"]]
    unasked = iter(fresh_queries(30_000))
    figures = {}
    for mode in ("words", "meaning", "combined"):
        # warm: the model, the lists, and (labelled) every query's vector
        for text in texts if not fresh else texts[:1]:
            search_statements(text, mode=mode)
        for concurrency in (1, 8):
            asked = [next(unasked) for _ in range(5_000)] if fresh else texts
            figures[f"{mode}/{concurrency}"] = _timed(
                lambda text, mode=mode: search_statements(text, mode=mode),
                asked,
                seconds,
                concurrency,
            )
    return figures


def _timed(search, texts: list[str], seconds: float, concurrency: int) -> dict[str, float]:
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    durations: list[float] = []
    deadline = time.perf_counter() + seconds

    def worker(offset: int) -> None:
        index = offset
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            search(texts[index % len(texts)])
            durations.append(time.perf_counter() - started)
            index += concurrency
        connection.close()

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    durations.sort()
    return {
        "searches": len(durations),
        "p50": statistics.median(durations) * 1000,
        "p99": durations[min(len(durations) - 1, int(len(durations) * 0.99))] * 1000,
    }


if __name__ == "__main__":
    main()
