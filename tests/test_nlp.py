"""Tests for the spaCy pipeline newsprism loads (understand/nlp.py) and the shared encoder cache.

The fast pipeline swaps thinc's matrix products and two spaCy components for faster ones
(issue #5); these tests hold it to stock spaCy's output, token for token.
"""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import get_current_ops

from newsprism.understand.nlp import (
    MatmulOps,
    MemoLemmatizer,
    SteppedParser,
    VectorisedAttributeRuler,
    VectorisedEntityRecognizer,
    doc_text,
    load_nlp,
    parse,
    parse_ahead,
    sentences,
    unfinished_sentences,
)

TEXTS = [
    # quotes, titles, contractions, possessives, numbers, dates and a line break
    "BEIRUT (Reuters)\nMaj. Gen. Anna Kowalczyk said on Wednesday that the army \"won't retreat\" "
    "and that Poland's air defence would get $1.2 billion a day. \"We're doin' nothin' wrong,\" she added.",
    # spaces, tabs and blank lines become whitespace tokens; y' and n't are rule exceptions
    "The minister didn't say.  Y'all heard it:\n\n\t'They can't stop us', the agency quoted him as saying. "
    "More than 380,000 people were killed in the 9-year war, according to the monitor.",
]
EDGE_TEXTS = [
    # entities at the very start and end, across a line break, next to spaces; a lone token; nothing
    "Warsaw\nThe Polish Foreign Ministry in   Warsaw met the European Union on 3 March 2021 in Brussels",
    "NATO",
    "",
]


def _rows(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize("text", TEXTS + EDGE_TEXTS)
def test_nlp_fast_pipeline_parses_like_stock_spacy(text):
    stock, fast = load_nlp(fast=False)(text), load_nlp()(text)
    assert _rows(fast) == _rows(stock)


def test_nlp_fast_pipeline_parses_a_batch_like_stock_spacy():
    texts = TEXTS + EDGE_TEXTS + [text.upper() for text in TEXTS]  # docs of different lengths decoded side by side
    stock, fast = load_nlp(fast=False).pipe(texts, batch_size=8), load_nlp().pipe(texts, batch_size=8)
    assert [_rows(doc) for doc in fast] == [_rows(doc) for doc in stock]


def test_nlp_vectorised_ner_leaves_preset_entities_to_spacy():
    nlp = load_nlp()
    doc = nlp.make_doc("Anna Kowalczyk flew to Warsaw on Monday.")
    doc.set_ents([doc.char_span(0, 14, label="ORG")], default="unmodified")
    for name, component in nlp.pipeline:
        doc = component(doc)
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Anna Kowalczyk", "ORG")


def test_nlp_vectorised_ner_steps_only_the_tokens_inside_an_entity(monkeypatch):
    import newsprism.understand.nlp as nlp_module

    texts = [
        "Governor Maribel Quintana-Osei of the Lowmarsh Harbour Authority met Dr. Tobias Fenwright "
        "in East Calverton on Friday, the Calverton Daily Ledger reported.",
        "Fenwright Holdings said the Brisket Valley Water Board would pay $4.5 million by next March.",
    ]
    stock = [_rows(doc) for doc in load_nlp(fast=False).pipe(texts)]
    rows_scored = []
    real_maxout = nlp_module._maxout

    def counting(hidden):
        rows_scored.append(hidden.shape[0])
        return real_maxout(hidden)

    monkeypatch.setattr(nlp_module, "_maxout", counting)
    fast = [_rows(doc) for doc in load_nlp().pipe(texts)]
    assert fast == stock
    # every token scored once with no entity open, then only the I and L tokens one by one
    inside = sum(1 for doc in fast for row in doc if row[7] == "I")
    assert inside >= 8 and rows_scored[0] == sum(len(doc) for doc in fast) and sum(rows_scored[1:]) == inside


def test_nlp_maxout_is_the_maximum_over_the_last_axis():
    from newsprism.understand.nlp import _maxout

    hidden = np.random.default_rng(7).normal(size=(50, 64, 3)).astype(np.float32)
    assert np.array_equal(_maxout(hidden), hidden.max(axis=-1))


@pytest.mark.parametrize("shape", [(1, 6), (400, 6), (300, 4)])
def test_nlp_unique_rows_answers_like_numpy_unique(shape):
    from newsprism.understand.nlp import _unique_rows

    # few distinct values per column, so rows repeat and share leading columns
    rows = np.random.default_rng(shape[0]).integers(0, 3, size=shape).astype(np.uint64) * np.uint64(2**62 + 1)
    unique, inverse = _unique_rows(rows)
    expected, expected_inverse = np.unique(rows, axis=0, return_inverse=True)
    assert np.array_equal(unique, expected) and np.array_equal(inverse, expected_inverse.reshape(-1))
    assert np.array_equal(unique[inverse], rows)


def test_nlp_fast_pipeline_uses_the_fast_parts():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), VectorisedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    assert isinstance(nlp.get_pipe("parser"), SteppedParser)
    assert isinstance(nlp.get_pipe("ner"), VectorisedEntityRecognizer)
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, MatmulOps)
    assert not isinstance(load_nlp(fast=False).get_pipe("tok2vec").model.ops, MatmulOps)


