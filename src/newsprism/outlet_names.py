"""Does this name mean this outlet? One rule for every stage that asks.

A page names outlets in many places: a dateline's brackets ("(Norrvik News Agency) -", "(NNA) -"),
a byline or credit line ("Jo Doe | Daily Torch"), a quote's channel ("told the Torch", "according to
an NNA translation"), an actor of a sentence ("The Torch spent ..."). Whether that name is the outlet
that prints the page (a remark heard first hand, an agency's own text, no actor of the story) or
another outlet (the page relays it, copies it) is decided here, by `names_outlet`:

- the full name, case and a leading "the" aside: "the Daily Torch", "Daily Torch", "DAILY TORCH" name
  "The Daily Torch"; so do its words run together ("DailyTorch") and the outlet's web host
  ("dailytorch.test" for The Daily Torch, "Daily Torch" for an outlet known only as dailytorch.test);
- a short name, the outlet's last words: "the Torch" for "The Daily Torch", "Courier" for "The Ulden
  Courier". Not after a glue word ("Tarmia" of "Voice of Tarmia" is the country) and not when the
  name opens with a broadcaster's lead word ("Wex" of "Radio Wex" is the town;
  data/clean/masthead_words.txt, kind 'lead');
- initials, one word written in capitals (dots allowed): "NNA" or "N.N.A." for "Norrvik News Agency",
  "VOT" and "VT" for "Voice of Tarmia" (glue words "of", "the", "and", "for", "&", "de", "la", "le",
  "du", "des" may be skipped);
- where nothing but an outlet can stand (a dateline's brackets, `credit=True`), its opening words too:
  "(Norrvik) -" for the Norrvik News Agency's own text. In running text "Norrvik" is the town.

A name must be written as a name: lower-case words alone ("told the torch", "the post") name no
outlet, a web host aside. An outlet known only by its file name ("torch.html", "feed.jsonl #3", the
label a report falls back on) is no name, and nothing names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.clean.patterns import lead_words
from newsprism.ingest import SUFFIXES

GLUE = frozenset({"the", "of", "and", "for", "&", "de", "la", "le", "du", "des"})
"""Words an outlet's initials may skip and a short name may not follow ('Voice of Tarmia' -> VOT, VT)."""

_WORDS = re.compile(r"[^\W_]+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_FILE_RECORD = re.compile(r"\s#\d+$")  # "feed.jsonl #3": a record of a file


def names_outlet(name: str | None, outlet: str | None, *, credit: bool = False) -> bool:
    """True when `name`, as a page writes it, names the outlet `outlet` (its name or web host): the
    full name, a short name, its initials, or with `credit` (a dateline's brackets, a credit line)
    its opening words. The rule is the module's docstring."""
    return _names(" ".join((name or "").split()), " ".join((outlet or "").split()), credit)


def same_outlet(one: str | None, two: str | None) -> bool:
    """True when two outlets' names (each as a registry, a masthead or a web host gives it) are one
    outlet: the same words or letters, a web host, or one the other's initials ("NNA" and "Norrvik
    News Agency", "The Daily Torch" and "dailytorch.test"). A short name or opening words are how a
    page calls an outlet, not another outlet's name: "The Star" and "Harwick Evening Star" are two."""
    one, two = " ".join((one or "").split()), " ".join((two or "").split())
    return _names(one, two, False, False) or _names(two, one, False, False)


@lru_cache(maxsize=8192)
def _names(name: str, outlet: str, credit: bool, text: bool = True) -> bool:
    """`text`: the name as a page writes it (written as a name, short names count), else another outlet's name."""
    if not name or not outlet or is_file_label(outlet) or is_file_label(name):
        return False
    said, own = _key(name), _key(outlet)
    host_said, host_own = host_label(name), host_label(outlet)
    if text and host_said is None and not any(w[:1].isupper() for w in _WORDS.findall(name)):
        return False  # "told the post": lower-case words name no outlet
    if not said or not own:
        return False
    if said == own or _run(name, host_said) & _run(outlet, host_own):
        return True
    if host_said or host_own:
        return False  # a web host is one word: only its whole name matches
    bare = _ARTICLE.sub("", name)  # "an NNA report"
    if " " not in bare and _is_initials(bare, own):
        return True
    if text and len(said) < len(own) and own[-len(said):] == said and _has_short_name(outlet, own, len(said)):
        return True
    return credit and len(said) < len(own) and own[: len(said)] == said and said[-1] not in GLUE


def is_file_label(label: str) -> bool:
    """True for the name a report gives an article known by nothing but its file ('torch.html',
    'feed.jsonl #3', 'page.html.gz')."""
    label = _FILE_RECORD.sub("", label.strip()).casefold().removesuffix(".gz")
    if " " in label or "." not in label:
        return False
    return "." + label.rsplit(".", 1)[1] in SUFFIXES


def host_label(name: str) -> str | None:
    """'dailytorch' for an outlet known only by its web host ('dailytorch.test', 'www.dailytorch.test')."""
    name = name.strip().casefold()
    if " " in name or "." not in name:
        return None
    labels = [label for label in name.split(".") if label and label != "www"]
    # "n.n.a." is initials with dots, no host
    return labels[0] if len(labels) > 1 and len(labels[0]) > 1 and len(labels[-1]) > 1 else None


def _run(name: str, host: str | None) -> set[str]:
    """A name's letters run together, as a web host spells it, with and without 'the'
    ('thedailytorch', 'dailytorch'); a web host's own first label."""
    if host:
        return {host}
    words = _WORDS.findall(name.casefold())
    return {"".join(words), "".join(words[1:]) if words[:1] == ["the"] else "".join(words)}


def _key(name: str) -> tuple[str, ...]:
    """The words of a name, folded, without a leading 'the' (or 'a', 'an': 'an NNA report')."""
    words = _WORDS.findall(_ARTICLE.sub("", name.strip()).casefold())
    return tuple(words)


def _is_initials(name: str, own: tuple[str, ...]) -> bool:
    """'NNA' (or 'N.N.A.') written in capitals, the initials of an outlet's two words or more."""
    code = name.strip().strip(",;:").replace(".", "")
    if len(own) < 2 or len(code) < 2 or not code.isalpha() or not code.isupper():
        return False
    code = code.casefold()
    return code in ("".join(w[0] for w in own), "".join(w[0] for w in own if w not in GLUE))


def _has_short_name(outlet: str, own: tuple[str, ...], size: int) -> bool:
    """Whether the outlet's last `size` words are a name readers call it by: not after a glue word
    ('Voice of Tarmia'), not a broadcaster's place ('Radio Wex'), written capitalised in the name."""
    before = own[-size - 1]
    if before in GLUE or own[0] in lead_words():
        return False
    written = _WORDS.findall(_ARTICLE.sub("", outlet.strip()))
    return len(written) == len(own) and written[-size][:1].isupper()
