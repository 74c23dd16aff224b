"""How well the search finds what a person would expect: recall@10 and MRR.

Reads the labelled queries (labelled_queries.yaml), searches with each mode
(words only, meaning only, combined) as the public would, and compares the
first ten hits with the expected statements:

- recall@10: the share of a query's expected statements among its first ten
  hits, averaged over the queries;
- MRR: the mean over the queries of 1 / the rank of the first expected
  statement among the first ten hits (0 when none is there).

    python bench/search/quality.py [--generated N]

builds a fresh database (SQLite in a temporary folder; PostgreSQL when
DATABASE_URL names an empty database), loads the demo, evaluates the demo
set, then adds the first N statements of the generated corpus (1,000 by
default) and evaluates the generated set. tests/search/test_quality.py runs
the demo set.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELLED = HERE / "labelled_queries.yaml"
MODES = ("words", "meaning", "combined")
DEPTH = 10


@dataclass(frozen=True)
class Labelled:
    query: str
    kind: str
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Quality:
    queries: int
    recall: float  # recall@10, mean over the queries
    mrr: float  # mean reciprocal rank of the first expected hit in the first ten


def labelled(name: str) -> list[Labelled]:
    """The queries of one set: `demo` or `generated`."""
    entries = yaml.safe_load(LABELLED.read_text())[name]
    return [Labelled(entry["query"], entry["kind"], tuple(entry["expected"])) for entry in entries]


def quality(
    queries: Sequence[Labelled], ids: Mapping[str, int], found: Callable[[str], Sequence[int]]
) -> Quality:
    """Recall@10 and MRR of a search (`found`: ids best first) over the queries,
    whose expected statements `ids` names."""
    recalls, reciprocal_ranks = [], []
    for entry in queries:
        expected = {ids[key] for key in entry.expected}
        first = list(found(entry.query))[:DEPTH]
        recalls.append(len(expected.intersection(first)) / len(expected))
        ranks = [rank for rank, pk in enumerate(first, start=1) if pk in expected]
        reciprocal_ranks.append(1 / ranks[0] if ranks else 0.0)
    count = len(queries)
    return Quality(count, sum(recalls) / count, sum(reciprocal_ranks) / count)


def searcher(mode: str) -> Callable[[str], list[int]]:
    from convener.search.queries.search import search_statements

    def found(text: str) -> list[int]:
        results = search_statements(text, mode=mode, limit=DEPTH)  # type: ignore[arg-type]
        return [hit.intervention_id for hit in results.hits]

    return found


def demo_ids() -> dict[str, int]:
    """Intervention ids of the demo by `meeting/segment/who[#n]` (see labelled_queries.yaml)."""
    from convener.records.models import Intervention

    statements = (
        Intervention.objects.filter(segment__meeting__series__slug="gmg-2016")
        .select_related("segment__meeting", "speaker", "state", "organisation")
        .order_by("segment__meeting__number", "order")
    )
    ids: dict[str, int] = {}
    seen: dict[str, int] = defaultdict(int)
    for statement in statements:
        who = (
            statement.speaker.key
            if statement.speaker
            else statement.organisation.key
            if statement.organisation
            else statement.state.iso3
            if statement.state
            else "group"
        )
        base = f"{statement.segment.meeting.number}/{statement.segment.key}/{who}"
        seen[base] += 1
        ids[base if seen[base] == 1 else f"{base}#{seen[base]}"] = statement.pk
    return ids


def generated_ids(keys: Iterable[str]) -> dict[str, int]:
    """Intervention ids of the generated corpus by `series/meeting/segment/position`."""
    from convener.records.models import Intervention

    ids = {}
    for key in keys:
        slug, number, segment, position = key.split("/")
        ids[key] = Intervention.objects.get(
            segment__meeting__series__slug=slug,
            segment__meeting__number=int(number),
            segment__key=segment,
            order=int(position),
        ).pk
    return ids


def table(name: str, queries: Sequence[Labelled], ids: Mapping[str, int]) -> list[str]:
    """Rows of the Markdown tables: each mode over the set, then by kind of query."""
    rows = []
    searches = {mode: functools.cache(searcher(mode)) for mode in MODES}
    for mode in MODES:
        result = quality(queries, ids, searches[mode])
        rows.append(
            f"| {name} | all ({result.queries}) | {mode} | {result.recall:.2f} | {result.mrr:.2f} |"
        )
    for kind in sorted({entry.kind for entry in queries}):
        subset = [entry for entry in queries if entry.kind == kind]
        for mode in MODES:
            result = quality(subset, ids, searches[mode])
            figures = f"{result.recall:.2f} | {result.mrr:.2f}"
            rows.append(f"| {name} | {kind} ({result.queries}) | {mode} | {figures} |")
    return rows


def missed(
    queries: Sequence[Labelled], ids: Mapping[str, int], found: Callable[[str], Sequence[int]]
) -> list[str]:
    """The queries whose first ten combined hits leave out an expected statement."""
    lines = []
    for entry in queries:
        first = list(found(entry.query))[:DEPTH]
        absent = [key for key in entry.expected if ids[key] not in first]
        if absent:
            lines.append(f"  combined misses for {entry.query!r}: {', '.join(absent)}")
    return lines


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument(
        "--generated", type=int, default=1_000, help="statements of the generated set"
    )
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["CONVENER_DATA_DIR"] = data_dir
        os.environ.setdefault("SECRET_KEY", "quality-only")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")
        sys.path.insert(0, str(HERE))
        import django

        django.setup()
        from django.core.management import call_command

        from convener.search.domain.index import reindex
        from convener.server.demo import prepare_demo

        call_command("migrate", "--no-input", verbosity=0)
        prepare_demo()
        reindex()
        print("| set | queries | mode | recall@10 | MRR |")
        print("| --- | --- | --- | --- | --- |")
        demo, demo_keys = labelled("demo"), demo_ids()
        for row in table("demo", demo, demo_keys):
            print(row, flush=True)
        misses = missed(demo, demo_keys, searcher("combined"))

        import load

        generated = labelled("generated")
        load.load(arguments.generated, series=50)
        reindex()
        keys = [key for entry in generated for key in entry.expected]
        generated_keys = generated_ids(keys)
        for row in table(f"generated ({arguments.generated:,})", generated, generated_keys):
            print(row, flush=True)
        print()
        for line in misses + missed(generated, generated_keys, searcher("combined")):
            print(line)


if __name__ == "__main__":
    main()
