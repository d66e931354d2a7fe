"""Sentence splitting: a sentence starts after punctuation or a line break, never right after a word."""
from __future__ import annotations

import pytest

from newsprism.understand.nlp import parse, sentences


@pytest.mark.parametrize(("text", "sentence"), [
    ("She said the envoys had met for two days.\nThe Tarn foreign minister, Pavel Orlov, and his Varnish counterpart, Ha-neul Yoon, "
     "did not hold a joint news conference.\nTalks resume in March.",
     "The Tarn foreign minister, Pavel Orlov, and his Varnish counterpart, Ha-neul Yoon, did not hold a joint news conference."),
    ("OSTRAVA BAY, Dec 8 (TNA) - Talks ended on Tuesday.", "OSTRAVA BAY, Dec 8 (TNA) -"),
])
def test_nlp_no_sentence_starts_right_after_a_word(text, sentence):
    """'... Ha-neul | Yoon, did not hold ...' and 'OSTRAVA | BAY, Dec 8' were split by the parser."""
    found = [s.text.strip() for s in sentences(parse([text])[0])]
    assert sentence in found, found
