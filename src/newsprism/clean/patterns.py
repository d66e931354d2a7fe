"""Line patterns and vocabularies for cleaning, read once from `data/clean/` (users may extend them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class LinePattern:
    reason: str
    max_words: int
    regex: re.Pattern
    footer_only: bool = False
    text_only: bool = False
    hints: tuple[str, ...] = ()


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
        rows.append(LinePattern(reason, int(max_words), re.compile(pattern, re.IGNORECASE), zone == "footer", zone == "text", hint_list))
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


def match_clutter(line: str, n_words: int, footer: bool = False, html: bool = False) -> str | None:
    """Return the reason of the first clutter pattern matching `line`, or None.

    Rows marked `@footer` only apply when `footer` is True (below the last body paragraph),
    rows marked `@text` only when `html` is False.
    """
    lower = line.lower()
    present = {h for h in _all_hints() if h in lower}
    for row in _applicable(n_words, footer, html):
        if row.hints and present.isdisjoint(row.hints):
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
