"""Scale: run the per-item stages (clean, fingerprint, understand) on a Dask cluster; the only dask import.

    open_cluster(workers=N)          -> a LocalCluster of N single-threaded worker processes
    open_cluster(scheduler=ADDRESS)  -> a client of a cluster someone already runs
    cluster.map_each(func, items)    -> [Outcome], in input order, one per item
    cluster.map_batches(func, items) -> func over fixed-size partitions, flattened, in order
    cluster.map_parts(func, parts)   -> func over partitions the caller chose, flattened, in order

Only per-item work leaves the driver: grouping needs every fingerprint at once, so it
runs on the driver (reduce), and only the driver writes to the store. Partitions
have a fixed size whatever the number of workers, so a cluster run and a
single-process run compute the same values. See docs/SCALE.md.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from newsprism.errors import NewsprismError

log = logging.getLogger(__name__)

PARTITION_SIZE = 64
"""Items per Dask task: large enough to amortise scheduling and model batching, small enough to spread."""


@dataclass(frozen=True)
class Outcome:
    """The result of one item, or the error it raised (as code and message, which pickle safely)."""

    value: Any = None
    code: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.code is None

    def error(self) -> Exception:
        """Return the item's error as a NewsprismError the driver can record or raise."""
        err = NewsprismError(self.code or "NP000", error=self.message)
        err.message = self.message or ""
        return err


def apply_each(func: Callable, items: Sequence, args: tuple = ()) -> list[Outcome]:
    """Apply `func(item, *args)` to each item, keeping each error as an Outcome instead of raising."""
    outcomes = []
    for item in items:
        try:
            outcomes.append(Outcome(value=func(item, *args)))
        except NewsprismError as err:
            outcomes.append(Outcome(code=err.code, message=err.message))
        except Exception as err:  # noqa: BLE001 - carried back to the driver, which records it
            log.debug("worker error:\n%s", traceback.format_exc())
            outcomes.append(Outcome(code="NP000", message=f"unexpected error: {type(err).__name__}: {err}"))
    return outcomes


def _apply_part(items: Sequence, func: Callable, args: tuple) -> list[Outcome]:
    """`apply_each` with the partition first, as `Client.map` passes it."""
    return apply_each(func, items, args)


def partitions(items: Sequence, size: int = PARTITION_SIZE) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class LocalRunner:
    """The same interface without Dask: runs partitions in this process (the single-process reference)."""

    def map_each(self, func: Callable, items: Sequence, args: tuple = ()) -> list[Outcome]:
        return [o for part in partitions(items) for o in apply_each(func, part, args)]

    def map_batches(self, func: Callable, items: Sequence, args: tuple = ()) -> list:
        return self.map_parts(func, [list(p) for p in partitions(items)], args)

    def map_parts(self, func: Callable, parts: list[list], args: tuple = ()) -> list:
        return [v for part in parts for v in func(part, *args)]


class DaskRunner:
    """Maps partitions over a dask.distributed client; results come back in input order."""

    def __init__(self, client) -> None:
        self.client = client

    def _map(self, func: Callable, parts: list[Sequence], args: tuple) -> list:
        from distributed import wait

        futures = self.client.map(func, parts, *[[a] * len(parts) for a in args], pure=False)
        wait(futures)
        return self.client.gather(futures)

    def map_each(self, func: Callable, items: Sequence, args: tuple = ()) -> list[Outcome]:
        results = self._map(_apply_part, [list(p) for p in partitions(items)], (func, args))
        return [o for part in results for o in part]

    def map_batches(self, func: Callable, items: Sequence, args: tuple = ()) -> list:
        return self.map_parts(func, [list(p) for p in partitions(items)], args)

    def map_parts(self, func: Callable, parts: list[list], args: tuple = ()) -> list:
        """One task per part (parts the caller sized, e.g. by the work in them), results flattened in order."""
        return [v for part in self._map(func, parts, args) for v in part]

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))


Runner = LocalRunner | DaskRunner


@contextmanager
def open_cluster(workers: int | None = None, scheduler: str | None = None) -> Iterator[Runner | None]:
    """Yield a runner: a Dask client of `scheduler`, a new LocalCluster of `workers` processes, or None for neither.

    A LocalCluster uses one thread per worker process (the stages hold the GIL)
    and is shut down on exit; an existing cluster is only disconnected from.
    """
    if not workers and not scheduler:
        yield None
        return
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield DaskRunner(client)
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        yield DaskRunner(client)


_current: ContextVar[Runner | None] = ContextVar("newsprism_scale_runner", default=None)


@contextmanager
def using(runner: Runner | None) -> Iterator[Runner | None]:
    """Make `runner` the one pipeline functions use when not given one explicitly (e.g. inside store streaming)."""
    token = _current.set(runner)
    try:
        yield runner
    finally:
        _current.reset(token)


def current_runner() -> Runner | None:
    """Return the runner set by `using`, or None (single process)."""
    return _current.get()
