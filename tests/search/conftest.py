import numpy as np
import pytest

from convener.search import meaning
from convener.search.domain import vectors

_embedded: dict[str, np.ndarray] = {}


def _remembered_passages(texts):
    """The model's vectors, each text embedded once for the whole session: the
    demo's statements are embedded again by every test that loads it."""
    missing = [text for text in dict.fromkeys(texts) if text not in _embedded]
    _embedded.update(zip(missing, meaning.embed_passages(missing), strict=True))
    return np.array([_embedded[text] for text in texts], dtype=np.float32).reshape(
        len(texts), meaning.DIMENSIONS
    )


@pytest.fixture(autouse=True)
def _statements_embedded_once(monkeypatch):
    monkeypatch.setattr(vectors, "embed_passages", _remembered_passages)


@pytest.fixture
def indexed_demo(demo_series):
    """The demo series with its words and vectors indexed."""
    from convener.search.domain.index import reindex

    reindex()
    return demo_series
