"""URL reader: http(s):// addresses (given as arguments or lines of a .urls file) -> Articles.

Each URL is fetched with httpx: redirects followed, `IngestSettings.fetch_timeout` seconds,
the body streamed and cut off past `fetch_max_bytes` (NP108), `user_agent` sent. The response's
Content-Type picks the reader: HTML -> html, RSS/Atom/XML feeds -> feed entries, JSON -> JSON
records, other text -> text; images, audio, video, PDF and archives -> NP102. Unreachable hosts,
timeouts and HTTP errors (4xx/5xx) -> NP107. `source_path` is the URL as given, `url` the
final URL after redirects, `captured` the response's Date header (an HTML or text page's).

A .urls file holds one URL a line; blank lines and lines starting with # are ignored, any
other line that is not an http(s) URL is NP114.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import httpx

from newsprism.errors import InputError
from newsprism.ingest.capture import http_date
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feed import looks_like_feed, read_feed
from newsprism.ingest.files import read_file
from newsprism.ingest.html import html_article
from newsprism.ingest.jsonl import read_json, read_jsonl
from newsprism.ingest.text import text_article
from newsprism.models import Article, Failure
from newsprism.settings import IngestSettings

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
JSON_TYPES = ("application/json", "text/json")
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/ndjson")
BINARY_TYPE_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                        "application/gzip", "application/octet-stream", "application/vnd.")


def is_url(item: str) -> bool:
    """Return True for an http:// or https:// address."""
    lowered = item[:8].lower()
    return lowered.startswith("http://") or lowered.startswith("https://")


def make_client(settings: IngestSettings) -> httpx.Client:
    """Return the HTTP client used for every URL of one read_inputs call."""
    return httpx.Client(
        follow_redirects=True,
        timeout=httpx.Timeout(settings.fetch_timeout),
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,"
                      "application/json;q=0.8,text/plain;q=0.8,*/*;q=0.5",
        },
    )


def fetch(url: str, client: httpx.Client, settings: IngestSettings) -> tuple[bytes, str, str, str | None]:
    """Return (body, content type, final URL, the response's Date header) of `url`; NP107 when it cannot
    be fetched, NP108 when too large."""
    limit = settings.fetch_max_bytes
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError("NP107", error=f"HTTP {response.status_code} {response.reason_phrase}".strip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise InputError("NP108", limit=limit)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError("NP108", limit=limit)
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("Content-Type", ""), str(response.url), response.headers.get("Date")
    except httpx.TimeoutException as err:
        raise InputError("NP107", error=f"no answer within {settings.fetch_timeout:g} s") from err
    except httpx.HTTPError as err:
        raise InputError("NP107", error=str(err) or type(err).__name__) from err


def read_url(url: str, client: httpx.Client, settings: IngestSettings) -> Iterator[Article | Failure]:
    """Fetch `url` and yield the Article(s) its body holds (see the module doc for the type rules)."""
    body, content_type, final_url, served = fetch(url, client, settings)
    captured = http_date(served)  # the server's clock when it sent the page: what "3 min ago" on it counts back from
    if not body.strip():
        raise InputError("NP101")
    mime = content_type.split(";")[0].strip().lower()
    if mime.startswith(BINARY_TYPE_PREFIXES):
        raise InputError("NP102")
    if mime in FEED_TYPES or looks_like_feed(body[:4096]):
        yield from read_feed(body, url)
    elif mime in JSON_TYPES:
        yield from read_json(body, url)
    elif mime in JSONL_TYPES:
        yield from read_jsonl(io.BytesIO(body), url)
    elif mime in HTML_TYPES:
        yield html_article(body, url, content_type, url=final_url, captured=captured)
    else:
        yield text_article(body, url, content_type, url=final_url, captured=captured)


def urls_in_file(path: Path, source_path: str) -> Iterator[str | Failure]:
    """Yield the URLs listed in a .urls file, and an NP114 Failure for each line that is not one.

    Raises NP101 when the file is empty.
    """
    text = decode_bytes(read_file(path))
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if is_url(entry):
            yield entry
        else:
            err = InputError("NP114", line=number, text=entry[:80])
            yield Failure(input_ref=f"{source_path}:line {number}", stage="ingest", code=err.code, message=err.message)
