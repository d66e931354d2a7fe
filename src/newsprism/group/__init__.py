"""Group: [CleanArticle] -> [StoryGroup] (which articles report one event).

STUB: puts every article into one story; real grouping replaces this module.
"""

from __future__ import annotations

from newsprism.models import CleanArticle, StoryGroup, story_id
from newsprism.settings import GroupSettings


def group_articles(articles: list[CleanArticle], settings: GroupSettings | None = None) -> list[StoryGroup]:
    """Return the stories the articles form; with `one_story`, all articles form one."""
    if not articles:
        return []
    ids = [a.id for a in articles]
    title = next((a.title for a in articles if a.title), articles[0].text[:80])
    return [StoryGroup(id=story_id(ids), title=title, article_ids=ids)]
