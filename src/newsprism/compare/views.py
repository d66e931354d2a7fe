"""What the comparison needs of each claim, computed once per story.

A `ClaimView` wraps one `Claim` with its article's source key (outlet, or the article
itself when the outlet is unknown), its embedding row, its number intervals, and its
dates split into event dates and report dates ("state TV reported Friday" tells when
something was reported, not when it happened).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from newsprism.compare import lexicons
from newsprism.models import Claim, CleanArticle, DateMention, Entity, Evidence, NumberMention, Sentence, Understanding, content_id

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
STOPWORDS = frozenset(
    """a an the of to in on at for from by with and or but nor as is are was were be been being it its this that these those
    has have had having he she they them his her their our we you i will would can could may might shall should not no
    also than then there here which who whom whose what when where while after before about into over under against between
    during since until said says say told according such other more most some any all each both only own same so very just
    one two three new last first second year years day days week weeks mr ms""".split()
)
OPEN = math.inf
PERSON_KEY = "person"  # the unit key of "people" and "persons" (unit_synonyms.txt)


@dataclass
class ClaimView:
    """One claim as the comparison reads it."""

    claim: Claim
    index: int
    source: str
    outlet: str | None
    entity_ids: frozenset[str]
    stems: frozenset[str]
    numbers: list[tuple[NumberMention, float, float, str]] = field(default_factory=list)
    number_clauses: list[str] = field(default_factory=list)  # the clause each number sits in
    number_windows: list[str] = field(default_factory=list)  # each number with the few words around it
    number_topics: list[str | None] = field(default_factory=list)  # what an amount of money is of (money_topic)
    number_places: list[str | None] = field(default_factory=list)  # "people" / "place" / None: placed_by
    number_owners: list[str | None] = field(default_factory=list)  # the place a count is of ("Verrano's eleven schools"): owned_by
    event_dates: list[DateMention] = field(default_factory=list)
    date_clauses: list[str] = field(default_factory=list)  # the clause each event date sits in
    report_dates: list[DateMention] = field(default_factory=list)
    quoted_share: float = 0.0
    story_year: int | None = None
    period: bool = False
    subject_entities: frozenset[str] = frozenset()
    lead_entities: frozenset[str] = frozenset()
    source_entities: frozenset[str] = frozenset()  # named as where the report comes from ("according to X")
    content: str | None = None  # the reported words of an attributed claim ("X said <content>")
    # Who the claim is a claim of: the speaker entity of a quote inside it, else the entity or
    # words it is attributed to; None when unattributed or relayed by a medium ("state TV said").
    speaker: str | None = None
    relayed_by: str | None = None  # the medium the claim is attributed to ("state radio"), lower-cased, when it names no speaker
    # The quoted wordings the claim prints: (quote, variant) numbers of the understanding stage's
    # direct renderings inside it. Renderings of one remark whose wording differs beyond near-identity
    # are different variants ("had been able" / "were able").
    renderings: dict[int, int] = field(default_factory=dict)
    # The remarks (quote numbers) the claim renders in any form, direct or paraphrase: the
    # understanding stage judged each quote's renderings to be one remark of its speaker.
    remarks: frozenset[int] = frozenset()
    # The page speaking to its readers about itself ("Welcome to our live coverage."): no fact (speaks_to_readers).
    page_talk: bool = False

    @property
    def article_id(self) -> str:
        return self.claim.article_id

    def evidence(self) -> Evidence:
        c = self.claim
        return Evidence(article_id=c.article_id, text=c.text, start=c.start, end=c.end)


# "CITY, Country — ", "CITY (Agency) - " or "City (Agency) - " at the head of a wire text (or of
# a clause cut from it): where and by whom it was filed, no part of what happened. A place in
# title case counts only with the agency in brackets: "Mayor Ivo Sand - who ..." is no dateline.
# The one dateline pattern of the comparison (facts, timeline, summary and date-conflict names).
# The place may be followed by the filing date ("MARAVEL, March 20 (CPS) - ", "KIROV, 3 May 2031 -").
DATELINE_DATE = r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.-]+(?:[ ,]+[A-Z][A-Za-z'.-]+){0,3}" + DATELINE_DATE + r"\s*(?:\([^()]{1,40}\))?"
    r"|[A-Z][\w'.-]*(?:[ ,]+[A-Z][\w'.-]*){0,3}" + DATELINE_DATE + r"\s*\([^()]{1,40}\))\s*[—–-]+\s+"
)


# A live blog's entry stamp ("21:40 - Residents are back in their homes"): when the entry was posted, no part of what it tells.
ENTRY_STAMP = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d\s*[—–-]+\s+(?=[A-Z\"“])")


def strip_dateline(text: str) -> str:
    """The text without a leading wire dateline or live-blog entry stamp, its spaces normalised."""
    return DATELINE.sub("", ENTRY_STAMP.sub("", " ".join(text.split())))


# "But the family told ...", "And the coast guard said ...": a conjunction that ties a sentence to the
# one before it in its article, which a timeline row or a summary sentence does not follow.
LEADING_CONJUNCTION = re.compile(r"^(?:(?:But|And)\b,?|(?:However|Meanwhile),)\s+(?=\S)")


def without_leading_conjunction(text: str) -> str:
    """The sentence without a leading conjunction that ties it to the sentence before ("But the family
    told ..." -> "The family told ..."); a quotation is left as it is."""
    found = LEADING_CONJUNCTION.match(text)
    if found is None:
        return text
    rest = text[found.end():]
    return rest[:1].upper() + rest[1:]


DAY_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"


def without_date_words(text: str, words: str) -> str | None:
    """The text with one date phrase taken out, or None when the phrase is not in it.

    `words` is the date as its report wrote it ("on Tuesday", "Tuesday", "12 October"); an
    "on", "late" or "early" before it and a part of the day after it ("late on Monday night")
    go with it. Used where an event's date is in dispute, so that neither side's date is told
    as the event's: the name of a date conflict and the summary's sentence of the event.
    """
    bare = words.removeprefix("on ")
    pattern = re.compile(r"(?:^|\s+)(?i:(?:late|early)\s+)?(?i:on\s+)?" + re.escape(bare) + DAY_PART + r"(?=[\s,.;:!?]|$)")
    found = pattern.search(text)
    if found is None:
        # "from Monday's earthquake" -> "from the earthquake": a possessive date gives way to "the".
        possessive = re.search(r"(?:^|(?<=\s))" + re.escape(bare) + r"['’]s(?=\s)", text)
        if possessive is None:
            return None
        return text[: possessive.start()] + ("The" if possessive.start() == 0 else "the") + text[possessive.end():]
    rest = text[: found.start()] + text[found.end():]
    if found.start() == 0:  # "On Tuesday, a tunnel collapsed ..." -> "A tunnel collapsed ..."
        rest = rest.lstrip(" ,")
        rest = rest[:1].upper() + rest[1:]
    return re.sub(r"\s+,", ",", rest)


def stem(word: str) -> str:
    """Return a crude English stem, enough to match 'signed'/'signing'/'signs'."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_stems(text: str) -> frozenset[str]:
    """Return the stems of a text's content words (no stopwords, no bare numbers)."""
    return frozenset(stem(w) for w in WORD.findall(text) if w.lower() not in STOPWORDS and not w[0].isdigit() and len(w) > 2)


def unit_key(unit: str | None) -> str | None:
    """Return a comparable form of what a number counts ('airstrikes' -> 'airstrike')."""
    if not unit:
        return None
    if unit.strip() == "%":
        return "percent"  # the understanding stage writes "31%", "28 percent" and "5 per cent" as "%"
    words = [stem(w) for w in WORD.findall(unit.lower()) if w not in STOPWORDS]
    if not words:
        return None
    # Synonyms count one thing ("ships" / "vessels"): data/compare/unit_synonyms.txt.
    return lexicons.unit_synonyms().get(words[-1], words[-1])


def units_match(a: str | None, b: str | None) -> bool:
    """True when two unit keys name one thing ('strike' and 'airstrike' do; 'person' and a noun
    that counts people, 'festival-goer', do: data/compare/people_nouns.txt)."""
    if not a or not b:
        return False
    if SI_PREFIXED.fullmatch(f"{a}|{b}") or SI_PREFIXED.fullmatch(f"{b}|{a}"):
        return False  # "kilometre" ends with "metre" but is another unit (the understanding stage keeps each as written)
    return a == b or (len(a) >= 4 and b.endswith(a)) or (len(b) >= 4 and a.endswith(b)) or counts_people(a) and counts_people(b) and PERSON_KEY in {a, b}


# A unit with an SI prefix and the same unit without it: "kilometr|metr", "milligram|gram".
SI_PREFIXED = re.compile(r"(?:kilo|centi|milli|micro|mega|giga)(\w+)\|\1")


def counts_people(key: str) -> bool:
    """True when a unit key counts people: 'person' itself, or a noun of people_nouns.txt
    (a hyphenated one by its last part: 'festival-goer')."""
    return key == PERSON_KEY or key in lexicons.people_nouns() or key.rsplit("-", 1)[-1] in lexicons.people_nouns()


def number_interval(n: NumberMention, before: str = "") -> tuple[float, float] | None:
    """Return the closed range a number mention allows, or None when it says nothing usable.

    Bounds from the understanding stage come first; an approximator ("nearly", "about")
    narrows an open side to a window, so "nearly 250" excludes 212 yet admits 240. The
    approximator may sit in the mention's text or right before it in the sentence (`before`):
    the understanding stage often gives the bare number ("250") with only a bound.
    """
    text = n.text.lower()
    before = before.lower()
    low, high = n.low, n.high
    if n.value is None and low is None and high is None:
        for word, (lo, hi) in sorted(lexicons.vague_quantities().items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{re.escape(word)}\b", text):
                return lo, hi
        return None
    value = n.value if n.value is not None else (low if low is not None else high)
    point = low is None and high is None or low == high
    for phrase, (f_lo, f_hi) in sorted(lexicons.approximators().items(), key=lambda kv: -len(kv[0])):
        if value is not None and (re.search(rf"\b{re.escape(phrase)}\b", text) or re.search(rf"(?<![\w-]){re.escape(phrase)}\s+$", before)):
            if low is None or point:
                low = value * f_lo
            if high is None or point:
                high = value * f_hi
            break
    if low is None and high is None:
        low = high = value
    return (low if low is not None else -OPEN), (high if high is not None else OPEN)


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * 1.0001 and b[0] <= a[1] * 1.0001


def _figures_of(v: "ClaimView") -> list[tuple[str, str | None, float, float]]:
    """What a claim counts or measures, each as (kind, unit key, low, high): its number intervals, and
    its lengths of time ("burned for 14 hours"), which the count readers leave out."""
    found = [(n.kind, unit, lo, hi) for n, lo, hi, unit in v.numbers if unit]
    for n in v.claim.numbers:
        if n.kind == "duration" and n.value is not None and n.unit:
            found.append(("duration", unit_key(n.unit), n.low if n.low is not None else n.value, n.high if n.high is not None else n.value))
    return found


def differing_articles(text_view: "ClaimView", group: list["ClaimView"]) -> list[str]:
    """The articles of a fact whose sentences give another value for something its text counts or
    measures, and never its value: "The blaze burned for 20 hours" in the fact worded "... which burned
    for 14 hours", "Turnout in the ward was 64%" in "Turnout was just over 61%". They report the
    event, and dispute the fact's figure: a side of that dispute is no support for it."""
    mine = [f for f in _figures_of(text_view) if f[1] and f[0] != "ordinal"]
    if not mine:
        return []
    by_article: dict[str, list["ClaimView"]] = defaultdict(list)
    for w in group:
        if w.article_id != text_view.article_id:
            by_article[w.article_id].append(w)
    differs = []
    for article_id, views in by_article.items():
        theirs = [f for w in views for f in _figures_of(w)]
        for kind, unit, lo, hi in mine:
            same = [(t_lo, t_hi) for t_kind, t_unit, t_lo, t_hi in theirs if (t_kind == "duration") == (kind == "duration") and units_match(unit, t_unit)]
            if same and not any(intervals_overlap((lo, hi), other) for other in same):
                differs.append(article_id)
                break
    return differs


CLAUSE_SPLIT = re.compile(r",\s+|;\s+|\s+[—–]\s+|\s+(?:while|whereas|but)\s+")


def clause_at(text: str, at: int) -> str:
    """Return the clause of `text` around character `at` (split at commas, semicolons, dashes).

    A clause of fewer than five words ("the canal authority said") is joined to the one before it.
    """
    spans, last = [], 0
    for m in CLAUSE_SPLIT.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    for k, (lo, hi) in enumerate(spans):
        if lo <= at <= hi:
            if len(text[lo:hi].split()) < 5 and k > 0:
                lo = spans[k - 1][0]
            return text[lo:hi].strip()
    return text


# A clause right after a date that tells what happened then: "began in June, when the bid was rejected".
WHEN_AFTER = re.compile(r",\s+when\s+[^,;]+", re.I)


def dated_clause(text: str, at: int, date_text: str) -> str:
    """The clause of a date at text[at:], with the "when ..." clause right after the date that tells its
    event ("a saga that began in June, when United had a £30m bid rejected")."""
    clause = clause_at(text, at)
    when = WHEN_AFTER.match(text, at + len(date_text))
    return clause + when.group(0) if when else clause


def word_window(text: str, start: int, end: int, words: int = 3) -> str:
    """Return text[start:end] with up to `words` words on each side, inside its sentence:
    what a count counts ("carrying 118 people" / "40 people died")."""
    before = re.findall(r"\S+", text[:start])[-words:]
    after = re.findall(r"\S+", text[end:])[:words]
    # Not into a neighbouring clause that gives another figure: "rescued 64 survivors, and several
    # people remain in hospital" counts the people in hospital, not the survivors.
    cut = max((k + 1 for k, w in enumerate(before) if w[-1] in ",;"), default=0)
    if any(ch.isdigit() for w in before[:cut] for ch in w):
        before = before[cut:]
    cut = next((k + 1 for k, w in enumerate(after) if w[-1] in ",;"), len(after))
    if any(ch.isdigit() for w in after[cut:] for ch in w):
        after = after[:cut]
    # Names are left out: whose count it is, the actor checks decide; here only what is
    # counted matters ("won by more than 4,000 votes" / "defeating Mayor X by 2,900 votes").
    first = re.match(r"\s*(\S+)", text)
    at_start = len(re.findall(r"\S+", text[:start])) <= words
    before = [w for k, w in enumerate(before) if not (w[:1].isupper() and not (at_start and k == 0 and first and w == first.group(1)))]
    after = [w for w in after if not w[:1].isupper()]
    return " ".join([*before, text[start:end].strip(), *after])


CLAUSE_HEAD = re.compile(r"^((?:[^\s\d]+\s+){0,3}?[^\s\d]+?)\s+(?:from|of|at|in|on|for|with|after|rose|rises|climbed|reached|stood|has|had|was|is|were|are)\b")


def counted_window(text: str, start: int, end: int, unit: str | None, clause: str) -> str:
    """word_window, led by the noun phrase that opens the clause when the unit is not among the
    words around the count: "The death toll ... rose to 18 on Sunday" counts what "the death
    toll" counts, which "rose to 18 on the" does not say."""
    window = word_window(text, start, end)
    if not unit or unit.lower() in window.lower():
        return window
    head = CLAUSE_HEAD.match(strip_dateline(clause))
    if head is None or head.group(1).lower() in window.lower():
        return window
    return head.group(1) + " " + window


def counted_as(key: str | None, clause: str) -> tuple[str | None, str]:
    """The unit key a count counts in its clause, and the words of the clause that say so: ("jobs",
    "lose their jobs") for "2,300 workers will lose their jobs" (data/compare/job_losses.csv), so
    that it meets "will affect 2,300 jobs"; else (`key`, "")."""
    found = _job_losses().get(key or "")
    said = found[1].search(clause) if found else None
    return (found[0], said.group(0)) if said else (key, "")


@lru_cache(maxsize=1)
def _job_losses() -> dict[str, tuple[str, re.Pattern[str]]]:
    """lexicons.job_losses() keyed and valued by unit keys ("workers" -> "worker")."""
    return {unit_key(unit): (unit_key(counts_as), pattern) for unit, (counts_as, pattern) in lexicons.job_losses().items()}


def length_measured(text: str, start: int, end: int, n: NumberMention) -> tuple[str, float] | None:
    """(dimension, metres per unit) for a length whose words say which dimension it measures: "an ash
    column 8 km high" -> ("height", 1000.0), "to a depth of 300 feet" -> ("depth", 0.3048); None for any
    other figure (data/compare/length_dimensions.csv), so that lengths in two units compare in metres."""
    per_metre = lexicons.length_units().get((n.unit or "").lower()) if n.kind == "measure" else None
    if per_metre is None:
        return None
    dimensions = lexicons.length_dimensions()
    after = re.match(r"\s+([a-z]+)\b", text[end:end + 20])
    if after and after.group(1) in dimensions:
        return dimensions[after.group(1)], per_metre
    before = re.search(r"\b([a-z]+)\s+(?:of|at)\s+(?:[a-z]+\s+){0,2}$", text[max(0, start - 40):start])  # "a depth of", "put its altitude at"
    if before and before.group(1) in dimensions:
        return dimensions[before.group(1)], per_metre
    return None


def money_topic(text: str, start: int, end: int) -> str | None:
    """What an amount of money at text[start:end] is of (data/compare/money_topics.txt): the topic of
    the nearest topic word before it in the sentence, else of the first one after it in its clause,
    with the qualifier right before that word (data/compare/money_qualifiers.txt) after a space.
    "revenue rose 12% to £2.4bn" -> "revenue"; "the firm it bought last year for £650m" ->
    "purchase"; "operating profit of £1.1bn to £1.2bn, down from the £1.3bn it forecast" ->
    "profit operating". None when no word says it."""
    topics = lexicons.money_topics()
    pattern = lexicons.words_pattern(list(topics))
    if pattern is None:
        return None
    before = list(pattern.finditer(text[:start]))
    if before:
        found, offset = before[-1], 0
    else:
        rest = text[end:]
        cut = CLAUSE_SPLIT.search(rest)
        found, offset = pattern.search(rest[: cut.start()] if cut else rest), end
    if found is None:
        return None
    qualifier = re.search(r"([A-Za-z-]+)\s+$", text[max(0, offset + found.start() - 30): offset + found.start()])
    topic = topics[found.group(0).lower()]
    if qualifier and qualifier.group(1).lower() in lexicons.money_qualifiers():
        return topic + " " + qualifier.group(1).lower()
    # "spending on social care" / "spending on schools": what the topic word is spent on tells them apart
    spent_on = SPENT_ON.match(text[offset + found.end():])
    if spent_on and spent_on.group(1).lower() not in STOPWORDS:
        return topic + " " + spent_on.group(1).lower()
    return topic


SPENT_ON = re.compile(r"\s+on\s+(?:the\s+)?([A-Za-z][\w-]*)")


OWNER_TYPES = frozenset({"GPE", "LOC", "FAC", "PERSON"})
# "Verrano's eleven public schools", "every one of Verrano's 11": a name in the possessive right before a count.
OWNED = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s?\s+$")


def owned_by(text: str, start: int, place_names: set[str]) -> str | None:
    """The place a count at `start` is of, when a place's name in the possessive stands right before
    it ("Verrano's eleven public schools"): a count of one town's things, no value of a count that
    does not name that town ("1,600 schools were closed nationally")."""
    m = OWNED.search(text[max(0, start - 60): start])
    if m is None or m.group(1).lower() not in place_names:
        return None
    return m.group(1)


# "critics in two member states", "protests broke out in 12 cities": a preposition of place right
# before the count, and the word before it.
PLACED = re.compile(r"([A-Za-z][\w-]*)\s+(?:in|at|across|of|from)\s+(?:the\s+)?$")


def placed_by(text: str, start: int) -> str | None:
    """"people" when the count at `start` says where some people are ("critics in two member
    states", "residents of 40 villages"): it counts the places those people are found, a part, not
    all the places of its unit ("the consortium's seven member states"); "place" when another word
    stands before the preposition ("broke out in 12 cities"); None when no preposition of place does."""
    m = PLACED.search(text[max(0, start - 40): start])
    if m is None:
        return None
    return "people" if counts_people(stem(m.group(1))) else "place"


def number_phrase(claim: Claim, n: NumberMention, at: int) -> str:
    """Return the number as a reader should see it: with the bound or approximator before it
    and the unit after it when the mention's text leaves them out ("more than 300 vessels")."""
    text = " ".join(n.text.split())
    if not re.match(r"[a-z]", text.lower()):
        before = claim.text[max(0, at - 30): at]
        for phrase in lexicons.bound_phrases() + sorted(lexicons.approximators(), key=len, reverse=True):
            m = re.search(rf"(?<![\w-]){re.escape(phrase)}\s+$", before, re.I)
            if m:
                text = before[m.start():].strip().lower() + " " + text
                break
    after = claim.text[at + len(n.text): at + len(n.text) + 40]
    if n.unit and n.unit.lower() not in text.lower():
        m = re.match(r"\s+" + re.escape(n.unit) + r"\b", after, re.I)
        if m:
            text += " " + m.group(0).strip()
        elif n.kind == "count" and re.fullmatch(r"[a-z]{3,}", n.unit) and not re.match(r"[a-z]", text.split()[-1].lower()):
            # The understanding gave the count a unit not written after it ("the toll rose to 18"):
            # a bare "18" beside "19 people" would not say what it counts.
            text += " " + n.unit
    return text


def is_report_date(claim: Claim, date: DateMention) -> bool:
    """True when a date tells when something was reported ('state TV reported Friday')."""
    start = date.start - claim.start if date.start is not None else claim.text.find(date.text)
    if start < 0:
        return False
    # "official results released by the electoral commission on Monday": when the record came out.
    published = lexicons.published_record_pattern()
    if published and published.search(claim.text[max(0, start - 140): start]):
        return True
    before = claim.text[max(0, start - 30): start].lower()
    words = re.findall(r"[a-z]+", before)
    # The reporting verb sits right before the date, at most one preposition between.
    tail = [w for w in words[-2:] if w not in {"on", "late", "early", "last"}]
    return bool(tail) and tail[-1] in lexicons.report_verbs()


QUOTED = re.compile(r"[\"“][^\"“”]{3,}[\"”]")
# Words that date by the moment they are said: inside a speaker's quoted words they point at
# when the speaker spoke, which the article does not give, not at its publication date.
SPEECH_TIME = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|now|this\s+(?:morning|afternoon|evening|week|month|year))\b", re.I)


def speech_time_in_quote(claim: Claim, date: DateMention) -> bool:
    """True for 'today' or 'tonight' inside quotation marks ('"keep windows shut tonight," she said')."""
    if not SPEECH_TIME.search(date.text):
        return False
    start = date.start - claim.start if date.start is not None else claim.text.find(date.text)
    return start >= 0 and any(m.start() < start < m.end() for m in QUOTED.finditer(claim.text))


def describes_a_name(claim: Claim, date: DateMention) -> bool:
    """True when a date sits in a comma aside that describes a name ("the ferry, built in 1988, ...").

    The aside opens with a participle of `describing_participles.txt` and a comma closes it
    (or the sentence ends): the date is the named thing's, not the reported event's.
    """
    start = date.start - claim.start if date.start is not None else claim.text.find(date.text)
    if start < 0:
        return False
    opened = claim.text.rfind(",", 0, start)
    if opened < 0:
        return False
    aside = claim.text[opened + 1: start].lower().split()
    words = " ".join(aside[:2])
    participles = lexicons.describing_participles()
    if not aside or not (aside[0] in participles or words in participles):
        return False
    after = claim.text[start + len(date.text):].lstrip()
    return after[:1] in {",", ".", ""}


# "a budget for 2027", "the forecast for the 2028 season", "targets for fiscal 2029": the year or month a
# thing is for, not when anything happened.
PERIOD_FOR = re.compile(r"\bfor\s+(?:the\s+)?(?:(?:fiscal|financial|calendar|school|academic)\s+(?:year\s+)?)?$", re.I)


def covers_a_period(claim: Claim, date: DateMention) -> bool:
    """True when a year or a month (no day) follows "for": the period a budget, a plan or a forecast
    covers ("approved a budget for 2027 on Wednesday" happened on Wednesday, not in 2027)."""
    if not date.value or len(date.value) > 7 or date.end:
        return False
    start = date.start - claim.start if date.start is not None else claim.text.find(date.text)
    if start < 0:
        return False
    return bool(PERIOD_FOR.search(claim.text[max(0, start - 40): start])) and not date.text.lower().startswith(("in ", "on ", "since "))


def quoted_share(text: str) -> float:
    """Return the share of a sentence's characters inside quotation marks."""
    inside = sum(len(m.group(0)) for m in re.finditer(r"[\"“][^\"“”]{3,}[\"”]|(?<!\w)['‘][^'‘’]{3,}['’](?!\w)", text))
    return inside / max(1, len(text))


# The page and its reader as the persons of a sentence: "our", "us", "you", "your" (lower-case "us":
# "US" is a country), and the subject a sentence of the page about itself has: none (an imperative or a
# greeting: "Welcome to ...", "Stay with us") or the page's "we".
READER_OR_PAGE = re.compile(r"\b(?:[Yy]ou|[Yy]ours?|us|[Oo]urs?)\b")
PAGE_SUBJECTS = frozenset({"we", "i"})
PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.I)
CLOCK_TIME = re.compile(r"^\d{1,2}[:.]\d\d$")


