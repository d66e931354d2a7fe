"""Feed reader: RSS / Atom / RDF bytes -> one Article per entry, with feedparser.

Per entry: the longest `content` value (full text), else `summary`; format "html" when its
type is HTML or XHTML. link -> url, title, author -> byline, published as given (an Atom
`updated` time is when the entry last changed, so it is not used as `published`). The entry's
outlet is the title of its `<source>` (RSS 2.0 and Atom name there the outlet an aggregator's
entry comes from: one feed, one entry per outlet), else the feed's own title, without the
section or kind its title adds (`feed_outlet`: "Coastline Post - Latest"), spelled out where the
title gives the name beside its initials ("CNA - Corvenian News Agency - Politics"). Records are
numbered by entry position, 1-based.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import feedparser

from newsprism.errors import InputError
from newsprism.ingest.decode import normalize_newlines
from newsprism.models import Article, Failure, content_id

_FEED_START = re.compile(
    rb"\s*(<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*|<\?xml-stylesheet[^>]*\?>\s*)*<(rss|feed|rdf:rdf)[\s>]",
    re.I | re.S,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def looks_like_feed(head: bytes) -> bool:
    """Return True when the first bytes of a document open an RSS, Atom or RDF feed."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return bool(_FEED_START.match(head[:4096]))


def _format(value: str, declared_type: str) -> str:
    # Feeds label plain summaries text/html too; text without a single tag is read as text.
    return "html" if declared_type in _HTML_TYPES and _TAG.search(value) else "text"


def _entry_body(entry) -> tuple[str, str] | None:
    """Return (body, format) of a feed entry: its longest content, else its summary."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], _format(best["value"], best.get("type", ""))
    summary = entry.get("summary") or ""
    if summary.strip():
        kind = (entry.get("summary_detail") or {}).get("type", "text/html")
        return summary, _format(summary, kind)
    return None


_TITLE_PARTS = re.compile(r"\s+[-–—|:»·•]\s+")
_HOST = re.compile(r"^[a-z]+://(?:www\.)?([^/:]+)", re.I)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


HOST_WORDS = frozenset({"www", "feeds", "feed", "rss", "atom", "news", "wire", "api", "m", "mobile", "blog", "blogs"})


def _host_labels(link: str) -> list[str]:
    """The names a link's host may spell an outlet by, the registered name first: "wire.brevmarkpress.example"
    gives ["brevmarkpress"]; the top-level part, parts of two letters ("co") and service words ("feeds") left out."""
    host = _HOST.match(link or "")
    if not host:
        return []
    parts = host.group(1).lower().split(".")[:-1]
    return [_letters(part) for part in reversed(parts) if len(_letters(part)) >= 3 and part not in HOST_WORDS]


def feed_outlet(title: str, link: str | list[str]) -> str:
    """Return the outlet a feed's title names: the part of "Coastline Post - Latest" that its site's domain spells.

    A feed's title often adds the section or the feed's kind to the outlet's name ("- Latest",
    "| World", "Top stories:", "- Regional wire"); the part whose letters a name of the domain holds
    ("brevmarkpress" of wire.brevmarkpress.example), or that holds it, is the outlet. `link` is the
    feed's site link, or several links to try in turn (its site, its own address, its entries'):
    an Atom feed may give only its own. Without such a part the whole title stays.
    """
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2:
        return title
    for address in [link] if isinstance(link, str) else link:
        for label in _host_labels(address):
            fits = [part for part in parts if len(_letters(part)) >= 3 and (_letters(part) in label or label in _letters(part))]
            if len(fits) == 1:
                # "CNA - Corvenian News Agency - Politics": the initials the domain spells stand for a
                # part beside them, the name a reader knows
                return next((part for part in parts if part != fits[0] and _spells_out(part, fits[0])), fits[0])
    return title


def _spells_out(name: str, short: str) -> bool:
    """Whether a name of two words or more has `short` (in capitals) as its initials ("Corvenian News Agency", "CNA")."""
    from newsprism.clean.outlets import initials

    return short.isupper() and len(name.split()) >= 2 and initials(name) == short


def read_feed(data: bytes, source_path: str) -> Iterator[Article | Failure]:
    """Yield an Article per feed entry and a Failure (NP105) per entry without text.

    Raises NP111 when the document is not a readable feed, NP112 when it has no entries.
    """
    # A stream, never a str or URL: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if not parsed.get("version"):
            reason = parsed.get("bozo_exception") or "not an RSS or Atom feed"
            raise InputError("NP111", error=str(reason).strip())
        raise InputError("NP112", what="feed (no entries)")
    links = [parsed.feed.get("link") or "", *(l.get("href") or "" for l in parsed.feed.get("links", [])),
             *(e.get("link") or "" for e in parsed.entries[:3])]
    outlet = feed_outlet((parsed.feed.get("title") or "").strip(), links) or None
    for number, entry in enumerate(parsed.entries, 1):
        body = _entry_body(entry)
        if body is None:
            yield Failure(
                input_ref=f"{source_path}#{number}", stage="ingest", code="NP105",
                message=InputError("NP105", fields="content, summary").message,
            )
            continue
        raw, fmt = normalize_newlines(body[0]), body[1]
        source = entry.get("source") or {}
        yield Article(
            id=content_id(raw), source_path=source_path, record=number, raw=raw, format=fmt,
            url=entry.get("link") or None, title=(entry.get("title") or "").strip() or None,
            outlet=(source.get("title") or "").strip() or outlet,
            byline=entry.get("author") or None, published=entry.get("published") or None,
        )
