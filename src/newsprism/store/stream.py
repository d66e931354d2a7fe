"""Streaming ingest: read inputs lazily, clean and store them in batches.

Memory stays bounded by one batch whatever the size of the input, each batch is one
transaction, and articles already in the store are skipped before cleaning, so a run
killed halfway resumes where it stopped when started again with the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from newsprism.models import Article, Failure, Model
from newsprism.settings import Settings
from newsprism.store.store import Store

Progress = Callable[[str, int, int | None], None]


class IngestStats(Model):
    """What one streaming ingest did."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    failures: list[Failure] = []


def stream_ingest(
    inputs: Iterable[str | Path],
    settings: Settings,
    store: Store,
    *,
    batch_size: int = 500,
    progress: Progress = lambda step, done, total: None,
) -> IngestStats:
    """Read, clean and store `inputs`, committing every `batch_size` articles; return the counts."""
    from newsprism.ingest import read_inputs
    from newsprism.pipeline import read_and_clean

    stats = IngestStats()
    batch: list[Article] = []
    failures: list[Failure] = []

    def flush() -> None:
        known = store.known_ids(a.id for a in batch)
        todo = [a for a in batch if a.id not in known]
        cleaned, clean_failures = read_and_clean(todo, settings) if todo else ([], [])
        stats.failures.extend(failures + clean_failures)
        new = store.add_articles(cleaned, failures + clean_failures)
        stats.new += new
        stats.already_stored += len(batch) - len(todo) + len(cleaned) - new
        batch.clear()
        failures.clear()

    for item in read_inputs(list(inputs), settings.ingest):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            batch.append(item)
            stats.read += 1
        if len(batch) >= batch_size or len(failures) >= batch_size:
            flush()
        progress("ingest", stats.read + len(stats.failures) + len(failures), None)
    flush()
    return stats
