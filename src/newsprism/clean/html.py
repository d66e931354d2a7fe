"""HTML pages: trafilatura for the main text, its metadata and its comments, then the line reader.

trafilatura (2.3.1) does the heavy lifting; the plain-text line reader then runs
on what it returns, in its `from_html` mode (patterns, teasers, captions, title
repeats only), to drop captions, "Read more" teasers and the repeated headline
that some layouts leave inside the main text. The page's own publication
datetime (meta tags, JSON-LD) keeps its time and zone; only a page that declares
none goes to htmldate's (quick) date search.

Steps, on one parsed tree (`read_html`):

1. one walk (`scan_page`): the visible text blocks (for removed[]), the first comment block,
   the meta tags and the JSON-LD scripts;
2. metadata: trafilatura's meta-tag and JSON-LD readers, the declared datetime;
3. comments: one per entry where the entries mark themselves (`marked_comments`), else
   trafilatura's comment extractor on that block alone, times from `<time>` elements;
4. main text: trafilatura's extraction cascade (`clean.extraction`: the same result, three of
   its element selections done without XPath callbacks into Python), last, on the tree itself
   (it prunes the tree in place; running it last spares a copy of the whole page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, field

import lxml.html

from newsprism.clean.comments import is_comment_header, split_comments
from newsprism.clean.live import EntryTime, html_entry_times
from newsprism.models import Comment

# The main text comes from trafilatura with its published benchmark options, comments off:
# with comments on, some pages' main text changes for the worse (trafilatura-eval, e.g. a
# page whose comment block makes the whole page look like a forum). Comments are read apart.
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True, "include_formatting": False}

# JSON-LD keys that state when a page was published, full datetime included (meta tags: PUBLISHED_META_KEYS).
JSONLD_PUBLISHED_RE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]{0,30})"')
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?")


# Comment blocks are found in the walk over the page (scan_page); this XPath looks only inside a
# hidden element, which the walk skips (trafilatura's own four comment XPaths cost several times more).
COMMENT_BLOCK_XPATH = lxml.html.etree.XPath(
    "descendant-or-self::*[self::div or self::section or self::ol or self::ul or self::aside]"
    "[contains(@id, 'omment') or contains(@class, 'omment') or contains(@id, 'isqus') or contains(@class, 'isqus')]"
)
# "readercomments", "user-comments": a comment block named for whose comments they are
COMMENT_BLOCK_RE = re.compile(r"(?i)\b(?:(?:reader|user|visitor)s?[-_]?)?(?:comments|comment-?list|commentlist|comments?-(?:area|section|wrapper|container)|disqus_thread|disqus)\b")


# ---------------------------------------------------------------- the page's own visible text, block by block
#
# trafilatura leaves out menus, footers, captions, "Most read" boxes and the like; so that nothing
# the user gave is lost, clean lists every visible block of the page that is not in the result.
# One walk over the tree clean already parsed; a block's reason comes from its innermost telling
# container (tag, then class / id / role), else from its own text.

SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "canvas"})
BLOCK_TAGS = frozenset({
    "html", "body", "main", "article", "section", "div", "header", "footer", "nav", "aside", "menu", "form", "fieldset",
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "caption", "figure", "figcaption", "blockquote", "pre", "address", "details", "summary", "legend", "hr", "br",
    "title", "center", "option", "label", "button",
})
# Tags that name what they hold, whatever their class ("header" only outside the article: an
# article's own header holds its headline, byline and standfirst).
TAG_REASONS = {
    "nav": "navigation", "menu": "navigation", "footer": "footer", "figcaption": "caption", "aside": "teaser",
    "form": "newsletter", "title": "title",
}
CONTAINER_RE = re.compile(
    r"(?<![a-z])(?:"
    r"(?P<navigation>nav|navbar|navigation|menu|menubar|breadcrumbs?|masthead|topbar|site-header|banner)"
    r"|(?P<footer>footer|colophon|contentinfo)"
    r"|(?P<caption>caption|wp-caption-text|figcaption|photo-credit|image-credit)"
    r"|(?P<standfirst>dek|article-dek|standfirst|stand-first|subhead|sub-head|subheadline|sub-headline|strapline)"
    r"|(?P<newsletter>newsletter|subscribe|subscription|signup|sign-up)"
    r"|(?P<comment_section>(?:(?:reader|user|visitor)s?[-_]?)?comments?|comment-list|commentlist|disqus|disqus_thread)"
    r"|(?P<share>share|sharing|social|share-buttons)"
    r"|(?P<cookie>cookie|cookies|consent|gdpr)"
    r"|(?P<advert>ad|ads|advert|adverts|advertisement|sponsored)"
    r"|(?P<teaser>related|most-read|mostread|most-popular|popular|trending|recommended|recommendations|teasers?"
    r"|sidebar|promo|more-stories|read-more|outbrain|taboola|complementary)"
    r")(?![a-z])"
)
COPYRIGHT_RE = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+")
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


_REASON_CACHE: dict[str, str | None] = {}


def _container_reason(tag: str, names: str, in_article: bool) -> str | None:
    """Return the reason a block container states by its tag, or by its "class id role" `names`."""
    reason = TAG_REASONS.get(tag)
    if reason:
        return reason
    if tag == "header":
        return None if in_article else "navigation"
    if len(names) == 2:
        return None
    if names in _REASON_CACHE:
        reason = _REASON_CACHE[names]
    else:
        match = CONTAINER_RE.search(names.lower())
        reason = match.lastgroup if match else None
        if len(_REASON_CACHE) < 4096:
            _REASON_CACHE[names] = reason
    if in_article and reason == "navigation":
        return None  # a class such as "article-header" or "banner-image" inside the story says nothing
    return reason


@dataclass
class PageScan:
    """What one walk over the page found for the later passes, so that none of them walks it again."""

    blocks: list[tuple[str, str | None]] = field(default_factory=list)
    comment_block: object | None = None  # the first visible comment container (an element), if any
    metas: list[dict[str, str]] = field(default_factory=list)  # attributes of every <meta> tag
    json_ld: list[str] = field(default_factory=list)  # texts of JSON-LD / settings+json scripts


COMMENT_CONTAINER_TAGS = frozenset({"div", "section", "ol", "ul", "aside"})
JSON_SCRIPT_TYPES = frozenset({"application/ld+json", "application/settings+json"})


def page_blocks(tree) -> list[tuple[str, str | None]]:
    """Return the page's visible text blocks in page order as (text, container reason or None).

    A block is the text of one block element (paragraph, heading, list item, table row, ...)
    without its block children; `<br>` ends a block. Scripts, styles, templates, the head
    (except its title) and elements hidden by `hidden` or an inline style are skipped.
    """
    return scan_page(tree).blocks


# The `hidden` and `style` attributes of the whole document (attribute nodes: cheaper than testing every element).
HIDDEN_CANDIDATES_XPATH = lxml.html.etree.XPath("//@hidden | //@style")


def _hidden_elements(root) -> set:
    """Return the elements hidden by a `hidden` attribute or an inline style.

    One XPath in C finds the few elements that carry either attribute, so that the walk
    reads no attributes at all from inline elements (reading every element's attributes
    in Python was most of the walk's cost).
    """
    return {
        attribute.getparent() for attribute in HIDDEN_CANDIDATES_XPATH(root)
        if attribute.attrname == "hidden" or HIDDEN_STYLE_RE.search(attribute)
    }


def scan_page(tree) -> PageScan:
    """Walk the page once: its visible text blocks (`page_blocks`), comment block, meta tags and JSON-LD."""
    scan = PageScan()
    blocks = scan.blocks

    def flush(buffer: list[str], reason: str | None) -> None:
        text = nfc(" ".join(" ".join(buffer).split()))
        if text:
            blocks.append((text, reason))
        buffer.clear()

    def walk(element, buffer: list[str], reason: str | None, in_article: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED_TAGS or not isinstance(tag, str):
                if tag == "head":
                    title = child.find("title")
                    if title is not None and title.text and title.text.strip():
                        if buffer:
                            flush(buffer, reason)
                        blocks.append((nfc(" ".join(title.text.split())), "title"))
                    scan.metas += [dict(meta.items()) for meta in child.iter("meta")]
                    scan.json_ld += [script.text for script in child.iter("script") if script.get("type") in JSON_SCRIPT_TYPES and script.text]
                elif tag == "script" and child.get("type") in JSON_SCRIPT_TYPES and child.text:
                    scan.json_ld.append(child.text)
                tail = child.tail
                if tail and not tail.isspace():
                    buffer.append(tail)
                continue
            if hidden and child in hidden:
                if scan.comment_block is None:  # comments folded away until a reader opens them are still comments
                    scan.comment_block = _comment_block(child)
                tail = child.tail
                if tail and not tail.isspace():
                    buffer.append(tail)
                continue
            if tag in BLOCK_TAGS:
                if buffer:
                    flush(buffer, reason)
                classes, ident, role = child.get("class"), child.get("id"), child.get("role")
                if classes is not None or ident is not None or role is not None:
                    names = f"{classes or ''} {ident or ''} {role or ''}"
                    if (
                        scan.comment_block is None and tag in COMMENT_CONTAINER_TAGS and ("omment" in names or "isqus" in names)
                        and len(child) and COMMENT_BLOCK_RE.search(f"{'' if ident is None else ident} {'' if classes is None else classes}")
                    ):
                        scan.comment_block = child
                    inner = _container_reason(tag, names, in_article) or reason
                else:
                    inner = TAG_REASONS.get(tag) or (None if in_article or tag != "header" else "navigation") or reason
                text = child.text
                own = [text] if text and not text.isspace() else []
                if len(child):
                    walk(child, own, inner, in_article or tag == "article" or tag == "main")
                if own:
                    flush(own, inner)
            else:
                if tag == "meta":
                    attributes = dict(child.items())
                    if attributes:
                        scan.metas.append(attributes)
                text = child.text
                if text and not text.isspace():
                    buffer.append(text)
                if len(child):
                    walk(child, buffer, reason, in_article)
            tail = child.tail
            if tail and not tail.isspace():
                buffer.append(tail)

    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    hidden = _hidden_elements(root)
    top: list[str] = []
    try:
        walk(root, top, None, False)
    except RecursionError:  # a pathologically deep page: list what was read so far
        pass
    if top:
        flush(top, None)
    return scan


NON_WORD_RE = re.compile(r"\W+")
KEEP_NEWLINES_RE = re.compile(r"[^\w\n]+")


def _key(text: str) -> str:
    return NON_WORD_RE.sub(" ", text.lower()).strip()


def left_out_blocks(blocks: list[tuple[str, str | None]], kept: list[str], known: list[str]) -> list[tuple[str, str]]:
    """Return (text, reason) for each page block not found in `kept` (body, comments, removed parts).

    `known` holds the metadata values (title, byline, outlet, ...): a block that is only such
    a value is in its field already, and so is a page title made of them ("Headline | Site").
    A block of one or two short words counts as found only when it is a whole line of `kept`
    (a menu item "World News" is not found in a body sentence that says "world news"); a block
    of three words or more also when it is inside one ("by Jane Doe" split off a body line by
    the layout: a part kept in the text is not also listed as removed). Repeats are listed once.
    """
    from newsprism.clean.metadata import find_date, read_byline
    from newsprism.clean.patterns import match_clutter

    # one substitution over all of it (not one per line): most of the cost here
    lines = {line.strip() for line in KEEP_NEWLINES_RE.sub(" ", "\n".join([*kept, *known]).lower()).split("\n")}
    corpus = " " + " \n ".join(lines) + " "
    # " key " can be in the corpus only when each of its words is a word of it: most blocks that are
    # not there (menus, footers) miss a word, and are told so without a search through the whole corpus
    corpus_words = set(corpus.split())
    found: set[str] = set()
    result: list[tuple[str, str]] = []
    keys = KEEP_NEWLINES_RE.sub(" ", "\n".join(text for text, _ in blocks).lower()).split("\n")  # block texts hold no newline
    for (text, container), key in zip(blocks, keys, strict=True):
        key = key.strip()
        if not key or key in lines or key in found:
            continue
        found.add(key)
        if (len(key) >= 24 or key.count(" ") >= 2) and corpus_words.issuperset(key.split()) and f" {key} " in corpus:
            continue
        if container == "title" and all(_key(part) in lines for part in TITLE_SEPARATORS.split(text)):
            continue
        reason = container
        if reason in (None, "footer", "title"):
            if reason != "title" and read_byline(text):
                reason = "byline"
            elif reason is None and find_date(text)[1] is not None and len(text.split()) <= 8:
                reason = "dateline"
            elif COPYRIGHT_RE.search(text):
                reason = "copyright"
            elif reason is None:
                words = len(text.split())
                reason = (match_clutter(text, words, footer=True, html=True) if words <= 15 else None) or "page_chrome"
        result.append((text, reason))
    return result


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, as trafilatura's own extract() returns it (bare_extraction does not).

    Pages that spell "ü" as "u" plus a combining mark would otherwise never match the same
    words typed by a reader, or the trafilatura-eval segments (3 segments lost there).
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


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
    blocks: list[tuple[str, str | None]] = field(default_factory=list)  # the page's visible text blocks (page_blocks)
    entry_times: list[EntryTime] = field(default_factory=list)  # a live page's entries (time, first blocks, headline), live.html_entry_times


def _comment_block(element):
    """Return the first comment container at or under `element`, or None."""
    for candidate in COMMENT_BLOCK_XPATH(element):
        if COMMENT_BLOCK_RE.search(f"{candidate.get('id', '')} {candidate.get('class', '')}") and len(candidate) >= 1:
            return candidate
    return None


PUBLISHED_META_KEYS = (
    ("property", frozenset({"article:published_time", "og:published_time"})),
    ("name", frozenset({"pubdate", "publish-date", "publish_date", "sailthru.date", "DC.date.issued", "dcterms.created"})),
    ("itemprop", frozenset({"datePublished"})),
)


def declared_datetime(scan: PageScan) -> str | None:
    """Return the publication datetime the page declares in meta tags or JSON-LD, as ISO, or None."""
    values = [
        meta["content"] for meta in scan.metas
        if "content" in meta and any(meta.get(key) in names for key, names in PUBLISHED_META_KEYS)
    ]
    for script in scan.json_ld[:5]:
        values += JSONLD_PUBLISHED_RE.findall(script)
    for value in values:
        match = ISO_RE.match(re.sub(r"\.\d+", "", value.strip()))
        if match:
            return match.group(0).replace(" ", "T", 1)
    return None


SURROGATES_RE = re.compile("[\ud800-\udfff]")
JSON_UNICODE_ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
HTML_TAG_RE = re.compile(r"(<!--.*?-->|<[^>]*>)")


def _read_json_ld(script: str, doc):
    """Add what one JSON-LD script says to trafilatura's metadata `doc`, as its extract_meta_json does.

    trafilatura (pinned 2.3.1) first strips the whitespace between JSON tokens with a regex
    that calls back per string literal, then drops lone surrogates one character at a time: a
    third of clean's metadata time on ScrapingHub. json.loads ignores that whitespace anyway
    (the later whitespace collapse keeps the strings as trafilatura has them), and one regex
    drops the surrogates; trafilatura's own readers then take the fields.
    """
    import json
    from html import unescape

    from trafilatura import metadata as meta

    text = script
    if "\\" in text:
        text = text.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        text = JSON_UNICODE_ESCAPE_RE.sub(lambda match: chr(int(match[1], 16)), text)
        text = unescape(SURROGATES_RE.sub("", text))
    text = " ".join(HTML_TAG_RE.sub("", text).split())
    try:
        return meta.extract_json(json.loads(text, strict=False), doc)
    except json.JSONDecodeError:
        return meta.extract_json_parse_error(text, doc)


def _metadata(tree, url: str | None, scan: PageScan):
    """Return trafilatura's metadata without its costly parts (author scan, categories, licence, extensive date search)."""
    from trafilatura import metadata as meta

    doc = meta.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    for script in scan.json_ld:
        try:
            doc = _read_json_ld(script, doc)
        except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader can fail on odd pages; the rest still holds
            pass
    doc.title = doc.title or meta.extract_title(tree)
    # no extract_author fallback: it scans the whole tree (a third of the metadata time on ScrapingHub)
    doc.url = doc.url or meta.extract_url(tree, url)
    doc.sitename = doc.sitename or meta.extract_sitename(tree) or title_sitename(tree, scan)
    declared = declared_datetime(scan)
    if declared:
        doc.date = declared
    else:
        params = meta.set_date_params(False)
        params["url"] = doc.url
        doc.date = meta.find_date(tree, **params)
        if doc.date and len(doc.date) == 10:
            doc.date = _timed_element_date(tree, doc.date) or doc.date
    return doc


# A site name in a page title: one to five words, each capitalised (or a short joining word).
SITE_NAME_RE = re.compile(r"(?:(?:the|of|and|&|de|la|le|el|di)\s+|[A-Z0-9][\w'’.&-]*\s+){0,4}[A-Z0-9][\w'’.&-]*")


def title_sitename(tree, scan: PageScan) -> str | None:
    """Return the site name a page's <title> adds to its headline ("Headline | Site", "Site - Headline"), or None.

    trafilatura takes a title part only when it holds a dot (a domain); a page with no
    og:site_name and no JSON-LD publisher often names itself only there. The other part must
    be the headline as the page shows it apart from <title> (its <h1> or og:title, any case),
    so a headline with a colon or a dash is never cut, and a part made only of section words
    ("World", "Opinion") is no site.
    """
    from newsprism.clean.patterns import masthead_words

    title = next((text for text, reason in scan.blocks if reason == "title"), None)
    if not title:
        return None
    parts = TITLE_SEPARATORS.split(title)
    sections = masthead_words()[1]
    # "Headline - Site - Print": a last part of section words only ("Print") says which view of the page this is
    while len(parts) > 2 and all(word in sections for word in _key(parts[-1]).split()):
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    headlines = {_key(meta["content"]) for meta in scan.metas if meta.get("property") == "og:title" and meta.get("content")}
    headlines |= {_key(h1.text_content()) for h1 in tree.iter("h1")}
    for name, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        name = name.strip()
        shown = " ".join(rest)
        # "Print: Headline | Site": a view's or section's word before the headline ("Print:", "Live:")
        kicker = re.match(r"([\w ]{1,30}):\s+", shown)
        if kicker and all(word in sections for word in _key(kicker.group(1)).split()):
            shown = shown[kicker.end():]
        # "Headline - Page 34": a page number, not a site
        if _key(shown) in headlines and SITE_NAME_RE.fullmatch(name) and not name.split()[-1].isdigit() and _key(name) not in headlines:
            if not all(word in sections for word in _key(name).split()):
                return name
    return None


def _timed_element_date(tree, day: str) -> str | None:
    """Return the first `<time datetime>` of the page on `day` that also gives the time of day, or None.

    htmldate's quick search gives the day only; the article's own `<time>` element often says
    when on that day ("2026-03-18T08:00:00+01:00"), as meta tags would.
    """
    for element in tree.iter("time"):
        value = (element.get("datetime") or "").strip()
        match = ISO_RE.match(value)
        if match and value.startswith(day) and len(match.group(0)) > 10:
            return match.group(0).replace(" ", "T", 1)
    return None


COMMENT_COUNT_TAIL_RE = re.compile(r"\s+\d+\s+comments?\s*$", re.IGNORECASE)
KIND_BY_RE = re.compile(r"^(\w+)\s+by\s", re.IGNORECASE)


# "Posted by Jane Doe on 5 March 2026", "Written by Jane Doe": a credit verb before "by"
CREDIT_BY_RE = re.compile(r"^(?:written|words|story|text|posted|reported)\s+by\s", re.IGNORECASE)


# What a byline block opens with: "By", or a word and "by" ("Analysis by", "Written by"); see block_byline
BY_START_RE = re.compile(r"by[ \u00a0]|\w+\s+by\s", re.IGNORECASE)


def block_byline(blocks: list[tuple[str, str | None]]) -> str | None:
    """Return the name of the first short "By Name" block outside any menu, footer or comment block, or None.

    For pages that state no author in meta tags or JSON-LD and whose byline trafilatura leaves
    out of the main text ("<div class=author>By Jane Doe, Chief Reporter</div>").
    """
    from newsprism.clean.metadata import find_date, read_byline
    from newsprism.clean.patterns import masthead_words

    sections = masthead_words()[1]
    for text, reason in blocks:
        if reason is not None or not BY_START_RE.match(text):
            continue  # only a block outside menus and footers that opens with "By" or "<word> by" can be one
        kind = KIND_BY_RE.match(text)
        if kind and kind.group(1).lower() in sections:
            text = text[kind.end(1) :].lstrip()  # "Analysis by Jane Doe": the piece's kind, then its byline
        text = re.sub(r"\s+,", ",", text)  # "By <a>Jane Doe</a>, Chief Reporter": inline elements are joined with a space
        if reason is None and len(text.split()) <= 10 and (text[:3].lower() in ("by ", "by\u00a0") or CREDIT_BY_RE.match(text)):
            name = read_byline(COMMENT_COUNT_TAIL_RE.sub("", text))  # "By Jane Doe 0 Comments": a count, no name
            dated = find_date(name)[1] if name else None
            if dated is not None:  # "By Jane Doe on January 20, 2020": the date is the dateline's
                name = re.sub(r"(?:\s*[,|·•-]|\s+on)?\s*$", "", name[: dated.start()]) or None
            if name and name[:1].isupper() and not name.endswith((".", "!", "?")):
                return name
    return None


# "Words: Jane Doe", "By Jane Doe", "Text by Jane Doe": a visible credit label, then the name
CREDIT_LABEL_RE = re.compile(r"^(?:by|(?:words|text|story|written|reporting|author)(?:\s+by|\s*:))\s+(?P<name>.+)$", re.IGNORECASE)
PERSON_NAME_RE = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}")


