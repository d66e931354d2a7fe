"""MHTML reader: .mhtml / .mht (a browser's "save page as single file") -> one Article (format "html").

The file is a MIME multipart message; the first text/html part is the page. Its address comes
from the `Snapshot-Content-Location` header (Chrome) or the page part's `Content-Location`; the
archive's `Date` header is when the browser saved it (Article.captured).
"""

from __future__ import annotations

import email
from email import policy

from newsprism.errors import InputError
from newsprism.ingest.capture import http_date
from newsprism.ingest.html import html_article
from newsprism.models import Article


def mhtml_article(data: bytes, source_path: str) -> Article:
    """Return the page an MHTML archive holds; NP112 when it has no HTML part."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            url = message.get("Snapshot-Content-Location") or part.get("Content-Location")
            charset = part.get_content_charset()
            return html_article(payload, source_path, f"text/html; charset={charset}" if charset else None,
                                url=str(url).strip() if url else None, captured=http_date(message.get("Date")))
    raise InputError("NP112", what="MHTML archive (no HTML part)")
