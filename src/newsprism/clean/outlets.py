"""Outlet registry: domain -> OutletInfo, from the shipped `data/outlets.csv` plus a user's file.

Also finds an outlet named in page clutter (masthead, newsletter plug, blurb,
staff credit) by its full name, its name without "The", or its initials
("MEE" -> Middle East Eye) when those initials belong to one outlet only, and
only where the page does not spell out another name that begins with them
("NBC Norvland Broadcasting" is not NBC News).
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.clean.patterns import masthead_words
from newsprism.models import OutletInfo

COLUMNS = ("domain", "outlet", "country", "owner", "leaning")
# "Il Faro di Sarenza", "Diario del Puerto": the particles of other languages' names stay lower case too
MINOR_WORDS = {"the", "of", "and", "for", "a", "an", "in", "on", "&", "de", "la", "le", "el", "der", "die", "di", "del", "della", "du", "des", "da", "do", "dos", "van", "von"}


def _read_rows(text: str) -> dict[str, OutletInfo]:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    rows: dict[str, OutletInfo] = {}
    reader = csv.reader(io.StringIO("\n".join(lines)))
    for record in reader:
        if not record or record[0].strip().lower() == "domain":
            continue
        values = [v.strip() or None for v in record[: len(COLUMNS)]]
        values += [None] * (len(COLUMNS) - len(values))
        domain, outlet = values[0], values[1]
        if not domain or not outlet:
            continue
        domain = domain.lower().removeprefix("www.")
        rows[domain] = OutletInfo(**dict(zip(COLUMNS, [domain, outlet, *values[2:]])))
    return rows


@lru_cache(maxsize=8)
def _load(extra_file: str | None) -> dict[str, OutletInfo]:
    text = resources.files("newsprism").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    table = _read_rows(text)
    if extra_file:
        table.update(_read_rows(Path(extra_file).read_text(encoding="utf-8")))
    return table


def load_outlets(extra_file: str | Path | None = None) -> dict[str, OutletInfo]:
    """Return the outlet table by domain: the shipped rows, then the user's CSV (same columns) over them."""
    return dict(_load(str(extra_file) if extra_file else None))


def domain_of(url: str) -> str | None:
    """Return the lower-case host of `url` without "www.", or None."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def outlet_for_url(url: str | None, extra_file: str | Path | None = None) -> OutletInfo | None:
    """Return the registry row for `url`'s domain or its nearest listed parent domain, or None."""
    if not url:
        return None
    host = domain_of(url)
    if not host:
        return None
    table = _load(str(extra_file) if extra_file else None)
    parts = host.split(".")
    for i in range(len(parts) - 1):
        row = table.get(".".join(parts[i:]))
        if row:
            return row
    return None


def initials(name: str) -> str:
    """Return the initials of a name's significant words ("Middle East Eye" -> "MEE")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in MINOR_WORDS]
    return "".join(w[0].upper() for w in words)


# the word after a name in a line: "NBC Norvland Broadcasting" -> "Norvland"
NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


class OutletNames:
    """Finds outlet names from the registry in a line of page clutter."""

    def __init__(self, table: dict[str, OutletInfo]) -> None:
        by_key: dict[str, str] = {}
        caps_words: dict[str, str] = {}
        acronyms: dict[str, set[str]] = {}
        for row in table.values():
            name = row.outlet
            bare = re.sub(r"^the\s+", "", name, flags=re.I)
            bare = re.sub(r"\s*\([^)]*\)$", "", bare)  # "The Star (Malaysia)" is printed "The Star"
            # One-word names ("Time", "Mint", "i") are ordinary words: too risky to match in text.
            if len(bare.split()) >= 2:
                by_key.setdefault(bare.lower(), name)
            elif bare.isupper() and len(bare) >= 3:
                caps_words.setdefault(bare, name)  # "TODAY" names an outlet in capitals; "Alvoria Today" is another's name
            code = initials(bare)
            if len(code) >= 3 and len(bare.split()) >= 3:
                acronyms.setdefault(code, set()).add(name)
            first = bare.split()[0]
            if len(first) >= 3 and first.isupper() and first.isalpha():  # "BBC News" is also "BBC"
                acronyms.setdefault(first, set()).add(name)
        self.by_key = by_key
        self.acronyms = {code: next(iter(names)) for code, names in acronyms.items() if len(names) == 1}
        keys = sorted(by_key, key=len, reverse=True)
        self.name_re = re.compile(r"(?<!\w)(?:the\s+)?(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.I) if keys else None
        self.caps_words = caps_words
        self.caps_re = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(caps_words, key=len, reverse=True)) + r")(?!\w)") if caps_words else None
        self.acronym_re = re.compile(r"(?<![\w.])([A-Z]{3,6})(?:['’]s)?(?![\w.])")
        nouns, sections = masthead_words()
        self.plain_words = nouns | sections | MINOR_WORDS  # "BBC Radio", "CNN International": still the same outlet

    def _longer_name(self, line: str, end: int) -> bool:
        """True when the initials or caps word ending at `end` open a longer name the page spells out
        ("NBC Norvland Broadcasting"): the next word is capitalised and is no publication or section
        word ("BBC Radio", "CNN International" stay the registry's outlet)."""
        after = NEXT_WORD.match(line, end)
        return bool(after) and after.group(1).lower() not in self.plain_words
    def by_initials(self, name: str) -> set[str]:
        """The registry outlets that `name`'s own initials or its opening caps word stand for
        ("NBC Norvland Broadcasting" -> {"NBC News"}): the outlets its short form would be read as."""
        words = name.split()
        return {found for code in (words[0] if words else "", initials(name)) if (found := self.acronyms.get(code))}

    def find(self, line: str) -> str | None:
        """Return the outlet a clutter line names (full name first, then unique initials), or None."""
        if self.name_re:
            match = self.name_re.search(line)
            if match:
                return self.by_key[match.group(1).lower()]
        for match in self.caps_re.finditer(line) if self.caps_re else ():
            before = line[: match.start()].split()
            if not (before and before[-1][:1].isupper() and before[-1].isalpha()) and not self._longer_name(line, match.end()):
                return self.caps_words[match.group(1)]  # "ALVORIA TODAY", "ABC Kelmark" are other names
        for match in self.acronym_re.finditer(line):
            name = self.acronyms.get(match.group(1))
            if name and (match.group(0) != match.group(1) or not self._longer_name(line, match.end())):  # "NBC's Orsa desk" is NBC's
                return name
        return None


@lru_cache(maxsize=8)
def outlet_names(extra_file: str | None = None) -> OutletNames:
    """Return the (cached) name finder over the registry."""
    return OutletNames(_load(extra_file))
