"""HTML pages: trafilatura for the main text, its metadata and its comments, then the line reader.

trafilatura (2.3.1) does the heavy lifting; the plain-text line reader then runs
on what it returns, in its `from_html` mode (patterns, teasers, captions, title
repeats only), to drop captions, "Read more" teasers and the repeated headline
that some layouts leave inside the main text. The page's own publication
datetime (meta tags, JSON-LD) keeps its time and zone; only a page that declares
none goes to htmldate's (quick) date search. The page is parsed once for both.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field

import lxml.html

from newsprism.clean.comments import is_comment_header, split_comments
from newsprism.models import Comment

# The main text comes from trafilatura with its published benchmark options, comments off:
# with comments on, some pages' main text changes for the worse (trafilatura-eval, e.g. a
# page whose comment block makes the whole page look like a forum). Comments are read apart.
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True, "include_formatting": False}

# Meta tags and JSON-LD keys that state when a page was published, full datetime included.
PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @property="og:published_time" or @name="pubdate"'
    ' or @name="publish-date" or @name="publish_date" or @itemprop="datePublished" or @name="sailthru.date"'
    ' or @name="DC.date.issued" or @name="dcterms.created"]/@content'
)
JSONLD_PUBLISHED_RE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]{0,30})"')
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?")


# One pass over the page for comment blocks (trafilatura's own four comment XPaths cost several
# times more, and the ScrapingHub speed target leaves no room for them).
COMMENT_BLOCK_XPATH = lxml.html.etree.XPath(
    "//*[self::div or self::section or self::ol or self::ul or self::aside]"
    "[contains(@id, 'omment') or contains(@class, 'omment') or contains(@id, 'isqus') or contains(@class, 'isqus')]"
)
COMMENT_BLOCK_RE = re.compile(r"(?i)\b(?:comments|comment-?list|commentlist|comments?-(?:area|section|wrapper|container)|disqus_thread|disqus)\b")


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


def declared_datetime(tree) -> str | None:
    """Return the publication datetime the page declares in meta tags or JSON-LD, as ISO, or None."""
    values = [str(v) for v in tree.xpath(PUBLISHED_XPATH)]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()')[:5]:
        values += JSONLD_PUBLISHED_RE.findall(script)
    for value in values:
        match = ISO_RE.match(re.sub(r"\.\d+", "", value.strip()))
        if match:
            return match.group(0).replace(" ", "T", 1)
    return None


def _metadata(tree, url: str | None):
    """Return trafilatura's metadata without its costly parts (author scan, categories, licence, extensive date search)."""
    from trafilatura import metadata as meta

    doc = meta.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = meta.extract_meta_json(tree, doc)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader can fail on odd pages; the rest still holds
        pass
    doc.title = doc.title or meta.extract_title(tree)
    # no extract_author fallback: it scans the whole tree (a third of the metadata time on ScrapingHub)
    doc.url = doc.url or meta.extract_url(tree, url)
    doc.sitename = doc.sitename or meta.extract_sitename(tree)
    declared = declared_datetime(tree)
    if declared:
        doc.date = declared
    else:
        params = meta.set_date_params(False)
        params["url"] = doc.url
        doc.date = meta.find_date(tree, **params)
    return doc


def read_comments(tree, url: str | None) -> list[Comment]:
    """Return the reader comments of a page, by trafilatura's comment extractor, when it has a comment block."""
    from trafilatura.core import _prepare_tree  # pinned trafilatura 2.3.1: the step bare_extraction runs first
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    containers = [
        element for element in COMMENT_BLOCK_XPATH(tree)
        if COMMENT_BLOCK_RE.search(f"{element.get('id', '')} {element.get('class', '')}") and len(element) >= 1
    ]
    if not containers:
        return []  # most pages: no comment block, no cost beyond one XPath pass
    # prepare only the comment block, not the whole page: a fraction of the cost
    page = lxml.html.Element("html")
    body_element = lxml.html.etree.SubElement(page, "body")
    body_element.append(deepcopy(containers[0]))
    options = Extractor(comments=True, tables=True, formatting=False)
    cleaned, _ = _prepare_tree(page, options, url)
    body, _, _ = extract_comments(cleaned, options)
    lines = [line for line in xmltotxt(body, False).split("\n") if line.strip()]
    if lines and is_comment_header(lines[0]):
        lines = lines[1:]
    return split_comments(lines, bare_handles=True)[0]


def read_html(html: str, url: str | None = None) -> HtmlReading:
    """Run trafilatura on one page (parsed once) and return its main text, comments and metadata."""
    import trafilatura  # heavy import, only for HTML input
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return HtmlReading()
    doc = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    info = _metadata(tree, url)
    if doc is None:
        return HtmlReading(title=info.title, byline=info.author, published=info.date, url=info.url, sitename=info.sitename)
    comments = read_comments(tree, url)
    return HtmlReading(
        text=doc.text or "",
        comments=comments,
        title=info.title,
        byline=info.author,
        published=info.date,
        url=info.url,
        sitename=(info.sitename or "").lstrip("@") or None,
    )
