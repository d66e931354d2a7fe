"""Line patterns and vocabularies for cleaning, read once from `data/clean/` (users may extend them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# re's own parser (Python 3.11: re._parser), to read which characters an anchored pattern can start with.
from re import _parser as sre_parse  # private, but no public API parses a pattern


@dataclass(frozen=True)
class LinePattern:
    reason: str
    max_words: int
    regex: re.Pattern
    footer_only: bool = False
    text_only: bool = False
    hints: tuple[str, ...] = ()
    # Lower-case ASCII characters a matching line can start with, for a pattern anchored at "^";
    # None when any line may match (unanchored, or able to match empty). See `first_characters`.
    starts: frozenset[str] | None = field(default=None, compare=False)


def _data_lines(name: str) -> list[str]:
    text = resources.files("newsprism").joinpath(f"data/clean/{name}").read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def line_patterns() -> tuple[LinePattern, ...]:
    """Return the clutter patterns of `line_patterns.tsv`, in file order (first match wins)."""
    rows = []
    for line in _data_lines("line_patterns.tsv"):
        reason, max_words, hints, pattern = line.split("\t", 3)
        reason, _, zone = reason.strip().partition("@")
        hint_list = tuple(h for h in hints.strip().split(",") if h and h != "-")
        rows.append(LinePattern(
            reason, int(max_words), re.compile(pattern, re.IGNORECASE), zone == "footer", zone == "text", hint_list,
            first_characters(pattern),
        ))
    return tuple(rows)


@lru_cache(maxsize=1)
def comment_header_re() -> re.Pattern:
    """Return one regex matching any line that opens a reader-comment section."""
    return re.compile("|".join(f"(?:{p})" for p in _data_lines("comment_headers.txt")), re.IGNORECASE)


@lru_cache(maxsize=1)
def avatar_words_re() -> re.Pattern:
    """Return a regex for avatar placeholder words in front of a commenter's handle."""
    words = sorted((w.strip() for w in _data_lines("avatar_words.txt")), key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(w) for w in words) + r")\s+)+", re.IGNORECASE)


@lru_cache(maxsize=1)
def masthead_words() -> tuple[frozenset[str], frozenset[str]]:
    """Return (publication nouns, section-label words) of `masthead_words.txt`, lower-cased."""
    kinds = _masthead_rows()
    return frozenset(kinds["noun"]), frozenset(kinds["section"])


@lru_cache(maxsize=1)
def _masthead_rows() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {"noun": set(), "section": set(), "lead": set()}
    for line in _data_lines("masthead_words.txt"):
        kind, _, word = line.partition("\t")
        kinds[kind.strip()].add(word.strip().lower())
    return kinds


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """Return the broadcaster words that open an outlet's name ("Radio Kelmark", "TV Ostmark"), lower-cased (`masthead_words.txt`)."""
    return frozenset(_masthead_rows()["lead"])


@lru_cache(maxsize=1)
def edition_words() -> frozenset[str]:
    """Return the words of a masthead's edition note ("English edition", "translated"), lower-cased (`edition_words.txt`)."""
    return frozenset(line.strip().lower() for line in _data_lines("edition_words.txt"))


@lru_cache(maxsize=1)
def comment_labels() -> frozenset[str]:
    """Return the lower-case words a comment's text opens with before a colon ("edit:", "ps:"), not handles (`comment_labels.txt`)."""
    return frozenset(line.strip().lower() for line in _data_lines("comment_labels.txt"))


@lru_cache(maxsize=1)
def desk_words() -> frozenset[str]:
    """Return the words of a byline that names a desk or team rather than a person (`desk_words.txt`), lower-cased."""
    return frozenset(line.strip().lower() for line in _data_lines("desk_words.txt"))


@lru_cache(maxsize=1)
def byline_roles() -> frozenset[str]:
    """Return the words of a writer's role after the name in a byline ("Chief Reporter") (`byline_roles.txt`), lower-cased."""
    return frozenset(line.strip().lower() for line in _data_lines("byline_roles.txt"))


@lru_cache(maxsize=1)
def month_first_countries() -> frozenset[str]:
    """Return the country codes whose pages write numeric dates month first (`month_first_countries.txt`)."""
    return frozenset(line.strip().upper() for line in _data_lines("month_first_countries.txt"))


def first_characters(pattern: str) -> frozenset[str] | None:
    """Return the lower-case ASCII characters a line must start with for `pattern` (anchored at "^") to match it.

    Read from re's parse of the pattern: literals, character sets, alternatives and optional
    parts ("^(main )?(menu|home)" -> {"m", "h"}); each piece's ASCII characters are found by
    asking re itself, case-insensitively, so the set holds what a match can start with. None
    when it cannot say: the pattern is not anchored, can match empty, or starts with a
    look-around or a back reference. A line starting with a non-ASCII character is tried
    against every row (`match_clutter`).
    """
    try:
        items = list(sre_parse.parse(pattern, re.IGNORECASE))
    except re.error:
        return None
    if not items or items[0] != (sre_parse.AT, sre_parse.AT_BEGINNING):
        return None
    found = _first_of_sequence(items[1:])
    if found is None or found[1]:
        return None  # an empty match at the start: any line
    return frozenset(found[0])


