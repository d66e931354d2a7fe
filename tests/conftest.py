"""Shared fixtures: paths to the shared seeds and data sets, and small helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


def seed_path(prefix: str) -> Path:
    """Return the seed file whose name starts with `prefix` (e.g. '001')."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def story_entities(texts: dict[str, str]) -> list:
    """Entities of a small story ({article_id: text}) as `understand_story` builds them: parse,
    collect mentions, add bare-surname mentions, cluster across the articles."""
    from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions
    from newsprism.understand.nlp import parse

    docs = dict(zip(texts, parse(list(texts.values()))))
    mentions = [m for article_id in texts for m in collect_mentions(article_id, docs[article_id])]
    add_surname_mentions(docs, mentions)
    return cluster_mentions(mentions, texts)


def entities_holding(entities: list, text: str) -> list:
    """The entities with a mention written exactly `text`."""
    return [e for e in entities if any(m.text == text for m in e.mentions)]