def speaks_to_readers(claim: Claim) -> bool:
    """True for a sentence in which the page speaks to its readers about itself, told by its form
    rather than by a list of phrases: its persons are the page ("we", "our", "us") and the reader
    ("you"), its subject is the page's "we" or none (an imperative, a greeting), and it names nobody,
    counts nothing and dates nothing but the entry it stands in ("Welcome to our live coverage.",
    "We will bring you more as we get it.", "Stay with us for the latest."): it states nothing of
    the story, so it is no fact, exclusive, timeline row or summary sentence. A sentence with no
    subject may name the story it is about ("Follow our live coverage of the rescue above Sankt
    Orrin."); the page's "we" naming someone tells what it did ("We spoke to Mayor Ivo Sand"). Not a
    quotation or a sentence given to a source; not the page telling what befell it ("We were told to
    leave our cars"); not "We saw smoke over the hills" (no reader, no "our")."""
    if claim.attributed_to or claim.numbers or re.search(r"[\"“”]", claim.text):
        return False
    if claim.entity_ids and claim.subject is not None:
        return False
    if any(not CLOCK_TIME.match(d.text.strip()) for d in claim.dates):
        return False
    if claim.subject is not None and claim.subject.strip().casefold() not in PAGE_SUBJECTS:
        return False
    if claim.predicate and PAST_AUXILIARY.search(claim.predicate):
        return False
    return READER_OR_PAGE.search(strip_dateline(claim.text)) is not None


