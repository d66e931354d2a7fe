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


def test_comparison_texts_are_encoded_on_one_thread_however_many(monkeypatch):
    """A story's clauses and reported words (TextVectors) are encoded on one thread even in a call
    of 256+ texts, where torch's second thread only spins on a loaded machine; each text once."""
    from newsprism.compare.views import TextVectors

    calls = _fake_encoder(monkeypatch)
    clauses = [f"{n} boats were moored at Quell pier" for n in range(300)]
    vectors = TextVectors()
    vectors.encode(clauses + clauses[:10])
    vectors.encode(["the Brannock ferry left at dawn", clauses[5]])
    assert [(len(texts), one) for texts, one in calls] == [(300, True), (1, True)]
    assert vectors["the Brannock ferry left at dawn"][0] == len("the Brannock ferry left at dawn")
