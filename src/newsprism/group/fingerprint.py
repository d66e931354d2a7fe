"""Fingerprint: CleanArticle -> Fingerprint (what an article reports, in comparable form).

Steps, in order:
    1. lead: the headline plus the first body sentences (what a news article
       is about is in its top; teasers and related links sit lower down);
    2. vector: sentence embedding of the lead (`newsprism.embed.embed`);
    3. names: capitalised word tokens of the headline and of each lead sentence (a sentence's
       first word only before another name or a reporting verb), and each part of a hyphenated name (a light, model-free stand-in for named
       entities; see `data/group/<lang>/not_names.txt`);
    4. numbers: numbers and month-day dates of the lead;
    5. day: the publication day when the input carried one, else the first full date
       the lead states (a dateline); `month_day` also keeps a date stated without a year;
       `event_day` the day the lead says the event happened, when it says so by weekday ("walked
       out on Tuesday", counted back from the publication day);
    6. minhash: MinHash of the body's word shingles, to find near-copies.

Fingerprints are plain picklable values, so `newsprism.scale` can compute them
on Dask workers and the clustering can run on the driver.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from datasketch import MinHash

from newsprism.models import CleanArticle, publication_day

MINHASH_PERMUTATIONS = 64
SHINGLE_WORDS = 5
MINHASH_SCHEME = "affine32"  # datasketch 2.x default; needed to rebuild a MinHash from its values

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][\w’'-]*")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z])\.$")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]*")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_DAY = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?\s+(\d{1,2})\b")


@dataclass(frozen=True)
class Fingerprint:
    """What one article reports, reduced to values grouping can compare fast."""

    article_id: str
    vector: np.ndarray
    names: frozenset[str]
    numbers: frozenset[str]
    published: dt.date | None
    minhash: np.ndarray
    month_day: tuple[int, int] | None = None
    event_day: dt.date | None = None  # the lead's "on Tuesday", resolved against the publication day


@lru_cache(maxsize=8)
def _word_file(name: str, lang: str) -> frozenset[str]:
    """The lower-case words of `data/group/<lang>/<name>`, one a line, '#' starting a comment (cached)."""
    text = resources.files("newsprism.data").joinpath(f"group/{lang}/{name}").read_text(encoding="utf-8")
    return frozenset(line.split("#")[0].strip().lower() for line in text.splitlines() if line.split("#")[0].strip())


def not_names(lang: str = "en") -> frozenset[str]:
    """Return the capitalised words that are not names (shipped data file, cached)."""
    return _word_file("not_names.txt", lang)


def speech_verbs(lang: str = "en") -> frozenset[str]:
    """Return the inflected reporting verbs after which a sentence's first word is a speaker's name (shipped data file, cached)."""
    return _word_file("speech_verbs.txt", lang)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences on end punctuation followed by a capital (cheap, model-free)."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        for piece in (s.strip() for s in _SENTENCE_END.split(paragraph)):
            if not piece:
                continue
            if sentences and _ABBREVIATION_END.search(sentences[-1]):
                sentences[-1] = f"{sentences[-1]} {piece}"  # "Mr. Smith": a title, not a sentence end
            else:
                sentences.append(piece)
    return sentences


# Characters of an article's lead (headline and first sentences) that fingerprint it.
LEAD_CHARS = 800


def lead_parts(article: CleanArticle, sentences: int = 3) -> list[str]:
    """Return the headline (when there is one) and the first body sentences, each apart."""
    parts = [article.title.strip()] if article.title and article.title.strip() else []
    body = split_sentences(article.text)
    if parts and body and body[0].strip().rstrip(".") == parts[0].rstrip("."):
        body = body[1:]  # the cleaner sometimes keeps the headline as the first line
    return parts + body[:sentences]


def lead_text(article: CleanArticle, sentences: int = 3, max_chars: int = LEAD_CHARS) -> str:
    """Return the headline and the first body sentences, the part that says what the article reports."""
    return " ".join(lead_parts(article, sentences))[:max_chars]


def extract_names(text: str, lang: str = "en") -> frozenset[str]:
    """Return lower-cased capitalised tokens that are probably names (not function words, months, titles)."""
    ignore = not_names(lang)
    verbs = speech_verbs(lang)
    lower_words = {w for w in _WORD.findall(text) if w.islower()}
    names = set()
    for sentence in split_sentences(text):
        matches = list(_NAME.finditer(sentence))
        for i, match in enumerate(matches):
            # A capital at the start of a sentence says nothing, unless a name goes on after it, or a
            # reporting verb does ("Ghasemi said"; the lead may name the speaker only so) and the
            # word is never written in lower case in this text ("Police said ... the police")
            if match.start() <= 1 and not (i + 1 < len(matches) and matches[i + 1].start() == match.end() + 1):
                after = sentence[match.end():].split(None, 1)
                if not (after and after[0].lower() in verbs and match.group().lower() not in lower_words):
                    continue
            token = re.sub(r"[’']s$", "", match.group()).strip("’'-")
            parts = token.split("-")
            # "the Zharkol-Aktau pipeline" names Aktau too: each part of a hyphenated name counts on its own
            also = parts if len(parts) > 1 and all(p[:1].isupper() for p in parts) else []
            for name in (token.lower(), *(p.lower() for p in also)):
                if len(name) > 1 and name not in ignore:
                    names.add(name)
    return frozenset(names)


def extract_numbers(text: str) -> frozenset[str]:
    """Return the numbers (10 and above, or decimals) and month-day dates the text states."""
    found = set()
    for match in _NUMBER.finditer(text):
        value = match.group().replace(",", "")
        if len(value) >= 2 or "." in value:
            found.add(value)
    for month, day in _MONTH_DAY.findall(text):
        found.add(f"{month.lower()}-{int(day)}")
    return frozenset(found)


_MONTH_NAMES = "|".join(m.capitalize() for m in _MONTHS)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAMES})|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
)


def lead_date(lead: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """Return the first date the lead states (a dateline, "on 14 May"): the full date when it has a year, and its (month, day)."""
    for match in _DAY_MONTH_YEAR.finditer(lead):
        month = _MONTHS.index((match["m1"] or match["m2"]).lower()) + 1
        day = int(match["d1"] or match["d2"])
        try:
            dt.date(2000, month, day)
        except ValueError:
            continue
        full = dt.date(int(match["y"]), month, day) if match["y"] else None
        return full, (month, day)
    return None, None


_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# "on Tuesday", "Tuesday's strike": the day an event happened, not "last Tuesday" (a week back, or not)
_ON_WEEKDAY = re.compile(r"\bon\s+(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")\b|\b(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")['’]s\b")


def lead_weekday_day(lead: str, published: dt.date | None) -> dt.date | None:
    """Return the day the lead's first "on <weekday>" (or "<weekday>'s") names: that weekday in the six days up to the
    publication day (news tells what happened "on Tuesday" in the days after), or None without either."""
    found = _ON_WEEKDAY.search(lead)
    if found is None or published is None:
        return None
    back = (published.weekday() - _WEEKDAYS.index((found.group(1) or found.group(2)).lower())) % 7
    return published - dt.timedelta(days=back)


def shingle_minhash(text: str) -> np.ndarray:
    """Return the MinHash signature of the text's word 5-shingles (for near-copy detection)."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.copy()


def fingerprint_articles(articles: list[CleanArticle], vectors: np.ndarray | None = None, lead_sentences: int = 3) -> list[Fingerprint]:
    """Return one fingerprint per article; `vectors` skips the embedding when already computed."""
    parts = [lead_parts(a, sentences=lead_sentences) for a in articles]
    leads = [" ".join(p)[:LEAD_CHARS] for p in parts]  # as lead_text
    if vectors is None:
        from newsprism.embed import embed

        vectors = embed(leads)
    fingerprints = []
    for article, lead, pieces, vector in zip(articles, leads, parts, vectors, strict=True):
        stated_day, month_day = lead_date(lead)
        published = publication_day(article.published)
        fingerprints.append(
            Fingerprint(
                article_id=article.id,
                vector=np.asarray(vector, dtype=np.float32),
                # headline and body apart: the body's first word opens a sentence, not a name
                names=extract_names("\n".join(pieces)[:LEAD_CHARS]),
                numbers=extract_numbers(lead),
                published=published or stated_day,
                minhash=shingle_minhash(article.text),
                month_day=(published.month, published.day) if published else month_day,
                event_day=lead_weekday_day(lead, published),
            )
        )
    return fingerprints