def is_desk_byline(name: str) -> bool:
    """True for a byline naming a desk or team ("Newsdesk", "Staff Reporter"): one word, or a word of `data/clean/desk_words.txt`."""
    from newsprism.clean.patterns import desk_words

    words = re.findall(r"[^\W\d_]+", name.lower())
    return len(words) <= 1 or any(w in desk_words() for w in words)


CREDIT_LABEL_START_RE = re.compile(r"(?:by|words|text|story|written|reporting|author)", re.IGNORECASE)
CREDIT_LABEL_LONGEST = 9  # "reporting"


def _opens_with_credit_label(element) -> bool:
    """Whether the element's text can start with a credit label word (what `CREDIT_LABEL_RE` asks first).

    Reads only the first pieces of its text, enough to hold the longest label word."""
    start = ""
    for piece in element.itertext():
        start = (start + piece).lstrip()
        if len(start) >= CREDIT_LABEL_LONGEST:
            break
    return bool(start) and CREDIT_LABEL_START_RE.match(start) is not None


def person_credit(tree) -> str | None:
    """The person a visible credit on the page names ("<span>Words: Jane Doe</span>"), or None.

    Of the short elements that read as a credit label and a name of two to four capitalised
    words, the one with the fewest words: a credit's row also holds the role ("Jane Doe
    Transport Editor"), its own element holds the name alone."""
    best: str | None = None
    for element in tree.iter("span", "div", "p", "a", "address", "li", "strong", "b", "em", "small"):
        if not _opens_with_credit_label(element):
            continue  # most elements: their first words tell, without reading all their text
        text = " ".join(element.text_content().split())
        if not text or len(text.split()) > 8:
            continue
        found = CREDIT_LABEL_RE.match(text)
        name = found["name"].strip(" ,") if found else ""
        if PERSON_NAME_RE.fullmatch(name) and not is_desk_byline(name) and (best is None or len(name) < len(best)):
            best = name
    return best


