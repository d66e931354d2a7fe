"""Understand: StoryGroup + its CleanArticles -> Understanding.

STUB: returns an empty Understanding; the real stage (spaCy, entities, quotes,
numbers, dates, claims) replaces this module.
"""

from __future__ import annotations

from newsprism.models import CleanArticle, StoryGroup, Understanding
from newsprism.settings import UnderstandSettings


def understand_story(group: StoryGroup, articles: list[CleanArticle], settings: UnderstandSettings | None = None) -> Understanding:
    """Read sentences, entities, quotes, numbers, dates and claims from one story's articles."""
    return Understanding(story_id=group.id, articles=articles)
