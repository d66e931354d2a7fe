"""HTML reader: .html / .htm bytes -> one Article (format "html").

The charset comes from the BOM, valid UTF-8, the HTTP header or <meta charset>, in that order
(see decode.py). Title, outlet and date stay None here: the page's own metadata is read by clean;
only when a page-saving tool stamped when it saved the page is that read here (capture.py).
"""

from __future__ import annotations

from newsprism.errors import InputError
from newsprism.ingest.capture import saved_page_time
from newsprism.ingest.decode import decode_bytes
from newsprism.models import Article, content_id


def html_article(data: bytes, source_path: str, charset: str | None = None, **metadata: str | None) -> Article:
    """Return the Article held in HTML `data`; NP101 when empty, NP102 when binary."""
    raw = decode_bytes(data, charset)
    if not raw.strip():
        raise InputError("NP101")
    if metadata.get("captured") is None:
        metadata["captured"] = saved_page_time(raw)  # the stamp a page-saving tool wrote into the page
    return Article(id=content_id(raw), source_path=source_path, raw=raw, format="html", **metadata)