# a class naming the byline: "byline", "nv-byline", "article__byline", "byline-name"
BYLINE_CLASS_RE = re.compile(r"(?:^|[\s_-])byline(?:$|[\s_-])", re.IGNORECASE)
BYLINE_LABEL_RE = re.compile(r"^(?:by|author|written by|words|text|von|par|por)\s*:?\s+", re.IGNORECASE)


def marked_byline(tree) -> str | None:
    """The writer's name standing alone in an element the page marks as its byline
    (`<div class="nv-byline">Corin Halvsen</div>`, as an aggregator sets a partner's story), or None.

    The element's whole text must be a name of two to four capitalised words, no desk or team
    ("Staff Reporter"), outside any comment block: the class says what it is, so no "By" is needed,
    but a teaser's or a comment's byline is not the article's. (A bare name by its place alone,
    over a date block, was tried in session 14 and taken back: "Ort Saarbrücken".)"""
    for element in tree.iter("div", "span", "p", "a", "address", "li", "strong", "b", "em", "small"):
        if not BYLINE_CLASS_RE.search(element.get("class") or ""):
            continue
        text = _short_text(element, 6)
        text = BYLINE_LABEL_RE.sub("", text) if text else text  # "By Jane Doe", "Author Jane Doe": the label is no part of the name
        if not text or not PERSON_NAME_RE.fullmatch(text) or is_desk_byline(text):
            continue
        if any(COMMENT_BLOCK_RE.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors()):
            continue
        return text
    return None


