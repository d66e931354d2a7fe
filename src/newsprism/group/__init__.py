"""Group: [CleanArticle] -> [StoryGroup] (which articles report one event).

    fingerprint_articles (fingerprint.py): lead embedding, names, numbers, day, MinHash
    StoryIndex (cluster.py): online clustering over a vector index (index.py)
    story_title (title.py): the headline that names a story

`group_articles` is the one-call API; keep a `StoryIndex` (or pass the stories
of an earlier run as `existing`) to add articles incrementally with stable ids.
"""

from __future__ import annotations

from newsprism.group.cluster import StoryIndex, pair_score
from newsprism.group.fingerprint import Fingerprint, fingerprint_articles
from newsprism.group.title import story_title
from newsprism.models import CleanArticle, StoryGroup, story_id
from newsprism.settings import GroupSettings

__all__ = ["Fingerprint", "StoryIndex", "fingerprint_articles", "group_articles", "pair_score"]


def _title(article: CleanArticle) -> str:
    return (article.title or article.text[:80]).strip()


def arrival_order(articles: list[CleanArticle]) -> list[int]:
    """Return the order to add articles in: the dated ones by publication time, then the undated ones as given.

    Online grouping places each article against the stories before it, so the
    dated reports found their stories first and an undated one (a JSONL line
    without a date, often a follow-up) is placed against all of them.
    """
    dated = sorted((i for i, a in enumerate(articles) if a.published), key=lambda i: articles[i].published)
    return dated + [i for i, a in enumerate(articles) if not a.published]


def group_articles(
    articles: list[CleanArticle],
    settings: GroupSettings | None = None,
    existing: list[StoryGroup] | None = None,
    fingerprints: list[Fingerprint] | None = None,
) -> list[StoryGroup]:
    """Return the stories the articles form; with `one_story`, all articles form one.

    `existing` are stories of an earlier run: their members stay where they
    are and keep the story id, new articles join them or found new stories.
    `fingerprints` (one per article, same order) skips computing them, e.g.
    when `newsprism.scale` computed them on a cluster.
    """
    settings = settings or GroupSettings()
    if not articles and not existing:
        return []
    if settings.one_story:
        if not articles:
            return list(existing or [])
        ids = [a.id for a in articles]
        return [StoryGroup(id=story_id(ids), title=story_title(articles), article_ids=ids)]
    if fingerprints is None:
        from newsprism.scale import LocalRunner

        # partitioned exactly as on a Dask cluster, so both compute the same embeddings
        fingerprints = LocalRunner().map_batches(fingerprint_articles, articles, (None, settings.lead_sentences))
    by_id = {fp.article_id: fp for fp in fingerprints}
    index = StoryIndex(settings, ndim=len(fingerprints[0].vector) if fingerprints else 384)
    for group in existing or []:
        index.seed(group, [by_id[a] for a in group.article_ids if a in by_id])
    first_new = len(index.stories())
    for i in arrival_order(articles):
        index.add(fingerprints[i], _title(articles[i]))
    index.attach_strays(first_new)
    earlier = {group.id for group in existing or []}
    by_id = {a.id: a for a in articles}
    return [story if story.id in earlier else _titled(story, by_id) for story in index.stories()]


def _titled(story: StoryGroup, by_id: dict[str, CleanArticle]) -> StoryGroup:
    """Return the story titled by its members' headlines (`story_title`) rather than by its founder's alone."""
    members = [by_id[a] for a in story.article_ids if a in by_id]
    return story.model_copy(update={"title": story_title(members)}) if members else story
