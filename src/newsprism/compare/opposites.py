"""Opposites: two claims that read alike (their sentence embeddings close) but say opposite things.

A sentence and its denial embed close together: "The thieves came in through the roof" and "They
walked in through a fire door, not through the roof" share most of their words. Sentence
embeddings do not weigh a "not", so the comparison asks these plain tests before it joins two
claims into one fact (compare.facts.vetoed):

- a denial on one side only (`denies_what_other_states`): one claim denies a word the other states
  and does not deny ("did not resign" / "resigned"; "not through the roof" / "through a roof
  skylight": a denied place or agent, the prepositions before it passed over);
- opposite words (`opposite_words`): a word in one claim and its opposite in the other, neither
  claim holding both or denying either ("insured" / "uninsured", "alive" / "dead").

The words are data: data/compare/negation_cues.txt (the cues, the phrases that open with a cue but
deny nothing, the words passed over and the words that end a denial's reach),
data/compare/polar_words.txt (prefixes that make a word its opposite, and pairs) and
data/compare/antonyms.txt (the pairs the quote wording conflicts read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.lexicons import _compare_lines, antonym_pairs
from newsprism.compare.views import STOPWORDS, WORD, stem

# A denial reaches this many words after its cue at most (or to a clause break before that).
SCOPE_WORDS = 6
# A bare word of at least this many letters, after a polar prefix ("un" + "armed").
MIN_BASE_LETTERS = 4
# Crude stems match when one opens the other and the shorter has this many letters ("named" / "name").
MIN_SHARED_STEM = 4
CLAUSE_PUNCTUATION = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s|\.\s")


@dataclass(frozen=True)
class Cues:
    pattern: re.Pattern[str]  # every cue, whole words ("n't" at a word's end)
    quantifiers: frozenset[str]  # cues that deny that any such thing exists ("no", "nobody")
    lacking: frozenset[str]  # cues whose words are not stated, but which deny no word the other claim states ("without")
    exceptions: re.Pattern[str] | None  # phrases opening with a cue that deny nothing, anchored at the cue
    passed: frozenset[str]  # words passed over before the denied word
    breaks: frozenset[str]  # words that end a denial's reach


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The negation cues of data/compare/negation_cues.txt."""
    words, exceptions, passed, breaks, quantifiers, lacking = [], [], set(), set(), set(), set()
    for line in _compare_lines("negation_cues.txt"):
        line = line.lower()
        if line.startswith("?"):
            line = line[1:].strip()
            lacking.add(line)
            words.append(line)
        elif line.startswith("*"):
            line = line[1:].strip()
            quantifiers.add(line)
            words.append(line)
        elif line.startswith("-"):
            exceptions.append(line[1:].strip())
        elif line.startswith("~"):
            passed.add(line[1:].strip())
        elif line.startswith("/"):
            breaks.add(line[1:].strip())
        else:
            words.append(line)
    alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True) if w != "n't"]
    parts = [r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])"] if alternatives else []
    if "n't" in words:
        parts.append(r"(?<=\w)n['’]t\b")
    pattern = re.compile("|".join(parts) or r"(?!x)x", re.I)
    excepted = re.compile(r"(?:" + "|".join(re.escape(e) for e in sorted(exceptions, key=len, reverse=True)) + r")(?![\w-])", re.I) if exceptions else None
    return Cues(pattern, frozenset(quantifiers), frozenset(lacking), excepted, frozenset(passed), frozenset(breaks))


@lru_cache(maxsize=1)
def polar_words() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], frozenset[str]]:
    """(prefixes, pairs, words that are no prefixed opposite) of data/compare/polar_words.txt, the
    pairs with antonyms.txt's."""
    prefixes, pairs, excepted = [], list(antonym_pairs()), set()
    for line in _compare_lines("polar_words.txt"):
        parts = line.lower().split()
        if len(parts) == 2 and parts[0] == "prefix":
            prefixes.append(parts[1])
        elif len(parts) == 2 and parts[0] == "except":
            excepted.add(parts[1])
        elif len(parts) >= 2:
            pairs.append((parts[0], parts[1]))
    return tuple(sorted(prefixes, key=len, reverse=True)), tuple(pairs), frozenset(excepted)


@lru_cache(maxsize=1)
def _opposites_of() -> tuple[dict[str, frozenset[str]], tuple[str, ...], frozenset[str]]:
    """(word -> its paired opposites, both ways; the prefixes; the words no prefix makes opposite)."""
    prefixes, pairs, excepted = polar_words()
    table: dict[str, set[str]] = {}
    for x, y in pairs:
        table.setdefault(x, set()).add(y)
        table.setdefault(y, set()).add(x)
    return {w: frozenset(o) for w, o in table.items()}, prefixes, excepted