# "Jane Doe, Tollmark | 15.06.2026, 07:00": a name (two to four capitalised words), maybe a place, a bar or dot, then a date
NAME_DATE_RE = re.compile(r"^(?P<name>[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3})(?:,\s*[A-ZÀ-Þ][\w'’ -]{1,30})?\s*[|·•]\s*(?P<rest>.{6,60})$")


def name_date_byline(blocks: list[tuple[str, str | None]], headline: str | None) -> str | None:
    """Return the name of a "Name, Place | date" block right under the headline, or None.

    Print views and small sites set the byline without "By", as one line of name and
    date under the headline; only the block that follows the headline's own block is
    read, and the part after the bar must be a date, so a body line is never a byline.
    """
    from newsprism.clean.metadata import find_date

    if not headline:
        return None
    key = _key(headline)
    for index, (text, reason) in enumerate(blocks[:-1]):
        if reason is None and _key(text) == key:
            following, following_reason = blocks[index + 1]
            match = NAME_DATE_RE.match(following) if following_reason is None else None
            if match and find_date(match["rest"])[0]:
                return match["name"]
            return None
    return None


def _short_text(element, limit: int = 12) -> str | None:
    """The element's text when it has at most `limit` words, else None (reads no further than needed)."""
    parts: list[str] = []
    count = 0
    for piece in element.itertext():
        count += len(piece.split())
        if count > limit:
            return None
        parts.append(piece)
    return " ".join(" ".join(parts).split())