def source_keys(articles: list[CleanArticle]) -> dict[str, str]:
    """Map each article id to its source: the outlet (case-folded) or the article itself."""
    return {a.id: (a.outlet.strip().casefold() if a.outlet and a.outlet.strip() else a.id) for a in articles}


def fallback_claims(understanding: Understanding) -> list[Claim]:
    """Claims from sentences (or a plain split) when the understanding stage gave none."""
    claims: list[Claim] = []
    if understanding.sentences:
        for s in understanding.sentences:
            claims.append(Claim(id=content_id(f"{s.article_id}|{s.index}", "c"), article_id=s.article_id, sentence_index=s.index, text=s.text, start=s.start, end=s.end))
        return claims
    for article in understanding.articles:
        for i, m in enumerate(re.finditer(r"[^\n.!?]+(?:[.!?]+[\"”’']?|$)", article.text)):
            text = m.group(0).strip()
            if len(text.split()) < 5:
                continue
            start = article.text.index(text, m.start())
            claims.append(Claim(id=content_id(f"{article.id}|{i}", "c"), article_id=article.id, sentence_index=i, text=text, start=start, end=start + len(text)))
    return claims


def subject_entities(claim: Claim, mentions: list[tuple[int, str]]) -> frozenset[str]:
    """Return the entities named inside the claim's grammatical subject."""
    if not claim.subject:
        return frozenset()
    at = claim.text.find(claim.subject)
    if at < 0:
        return frozenset()
    lo, hi = claim.start + at, claim.start + at + len(claim.subject)
    return frozenset(eid for start, eid in mentions if lo <= start < hi)