def _opposites(word: str) -> frozenset[str]:
    """The words that say the opposite of `word`: its pairs, the bare word after a polar prefix
    ("uninsured" -> "insured") and the word under each prefix ("insured" -> "uninsured")."""
    table, prefixes, excepted = _opposites_of()
    found = set(table.get(word, ()))
    if word not in excepted:
        for p in prefixes:
            if word.startswith(p) and len(word) - len(p) >= MIN_BASE_LETTERS:
                found.add(word[len(p):])
                break
    if len(word) >= MIN_BASE_LETTERS and word[:1].isalpha():
        found.update(p + word for p in prefixes if p + word not in excepted)
    return frozenset(found)


@dataclass(frozen=True)
class Reading:
    """What a claim denies and what it states."""

    denied_heads: tuple[str, ...]  # the stem each denial denies (its first content word)
    denied: frozenset[str]  # stems of every content word inside a denial's reach
    stated: frozenset[str]  # stems of the content words outside every denial's reach
    denied_words: frozenset[str]  # lower-cased words inside the reach of a denial that is no quantifier ("not insured")
    words: frozenset[str]  # every lower-cased word
    opposable: tuple[tuple[str, frozenset[str]], ...]  # each word no denial reaches, with its opposites (_opposites)
    any_opposite: frozenset[str] = frozenset()  # every opposite of those words: a pair sharing none says nothing opposite


def _content(word: str) -> bool:
    return word.lower() not in STOPWORDS and not word[0].isdigit() and len(word) > 2


@lru_cache(maxsize=16384)
def read(text: str) -> Reading:
    """Read a claim's denials: each cue reaches to a clause break or SCOPE_WORDS words."""
    c = cues()
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    inside = [False] * len(tokens)
    negated = [False] * len(tokens)  # inside the reach of a cue that is no quantifier
    heads: list[str] = []
    for cue in c.pattern.finditer(text):
        if c.exceptions is not None and c.exceptions.match(text, cue.start()):
            continue
        head = None
        taken = 0
        last = cue.end()
        for k, (start, end, word) in enumerate(tokens):
            if start < cue.end():
                continue
            if CLAUSE_PUNCTUATION.search(text, last, start) or word.lower() in c.breaks or taken >= SCOPE_WORDS:
                break
            inside[k] = True
            negated[k] = negated[k] or cue.group().lower() not in c.quantifiers
            taken += 1
            last = end
            if head is None and _content(word) and word.lower() not in c.passed:
                head = stem(word)
        if head is not None and cue.group().lower() not in c.lacking:
            heads.append(head)
    denied = frozenset(stem(w) for k, (_, _, w) in enumerate(tokens) if inside[k] and _content(w))
    stated = frozenset(stem(w) for k, (_, _, w) in enumerate(tokens) if not inside[k] and _content(w))
    denied_words = frozenset(w.lower() for k, (_, _, w) in enumerate(tokens) if negated[k])
    words = frozenset(w.lower() for _, _, w in tokens)
    opposable = tuple((w, found) for w in sorted(words - denied_words) if (found := _opposites(w)))
    any_opposite = frozenset(o for _, found in opposable for o in found)
    return Reading(tuple(heads), denied, stated, denied_words, words, opposable, any_opposite)


def _same_stem(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= MIN_SHARED_STEM and (a.startswith(b) or b.startswith(a)))


def _has(stems: frozenset[str], s: str) -> bool:
    return s in stems or any(_same_stem(s, t) for t in stems)


def denies_what_other_states(a: str, b: str) -> bool:
    """True when one claim denies a word (the first content word a denial reaches, prepositions passed
    over) that the other states and does not deny: "The minister did not resign" / "The minister
    resigned on Friday"; "walked in through a fire door, not through the roof" / "entered through a
    roof skylight"."""
    return _denies_what_other_states(read(a), read(b))


def _denies_what_other_states(ra: Reading, rb: Reading) -> bool:
    for mine, other in ((ra, rb), (rb, ra)):
        for head in mine.denied_heads:
            if _has(other.stated, head) and not _has(other.denied, head):
                return True
    return False


def opposite_words(a: str, b: str) -> bool:
    """True when one claim has a word and the other its opposite (a polar prefix: "insured" /
    "uninsured"; a pair: "alive" / "dead"), neither claim has both, and neither word is denied
    ("not insured" is "uninsured")."""
    return _opposite_words(read(a), read(b))


def _opposite_words(ra: Reading, rb: Reading) -> bool:
    if ra.any_opposite.isdisjoint(rb.words):  # most pairs: one set test, no word by word
        return False
    for word, opposites in ra.opposable:
        if word not in rb.words:
            for o in opposites:
                if o in rb.words and o not in ra.words and o not in rb.denied_words:
                    return True
    return False


def say_opposite(a: str, b: str) -> bool:
    """True when two claims say opposite things (see the module docstring):
    whatever their embeddings' closeness, they are no one fact."""
    ra, rb = read(a), read(b)
    return _denies_what_other_states(ra, rb) or _opposite_words(ra, rb)
