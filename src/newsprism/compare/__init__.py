"""Compare: Understanding -> Comparison (facts, conflicts, exclusives, omissions, copies, timeline, summary).

Steps, in order:
1. views.build_views: each claim with its source, numbers (as ranges), event and report dates;
2. embed every claim once (newsprism.embed, offline all-MiniLM-L6-v2); later steps encode
   the further texts they read (reported words, clauses, causes) through the same store;
3. copies.find_copies: near-copy articles (MinHash), so a wire text counts as one source;
4. facts: align claims across articles into facts, with evidence and independent sources;
5. conflicts: number (counts, measures, lengths of time), date, actor, place, cause and quote-wording
   disagreements; then the facts are aligned again with the disputed dates and counts excused, so
   that reports of one event differing only in a detail in dispute are one fact;
6. omissions: exclusives (one outlet only) and, per article, facts most others report;
7. timeline: dated events (report dates, durations and undated claims left out);
8. summary: 3-8 cited, deterministic sentences free of one outlet's labels.

Everything reads CleanArticle.text through the claims, so page clutter and reader
comments (kept apart by the clean stage) never reach a finding.
"""

from __future__ import annotations

import numpy as np

from newsprism.compare.conflicts import (
    actor_conflicts,
    agent_conflicts,
    cause_conflicts,
    count_groups,
    date_conflicts,
    deed_conflicts,
    length_conflicts,
    merge_weekday_conflicts,
    number_conflicts,
    operator_conflicts,
    place_conflicts,
    quote_wording_conflicts,
    related_pairs,
    rising_counts,
    statement_date_conflicts,
    weekday_conflicts,
)
from newsprism.compare.copies import find_copies, independent_groups
from newsprism.compare.facts import Alignment, build_facts, cluster_claims, cross_stats, dated_support, entity_states, merge_disputed, story_prior_logodds, supporting_claims
from newsprism.compare.omissions import exclusives, omissions
from newsprism.compare.summary import build_summary
from newsprism.compare.timeline import build_timeline
from newsprism.compare.views import TextVectors, attach_contents, build_views, embed_views, source_keys
from newsprism import embed
from newsprism.models import Comparison, Understanding
from newsprism.scale import free_cores
from newsprism.settings import CompareSettings

__all__ = ["compare_story"]

# Claims from which a story's comparison samples the free cores for its encoder calls (`embed.cores_free`):
# below, its calls are small and the size rule (`embed.ONE_THREAD_BELOW`) stands.
SAMPLE_CORES_FROM = 256


def compare_story(understanding: Understanding, settings: CompareSettings | None = None) -> Comparison:
    """Compare the outlets of one story: what each confirms, contradicts, adds and leaves out."""
    settings = settings or CompareSettings()
    views = build_views(understanding)
    if not views:
        return Comparison()
    vectors = TextVectors()
    # The claims in one call on one thread, as `pipeline.encode_claims_ahead` encodes them ahead in
    # another process: vectors that do not depend on whether it did (nor on the load).
    embeddings = embed_views(views, vectors, one_thread=True)
    # The comparison's further calls (clauses, windows, reported words) use both cores when one is
    # spare now, the claims helper done, and one thread on a busy machine (`embed.cores_free`); the
    # cores are sampled once (0.1 s of wall time, `scale.free_cores`), for a story large enough to repay it.
    with embed.cores_free(free_cores() if len(views) >= SAMPLE_CORES_FROM else None):
        return _compare(understanding, settings, views, vectors, embeddings)