@lru_cache(maxsize=128)
def _reader_tool_rows(first: str = "") -> tuple:
    """The line patterns of comment buttons (reason comment_ui, data/clean/line_patterns.tsv), as (max words, regex).

    With `first`, a text's lower-cased first ASCII character, only the rows whose anchored
    pattern can start with it (`patterns.first_characters`, as `match_clutter` picks its rows):
    most of a page's blocks then try no regex at all. "" gives every row."""
    from newsprism.clean.patterns import line_patterns

    return tuple(
        (row.max_words, row.regex) for row in line_patterns()
        if row.reason == "comment_ui" and not row.footer_only and (not first or row.starts is None or first in row.starts)
    )


def _is_tools_text(text: str | None) -> bool:
    """Whether a short text is a comment's row of reader actions ("Reply · Like", "Agree (14) | Report")."""
    if not text:
        return False
    first = text[0]
    rows = _reader_tool_rows(first.lower() if first.isascii() else "")
    limits = [limit for limit, regex in rows if regex.search(text)]  # anchored: most texts fail at their first word
    if not limits:
        return False
    words = len(text.split())
    # two actions at least: one "Report" link is as often an embedded post's as a comment's
    if not 2 <= words <= 12 or len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
        return False
    return any(words <= limit for limit in limits)


def _is_reader_tools(element) -> bool:
    """Whether the element is a comment's row of reader actions."""
    return _is_tools_text(_short_text(element))


TOOL_ROW_TAGS = ("div", "span", "p", "ul", "footer", "small", "nav", "section")
ENTRY_LEVELS = 4


def _word_count(element) -> int:
    return sum(len(piece.split()) for piece in element.itertext())


def tools_comment_block(tree, blocks: list[tuple[str, str | None]] | None = None) -> tuple[object | None, list]:
    """Return (block, entries) of a comment section the page does not name, found by its shape; (None, []) when none.

    Whatever a site calls its section ("talkback", "reader voices"), each comment carries
    its own row of reader actions (data/clean/line_patterns.tsv, reason comment_ui): two or
    more sibling elements of one tag and class, each holding such a row and some words
    besides, are the entries, when their parent holds little else. The block is that parent,
    widened to the ancestors that add no more than a heading and a house-rules line
    (`BLOCK_EXTRA_WORDS`). The page's text `blocks` (`scan_page`), when given, are looked
    through first: most pages show no such row, and then the tree is not walked.
    """
    if blocks is not None and not any(len(text) < 120 and _is_tools_text(text) for text, _ in blocks):
        return None, []
    entries_of: dict[object, list] = {}
    for row in tree.iter(*TOOL_ROW_TAGS):
        if not _is_reader_tools(row):
            continue
        entry = row
        for _ in range(ENTRY_LEVELS):
            parent = entry.getparent()
            if parent is None:
                break
            shape = (entry.tag, entry.get("class") or "")
            if entry is not row and sum(1 for c in parent if (c.tag, c.get("class") or "") == shape) >= 2:
                if entry not in entries_of.setdefault(parent, []):
                    entries_of[parent].append(entry)
                break
            entry = parent
    fits = [(parent, entries) for parent, entries in entries_of.items() if len(entries) >= 2 and all(_word_count(e) > 4 for e in entries)]
    if not fits:
        return None, []
    parent, entries = max(fits, key=lambda fit: len(fit[1]))
    entry_words = sum(_word_count(e) for e in entries)
    if _word_count(parent) - entry_words > BLOCK_EXTRA_WORDS:
        return None, []  # entries between the story's paragraphs (embedded posts) are no comment section
    block = parent
    while (up := block.getparent()) is not None and up.tag not in ("body", "html", "article", "main"):
        if _word_count(up) - entry_words > BLOCK_EXTRA_WORDS:
            break
        block = up
    return block, entries


BLOCK_EXTRA_WORDS = 30


def read_comments(container, url: str | None, entries: list | None = None, captured: str | None = None) -> list[Comment]:
    """Return the reader comments in a page's comment block (its `entries` when known), by trafilatura's comment extractor."""
    from trafilatura.core import _prepare_tree  # pinned trafilatura 2.3.1: the step bare_extraction runs first
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    if container is None:
        return []  # most pages: no comment block, no cost
    marked = marked_comments(container, entries, captured)
    if marked:
        return marked
    # prepare only the comment block, not the whole page: a fraction of the cost
    page = lxml.html.Element("html")
    body_element = lxml.html.etree.SubElement(page, "body")
    body_element.append(deepcopy(container))
    options = Extractor(comments=True, tables=True, formatting=False)
    cleaned, _ = _prepare_tree(page, options, url)
    body, _, _ = extract_comments(cleaned, options)
    lines = [nfc(line) for line in xmltotxt(body, False).split("\n") if line.strip()]
    if lines and is_comment_header(lines[0]):
        lines = lines[1:]
    return _add_posted_times(split_comments(lines, bare_handles=True, captured=captured)[0], container)


# A comment entry marks itself: class "comment" (or "comment-item", "single-comment", ...) or an id
# such as "comment-123" (WordPress, Drupal and most comment plugins); its parts name themselves too.
ENTRY_CLASS_RE = re.compile(r"^(?:comment|comment-(?:item|entry|wrap|wrapper|container|thread-item)|single-comment|commentlist-item|c-comment)$")
ENTRY_ID_RE = re.compile(r"^(?:comment|li-comment|div-comment)-\d+$")
AUTHOR_CLASS_RE = re.compile(r"(?<![a-z])(?:author|user(?![\w-])|username|user-name|comment-name|commenter|fn|nickname)(?![a-z])|__name\b")
BODY_CLASS_RE = re.compile(r"(?<![a-z])(?:comment-(?:body|content|text|message)|commentbody|comment_text|text|content|body|message)(?![a-z])")
ENTRY_CHROME_RE = re.compile(r"^(?:says|said|wrote)\s*:\s*|\s*\b(?:reply|antworten|répondre|responder)$", re.IGNORECASE)
SAYS_TAIL_RE = re.compile(r"\s+(?:says|said|wrote)\s*:?\s*$", re.IGNORECASE)


def _is_entry(element) -> bool:
    tag = element.tag
    if tag not in ("li", "article", "div", "section"):
        return False
    if ENTRY_ID_RE.match(element.get("id") or ""):
        return True
    return any(ENTRY_CLASS_RE.match(token) for token in (element.get("class") or "").split())


