"""JSON readers: .jsonl (one object a line) and .json (one object, a list, or a wrapper) -> Articles.

Accepted field names, first non-empty wins (docs/INPUTS.md has the same table):

==========  =====================================================================
Article     JSON field names
==========  =====================================================================
raw (text)  text, content, body, articleBody, maintext, article, article_text, full_text,
            content_text
raw (HTML)  html, raw_html, content_html, body_html   (when no text field above has a value)
raw (text)  description, summary                     (a teaser: only when nothing above has one)
url         url, link, canonical_url, uri
title       title, headline
outlet      outlet, source, site_name, sitename, publisher, source_domain, site
published   published, date, published_at, publishedAt, date_publish, datePublished, date_published,
            pubDate
byline      byline, author, authors
==========  =====================================================================

A value may be a string, a list (joined with ", ": `authors: ["A", "B"]`), or an object whose
`name`, `rendered`, `text` or `value` is used (NewsAPI's `source: {"name": ...}`, WordPress's
`content: {"rendered": ...}`). A text value that opens like an HTML page or holds block tags
is read as HTML. A .json file may hold one article object, a list of them, or an object that
wraps the list under one of articles, items, entries, data, results, documents, records,
posts, stories (so a JSON Feed, jsonfeed.org, reads as it is), or an object mapping ids to
article objects. schema.org NewsArticle names (headline, articleBody, datePublished, author,
publisher) are covered by the table. JSONL records are numbered by line; .json list items by position.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes, normalize_newlines
from newsprism.ingest.files import MAX_FILE_BYTES
from newsprism.models import Article, Failure, content_id

BODY_FIELDS = ("text", "content", "body", "articleBody", "maintext", "article", "article_text", "full_text",
               "content_text")
# Teasers, used only when an object has no body at all; a feed-like wrapper may carry its own description.
TEASER_FIELDS = ("description", "summary")
HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")
METADATA_FIELDS = {
    "url": ("url", "link", "canonical_url", "uri"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher", "source_domain", "site"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish", "datePublished", "date_published",
                  "pubDate"),
    "byline": ("byline", "author", "authors"),
    # when the record's page was fetched or saved (news-please's date_download, a crawler's crawled_at)
    "captured": ("captured", "captured_at", "date_download", "crawled", "crawled_at", "crawl_date", "fetched_at",
                 "retrieved_at", "scraped_at", "downloaded_at", "saved_at"),
}
# The input_ref already names the line or record; the message names the fields, briefly.
FIELDS_LOOKED_FOR = "text, content, body, html and the other names in docs/INPUTS.md"
LIST_WRAPPERS = ("articles", "items", "entries", "data", "results", "documents", "records", "posts", "stories")
_NESTED_KEYS = ("name", "rendered", "text", "value", "href")
_HTML_TAGS = re.compile(r"<(p|div|br|article|section|h[1-6]|html|body|span|a)\b[^>]*>", re.I)


def _as_text(value: object) -> str | None:
    """Return a field value as text: strings as they are, lists joined, objects by their name/text key."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        for key in _NESTED_KEYS:
            if key in value:
                return _as_text(value[key])
        return None
    if isinstance(value, list):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return ", ".join(parts) or None
    return None


def _first(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in record:
            text = _as_text(record[name])
            if text:
                return text
    return None


def _holds_html(text: str) -> bool:
    # Two block tags: one stray "<b>" in a plain-text body should not turn it into HTML.
    return len(_HTML_TAGS.findall(text[:20000])) >= 2


def article_from_record(record: object, source_path: str, number: int, *, single: bool = False) -> Article:
    """Return the Article a JSON object describes; NP105 when it carries no article text.

    `number` is the 1-based line (JSONL) or position (.json list) stored in Article.record;
    `single` marks the only object of a .json file, which gets no record number.
    """
    if not isinstance(record, dict):
        raise InputError("NP104", error=f"expected a JSON object, got {type(record).__name__}")
    raw, fmt = _first(record, BODY_FIELDS), "text"
    if raw is None:
        raw, fmt = _first(record, HTML_FIELDS), "html"
    if raw is None:
        raw, fmt = _first(record, TEASER_FIELDS), "text"
    if raw is None:
        raise InputError("NP105", fields=FIELDS_LOOKED_FOR)
    raw = normalize_newlines(raw)
    if fmt == "text" and _holds_html(raw):
        fmt = "html"
    metadata = {field: _first(record, names) for field, names in METADATA_FIELDS.items()}
    return Article(
        id=content_id(raw), source_path=source_path, record=None if single else number, raw=raw, format=fmt, **metadata
    )


def read_jsonl(stream: BinaryIO, source_path: str) -> Iterator[Article | Failure]:
    """Yield one Article per line of a JSONL stream, and a Failure for each bad line (the rest go on).

    Failures: NP104 malformed line, NP105 record without text, NP108 line too long; NP101
    (raised) when the stream holds no record at all.
    """
    found = False
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        found = True
        ref = f"{source_path}:line {number}"
        try:
            if len(line) > MAX_FILE_BYTES:
                raise InputError("NP108", limit=MAX_FILE_BYTES)
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                text = decode_bytes(line)
            try:
                record = json.loads(text.strip())
            except json.JSONDecodeError as err:
                raise InputError("NP104", error=f"{err.msg}: column {err.colno}") from err
            yield article_from_record(record, source_path, number)
        except InputError as err:
            yield Failure(input_ref=ref, stage="ingest", code=err.code, message=err.message)
    if not found:
        raise InputError("NP101")


def _records_of(document: object) -> list | None:
    """Return the list of article records a parsed .json document holds, or None for a single record."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and _first(document, BODY_FIELDS + HTML_FIELDS) is None:
        for key in LIST_WRAPPERS:
            if isinstance(document.get(key), list):
                return document[key]
        values = list(document.values())
        if values and all(isinstance(v, dict) for v in values):  # {"id1": {...}, "id2": {...}}
            return values
    return None


def read_json(data: bytes, source_path: str) -> Iterator[Article | Failure]:
    """Yield the Articles of a .json document: one object, a list, or a wrapper object (see module doc).

    A .json file that is really JSONL (one object a line) is read as JSONL. Raises NP113 when
    malformed, NP112 for an empty list.
    """
    text = decode_bytes(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > 1 and lines[0].lstrip().startswith("{") and _parses(lines[0]):
            yield from read_jsonl(io.BytesIO(text.encode("utf-8")), source_path)
            return
        raise InputError("NP113", error=f"{err.msg} at line {err.lineno} column {err.colno}") from err
    records = _records_of(document)
    if records is None:
        yield _one(document, source_path, 1, source_path, single=True)
        return
    if not records:
        raise InputError("NP112", what="JSON list")
    for number, record in enumerate(records, 1):
        yield _one(record, source_path, number, f"{source_path}#{number}")


def _one(record: object, source_path: str, number: int, ref: str, single: bool = False) -> Article | Failure:
    try:
        return article_from_record(record, source_path, number, single=single)
    except InputError as err:
        return Failure(input_ref=ref, stage="ingest", code=err.code, message=err.message)


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True
