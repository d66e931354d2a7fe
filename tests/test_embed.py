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


def test_embed_a_call_of_small_batches_runs_on_one_thread_however_many_texts(monkeypatch):
    """A story's quote renderings come in one call of batches of 8: hundreds of texts in a large
    story, each batch too small to share between torch's threads (the second one only spins, six
    times the CPU on a busy machine). Calls of full batches keep torch's threads."""
    import torch

    seen: list[tuple[int, int]] = []

    class Recorder:
        def encode(self, texts, batch_size, **_):
            seen.append((batch_size, torch.get_num_threads()))
            return np.zeros((len(texts), embed.DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(embed, "load_encoder", lambda: Recorder())
    previous = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        texts = [f"Councillor Brena Tull said the Osk ferry would run {k} times." for k in range(300)]
        embed._encode(texts, 8)
        embed._encode(texts, 64)
        assert torch.get_num_threads() == 2  # put back after each call
    finally:
        torch.set_num_threads(previous)
    assert seen == [(8, 1), (64, 2)]


def test_embed_calls_follow_the_free_cores_the_caller_found(monkeypatch):
    """With a core spare (`cores_free` above 1) a call of 40 texts in full batches uses torch's threads
    instead of leaving the other core idle; on a busy machine a large one keeps to one thread (the
    second only spins). One-thread calls, calls of small batches and a call of one text stay on one
    thread either way, and outside the block the call's size decides again."""
    import torch

    seen: list[int] = []

    class Recorder:
        def encode(self, texts, batch_size, **_):
            seen.append(torch.get_num_threads())
            return np.zeros((len(texts), embed.DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(embed, "load_encoder", lambda: Recorder())
    previous = torch.get_num_threads()
    torch.set_num_threads(2)
    few = [f"The Osk ferry ran {k} times on Tuesday." for k in range(40)]
    one = ["The Osk ferry ran twice on Tuesday."]
    many = [f"Councillor Brena Tull said the Osk ferry would run {k} times." for k in range(300)]
    try:
        with embed.cores_free(1.6):
            embed._encode(few, 64)
            embed._encode(few, 64, one_thread=True)
            embed._encode(many, 8)
            embed._encode(one, 64)  # a text or two: their vectors move with the threads
        with embed.cores_free(0.4):
            embed._encode(many, 64)
            embed._encode(few, 64)
        embed._encode(few, 64)
        embed._encode(many, 64)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(previous)
    assert seen == [2, 1, 1, 1, 1, 1, 1, 2]


def _texts_of_tied_lengths() -> list[str]:
    # many texts of one length, so the encoder's sort must be followed exactly to cut its batches
    places = ["Osk", "Tam", "Rye", "Vel", "Kor", "Bly"]
    return [f"The {p} ferry ran {k} times." for k in range(4) for p in places] + [
        "Harbour officials in Norwick moved about 300 people out of nearby streets on Monday.",
        "A crane fell.",
        "The Verrin bridge stays shut until the council of Marrow has met on Friday night.",
    ]


def test_shared_encoding_gives_the_whole_calls_vectors_bit_for_bit():
    """A call encoded batch by batch, each batch a call of its own, in the encoder's order
    (`batches_of`), has the very vectors of the whole call: the comparison breaks exact ties,
    so a vector moved by 1e-7 could change a report."""
    texts = _texts_of_tied_lengths()
    whole = embed._encode(texts, 4, one_thread=True)
    shared = embed.SharedEncoding(texts, 4)
    got = shared.finish()
    assert shared.batches_here == len(shared.batches) == 7
    assert np.array_equal(got, whole)
    assert sorted(int(i) for b in shared.batches for i in b) == list(range(len(texts)))


def _fake_batches(monkeypatch):
    """An encoder whose vector tells the text (its length) and records the batches it was given."""
    batches: list[list[str]] = []

    def fake(texts, batch_size, one_thread=False):
        batches.append(list(texts))
        return np.array([[float(len(t)), 1.0] + [0.0] * (embed.DIMENSIONS - 2) for t in texts], dtype=np.float32)

    monkeypatch.setattr(embed, "_encode", fake)
    return batches


def test_shared_encoding_splits_the_batches_between_a_forked_process_and_this_one(monkeypatch):
    """The helper takes batches from the front, this process from the back: every batch is
    encoded once, by one of them, and every row lands in its text's place."""
    import pytest

    from newsprism.scale import ForkedCall, fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    here = _fake_batches(monkeypatch)
    texts = _texts_of_tied_lengths()
    shared = embed.SharedEncoding(texts, 2)
    helper = ForkedCall(shared.ahead)
    got = shared.finish(helper.result)
    assert helper.result() + shared.batches_here == len(shared.batches) == len(here) + helper.result()
    assert [row[0] for row in got] == [float(len(t)) for t in texts]
    assert all(len(b) <= 2 for b in here)


def test_shared_encoding_encodes_the_batches_a_failed_helper_left(monkeypatch):
    """A batch the helper took and never finished (it failed, or was killed) is encoded here."""
    here = _fake_batches(monkeypatch)
    texts = _texts_of_tied_lengths()
    shared = embed.SharedEncoding(texts, 8)
    taken = shared._take(front=True)  # the helper took the first batch, then died
    got = shared.finish()
    assert taken == 0 and shared.batches_here == len(shared.batches) == 4 and len(here) == 4
    assert [row[0] for row in got] == [float(len(t)) for t in texts]
