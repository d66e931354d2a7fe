"""Store: the DuckDB file; the only package that imports duckdb or holds SQL.

    Store(path)                    open (and migrate) a store for writing
    Store(path, read_only=True)    open it for reading, as the web app does
    stream_ingest(...)             read, clean and store inputs in batches (resumable)
"""

from __future__ import annotations

from newsprism.store.store import EXPORT_TABLES, MAX_PAGE_SIZE, Store, parse_timestamp

__all__ = ["EXPORT_TABLES", "MAX_PAGE_SIZE", "Store", "parse_timestamp"]