def _compare(understanding: Understanding, settings: CompareSettings, views: list, vectors: TextVectors, embeddings: np.ndarray) -> Comparison:
    articles = understanding.articles
    attach_contents(views, understanding.quotes)
    sources = source_keys(articles)
    copies = find_copies(articles, views, settings.copy_sentence_jaccard, settings.copy_article_share)
    independent = independent_groups([a.id for a in articles], sources, copies)
    article_index = np.array([hash(v.article_id) for v in views])
    # Up to 3,000 claims (36 MB) the whole cosine matrix is kept for every later step.
    sims = embeddings @ embeddings.T if len(views) <= 3000 else None
    mu, sd = cross_stats(sims, article_index, settings) if sims is not None else _sampled_stats(embeddings, article_index, settings)
    claims_per_article = len(views) / max(1, len({v.article_id for v in views}))
    alignment = Alignment(
        views, embeddings, mu, sd, settings, types={e.id: e.type for e in understanding.entities}, states=entity_states(understanding.entities),
        names={e.id: frozenset([e.name, *e.aliases]) for e in understanding.entities},
        prior_logodds=story_prior_logodds(claims_per_article, settings), vectors=vectors, sims=sims,
    )
    groups = cluster_claims(alignment)
    support = supporting_claims(alignment, groups)
    fact_groups = [sorted(g + extra) for g, extra in zip(groups, support)]
    facts = build_facts(alignment, fact_groups, independent, understanding.quotes, understanding.entities)

    pairs = related_pairs(alignment, groups)
    counts = count_groups(alignment, pairs)
    published = {a.id: a.published for a in articles}
    actors = actor_conflicts(alignment, pairs, understanding.entities)
    conflicts = (
        number_conflicts(alignment, pairs, counts, published)
        + length_conflicts(alignment, understanding.entities)
        + merge_weekday_conflicts(date_conflicts(alignment, pairs), weekday_conflicts(alignment, pairs))
        + statement_date_conflicts(alignment)
        + actors
        + deed_conflicts(alignment, understanding.entities, actors)
        + agent_conflicts(alignment, understanding.entities)
        + operator_conflicts(alignment, understanding.entities)
        + place_conflicts(alignment, groups, understanding)
        + cause_conflicts(alignment, pairs)
        + quote_wording_conflicts(understanding.quotes, settings, sources, vectors)
    )
    # Reports of one event that differ only in a date or count in dispute are one fact: their facts
    # merge when they align with those anchors excused (the conflicts, found on the first alignment,
    # tell the dispute).
    # Claims on the two sides of a date conflict tell one event (their clauses read alike): the
    # smaller side's claims support the larger side's fact (facts.dated_support).
    if alignment.excuse_disputed(conflicts):
        groups, support = merge_disputed(alignment, groups, support)
        dated = dated_support(alignment, groups, conflicts)
        # A sentence that is a fact of its own and dates the larger fact's event another way tells
        # that event, nothing more: it moves there, and is no exclusive beside it.
        moved = {i for more in dated for i in more}
        kept = [k for k, g in enumerate(groups) if not (len(g) == 1 and g[0] in moved and not support[k])]
        fact_groups = [sorted(set(groups[k] + support[k] + dated[k])) for k in kept]
        facts = build_facts(alignment, fact_groups, independent, understanding.quotes, understanding.entities)
    views_by_fact = [[views[i] for i in g] for g in fact_groups]
    summary = build_summary(
        facts, conflicts, views_by_fact, articles, understanding.entities, independent,
        [embeddings[g] for g in fact_groups], settings.summary_min_sentences, settings.summary_max_sentences,
        rises=rising_counts(alignment, counts, published),
    )
    return Comparison(
        facts=facts,
        conflicts=conflicts,
        exclusives=exclusives(facts, sources, {a.id: a.outlet for a in articles}),
        omissions=omissions(facts, articles, sources, settings.omission_majority, conflicts),
        copies=copies,
        timeline=build_timeline(views, fact_groups, facts),
        summary=summary,
    )


def _sampled_stats(embeddings: np.ndarray, groups: np.ndarray, settings: CompareSettings, sample: int = 3000) -> tuple[float, float]:
    """Cross-article similarity statistics from a fixed sample (large stories)."""
    rng = np.random.default_rng(0)
    pick = np.sort(rng.choice(len(embeddings), size=sample, replace=False))
    return cross_stats(embeddings[pick] @ embeddings[pick].T, groups[pick], settings)