def test_nlp_fast_ops_stay_inside_the_pipeline():
    load_nlp()
    assert not isinstance(get_current_ops(), MatmulOps)  # other thinc models built later get stock ops


def test_nlp_matmul_ops_gemm_matches_numpy():
    rng = np.random.default_rng(0)
    x, y = rng.random((5, 3), dtype=np.float32), rng.random((4, 3), dtype=np.float32)
    out = np.empty((5, 4), dtype=np.float32)
    ops = MatmulOps()
    assert np.allclose(ops.gemm(x, y, trans2=True), x @ y.T)
    assert ops.gemm(x, y, out=out, trans2=True) is out and np.allclose(out, x @ y.T)
    assert np.allclose(ops.gemm(x.T, y.T, trans1=True), x @ y.T)


@pytest.mark.parametrize("text", ["Headline in capitals\nThe first sentence starts here. A second one follows."])
def test_nlp_line_break_starts_a_sentence(text):
    doc = parse([text])[0]
    first = sentences(doc)[0]
    assert "\n" not in first.text.strip() and first.text.strip() == "Headline in capitals"


def test_nlp_parse_keeps_the_exact_text():
    text = "  Two  spaces,\ttabs\r\nand a trailing line\n"
    doc = parse([text])[0]
    assert doc_text(doc) == text == doc.text


def test_embed_same_text_gives_same_vector_once_cached():
    from newsprism.embed import embed

    first = embed(["Officials said the port reopened.", "The talks failed."])
    again = embed(["The talks failed.", "Officials said the port reopened.", "The talks failed."])
    assert again.shape == (3, 384)
    assert np.array_equal(again[1], first[0]) and np.array_equal(again[0], again[2])
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-5)


def test_nlp_parse_ahead_in_worker_processes_matches_parse(monkeypatch):
    import newsprism.understand.nlp as nlp

    monkeypatch.setattr(nlp, "worker_count", lambda n_texts, processes: processes)  # workers on a small batch, busy or not
    batches = [TEXTS[:1], [], TEXTS[1:] + ["A third text.\nIt has two lines."]]
    ahead = list(parse_ahead(batches, processes=2))
    assert [len(docs) for docs in ahead] == [1, 0, 2]
    for docs, texts in zip(ahead, batches):
        for doc, expected in zip(docs, parse(texts)):
            assert _rows(doc) == _rows(expected) and doc_text(doc) == expected.text


