"""Benchmark of rendering users' Markdown: time against size, for texts built to be slow.

Renders texts of 10 KB, 100 KB and 1 MB of each kind, the floods of the
security review and ordinary prose, as a page does (`render_markdown`: HTML,
sanitised), as a document does (`blocks_from_markdown`: the document tree)
and as plain text with UN symbols linked (`link_symbols`), and prints the
best of three runs in milliseconds. Each time should grow no faster than the
text. The last column is markdown-it-py alone on the whole text, without
Convener's limit on what the parser is given (10 and 100 KB only: it is
linear too, but slow on some floods).

    python bench/markdown [--sizes 10000,100000,1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")
os.environ.setdefault("CONVENER_DATA_DIR", tempfile.mkdtemp(prefix="convener-bench-"))
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from markdown_it import MarkdownIt  # noqa: E402

from convener.prose.markdown import link_symbols, render_markdown  # noqa: E402
from convener.publishing.document import blocks_from_markdown  # noqa: E402

PROSE = (
    "The co-Chairs opened the meeting. **Ms. Kelley** (UNHCR) recalled *resolution "
    "70/290* and the report A/70/59, and asked: [what next](https://www.un.org/)?\n\n"
    "- reception\n- protection\n\n"
)
# Each kind is a unit repeated up to the size.
KINDS = {
    "prose": PROSE,
    "[": "[",
    "![": "![",
    "*_ nested": "*_",
    "- list items": "- a\n",
    "> quotes": "> ",
    "UN symbols": "A/70/59 ",
    "<": "<",
}
UNBOUNDED_UP_TO = 100_000


def text_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def best_ms(render: Callable[[str], object], text: str, runs: int) -> float:
    times = []
    for run in range(runs):
        unique = f"{text}\n\nRun {run} {time.perf_counter_ns()}"  # never from the cache
        started = time.perf_counter()
        render(unique)
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    unbounded = MarkdownIt("commonmark", {"html": False})
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("| text | size KB | page ms | document tree ms | symbols only ms | parser alone ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, unit in KINDS.items():
        for size in sizes:
            text = text_of(unit, size)
            figures = [
                best_ms(render, text, options.runs)
                for render in (render_markdown, blocks_from_markdown, link_symbols)
            ]
            alone = f"{best_ms(unbounded.parse, text, 1):.0f}" if size <= UNBOUNDED_UP_TO else "–"
            print(
                f"| {kind} | {size / 1000:.0f} | "
                + " | ".join(f"{figure:.0f}" for figure in figures)
                + f" | {alone} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
