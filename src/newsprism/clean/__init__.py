"""Clean: Article -> CleanArticle (body, reader comments apart, removed parts, metadata).

STUB: passes the text through; the real cleaner replaces this module.
"""

from __future__ import annotations

from newsprism.models import Article, CleanArticle
from newsprism.settings import CleanSettings


def clean_article(article: Article, settings: CleanSettings | None = None) -> CleanArticle:
    """Return the article's clean body, comments, removed parts and metadata."""
    return CleanArticle(
        id=article.id, source_path=article.source_path, record=article.record, outlet=article.outlet, url=article.url,
        title=article.title, byline=article.byline, published=article.published, text=article.raw.strip(),
    )
