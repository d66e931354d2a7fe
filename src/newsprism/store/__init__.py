"""Store: the DuckDB file; the only module that imports duckdb or holds SQL.

STUB: the real store (content-hash keys, transactions, resume, FTS) replaces this.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.models import CleanArticle, Failure, Report


class Store:
    """A newsprism DuckDB file. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass

    def add_articles(self, articles: list[CleanArticle], failures: list[Failure] | None = None) -> int:
        """Store articles (once each, keyed by content hash); return how many were new."""
        return 0

    def save_report(self, report: Report) -> None:
        """Store a report's articles and stories (replacing earlier analyses of the same stories)."""
