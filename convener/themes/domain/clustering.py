"""Grouping statements by meaning: agglomerative clustering with average
linkage over the cosine similarity of their vectors, in NumPy.

Sentence vectors of one model share a common direction (any two texts are
fairly similar), so that direction is taken away before the comparison
(the caller says which: the themes take the mean of the SDG targets' texts,
a fixed background of policy language): what is left is what sets each
statement apart. The two most
similar groups merge, again and again, until no two groups are similar
enough (`threshold`); the order of the input decides ties, so the same
statements give the same themes.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def clusters(
    vectors: npt.NDArray[np.float32],
    *,
    threshold: float,
    smallest: int = 2,
    centre: npt.NDArray[np.float32] | None = None,
) -> list[list[int]]:
    """Groups of row indices, largest first; groups smaller than `smallest`
    are left out (a statement alike to no other is in no theme). `centre`:
    the common direction to take away, by default the rows' own mean."""
    count = len(vectors)
    if count < max(smallest, 2):
        return []
    centred = np.asarray(vectors, dtype=np.float64)
    centred = centred - (centred.mean(axis=0) if centre is None else centre)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    centred = centred / np.where(norms > 0, norms, 1.0)
    similarity = centred @ centred.T
    np.fill_diagonal(similarity, -np.inf)
    sizes = np.ones(count)
    members: list[list[int]] = [[index] for index in range(count)]
    for _ in range(count - 1):
        first, second = divmod(int(np.argmax(similarity)), count)
        if similarity[first, second] < threshold:
            break
        first, second = min(first, second), max(first, second)
        # Average linkage: the similarity of the merged group to any other is
        # the size-weighted mean of its two parts' similarities to it.
        merged = (sizes[first] * similarity[first] + sizes[second] * similarity[second]) / (
            sizes[first] + sizes[second]
        )
        similarity[first, :] = merged
        similarity[:, first] = merged
        similarity[first, first] = -np.inf
        similarity[second, :] = -np.inf
        similarity[:, second] = -np.inf
        sizes[first] += sizes[second]
        members[first].extend(members[second])
        members[second] = []
    groups = [sorted(group) for group in members if len(group) >= smallest]
    return sorted(groups, key=lambda group: (-len(group), group[0]))