DEMONYM = re.compile(r"(?:ian|ean|an|ese|ish|i|ic)$", re.I)


def is_modifier(text: str, entity: Entity) -> bool:
    """True for an adjectival mention ('Syrian' for Syria): it qualifies a noun, it does not act."""
    return text.casefold() != entity.name.casefold() and bool(DEMONYM.search(text.strip())) and len(text.split()) == 1


def lead_entities(claim: Claim, mentions: list[tuple[int, str]]) -> frozenset[str]:
    """Return the entity that opens the sentence (its first three words), if any."""
    words = list(re.finditer(r"\S+", claim.text))
    if not words:
        return frozenset()
    head = words[min(2, len(words) - 1)].end()
    first = sorted((start, eid) for start, eid in mentions if claim.start <= start < claim.start + head)
    return frozenset({first[0][1]}) if first else frozenset()


def source_entities(claim: Claim, mentions: list[tuple[int, str]]) -> frozenset[str]:
    """Return the entities the claim names as its source ("..., according to the authority")."""
    pattern = lexicons.source_marker_pattern()
    if pattern is None:
        return frozenset()
    found = set()
    for start, eid in mentions:
        if claim.start <= start < claim.end:
            at = start - claim.start
            if pattern.search(claim.text[max(0, at - 60): at]):
                found.add(eid)
    return frozenset(found)