def marked_comments(container, entries: list | None = None, captured: str | None = None) -> list[Comment]:
    """Return the comments of a block whose entries mark themselves in the HTML, or [] when they do not.

    trafilatura's comment extractor flattens the block and drops the parts it takes for page
    furniture, "comment-meta" headers with the commenter's name and time among them, so two
    comments can run together. Where there are at least two marked entries, each entry gives
    one comment: its author element (class "author", "fn", ...), its `<time>`, and its text
    (the paragraphs of its "comment-body"/"comment-content" element when it has one, else its
    own), leaving out replies nested inside it (they are entries of their own).
    Entries that do not name themselves but repeat one shape (`_repeated_entries`) count as marked.
    A relative time ("5 hours ago") is counted back from `captured`, when the page was saved, if known.
    """
    from newsprism.clean.metadata import find_date, normalise_date, resolve_relative

    # the block itself is no entry, even when its class says "comment-wrapper" (Drupal): its heading and form are no comment
    if not entries:
        entries = [element for element in container.iter() if element is not container and isinstance(element.tag, str) and _is_entry(element)]
    if len(entries) < 2:
        entries = _repeated_entries(container)
    if len(entries) < 2:
        return []
    entry_set = set(entries)
    comments: list[Comment] = []
    for entry in entries:
        author = posted = body = None
        furniture: set[str] = set()  # texts of the author and time elements, not part of the comment

        own: list[str] = [entry.text or ""]  # the entry's own text, replies, author and time left out

        def walk(element) -> None:
            nonlocal author, posted, body
            for child in element:
                if not isinstance(child.tag, str) or child.tag in SKIPPED_TAGS or child in entry_set:
                    own.append(child.tail or "")
                    continue
                names = f"{child.get('class') or ''} {child.get('id') or ''}".lower()
                if child.tag == "time" and posted is None:
                    value = (child.get("datetime") or "").strip()
                    posted = (normalise_date(value) if value else None) or find_date(child.text_content())[0]
                    furniture.add(" ".join(child.text_content().split()))
                elif posted is None and DATE_CLASS_RE.search(names) and find_date(child.text_content())[0]:
                    posted = find_date(child.text_content())[0]  # <span class="date">3 March 2026 at 10:12</span>
                    furniture.add(" ".join(child.text_content().split()))
                elif DATE_CLASS_RE.search(names) and RELATIVE_TIME_RE.fullmatch(" ".join(child.text_content().split())):
                    furniture.add(" ".join(child.text_content().split()))  # "5 hours ago": a time only when the page's capture time is known
                    posted = posted or resolve_relative(child.text_content(), captured)
                elif child.tag in TOOL_ROW_TAGS and _is_reader_tools(child):
                    pass  # "Reply · Like": the reader's buttons, no part of the comment
                elif author is None and AUTHOR_CLASS_RE.search(names) and 0 < len(child.text_content().split()) <= 6:
                    author = SAYS_TAIL_RE.sub("", " ".join(child.text_content().split())) or None
                    furniture.add(" ".join(child.text_content().split()))
                else:
                    if body is None and BODY_CLASS_RE.search(names):
                        body = child
                    own.append(child.text or "")
                    walk(child)
                own.append(child.tail or "")

        walk(entry)
        if author is None:
            author = _unmarked_author(entry)
            if author:
                furniture.add(author)
        if posted is None:  # "<strong>Name</strong> wrote (18.03.2026 09:14):<blockquote>": the time in the entry's own header text
            posted = find_date(_entry_header_text(entry))[0]
        texts: list[str] = []
        for element in (body if body is not None else entry).iter("p", "blockquote", "pre"):
            if next((a for a in element.iterancestors() if a in entry_set), None) is not entry:
                continue  # inside a nested reply
            line = " ".join(element.text_content().split())
            if line and line not in furniture:
                texts.append(line)
        if not texts and body is not None:
            line = " ".join(body.text_content().split())
            texts = [line] if line and line not in furniture else []
        if not texts:  # no paragraphs and no text class: the entry's longest part that is no name, time or button row
            parts = [" ".join(e.text_content().split()) for e in entry.iter("div", "span", "p") if e is not entry and not _is_reader_tools(e)]
            longest = max((part for part in parts if part not in furniture and part != author), key=lambda part: len(part.split()), default="")
            texts = [longest] if len(longest.split()) >= 3 else []
        if not texts:  # text straight inside the entry, no paragraphs: what is left of it
            line = " ".join(" ".join(own).split())
            # '<b>Velmaro_Vic</b> 2 hours ago: Throw away the key!': the header run into the text
            # (the name, then when it was posted) is no part of what the reader wrote
            if author and line.startswith(author):
                line = line[len(author):].lstrip(" :·|-–—")
                head = LEADING_RELATIVE_RE.match(line)
                if head:
                    posted = posted or resolve_relative(head.group("when"), captured)
                    line = line[head.end():]
            line = ENTRY_CHROME_RE.sub("", line)
            texts = [line] if line else []
        text = nfc("\n".join(texts))
        if text:
            comments.append(Comment(author=nfc(author) if author else None, posted=posted, text=text))
    return comments if len(comments) >= 2 else []


ENTRY_TEXT_TAGS = ("p", "blockquote")


def _repeated_entries(container) -> list:
    """Return the entries of a comment block whose entries carry no comment class but share one shape.

    Many small sites write each comment as `<div class="c">` or a bare `<li>`: two or more
    siblings of one tag and class, each holding the comment's text in a paragraph or a
    blockquote, are the entries (the first such group, outermost first); the block's heading
    and its house-rules paragraph are siblings of another shape, so they are no comment.
    """
    for element in container.iter():
        if not isinstance(element.tag, str) or len(element) < 2:
            continue
        groups: dict[tuple[str, str], list] = {}
        for child in element:
            if isinstance(child.tag, str) and child.tag in ("div", "li", "article", "section"):
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for members in groups.values():
            if len(members) >= 2 and all(_holds_entry_text(member) for member in members):
                return members
    return []


def _holds_entry_text(member) -> bool:
    """Whether a would-be comment entry holds its text: a paragraph or quote, or an element whose class names a comment's text ("usercomment__text")."""
    if next(member.iter(*ENTRY_TEXT_TAGS), None) is not None:
        return True
    return any(BODY_CLASS_RE.search((element.get("class") or "").lower()) for element in member.iter() if element is not member and isinstance(element.tag, str))


# Classes of an element that shows when a comment was posted, when the page uses no <time>.
DATE_CLASS_RE = re.compile(r"date|time|posted|published|when", re.IGNORECASE)

# Inline elements that, first in a comment entry and before its paragraphs, hold the commenter's
# name when the page gives it no class ("<div class=comment><b>nomad_74</b><p>...</p></div>").
AUTHOR_TAGS = frozenset({"b", "strong", "cite", "span", "a", "h3", "h4", "h5", "h6", "header", "em"})


def _entry_header_text(entry) -> str:
    """The text a comment entry writes before its first paragraph or quote: its own text and the tails of the elements before it."""
    parts = [entry.text or ""]
    for child in entry:
        if not isinstance(child.tag, str) or child.tag in ("p", "blockquote", "div", "pre"):
            break
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


