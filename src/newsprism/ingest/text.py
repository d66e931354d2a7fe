"""Text reader: .txt / .md bytes -> one Article (format "text").

Text saved from a browser's "view source" (it starts with <!DOCTYPE html> or <html>) is
read as HTML, since cleaning it as plain text would keep every tag.
"""

from __future__ import annotations

import re

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.models import Article, content_id

_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Return True when `text` opens like an HTML document."""
    return bool(_HTML_START.match(text[:4096]))


def text_article(data: bytes, source_path: str, charset: str | None = None, **metadata: str | None) -> Article:
    """Return the Article held in `data` (plain text, or HTML when it opens like a page).

    Raises InputError NP101 (nothing but whitespace) or NP102 (binary).
    """
    raw = decode_bytes(data, charset)
    if not raw.strip():
        raise InputError("NP101")
    fmt = "html" if looks_like_html(raw) else "text"
    return Article(id=content_id(raw), source_path=source_path, raw=raw, format=fmt, **metadata)