# A straight quotation mark that opens a quotation: at the start or after a space or bracket.
OPENING_MARK = re.compile(r'(?:^|(?<=[\s(\[]))"')
# The most sentences one quotation is read across (its opening sentence, those inside, the closing one).
QUOTE_SENTENCES = 4


def quote_marks_left(text: str) -> int:
    """+1 when the text opens a quotation it does not close ('Ida Brunelle said: "The sky went black.'),
    -1 when it closes one it did not open ('I have never seen anything like it."'), else 0."""
    opened, closed = text.count("\u201c"), text.count("\u201d")
    if opened != closed:
        return 1 if opened > closed else -1
    straight = [m.start() for m in re.finditer('"', text)]
    if len(straight) % 2:
        return 1 if straight[-1] in {m.start() for m in OPENING_MARK.finditer(text)} else -1
    return 0


def whole_quotes(claims: list[Claim], texts: dict[str, str], sentences: list[Sentence] = ()) -> list[Claim]:
    """The claims with a quotation that runs over several sentences of one article read as one claim
    ('"No money changed hands.' + 'This was achieved through patience and trust," the minister told
    state TV.'): a sentence of it alone is a remark cut from its speaker, or a speaker cut from half
    his words. `claims` are in article then sentence order; `texts` the articles' texts by id. A
    sentence that is no claim of its own ('"No money changed hands.') opening the quotation a claim
    closes is read with it (`sentences`: the story's sentences)."""
    by_index = {(t.article_id, t.index): t for t in sentences}
    claimed = {(c.article_id, c.sentence_index) for c in claims}
    out: list[Claim] = []
    k = 0
    while k < len(claims):
        c = claims[k]
        end = k
        if quote_marks_left(c.text) == -1 and c.article_id in texts:
            # The quotation's opening sentences that are no claims, back to the one opening it.
            head = None
            for back in range(1, QUOTE_SENTENCES):
                t = by_index.get((c.article_id, c.sentence_index - back))
                if t is None or (c.article_id, t.index) in claimed:
                    break
                marks = quote_marks_left(t.text)
                if marks == 1:
                    head = t
                    break
                if marks != 0:
                    break
            if head is not None:
                text = texts[c.article_id][head.start: c.end]
                if text.strip() == text and text.startswith(head.text[:20]) and text.endswith(c.text[-20:]):
                    out.append(c.model_copy(update={"text": text, "start": head.start, "sentence_index": head.index}))
                    k += 1
                    continue
        if quote_marks_left(c.text) == 1 and c.article_id in texts:
            for j in range(k + 1, min(len(claims), k + QUOTE_SENTENCES)):
                nxt = claims[j]
                if nxt.article_id != c.article_id or nxt.sentence_index != claims[j - 1].sentence_index + 1:
                    break
                marks = quote_marks_left(nxt.text)
                if marks == -1:
                    end = j
                    break
                if marks != 0:
                    break
        if end == k:
            out.append(c)
        else:
            run = claims[k: end + 1]
            text = texts[c.article_id][c.start: run[-1].end]
            if text.strip() != text or not text.startswith(c.text[:20]):
                out.extend(run)  # offsets that do not read as the article: the sentences as they are
            else:
                out.append(c.model_copy(update={
                    "text": text, "end": run[-1].end,
                    "entity_ids": list(dict.fromkeys(e for r in run for e in r.entity_ids)),
                    "numbers": [n for r in run for n in r.numbers], "dates": [d for r in run for d in r.dates],
                    "attributed_to": next((r.attributed_to for r in reversed(run) if r.attributed_to), None),
                }))
        k = end + 1
    return out


