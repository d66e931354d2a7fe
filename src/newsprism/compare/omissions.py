"""Exclusives and omissions: what only one outlet reports, and what each leaves out.

Outlets are counted by source key (the outlet, or the article itself when the outlet is
unknown), so two articles of one outlet never make a fact look corroborated.
"""

from __future__ import annotations

import re

from newsprism.models import CleanArticle, Conflict, Fact, Omission
from newsprism.outlet_names import names_outlet

_NAME = r"(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*){0,4}"
# where a page credits itself with what it reports: "a letter seen by the Herald", "two officials told
# Radio Kelby", "the Herald has learned"; the name is then asked of outlet_names, so only the page's own counts
OWN_SOURCING = re.compile(
    rf"\b(?:seen|obtained|reviewed|heard|read|verified) by\s+(?P<by>{_NAME})"
    rf"|\b(?:told|shown to|given to|sent to|confirmed to|said to)\s+(?P<to>{_NAME})"
    rf"|(?P<subject>{_NAME})\s+(?:has|have)\s+(?:learned|learnt|seen|established|obtained)\b"
)


def sources_itself(text: str, outlet: str | None) -> bool:
    """True when a sentence credits the outlet that prints it with what it tells: a document seen by
    it, people who told it, what it has learned. Such a fact is the outlet's own reporting, not a
    detail the others left out."""
    return bool(outlet) and any(
        names_outlet(name, outlet) for found in OWN_SOURCING.finditer(text) for name in found.groups() if name
    )


def exclusives(facts: list[Fact], sources: dict[str, str], outlets: dict[str, str | None] | None = None) -> list[str]:
    """Return the ids of facts that only one outlet reports (when the story has several): first those
    the outlet sourced itself ("a memo seen by the Herald", `sources_itself`; `outlets` maps an article
    to its outlet's name), then the rest, each group in the facts' order."""
    if len(set(sources.values())) < 2:
        return []
    alone = [f for f in facts if len({sources[a] for a in f.article_ids}) == 1]
    outlets = outlets or {}
    own = {f.id for f in alone if any(sources_itself(e.text, outlets.get(e.article_id)) for e in f.evidence)}
    return [f.id for f in alone if f.id in own] + [f.id for f in alone if f.id not in own]


def _states_figure(position, text: str) -> bool:
    """True when the fact's text writes the figure a count's side gives ("six" of "six inmates" in
    "The six broke out of the prison"), as a whole word."""
    figure = position.written().split()[:1]
    return bool(figure) and re.search(r"(?<![\w.,-])" + re.escape(figure[0].lower()) + r"(?![\w-])", text.lower()) is not None


def contradicting_articles(fact: Fact, conflicts: list[Conflict]) -> set[str]:
    """Articles on another side of a conflict that one of the fact's sentences takes a side in:
    an outlet that dates the collapse a day earlier reports it, it does not leave it out. So does
    an outlet on another side of a count the fact's text gives, one of the fact's articles holding
    that side in another sentence ("The six broke out ..." beside "two of the six escaped inmates"
    against "SEVEN lags tunnelled out"): it tells the event with another figure."""
    found: set[str] = set()
    own = set(fact.article_ids)
    for conflict in conflicts:
        for k, position in enumerate(conflict.positions):
            if any(e.article_id == f.article_id and e.start < f.end and f.start < e.end for e in position.evidence for f in fact.evidence) or (
                    conflict.kind == "number" and own & set(position.article_ids) and _states_figure(position, fact.text)):
                found.update(a for j, other in enumerate(conflict.positions) if j != k for a in other.article_ids)
    return found


def omissions(facts: list[Fact], articles: list[CleanArticle], sources: dict[str, str], majority: float, conflicts: list[Conflict] | None = None) -> list[Omission]:
    """Return, per article, the facts that most other outlets report and it leaves out
    (not those it contradicts: see contradicting_articles)."""
    all_sources = set(sources.values())
    fact_sources = [{sources[a] for a in f.article_ids} for f in facts]
    # Only facts several outlets report can be omissions: skip the rest once (and read their conflicts only).
    candidates = [(f, fs) for f, fs in zip(facts, fact_sources) if len(fs) >= 2]
    contradicting = {f.id: contradicting_articles(f, conflicts or []) for f, _ in candidates}
    result = []
    for article in articles:
        own = sources[article.id]
        others = all_sources - {own}
        if len(others) < 2:
            continue
        missing = []
        for f, reporting in candidates:
            if own in reporting or article.id in contradicting[f.id]:
                continue  # this outlet (this article or another of the outlet's) reports it, or gives it otherwise
            if len(reporting) > majority * len(others):
                missing.append(f.id)
        if missing:
            result.append(Omission(article_id=article.id, outlet=article.outlet, fact_ids=missing))
    return result
