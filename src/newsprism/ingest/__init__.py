"""Ingest: paths, folders and URLs -> Article (raw text or HTML plus the input's own metadata).

`read_inputs` is a generator: it reads one input at a time and never holds a whole batch, so
memory stays bounded however many inputs there are. Each input is dispatched by form:

1. `http://` / `https://` -> fetched (url.py);
2. a missing path -> NP109; a folder -> its files, walked recursively in sorted order,
   skipping hidden files and folders, README*, LICENSE*/LICENCE*, CHANGELOG* files and the
   `<page>_files` folder a browser saves beside `<page>.html` (a file named explicitly is
   always read); a folder with nothing to read -> NP112;
3. a file by extension: .txt .md .markdown .text (text.py), .html .htm .xhtml .shtml
   (html.py), .mhtml .mht (mhtml.py), .jsonl .ndjson and .json (jsonl.py), .warc .warc.gz
   (warc.py), .rss .atom .xml (feed.py), .urls (one URL a line, url.py); `name.ext.gz` is
   read as `name.ext`. Any file that sniffs as a feed is read as one, and any file without a
   known extension that sniffs as a WARC is read as one; anything else -> NP103.

A bad input (or one bad record of it) becomes a `Failure` whose `input_ref` names the file, with
`:line N` (JSONL, .urls) or `#N` (record N of a WARC, feed or JSON list); the other inputs,
and the other records of the same input, are still read. Nothing is raised for one bad input.
Error codes: NP101 empty, NP102 binary, NP103 unsupported type, NP104 malformed JSONL line,
NP105 record without text, NP106 truncated WARC, NP107 URL unreachable / HTTP error, NP108 too
large, NP109 missing path, NP111 unreadable feed, NP112 nothing found, NP113 malformed JSON,
NP114 bad .urls line, NP115 unreadable file. See docs/INPUTS.md.
"""

from __future__ import annotations

import logging
import traceback
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.feed import looks_like_feed, read_feed
from newsprism.ingest.files import head, open_input, read_file, walk_folder
from newsprism.ingest.html import html_article
from newsprism.ingest.jsonl import read_json, read_jsonl
from newsprism.ingest.mhtml import mhtml_article
from newsprism.ingest.text import text_article
from newsprism.ingest.url import is_url, make_client, read_url, urls_in_file
from newsprism.ingest.warc import read_warc
from newsprism.models import Article, Failure
from newsprism.settings import IngestSettings

__all__ = ["read_inputs", "SUFFIXES"]

log = logging.getLogger(__name__)

SUFFIXES = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".mhtml": "mhtml", ".mht": "mhtml",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".warc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".urls": "urls",
}


def gzipped(path: Path) -> bool:
    """Return True for a gzip-compressed input other than a WARC (warcio reads those itself)."""
    name = path.name.lower()
    return name.endswith(".gz") and not name.endswith(".warc.gz")


def file_kind(path: Path) -> str | None:
    """Return the reader a file needs (text, html, json, jsonl, warc, feed, urls), or None if unknown.

    `name.ext.gz` is read as `name.ext`, decompressed on the fly.
    """
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    compressed = gzipped(path)
    kind = SUFFIXES.get(Path(name[:-3]).suffix if compressed else path.suffix.lower())
    if kind is None:
        start = head(path, compressed=compressed)
        if looks_like_feed(start):
            return "feed"
        if not compressed and _looks_like_warc(start):
            return "warc"
    return kind


def _looks_like_warc(start: bytes) -> bool:
    if start.startswith(b"\x1f\x8b"):
        try:  # a decompressobj accepts the first bytes of a member, where gzip.decompress would not
            start = zlib.decompressobj(wbits=31).decompress(start, 64)
        except zlib.error:
            return False
    return start.startswith(b"WARC/")


