"""Scale: run the per-item stages (clean, fingerprint, understand) on a Dask cluster; the only dask import.

    open_cluster(workers=N)          -> a LocalCluster of N single-threaded worker processes
    open_cluster(scheduler=ADDRESS)  -> a client of a cluster someone already runs
    cluster.map_each(func, items)    -> [Outcome], in input order, one per item
    cluster.map_batches(func, items) -> func over fixed-size partitions, flattened, in order
    cluster.map_parts(func, parts)   -> func over partitions the caller chose, flattened, in order
    ForkRunner(workers=N).map_parts  -> the same over N processes forked from this one (no Dask)
    ForkedCall(func, args).result()  -> one call in a process forked from this one, while this one goes on

Only per-item work leaves the driver: grouping needs every fingerprint at once, so it
runs on the driver (reduce), and only the driver writes to the store. Partitions
have a fixed size whatever the number of workers, so a cluster run and a
single-process run compute the same values. See docs/SCALE.md.
"""

from __future__ import annotations

import gc
import logging
import math
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


# The work of one `ForkRunner.map_parts` call, set just before its workers fork: they inherit
# it, so only part numbers travel to them and functions need not pickle.
_forked_work: tuple[Callable, list[list], tuple] | None = None


def fork_available() -> bool:
    """Whether this platform can fork worker processes (Linux and other POSIX systems, not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


# How long `free_cores` watches the cores (/proc/stat) to see how busy they are now. The
# 1-minute load average lags: straight after a heavy run it still counts that run for a minute
# (session 13: the claims helper did not fork on a machine gone idle, 93 s for the 200-article
# story instead of 77). 0.1 s is 10 clock ticks a core, wall time only: this process sleeps.
CPU_SAMPLE_S = 0.1
PROC_STAT = "/proc/stat"


def _cpu_times() -> tuple[int, int] | None:
    """(busy, all) clock ticks of every core since boot, from the first line of /proc/stat
    (user nice system idle iowait irq softirq steal ...; idle and iowait are idle time, guest
    time is inside user); None where there is no /proc/stat (not Linux) or it cannot be read."""
    try:
        with open(PROC_STAT, "rb") as f:
            fields = f.readline().split()
    except OSError:
        return None
    if len(fields) < 5 or fields[0] != b"cpu":
        return None
    ticks = [int(x) for x in fields[1:9]]
    return sum(ticks) - ticks[3] - (ticks[4] if len(ticks) > 4 else 0), sum(ticks)


def sampled_busy_cores(seconds: float = CPU_SAMPLE_S) -> float | None:
    """Cores other processes kept busy over the next `seconds` (this process sleeps meanwhile;
    its own threads' CPU is taken off), or None where /proc/stat is missing."""
    first = _cpu_times()
    if first is None:
        return None
    own, started = time.process_time(), time.monotonic()
    time.sleep(seconds)
    second = _cpu_times()
    if second is None or second[1] <= first[1]:
        return None
    cores = os.cpu_count() or 1
    busy = cores * (second[0] - first[0]) / (second[1] - first[1])
    return max(0.0, busy - (time.process_time() - own) / max(seconds, time.monotonic() - started))


def free_cores() -> float:
    """Cores not taken by other processes now: the core count less the cores the others kept
    busy over a short sample of /proc/stat (`sampled_busy_cores`). Where there is none, the
    1-minute load average stands in, less this process's own share of that average (a process
    busy for t CPU-seconds adds about 1 - exp(-t/60) to it), so a long run does not count itself
    as someone else's load."""
    cores = os.cpu_count() or 1
    busy = sampled_busy_cores()
    if busy is not None:
        return max(0.0, cores - busy)
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this platform: assume the cores are taken
        return 1.0
    own = 1 - math.exp(-time.process_time() / 60)
    return cores - max(0.0, load - own)


# A forked worker's first garbage-collector threshold: a collection after this many new container
# objects instead of Python's 700. A worker lives for one run's parts and the models are frozen
# out of collection, so only the part's own objects are walked, and walking them every 700
# allocations is wasted: 60 speed-bench articles understood in one process spent 0.10 CPU s in
# 277 collections at 700, 0.03 s in 20 at 5,000, 0.015 s in 4 at 20,000, with the same peak
# memory and page faults (bench/bench_understand_speed.py workload, load 5). Output unchanged:
# collection only frees unreachable cycles.
FORKED_GC_THRESHOLD = 10_000


# True in a process forked by ForkRunner or ForkedCall: it forks no further workers (the
# cores are taken by it and its siblings).
in_forked_worker = False


def _init_forked_worker() -> None:
    """Set up a forked worker: one thread for torch and BLAS (the workers fill the cores), no
    tokenizer threads, what it inherited frozen out of its garbage collector (see
    `understand.nlp.freeze_loaded`), so collections neither walk nor copy the parent's pages,
    and collections less often (FORKED_GC_THRESHOLD)."""
    global in_forked_worker
    in_forked_worker = True
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    if "torch" in sys.modules:
        import torch

        torch.set_num_threads(1)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        pass
    else:
        threadpool_limits(limits=1, user_api="blas")
    gc.freeze()
    gc.set_threshold(FORKED_GC_THRESHOLD, *gc.get_threshold()[1:])


def _run_forked_part(k: int) -> list:
    func, parts, args = _forked_work
    return func(parts[k], *args)


class ForkRunner:
    """Runs partitions in worker processes forked from this one; results come back in input order.

    For one machine without Dask: the workers inherit this process's loaded and warmed models
    copy-on-write, so nothing loads twice, and only each part's results travel back (pickled).
    `func(part, *args)` must return one value per item of its part; a part whose worker dies
    gives each of its items an error Outcome, and the other parts keep their results.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map_each(self, func: Callable, items: Sequence, args: tuple = ()) -> list[Outcome]:
        return self.map_parts(_apply_part, [list(p) for p in partitions(items)], (func, args))

    def map_batches(self, func: Callable, items: Sequence, args: tuple = ()) -> list:
        return self.map_parts(func, [list(p) for p in partitions(items)], args)

    def map_parts(self, func: Callable, parts: list[list], args: tuple = (), progress: Callable[[int], None] | None = None) -> list:
        """One part per task, as many workers at a time as `workers`, results flattened in order;
        `progress(items)` is told how many items are back, in order, as each part comes back."""
        global _forked_work
        if not parts:
            return []
        gc.freeze()  # the parent's objects stay put, so the forked pages stay shared
        _forked_work = (func, parts, args)
        try:
            done = self._run(range(len(parts)), self.workers, parts, progress)
            # A worker that dies (killed, out of memory) breaks the pool for every part not yet
            # back; each of those runs again alone, so only the part that kills its worker is lost.
            for k in [k for k, value in done.items() if isinstance(value, BrokenProcessPool)]:
                done.update(self._run([k], 1))
        finally:
            _forked_work = None
        results = []
        for k, part in enumerate(parts):
            value = done[k]
            if isinstance(value, Exception):
                results.extend([Outcome(code="NP000", message=f"worker process failed: {type(value).__name__}: {value}")] * len(part))
            else:
                results.extend(value)
        return results

    @staticmethod
    def _run(part_numbers, workers: int, parts: list[list] | None = None, progress: Callable[[int], None] | None = None) -> dict[int, Any]:
        """Run the given parts of `_forked_work` in a new pool of forked workers: their results, or their errors."""
        out: dict[int, Any] = {}
        items = 0
        pool = ProcessPoolExecutor(min(workers, len(part_numbers)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_forked_worker)
        try:
            futures = {k: pool.submit(_run_forked_part, k) for k in part_numbers}
            for k, future in futures.items():
                try:
                    out[k] = future.result()
                except Exception as err:  # noqa: BLE001 - kept as this part's error, the others go on
                    log.debug("forked worker failed on part %d:\n%s", k, traceback.format_exc())
                    out[k] = err
                if progress is not None and parts is not None:
                    items += len(parts[k])
                    progress(items)
        finally:
            # Wait for the workers to exit (about 0.1 s of wall time at load 8, the kernel freeing
            # their copied pages): a pool left ending in the background keeps its manager thread
            # alive, and a later fork (the rerun of a broken pool's parts, the next analyze) taken
            # while that thread holds a lock can leave a worker hung (a test saw one in 2 of 3 runs).
            pool.shutdown(wait=True, cancel_futures=True)
        return out


Runner = LocalRunner | DaskRunner | ForkRunner


def can_fork_helper() -> bool:
    """Whether this process may fork a `ForkedCall`: fork is supported, this is no forked or
    daemonic worker already (a Dask or pool worker), and more than a core is free beside this
    process's own (`free_cores` above 1, the rule `nlp.worker_count` forks its parse workers by;
    on a busy machine the helper would only take turns with this process)."""
    return (fork_available() and not in_forked_worker and not multiprocessing.current_process().daemon
            and free_cores() > 1.0)


class ForkedCall:
    """`func(*args)` in one process forked from this one, while this one goes on; `result()`
    waits for its value (None if it failed or was killed). The child starts as a ForkRunner
    worker does (`_init_forked_worker`: one torch thread) and sends its value back pickled;
    `cpu_s` is then the child's CPU seconds. `close()` ends a child whose result is not wanted.
    """

    def __init__(self, func: Callable, args: tuple = ()) -> None:
        self.cpu_s = 0.0
        self._value: Any = None
        self._done = False
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
            status = 1
            try:
                os.close(read)
                _init_forked_worker()
                data = pickle.dumps(func(*args), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            except BaseException:  # noqa: BLE001 - the parent sees no value and does the work itself
                log.debug("forked call failed:\n%s", traceback.format_exc())
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        if not self._done:
            chunks = []
            with os.fdopen(self._read, "rb") as pipe:
                while chunk := pipe.read(1 << 20):
                    chunks.append(chunk)
            status = self._reap()
            try:
                self._value = pickle.loads(b"".join(chunks)) if status == 0 and chunks else None
            except Exception:  # noqa: BLE001 - a truncated value: as if it failed
                self._value = None
        return self._value

    def close(self) -> None:
        """End the child if its result was not taken (a story that failed, a call never made)."""
        if not self._done:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.close(self._read)
            except OSError:
                pass
            self._reap()

    def _reap(self) -> int:
        _, status, usage = os.wait4(self._pid, 0)
        self._done = True
        self.cpu_s = usage.ru_utime + usage.ru_stime
        return os.waitstatus_to_exitcode(status)


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
