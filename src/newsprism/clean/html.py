"""HTML pages: trafilatura for the main text, its metadata and its comments, then the line reader.

trafilatura (2.3.1) does the heavy lifting; the plain-text line reader then runs
on what it returns, in its `from_html` mode (patterns, teasers, captions, title
repeats only), to drop captions, "Read more" teasers and the repeated headline
that some layouts leave inside the main text. The page's own publication
datetime (meta tags, JSON-LD) keeps its time and zone when trafilatura's date
(day only) agrees with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.models import Comment

# Options of trafilatura's own benchmarks; comments are extracted separately into comments[].
TRAFILATURA_OPTIONS = {"include_comments": True, "include_tables": True, "include_formatting": False, "with_metadata": True}

PUBLISHED_RE = re.compile(
    r"""(?:article:published_time|og:published_time|datePublished|date_published|publish[_-]?date|pubdate|dc\.date\.issued|sailthru\.date)"""
    r"""["']?\s*(?:content\s*=\s*|:\s*)["'](?P<value>\d{4}-\d{2}-\d{2}[^"']{0,30})["']""",
    re.IGNORECASE,
)


@dataclass
class HtmlReading:
    """What trafilatura found on an HTML page."""

    text: str = ""
    comments: list[Comment] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None


def page_datetime(html: str, day: str | None) -> str | None:
    """Return the page's declared publication datetime if it agrees with `day` (or `day` is None)."""
    match = PUBLISHED_RE.search(html[:300_000])
    if not match:
        return day
    value = match.group("value").strip()
    if day and value[:10] != day[:10]:
        return day
    value = re.sub(r"\.\d+", "", value)  # drop fractions of a second
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?", value):
        return day or value[:10]
    return value.replace(" ", "T", 1)


def read_html(html: str, url: str | None = None) -> HtmlReading:
    """Run trafilatura on one page and return its main text, comments and metadata."""
    import trafilatura  # heavy import, only for HTML input

    doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    if doc is None:
        return HtmlReading()
    comments = [Comment(text=block.strip()) for block in (doc.comments or "").split("\n") if block.strip()]
    return HtmlReading(
        text=doc.text or "",
        comments=comments,
        title=doc.title,
        byline=doc.author,
        published=page_datetime(html, doc.date),
        url=doc.url,
        sitename=doc.sitename,
        description=doc.description,
    )