RELATIVE_TIME_RE = re.compile(r"(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)\s+ago|yesterday|just now|today)", re.IGNORECASE)
# "2 hours ago: " / "yesterday - " opening what an entry says after its author's name
LEADING_RELATIVE_RE = re.compile(r"^(?P<when>" + RELATIVE_TIME_RE.pattern + r")\s*(?:[:·|–—-]\s*|$)", re.IGNORECASE)
RELATIVE_TAIL_RE = re.compile(r"\s+(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)\s+ago$", re.IGNORECASE)


HEADER_WORDS = 8


def _unmarked_author(entry) -> str | None:
    """The commenter's name written in a plain inline element that opens the entry, else None."""
    for child in entry:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "div" and len(child) and len(child.text_content().split()) <= HEADER_WORDS and not (child.text or "").strip():
            return _unmarked_author(child)  # '<div class="head"><b>Ulla</b> · yesterday</div>': the entry's header row
        if child.tag in {"p", "blockquote", "div"}:
            return None  # the text came first: no name before it
        # "Anna K. 2 h ago": a header holding the name and when it was posted; the time is no part of the name
        words = RELATIVE_TAIL_RE.sub("", " ".join(child.text_content().split()))
        if child.tag in AUTHOR_TAGS and 0 < len(words.split()) <= 4 and not re.search(r"\w{3,}[.!?]$", words):  # "Anna K." is a name, "Agreed." a remark
            return nfc(SAYS_TAIL_RE.sub("", words)) or None
        return None
    return None


def _flat_text_and_stamps(container) -> tuple[str, list[tuple[int, str]]]:
    """Return the block's text with whitespace collapsed, and (offset, ISO) for each dated <time> in it.

    A `<time>` element's date is its `datetime` attribute, else its own text when that is a date.
    """
    from newsprism.clean.metadata import find_date, normalise_date

    pieces: list[str] = []
    stamps: list[tuple[int, str]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        words = " ".join(text.split()) if text else ""
        if words:
            pieces.append(words)
            length += len(words) + 1

    def walk(element) -> None:
        for child in element:
            if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
                if child.tag == "time":
                    value = (child.get("datetime") or "").strip()
                    iso = (normalise_date(value) if value else None) or find_date(child.text_content())[0]
                    if iso:
                        stamps.append((length, iso))
                add(child.text)
                walk(child)
            add(child.tail)

    walk(container)
    return nfc(" ".join(pieces)), stamps


def _add_posted_times(comments: list[Comment], container) -> list[Comment]:
    """Give comments without a posted time the one their entry shows in a `<time>` element.

    The flattened comment text loses those elements, so each comment's text is found again in
    the block's own text and takes the time between it and its neighbour: the time before its
    text when the block puts times above the text (the first time comes before the first
    comment's text), else the time after it. A comment with no such time keeps None.
    """
    if not comments or all(c.posted for c in comments):
        return comments
    flat, stamps = _flat_text_and_stamps(container)
    if not stamps:
        return comments
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for comment in comments:
        probe = " ".join(comment.text.split())[:60]
        start = flat.find(probe, cursor) if probe else -1
        if start < 0:
            spans.append(None)
            continue
        spans.append((start, start + len(" ".join(comment.text.split()))))
        cursor = start + len(probe)
    found = [span for span in spans if span]
    if not found:
        return comments
    times_first = stamps[0][0] <= found[0][0]
    result = []
    for index, (comment, span) in enumerate(zip(comments, spans)):
        if comment.posted or span is None:
            result.append(comment)
            continue
        if times_first:
            low = max((s[1] for s in spans[:index] if s), default=-1)
            window = [iso for offset, iso in stamps if low <= offset <= span[0]]
            iso = window[-1] if window else None
        else:
            high = min((s[0] for s in spans[index + 1:] if s), default=len(flat) + 1)
            window = [iso for offset, iso in stamps if span[1] <= offset <= high]
            iso = window[0] if window else None
        result.append(comment.model_copy(update={"posted": iso}) if iso else comment)
    return result


def main_text(tree, url: str | None) -> str | None:
    """Return trafilatura's main text of the page, or None when it finds none; `tree` is pruned in place.

    What `trafilatura.bare_extraction(tree, **TRAFILATURA_OPTIONS).text` returns (pinned 2.3.1),
    without its copy of the whole tree (clean has read all it needs from the page before) and
    through `extraction_sequence`, trafilatura's cascade with two of its steps done faster.
    """
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    from newsprism.clean.extraction import extraction_sequence

    options = Extractor(
        output_format="python", comments=TRAFILATURA_OPTIONS["include_comments"],
        tables=TRAFILATURA_OPTIONS["include_tables"], formatting=TRAFILATURA_OPTIONS["include_formatting"], url=url,
    )
    try:
        body, text = extraction_sequence(tree, options, options.url)
    except (TypeError, ValueError):  # bare_extraction's own "discarding data" cases
        return None
    if len(text) < options.min_output_size:
        return None
    return xmltotxt(body, options.formatting)


def _html_parser() -> lxml.html.HTMLParser:
    """trafilatura's own parser settings, with lxml's C-level element class lookup.

    lxml.html's default lookup is Python code run for every element object created (it picks
    form and input classes by tag), about a tenth of trafilatura's time; trafilatura and the
    walk below use no form classes, so every element can simply be an HtmlElement. The main
    text comes out the same on every benchmark page (ScrapingHub and trafilatura-eval).
    """
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(lxml.html.etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))
    return parser


_PARSER = _html_parser()


def load_page(html: str) -> lxml.html.HtmlElement | None:
    """Parse a page as trafilatura's `load_html` does (repairs, bytes fallback, dubious-page
    check), with the faster element lookup of `_html_parser`."""
    from trafilatura.utils import is_dubious_html, repair_faulty_html  # heavy import, only for HTML input

    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree = None
    try:
        tree = lxml.html.fromstring(html, parser=_PARSER)
    except Exception:  # noqa: BLE001 - as trafilatura: a str declaring its encoding (ValueError) or a parser error; bytes next
        tree = None
    if tree is None or len(tree) < 1:
        try:
            tree = lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
        except Exception:  # noqa: BLE001 - not parseable as HTML: the caller records the page as unreadable
            tree = None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def headline_beside_site_name(tree, blocks: list[tuple[str, str | None]], title: str | None) -> str | None:
    """Return the page's headline when the title read is the site's name beside it in <title>, else None.

    "Kelmby Star | Minister visits town": where the page's own h1 or h2 is one side of
    <title> and the title read is all of the other side, that side is the site's name.
    """
    raw = next((text for text, reason in blocks if reason == "title"), None)
    if not raw or not title or _key(title) == _key(raw):
        return None
    for heading in tree.iter("h1", "h2"):
        text = nfc(" ".join(heading.text_content().split()))
        if len(text.split()) < 3 or text not in raw or _key(text) == _key(title):
            continue
        rest = raw.replace(text, " ", 1)
        if _key(" ".join(TITLE_SEPARATORS.split(rest))) == _key(title) and TITLE_SEPARATORS.search(f" {rest} "):
            return text
    return None


