"""Files: walking folders and reading files within a size cap, shared by the readers."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import InputError

# Largest file read whole (text, HTML, JSON, feed). Streamed formats (JSONL, WARC) apply it per
# record instead, so a multi-gigabyte crawl is fine; a single 200 MB article is not an article.
MAX_FILE_BYTES = 200_000_000

# When walking a folder these are project files, not articles; named explicitly they are read.
SKIPPED_PREFIXES = ("readme", "license", "licence", "changelog")


def skipped_in_folder(name: str) -> bool:
    """Return True for names a folder walk leaves out: hidden files and README/LICENSE/CHANGELOG files."""
    lowered = name.lower()
    return name.startswith(".") or lowered.startswith(SKIPPED_PREFIXES)


def page_assets(name: str, names: set[str]) -> bool:
    """Return True for the `<page>_files` folder a browser's "save page" writes beside `<page>.html`."""
    if not name.endswith("_files"):
        return False
    stem = name[: -len("_files")]
    return any(f"{stem}{ext}" in names for ext in (".html", ".htm", ".xhtml", ".shtml"))


def walk_folder(folder: Path) -> Iterator[Path]:
    """Yield the files under `folder` in sorted path order, recursively, skipping hidden and project files.

    Also skipped: the `<page>_files` folder of scripts, styles and images a browser saves beside
    `<page>.html`. Raises InputError NP115 when a folder cannot be listed. Symlinked folders are
    followed once.
    """
    seen: set[str] = set()

    def walk(current: Path) -> Iterator[Path]:
        real = os.path.realpath(current)
        if real in seen:  # a symlink loop would otherwise never end
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            raise InputError("NP115", error=err.strerror or str(err)) from err
        names = {entry.name for entry in entries}
        for entry in entries:
            if skipped_in_folder(entry.name):
                continue
            path = current / entry.name
            if entry.is_dir():
                if not page_assets(entry.name, names):
                    yield from walk(path)
            elif entry.is_file():
                yield path

    yield from walk(folder)


def read_capped(stream: BinaryIO, limit: int | None = None) -> bytes:
    """Read `stream` to the end, or raise InputError NP108 once it holds more than `limit` bytes."""
    limit = MAX_FILE_BYTES if limit is None else limit
    chunks: list[bytes] = []
    size = 0
    # Chunks, not read(limit + 1): that would allocate the whole cap for every small file.
    while chunk := stream.read(1 << 20):
        size += len(chunk)
        if size > limit:
            raise InputError("NP108", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def open_input(path: Path, compressed: bool = False) -> BinaryIO:
    """Open a file for reading bytes, decompressing gzip on the fly when `compressed`."""
    return gzip.open(path, "rb") if compressed else path.open("rb")


def read_file(path: Path, limit: int | None = None, compressed: bool = False) -> bytes:
    """Return a file's (decompressed) bytes; NP101 when empty, NP108 when over `limit`, NP115 when unreadable.

    The cap applies to the decompressed size, so a small .gz cannot expand without bound.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with open_input(path, compressed) as stream:
            if not compressed and os.fstat(stream.fileno()).st_size > limit:
                raise InputError("NP108", limit=limit)
            data = read_capped(stream, limit)
    except (OSError, EOFError, zlib.error) as err:  # gzip.BadGzipFile is an OSError
        raise InputError("NP115", error=getattr(err, "strerror", None) or str(err)) from err
    if not data or data.isspace():
        raise InputError("NP101")
    return data


def head(path: Path, size: int = 2048, compressed: bool = False) -> bytes:
    """Return the first `size` (decompressed) bytes of a file, for sniffing; empty when unreadable."""
    try:
        with open_input(path, compressed) as stream:
            return stream.read(size)
    except (OSError, EOFError, zlib.error):
        return b""