@pytest.mark.parametrize(
    "n_texts, cores, load, expected",
    [(64, 2, 0.3, 2), (63, 2, 0.3, 1), (64, 2, 1.5, 1), (500, 4, 2.5, 2), (500, 1, 0.0, 1)],
)
def test_nlp_parse_workers_only_for_enough_texts_and_a_spare_core(monkeypatch, n_texts, cores, load, expected):
    import newsprism.understand.nlp as nlp

    monkeypatch.setattr(nlp.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(nlp.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr("newsprism.scale.sampled_busy_cores", lambda: None)  # no /proc/stat sample: the load average decides
    monkeypatch.setattr("newsprism.scale.time.process_time", lambda: 0.0)  # the load is other jobs', not this process's
    assert nlp.worker_count(n_texts, processes=2) == expected
    assert nlp.worker_count(n_texts, processes=1) == 1


def test_pipeline_stories_parse_in_process_when_parse_ahead_fails(monkeypatch):
    import newsprism.pipeline as pipeline
    from newsprism.models import CleanArticle, StoryGroup
    from newsprism.settings import load_settings

    def broken(batches, model, processes):
        yield parse(batches[0], model)
        raise RuntimeError("worker died")

    monkeypatch.setattr(pipeline, "parse_ahead", broken)
    articles = [CleanArticle(id=f"a{i}", source_path=f"a{i}.txt", text=text) for i, text in enumerate(TEXTS)]
    groups = [StoryGroup(id=f"s{i}", title="", article_ids=[a.id]) for i, a in enumerate(articles)]
    served = list(pipeline._parsed_stories(groups, articles, load_settings()))
    assert len(served) == 2 and doc_text(served[0][0]) == TEXTS[0] and served[1] is None



def test_no_sentence_starts_in_lower_case_right_after_a_word():
    """Before parsing, "[and]" inside a quotation and "he" after a quoted question are marked as
    no sentence start (stock spaCy split a seed quotation there, and the fragment became a
    claim); a capital after a full stop and a line after a line break are left to the parser."""
    doc = load_nlp().make_doc("They aim to “curb risks [and] stop smuggling.” Later the port reopened.\nlater still it closed. “Why?” he asked.")
    unfinished_sentences(doc)
    marked = {t.text: t.is_sent_start for t in doc}
    assert marked["["] is False and marked["and"] is False and marked["stop"] is False and marked["he"] is False
    assert marked["Later"] is None and marked["later"] is None
    assert [s.text.split()[0] for s in sentences(parse(["They aim to “curb risks [and] stop smuggling.”"])[0])] == ["They"]


HEADLINE_TEXTS = [
    # a Title Case headline over a body sentence; a sentence full of names is no headline
    "Storm Closes Harbour Road Tonight\nThe council said the road would stay shut until Friday.",
    "Singer Maria Lopez met reporters in Quito on Monday.\nMORE NEWS FROM THE REGION\nÉlan Vital Wins Award",
    "NATO",
    "",
]


@pytest.mark.parametrize("text", TEXTS + EDGE_TEXTS + HEADLINE_TEXTS)
def test_nlp_array_shortcuts_answer_like_the_token_loops(text):
    """The entities stage reads capitalisation and Title Case lines from the doc's arrays (speed,
    issue #5); each answer must be the token-by-token one."""
    from newsprism.understand.entities import _headline_sentences, _is_headline
    from newsprism.understand.nlp import upper_initial

    doc = parse([text])[0]
    assert upper_initial(doc).tolist() == [t.text[:1].isupper() for t in doc]
    assert _headline_sentences(doc) == {i for i, s in enumerate(sentences(doc)) if _is_headline(s)}


def test_nlp_headline_sentences_finds_the_title_case_line():
    from newsprism.understand.entities import _headline_sentences

    doc = parse([HEADLINE_TEXTS[0]])[0]
    assert _headline_sentences(doc) == {0}


@pytest.mark.parametrize("phrase", ["the jewish state", "according to", "show", "iraq"])
@pytest.mark.parametrize("written", [str.lower, str.upper, str.title, lambda s: s.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a")])
def test_nlp_ignorecase_text_finds_every_case_blind_match(phrase, written):
    """`ignorecase_text` lets the stages skip a case-blind regex scan when an ASCII phrase is not
    in the folded text (speed, issue #5): wherever re.IGNORECASE finds the phrase, the folded
    text must hold it, the odd letters re folds to ASCII (İ, ı, ſ, the Kelvin sign) included."""
    import re

    from newsprism.understand.nlp import ignorecase_text

    text = f"Officials said {written(phrase)} on Monday."
    assert re.search(re.escape(phrase), text, flags=re.IGNORECASE)
    assert phrase in ignorecase_text(text)


def test_nlp_ignorecase_text_covers_every_letter_re_folds_to_ascii():
    """The fold's table must hold every non-ASCII character that re.IGNORECASE matches to an
    ASCII letter (the test tries all of Unicode, about a second)."""
    import re
    import string

    from newsprism.understand.nlp import ignorecase_text

    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = [chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))]
    assert odd and all(ignorecase_text(c) in string.ascii_lowercase for c in odd)


def test_nlp_token_flags_computed_once_and_read_only():
    """The entities stage asks for a doc's token flags three times; the second answer is the
    first one, and no caller can change it for the others."""
    from newsprism.understand.nlp import UPPER_INITIAL, token_flags

    doc = parse([TEXTS[0]])[0]
    flags = token_flags(doc)
    assert token_flags(doc) is flags
    assert ((flags & UPPER_INITIAL) > 0).tolist() == [t.text[:1].isupper() for t in doc]
    with pytest.raises(ValueError):
        flags[0] = 0


@pytest.mark.parametrize("text", TEXTS + EDGE_TEXTS)
def test_nlp_span_text_is_the_spans_text(text):
    """`span_text` cuts a span's text from the doc's text (speed, issue #5): for every span of
    the doc, empty ones included, it must be what spaCy's Span.text gives."""
    from newsprism.understand.nlp import span_text

    doc = parse([text])[0]
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text


def _embedding_nodes(nlp):
    for name in ("tok2vec", "ner"):
        component = nlp.get_pipe(name)
        model = (getattr(component, "ner", None) or component).model
        yield from (node for node in model.walk() if node.layers and node.layers[0].name == "extract_features")


def test_nlp_word_embeddings_mixed_once_per_distinct_word():
    # a made-up report that repeats its words: the mixing layer of both tok2vecs (the shared one
    # and NER's own) should see each distinct word once, and give every token the vector it gets
    # when every token is mixed
    from newsprism.understand.nlp import _lean_chain_forward

    nlp = load_nlp()
    text = ("The Varnholt council met on Tuesday. The council said the Varnholt ferry will sail on Tuesday, "
            "and the ferry will sail again on Friday, the council said.")
    docs = [nlp.make_doc(text), nlp.make_doc("The ferry will sail.")]
    nodes = list(_embedding_nodes(nlp))
    assert len(nodes) == 2
    for node in nodes:
        mix = node.layers[3].layers[0]
        seen, forward = [], mix._func
        mix._func = lambda model, X, is_train: (seen.append(len(X)), forward(model, X, is_train))[1]
        try:
            vectors, _ = node(docs, is_train=False)
        finally:
            mix._func = forward
        features = np.concatenate([doc.to_array(node.layers[0].attrs["columns"]) for doc in docs])
        assert seen == [len(np.unique(features, axis=0))] and seen[0] < sum(len(doc) for doc in docs)
        every_token, _ = _lean_chain_forward(node, docs, is_train=False)
        assert [v.shape for v in vectors] == [v.shape for v in every_token]
        assert all(np.allclose(a, b, rtol=1e-5, atol=1e-5) for a, b in zip(vectors, every_token))


def test_nlp_vectorised_attribute_ruler_matches_a_batch_at_once_within_each_doc():
    # an invented two-word rule: stock spaCy's ruler applied doc by doc and the vectorised one
    # applied to the whole batch in one pass agree, and a match never runs from one doc's last
    # word into the next doc's first
    from spacy.lang.en import English

    nlp = English()
    stock = nlp.add_pipe("attribute_ruler")
    stock.add([[{"LOWER": "quay"}, {"LOWER": "warden"}]], {"LEMMA": "quaywarden", "TAG": "NNP"}, index=1)
    stock.add([[{"ORTH": "Tesmoor"}]], {"TAG": "NNP"})
    fast = VectorisedAttributeRuler(nlp.vocab)
    assert fast.adopt(stock)
    texts = ["They asked the quay", "warden of Tesmoor about it.", "The quay warden said no.", "", "quay warden"]
    expected = [stock(nlp.make_doc(text)) for text in texts]
    calls = []
    apply = fast._apply
    fast._apply = lambda docs: (calls.append(len(docs)), apply(docs))
    got = list(fast.pipe([nlp.make_doc(text) for text in texts], batch_size=8))
    assert calls == [4]  # the four non-empty docs, together
    rows = lambda doc: [(t.text, t.tag_, t.lemma_) for t in doc]  # noqa: E731
    assert [rows(doc) for doc in got] == [rows(doc) for doc in expected]
    assert rows(got[1])[0] == ("warden", "", "")  # not matched across the boundary
    assert rows(got[2])[2] == ("warden", "NNP", "quaywarden")


def test_word_trie_matches_the_longest_word_that_fits():
    import re

    from newsprism.understand.nlp import word_trie

    words = ["sep", "sept", "september", "the", "this", "a", "an", "after"]
    pattern = re.compile(rf"\b{word_trie(words)}\b", re.I)
    found = [m.group() for m in pattern.finditer("Sept. the September thistle an this Sep after and a Septembers")]
    assert found == ["Sept", "the", "September", "an", "this", "Sep", "after", "a"]


def test_nlp_parser_steps_score_like_spacys_step_model_bit_for_bit():
    # the stepped parser scores each step without spaCy's `step.predict` layers (`_step_scores`):
    # along a whole parse of an invented report the scores must be spaCy's own, bit for bit, and
    # a step model with an unseen class (whose score spaCy overwrites) keeps `step.predict`
    from newsprism.understand.nlp import _step_scores

    nlp = load_nlp()
    parser = nlp.get_pipe("parser").parser
    docs = list(nlp.pipe(["Mayor Ilse Varnhagen of Dorrow said on Monday the ferry would not sail.",
                          "The Kelmar harbour board, which met twice, blamed the storm."]))
    states = parser.moves.init_batch(docs)
    step = parser.model.predict(docs)
    lean = _step_scores(step)
    assert lean != step.predict
    going, steps = [s for s in states if not s.is_final()], 0
    while going:
        ours, spacys = lean(going), step.predict(going)
        assert ours.dtype == spacys.dtype and np.array_equal(ours, spacys)
        going, steps = parser.transition_states(going, spacys), steps + 1
    assert steps >= len(docs[0]) and all(s.is_final() for s in states)  # a whole parse
    step._class_mask[0] = 0
    assert _step_scores(step) == step.predict