STORY_HEADINGS = ("h1", "h2", "h3")
TABLE_PARTS = ("thead", "tbody", "tfoot", "tr", "td", "th")


def _rows(table) -> list:
    """The table's own rows (those of nested tables left out)."""
    return [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]


def _cells(row) -> list:
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]


def _story_frame(table) -> bool:
    """Whether a cell of the table holds a story: a heading and two paragraphs or more."""
    if next(table.iter(*STORY_HEADINGS), None) is None:
        return False  # most tables (and all data tables without headings): no row needs reading
    return any(
        next(cell.iter(*STORY_HEADINGS), None) is not None and sum(1 for _ in cell.iter("p")) >= 2
        for row in _rows(table) for cell in _cells(row)
    )


def layout_tables(tree) -> list:
    """Return the tables that lay out the page rather than hold data, outermost first.

    An old-style page sets its masthead, menu, story and sidebar in table cells. A table
    with a cell holding a heading and paragraphs frames the story; on such a page, a table
    of one cell a row that no other table holds is a frame too (the masthead, the menu),
    while inside a frame it is a box (a pull quote) and stays. Pages without a story frame
    keep all their tables: a data table's header cell may hold a heading, a notes column
    paragraphs. trafilatura writes table rows as "| a | b |" lines, which would put the
    masthead and the menu into the story. A table that only sets an image beside or above a few
    words (`_media_table`: a print page's logo, a photo over its caption) is layout on any page.
    """
    tables = list(tree.iter("table"))
    if not tables:
        return []
    frames = [table for table in tables if _story_frame(table)]
    if not frames:
        return [table for table in tables if _media_table(table)]
    single = [
        table for table in tables
        if table not in frames and next(table.iterancestors("table"), None) is None and all(len(_cells(row)) <= 1 for row in _rows(table))
    ]
    return [table for table in tables if table in frames or table in single or _media_table(table)]


MEDIA_CELL_WORDS = 40


def _media_table(table) -> bool:
    """Whether a table only sets an image beside or above a few words: a print page's logo and domain,
    a photo over its caption. No data table: two cells at most, one holding an image, and no more
    than a caption's words in all."""
    if next(table.iter("img"), None) is None or next(table.iterancestors("table"), None) is not None:
        return False
    cells = [cell for row in _rows(table) for cell in _cells(row)]
    return len(cells) <= 2 and len(table.text_content().split()) <= MEDIA_CELL_WORDS


def unwrap_layout_tables(tree) -> int:
    """Turn each layout table (`layout_tables`) and its rows and cells into plain divisions; return how many."""
    tables = layout_tables(tree)
    parts = [part for table in tables for part in (table, *(e for e in table.iter(*TABLE_PARTS) if next(e.iterancestors("table"), None) is table))]
    for part in parts:
        part.tag = "div"
    return len(tables)


def _article_bodies(value) -> Iterator[str]:
    """The articleBody strings of a JSON-LD value (an object, a list, an @graph), depth first."""
    if isinstance(value, dict):
        body = value.get("articleBody")
        if isinstance(body, str):
            yield body
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(value.get(key), (dict, list)):
                yield from _article_bodies(value[key])
    elif isinstance(value, list):
        for item in value:
            yield from _article_bodies(item)


def json_ld_paragraphs(scripts: list[str], text: str) -> str | None:
    """Return a JSON-LD articleBody with its paragraphs, when trafilatura's one-paragraph `text` is that body, else None.

    A page built by JavaScript may carry its story only in JSON-LD ("articleBody": "First.\\nSecond."):
    trafilatura then returns the body as one paragraph, its line breaks turned into spaces. The
    body's own breaks are its paragraphs, as a page's <p> elements are."""
    import json

    flat = " ".join(text.split())
    for script in scripts:
        if "articleBody" not in script:
            continue
        try:
            value = json.loads(script, strict=False)
        except json.JSONDecodeError:
            continue
        for body in _article_bodies(value):
            paragraphs = [" ".join(part.split()) for part in re.split(r"\n|<br\s*/?>|</p>", body)]
            paragraphs = [p for p in (HTML_TAG_RE.sub("", part).strip() for part in paragraphs) if p]
            if len(paragraphs) >= 2 and " ".join(paragraphs) == flat:
                return "\n".join(paragraphs)
    return None


def read_html(html: str, url: str | None = None, captured: str | None = None) -> HtmlReading:
    """Parse one page once; read its blocks, metadata and comments, then trafilatura's main text.

    `captured` (when the page was saved) resolves comments' relative times ("3 min ago")."""
    tree = load_page(html)
    if tree is None:
        return HtmlReading()
    scan = scan_page(tree)
    info = _metadata(tree, url, scan)
    block, entries = (scan.comment_block, None) if scan.comment_block is not None else tools_comment_block(tree, scan.blocks)
    comments = read_comments(block, url, entries, captured)
    if entries and comments and block.getparent() is not None:
        block.drop_tree()  # trafilatura prunes only the comment blocks it knows by name
    info.author = info.author or block_byline(scan.blocks) or name_date_byline(scan.blocks, info.title)
    if info.author is None and (marked := marked_byline(tree)) and _key(marked) != _key(info.sitename or ""):
        info.author = marked  # the site's own name in its byline slot ("La Tercera") names no writer
    if info.author and is_desk_byline(info.author):
        info.author = person_credit(tree) or info.author  # the page's "Words: Jane Doe" beats a meta tag's "Newsdesk"
    headline = headline_beside_site_name(tree, scan.blocks, info.title)
    if headline:
        info.sitename, info.title = info.sitename or info.title, headline
    entry_times = html_entry_times(tree, scan.blocks, captured)
    unwrap_layout_tables(tree)
    text = main_text(tree, url)  # last: it prunes the tree
    if text is not None and "\n" not in text.strip():
        text = json_ld_paragraphs(scan.json_ld, text) or text
    if text is None:
        return HtmlReading(title=info.title, byline=info.author, published=info.date, url=info.url, sitename=info.sitename, blocks=scan.blocks)
    return HtmlReading(
        text=nfc(text),
        comments=comments,
        title=info.title,
        byline=info.author,
        published=info.date,
        url=info.url,
        sitename=(info.sitename or "").lstrip("@") or None,
        blocks=scan.blocks,
        entry_times=entry_times,
    )
