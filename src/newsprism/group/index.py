"""Vector indexes for grouping: find an article's nearest earlier articles without comparing to all.

Two backends, chosen by `GroupSettings.ann` from `VECTOR_INDEXES`:
    usearch  approximate (HNSW), sub-quadratic; the default (see bench/RESULTS.md,
             "group: ANN index", for the measurement behind the choice);
    exact    brute-force dot products; exact, quadratic, fine below a few thousand articles.
Both take L2-normalised float32 vectors and return (key, cosine) pairs.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np


class VectorIndex(Protocol):
    def add(self, key: int, vector: np.ndarray) -> None: ...
    def search(self, vector: np.ndarray, count: int) -> list[tuple[int, float]]: ...
    def __len__(self) -> int: ...


class ExactIndex:
    """Brute-force cosine search over a growing matrix (amortised O(1) append)."""

    def __init__(self, ndim: int) -> None:
        self._matrix = np.zeros((1024, ndim), dtype=np.float32)
        self._keys = np.zeros(1024, dtype=np.int64)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, key: int, vector: np.ndarray) -> None:
        if self._size == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
            self._keys = np.concatenate([self._keys, np.zeros_like(self._keys)])
        self._matrix[self._size] = vector
        self._keys[self._size] = key
        self._size += 1

    def search(self, vector: np.ndarray, count: int) -> list[tuple[int, float]]:
        if not self._size:
            return []
        scores = self._matrix[: self._size] @ vector
        count = min(count, self._size)
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self._keys[i]), float(scores[i])) for i in top]


class UsearchIndex:
    """HNSW index from usearch, single-threaded so that results do not depend on scheduling."""

    def __init__(self, ndim: int) -> None:
        from usearch.index import Index

        # f16 storage: half the memory and about twice as fast as f32 on the generated stream, same neighbours for grouping
        self._index = Index(ndim=ndim, metric="ip", dtype="f16", connectivity=16, expansion_add=64, expansion_search=64)

    def __len__(self) -> int:
        return len(self._index)

    def add(self, key: int, vector: np.ndarray) -> None:
        self._index.add(key, vector, threads=1)

    def search(self, vector: np.ndarray, count: int) -> list[tuple[int, float]]:
        if not len(self._index):
            return []
        matches = self._index.search(vector, count, threads=1)
        # usearch "ip" reports the distance 1 - dot product
        return [(int(k), float(1.0 - d)) for k, d in zip(matches.keys, matches.distances)]


VECTOR_INDEXES = {"usearch": UsearchIndex, "exact": ExactIndex}
