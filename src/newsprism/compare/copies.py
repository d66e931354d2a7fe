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

from newsprism import outlet_names
from newsprism.compare import lexicons
from newsprism.compare.views import ClaimView
from newsprism.models import CopyRelation, CleanArticle, publication_day
from newsprism.outlet_names import same_outlet

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
    by_id = {a.id: a for a in articles}
    relations: list[CopyRelation] = []
    for (a, b), hits in sorted(shared.items()):
        n_a, n_b = len(by_article[a]), len(by_article[b])
        shorter = a if n_a <= n_b else b
        n_short = max(1, min(n_a, n_b))
        share = len(hits[shorter]) / n_short
        if share < article_share or len(hits[shorter]) < 2:
            continue
        shares = {x: len(hits[x]) / max(1, len(by_article[x])) for x in (a, b)}
        original, copy = _original_and_copy(by_id[a], by_id[b], shares)
        relations.append(CopyRelation(article_id=copy, copy_of=original, similarity=round(float(np.clip(share, 0, 1)), 3)))
    return relations


AGENCY_DATELINE = re.compile(r"\((?P<credit>[A-Z][^()]{0,40})\)\s*[-–—]")


def _original_and_copy(a: CleanArticle, b: CleanArticle, shares: dict[str, float]) -> tuple[str, str]:
    """Which of two near-copies is the original and which the copy.

    An article that credits the other's outlet (its dateline's credit "(Corvessa Press) -", its byline,
    or a credit line the cleaner set apart naming the other article's outlet) is the copy. Else the copy
    is the later article when both publication times are known and differ; else an agency's own text
    (a dateline with its own outlet's name or code in brackets, "DRUMMOND, March 13 (MPA) -") is the
    original and an article crediting another outlet in its dateline, or wire reports
    (data/compare/wire_credits.txt), the copy; else the copy is the article that holds the other's text
    plus more, so the original is the one with the larger share of its sentences in the other; else
    the order the articles came in.
    """
    credits_a, credits_b = _credits_outlet(a, b.outlet), _credits_outlet(b, a.outlet)
    if credits_a != credits_b:
        return (b.id, a.id) if credits_a else (a.id, b.id)
    when_a, when_b = _publication_key(a.published), _publication_key(b.published)
    if when_a and when_b and (when_a[0] != when_b[0] or (when_a[1] and when_b[1] and when_a[1] != when_b[1])):
        return (a.id, b.id) if when_a < when_b else (b.id, a.id)
    wire_a, wire_b = _wire_origin(a), _wire_origin(b)
    if wire_a != wire_b:
        return (a.id, b.id) if wire_a > wire_b else (b.id, a.id)
    if shares[a.id] != shares[b.id]:
        return (a.id, b.id) if shares[a.id] > shares[b.id] else (b.id, a.id)
    return a.id, b.id


def _publication_key(published: str | None) -> tuple[str, str] | None:
    """An ISO publication time as (day, time of day); the time is empty when only the day is given."""
    if not published or publication_day(published) is None:
        return None
    return published[:10], published[11:] if len(published) > 10 else ""


def names_outlet(credit: str, outlet: str | None) -> bool:
    """Return True if a dateline's credit ("Corvessa Press", "NWS", "Meridale") names `outlet`
    ("Corvessa Press", "Nordic Wire Service", "Meridale Financial Wire"): outlet_names.names_outlet
    where only an outlet can stand, so an agency's opening words ("Meridale") name it too."""
    return outlet_names.names_outlet(credit, outlet, credit=True)


# Where a credit joins two names ("(Corvessa Press/AFP)") or a byline a reporter and an outlet
# ("Lidia Ferrante, Corvessa Press", "Jonas Brekke | Nordic Wire Service").
CREDIT_JOINS = re.compile(r"\s*(?:[/,;|()]|\s[-–—]\s|\band\b|&)\s*")


def _dateline_credits(article: CleanArticle) -> list[str]:
    """The names or codes in the brackets of the article's datelines ("(Corvessa Press) -" -> Corvessa Press;
    "(Corvessa Press/AFP) -" -> both)."""
    found = [m.group("credit") for r in article.removed if r.reason == "dateline" for m in AGENCY_DATELINE.finditer(r.text)]
    return [part for credit in found for part in CREDIT_JOINS.split(credit) if part.strip()]


def _credits_outlet(article: CleanArticle, other: str | None) -> bool:
    """Return True if the article credits the outlet `other` (not its own): in its dateline's brackets,
    as its byline, or as a credit line set apart under the headline that is just that outlet's name.
    A name that names the article's own outlet too ("Courier" in the Tarnwick Courier, where the
    Orsvik Courier is the other) credits nobody else."""
    if not other or same_outlet(other, article.outlet):
        return False
    own = article.outlet
    if any(names_outlet(credit, other) and not names_outlet(credit, own) for credit in _dateline_credits(article)):
        return True
    lines = [article.byline or ""] + [r.text for r in article.removed if r.reason in ("byline", "label")]
    parts = [part for line in lines if len(line.split()) <= 12 for part in CREDIT_JOINS.split(line)]
    # a byline part is page text: a short name ("the Courier") credits its outlet as its full name does
    names = [re.sub(r"^(?:by|from|source:?)\s+", "", part.strip(), flags=re.I) for part in parts if part.strip()]
    return any(outlet_names.names_outlet(name, other) and not outlet_names.names_outlet(name, own) for name in names)


def _wire_origin(article: CleanArticle) -> int:
    """1 for an agency's own text (its dateline carries its own outlet's name or code, or the outlet is
    not known), -1 for an article crediting another outlet in its dateline or crediting wire reports,
    else 0."""
    credits = _dateline_credits(article)
    if credits:
        if not article.outlet or any(names_outlet(credit, article.outlet) for credit in credits):
            return 1
        return -1
    pattern = lexicons.wire_credit_pattern()
    texts = [article.text, article.byline or "", *(r.text for r in article.removed)]
    if pattern is not None and any(pattern.search(t) for t in texts):
        return -1
    return 0


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
