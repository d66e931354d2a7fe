"""Ingest: paths, folders and URLs -> Article (raw text or HTML plus the input's own metadata).

STUB: reads .txt/.md/.html only; the full readers (JSONL, WARC, feeds, URLs,
encodings) replace this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.models import Article, Failure, content_id
from newsprism.settings import IngestSettings


def read_inputs(inputs: Iterable[str | Path], settings: IngestSettings | None = None) -> Iterator[Article | Failure]:
    """Yield an Article for every article found in `inputs`, or a Failure naming the input and the reason."""
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                raw = file.read_text(encoding="utf-8")
                if not raw.strip():
                    raise InputError("NP101")
                fmt = "html" if file.suffix.lower() in {".html", ".htm"} else "text"
                yield Article(id=content_id(raw), source_path=str(file), raw=raw, format=fmt)
            except InputError as err:
                yield Failure(input_ref=str(file), stage="ingest", code=err.code, message=err.message)
