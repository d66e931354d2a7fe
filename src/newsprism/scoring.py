"""Scoring: P/R/F1 for spans and the coreference cluster metrics (B-cubed, MUC, CEAF-e, CoNLL F1).

Used by the tests and by `bench/`. A clustering is a list of clusters, each an
iterable of hashable mention keys. Gold and predicted clusterings may cover
different mentions (predicted mentions): B-cubed and CEAF-e then follow the
usual CoNLL-2012 reference scorer definitions, where a mention missing from one
side scores zero for it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 (all 0..1)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_pr(cls, precision: float, recall: float) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)

    @classmethod
    def from_counts(cls, true_pos: float, predicted: float, gold: float) -> PRF:
        return cls.from_pr(true_pos / predicted if predicted else 0.0, true_pos / gold if gold else 0.0)


Clusters = Iterable[Iterable[Hashable]]


def _sets(clusters: Clusters) -> list[frozenset]:
    return [frozenset(c) for c in clusters if c]


def _index(clusters: list[frozenset]) -> dict:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _b3_one_way(key: list[frozenset], response: list[frozenset]) -> float:
    where = _index(response)
    total = sum(len(c) for c in key)
    if not total:
        return 0.0
    score = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for m in cluster:
            if m in where:
                overlaps[where[m]] = overlaps.get(where[m], 0) + 1
        score += sum(n * n for n in overlaps.values()) / len(cluster)
    return score / total


def b_cubed(gold: Clusters, predicted: Clusters) -> PRF:
    """Return B-cubed precision, recall and F1 (Bagga & Baldwin 1998)."""
    g, p = _sets(gold), _sets(predicted)
    return PRF.from_pr(_b3_one_way(p, g), _b3_one_way(g, p))


def _muc_one_way(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0.0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Clusters, predicted: Clusters) -> PRF:
    """Return MUC link-based precision, recall and F1 (Vilain et al. 1995)."""
    g, p = _sets(gold), _sets(predicted)
    rn, rd = _muc_one_way(g, p)
    pn, pd = _muc_one_way(p, g)
    return PRF.from_pr(pn / pd if pd else 0.0, rn / rd if rd else 0.0)


def ceaf_e(gold: Clusters, predicted: Clusters) -> PRF:
    """Return entity-based CEAF (phi4 similarity, optimal one-to-one alignment; Luo 2005)."""
    g, p = _sets(gold), _sets(predicted)
    if not g or not p:
        return PRF(0.0, 0.0, 0.0)
    sim = np.array([[2 * len(a & b) / (len(a) + len(b)) for b in p] for a in g])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return PRF.from_pr(total / len(p), total / len(g))


def conll_f1(gold: Clusters, predicted: Clusters) -> float:
    """Return the CoNLL-2012 score: the mean F1 of MUC, B-cubed and CEAF-e."""
    g, p = _sets(gold), _sets(predicted)
    return (muc(g, p).f1 + b_cubed(g, p).f1 + ceaf_e(g, p).f1) / 3


def span_prf(gold: Iterable[tuple], predicted: Iterable[tuple], *, overlap: float | None = None) -> PRF:
    """Return P/R/F1 of spans given as (doc, start, end[, label...]) tuples.

    With `overlap=None` a span counts only on an exact match. With a number, a
    predicted span matches a not-yet-matched gold span of the same doc (and
    label, when given) whose token-free character overlap, divided by the longer
    span, reaches `overlap` (e.g. 0.5 for lenient matching).
    """
    gold_list, pred_list = list(gold), list(predicted)
    if overlap is None:
        gs, ps = set(gold_list), set(pred_list)
        return PRF.from_counts(len(gs & ps), len(ps), len(gs))
    used: set[int] = set()
    hits = 0
    for p in pred_list:
        for i, g in enumerate(gold_list):
            if i in used or g[0] != p[0] or g[3:] != p[3:]:
                continue
            inter = min(g[2], p[2]) - max(g[1], p[1])
            if inter > 0 and inter / max(g[2] - g[1], p[2] - p[1]) >= overlap:
                used.add(i)
                hits += 1
                break
    return PRF.from_counts(hits, len(pred_list), len(gold_list))
