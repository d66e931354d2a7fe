"""Exclusives and omissions: what only one outlet reports, and what each leaves out.

Outlets are counted by source key (the outlet, or the article itself when the outlet is
unknown), so two articles of one outlet never make a fact look corroborated.
"""

from __future__ import annotations

from newsprism.models import CleanArticle, Fact, Omission


def exclusives(facts: list[Fact], sources: dict[str, str]) -> list[str]:
    """Return the ids of facts that only one outlet reports (when the story has several)."""
    if len(set(sources.values())) < 2:
        return []
    return [f.id for f in facts if len({sources[a] for a in f.article_ids}) == 1]


def omissions(facts: list[Fact], articles: list[CleanArticle], sources: dict[str, str], majority: float) -> list[Omission]:
    """Return, per article, the facts that most other outlets report and it leaves out."""
    all_sources = set(sources.values())
    fact_sources = [{sources[a] for a in f.article_ids} for f in facts]
    # Only facts several outlets report can be omissions: skip the rest once.
    candidates = [(f, fs) for f, fs in zip(facts, fact_sources) if len(fs) >= 2]
    result = []
    for article in articles:
        own = sources[article.id]
        others = all_sources - {own}
        if len(others) < 2:
            continue
        missing = []
        for f, reporting in candidates:
            if own in reporting:
                continue  # this outlet (this article or another of the outlet's) reports it
            if len(reporting) > majority * len(others):
                missing.append(f.id)
        if missing:
            result.append(Omission(article_id=article.id, outlet=article.outlet, fact_ids=missing))
    return result
