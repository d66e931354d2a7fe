"""WARC reader: .warc / .warc.gz -> one Article per HTML response record (format "html").

Read: `response` records (and `resource` records) whose payload is HTML (by Content-Type, or
by sniffing when there is none) and whose HTTP status is 2xx. Skipped without a failure, since
a crawl is full of them: requests, metadata, revisits, redirects, errors, images, scripts,
empty bodies. The URL comes from WARC-Target-URI. WARC-Date is when the page was *captured*,
not published, so it is not put in `published` (clean reads the page's own date) but in `captured`.

warcio stops quietly at a cut-off archive, so truncation is checked here: a record whose block
is shorter than its Content-Length, a response whose HTTP headers are missing, unread bytes
after the last record, or an unfinished gzip member -> NP106, after every intact record before
the damage has been yielded. (An archive cut exactly between two records cannot be told from a
complete one.)
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.files import MAX_FILE_BYTES
from newsprism.ingest.text import looks_like_html
from newsprism.models import Article, Failure, content_id

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


class _CheckedIterator(ArchiveIterator):
    """ArchiveIterator that remembers whether the last gzip member ended before it was closed."""

    unfinished_gzip = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and getattr(decompressor, "eof", True) is False:
            self.unfinished_gzip = True
        super().close()


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        try:
            here = stream.tell()
            end = stream.seek(0, os.SEEK_END)
            stream.seek(here)
            return end
        except (OSError, AttributeError, ValueError):
            return None


def _drain(record) -> bool:
    """Read what is left of a record's block; return False when it is shorter than declared."""
    while record.raw_stream.read(_CHUNK):
        pass
    declared = record.rec_headers.get_header("Content-Length")
    return declared is not None and getattr(record.raw_stream, "limit", 0) == 0


def _html_payload(record) -> tuple[bytes, str | None] | None:
    """Return (payload, Content-Type) of an HTML 2xx response/resource record, else None."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    payload = record.content_stream().read(MAX_FILE_BYTES + 1)
    if len(payload) > MAX_FILE_BYTES:
        raise InputError("NP108", limit=MAX_FILE_BYTES)
    if not payload.strip():
        return None
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in HTML_TYPES or (not mime and looks_like_html(payload[:4096].decode("latin-1"))):
        return payload, content_type
    return None


def read_warc(stream: BinaryIO, source_path: str) -> Iterator[Article | Failure]:
    """Yield an Article per HTML response record; per-record Failures for bad records.

    Raises NP106 (after yielding the intact records) when the archive is truncated or corrupt,
    NP112 when it holds no HTML response at all.
    """
    total = _size(stream)
    iterator = _CheckedIterator(stream)
    found = 0
    number = 0
    try:
        for number, record in enumerate(iterator, 1):
            block_type = (record.rec_headers.get_header("Content-Type") or "").lower()
            # An HTTP response whose HTTP headers did not parse was cut off inside them (a dns:
            # or other non-HTTP response legitimately has none).
            if record.rec_type == "response" and block_type.startswith("application/http") and record.http_headers is None:
                raise InputError("NP106", error=f"record {number} has no HTTP headers")
            ref = f"{source_path}#{number}"
            try:
                found_payload = _html_payload(record)
            except InputError as err:
                yield Failure(input_ref=ref, stage="ingest", code=err.code, message=err.message)
                found_payload = None
            if not _drain(record):
                raise InputError("NP106", error=f"record {number} is cut short")
            if found_payload is None:
                continue
            payload, content_type = found_payload
            try:
                raw = decode_bytes(payload, content_type)
            except InputError as err:
                yield Failure(input_ref=ref, stage="ingest", code=err.code, message=err.message)
                continue
            found += 1
            yield Article(
                id=content_id(raw), source_path=source_path, record=number, raw=raw, format="html",
                url=record.rec_headers.get_header("WARC-Target-URI"),
                captured=record.rec_headers.get_header("WARC-Date") or None,
            )
    except ArchiveLoadFailed as err:
        raise InputError("NP106", error=f"after record {number}: {str(err).strip().splitlines()[0]}") from err
    except (EOFError, OSError, ValueError, zlib.error) as err:
        raise InputError("NP106", error=f"after record {number}: {err}") from err
    if iterator.unfinished_gzip or (total is not None and iterator.offset < total and number):
        raise InputError("NP106", error=f"data after record {number} is cut off")
    if number == 0:
        raise InputError("NP106", error="no WARC record found")
    if not found:
        raise InputError("NP112", what="web archive (no HTML response records)")
