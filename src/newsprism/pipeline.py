"""Pipeline: runs the stages in order and collects per-input outcomes; holds no stage logic.

    read_inputs -> clean_article -> group_articles -> for each story:
        understand_story -> compare_story + frame_story -> Story

A bad input becomes a `Failure` (input, stage, code, message) and the rest of
the batch goes on; with `on_error="raise"` the first failure is raised instead.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from newsprism.clean import clean_article
from newsprism.compare import compare_story
from newsprism.errors import NewsprismError, StageError
from newsprism.framing import frame_story
from newsprism.group import group_articles
from newsprism.ingest import read_inputs
from newsprism.models import Article, CleanArticle, Failure, Report, Story, StoryGroup
from newsprism.settings import Settings, load_settings
from newsprism.understand import understand_story

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
"""Called as progress(step, done, total) while work goes on; total None when unknown."""


def _quiet(step: str, done: int, total: int | None) -> None:
    pass


def _failure(ref: str, stage: str, err: Exception) -> Failure:
    if isinstance(err, NewsprismError):
        return Failure(input_ref=ref, stage=stage, code=err.code, message=err.message)
    log.debug("unexpected error in %s for %s:\n%s", stage, ref, traceback.format_exc())
    return Failure(input_ref=ref, stage=stage, code="NP000", message=f"unexpected error: {type(err).__name__}: {err}")


def read_and_clean(
    inputs: Iterable[str | Path | Article],
    settings: Settings,
    *,
    on_error: Literal["record", "raise"] = "record",
    progress: Progress = _quiet,
) -> tuple[list[CleanArticle], list[Failure]]:
    """Read every input and clean each article; return the clean articles and the failures."""
    paths = [i for i in inputs if not isinstance(i, Article)]
    given = [i for i in inputs if isinstance(i, Article)]
    articles: list[CleanArticle] = []
    failures: list[Failure] = []
    seen: set[str] = set()

    def take(item: Article | Failure) -> None:
        if isinstance(item, Failure):
            if on_error == "raise":
                raise StageError(item.code, error=f"{item.input_ref}: {item.message}")
            failures.append(item)
            return
        if item.id in seen:
            return
        seen.add(item.id)
        try:
            clean = clean_article(item, settings.clean)
            if not clean.text.strip():
                raise StageError("NP201", chars=len(item.raw))
            articles.append(clean)
        except Exception as err:  # noqa: BLE001 - recorded per input, never lost
            if on_error == "raise":
                raise
            failures.append(_failure(item.source_path, "clean", err))
        progress("read", len(articles) + len(failures), None)

    for article in given:
        take(article)
    for item in read_inputs(paths, settings.ingest):
        take(item)
    return articles, failures


def analyze_story(group: StoryGroup, articles: list[CleanArticle], settings: Settings) -> Story:
    """Understand, compare and frame one story."""
    members = [a for a in articles if a.id in set(group.article_ids)]
    understanding = understand_story(group, members, settings.understand)
    comparison = compare_story(understanding, settings.compare)
    framing = frame_story(understanding, settings.framing)
    return Story(
        id=group.id,
        title=group.title,
        article_ids=group.article_ids,
        entities=understanding.entities,
        quotes=understanding.quotes,
        claims=understanding.claims,
        numbers=understanding.numbers,
        dates=understanding.dates,
        facts=comparison.facts,
        conflicts=comparison.conflicts,
        exclusives=comparison.exclusives,
        omissions=comparison.omissions,
        copies=comparison.copies,
        timeline=comparison.timeline,
        summary=comparison.summary,
        framing=framing,
    )


def analyze(
    inputs: Iterable[str | Path | Article],
    settings: Settings | None = None,
    *,
    on_error: Literal["record", "raise"] = "record",
    progress: Progress = _quiet,
) -> Report:
    """Read, clean, group and analyse `inputs` (paths, folders, URLs or Article objects) into a Report.

    Example::

        import newsprism
        report = newsprism.analyze(["examples/"])
        for fact in report.stories[0].facts:
            print(fact.independent_sources, fact.text)
    """
    settings = settings or load_settings()
    articles, failures = read_and_clean(list(inputs), settings, on_error=on_error, progress=progress)
    groups = group_articles(articles, settings.group)
    stories: list[Story] = []
    for done, group in enumerate(groups, 1):
        try:
            stories.append(analyze_story(group, articles, settings))
        except Exception as err:  # noqa: BLE001 - one story's failure must not lose the others
            if on_error == "raise":
                raise
            failures.append(_failure(f"story {group.id}", "analyze", err))
            stories.append(Story(id=group.id, title=group.title, article_ids=group.article_ids))
        progress("analyze", done, len(groups))
    return Report(articles=articles, stories=stories, failures=failures)