def _read_file(path: Path, ref: str, kind: str) -> Iterator[Article | Failure]:
    compressed = gzipped(path)
    if kind in {"text", "html"}:
        data = read_file(path, compressed=compressed)
        if looks_like_feed(data[:4096]):  # a feed saved as .txt or .html is still a feed
            yield from read_feed(data, ref)
        else:
            yield (text_article if kind == "text" else html_article)(data, ref)
    elif kind == "mhtml":
        yield mhtml_article(read_file(path, compressed=compressed), ref)
    elif kind == "json":
        yield from read_json(read_file(path, compressed=compressed), ref)
    elif kind == "feed":
        yield from read_feed(read_file(path, compressed=compressed), ref)
    elif kind in {"jsonl", "warc"}:
        if path.stat().st_size == 0:
            raise InputError("NP101")
        with open_input(path, compressed) as stream:
            try:
                yield from (read_jsonl if kind == "jsonl" else read_warc)(stream, ref)
            except (EOFError, zlib.error, OSError) as err:  # a cut-off or corrupt .jsonl.gz
                raise InputError("NP115", error=str(err)) from err


def _failure(ref: str, err: Exception) -> Failure:
    if isinstance(err, InputError):
        return Failure(input_ref=ref, stage="ingest", code=err.code, message=err.message)
    log.debug("unexpected error reading %s:\n%s", ref, traceback.format_exc())
    return Failure(input_ref=ref, stage="ingest", code="NP000", message=f"unexpected error: {type(err).__name__}: {err}")


def _guarded(ref: str, items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Pass `items` on; an error raised midway becomes one Failure after what was already yielded."""
    try:
        yield from items
    except Exception as err:  # noqa: BLE001 - one bad input must never stop the batch
        yield _failure(ref, err)


class _Reader:
    """Reads inputs one at a time; holds the HTTP client shared by every URL of the call."""

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self._client = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def url(self, url: str) -> Iterator[Article | Failure]:
        if self._client is None:
            self._client = make_client(self.settings)
        yield from _guarded(url, read_url(url, self._client, self.settings))

    def file(self, path: Path) -> Iterator[Article | Failure]:
        ref = str(path)
        kind = file_kind(path)
        if kind is None:
            suffix = "".join(path.suffixes[-1:]) or "(none)"
            supported = ", ".join(sorted(SUFFIXES)) + ", and any of these gzipped (.gz)"
            yield _failure(ref, InputError("NP103", ext=suffix, supported=supported))
        elif kind == "urls":
            yield from self.urls_file(path, ref)
        else:
            yield from _guarded(ref, _read_file(path, ref, kind))

    def urls_file(self, path: Path, ref: str) -> Iterator[Article | Failure]:
        try:
            entries = list(urls_in_file(path, ref))
        except Exception as err:  # noqa: BLE001
            yield _failure(ref, err)
            return
        if not entries:
            yield _failure(ref, InputError("NP112", what=".urls file (no URL in it)"))
        for entry in entries:
            if isinstance(entry, Failure):
                yield entry
            else:
                yield from self.url(entry)

    def folder(self, folder: Path) -> Iterator[Article | Failure]:
        found = False
        try:
            for path in walk_folder(folder):
                found = True
                yield from self.file(path)
        except Exception as err:  # noqa: BLE001
            yield _failure(str(folder), err)
            return
        if not found:
            yield _failure(str(folder), InputError("NP112", what="folder (no readable file)"))

    def one(self, item: str | Path) -> Iterator[Article | Failure]:
        text = str(item)
        if isinstance(item, str) and is_url(text):
            yield from self.url(text)
            return
        path = Path(item)
        if path.is_dir():
            yield from self.folder(path)
        elif path.is_file():
            yield from self.file(path)
        elif path.exists():
            yield _failure(text, InputError("NP103", ext="(not a regular file)", supported="files, folders, URLs"))
        else:
            yield _failure(text, InputError("NP109"))


def read_inputs(inputs: Iterable[str | Path], settings: IngestSettings | None = None) -> Iterator[Article | Failure]:
    """Yield an Article for every article found in `inputs`, or a Failure naming the input and the reason.

    `inputs` are file paths, folders or http(s) URLs, read in the order given. A generator:
    articles are yielded as they are read. See the module docstring for formats and codes.
    """
    reader = _Reader(settings or IngestSettings())
    try:
        for item in inputs:
            yield from reader.one(item)
    finally:
        reader.close()