def build_views(understanding: Understanding) -> list[ClaimView]:
    """Return one view per claim, in article order then sentence order; a quotation over several
    sentences is one claim (`whole_quotes`)."""
    claims = understanding.claims or fallback_claims(understanding)
    sources = source_keys(understanding.articles)
    outlets = {a.id: a.outlet for a in understanding.articles}
    order = {a.id: i for i, a in enumerate(understanding.articles)}
    claims = sorted((c for c in claims if c.article_id in sources), key=lambda c: (order[c.article_id], c.sentence_index))
    claims = whole_quotes(claims, {a.id: a.text for a in understanding.articles}, understanding.sentences)
    years = {a.id: int(a.published[:4]) for a in understanding.articles if a.published and a.published[:4].isdigit()}
    # An article without a publication date reports the story's events: use the story's year.
    story_year = sorted(years.values())[len(years) // 2] if years else None
    mentions: dict[str, list[tuple[int, str]]] = {}
    actors: dict[str, list[tuple[int, str]]] = {}
    for e in understanding.entities:
        for m in e.mentions:
            if m.start is not None:
                mentions.setdefault(m.article_id, []).append((m.start, e.id))
                if not is_modifier(m.text, e):
                    actors.setdefault(m.article_id, []).append((m.start, e.id))
    # Names of places a count can be of. A company is left out: its count is often given again as "the
    # company's" ("Acme's 5,000 workers" / "the company's 5,200 workers"); a place may come typed a person.
    place_names = {m.text.lower() for e in understanding.entities if e.type in OWNER_TYPES for m in e.mentions} \
        | {e.name.lower() for e in understanding.entities if e.type in OWNER_TYPES}
    views: list[ClaimView] = []
    previous = None
    for i, c in enumerate(claims):
        # The sentence before, in the same article: an amount its own sentence gives no topic of
        # ("At 38 lire to the euro, that is roughly 4.6 billion lire") is of the money that one names.
        before = previous if previous is not None and previous.article_id == c.article_id and c.sentence_index is not None and previous.sentence_index == c.sentence_index - 1 else None
        previous = c
        numbers, number_clauses, number_windows, number_topics, number_places, number_owners = [], [], [], [], [], []
        for n in c.numbers:
            if n.kind in {"duration", "identifier"}:  # "gate 4" names, it does not count
                continue
            at = n.start - c.start if n.start is not None and 0 <= n.start - c.start < len(c.text) else c.text.find(n.text)
            at = max(at, 0)
            interval = number_interval(n, c.text[max(0, at - 30): at])
            key = unit_key(n.unit)
            # "the 300-metre vessel": a number joined by a hyphen measures (metres), it does not count vessels.
            joined = re.match(r"-([A-Za-z]+)", c.text[at + len(n.text): at + len(n.text) + 30])
            if joined and "-" not in n.text:
                key = unit_key(joined.group(1))
            clause = clause_at(c.text, at)
            key, counted = counted_as(key, clause)
            if n.kind == "ordinal" and key not in lexicons.ordinal_scales():
                continue  # "its 3rd term" ranks; "in the 67th minute" places an event on a scale (data/compare/ordinal_scales.txt)
            measured = length_measured(c.text, at, at + len(n.text), n)
            if measured is not None and interval is not None:
                key, per_metre = measured
                interval = (interval[0] * per_metre, interval[1] * per_metre)
                n = n.model_copy(update={f: getattr(n, f) * per_metre for f in ("value", "low", "high") if getattr(n, f) is not None})
            if interval is not None and key:
                numbers.append((n.model_copy(update={"text": number_phrase(c, n, at)}), interval[0], interval[1], key))
                number_clauses.append(clause)
                number_windows.append(counted_window(c.text, at, at + len(n.text), n.unit, number_clauses[-1]))
                if counted.lower() not in number_windows[-1].lower():  # what it counts: "2,300 workers will lose their" + "jobs"
                    number_windows[-1] += " " + counted
                topic = money_topic(c.text, at, at + len(n.text)) if n.kind == "money" else None
                if n.kind == "money" and topic is None and before is not None:
                    topic = money_topic(before.text, len(before.text), len(before.text))
                number_topics.append(topic)
                number_places.append(placed_by(c.text, at))
                number_owners.append(owned_by(c.text, at, place_names))
        event_dates, report_dates, date_clauses = [], [], []
        period = False
        for d in c.dates:
            if not d.value and d.end:
                period = True  # "in recent years": a stretch of time, not the story's event
            # "planned": a plan given up ("originally scheduled for April 9"), "until": when a state ends; no event's date
            if d.kind in {"duration", "planned", "until"} or not d.value or speech_time_in_quote(c, d):
                continue
            if is_report_date(c, d) or d.kind == "dateline":  # a wire dateline dates the report
                report_dates.append(d)
            elif describes_a_name(c, d) or covers_a_period(c, d):
                continue
            else:
                event_dates.append(d)
                at = d.start - c.start if d.start is not None and 0 <= d.start - c.start < len(c.text) else max(c.text.find(d.text), 0)
                date_clauses.append(dated_clause(c.text, at, d.text))
        views.append(ClaimView(
            claim=c, index=i, source=sources[c.article_id], outlet=outlets.get(c.article_id),
            entity_ids=frozenset(c.entity_ids), stems=content_stems(c.text), numbers=numbers, number_clauses=number_clauses, number_windows=number_windows,
            number_topics=number_topics, number_places=number_places, number_owners=number_owners,
            event_dates=event_dates, report_dates=report_dates, date_clauses=date_clauses, quoted_share=quoted_share(c.text),
            story_year=years.get(c.article_id, story_year), period=period,
            subject_entities=subject_entities(c, mentions.get(c.article_id, [])),
            lead_entities=lead_entities(c, actors.get(c.article_id, [])),
            source_entities=source_entities(c, mentions.get(c.article_id, [])),
            page_talk=speaks_to_readers(c),
        ))
    return views


class TextVectors:
    """Sentence embeddings of one story's texts, each distinct text encoded once, on demand.

    Claims, the reported words inside them, the clauses around counts and dates, causes and
    quote renderings overlap (a clause is often a whole claim, wire copies repeat sentences),
    and encoding is most of the comparison's time: each step asks this store for the texts
    it reads, in one batch (`encode`) before its loop, and nothing is encoded twice.
    """

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def encode(self, texts, one_thread: bool = False) -> None:
        """Encode, in one batch, the texts not encoded yet (`one_thread`: as `embed` takes it)."""
        missing = list(dict.fromkeys(t for t in texts if t and t not in self._vectors))
        if missing:
            from newsprism.embed import embed

            self._vectors.update(zip(missing, embed(missing, one_thread=one_thread)))

    def __getitem__(self, text: str) -> np.ndarray:
        if text not in self._vectors:
            self.encode([text])  # a step that did not ask ahead still gets its vector
        return self._vectors[text]

    def matrix(self, texts: list[str], one_thread: bool = False) -> np.ndarray:
        """Return one row per text (encoding the missing ones in one batch)."""
        self.encode(texts, one_thread)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])


