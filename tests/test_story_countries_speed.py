"""`entities.story_countries` tries its patterns only where a word could match them and finds the
office cues of all names in one scan (speed cuts): its answers must be those of trying every
pattern on every name and every word."""

from __future__ import annotations

import re

from newsprism.understand.entities import _country_cue_words, _demonym_pattern, fold, story_countries
from newsprism.understand.mentions import Found


def _every_pattern(mentions: list[Found], texts: dict[str, str]) -> dict[str, str]:
    """The rule without the cut: every demonym pattern against every name and word, the cue pattern for every name."""
    candidates = {m.text for m in mentions}
    offices, states = _country_cue_words()
    words = {w for text in texts.values() for w in re.findall(r"[A-Z][a-z]{3,}", text)}
    patterns = {name: _demonym_pattern(name) for name in candidates}
    out = {}
    for name in sorted(candidates):
        if any(other != name and pattern.fullmatch(name) for other, pattern in patterns.items()):
            continue
        if any(w != name and patterns[name].fullmatch(w) for w in words):
            out[fold(name)] = name
            continue
        cue = re.compile(rf"\b{re.escape(name)}['’]s\s+(?:{offices})\b|\b(?:{offices}|{states})\s+of\s+{re.escape(name)}\b", re.I)
        if any(cue.search(text) for text in texts.values()):
            out[fold(name)] = name
    return out


def _names(*names: str) -> list[Found]:
    return [Found(article_id="a", text=n, start=0, end=len(n), sentence_index=0, label="GPE") for n in names]


TEXTS = {
    "a": "Delegates from Lorvenia met in Halvik. Lorvenian troops stayed home, and the Qarestani side left early.\n",
    "b": "Talks broke down after Barqan’s\nforeign minister walked out. The GOVERNMENT OF  TAVLOR said nothing.\n",
    "c": "Mirelle's ambassador was not invited; Ostrava Steel said Brennick of Halvik would buy it.\n",
    "d": "It was Vestmark's embassy of Orlena that wrote.\n",  # two cues overlap: each name is cued
}


def test_story_countries_finds_the_same_countries_as_every_pattern_on_every_name():
    mentions = _names("Lorvenia", "Qarestan", "Qarestani", "Barqan", "Tavlor", "Mirelle", "Halvik", "Brennick", "Ostrava", "Vestmark", "Orlena")
    found = story_countries(mentions, TEXTS)
    assert found == _every_pattern(mentions, TEXTS)
    # a people's word, an office written across a line break, a state's office in capitals, "X's ambassador"
    assert set(found.values()) == {"Lorvenia", "Qarestan", "Barqan", "Tavlor", "Mirelle", "Vestmark", "Orlena"}
