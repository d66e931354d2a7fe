from __future__ import annotations

from collections import OrderedDict

import numpy as np

from newsprism import embed


def _fake_encoder(monkeypatch):
    calls: list[tuple[list[str], bool]] = []

    def fake(texts, batch_size, one_thread=False):
        calls.append((list(texts), one_thread))
        return np.array([[float(len(t)), 1.0] + [0.0] * (embed.DIMENSIONS - 2) for t in texts], dtype=np.float32)

    monkeypatch.setattr(embed, "_encode", fake)
    monkeypatch.setattr(embed, "_cache", OrderedDict())
    monkeypatch.setattr(embed, "_offers", [])
    return calls


def test_embed_takes_vectors_encoded_ahead_only_for_the_same_one_thread_call(monkeypatch):
    """Vectors encoded ahead elsewhere stand for a call only when its texts are exactly the ones
    encoded, in that order, on one thread: another batch would give other (1e-7) vectors."""
    calls = _fake_encoder(monkeypatch)
    ahead = np.full((2, embed.DIMENSIONS), 0.5, dtype=np.float32)
    waited = []
    embed.offer(["Ferry to Osk cancelled.", "Bridge shut in Verrin."], 64, lambda: waited.append(1) or ahead)

    embed.embed(["Bridge shut in Verrin.", "Ferry to Osk cancelled."], one_thread=True)  # other order: not taken
    embed.embed(["Tolls rise in Marrow.", "Snow in Karst."])  # not a one-thread call: not taken
    assert not waited and len(embed._offers) == 1 and len(calls) == 2

    embed._cache.clear()
    got = embed.embed(["Ferry to Osk cancelled.", "Bridge shut in Verrin."], one_thread=True)
    assert waited == [1] and len(calls) == 2 and not embed._offers
    assert np.array_equal(got, ahead)
    assert np.array_equal(embed.embed(["Bridge shut in Verrin."]), ahead[1:])  # cached like any vector


def test_embed_encodes_itself_when_the_work_ahead_failed_and_drops_offers_not_taken(monkeypatch):
    calls = _fake_encoder(monkeypatch)
    embed.offer(["Harbour crane fell in Norwick."], 64, lambda: None)  # the helper died
    got = embed.embed(["Harbour crane fell in Norwick."], one_thread=True)
    assert calls == [(["Harbour crane fell in Norwick."], True)] and got[0, 0] == len("Harbour crane fell in Norwick.")
    embed.offer(["Nothing asks for this."], 64, lambda: None)
    embed.withdraw_offers()
    assert not embed._offers