def embed_views(views: list[ClaimView], vectors: TextVectors, one_thread: bool = False) -> np.ndarray:
    """Return the L2-normalised embedding of every claim, one row per view.

    The claims not encoded yet go to `embed` in one call, each text once, in view order: the call
    `pipeline.encode_claims_ahead` makes ahead in another process. `one_thread` as `embed` takes
    it (the comparison passes True, so the vectors are the same whether or not that call was made
    ahead, and whatever the load)."""
    # Wire copies repeat sentences word for word: each text is encoded once.
    return vectors.matrix([v.claim.text for v in views], one_thread)


def is_medium(words: str) -> bool:
    """True when a source phrase names a medium ('Kazakh state TV', 'the broadcaster'): it relays, it does not speak."""
    found = re.findall(r"[a-z]+", words.lower())
    return bool(found) and found[-1] in lexicons.channel_nouns()


def attach_contents(views: list[ClaimView], quotes: list) -> None:
    """Give each attributed claim its reported words and its speaker.

    The reported words are the longest quote or paraphrase the understanding stage found
    inside it. "Haddad said A" and "Haddad said B" share their speaker and reporting words;
    whether they are one fact depends on A and B, whose vectors are encoded only for the
    claims some step compares (facts.reported_words_differ). The speaker is the speaker entity
    of a quote rendered inside the claim, else what the claim is attributed to, unless that
    is a medium."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    speakers: dict[str, list[tuple[int, int, str]]] = {}
    wordings: dict[str, list[tuple[int, int, str, int, int]]] = {}
    rendered: dict[str, list[tuple[int, int, int]]] = {}
    for q_number, q in enumerate(quotes):
        for v_number, var in enumerate(q.variants):
            for ev in var.evidence:
                spans.setdefault(ev.article_id, []).append((ev.start, ev.end, var.text))
                rendered.setdefault(ev.article_id, []).append((ev.start, ev.end, q_number))
                if var.direct:
                    wordings.setdefault(ev.article_id, []).append((ev.start, ev.end, var.text, q_number, v_number))
                if q.speaker_entity_id:
                    speakers.setdefault(ev.article_id, []).append((ev.start, ev.end, q.speaker_entity_id))
    # media the understanding stage named as the only source of a report ("..., according to Al-Nour"): they relay, they do not speak
    relays = {var.channel for q in quotes for var in q.variants if var.channel and not var.speaker_text and not q.speaker_entity_id}
    for v in views:
        c = v.claim
        quoted_by = next((s for start, end, s in speakers.get(c.article_id, []) if start < c.end and end > c.start), None)
        medium = bool(c.attributed_to) and (is_medium(c.attributed_to) or c.attributed_to in relays)
        attributed = c.attributed_to if c.attributed_to and not medium else None
        v.speaker = quoted_by or attributed
        v.relayed_by = " ".join(c.attributed_to.lower().split()) if c.attributed_to and not v.speaker and medium else None
        v.renderings = {q: var for start, end, t, q, var in wordings.get(c.article_id, []) if start < c.end and end > c.start and t in c.text}
        v.remarks = frozenset(q for start, end, q in rendered.get(c.article_id, []) if start < c.end and end > c.start)
        # The rendering's words (a paraphrase's evidence may be the whole sentence, its text the reported part).
        inside = [t for start, end, t in spans.get(c.article_id, []) if start < c.end and end > c.start and t in c.text and len(t.split()) >= 4]
        if inside and (v.speaker or v.quoted_share > 0.2):  # a relayed report is the outlet's account, not someone's words
            v.content = max(inside, key=len)


def stem_overlap_text(a: str, b: str) -> float:
    """Share of the shorter text's content stems found in the other."""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


class UnionFind:
    """Disjoint sets of comparable keys; a set's root is its smallest key (claims, facts, positions)."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list]:
        out: dict = defaultdict(list)
        for x in list(self.parent):
            out[self.find(x)].append(x)
        return [sorted(g) for g in out.values()]