ASCII = [chr(code) for code in range(128)]
CATEGORY_CLASSES = {
    sre_parse.CATEGORY_DIGIT: r"\d", sre_parse.CATEGORY_NOT_DIGIT: r"\D", sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_NOT_SPACE: r"\S", sre_parse.CATEGORY_WORD: r"\w", sre_parse.CATEGORY_NOT_WORD: r"\W",
}


def _ascii_matching(regex: str) -> set[str]:
    """Return, lowered, the ASCII characters that `regex` (one character's worth) matches case-insensitively."""
    compiled = re.compile(regex, re.IGNORECASE)
    return {character.lower() for character in ASCII if compiled.fullmatch(character)}


def _member_class(op, argument) -> str | None:
    """Return a one-character regex for one member of a character set, or None."""
    if op == sre_parse.LITERAL:
        return re.escape(chr(argument))
    if op == sre_parse.RANGE:
        return f"{re.escape(chr(argument[0]))}-{re.escape(chr(argument[1]))}"
    if op == sre_parse.CATEGORY:
        return CATEGORY_CLASSES.get(argument)
    return None


def _first_of_sequence(items) -> tuple[set[str], bool] | None:
    """Return (characters the sequence can start with, whether it can match empty), or None if unknown."""
    characters: set[str] = set()
    for op, argument in items:
        found = _first_of_item(op, argument)
        if found is None:
            return None
        characters |= found[0]
        if not found[1]:
            return characters, False
    return characters, True


def _first_of_item(op, argument) -> tuple[set[str], bool] | None:
    if op == sre_parse.LITERAL:
        return _ascii_matching(re.escape(chr(argument))), False
    if op == sre_parse.NOT_LITERAL:
        return _ascii_matching(f"[^{re.escape(chr(argument))}]"), False
    if op == sre_parse.ANY:
        return _ascii_matching("."), False
    if op == sre_parse.IN:
        negate = bool(argument) and argument[0][0] == sre_parse.NEGATE
        members = [_member_class(*member) for member in (argument[1:] if negate else argument)]
        if not members or None in members:
            return None
        return _ascii_matching(f"[{'^' if negate else ''}{''.join(members)}]"), False
    if op == sre_parse.SUBPATTERN:
        return _first_of_sequence(argument[3])
    if op == sre_parse.BRANCH:
        characters, empty = set(), False
        for branch in argument[1]:
            found = _first_of_sequence(branch)
            if found is None:
                return None
            characters |= found[0]
            empty = empty or found[1]
        return characters, empty
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
        minimum, _, body = argument
        found = _first_of_sequence(body)
        if found is None:
            return None
        return found[0], found[1] or minimum == 0
    return None  # an anchor, a look-around, a back reference, ...


def match_clutter(line: str, n_words: int, footer: bool = False, html: bool = False) -> str | None:
    """Return the reason of the first clutter pattern matching `line`, or None.

    Rows marked `@footer` only apply when `footer` is True (below the last body paragraph),
    rows marked `@text` only when `html` is False. Only rows whose pattern can start with the
    line's first character are tried (`first_characters`): most rows are anchored at "^", so
    this skips most regex searches without changing the result.
    """
    first = line[:1]
    rows = _candidates(n_words, footer, html, first.lower() if first.isascii() else "")
    if not rows:
        return None
    lower = None
    for row in rows:
        if row.hints:  # a row's words of which one must be in the line: cheaper to look for than its regex
            if lower is None:
                lower = line.lower()
            for hint in row.hints:
                if hint in lower:
                    break
            else:
                continue
        if row.regex.search(line):
            return row.reason
    return None


@lru_cache(maxsize=1)
def _all_hints() -> frozenset[str]:
    return frozenset(h for row in line_patterns() for h in row.hints)


@lru_cache(maxsize=256)
def _applicable(n_words: int, footer: bool, html: bool) -> tuple[LinePattern, ...]:
    rows = line_patterns()
    return tuple(r for r in rows if n_words <= r.max_words and (footer or not r.footer_only) and not (html and r.text_only))


@lru_cache(maxsize=8192)
def _candidates(n_words: int, footer: bool, html: bool, first: str) -> tuple[LinePattern, ...]:
    """Return the applicable rows, in file order, that a line starting with `first` can match ("" = any line)."""
    rows = _applicable(n_words, footer, html)
    if not first:
        return rows
    return tuple(r for r in rows if r.starts is None or first in r.starts)
