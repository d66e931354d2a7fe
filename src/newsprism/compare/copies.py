"""Near-copies: which articles reproduce one text (a wire story), so they count as one source.

Two articles are near-copies when a large share of the shorter one's sentences reappear,
nearly word for word, in the other. Sentences are compared by MinHash (datasketch) over
word 3-shingles; sentences that are mostly quotation are left out, since two outlets
quoting one remark verbatim are still two reports.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.compare.views import ClaimView
from newsprism.models import CopyRelation, CleanArticle

NUM_PERM = 64


def _shingles(text: str, size: int = 3) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i: i + size]).encode() for i in range(len(words) - size + 1)}


def find_copies(articles: list[CleanArticle], views: list[ClaimView], sentence_jaccard: float, article_share: float) -> list[CopyRelation]:
    """Return the copy relations among the story's articles.

    `sentence_jaccard`: estimated Jaccard of word 3-shingles above which two sentences are one
    text; `article_share`: share of the shorter article's sentences that must reappear.
    """
    by_article: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        if v.quoted_share < 0.5:
            by_article[v.article_id].append(v)
    lsh = MinHashLSH(threshold=sentence_jaccard, num_perm=NUM_PERM)
    keys, shingle_sets = [], []
    for v in views:
        if v.quoted_share >= 0.5:
            continue
        sh = _shingles(v.claim.text)
        if len(sh) < 4:
            continue
        keys.append(f"{v.index}")
        shingle_sets.append(list(sh))
    # One permutation set for all sentences: a MinHash built alone draws its own each time.
    hashes: dict[str, MinHash] = dict(zip(keys, MinHash.bulk(shingle_sets, num_perm=NUM_PERM, seed=1)))
    for key, mh in hashes.items():
        lsh.insert(key, mh)
    view_by_key = {str(v.index): v for v in views}
    shared: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for key, mh in hashes.items():
        v = view_by_key[key]
        for other in lsh.query(mh):
            w = view_by_key[other]
            if w.article_id == v.article_id or mh.jaccard(hashes[other]) < sentence_jaccard:
                continue
            pair = tuple(sorted((v.article_id, w.article_id)))
            shared[pair][v.article_id].add(v.index)
    order = {a.id: (a.published or "9999", i) for i, a in enumerate(articles)}
    relations: list[CopyRelation] = []
    for (a, b), hits in sorted(shared.items()):
        n_a, n_b = len(by_article[a]), len(by_article[b])
        shorter = a if n_a <= n_b else b
        n_short = max(1, min(n_a, n_b))
        share = len(hits[shorter]) / n_short
        if share < article_share or len(hits[shorter]) < 2:
            continue
        original, copy = (a, b) if order[a] <= order[b] else (b, a)
        relations.append(CopyRelation(article_id=copy, copy_of=original, similarity=round(float(np.clip(share, 0, 1)), 3)))
    return relations


def independent_groups(article_ids: list[str], sources: dict[str, str], copies: list[CopyRelation]) -> dict[str, str]:
    """Map each article to its independent-source key: its outlet, with near-copies joined."""
    parent = {a: sources[a] for a in article_ids}
    root: dict[str, str] = {}

    def find(x: str) -> str:
        while root.get(x, x) != x:
            x = root[x]
        return x

    for rel in copies:
        if rel.article_id in parent and rel.copy_of in parent:
            ra, rb = find(parent[rel.article_id]), find(parent[rel.copy_of])
            if ra != rb:
                root[max(ra, rb)] = min(ra, rb)
    return {a: find(s) for a, s in parent.items()}
