"""Streaming ingest: read inputs lazily, clean and store them in batches.

Memory stays bounded by one batch whatever the size of the input, each batch is one
transaction, and articles already in the store are skipped before cleaning, so a run
killed halfway resumes where it stopped when started again with the same inputs.

New articles are then grouped into stories incrementally: the `StoryIndex` is kept
(pickled) in the store, so a later run adds its articles to existing stories (same ids)
or opens new ones without regrouping old articles. After each batch the index's second
pass (`attach_strays`) runs over that batch's new stories, as `analyze` runs it once.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from newsprism.models import Article, CleanArticle, Failure, Model, StoryGroup, story_id
from newsprism.settings import Settings
from newsprism.store.store import Store

Progress = Callable[[str, int, int | None], None]


class IngestStats(Model):
    """What one streaming ingest did."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    failures: list[Failure] = []
    grouped: int = 0


STORY_INDEX_KEY = "story_index"


class _Grouper:
    """Adds each batch's new articles to the store's persisted StoryIndex and saves the touched stories."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings, self.store = settings, store
        state = store.blob(STORY_INDEX_KEY)
        self.index = pickle.loads(state) if state else None
        self.one_story: list[CleanArticle] = []
        self._adopted = False

    def add(self, articles: list[CleanArticle], batch_ids: list[str]) -> int:
        """Group `articles` plus any stored article of `batch_ids` not yet in a story (a killed run's); return how many."""
        if self.settings.group.one_story:
            self.one_story.extend(articles)
            return len(articles)
        fresh = {a.id for a in articles}
        placed = self.index if self.index is not None else ()
        leftover = [i for i in batch_ids if i not in fresh and i not in placed and not self.store.article_story_ids(i)]
        articles = articles + self.store.articles(leftover) if leftover else articles
        articles = [a for a in {a.id: a for a in articles}.values() if a.id not in placed]
        if not articles:
            return 0
        from newsprism.group import _title, arrival_order

        fingerprints = self._fingerprints(articles)
        if self.index is None:
            from newsprism.group import StoryIndex

            self.index = StoryIndex(self.settings.group, ndim=len(fingerprints[0].vector))
        self._adopt_unindexed_stories()
        first_new = self.index.story_slots
        stored = {g.id for g in self.index.stories()}
        for i in arrival_order(articles):
            self.index.add(fingerprints[i], _title(articles[i]))
        # the second pass `group_articles` runs (analyze): only this batch's stories may move, stored ones never do
        self.index.attach_strays(first_new)
        batch = {a.id for a in articles}
        groups = [g for g in self.index.stories() if batch.intersection(g.article_ids)]
        self.store.save_grouping(self._titled(groups, stored, articles), pickle.dumps(self.index), STORY_INDEX_KEY)
        return len(articles)

    def _titled(self, groups: list[StoryGroup], stored: set[str], articles: list[CleanArticle]) -> list[StoryGroup]:
        """Return the groups titled as `analyze` titles them: a story founded in this batch by its members'
        headlines (`group.title.story_title`), not by its founder's alone; a stored story keeps the title it was saved with."""
        from newsprism.group import _titled

        saved = {g.id: g.title for g in self.store.story_groups()} if stored else {}
        by_id = {a.id: a for a in articles}
        return [
            g.model_copy(update={"title": saved.get(g.id, g.title)}) if g.id in stored else _titled(g, by_id)
            for g in groups
        ]

    def _fingerprints(self, articles: list[CleanArticle]) -> list:
        from newsprism.group import fingerprint_articles
        from newsprism.scale import LocalRunner, current_runner

        runner = current_runner() or LocalRunner()
        return runner.map_batches(fingerprint_articles, articles, (None, self.settings.group.lead_sentences))

    def _adopt_unindexed_stories(self) -> None:
        """Seed the index with stored stories it has never seen (e.g. saved by `analyze --db`).

        Without this, articles ingested later could not join those stories and would
        found duplicates of them. Runs once per ingest; a no-op when every story is known.
        """
        if self._adopted:
            return
        self._adopted = True
        unknown = [g for g in self.store.story_groups() if not any(a in self.index for a in g.article_ids)]
        if not unknown:
            return
        members = self.store.articles([a for g in unknown for a in g.article_ids])
        by_id = {fp.article_id: fp for fp in self._fingerprints(members)} if members else {}
        for group in unknown:
            self.index.seed(group, [by_id[a] for a in group.article_ids if a in by_id])

    def finish(self) -> None:
        if self.one_story:
            ids = [a.id for a in self.one_story]
            from newsprism.group import story_title

            title = story_title(self.one_story)  # as `analyze --one-story` titles it
            self.store.save_grouping([StoryGroup(id=story_id(ids), title=title, article_ids=ids)])


def stream_ingest(
    inputs: Iterable[str | Path],
    settings: Settings,
    store: Store,
    *,
    batch_size: int = 500,
    progress: Progress = lambda step, done, total: None,
    group: bool = True,
) -> IngestStats:
    """Read, clean and store `inputs`, committing every `batch_size` articles; return the counts.

    With `group`, each batch's new articles are then added to the store's stories
    (all of this run's in one story with `settings.group.one_story`).
    """
    from newsprism.ingest import read_inputs
    from newsprism.pipeline import read_and_clean

    stats = IngestStats()
    batch: list[Article] = []
    failures: list[Failure] = []
    grouper = _Grouper(settings, store) if group else None

    def flush() -> None:
        known = store.known_ids(a.id for a in batch)
        todo = [a for a in batch if a.id not in known]
        cleaned, clean_failures = read_and_clean(todo, settings) if todo else ([], [])
        stats.failures.extend(failures + clean_failures)
        new = store.add_articles(cleaned, failures + clean_failures)
        stats.new += new
        stats.already_stored += len(batch) - len(todo) + len(cleaned) - new
        if grouper is not None:
            stats.grouped += grouper.add(cleaned, [a.id for a in batch])
        batch.clear()
        failures.clear()

    for item in read_inputs(list(inputs), settings.ingest):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            batch.append(item)
            stats.read += 1
        if len(batch) >= batch_size or len(failures) >= batch_size:
            flush()
        progress("ingest", stats.read + len(stats.failures) + len(failures), None)
    flush()
    if grouper is not None:
        grouper.finish()
    return stats
