"""Conflicts: where reports of one event disagree, typed, with every position and its evidence.

Claims are "related" when they come from different sources and read alike (cosine of
their embeddings >= settings.related_min_cos) or were aligned into one fact. Counts and
dates are also compared when only the clauses around them read alike
(settings.anchor_clause_min_cos), since one sentence often carries several facts; two
claims reporting different words of one speaker are not compared. Among related claims:

- number: counts (or measures: "magnitude 6.1" / "6.3") of one unit whose ranges cannot both
  hold ("dozens" vs "hundreds"; a bound that another value satisfies, "more than 300" and
  "320", is no conflict; nor are two figures one sentence gives, "offered 4.5% against the
  demand of 9%"); a thing each of two reports counts once is one thing though the clauses
  around the counts read unlike; the dead, the injured, the missing and the evacuated are counts of
  their own; an amount of money is named by its topic ("fine"); a length of time is compared only
  for one holder and one act, told by a verb before it ("jailed for") or a noun after it ("a
  five-year contract");
- date: one event dated on different days close together (report dates are left out); a clause
  that dates two events ("agreed in March and signed in May") sides by the verb of each; a clause
  that is its date alone ("Yesterday, ...") reads as its sentence; a plan ("will deploy on Sunday")
  and the halt of an event ("suspended the rise on Sunday", data/compare/halt_words.txt) are dated
  apart from what happened;
- actor: different offices named for one part in one event, or one office given to different
  people (offices from data/compare/offices.txt), each position naming the person it refers to;
- place: different places given for one event, when neither report mentions the other place;
- cause: unlike causes given after a cause marker (data/compare/cause_markers.txt) or as
  the subject of a cause verb (data/compare/cause_verbs.txt), in claims sharing an actor; the
  reason for a decision ("closed the gate because ...", data/compare/decision_verbs.txt) is
  compared only with reasons for a like decision;
- quote_wording: renderings of one quote that do not agree in meaning (translation
  variants that agree are variants, not conflicts).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache, wraps

import numpy as np

from newsprism.compare import lexicons
from newsprism.compare.facts import Alignment, event_families, names_spelled_in, reported_words_differ, stem_overlap
from newsprism.compare.views import (
    OPEN, PERSON_KEY, STOPWORDS, WORD, ClaimView, TextVectors, UnionFind, clause_at, content_stems, counts_people, intervals_overlap, is_report_date, stem, strip_dateline, unit_key, units_match,
    without_date_words, word_window,
)
from newsprism.models import Conflict, DateMention, Entity, Evidence, NumberMention, Position, Quote, QuoteVariant, Understanding, content_id
from newsprism.outlet_names import names_outlet
from newsprism.understand.entities import _demonym_pattern, fold, gazetteer

NEGATION_WORDS = ("not", "never", "no", "n't", "nor", "without")
NEGATION = re.compile(r"\b(?:" + "|".join(NEGATION_WORDS) + r")\b", re.I)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = re.compile(r"\b(?:in|at|near|off|outside|inside)\s+(?:the\s+)?$", re.I)


def related_pairs(al: Alignment, fact_groups: list[list[int]]) -> list[tuple[int, int]]:
    """Return claim pairs from different sources that report one event, in a stable order."""
    views, E, s = al.views, al.embeddings, al.settings
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(views), 512):
        sims = al.rows(slice(start, start + 512))
        for r, c in zip(*np.nonzero(sims >= s.related_min_cos)):
            i, j = start + int(r), int(c)
            if i < j and views[i].source != views[j].source:
                pairs.add((i, j))
    for group in fact_groups:
        for a in group:
            for b in group:
                if a < b and views[a].source != views[b].source:
                    pairs.add((a, b))
    return sorted(pairs)


def _shares_actor(v: ClaimView, w: ClaimView, *, subject_is_source: bool = False, leave_out: frozenset[str] = frozenset()) -> bool:
    """True when the claims name a common actor, or one names none (a claim's source is no actor).

    With `subject_is_source`, for claims that give a cause, the subject is left out too: it is
    usually who gives the cause ("the authority blamed strong winds", "the operator said the
    engine failed"), a source rather than an actor of the event caused.
    """
    a, b = v.entity_ids - v.source_entities - leave_out, w.entity_ids - w.source_entities - leave_out
    if subject_is_source:
        a, b = a - v.subject_entities, b - w.subject_entities
    return not a or not b or bool(a & b)


def _different_statements(v: ClaimView, w: ClaimView, al: Alignment) -> bool:
    """True when both claims report someone's words and the words say different things
    ("the two newest cranes were out of service" / "three cranes were lifting the wagons"):
    their counts and dates are of different things, not a disagreement."""
    return reported_words_differ(v, w, al.vectors, al.settings)


def _clip(text: str, words: int) -> str:
    """The first `words` words of a clause, with "…" when it goes on."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _conflict(kind: str, about: str, positions: list[Position]) -> Conflict:
    key = kind + "|" + about + "|" + "|".join(f"{p.value}:{','.join(p.article_ids)}" for p in positions)
    return Conflict(id=content_id(key, prefix="k"), about=about, kind=kind, positions=positions)


def _position(value: str, views: list[ClaimView]) -> Position:
    seen: dict[tuple[str, int], Evidence] = {}
    for v in views:
        seen.setdefault((v.article_id, v.claim.start), v.evidence())
    return Position(value=value, article_ids=list(dict.fromkeys(v.article_id for v in views)), evidence=list(seen.values()))


# --------------------------------------------------------------------------- numbers


def _anchor_pairs(views: list[ClaimView], attr: str) -> list[tuple[int, int]]:
    """Claim pairs from different sources that both carry an anchor (numbers or event dates)."""
    having = [v.index for v in views if getattr(v, attr)]
    return [(i, j) for x, i in enumerate(having) for j in having[x + 1:] if views[i].source != views[j].source]


def _same_unit_pairs(views: list[ClaimView]) -> list[tuple[int, int]]:
    """Claim pairs from different sources that count things of one unit, in order.

    Found through an index of the units, not by trying every pair of claims with a count:
    a large story has thousands of counts but few units.
    """
    having: dict[str, list[int]] = defaultdict(list)
    for v in views:
        for unit in dict.fromkeys(n[3] for n in v.numbers):
            having[unit].append(v.index)
    units = list(having)
    found: set[tuple[int, int]] = set()
    for x, u1 in enumerate(units):
        for u2 in units[x:]:
            if not units_match(u1, u2):
                continue
            for i in having[u1]:
                for j in having[u2]:
                    if i != j and views[i].source != views[j].source:
                        found.add((i, j) if i < j else (j, i))
    return sorted(found)


# Cosine from which the few words around two counts ("carrying 118 people", "40 people died")
# say they count one thing. On hand-checked count pairs, same-thing pairs read 0.58-0.87
# ("killing dozens of people" / "40 people died when": 0.58; "212 ships waiting" / "more than 300
# vessels queued": 0.60) and different-thing pairs 0.22-0.42 (passengers carried vs dead 0.28).
NUMBER_WINDOW_MIN_COS = 0.45


def _counted_once(views: list[ClaimView]) -> set[tuple[str, str]]:
    """(article, unit) for every specific unit (not in data/compare/generic_units.txt) an article
    gives one figure of, however often: "leaving 41 ships stranded" in a report that counts no
    other ships. Two reports that each count such a thing once count one thing (the words right
    around the counts must still read alike, count_groups), though the clauses around them differ:
    "pulling 3,400 dockers out on strike and leaving 41 ships stranded at sea" / "27 ships were
    waiting at anchor"."""
    generic = lexicons.generic_units()
    figures: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    for v in views:
        for _, lo, hi, unit in v.numbers:
            if unit and unit not in generic:
                figures[(v.article_id, unit)].add((lo, hi))
    return {key for key, found in figures.items() if len(found) == 1}


def _sums_given_once(views: list[ClaimView]) -> set[tuple[str, str, str]]:
    """(article, currency, topic) for every topic of money an article gives one figure of, the topic
    named in the figure's own sentence ("accepted £1.2 million in bribes"): views.money_topic."""
    pattern = lexicons.words_pattern(list(lexicons.money_topics()))
    figures: dict[tuple[str, str, str], set[tuple[float, float]]] = defaultdict(set)
    for v in views:
        for k, (m, lo, hi, unit) in enumerate(v.numbers):
            topic = _money_topic(v, k)
            if m.kind == "money" and topic and pattern is not None and pattern.search(v.claim.text):
                figures[(v.article_id, unit, topic)].add((lo, hi))
    return {key for key, found in figures.items() if len(found) == 1}


# "that is roughly 4.6 billion lire", "the sum was later raised to £2m": words by which an amount whose
# own sentence names no topic refers back to the money the sentence before names.
REFERS_BACK = re.compile(r"\b(?:that|this|these|those|it|which|the\s+(?:sum|amount|figure|total|same))\b", re.I)


def _per_figure(read):
    """`read(v, a)` computed once per view and figure (kept in the view, as `_threshold` keeps its own):
    count_groups asks `_same_quantity` of every pair of counts of one unit, so each figure's reads
    were made once per pair (about 3 CPU s of the 200-article story's comparison)."""
    key = "_" + read.__name__ + "_read"

    @wraps(read)
    def once(v: ClaimView, a: int, *args, **kwargs):
        known = v.__dict__.setdefault(key, {})
        at = (a, *args, *kwargs.items()) if args or kwargs else a
        if at not in known:
            known[at] = read(v, a, *args, **kwargs)
        return known[at]

    return once


# "sold for a fee of", "joined for a reported fee": the fee a thing changes hands for is its price
FOR_A_FEE = re.compile(r"\bfor\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?fee\b", re.I)


@_per_figure
def _money_topic(v: ClaimView, a: int) -> str | None:
    """What the claim's a-th figure, an amount of money, is of (views.money_topic): named in its own
    sentence, or in the sentence before when its own refers back to it ("At 38 lire to the euro, that is
    roughly 4.6 billion lire"). An amount whose sentence neither names a topic nor refers back ("The
    court also fined him £55,000. The club paid £21 million.") is of no topic: the sentence before
    tells nothing of it."""
    topic = v.number_topics[a] if a < len(v.number_topics) else None
    if topic is None:
        return None
    if topic == "fee" and FOR_A_FEE.search(v.claim.text):
        topic = "purchase"  # "has got the club for a fee of about EUR 55 million" / "bought the club for EUR 41 million"
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0:
        return topic
    pattern = lexicons.words_pattern(list(lexicons.money_topics()))
    if pattern is not None and pattern.search(v.claim.text):
        return topic  # its own sentence names money of a topic
    return topic if REFERS_BACK.search(v.claim.text[:at]) else None


def _one_sum(v: ClaimView, a: int, w: ClaimView, b: int, sums: set[tuple[str, str, str]]) -> bool:
    """True when two amounts are of one topic that each report gives one figure of: a story's sum of
    bribes is one thing, however worded and whoever its sentence names ("accepted £1.2 million in
    bribes" / "raked in £1.4 million in backhanders")."""
    t1, t2 = _money_topic(v, a), _money_topic(w, b)
    return bool(t1) and t1 == t2 and (v.article_id, v.numbers[a][3], t1) in sums and (w.article_id, w.numbers[b][3], t2) in sums


def _same_figure(n1: tuple, n2: tuple) -> bool:
    """True when two counts give one exact figure ("62 of the thugs" / "62 people were arrested"):
    with units that match and words around them that read alike (count_groups), one figure is a
    sign of one thing that the clauses around them, worded apart, need not confirm."""
    (m1, lo1, hi1, _), (m2, lo2, hi2, _) = n1, n2
    return m1.value is not None and m1.value == m2.value and lo1 == hi1 == lo2 == hi2


def _same_quantity(v: ClaimView, a: int, w: ClaimView, b: int) -> bool:
    """False when what the unit leaves unsaid tells two figures apart: amounts of money of different
    topics (revenue / profit / a purchase price: views.money_topic), or a count of where some
    people are ("critics in two member states") and a count of all the places of its unit ("the
    consortium's seven member states": views.placed_by), or a count of one place's things ("Verrano's
    eleven schools": views.owned_by) and one that does not name that place."""
    t1, t2 = _money_topic(v, a), _money_topic(w, b)
    if t1 and t2 and t1 != t2:
        # "pre-tax profit" / "operating profit" differ; "profit" meets either
        (topic1, _, qualifier1), (topic2, _, qualifier2) = t1.partition(" "), t2.partition(" ")
        if topic1 != topic2 or (qualifier1 and qualifier2):
            return False
    p1, p2 = percent_topic(v, a), percent_topic(w, b)
    if p1 and p2 and p1 != p2:
        return False  # "inflation reached 6.2%" / "unemployment stood at 7.1%"
    if (_partitive(v, a) != _partitive(w, b) or _whole(v, a) != _whole(w, b) or _aboard(_wide_window(v, a)) != _aboard(_wide_window(w, b))) \
            and not _same_figure(v.numbers[a], w.numbers[b]):
        return False
    if _group_size(v, a) != _group_size(w, b) and not _same_figure(v.numbers[a], w.numbers[b]):
        return False  # "a group of 17 ski tourers" / "killing three ski tourers": the group's size and a part of it
    if _target(v, a) != _target(w, b):
        return False  # "about 310 km instead of the planned 780 km" / "put its altitude at 190 km": a target and a reached figure
    if _threshold(v, a) != _threshold(w, b):
        return False  # "25 seats are needed for a majority" / "the League won 25 of the 49 seats"
    tolls = (_toll_kind(v, a), _toll_kind(w, b))
    if tolls[0] and tolls[1] and tolls[0] != tolls[1]:
        return False  # "nine workers were injured" / "140 workers were evacuated"
    if is_change(v, a) != is_change(w, b):
        return False  # "hiking the levy by 2%" / "raises the levy to 11.5 percent": a change and a level
    # "Verrano's eleven public schools" counts one town's schools: no value of a count that does not name the town
    owners = (v.number_owners[a] if a < len(v.number_owners) else None, w.number_owners[b] if b < len(w.number_owners) else None)
    if (owners[0] and owners[0].lower() not in w.claim.text.lower()) or (owners[1] and owners[1].lower() not in v.claim.text.lower()):
        return False
    return {v.number_places[a], w.number_places[b]} != {"people", None}


@lru_cache(maxsize=1)
def _threshold_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """What after and what before a figure makes it a threshold (data/compare/threshold_words.txt)."""
    rows = lexicons.threshold_words()
    after = [w for side, w in rows if side == "after"]
    before = [w for side, w in rows if side == "before"]
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    return (re.compile(r"^(?:\s+(?:are|is|was|were|be|being|been))?\s+(?:" + alt(after) + r")\b", re.I) if after else None,
            re.compile(r"\b(?:" + alt(before) + r")\s+(?:at\s+least\s+|only\s+|just\s+)?$", re.I) if before else None)


def _threshold(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure is told as what is needed ("25 seats are needed for a
    majority", "needs 25 seats"): a threshold, never a value of the count another report gives."""
    known = v.__dict__.setdefault("_thresholds", {})
    if a in known:
        return known[a]
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    found = False
    if at >= 0:
        after_re, before_re = _threshold_patterns()
        span = mention.end - mention.start if mention.start is not None and mention.end is not None and mention.end > mention.start else len(mention.text)
        rest = v.claim.text[at + span:]
        unit = (mention.unit or "").strip()
        if unit and re.match(r"\s+" + re.escape(unit) + r"\b", rest, re.I):
            rest = rest[re.match(r"\s+" + re.escape(unit) + r"\b", rest, re.I).end():]  # the printed phrase may stop at the figure
        found = bool(after_re and after_re.match(rest)) or bool(before_re and before_re.search(v.claim.text[max(0, at - 30):at]))
    known[a] = found
    return found


PERCENT_UNITS = frozenset({"%", "percentage points", "percentage point", "basis points", "points"})
SHARE_OF = re.compile(r"^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[a-z][\w-]*\s*){1,3})")


@_per_figure
def percent_topic(v: ClaimView, a: int) -> str | None:
    """What the claim's a-th figure is a percentage (or a change in percentage points) of, by the
    words of its clause (data/compare/percent_topics.txt): "Annual inflation reached 6.2%" ->
    "inflation", "raised its key rate by a quarter point to 4.75%" -> "interest rate", "a 2%
    target" -> "target"; "60% of home loans" -> "share of loan". None for any other figure, or when
    no word says it."""
    mention = v.numbers[a][0]
    if (mention.unit or "").lower() not in PERCENT_UNITS:
        return None
    text, at = v.claim.text, _in_claim(v.claim, mention)
    if at < 0:
        return None
    end = mention.end - v.claim.start if mention.start is not None and mention.end is not None and mention.end > mention.start else at + len(mention.text)
    share = SHARE_OF.match(text[end:]) if mention.unit == "%" else None
    if share:
        words = []
        for word in share.group(1).split():
            if word.lower() in STOPWORDS:
                break
            words.append(word)
        if words:
            return "share of " + stem(words[-1])
    topics = lexicons.percent_topics()
    pattern = lexicons.words_pattern(list(topics))
    if pattern is None:
        return None
    following = pattern.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    if following and text[end:following.start()].strip() in {"", "%"}:
        return topics[following.group(0).lower()]
    clause = v.number_clauses[a]
    clause_at_ = text.find(clause)
    start = clause_at_ if 0 <= clause_at_ <= at else max(0, at - 80)
    before = list(pattern.finditer(text[start:at]))
    return topics[before[-1].group(0).lower()] if before else None


def counts_dead(unit: str) -> bool:
    """True when a unit as written is a word for the dead ("dead", "killed", "fatalities": data/compare/unit_synonyms.txt)."""
    return unit_key(unit) == unit_key("dead")


def _death_toll(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure counts people and the words around it say they died
    (data/compare/death_words.txt): a count of the story's dead."""
    return _toll_of(v, a, lexicons.death_words())


def _toll_kind(v: ClaimView, a: int) -> str | None:
    """"killed" for a count of the story's dead, "evacuated" for one of its evacuees
    (data/compare/evacuation_words.txt: "4,500 people were driven from their homes", six words
    on), "injured" and "missing" for its injured and missing, else None: a story has one count of
    each, however its reports word them."""
    known = v.__dict__.setdefault("_toll_kinds", {})  # read once a figure: count_groups asks for every pair
    if a not in known:
        known[a] = _read_toll_kind(v, a)
    return known[a]


def _read_toll_kind(v: ClaimView, a: int) -> str | None:
    if _death_toll(v, a) or _names_the_dead(v, a):
        return "killed"
    # "six people were treated in hospital", "two workers were still missing" (data/compare/injury_words.txt,
    # missing_words.txt): the injured and the missing are counts of their own, never values of another.
    # The words right around the figure first: "140 were evacuated, and six people were injured".
    # "15 workers had been arrested", "Tarnwick Police put the number of arrests at 12": the arrest family of
    # data/compare/event_verbs.txt; a story's arrests are one count, whoever gives it.
    kinds = (("evacuated", lexicons.evacuation_words(), 6), ("injured", lexicons.injury_words(), 6), ("missing", lexicons.missing_words(), 4),
             ("arrested", _arrest_words(), 4), ("freed", lexicons.release_words(), 4), ("escaped", lexicons.escape_words(), 4))
    for narrow in (True, False):
        for kind, words, reach in kinds:
            if _toll_of(v, a, words, reach=reach, narrow=narrow):
                return kind
    # "cutting between 300 and 400 jobs" (the ministry) / "as many as 900 jobs are at risk" (the union):
    # the jobs a story cuts are one count, whoever gives it (data/compare/job_loss_words.txt)
    if v.numbers[a][3] == unit_key("jobs") and (words := lexicons.words_pattern(lexicons.job_loss_words())) is not None \
            and (words.search(v.number_windows[a]) or words.search(_wide_window(v, a, words=4))):
        return "lost"
    # "an evacuation zone of 2 km" / "ordered everyone within 5 km of the plant to leave": a distance by the
    # words of a zone cleared is the story's one zone (data/compare/zone_words.txt), whoever sets it
    if v.numbers[a][0].kind == "measure" and v.numbers[a][3] in _length_keys() \
            and (words := lexicons.words_pattern(lexicons.zone_words())) is not None and words.search(_wide_window(v, a, words=6)):
        return "zone"
    # "Seven aid workers held for seven months by an armed group in eastern Zandor were freed": the
    # counted people are the subject, and their verb stands beyond any reach of the figure.
    if counts_people(v.numbers[a][3]) and (verb := _subject_verb(v, a)) and lexicons.words_pattern(lexicons.release_words()).match(verb):
        return "freed"
    return None


@lru_cache(maxsize=1)
def _length_keys() -> frozenset[str]:
    """The unit keys of distances, as views writes them ("kilometr", "metr", "mile")."""
    return frozenset(unit_key(u) for u in ("kilometres", "metres", "miles", "feet", "yards", "km", "m"))


# The figure opens its sentence or clause as the head of its subject ("Seven aid workers ...", "The
# seven ..."), and the first passive verb after it, in its clause, is what was done to them.
SUBJECT_OPENING = re.compile(r"(?:^|[;:]\s*|,\s*(?:and|but)\s+)(?:(?:the|all|some|about|around|nearly|almost|at\s+least|more\s+than)\s+)*$", re.I)
PASSIVE_VERB = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being)\s+(?:(?:all|also|finally|now|later|then|safely)\s+)?([a-z]+(?:\s+[a-z]+)?)", re.I)


def _subject_verb(v: ClaimView, a: int) -> str | None:
    """The passive verb (with the word after it) whose subject the claim's a-th figure heads, or None
    when the figure is no subject's head or a clause ends before the verb."""
    at = _in_claim(v.claim, v.numbers[a][0])
    if at < 0 or not SUBJECT_OPENING.search(v.claim.text[max(0, at - 30):at]):
        return None
    rest = re.split(r"[;:.!?]|,\s", v.claim.text[at:], maxsplit=1)[0]
    m = PASSIVE_VERB.search(rest)
    return m.group(1).lower() if m else None


@lru_cache(maxsize=1)
def _arrest_words() -> list[str]:
    """The words of the arrest family of data/compare/event_verbs.txt ("arrested", "detained"), and "arrests"."""
    return sorted({form for form, family in lexicons.event_verbs().items() if family == "arrest"} | {"arrests"})


def _rescued(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure counts people saved ("lifeboat crews pulled 187 people from
    the water": data/compare/rescue_words.txt), by the few words right around it; only names a count."""
    return _toll_of(v, a, lexicons.rescue_words(), narrow=True)


def _names_the_dead(v: ClaimView, a: int) -> bool:
    """True when the figure's unit, written right after it, is itself a word for the dead ("received
    four bodies", "12 fatalities": data/compare/unit_synonyms.txt), whatever words stand around it."""
    mention = v.numbers[a][0]
    if not mention.unit or not counts_dead(mention.unit.lower()):
        return False
    at = _in_claim(v.claim, mention)
    figure = v.claim.text[at:].split(maxsplit=1)[0] if at >= 0 and v.claim.text[at:].strip() else ""
    return bool(figure) and bool(re.match(r"\s+" + re.escape(mention.unit) + r"\b", v.claim.text[at + len(figure):], re.I))


def _toll_of(v: ClaimView, a: int, words: list[str], reach: int = 4, narrow: bool = False) -> bool:
    """True when the claim's a-th figure counts people and `words` stand within `reach` words of it
    or before it in its clause (with `narrow`, in the few words right around it only), and it is no
    increase ("two more people died")."""
    pattern = lexicons.words_pattern(words)
    if pattern is None or not counts_people(v.numbers[a][3]):
        return False
    at = _in_claim(v.claim, v.numbers[a][0])
    if at > 0 and NEW_CLAUSE_BEFORE.search(v.claim.text[max(0, at - 40):at]) and SUBJECT_VERB_AFTER.match(v.claim.text[at:]):
        # "A man died and 12 people were taken to hospital": the figure opens a clause of its own, and the
        # words of the clause before ("died") tell another count; only its own clause's words count.
        own = re.split(r"[;:.!?]|,\s", v.claim.text[at:], maxsplit=1)[0]
        if not pattern.search(" ".join(own.split()[:reach + 2])):
            return False
    clause = v.number_clauses[a]
    figure_in_clause = clause.find(v.claim.text[at:at + 3]) if at >= 0 else -1
    # "The death toll ... has risen to 16": the clause's words before the figure say so too.
    before = clause[:figure_in_clause] if figure_in_clause >= 0 else ""
    # "seven of its members had been killed": the words after the set a figure is taken from are its own.
    owned = POSSESSIVE_PART.match(v.claim.text[at:]) if at >= 0 and not narrow else None
    past_set = " ".join(v.claim.text[at + owned.end():].split()[:reach]) if owned else ""
    if not (pattern.search(v.number_windows[a]) or (not narrow and (pattern.search(_wide_window(v, a, words=reach)) or pattern.search(before)
                                                                    or pattern.search(past_set)))):
        return False
    # "after two passengers died", "two more people died": an increase of the toll, not the toll.
    preceding = re.findall(r"[A-Za-z]+", v.claim.text[max(0, at - 20):at] if at >= 0 else "")
    following = re.match(r"\s*\S+\s+(\w+)", v.claim.text[at:] if at >= 0 else "")
    return not ((preceding and preceding[-1].lower() in INCREMENT_BEFORE) or (following and following.group(1).lower() in {"more", "further", "other"}))


# "... died and 12 people were taken to hospital", "killed two and injured 12": a figure right after a
# joining word (an approximator may stand between), as the subject of its own verb, opens a clause of its own.
NEW_CLAUSE_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|but|while|whereas)\s+(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than|over|another|a\s+further)\s+)?$", re.I)
SUBJECT_VERB_AFTER = re.compile(r"^\S+(?:\s+[a-z-]+){0,3}?\s+(?:were|was|are|is|had|have|has|remain|remained|remains)\b", re.I)


# "seven of its members", "two of their crew": a figure counted out of its owner's people, not out of another count
POSSESSIVE_PART = re.compile(r"^\S+\s+of\s+(?:its|their|our)\s+[a-z][\w-]*", re.I)


# "after two passengers died" (an increase), "since 23 people died in the Brask smash" (a past toll)
INCREMENT_BEFORE = frozenset({"after", "another", "further", "additional", "extra", "since", "when"})


@_per_figure
def _wide_window(v: ClaimView, a: int, words: int = 5) -> str:
    """`words` words either side of the claim's a-th figure as written ("More than 40 passengers were
    on board the coach"): the three of number_windows stop before "board". A view's mention text is
    its printed phrase ("more than 40 passengers"), so the span is the mention's own."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0:
        return v.number_windows[a]
    span = mention.end - mention.start if mention.start is not None and mention.end is not None and mention.end > mention.start else len(mention.text)
    return word_window(v.claim.text, at, at + span, words=words)


@lru_cache(maxsize=8192)  # asked of each figure's window once per pair of counts (count_groups)
def _aboard(window: str) -> bool:
    """True when the words around a count say it counts everyone aboard ("carried more than 300
    passengers", data/compare/occupancy_words.txt): beside "52 passengers were injured" it is
    another quantity of one unit."""
    pattern = lexicons.words_pattern(lexicons.occupancy_words())
    # "carried out dozens of airstrikes": carry out is to do, not to hold
    return bool(pattern) and any(not re.match(r"\s+out\b", window[m.end():], re.I) for m in pattern.finditer(window))


# "three of the injured", "19 of them": a figure followed by "of" and a determiner counts a part of a set.
PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:the|them|those|these|its|their|his|her|our|whom|which)\b", re.I)


@lru_cache(maxsize=1)
def _group_size_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The words before a figure that make it a group's size (data/compare/group_nouns.txt):
    "a group of (at least) 17", "The group (in the valley) had (at least) 15"."""
    nouns = [re.escape(w.lower()) for w in lexicons._compare_lines("group_nouns.txt") if w and not w.startswith("#")]
    if not nouns:
        return None
    group = "(?:" + "|".join(sorted(nouns, key=len, reverse=True)) + ")"
    bound = r"(?:(?:about|around|some|roughly|nearly|almost|at\s+least|more\s+than|at\s+most|up\s+to|only|just)\s+)?"
    return (re.compile(rf"\b{group}\s+of\s+{bound}$", re.I),
            # "The group (in the Harl Valley) had at least 15": a place after the group noun may come between
            re.compile(rf"\b{group}s?(?:\s+(?:in|at|on|from|near)\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+)?\s+"
                       rf"(?:had|has|have|numbered|numbers|comprised|comprises|counted|counts)\s+{bound}$", re.I))


@_per_figure
def _group_size(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure tells the size of a group ("buried a group of 17 ski tourers",
    "The group had at least 15 members", "a 12-strong team"): a part told of the group (the dead, the
    missing: "killing three", "One member of the group is still missing") is no rival count of it."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0 and mention.text.strip():  # a view's mention text is its printed phrase: find its figure
        at = v.claim.text.find(mention.text.split()[0])
    if at < 0:
        return False
    figure = v.claim.text[at:].split(maxsplit=1)[0] if v.claim.text[at:].strip() else ""
    if re.match(r"^[\d,.]+-strong\b|^\S+\s*-?\s*strong\b", v.claim.text[at:], re.I) and "strong" in figure.lower():
        return True
    patterns = _group_size_patterns()
    before = v.claim.text[max(0, at - 60):at]
    return patterns is not None and any(p.search(before) for p in patterns)


@lru_cache(maxsize=1)
def _target_pattern() -> re.Pattern[str] | None:
    """The words right before a figure that make it a target (data/compare/target_words.txt): "the
    planned 780 km", "its intended 12", "a target of 2,000", with a bound between ("the planned
    about 900")."""
    words = [re.escape(w.lower()).replace(r"\ ", r"\s+") for w in lexicons._compare_lines("target_words.txt") if w and not w.startswith("#")]
    if not words:
        return None
    bound = r"(?:(?:about|around|some|roughly|nearly|almost|at\s+least|more\s+than|at\s+most|up\s+to)\s+)?"
    return re.compile(r"\b(?:the|its|their|his|her|our|a|an)\s+(?:" + "|".join(sorted(words, key=len, reverse=True))
                      + rf")(?:\s+of)?\s+{bound}$", re.I)


@_per_figure
def _target(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure is a plan or target ("about 310 km instead of the planned 780
    km"): no position on what was reached, so never a side against a reached figure ("put its
    altitude at 190 km")."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0 and mention.text.strip():  # a view's mention text is its printed phrase: find its figure
        at = v.claim.text.find(mention.text.split()[0])
    pattern = _target_pattern()
    return at > 0 and pattern is not None and bool(pattern.search(v.claim.text[max(0, at - 40):at]))


@_per_figure
def _partitive(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure counts a part of a set ("three of the injured died later"):
    beside a count of the whole set ("31 injured") it is no value of that count; beside another
    part ("five of the injured died") or the very same figure ("62 of the thugs" / "62 people") it is."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0:
        return False
    # the mention's text in a view is its printed phrase ("three people"); the figure as written is its first word
    figure = v.claim.text[at:].split(maxsplit=1)[0] if v.claim.text[at:].strip() else ""
    after = v.claim.text[at + len(figure.rstrip(",.;:")):]
    if PART_BEFORE.search(v.claim.text[max(0, at - 30):at]):
        return True  # "the first 400 posts going in the first quarter": the first part of a larger count
    if INCLUDED_BEFORE.search(v.claim.text[max(0, at - 30):at]) or (
            WITH_AFTER_A_FIGURE.search(v.claim.text[max(0, at - 30):at]) and any(0 <= _in_claim(v.claim, n[0]) < at for n in v.numbers)):
        return True  # "puts the toll at 21, including seven people on Lesser Tanu", "rose to 21, with seven deaths on ...": a part of the 21
    if POSSESSIVE_PART.match(v.claim.text[at:]) and counts_people(v.numbers[a][3]) and _toll_kind(v, a):
        return False  # "seven of its members had been killed": the association's dead, the toll it gives, no part of another count
    return bool(PARTITIVE_AFTER.match(after)) and not COUNTED_WHOLE_AFTER.match(after)


# "the toll at 21, including seven people on ...", "among them two children", "of whom three died": a part of the count before
INCLUDED_BEFORE = re.compile(r"\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them)\s+(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than|at\s+most)\s+)?$", re.I)
WITH_AFTER_A_FIGURE = re.compile(r",\s+with\s+(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than)\s+)?$", re.I)
# "the first 400 posts", "the remaining 300 staff": a figure that counts a part of a set in order
PART_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:first|last|remaining|next|initial|final)\s+$", re.I)


# "1,350 of the country's 2,100 schools": a part counted out of a whole that is counted too is the
# count at issue, no part of a set; "of a total of 2,100", "1,350 of the country's 2,100": the whole.
COUNTED_WHOLE_AFTER = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?(?:[\w-]+['’]s\s+)?\d", re.I)
WHOLE_BEFORE = re.compile(r"(?:\d[\d,.]*\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?|\btotal\s+of\s+|\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?)$", re.I)


COUNTED_WHOLE = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?(?:[\w-]+['’]s\s+)?(\d[\d,]*)\b", re.I)


def _whole_counted(v: ClaimView, a: int) -> float | None:
    """The whole the claim's a-th figure is counted out of ("25 of the 49 seats", "24 of the council's
    49 seats": 49), else None. Two parts of one whole of one unit are one quantity, however the words
    around them read ("leaves the League with 25 of the 49" / "gives the League 24 of the council's")."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0 and mention.text.strip():  # a view's mention text is its printed phrase ("30 seats"): find its figure
        at = v.claim.text.find(mention.text.split()[0])
    if at < 0:
        return None
    figure = v.claim.text[at:].split(maxsplit=1)[0] if v.claim.text[at:].strip() else ""
    m = COUNTED_WHOLE.match(v.claim.text[at + len(figure.rstrip(",.;:")):])
    return float(m.group(1).replace(",", "")) if m else None


@_per_figure
def _whole(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure counts the whole that another figure is a part of ("closing
    1,350 of the country's 2,100 schools", "of a total of 2,100", "All 14 crew members were taken
    off"): beside a count of the part ("1,600 schools were closed", "two crew members were injured")
    it is another quantity of the unit."""
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0 and mention.text.strip():  # a view's mention text is its printed phrase ("2,100 schools"): find its figure
        at = v.claim.text.find(mention.text.split()[0])
    return at > 0 and bool(WHOLE_BEFORE.search(v.claim.text[max(0, at - 60):at]))


LEVEL_KINDS = frozenset({"percent", "money", "measure"})
CHANGE_AFTER = re.compile(r"^\s+(?:more|less|fewer|higher|lower)\b(?!\s+than)", re.I)


@_per_figure
def is_change(v: ClaimView, a: int) -> bool:
    """True when the claim's a-th figure, a percentage, amount or measure, is a change of a quantity
    rather than its level: right after a change word (data/compare/change_words.txt) and an optional
    "by" or "of" ("raises the levy by 2%", "rises €85 million", "a rise of two points"), or followed
    by "more" / "less" ("€85 million more"). A count of things ("cuts 1,200 jobs") is no level, and a
    percentage right after its verb is a rate ("consumer prices rose 6.2% in the year" is inflation)."""
    mention = v.numbers[a][0]
    if mention.kind not in LEVEL_KINDS:
        return False
    at = _in_claim(v.claim, mention)
    if at < 0:
        return False
    words = lexicons.words_pattern(lexicons.change_words())
    approximators = "|".join(re.escape(x) for x in ("about", "around", "roughly", "some", "nearly", "almost", "just", "only", "a further", "another"))
    before = re.sub(r"\s+(?:" + approximators + r")$", "", v.claim.text[max(0, at - 40):at].rstrip(), flags=re.I)
    by = re.search(r"\s+by$", before, flags=re.I)
    linked = re.search(r"\s+(?:by|of)$", before, flags=re.I)
    if mention.kind == "percent" and not linked:
        before = ""
    before = re.sub(r"\s+(?:by|of)$", "", before, flags=re.I)
    # "raises the levy by 2%": with "by", the change word may stand before the thing changed
    reach = re.split(r"[,;:()]", before)[-1] if by else ""
    if words is not None and any(m.end() == len(before) or (by and m.start() >= len(before) - len(reach)) for m in words.finditer(before)):
        return True
    span = mention.end - mention.start if mention.start is not None and mention.end is not None and mention.end > mention.start else len(mention.text)
    return bool(CHANGE_AFTER.match(v.claim.text[at + span:]))


def _in_claim(claim, mention) -> int:
    """Where a number or date mention starts in its claim's text (-1 when not found)."""
    if mention.start is not None and claim.start <= mention.start < claim.end:
        return mention.start - claim.start
    return claim.text.find(mention.text)


STARTED = re.compile(r"\b(?:began|begun|begins|started|starts|erupted|broke\s+out)\b", re.I)
RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose|where)\b[^,;.]*$", re.I)


def _of_an_earlier_year(v: ClaimView, a: int) -> str | None:
    """The year before the story's that the a-th figure counts an event of, else None: "the collision
    in 2016, which killed 23 people", "In 2016, 23 people died", "killed 23 people in 2016". Such a
    background figure is never a side of the story's own count, only of another report's figure of
    that year ("was fined £120,000 in 2028" / "fined £150,000 in 2028"). A year after the figure and
    past a comma ("14 people died, the most since 2016") dates the comparison, not the figure."""
    if v.story_year is None:
        return None
    mention = v.numbers[a][0]
    at = _in_claim(v.claim, mention)
    if at < 0:
        return None
    years: list[tuple[int, str]] = []
    for d in v.claim.dates:
        if not d.value or not d.value[:4].isdigit() or int(d.value[:4]) >= v.story_year:
            continue
        d_at = _in_claim(v.claim, d)
        if d_at < 0:
            continue
        if d_at < at:
            gap = v.claim.text[d_at + len(d.text):at]
            # "Since 2019 the regime's war in the highlands has killed about 6,000": a running total
            # from that year, however many words its subject takes
            since = d.kind == "range" and d.text.lower().startswith("since")
            # "The banker, who was arrested in February 2041, is accused of a 420 million euro fraud": the
            # year dates the relative clause the comma closes, not the figure after it
            # ("The war, which began in 2019, has killed some 5,200": the start of a running total, as "since 2019")
            aside = re.match(r"\s*,", gap) and (clause := RELATIVE_ASIDE.search(v.claim.text[:d_at])) and not STARTED.search(clause.group(0))
            if (len(gap) <= 40 or since) and not re.search(r"[.;:]", gap) and not aside:
                years.append((len(gap), d.value[:4]))
        else:
            gap = v.claim.text[at + len(mention.text):d_at]
            if len(gap) <= 25 and not re.search(r"[,.;:]", gap):
                years.append((len(gap), d.value[:4]))
    # the nearest year dates the figure ("which has operated the site since 1994, was fined £120,000 in 2028")
    return min(years)[1] if years else None


def count_groups(al: Alignment, pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Counts of one thing in different reports, as groups of (claim, number) indices.

    Two counts are of one thing when their units match and either their sentences are
    related or the clauses they sit in read alike: a sentence often carries several facts
    ("salvors began pumping on Friday, ..., with 320 ships now waiting"), so the sentences
    can differ while the clauses around the counts state one fact.
    """
    views = al.views
    union = UnionFind()
    related = set(pairs)
    # Count pairs of one unit first; the reported words and clauses they need are then encoded in one batch.
    matched: list[tuple[int, int, list[tuple[int, int]]]] = []
    toll_pairs: set[tuple[int, int, int, int]] = set()  # two counts of the story's dead: one thing, however worded
    # Two parts counted out of one whole ("with 25 of the 49 seats" / "gives the League 24 of the council's 49
    # seats"): the few words around each say little ("the 24 of the council's"), so their clauses tell
    # whether they count one part.
    whole_parts: set[tuple[int, int, int, int]] = set()
    sums = _sums_given_once(views)
    for i, j in _same_unit_pairs(views):
        v, w = views[i], views[j]
        if not v.numbers or not w.numbers:
            continue
        same_unit = [(a, b) for a, n1 in enumerate(v.numbers) for b, n2 in enumerate(w.numbers) if units_match(n1[3], n2[3]) and _same_quantity(v, a, w, b)
                     and _of_an_earlier_year(v, a) == _of_an_earlier_year(w, b)]
        if not same_unit:
            continue
        # A measure ("magnitude 6.1", "a depth of 10 km") is of the thing measured; who measured it
        # ("the USGS measured the quake at ...", "..., IRNA said") is its source, no actor the two must share.
        measures = all(v.numbers[a][0].kind == "measure" and w.numbers[b][0].kind == "measure" for a, b in same_unit)
        sources = frozenset(x for x in (v.claim.attributed_to, w.claim.attributed_to) if x)
        # Who gives a figure is its source, no actor of what it counts: "Fire chief X said the fire
        # had destroyed 85 homes" is that outlet's figure, attributed, set against "140 homes in Y".
        # A story has one death toll: two counts of its dead need no common actor ("14 people were
        # killed near Tolvik" / "the death toll ... has risen to 16" naming the hospital).
        tolls = [(a, b) for a, b in same_unit if (_toll_kind(v, a) is not None and _toll_kind(v, a) == _toll_kind(w, b))
                 or _one_sum(v, a, w, b, sums)]
        toll_pairs.update((i, a, j, b) for a, b in tolls)
        # "25 of the 49 seats" / "24 of the council's 49 seats": parts of one whole, read by their clauses
        whole_parts.update((i, a, j, b) for a, b in same_unit if _whole_counted(v, a) is not None and _whole_counted(v, a) == _whole_counted(w, b))
        if tolls and not _shares_actor(v, w, leave_out=sources):
            matched.append((i, j, tolls))
        elif _shares_actor(v, w, leave_out=sources) or (measures and _shares_actor(v, w, subject_is_source=True, leave_out=sources)):
            matched.append((i, j, same_unit))
    once = _counted_once(views)
    al.encode_contents(x for i, j, ab in matched if not _one_dimension(views, i, j, ab, once) for x in (i, j))
    # Different speakers' words count different things ("the two newest cranes were out of service" /
    # "three cranes were lifting the wagons"), but not the story's toll: police saying three died and
    # a hospital four is the dispute itself, so a pair of its counts is kept whoever gives them.
    kept = []
    for i, j, ab in matched:
        if _one_dimension(views, i, j, ab, once) or not _different_statements(views[i], views[j], al):
            kept.append((i, j, ab))
        elif tolls := [(a, b) for a, b in ab if (i, a, j, b) in toll_pairs]:
            kept.append((i, j, tolls))
    matched = kept
    # A pair of counts is linked by a cheap anchor (related sentences, a thing each report counts
    # once, one exact figure, the story's toll) or else by the clauses around the counts reading
    # alike: clauses are encoded only for the pairs no cheap anchor decides.
    def anchored(i: int, a: int, j: int, b: int) -> bool:
        return ((i, j) in related or (views[i].article_id, views[i].numbers[a][3]) in once and (views[j].article_id, views[j].numbers[b][3]) in once
                or _same_figure(views[i].numbers[a], views[j].numbers[b]) or (i, a, j, b) in toll_pairs)

    candidates = [(i, a, j, b) for i, j, same_unit in matched for a, b in same_unit if not _one_and_many(views[i], a, views[j], b)]
    undecided = [x for x in candidates if not anchored(*x)]
    al.vectors.encode(t for i, a, j, b in undecided for t in (views[i].number_clauses[a], views[j].number_clauses[b]))
    undecided_set = set(undecided)
    linked = [
        (i, a, j, b) for i, a, j, b in candidates
        if (i, a, j, b) not in undecided_set
        or float(al.vectors[views[i].number_clauses[a]] @ al.vectors[views[j].number_clauses[b]]) >= al.settings.anchor_clause_min_cos
    ]
    # Related sentences can count different things of one unit ("a ferry carrying 118 people
    # capsized" / "40 people died when the ferry capsized"): the words right around the two
    # counts must read alike too.
    al.vectors.encode(t for i, a, j, b in linked for t in (views[i].number_windows[a], views[j].number_windows[b]))
    al.vectors.encode(t for i, a, j, b in linked if (i, a, j, b) in whole_parts for t in (views[i].number_clauses[a], views[j].number_clauses[b]))
    alike = [(max(float(al.vectors[views[i].number_windows[a]] @ al.vectors[views[j].number_windows[b]]), NUMBER_WINDOW_MIN_COS if (i, a, j, b) in toll_pairs else -1.0,
                  float(al.vectors[views[i].number_clauses[a]] @ al.vectors[views[j].number_clauses[b]]) if (i, a, j, b) in whole_parts else -1.0),
              (i, a), (j, b)) for i, a, j, b in linked]
    # Closest windows first; two sets stay apart when one article gives, in two sentences, figures
    # of them that cannot both hold: a report gives one value of one thing ("revenue rose 12%" and
    # "profit fell 5%" in one article are two things, though each reads like the other's "rose 12%").
    members: dict = {}
    for cos, x, y in sorted((t for t in alike if t[0] >= NUMBER_WINDOW_MIN_COS), key=lambda t: (-t[0], t[1], t[2])):
        rx, ry = union.find(x), union.find(y)
        if rx != ry and not _one_article_gives_both(views, members.get(rx, [x]), members.get(ry, [y])):
            union.union(x, y)
            members[union.find(x)] = members.pop(rx, [x]) + members.pop(ry, [y])
    # Listed by their smallest (claim, number): the order the sets were first met in follows the
    # cosine sort above, which vectors moved by float noise (1e-7, a text encoded in another call)
    # can reorder; the conflicts' order must not hang on that.
    return sorted(union.groups())


def _one_dimension(views: list[ClaimView], i: int, j: int, ab: list[tuple[int, int]], once: set[tuple[str, str]]) -> bool:
    """True when every figure pair is a length of one named dimension ("a depth of 10 kilometres" /
    "12 km deep", data/compare/length_dimensions.csv) that each report gives one value of: the
    dimension names what is measured, so the reported words around the two need not read alike
    ("The quake struck ... at a depth of 10 kilometres, the institute said" / "The main shock was 12 km
    deep, the institute said" tell one depth in two sentences, no two statements)."""
    dimensions = set(lexicons.length_dimensions().values())
    return bool(ab) and all(
        views[i].numbers[a][3] in dimensions and views[i].numbers[a][3] == views[j].numbers[b][3]
        and (views[i].article_id, views[i].numbers[a][3]) in once and (views[j].article_id, views[j].numbers[b][3]) in once
        for a, b in ab)


def _near_words(v: ClaimView, k: int, heads: frozenset[str] | None = None) -> set[str]:
    """The words written in lower case (no names: "the Americans" / "the American company") within
    60 characters before and 40 after the claim's k-th figure; with `heads` (the counted nouns), only
    those that can head what they name: a noun written before another ("e-bike batteries", "the e-bike
    maker") names a kind of thing, no one thing."""
    n = v.numbers[k][0]
    at = n.start - v.claim.start if n.start is not None else v.claim.text.find(n.text)
    at = max(at, 0)
    window = v.claim.text[max(0, at - 60): at + len(n.text) + 40]
    if heads is None:
        return set(re.findall(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", window))
    return {m.group(1) for m in re.finditer(r"(?<![A-Za-z])([a-z]+)(?![A-Za-z])(?:\s+([a-z]+)(?![A-Za-z\-]))?", window)
            if not (m.group(2) and _modified_by(m.group(2), heads))}


def _modified_by(following: str, counted: frozenset[str]) -> bool:
    """True when a word written right after a noun makes that noun its modifier: the counted noun
    ("e-bike batteries"), or a content word that reads as a noun (not a function word, and not
    ending as a verb or an adverb does: "the smelter directly employs", "the plant employs")."""
    if following in counted or stem(following) in counted:
        return True
    return following not in STOPWORDS and not re.search(r"(?:s|ed|ing|ly)$", following)


def _one_and_many(v: ClaimView, a: int, w: ClaimView, b: int) -> bool:
    """True when the words around one figure name one thing and those around the other several of it
    ("The smelter directly employs about 1,900 people" / "the country's own smelters, which employ about
    9,000 people"): the staff of one is not a count of the staff of all."""
    # the counted noun itself is no owner ("$52 a share" / "$54 for each of its shares")
    counted = {x for n in (v.numbers[a], w.numbers[b]) for x in re.findall(r"[a-z]+", f"{n[0].unit or ''} {n[3]}".lower())}
    first, second = _near_words(v, a), _near_words(w, b)
    heads = (_near_words(v, a, frozenset(counted)), _near_words(w, b, frozenset(counted)))
    return any(
        len(x) >= 4 and x not in counted and x + "s" in other and x not in other and x + "s" not in words
        for words, other, own_heads in ((first, second, heads[0]), (second, first, heads[1])) for x in own_heads
    )


def _one_article_gives_both(views: list[ClaimView], first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """True when one article gives a figure in each set that cannot both hold, in one sentence or two:
    "revenue rose 12 per cent to 2.4 billion pounds ..., while pre-tax profit fell 5 per cent to 310
    million pounds" gives two amounts, never two values of one. Two tolls its sources give ("Four
    people died, the hospital said." / "Police have said three people died.") are two values of one
    count, each its source's: `_tolls_of_two_speakers`."""
    return any(
        views[i].article_id == views[j].article_id and (i, a) != (j, b)
        and not intervals_overlap(views[i].numbers[a][1:3], views[j].numbers[b][1:3])
        and not _tolls_of_two_speakers(views[i], a, views[j], b)
        for i, a in first for j, b in second
    )


def _tolls_of_two_speakers(v: ClaimView, a: int, w: ClaimView, b: int) -> bool:
    """True when two figures are counts of one toll of the story ("killed", "injured": `_toll_kind`)
    that two sources give: claims attributed to different speakers ("Four people died ..., the
    hospital said." / "Police have said three people died."), or one sentence with a report verb
    between the figures ("Brenn said three people had died, while the association said seven ...")."""
    kind = _toll_kind(v, a)
    if kind is None or kind != _toll_kind(w, b):
        return False
    if v.index != w.index:
        return bool(v.claim.attributed_to and w.claim.attributed_to) and v.claim.attributed_to != w.claim.attributed_to
    at1, at2 = sorted((_in_claim(v.claim, v.numbers[a][0]), _in_claim(w.claim, w.numbers[b][0])))
    if at1 < 0 or at1 == at2:
        return False
    verbs = lexicons.words_pattern(sorted(lexicons.report_verbs()))
    return verbs is not None and bool(verbs.search(v.claim.text[at1:at2]))


def _count_about(views: list[ClaimView], group: list[tuple[int, int]]) -> str:
    """What a group of counts counts: "number of ships", "percentage", a measure's name ("magnitude"),
    or an amount of money ("amount in GBP", "price per share in USD")."""
    units = Counter((views[i].numbers[k][0].unit or "").lower() for i, k in group)
    # a noun after "one" is singular ("One man died" / "Two people died"): the plural of another count names them
    plural = Counter((views[i].numbers[k][0].unit or "").lower() for i, k in group if views[i].numbers[k][0].value != 1)
    unit = (plural or units).most_common(1)[0][0]
    people = {views[i].numbers[k][3] for i, k in group}
    if len(people) == 1 and len([u for u in units if u]) > 1 and (key := next(iter(people))) and counts_people(key):
        unit = "people" if key == PERSON_KEY else key if key.endswith("s") else key + "s"  # "SEVEN lags" / "six inmates": one group's head word, "prisoners"
    measured = all(views[i].numbers[k][0].kind == "measure" for i, k in group)
    if unit and all(views[i].numbers[k][0].kind == "money" for i, k in group):
        currency, _, per = unit.partition("/")  # the understanding stage writes "USD", "USD/share", "GBP/day"
        # Named by what the money is ("fine", "operating profit") when its reports say it, and all say one thing.
        topics = {_money_topic(views[i], k) for i, k in group}
        if len(topics) == 1 and None not in topics:
            called = _topic_name(topics.pop())
            return f"{called} per {per}" if per else called
        return f"price per {per} in {currency.upper()}" if per else f"amount in {currency.upper()}"
    keys = {views[i].numbers[k][3] for i, k in group}
    if measured and len(keys) == 1 and next(iter(keys)) in set(lexicons.length_dimensions().values()):
        return f"{keys.pop()} in metres"  # "8 km high" / "5,000 metres high": one height
    if measured and unit:
        topics = {percent_topic(views[i], k) for i, k in group}
        if unit in PERCENT_UNITS and len(topics) == 1 and None not in topics:
            return f"change in {topics.pop()} ({unit})"  # "change in interest rate (percentage points)"
        return lexicons.measure_names().get(unit, unit)  # "magnitude", not "number of magnitude"; "weight", not "tonnes"
    if all(views[i].numbers[k][0].kind == "ordinal" for i, k in group):
        return views[group[0][0]].numbers[group[0][1]][3]  # "minute": where on its scale the event was placed
    # A count is named by the toll its figures count when most say so and none counts another: "Nine
    # people are now confirmed dead" has its word of the dead beyond a toll's reach, yet beside "At
    # least eleven people were killed" and "Fourteen people perished" it is the same toll.
    kinds = Counter(_toll_kind(views[i], k) for i, k in group)
    named = [kind for kind in kinds if kind]
    if len(named) == 1 and 2 * kinds[named[0]] > len(group):
        if named[0] == "killed":
            counted = unit if unit and not counts_dead(unit) else "people"  # "Three dead": not "number of dead killed"
            return f"number of {counted} killed"  # "number of people" would not tell the toll from the injured
        return f"number of {unit or 'people'} {named[0]}"
    if not named and all(_rescued(views[i], k) for i, k in group):
        return f"number of {unit or 'people'} rescued"  # "rescued 187 people" / "hauled 178 people from the sea"
    if all(_margin(views[i], k) for i, k in group):
        return "margin"  # "won the ward by 37 votes" / "won by 43 votes"
    done = _counted_deed(views, group)
    if done:
        return f"number of {unit or 'people'} {done}"  # "number of people arrested", not "number of people"
    topics = {percent_topic(views[i], k) for i, k in group}
    topic = topics.pop() if len(topics) == 1 else None
    if unit == "%":
        return topic or "percentage"
    return f"number of {unit or 'items'}"


MARGIN_BY = re.compile(r"\bby\s+(?:(?:fewer|less|more)\s+than\s+|(?:just|only|nearly|almost|about|around|some|over|under)\s+)?$", re.I)


def _margin(v: ClaimView, k: int) -> bool:
    """True for a figure given after "by" in a clause of winning ("won the ward by 37 votes")."""
    at = _in_claim(v.claim, v.numbers[k][0])
    pattern = lexicons.margin_pattern()
    return at > 0 and pattern is not None and bool(MARGIN_BY.search(v.claim.text[max(0, at - 30):at])) \
        and bool(pattern.search(v.claim.text[:at]))


def _counted_deed(views: list[ClaimView], group: list[tuple[int, int]]) -> str | None:
    """The event every count of a group is told with, by the words around each figure ("120 people were
    arrested", "Dozens of people have been detained": data/compare/event_verbs.txt), as the participle
    its family is named by first ("arrested"); None when they tell no one family or it has no such word."""
    families = None
    for i, k in group:
        found = event_families(views[i].number_windows[k]) or event_families(views[i].number_clauses[k])
        families = found if families is None else families & found
        if not families:
            return None
    first = {family: form for form, family in reversed(list(lexicons.event_verbs().items()))}
    named = sorted(first[f] for f in families if re.fullmatch(r"[a-z]+ed", first.get(f, "")))
    return named[0] if len(named) == 1 else None


def _topic_name(topic: str) -> str:
    """A money topic as a reader names it: "profit operating" -> "operating profit", "cost schools"
    (spending on schools) -> "cost of schools"."""
    head, _, rest = topic.partition(" ")
    if not rest:
        return head
    return f"{rest} {head}" if rest in lexicons.money_qualifiers() else f"{head} of {rest}"


def _published_at(published: str | None) -> dt.datetime | None:
    """A publication time comparable across articles (a time without a zone is read as UTC)."""
    try:
        at = dt.datetime.fromisoformat(published) if published else None
    except ValueError:
        return None
    if at is None:
        return None
    return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)


def rising_order(views: list[ClaimView], group: list[tuple[int, int]], published: dict[str, str | None]) -> list[str] | None:
    """The group's figures in the order their articles were published, when they rose with it: every
    article gives one figure, a later article never a lower one, three figures at least at three
    times at least ("at least 38" on Tuesday morning, 41 that afternoon, 52 on Wednesday, 61 on
    Thursday). The article ids in publication order, or None."""
    if any(views[i].numbers[k][0].kind == "measure" for i, k in group):
        return None  # a measure (a magnitude) is measured, not updated: its bodies differ, not its times
    figure: dict[str, set[float]] = defaultdict(set)
    for i, k in group:
        mention, lo, hi, _ = views[i].numbers[k]
        figure[views[i].article_id].add(mention.value if mention.value is not None else lo if lo != -OPEN else hi)
    times = {a: _published_at(published.get(a)) for a in figure}
    if len(figure) < 2 or any(len(f) != 1 for f in figure.values()) or any(t is None for t in times.values()):
        return None
    ordered = sorted(figure, key=lambda a: (times[a], a))
    values = [next(iter(figure[a])) for a in ordered]
    # Two figures differing is a disagreement or a bound kept; a rise shows in three figures at three times at least.
    if len(set(values)) < 3 or len(set(times.values())) < 3:
        return None
    for x, a in enumerate(ordered):
        for b in ordered[x + 1:]:
            if times[b] > times[a] and values[ordered.index(b)] < values[x]:
                return None
            if times[b] == times[a] and values[ordered.index(b)] != values[x]:
                return None
    return ordered if values[-1] > values[0] else None


def rising_counts(al: Alignment, groups: list[list[tuple[int, int]]], published: dict[str, str | None]) -> list[Conflict]:
    """Counts of one thing that differ without contradicting each other (every bound admits the
    others) and rose with publication time: a toll updated across reports. Told in the summary,
    not as a conflict (a bound that another value satisfies is none); one position per article,
    in publication order, with trend "rising"."""
    views = al.views
    rises = []
    for group in groups:
        ranges = {(views[i].numbers[k][1], views[i].numbers[k][2]) for i, k in group}
        if len(ranges) < 2 or any(not intervals_overlap(x, y) for x in ranges for y in ranges):
            continue
        order = rising_order(views, group, published)
        if order is None:
            continue
        by_article = {views[i].article_id: (views[i], " ".join(views[i].numbers[k][0].text.split())) for i, k in group}
        positions = [_position(by_article[a][1], [by_article[a][0]]) for a in order]
        rises.append(_conflict("number", _count_about(views, group), positions).model_copy(update={"trend": "rising"}))
    return rises


def _with_bound(v: ClaimView, mention, value: str, lo: float, hi: float) -> str:
    """A side's figure with the bound or approximator its sentence writes before it ("At least eleven
    people" -> "at least eleven people"), when the figure is a bound or window and its printed phrase
    lacks the words (a figure in words: "eleven people"): the side says what its report said."""
    if lo == hi:
        return value
    phrases = lexicons.bound_phrases() + sorted(lexicons.approximators(), key=len, reverse=True)
    if any(re.match(rf"{re.escape(p)}\s", value, re.I) for p in phrases):
        return value
    at = _in_claim(v.claim, mention)
    if at <= 0:
        return value
    before = v.claim.text[max(0, at - 30):at]
    for phrase in phrases:
        m = re.search(rf"(?<![\w-]){re.escape(phrase)}\s+$", before, re.I)
        if m:
            return f"{' '.join(before[m.start():].split()).lower()} {value}"
    return value


def _rounded_from(mention, lo: float, hi: float) -> tuple[float, float]:
    """The values an exact percentage or amount may be rounded from: half its last written digit
    either way ("8%" is 8.1% rounded, "£310m" is not £301m); a count of things is exact as written."""
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", mention.text)
    if mention.kind not in {"percent", "money", "measure"} or lo != hi or mention.value is None or not digits:
        return lo, hi
    written = float(digits.group(0).replace(",", ""))
    if not written:
        return lo, hi
    # "$4.2bn": half of 0.1 billion, less a little, so that neighbours ("6.1" / "6.2") stay apart
    # under intervals_overlap's tolerance
    half = 0.49 * 10 ** -len(digits.group(1) or "") * mention.value / written
    return lo - half, hi + half


def _written_decimals(mention) -> int:
    """How many decimals a figure is written with ("4.75%": 2, "5%": 0, "a quarter point": 2 as 0.25)."""
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", mention.text)
    if digits:
        return len(digits.group(1) or "")
    return len(repr(float(mention.value)).split(".")[1].rstrip("0")) if mention.value is not None else 0


AT_LEAST_BEFORE = re.compile(r"\bat\s+least\s+$", re.I)


def _core(number: tuple) -> tuple[float, float]:
    """The range of a figure without the slack of its approximator: (140, 140) for "some 140" (read
    119-161), its own range for an exact figure or a bound."""
    mention, lo, hi, _ = number
    if mention.value is not None and math.isfinite(lo) and math.isfinite(hi) and lo < hi and lo <= mention.value <= hi:
        return (mention.value, mention.value)
    return (lo, hi)


def number_conflicts(al: Alignment, pairs: list[tuple[int, int]], groups: list[list[tuple[int, int]]] | None = None,
                     published: dict[str, str | None] | None = None) -> list[Conflict]:
    """Counts of one thing (`count_groups`) whose ranges cannot all hold; trend "rising" when the
    figures rose with their articles' publication times (`published`: article id -> ISO time)."""
    views = al.views
    conflicts = []
    for group in count_groups(al, pairs) if groups is None else groups:
        ranges = {(views[i].numbers[k][1], views[i].numbers[k][2]) for i, k in group}
        cores = {_core(views[i].numbers[k]) for i, k in group}
        if not any(not intervals_overlap(x, y) for x in ranges for y in ranges) and not any(
                not intervals_overlap(x, y) for x in cores for y in ranges if not all(map(math.isfinite, y))):
            continue
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        bounds: dict[str, tuple[float, float]] = {}
        side_of: dict[tuple[float, float, float | str], str] = {}
        written: list[tuple[str, tuple[float, float, str]]] = []
        for i, k in group:
            mention, lo, hi, _ = views[i].numbers[k]
            value = _with_bound(views[i], mention, " ".join(mention.text.split()), lo, hi)
            if mention.unit == "%" and not re.search(r"%|per ?cent", value):
                value += "%"  # "31%" comes as "31" with the unit apart
            # "$52" / "52 dollars", "25%" / "25 percent", "£310m" / "310 million pounds": one figure however written
            written.append((value, (lo, hi, mention.value if mention.value is not None else value.split()[0])))
        # One figure written with another word for its unit ("27 ships", "27 vessels") is one side,
        # named as first written with its unit ("62 people" rather than the bare "62" of "62 of the thugs").
        for value, key in written:
            if key not in side_of or len(side_of[key].split()) < 2 <= len(value.split()):
                side_of[key] = value
        given_by: dict[int, set[tuple[float, float]]] = defaultdict(set)  # a claim -> the ranges of its figures
        rounded: dict[str, tuple[float, float]] = {}
        core: dict[str, tuple[float, float]] = {}
        decimals: dict[str, int] = {}
        for (i, k), (_, key) in zip(group, written):
            lo, hi = views[i].numbers[k][1:3]
            value = side_of[key]
            by_value[value].append(views[i])
            bounds[value] = (lo, hi)
            core[value] = _core(views[i].numbers[k])
            rounded[value] = _rounded_from(views[i].numbers[k][0], lo, hi)
            decimals[value] = _written_decimals(views[i].numbers[k][0])
            given_by[i].add((lo, hi))
            # Its other figures of the kind count too when another report gives that very figure for
            # this quantity: "whose 12 deputies could give it a majority of 110 seats" gives the 12
            # others write as "12 seats" beside the 110, so its 110 counts another thing, not the 12
            # seats again. Any other figure would be too much: "32 died and 45 were rescued" must not
            # make 32 and "more than 40" dead two quantities.
            given_by[i].update((n[1], n[2]) for x, n in enumerate(views[i].numbers)
                               if n[0].kind == views[i].numbers[k][0].kind and (n[1], n[2]) in ranges and not _threshold(views[i], x))

        def disagree(x: str, y: str) -> bool:
            # Two figures one sentence gives ("offered 4.5% against the demand of 9%") are two
            # quantities, not two values of one: figures given together never disagree, however
            # another report writes them ("£1.1bn to £1.2bn, down from £1.3bn" / "£1.3 billion";
            # "21 million customers and about 31,000 people" / "about 21 million customers").
            # Rounding is the slack of an exact figure against another exact one; against an
            # approximation ("roughly 1.8 billion" beside "$2.1bn") the window already is the slack.
            # A figure is rounded by one written digit ("8%" from 8.1%), not by two: "5%" is no
            # rounding of a rate of "4.75%", set in quarter points.
            exact_x, exact_y = bounds[x][0] == bounds[x][1], bounds[y][0] == bounds[y][1]
            # Only the coarser figure is read as rounded: "4%" may be 4.4% rounded, but "4.5%" is no
            # rounding of 4.46% when set against "4%" (which would make the two agree).
            rx = rounded[x] if exact_y and 0 <= decimals[y] - decimals[x] <= 1 else bounds[x]
            ry = rounded[y] if exact_x and 0 <= decimals[x] - decimals[y] <= 1 else bounds[y]
            # An approximation against an open bound ("some 140" / "more than 150"): the bound is
            # met or not by the figure written, not by the slack read around it (119-161), which would
            # let any bound near the figure pass; "nearly 200" meets "more than 150".
            if not all(map(math.isfinite, ry)):
                rx = core[x]
            if not all(map(math.isfinite, rx)):
                ry = core[y]
            # An open bound given beside a figure ("an initial £35m, rising to as much as £41m") is no
            # second quantity: any figure under it would match it.
            return not intervals_overlap(rx, ry) and not any(
                intervals_overlap(a, bounds[x]) and intervals_overlap(b, bounds[y])
                for figures in given_by.values() for a in figures for b in figures if a != b and math.isfinite(sum(a + b))
            )

        ordered = sorted(by_value, key=lambda val: (bounds[val][0], bounds[val][1], val))
        # A bound every other value satisfies ("at least 30" beside 32 and "more than 40") takes
        # no side: it stays out of the positions, and its outlet is not set against anyone; so does
        # a figure that disagrees with none.
        ordered = [val for val in ordered if any(disagree(val, o) for o in ordered if o != val)]
        # An approximation that an exact figure satisfies ("nearly 40 percent" beside 38) sides
        # with that figure, not against it: its outlet joins the one exact side it admits, or no
        # side when it admits several ("about 40" beside 38 and 45). An open bound ("more than
        # 200" beside 230) stays a side of its own: it says less than the figure, not about it.
        exact = [val for val in ordered if bounds[val][0] == bounds[val][1]]
        for val in [val for val in ordered if bounds[val][0] != bounds[val][1] and math.isfinite(bounds[val][0]) and math.isfinite(bounds[val][1])]:
            admitted = [o for o in exact if not disagree(val, o)]
            if admitted:
                ordered.remove(val)
                if len(admitted) == 1:
                    by_value[admitted[0]].extend(v for v in by_value[val] if v not in by_value[admitted[0]])
        # "At least seven people were killed" beside "seven of its members had been killed": the bound
        # says that very figure and no more, so its outlet sides with it ("more than seven" would not).
        figure_at = {side_of[key]: (i, k) for (i, k), (_, key) in zip(group, written)}
        for val in [val for val in ordered if math.isfinite(bounds[val][0]) and not math.isfinite(bounds[val][1])]:
            i, k = figure_at[val]
            at = _in_claim(views[i].claim, views[i].numbers[k][0])
            same = [o for o in exact if bounds[o][0] == bounds[val][0]]
            if at > 0 and len(same) == 1 and AT_LEAST_BEFORE.search(views[i].claim.text[max(0, at - 20):at]):
                ordered.remove(val)
                by_value[same[0]].extend(v for v in by_value[val] if v not in by_value[same[0]])
        if len(ordered) < 2 or not any(disagree(x, y) for x in ordered for y in ordered if x != y):
            continue
        conflict = _conflict("number", _count_about(views, group), [_position(val, by_value[val]) for val in ordered])
        # The sentence tells its sides in order: "rising" only when three sides at least rose in publication order.
        if published is not None and len(ordered) >= 3 and rising_order(views, group, published) is not None:
            conflict = conflict.model_copy(update={"trend": "rising"})
        conflicts.append(conflict)
    return conflicts


# --------------------------------------------------------------------------- lengths of time


# A length in days, so that "18 months" and "a year and a half" compare; calendar units only.
LENGTH_DAYS = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0, "hour": 1 / 24}
BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|will|would|to|must|shall|could|may|might)\s+(?:(?:\w+ly|also|still|then|later|now|already|further|since)\s+)?$", re.I)
# Verbs whose subject holds the length ("X will serve twelve years", "X received eight years").
HOLDER_IS_SUBJECT = frozenset({"serve", "serves", "serving", "received", "receives", "receiving"})
FOR_HOLDER = re.compile(r"^\s+for\s+(?:the\s+)?", re.I)
POSSESSIVE_WORDS = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def _length_days(n) -> tuple[float, float] | None:
    unit = (n.unit or "").lower().removesuffix("s")
    per_day = LENGTH_DAYS.get(unit)
    lo, hi = (n.low, n.high) if (n.low is not None or n.high is not None) else (n.value, n.value)
    if per_day is None or (lo is None and hi is None):
        return None
    return (lo * per_day if lo is not None else -np.inf), (hi * per_day if hi is not None else np.inf)


def _actors_in(v: ClaimView, lo: int, hi: int, entities: dict[str, Entity]) -> list[tuple[int, str]]:
    """The people and organisations mentioned in v.claim.text[lo:hi], as (offset, entity id); a
    possessive ("his deputy", "the minister's nephew") names whose the holder is, not the holder."""
    c, found = v.claim, []
    for eid in v.entity_ids - v.source_entities:
        e = entities.get(eid)
        if e is None or e.type not in {"PERSON", "ORG"}:
            continue
        for m in e.mentions:
            if m.article_id != c.article_id or m.start is None or not (c.start + lo <= m.start < c.start + hi):
                continue
            at, end = m.start - c.start, (m.end if m.end is not None else m.start + len(m.text)) - c.start
            if m.text.lower() in POSSESSIVE_WORDS or re.match(r"['’]s\b", c.text[end:end + 2]):
                continue
            found.append((at, eid))
    return found


# Between a length and the noun it is the term of: "-long", "of", or one word ("a four-year prison sentence").
TERM_GAP = re.compile(r"(?:-long)?\s*(?:of\s+)?")
ONE_WORD = re.compile(r"[a-z]+\s+")


def _term_noun(text: str, end: int, nouns: re.Pattern[str] | None) -> re.Match | None:
    """The noun of data/compare/length_nouns.txt right after a length that ends at `end`, or one word on."""
    if nouns is None:
        return None
    at = end + len(TERM_GAP.match(text, end).group(0))
    found = nouns.match(text, at)
    if found is None and (word := ONE_WORD.match(text, at)):
        found = nouns.match(text, word.end())
    return found


def lengths_in(v: ClaimView, entities: dict[str, Entity]) -> list[tuple[str, str, str, tuple[float, float], NumberMention]]:
    """The lengths of time a claim ties to a holder through an act (data/compare/length_acts.txt):
    (holder entity id, act family, what the length is called, its range in days, the mention).

    The act's verb stands before the length in its sentence, at most ten words before it, with no
    other length between ("was sentenced on Thursday to 11 years"). The holder is the person or
    organisation between the verb and the length ("jailed X for 12 years"), else the one the length
    is "for" ("asked for 15 years for the former minister"), else, for a passive or a verb whose
    subject holds it ("X was sentenced", "X will serve"), the one nearest before the verb. A length
    with no holder or no act is left out: it is compared with nothing.
    """
    text = v.claim.text
    acts = lexicons.length_acts()
    pattern = lexicons.words_pattern(list(acts))
    nouns = lexicons.length_nouns()
    noun_pattern = lexicons.words_pattern(list(nouns))
    found = []
    durations = [n for n in v.claim.numbers if n.kind == "duration"]
    for n in durations:
        days = _length_days(n)
        at = n.start - v.claim.start if n.start is not None and 0 <= n.start - v.claim.start < len(text) else text.find(n.text)
        if days is None or at < 0 or pattern is None:
            continue
        # "a five-year contract", "a four-year prison sentence": the noun after the length names its act,
        # and its holder is the person or organisation nearest before it ("Okafor signed ...").
        term = _term_noun(text, at + len(n.text), noun_pattern)
        if term is not None:
            holders = sorted(_actors_in(v, 0, at, entities), key=lambda h: -h[0])
            if holders:
                family, called = nouns[term.group(0).lower()]
                found.append((holders[0][1], family, called, days, n))
            continue
        verbs = [m for m in pattern.finditer(text[:at]) if len(text[m.end():at].split()) <= 10 and not re.search(r"[;:.!?]", text[m.end():at])]
        if not verbs:
            continue
        verb = verbs[-1]
        if any(o is not n and o.start is not None and verb.end() <= o.start - v.claim.start < at for o in durations):
            continue
        family, called = acts[verb.group(0).lower()]
        holders = sorted(_actors_in(v, verb.end(), at, entities))
        after = FOR_HOLDER.match(text[at + len(n.text):])
        if not holders and after:
            start = at + len(n.text) + after.end()
            holders = [h for h in sorted(_actors_in(v, start, start + 60, entities)) if h[0] == start or text[start:h[0]].count(" ") <= 2][:1]
        if not holders and (BE_BEFORE.search(text[:verb.start()]) or verb.group(0).lower() in HOLDER_IS_SUBJECT):
            holders = sorted(_actors_in(v, 0, verb.start(), entities), key=lambda h: -h[0])
        if holders:
            found.append((holders[0][1], family, called, days, n))
    return found


def length_conflicts(al: Alignment, entities: list[Entity] | None = None, max_days: int = 14) -> list[Conflict]:
    """Lengths of time given one holder through one act whose ranges cannot both hold ("sentenced
    to 12 years" / "jailed for 11 years"), from different sources.

    Only a length tied to the same person or organisation by the same act is compared: the term
    prosecutors asked for is another act than the term the court gave, and a nephew's sentence
    another holder's than the minister's (`lengths_in`). Reports whose event dates lie far apart
    tell different occasions ("jailed for two years in 2015") and are not compared.
    """
    views = al.views
    by_id = {e.id: e for e in entities or []}
    by_key: dict[tuple[str, str], list[tuple[ClaimView, tuple[float, float], NumberMention, str]]] = defaultdict(list)
    for v in views:
        for holder, family, called, days, n in lengths_in(v, by_id):
            by_key[(holder, family)].append((v, days, n, called))
    conflicts = []
    for (holder, family), found in sorted(by_key.items()):
        if len({v.source for v, *_ in found}) < 2:
            continue
        dated = [_day(d.value or "") for v, *_ in found for d in v.event_dates]
        dated = [d for d in dated if d]
        if dated and (max(dated) - min(dated)).days > max_days:
            continue
        # One side per range, however it is written ("12 years" / "twelve years"): named by the words most of its reports use.
        sides: dict[tuple[float, float], list[tuple[ClaimView, str]]] = defaultdict(list)
        for v, days, n, _ in found:
            sides[days].append((v, " ".join(n.text.split())))
        ranges = sorted(sides)
        if all(intervals_overlap(x, y) for x in ranges for y in ranges):
            continue
        # A bound every other range satisfies takes no side (as for counts).
        ranges = [r for r in ranges if not all(intervals_overlap(r, o) for o in ranges if o != r)]
        positions = []
        for r in ranges:
            written = Counter(t for _, t in sides[r])
            value = min(written, key=lambda t: (-written[t], -len(t), t))
            positions.append(_position(value, [v for v, _ in sides[r]]))
        name = by_id[holder].name if holder in by_id else holder
        conflicts.append(_conflict("number", f"{found[0][3]} of {name}", positions))
    return conflicts + span_conflicts(al, entities)


# Cosine from which the words right around two lengths of time no one holds read as one span ("The blaze
# burned for 20 hours, fed by" / "which burned for 14 hours and destroyed about" 0.62; "The reservoir
# took nine hours to empty" / "reservoir emptied in six hours, leaving" 0.82).
SPAN_WINDOW_MIN_COS = 0.55
# ... or from which they do when they share a content word but the unit ("depot burned for 9 hours, fed
# by" / "which burned for 16 hours and destroyed two" 0.52).
SPAN_SHARED_MIN_COS = 0.45
SPAN_LEAD = re.compile(r"^(?:which|that|who|and|but|as)\b\s*", re.I)
SPAN_TAIL = re.compile(r"\s+(?:for|in|within|after|over|about|some|nearly|almost|more than|less than|at least|just|only|around)\s*$", re.I)


def _span_name(text: str, at: int, written: str) -> str:
    """The words of a length's clause before it, as they name what lasted: "The blaze burned" for "The
    blaze burned for 20 hours, fed by ...", "" for a clause that begins at a relative word ("which burned")."""
    clause = clause_at(text, at)
    cut = clause.find(written)
    before = clause[:cut] if cut > 0 else ""
    while (trimmed := SPAN_TAIL.sub("", before)) != before:
        before = trimmed
    return "" if SPAN_LEAD.match(before) else before.strip(" ,")


def span_conflicts(al: Alignment, entities: list[Entity] | None = None) -> list[Conflict]:
    """Lengths of time no person or organisation holds ("The blaze burned for 20 hours" / "the blaze,
    which burned for 14 hours"; "The reservoir emptied in six hours" / "took nine hours to empty"),
    whose ranges cannot both hold, from different sources.

    `lengths_in` compares only a length tied to a holder through an act; a fire's or a flood's length has
    none. Two such lengths are of one span when their sentences read alike (related_min_cos), each sentence
    gives that one length, and the words right around the two read alike. A bound every other side
    satisfies ("after more than half a day") takes no side."""
    views = al.views
    by_id = {e.id: e for e in entities or []}
    spans: dict[int, tuple[NumberMention, tuple[float, float], str]] = {}
    for v in views:
        durations = [n for n in v.claim.numbers if n.kind == "duration"]
        if len(durations) != 1 or lengths_in(v, by_id):
            continue
        n = durations[0]
        days = _length_days(n)
        at = _in_claim(v.claim, n)
        if days is None or at < 0:
            continue
        spans[v.index] = (n, days, word_window(v.claim.text, at, at + len(n.text), 3))
    held = sorted(spans)
    sims = al.rows(held)[:, held] if held else np.zeros((0, 0))
    candidates = [(i, j) for x, i in enumerate(held) for y, j in enumerate(held)
                  if x < y and views[i].source != views[j].source and sims[x, y] >= al.settings.related_min_cos]
    al.vectors.encode(t for i, j in candidates for t in (spans[i][2], spans[j][2]))
    union = UnionFind()
    def words(i: int) -> set[str]:  # the window's content words but the unit's ("burned" of "burned for 9 hours")
        return set(content_stems(spans[i][2])) - set(content_stems(spans[i][0].text))

    for i, j in candidates:
        cos = float(al.vectors[spans[i][2]] @ al.vectors[spans[j][2]])
        if cos >= SPAN_WINDOW_MIN_COS or (cos >= SPAN_SHARED_MIN_COS and words(i) & words(j)):
            union.union(i, j)
    conflicts = []
    for group in union.groups():
        if len({views[i].source for i in group}) < 2:
            continue
        sides: dict[tuple[float, float], list[int]] = defaultdict(list)
        for i in group:
            sides[spans[i][1]].append(i)
        ranges = sorted(sides)
        if all(intervals_overlap(x, y) for x in ranges for y in ranges):
            continue
        ranges = [r for r in ranges if not all(intervals_overlap(r, o) for o in ranges if o != r)]
        if len(ranges) < 2:
            continue
        positions = []
        for r in ranges:
            written = Counter(" ".join(spans[i][0].text.split()) for i in sides[r])
            value = min(written, key=lambda t: (-written[t], -len(t), t))
            positions.append(_position(value, [views[i] for i in sides[r]]))
        names = [_span_name(views[i].claim.text, _in_claim(views[i].claim, spans[i][0]), spans[i][0].text) for r in ranges for i in sides[r]]
        name = max((x for x in names if x), key=lambda x: (names.count(x), len(x)), default="")
        if re.match(r"(?:The|A|An|Its|Their)\s", name):
            name = name[0].lower() + name[1:]
        conflicts.append(_conflict("number", f"how long {name}" if name else "length of time", positions))
    return conflicts


# --------------------------------------------------------------------------- dates


WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


RELATIVE_START = re.compile(r"^(?:which|who|that|where|when|whose)\b", re.I)


def _date_about(clauses: list[tuple[str, str]], by_value: dict[str, list[ClaimView]], side_of: dict[str, str] | None = None) -> str:
    """Name a date conflict's event by the shortest of its (clause, value) pairs' clauses ("A container
    ship ran aground ... on Wednesday"), taken from the side most sources give: one outlet's wording
    (its count, its labels) does not name the event. `side_of` maps a clause's value to its side in
    `by_value` when they differ ("2031-05-06 (Tuesday)" is on the side "2031-05-06 (on Tuesday)")."""
    sources_of = {val: len({v.source for v in vs}) for val, vs in by_value.items()}
    side_of = side_of or {}
    # A relative clause ("which started late on Saturday near X"), or a clause cut from its subject ("was
    # sentenced on Thursday to ..."), names the event only after a whole main one.
    first, value = min(clauses, key=lambda cv: (-sources_of[side_of.get(cv[1], cv[1])], bool(RELATIVE_START.match(cv[0])),
                                                strip_dateline(cv[0])[:1].islower(), len(cv[0]), cv[0]))
    # A wire dateline left at the head of the clause ("Dastrova (Agency) - A ferry ...") is no part of the event's name.
    figures = {" ".join(n[0].text.split()) for vs in by_value.values() for v in vs for n in v.numbers}
    return "date of: " + _clip(_without_figures(_without_date_words(strip_dateline(first), value), figures), 14)


def _without_figures(clause: str, figures: set[str]) -> str:
    """The clause without the figures its reports give after "by", "to" or "from" ("raised its rate by
    a quarter point to 4.75%" -> "raised its rate"): a figure may be in dispute, and names no side of it
    in the event's name; a figure the clause cannot be told without ("a ferry carrying 300 people") stays."""
    for figure in sorted(figures, key=len, reverse=True):
        clause = re.sub(r"\s+(?:by|to|from)\s+" + re.escape(figure) + r"(?![\w-])", "", clause, flags=re.I)
    return clause


def _without_date_words(clause: str, value: str) -> str:
    """The clause without the date its side gives ("collapsed on Tuesday at the mine" -> "collapsed
    at the mine"): the event is in dispute by its date, so its name gives neither side's."""
    rest = without_date_words(clause, Position(value=value, article_ids=[]).written())
    if rest is not None:
        # "will walk out from 24 March after a ballot" -> "will walk out after a ballot", not "... from after ..."
        rest = DANGLING_BEFORE.sub("", rest)
    return rest if rest is not None and len(rest.split()) >= 3 else clause


# A preposition the date was the object of, left before another linking word or the clause's end.
DANGLING_BEFORE = re.compile(r"\s+(?:from|since|starting|beginning|until|as\s+of)(?=\s+(?:after|before|when|while|and|but|as)\b|\s*[,.;]|\s*$)", re.I)


def _named_weekdays(v: ClaimView) -> list[tuple[str, DateMention, bool]]:
    """The event dates of a claim said by weekday: (weekday, mention, resolved?).

    A weekday in an article without a publication date stays unresolved (never guessed),
    but "on Sunday" and "on Monday" for one event still disagree on their face.
    """
    named = []
    for d in v.claim.dates:
        m = WEEKDAY.search(d.text)
        if m is None or d.kind == "duration" or is_report_date(v.claim, d) or _is_deadline(v, d):
            continue
        named.append((m.group(1), d, bool(d.value)))
    return named


def weekday_conflicts(al: Alignment, pairs: list[tuple[int, int]]) -> list[Conflict]:
    """One event given different weekdays where at least one side could not be dated.

    `date_conflicts` compares resolved dates; this pass covers the rest. The two sentences
    must share an actor and the clauses around the two days must read alike ("the dam gave
    way on Monday night" / "the wall of the reservoir collapsed on Sunday"); whole sentences
    attributed to different people may differ in everything else.
    """
    views, s = al.views, al.settings
    candidates: list[tuple[int, int, tuple[str, DateMention], tuple[str, DateMention]]] = []
    for i, j in pairs:
        v, w = views[i], views[j]
        days_v, days_w = _named_weekdays(v), _named_weekdays(w)
        if len(days_v) != 1 or len(days_w) != 1:
            continue  # with two weekdays in a sentence, which one dates the event is a guess
        (day_v, d_v, known_v), (day_w, d_w, known_w) = days_v[0], days_w[0]
        if day_v == day_w or (known_v and known_w) or not _shares_actor(v, w):
            continue
        candidates.append((i, j, (day_v, d_v), (day_w, d_w)))
    if not candidates:
        return []
    clauses = {(k, d.text): clause_at(views[k].claim.text, max(views[k].claim.text.find(d.text), 0))
               for a, b, (_, d_a), (_, d_b) in candidates for k, d in ((a, d_a), (b, d_b))}
    al.vectors.encode(clauses.values())
    union = UnionFind()
    day_of: dict[int, tuple[str, DateMention]] = {}
    for i, j, day_i, day_j in candidates:
        if float(al.vectors[clauses[(i, day_i[1].text)]] @ al.vectors[clauses[(j, day_j[1].text)]]) >= s.anchor_clause_min_cos:
            union.union(i, j)
            day_of[i], day_of[j] = day_i, day_j
    conflicts = []
    for group in union.groups():
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        for i in group:
            day, d = day_of[i]
            by_value[day].append(views[i])
        if len(by_value) < 2:
            continue
        if any(_clock(day_of[i][1]) for i in group):
            _complete_weekday_sides(al, group, day_of, by_value)
        about = _date_about([(clauses[(i, day_of[i][1].text)], day_of[i][0]) for i in group], by_value)
        conflicts.append(_conflict("date", about, [_position(day, by_value[day]) for day in sorted(by_value)]))
    return conflicts


def _clock(d: DateMention) -> bool:
    """True when a date mention gives a clock time ("shortly before midnight on Saturday": 24:00)."""
    return bool(d.time and re.fullmatch(r"\d\d:\d\d", d.time))


def _complete_weekday_sides(al: Alignment, group: list[int], day_of: dict[int, tuple[str, DateMention]], by_value: dict[str, list[ClaimView]]) -> None:
    """Add to each weekday side of a conflict over a clock-timed event every other report that gives
    that weekday with a clock time in a sentence reading like one of the side's (as
    `_complete_timed_sides` does for dated sides): an outlet telling both accounts stands on both sides."""
    views, s = al.views, al.settings
    members = {views[i].index for i in group}
    for day, side in by_value.items():
        rows = [i for i in group if day_of[i][0] == day]
        for v in views:
            if v.index in members or v in side:
                continue
            if any(named == day and _clock(d) for named, d, _ in _named_weekdays(v)) \
                    and any(float(al.embeddings[v.index] @ al.embeddings[i]) >= s.anchor_clause_min_cos for i in rows):
                side.append(v)


def merge_weekday_conflicts(dated: list[Conflict], weekdays: list[Conflict]) -> list[Conflict]:
    """Date conflicts (`date_conflicts`) and weekday ones (`weekday_conflicts`) as one list, a weekday
    conflict told once: when a date conflict shares an article with it and has a side on each of its
    weekdays ("2027-06-09 (on Wednesday)" for "Wednesday"), it is that disagreement again (one report
    could not be dated), and its reports join the date conflict's sides of their weekday."""
    merged = list(dated)
    untold = []
    for wk in weekdays:
        target = None
        for x, d in enumerate(merged):
            if not {a for p in wk.positions for a in p.article_ids} & {a for p in d.positions for a in p.article_ids}:
                continue
            day_side = {}
            for p in d.positions:
                day = _day(p.value)
                if day is not None:
                    day_side.setdefault(day.strftime("%A"), p)
            if all(p.value in day_side for p in wk.positions):
                target = (x, day_side)
                break
        if target is None:
            untold.append(wk)
            continue
        x, day_side = target
        joined = {id(day_side[p.value]): p for p in wk.positions}
        positions = []
        for p in merged[x].positions:
            extra = joined.get(id(p))
            if extra is not None:
                p = Position(value=p.value, article_ids=list(dict.fromkeys([*p.article_ids, *extra.article_ids])),
                             evidence=[*p.evidence, *(e for e in extra.evidence if e not in p.evidence)])
            positions.append(p)
        merged[x] = _conflict(merged[x].kind, merged[x].about, positions)
    return merged + untold


# Cosine from which two date clauses read alike without their names and dates: "raised the alert
# level for Mount Harn to orange on March 2" / "Mount Harn erupted late on Tuesday" read 0.57 alike
# whole (the name carries it) and 0.17 without; one event's clauses read 0.37-0.75 without
# ("resigned" / "quit her post" 0.37, "surrendered 23 bronzes to" / "handed 27 bronzes to" 0.67).
NAMELESS_CLAUSE_MIN_COS = 0.35


def _alike_without_names(clause1: str, clause2: str, al: Alignment) -> bool:
    """True when two date clauses still read alike without their capitalised words (names, weekdays,
    months): a shared name alone does not make two events one (N-eruption: the alert and the eruption)."""
    x, y = _without_names(clause1), _without_names(clause2)
    if not x or not y:
        return True
    al.vectors.encode([x, y])
    return float(al.vectors[x] @ al.vectors[y]) >= NAMELESS_CLAUSE_MIN_COS


MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)")
NEARBY_MONTHS = 3


def _nearby_months(value1: str, value2: str) -> bool:
    """True for two different months no more than NEARBY_MONTHS apart, each a date's whole value
    ("in June" / "in July" of one event): a month is the day of an event told at that precision."""
    m1, m2 = MONTH_VALUE.fullmatch(value1), MONTH_VALUE.fullmatch(value2)
    if not (m1 and m2):
        return False
    months = [int(m.group(1)) * 12 + int(m.group(2)) for m in (m1, m2)]
    return 0 < abs(months[0] - months[1]) <= NEARBY_MONTHS


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _still_going_later(clause1: str, d1: DateMention, clause2: str, d2: DateMention) -> bool:
    """True when the later of two days is given for something still going on then ("ships
    continued to queue on Tuesday", "the plant remained shut on Tuesday"): that agrees with a
    start on the earlier day ("walked out on Monday"), so the two days are no conflict."""
    x, y = _day(d1.value or ""), _day(d2.value or "")
    if not x or not y or x == y:
        return False
    later = clause2 if y > x else clause1
    return bool(lexicons.continuation_pattern().search(later))


def _shares_actor_spelled(v: ClaimView, w: ClaimView, al: Alignment, spelled: dict[int, frozenset[str]]) -> bool:
    """_shares_actor, or the two claims name one entity however each spells it ("near Ash Bridge" /
    "near Ashbridge", where the understanding stage found only the one spelling an entity)."""
    if _shares_actor(v, w):
        return True
    return bool((_named_in(v, al, spelled) - v.source_entities) & (_named_in(w, al, spelled) - w.source_entities))


def _named_in(v: ClaimView, al: Alignment, spelled: dict[int, frozenset[str]]) -> frozenset[str]:
    """The entities a claim names: linked by the understanding stage, or written in another spelling
    (`spelled` keeps each claim's spellings once read)."""
    if v.index not in spelled:
        spelled[v.index] = names_spelled_in(v.claim.text, al.names)
    return v.entity_ids | spelled[v.index]


def _doers(v: ClaimView, names: dict[str, frozenset[str]]) -> frozenset[str]:
    """The entities named in the subject of an unattributed claim: who did what it tells ("Pellaria on
    Monday halted imports"). Empty for a claim someone is said to have made, whose subject is often
    the speaker ("..., Oyelaran said"). The subject's words are read against the entities' names too,
    for a subject the understanding stage did not link ("The Medicines and Devices Regulatory Authority")."""
    if v.claim.attributed_to or v.content or v.speaker or not v.claim.subject:
        return frozenset()
    subject = v.claim.subject.casefold()
    spelled = {e for e, spellings in names.items()
               # The plain substring test first: the story's hundreds of names give more patterns than
               # the re module caches, so a search compiled its pattern anew for every claim and name.
               if any(len(n) >= 4 and n.casefold() in subject and re.search(r"(?<!\w)" + re.escape(n.casefold()) + r"(?!\w)", subject)
                      for n in spellings)}
    return v.subject_entities | frozenset(spelled)


def _different_doers(v: ClaimView, w: ClaimView, al: Alignment, spelled: dict[int, frozenset[str]]) -> bool:
    """Each claim's doer is named and the other claim never names it ("Pellaria on Monday halted
    imports of the drug" / "The regulator ordered sales of the drug halted on Tuesday"): two actors'
    acts about one thing, two events, whose days are no conflict."""
    doers_v, doers_w = _doers(v, al.names), _doers(w, al.names)
    if not doers_v or not doers_w:
        return False
    return not doers_v & _named_in(w, al, spelled) and not doers_w & _named_in(v, al, spelled)


DEADLINE_BEFORE = re.compile(r"\b(?:by|no later than|not later than|in time for)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


def _is_deadline(v: ClaimView, d: DateMention) -> bool:
    """True when a date is a deadline ("must deliver its report by Monday"): when something is due, not
    when it happened, and no side against the day another report gives an event ("will meet on Friday")."""
    at = _in_claim(v.claim, d)
    return at > 0 and bool(DEADLINE_BEFORE.search(v.claim.text[max(0, at - 30):at])) or bool(re.match(r"(?:by|no later than)\s", d.text, re.I))


SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)


def _is_since(v: ClaimView, d: DateMention) -> bool:
    """True when a date starts something still going on when told ("protesters who had occupied the mill
    since Monday"): when a state began, no side against the day another report gives a deed that ended
    it ("police removed the workers on Wednesday"); it meets only another such start."""
    at = _in_claim(v.claim, d)
    return at > 0 and bool(SINCE_BEFORE.search(v.claim.text[max(0, at - 12):at])) or bool(re.match(r"(?:ever\s+)?since\s", d.text, re.I))


def date_clauses(v: ClaimView) -> list[str]:
    """The clause each event date of a claim sits in, or the whole sentence for a clause that is its date
    alone ("Yesterday, shops on the square stayed shut" cut at its comma to "Yesterday"): two such clauses
    read alike whatever their sentences tell, and the word "yesterday" makes no two events one."""
    clauses = [_before_question(c, d) for c, d in zip(v.date_clauses, v.event_dates)] + list(v.date_clauses[len(v.event_dates):])
    if not any(_bare_date(c, d) for c, d in zip(clauses, v.event_dates)):
        return clauses
    return [v.claim.text if _bare_date(c, d) else c for c, d in zip(clauses, v.event_dates)]


# "ordered an inquiry into why the ferry lost power", "asked whether", "questions over how": an embedded
# question after a date; what it tells is asked about, not dated by the clause's date
QUESTION_AFTER = re.compile(r"\s(?:(?:into|over|about|on|of|as\s+to)\s+(?:why|how|whether)|why|whether)\b", re.I)


def _before_question(clause: str, d: DateMention) -> str:
    """A date's clause up to an embedded question that follows the date ("The scandal deepened on Friday as
    the ministry ordered an inquiry into why the ferry lost engine power" -> "... ordered an inquiry"): the
    Friday dates the inquiry; the event the question names is no event of that day."""
    at = clause.find(d.text)
    if at < 0:
        return clause
    m = QUESTION_AFTER.search(clause, at + len(d.text))
    return clause[:m.start()] if m else clause


def _asks_after_date(v: ClaimView, k: int) -> bool:
    """True when the claim's k-th event date is followed, in its clause, by an embedded question (`_before_question`)."""
    return k < len(v.date_clauses) and _before_question(v.date_clauses[k], v.event_dates[k]) != v.date_clauses[k]


def _bare_date(clause: str, d: DateMention) -> bool:
    rest = without_date_words(clause, d.text)
    return rest is not None and not re.search(r"[^\W\d_]", rest)


# A date told of a plan ("monitors will deploy on Sunday", "the court is due to rule on Monday"): when
# something is to happen, no side against the day another report says it happened.
PLANNED = re.compile(r"\b(?:will|would|shall)\b|['’]ll\b|\b(?:is|are|was|were)\s+(?:(?:due|set|scheduled|expected|planned|poised)\s+)?to\s+(?!blame\b)[a-z]"
                     r"|\b(?:plans?|planned|intends?|intended|aims?|going)\s+to\s+[a-z]", re.I)


def _other_kinds(part1: str, part2: str, v: ClaimView | None = None, w: ClaimView | None = None,
                 d1: DateMention | None = None, d2: DateMention | None = None) -> bool:
    """True when of two dates' own words (see _date_parts) one tells a plan and the other does not
    ("will deploy in the highlands on Sunday" / "On Sunday, the first monitors arrived"), or one tells
    the halt of an event and the other does not ("suspended the fuel price rise on Sunday" / "fuel
    prices rose on 1 October", data/compare/halt_words.txt), or one tells a figure's new level and
    the other does not ("the death toll rose to 27 on Wednesday" / "the earthquake struck on the
    14th": `_tells_new_level`): their days are of two events."""
    halt = lexicons.halt_pattern()
    if halt is not None and bool(halt.search(part1)) != bool(halt.search(part2)):
        return True
    if v is not None and w is not None and _tells_new_level(v, part1) != _tells_new_level(w, part2):
        return True
    # "voted to strike from 17 March" tells the plan of the strike, as "will walk out from 24 March" does
    plan1 = _planned(part1) or (v is not None and d1 is not None and _to_start_from(v, d1))
    plan2 = _planned(part2) or (w is not None and d2 is not None and _to_start_from(w, d2))
    return plan1 != plan2


# "voted to strike from 17 March", "agreed to cut prices starting 1 May": an action in the infinitive
# that the date, right after "from", says when it is to start: what was decided, not a deed done that day.
TO_START_FROM = re.compile(r"\bto\s+[a-z]+\b[^,;.]{0,60}?\s(?:from|starting|beginning|as\s+of|with\s+effect\s+from)\s+$", re.I)


def _to_start_from(v: ClaimView, d: DateMention) -> bool:
    """True when the date says from when an action in the infinitive is to start ("voted to strike from 17 March")."""
    at = _in_claim(v.claim, d)
    return at > 0 and bool(TO_START_FROM.search(v.claim.text[max(0, at - 120):at]))


def _planned(part: str) -> bool:
    """True when a date's own words tell a plan ("will deploy on Sunday") or a document or decision
    about an event ("the order to clear the camp was signed on Wednesday", data/compare/plan_nouns.txt)."""
    if PLANNED.search(part):
        return True
    nouns = _plan_nouns()
    return nouns is not None and bool(nouns.search(part))


@lru_cache(maxsize=1)
def _plan_nouns() -> re.Pattern[str] | None:
    nouns = lexicons.plan_nouns()
    return re.compile(r"(?<!\bin )\b(?:" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True))) + r")\s+to\s+(?!be\b)[a-z]+", re.I) if nouns else None


# "rose to 27", "has climbed to more than 300", "was raised to 4.75%": a change word, at most two words,
# "to" and (after an approximator) a figure of the claim.
NEW_LEVEL_TO = re.compile(r"(?:\s+[\w-]+){0,2}?\s+to\s+(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than|over|just\s+over)\s+)?$", re.I)


def _tells_new_level(v: ClaimView, part: str) -> bool:
    """True when a date's own words tell a figure reaching a new level ("the death toll ... rose to 27
    on Wednesday": a change word, data/compare/change_words.txt, then "to" and one of the claim's
    figures): the day dates the update of a count, not the event counted."""
    words = lexicons.words_pattern(lexicons.change_words())
    at = v.claim.text.find(part)
    if words is None or at < 0 or not v.claim.numbers:
        return False
    starts = [x - at for x in (_in_claim(v.claim, n) for n in v.claim.numbers) if x >= at]
    return any(NEW_LEVEL_TO.fullmatch(part[m.end():x]) for m in words.finditer(part) for x in starts if x > m.end())


def date_conflicts(al: Alignment, pairs: list[tuple[int, int]], max_days: int = 14) -> list[Conflict]:
    """One event dated on different nearby days by different reports (report dates left out)."""
    views, s = al.views, al.settings
    union = UnionFind()
    related = set(pairs)
    spelled: dict[int, frozenset[str]] = {}

    def nearby_days(d1, d2) -> bool:
        x, y = _day(d1.value or ""), _day(d2.value or "")
        if any(d.end and _day(d.end) and x and y and _day(d.value) <= day <= _day(d.end) for d, day in ((d1, y), (d2, x))):
            return False  # a day inside the other's span ("this week" / "on Thursday"): no conflict
        moments = (_moment(d1), _moment(d2))
        if moments[0] and moments[1]:
            # two clock times: one moment or two, whatever the days ("shortly before midnight on
            # Saturday" / "at 23:50 on Saturday" agree; "at 03:40 on Sunday" is another moment)
            return not _meet(*moments) and abs((x - y).days) <= max_days
        if not (x or y):
            return _nearby_months(d1.value or "", d2.value or "")
        return bool(x and y and x != y and abs((x - y).days) <= max_days)

    # Pairs with two nearby different days first (no other pair can join a conflict); the
    # reported words and clauses they need are then encoded in one batch.
    dated: list[tuple[int, int]] = []
    for i, j in sorted(related | set(_anchor_pairs(views, "event_dates"))):
        v, w = views[i], views[j]
        if not v.event_dates or not w.event_dates:
            continue
        if any(nearby_days(d1, d2) and _is_deadline(v, d1) == _is_deadline(w, d2) and _is_since(v, d1) == _is_since(w, d2)
               for d1 in v.event_dates for d2 in w.event_dates) \
                and _shares_actor_spelled(v, w, al, spelled) \
                and not _different_doers(v, w, al, spelled):
            dated.append((i, j))
    al.encode_contents(x for pair in dated for x in pair)
    # The whole sentences state one fact, or else only the dates whose clauses read alike
    # ("ran aground in the canal on Wednesday" / "..., which ran aground in the canal on Thursday").
    # Two people's words that differ can be the dispute itself when each gives a clock time of one event
    # ("relatives said the trawler had asked for help shortly before midnight on Saturday" / "the coast
    # guard said it received the first distress call at 3.40am on Sunday"): only their alike clauses count.
    spoken = {(i, j) for i, j in dated if _different_statements(views[i], views[j], al)}
    dated = [(i, j) for i, j in dated if (i, j) not in spoken or _timed(views[i]) and _timed(views[j])]
    al.vectors.encode(t for i, j in dated for t in (*date_clauses(views[i]), *date_clauses(views[j])))
    for i, j in dated:
        v, w = views[i], views[j]
        # A sentence of several statements joined by semicolons ("Here is a summary of the day: X erupted
        # on Tuesday; 3,000 people have been evacuated ...") matches another as a whole by any one of
        # them: that says nothing of which statement its date dates.
        whole = (i, j) in related and (i, j) not in spoken and ";" not in v.claim.text + w.claim.text and float(al.probability([i], [j])[0, 0]) >= s.fact_threshold
        # Each date is compared with the other sentence's date whose clause reads most alike
        # (both ways): "worked on Wednesday to lift the train, which derailed on Tuesday" dates
        # two events, and only the derailment's date answers "derailed on Monday".
        clauses_v, clauses_w = date_clauses(v), date_clauses(w)
        parts_v, parts_w = _date_parts(v), _date_parts(w)
        sims = al.vectors.matrix(clauses_v) @ al.vectors.matrix(clauses_w).T
        _prefer_own_verbs(sims, v, w, al)
        for a, d1 in enumerate(v.event_dates):
            for b, d2 in enumerate(w.event_dates):
                if int(np.argmax(sims[a])) != b or int(np.argmax(sims[:, b])) != a:
                    continue
                if not nearby_days(d1, d2) or _is_deadline(v, d1) != _is_deadline(w, d2) or _is_since(v, d1) != _is_since(w, d2) \
                        or _still_going_later(clauses_v[a], d1, clauses_w[b], d2) \
                        or _gives_both_moments(v, d2) or _gives_both_moments(w, d1) or _other_kinds(parts_v[a], parts_w[b], v, w, d1, d2):
                    continue
                # Or the two clauses tell one kind of event in words of one family ("a court on Wednesday
                # jailed X" / "X was sentenced on Thursday"), of an actor both claims name.
                if (i, j) in spoken and not (_moment(d1) and _moment(d2) and sims[a, b] >= s.anchor_clause_min_cos):
                    continue
                # Sentences of one fact whose dated clauses neither read alike nor tell one kind of event,
                # one clause telling an event of a known family ("The order to clear the camp was signed on
                # Wednesday 2 November" / "Police cleared the camp on Tuesday"), date two events.
                families = (event_families(parts_v[a]), event_families(parts_w[b]))
                other_event = (families[0] or families[1]) and not families[0] & families[1] and sims[a, b] < s.anchor_clause_min_cos
                # a date that dates a question's asking ("ordered an inquiry into why ...") is no date of the one fact the sentences share
                one_fact = whole and not _asks_after_date(v, a) and not _asks_after_date(w, b)
                if (one_fact and not other_event) or event_families(clauses_v[a]) & event_families(clauses_w[b]) \
                        or (sims[a, b] >= s.anchor_clause_min_cos and _alike_without_names(clauses_v[a], clauses_w[b], al)):
                    union.union((i, a), (j, b))
    conflicts = []
    for group in union.groups():
        value_of = {(i, k): _date_value(views[i].event_dates[k]) for i, k in group}
        # One side per day, however each report wrote it ("on Monday" / "Monday"), or per moment when
        # the reports give clock times that disagree ("at 23:50 on Saturday" and "shortly before
        # midnight on Saturday" one side, "at 03:40 on Sunday" another): the side is named by the
        # words most of its reports use, else the longest.
        written: dict[str, Counter] = defaultdict(Counter)
        for i, k in group:
            written[_side_key(views[i].event_dates[k], [views[j].event_dates[m] for j, m in group])][value_of[(i, k)]] += 1
        if len(written) < 2:
            continue
        side_of = {label: min(labels, key=lambda x: (-labels[x], -len(x), x)) for labels in written.values() for label in labels}
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        for i, k in group:
            by_value[side_of[value_of[(i, k)]]].append(views[i])
        if any(_moment(views[i].event_dates[k]) for i, k in group):
            _complete_timed_sides(al, group, value_of, side_of, by_value)
        about = _date_about([(date_clauses(views[i])[k], value_of[(i, k)]) for i, k in group], by_value, side_of)
        conflicts.append(_conflict("date", about, [_position(val, by_value[val]) for val in sorted(by_value)]))
    return conflicts


def _date_parts(v: ClaimView) -> list[str]:
    """Each event date's own words: its clause, or, when one clause holds several of the claim's dates
    ("agreed the deal in March and signed it in May"), the words from the date before it (or the
    clause's start) to its end ("and signed it in May")."""
    clauses = date_clauses(v)
    parts = list(clauses)
    for clause in {c for c in clauses if clauses.count(c) > 1}:
        at_clause = v.claim.text.find(clause)
        ks = sorted((k for k, c in enumerate(clauses) if c == clause), key=lambda k: _in_claim(v.claim, v.event_dates[k]))
        start = max(at_clause, 0)
        for k in ks:
            at = _in_claim(v.claim, v.event_dates[k])
            if at < start:
                return list(clauses)  # dates not found in order: keep the clauses
            end = at + len(v.event_dates[k].text)
            parts[k] = v.claim.text[start:end]
            start = end
    return parts


def _prefer_own_verbs(sims: np.ndarray, v: ClaimView, w: ClaimView, al: Alignment) -> None:
    """When a claim gives several dates in one clause ("agreed in March and signed in May"), its clause
    reads alike for each of them: a date whose own words tell an event of the family the other claim's
    date tells ("signed" / "signed in April", data/compare/event_verbs.txt) is the one compared with it;
    else the date whose own words read most like the other's ("fined £150,000 in 2028 ... and was last
    inspected in May" / "was last inspected ... in March"), a tie the clause's reading cannot break."""
    parts_v, parts_w = _date_parts(v), _date_parts(w)
    if parts_v == list(date_clauses(v)) and parts_w == list(date_clauses(w)):
        return
    families_v, families_w = [event_families(p) for p in parts_v], [event_families(p) for p in parts_w]
    al.vectors.encode(parts_v + parts_w)
    for a in range(len(parts_v)):
        for b in range(len(parts_w)):
            own = float(al.vectors[parts_v[a]] @ al.vectors[parts_w[b]])
            sims[a, b] += 0.01 * own + (1.0 if families_v[a] & families_w[b] else 0.0)


# How far a clock time reaches by the words before it (minutes before, after): "shortly before
# midnight" is the hour before it; a time given plainly ("at 3.40am", "03:40") is that minute, give or
# take the rounding of the telling.
TIME_BOUNDS = (
    (re.compile(r"\b(?:shortly|just|soon|right|not\s+long)\s+before\b", re.I), (60, 0)),
    (re.compile(r"\b(?:shortly|just|soon|right|not\s+long)\s+after\b", re.I), (0, 60)),
    (re.compile(r"\bbefore\b|\bby\b|\buntil\b", re.I), (180, 0)),
    (re.compile(r"\bafter\b|\bsince\b|\bpast\b", re.I), (0, 180)),
    (re.compile(r"\b(?:around|about|approximately|roughly|some\s+time|sometime)\b", re.I), (30, 30)),
)
PLAIN_TIME_SLACK = 10


def _moment(d: DateMention) -> tuple[float, float] | None:
    """The span of minutes a dated clock time allows, counted over the calendar so that times of two
    days compare ("24:00" on Saturday is 00:00 on Sunday); None without a day or a clock time
    ("Sunday afternoon" gives a part of the day only)."""
    day = _day(d.value or "")
    if day is None or not d.time or not re.fullmatch(r"\d\d:\d\d", d.time):
        return None
    at = day.toordinal() * 1440 + int(d.time[:2]) * 60 + int(d.time[3:])
    before, after = next((reach for pattern, reach in TIME_BOUNDS if pattern.search(d.text)), (PLAIN_TIME_SLACK, PLAIN_TIME_SLACK))
    return at - before, at + after


def _complete_timed_sides(al: Alignment, group: list[tuple[int, int]], value_of: dict, side_of: dict[str, str], by_value: dict[str, list[ClaimView]]) -> None:
    """Add to each side of a clock-time conflict every other report of its moment in a clause that reads
    like one of the side's ("the crew had radioed for help much earlier, shortly before midnight on
    Saturday" beside "Relatives said the trawler had asked for help shortly before midnight on
    Saturday"): an outlet that tells both accounts (the families' and the coast guard's) stands on both
    sides, not on the one side its other sentence happened to be paired on."""
    views, s = al.views, al.settings
    sides = defaultdict(list)  # side -> (moment, clause, claim) of its members
    for i, k in group:
        sides[side_of[value_of[(i, k)]]].append((_moment(views[i].event_dates[k]), date_clauses(views[i])[k], i))
    members = {(views[i].article_id, views[i].claim.start) for i, _ in group}
    found = [(v, d, clause) for v in views if (v.article_id, v.claim.start) not in members
             for d, clause in zip(v.event_dates, date_clauses(v)) if _moment(d)]
    al.vectors.encode([c for _, _, c in found] + [c for rows in sides.values() for _, c, _ in rows])
    for side, rows in sides.items():
        for v, d, clause in found:
            if v in by_value[side]:
                continue
            # the clauses read alike, or the whole sentences do (a clause cut at a comma may be the time alone)
            if any(m is not None and _meet(m, _moment(d)) and max(float(al.vectors[clause] @ al.vectors[c]), float(al.embeddings[v.index] @ al.embeddings[i]))
                   >= s.anchor_clause_min_cos for m, c, i in rows):
                by_value[side].append(v)


def _timed(v: ClaimView) -> bool:
    """True when one of the claim's event dates gives a clock time."""
    return any(_moment(d) for d in v.event_dates)


def _gives_both_moments(v: ClaimView, d: DateMention) -> bool:
    """True when the claim gives the clock time `d` gives too ("the first call at 03:40 and the helicopter
    on the scene at 05:10" beside "reached the scene at 5.10am"): its other time is of another event."""
    moment = _moment(d)
    return moment is not None and any(_meet(m, moment) for e in v.claim.dates if (m := _moment(e)))


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _date_value(d: DateMention) -> str:
    """A date conflict's side as written: "2026-03-14 (on Saturday)", with its clock time when it gives
    one ("2026-03-14 24:00 (shortly before midnight on Saturday)")."""
    time = f" {d.time}" if _moment(d) else ""
    return f"{d.value}{time} ({' '.join(d.text.split())})"


def _side_key(d: DateMention, others: list[DateMention]) -> str:
    """The side of a dated mention among the mentions of its conflict: its day, or, when the group's
    clock times disagree, the earliest clock time its own window meets (one moment, however told)."""
    moment = _moment(d)
    timed = [m for o in others if (m := _moment(o))]
    if moment is None or all(_meet(a, b) for a in timed for b in timed):
        return d.value or ""
    first = min((m for m in timed if _meet(m, moment)), key=lambda m: (m[0], m[1]))
    return f"t{first[0]}"


COARSE_DATE = re.compile(r"\b(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter)s?\b", re.I)


def _statement_date(v: ClaimView) -> tuple[DateMention, bool] | None:
    """The date a speaker's statement is given right after its verb ("Hanul said on Wednesday that",
    "the company disclosed on Tuesday that"), and whether the verb is one of disclosure
    (data/compare/disclosure_verbs.txt); None for a claim relayed by a medium ("state TV reported
    Friday": when it was reported, never the event) or of no named speaker."""
    if not v.speaker or v.relayed_by:
        return None
    found = []
    for d in v.claim.dates:
        if d.kind == "duration" or not d.value or len(d.value) != 10 or COARSE_DATE.search(d.text):
            continue  # "said this week": a week is no day a statement can be dated by
        start = d.start - v.claim.start if d.start is not None else v.claim.text.find(d.text)
        words = re.findall(r"[a-z]+", v.claim.text[max(0, start - 30): max(start, 0)].lower())
        tail = [w for w in words[-2:] if w not in {"on", "late", "early", "last"}]
        if tail and (tail[-1] in lexicons.report_verbs() or tail[-1] in lexicons.disclosure_verbs()):
            found.append((d, tail[-1] in lexicons.disclosure_verbs()))
    return found[0] if len(found) == 1 else None


def statement_date_conflicts(al: Alignment, max_days: int = 14) -> list[Conflict]:
    """One statement dated on different days, where the statement is the event: a speaker's
    disclosure ("admitted on Tuesday that hackers had stolen ...") and the same speaker saying the
    same thing on another day in another report ("said on Wednesday that hackers had stolen ...").

    At least one report must use a verb of disclosure: a plain "said on Wednesday" dates a report
    of the event, not the event, and stays out of date conflicts (a medium's "reported Friday"
    always does). The two sentences must read alike (settings.related_min_cos).
    """
    views, s = al.views, al.settings
    dated = {v.index: d for v in views if (d := _statement_date(v)) is not None}
    union = UnionFind()
    idx = sorted(dated)
    for x, i in enumerate(idx):
        for j in idx[x + 1:]:
            v, w = views[i], views[j]
            (d1, disclosed_1), (d2, disclosed_2) = dated[i], dated[j]
            if v.source == w.source or v.speaker != w.speaker or not (disclosed_1 or disclosed_2):
                continue
            x_day, y_day = _day(d1.value or ""), _day(d2.value or "")
            if not x_day or not y_day or x_day == y_day or abs((x_day - y_day).days) > max_days:
                continue
            if float(al.embeddings[i] @ al.embeddings[j]) >= s.related_min_cos:
                union.union(i, j)
    conflicts = []
    for group in union.groups():
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        clauses = []
        for i in group:
            d = dated[i][0]
            value = f"{d.value} ({' '.join(d.text.split())})"
            by_value[value].append(views[i])
            clauses.append((views[i].claim.text, value))
        days = {val[:10] for val in by_value}
        if len(days) < 2:
            continue
        # One side per day, however written ("on Wednesday" / "Wednesday").
        sides: dict[str, list[ClaimView]] = defaultdict(list)
        side_of = {}
        for day in sorted(days):
            labels = sorted((val for val in by_value if val[:10] == day), key=lambda val: (-len(by_value[val]), -len(val), val))
            for val in labels:
                side_of[val] = labels[0]
                sides[labels[0]].extend(by_value[val])
        about = _date_about(clauses, sides, side_of)
        conflicts.append(_conflict("date", about, [_position(val, sides[val]) for val in sorted(sides)]))
    # the timing of a decision's effect is a date of a statement too: when the speaker says it applies
    return conflicts + effect_date_conflicts(al)


# When a decision, law or resignation takes effect: "his resignation takes effect immediately" /
# "resigned with immediate effect on Thursday" against "his resignation would take effect at the end
# of March". The thing is the noun before the effect phrase ("resignation") or the verb before
# "with immediate effect" ("resigned"); modals and auxiliaries between are passed over.
EFFECT_AUX_BEFORE = re.compile(r"(?:\s+(?:would|will|shall|should|could|may|might|can|is|are|was|were|be|been|has|have|had|to|due|set|expected|only|also|then|now|formally|officially|already))*\s*$", re.I)
EFFECT_THING = re.compile(r"([A-Za-z][a-z-]+)$")
EFFECT_DATE_REACH = 40  # characters from an effect phrase's end to the date that says when


@lru_cache(maxsize=1)
def _effect_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    return lexicons.words_pattern(lexicons.effect_phrases()), lexicons.words_pattern(lexicons.immediate_words())


def effect_timing(v: ClaimView) -> tuple[str, str, DateMention | None] | None:
    """(thing, timing, date) for a claim telling when something takes effect: the thing's stem
    ("resignation", "resign"), "immediately" or the date's value, and the date mention (for
    "immediately", the claim's own event day when it gives one: "resigned with immediate effect on
    Thursday"); None when the claim tells no effect, a negated one, or no timing."""
    effect, immediate = _effect_patterns()
    text = v.claim.text
    found = (immediate and immediate.search(text)) or (effect and effect.search(text))
    if not found:
        return None
    head = found.group(0).lower().split()[0]
    at = found.start()
    if effect and head not in {"with", "effective", "immediately"}:
        # "takes effect immediately": the immediate words include the effect's last word
        whole = effect.search(text, max(0, at - 30))
        at = whole.start() if whole and whole.start() <= at else at
    before = text[:at]
    if NEGATION.search(before[-25:]) or NEGATION.search(text[found.end():found.end() + 15]):
        return None  # "will not take effect until ...": no timing a report gives
    thing = EFFECT_THING.search(EFFECT_AUX_BEFORE.sub("", before).rstrip(" ,"))
    if not thing or thing.group(1).lower() in STOPWORDS:
        return None
    stem_of = stem(thing.group(1))
    days = [d for d in v.claim.dates if d.kind != "duration" and d.value and d.kind not in {"dateline", "planned"}]
    if immediate and immediate.search(text):
        own = [d for d in days if d in v.event_dates and len(d.value) == 10]
        return stem_of, "immediately", own[0] if len(own) == 1 else None
    start = v.claim.start + found.end()
    after = [d for d in days if d.start is not None and 0 <= d.start - start <= EFFECT_DATE_REACH]
    if not after:
        return None
    return stem_of, after[0].value, after[0]


def _same_thing(a: str, b: str) -> bool:
    """One thing named by a noun or its verb ("resignation" / "resign"): the first five letters, or the whole of a shorter word."""
    return a[:5] == b[:5] if min(len(a), len(b)) >= 5 else a == b


def _effect_days(timing: str, d: DateMention | None) -> tuple[dt.date, dt.date] | None:
    if d is None:
        return None
    first, last = _day(d.value or ""), _day(d.end or "") if d.end else None
    return (first, last or first) if first else None


def effect_date_conflicts(al: Alignment) -> list[Conflict]:
    """When one thing takes effect, told differently by different sources: immediately (or on the
    act's day) against a later date, or two dates whose days do not meet. Claims are of one thing
    when they name it by one word (a noun or its verb) and share an actor (or one names none).
    An "immediately" without a day of its own takes the day another report gives the immediate
    act; it agrees with a date that holds that day."""
    views = al.views
    timed = {v.index: t for v in views if (t := effect_timing(v)) is not None}
    union = UnionFind()
    idx = sorted(timed)
    for x, i in enumerate(idx):
        for j in idx[x + 1:]:
            v, w = views[i], views[j]
            if v.source != w.source and _same_thing(timed[i][0], timed[j][0]) and _shares_actor(v, w, leave_out=v.source_entities | w.source_entities):
                union.union(i, j)
    conflicts = []
    for group in union.groups():
        immediate_days = {days[0] for i in group if timed[i][1] == "immediately" and (days := _effect_days(*timed[i][1:]))}
        spans: dict[str, tuple[dt.date, dt.date] | None] = {}
        sides: dict[str, list[ClaimView]] = defaultdict(list)
        for i in group:
            _, timing, d = timed[i]
            label = "immediately" if timing == "immediately" else f"{d.value}{' to ' + d.end if d.end else ''} ({' '.join(d.text.split())})"
            sides[label].append(views[i])
            spans[label] = None if timing == "immediately" else _effect_days(timing, d)
        if len(sides) < 2:
            continue
        dated = [label for label in sides if label != "immediately"]
        # a date that holds the immediate act's day agrees with "immediately"; two dates that meet agree
        disagree = any(not (spans[a] and spans[b] and _meet(spans[a], spans[b])) for x, a in enumerate(dated) for b in dated[x + 1:])
        if "immediately" in sides:
            disagree = disagree or any(not spans[a] or not any(spans[a][0] <= day <= spans[a][1] for day in immediate_days) for a in dated)
        if not disagree:
            continue
        noun = next((EFFECT_THING.search(EFFECT_AUX_BEFORE.sub("", v.claim.text[:m.start()]).rstrip(" ,")) for v in (views[i] for i in group)
                     if (m := _effect_patterns()[0] and _effect_patterns()[0].search(v.claim.text))), None)
        about = f"when the {noun.group(1).lower()} takes effect" if noun else "when it takes effect"
        conflicts.append(_conflict("date", about, [_position(label, sides[label]) for label in sorted(sides)]))
    return conflicts


# --------------------------------------------------------------------------- actors


BODY_OFFICES = frozenset({"chair", "deputy chair"})
GENERIC_OFFICE = re.compile(r"\b([A-Za-z]+)\s+minister\b|\bminister\s+(?:of|for)\s+(?:the\s+)?([A-Za-z]+)", re.I)
DEMONYM_WORD = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic)$")


def _office_pattern(office: str) -> re.Pattern[str] | None:
    """Every way offices.txt writes one office ("defense minister", "minister of defence", ...)."""
    return lexicons.words_pattern([k for k, shown in lexicons.offices().items() if shown == office] or [office])


def offices_in(text: str) -> set[str]:
    """Return the offices a sentence names: those of offices.txt, and any '<field> minister'."""
    table = lexicons.offices()
    pattern = lexicons.words_pattern(list(table))
    found = set()
    for m in pattern.finditer(text) if pattern else []:
        office = table[m.group(0).lower()]
        if _ends_a_name(text, m):
            continue
        # "Chairman of the Chiefs of Staff": a chair is the office of the body it names, which
        # the bare office ("the chair certified the result") does not tell.
        if office in BODY_OFFICES and re.match(r"\s+of\b", text[m.end():]):
            continue
        found.add(office)
    for m in GENERIC_OFFICE.finditer(text):
        field = m.group(1) or m.group(2)
        if field.lower() in STOPWORDS or DEMONYM_WORD.match(field):
            continue
        name = f"{field.lower()} minister"
        found.add(table.get(name, name))
    return found


PRECEDING_WORD = re.compile(r"([A-Z][a-z]+)\s+$")
FOLLOWING_NAME = re.compile(r"^\s+[A-Z]")


def _ends_a_name(text: str, m: re.Match) -> bool:
    """Whether a capitalised office word is the last word of a person's name ("Tishana King said",
    "Ruth Bishop"): a capitalised word that is no demonym stands before it ("Syrian President" is an
    office) and no name follows it ("Queen Mara" is a title)."""
    if not m.group(0)[:1].isupper() or " " in m.group(0):
        return False
    before = PRECEDING_WORD.search(text[max(0, m.start() - 40):m.start()])
    if before is None or DEMONYM_WORD.match(before.group(1)) or before.group(1).lower() in lexicons.offices():
        return False
    return FOLLOWING_NAME.match(text[m.end():]) is None


def _office_holders(v: ClaimView, offices: set[str], entities: dict[str, Entity]) -> frozenset[str]:
    """The claim's entities that hold one of the offices it names ('Governor Tomas Reiner')."""
    held = set()
    for eid in v.entity_ids:
        e = entities.get(eid)
        if e is not None and any(offices_in(t) & offices for t in e.titles):
            held.add(eid)
    return frozenset(held)


# What may stand between an office and its holder's name in apposition: "the company's chief
# executive, Tomas Berend" (after the office) / "Tomas Berend, the chief executive" (before it).
APPOSITION_AFTER = re.compile(r"^,?\s*$")
APPOSITION_BEFORE = re.compile(r"^,\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?(?:(?!who\b|which\b|that\b)[a-z][\w-]*\s+)?$")


def _holder_of(v: ClaimView, office: str, entities: dict[str, Entity]) -> Entity | None:
    """The person a claim names in an office: an entity of the claim whose titles hold the office
    ("Mines Minister Ilse Korrin"), whose mention inside the claim is the office's description
    ("Syria's president", resolved by the entities stage), or whose name stands in apposition to
    the office ("the chief executive, Tomas Berend"). With two, the one mentioned nearest the office word."""
    c = v.claim
    pattern = _office_pattern(office)
    at = [(m.start(), m.end()) for m in pattern.finditer(c.text)] if pattern else []
    at += [(m.start(), m.end()) for m in GENERIC_OFFICE.finditer(c.text) if office.split()[0] in m.group(0).lower()]
    found: dict[str, int] = {}
    for eid in v.entity_ids:
        e = entities.get(eid)
        if e is None or e.type != "PERSON":
            continue
        mentions = [m for m in e.mentions if m.article_id == c.article_id and m.start is not None and c.start <= m.start < c.end]
        spans = [(m.start - c.start, (m.end or m.start + len(m.text)) - c.start) for m in mentions]
        titled = any(office in offices_in(t) for t in e.titles)
        described = any(office in offices_in(m.text) for m in mentions)
        apposed = any(APPOSITION_AFTER.match(c.text[o_end:m_start]) if o_end <= m_start else APPOSITION_BEFORE.match(c.text[m_end:o_start]) if m_end <= o_start else False
                      for m_start, m_end in spans for o_start, o_end in at)
        if spans and (titled or described or apposed):
            found[eid] = min((abs(m_start - o_start) for m_start, _ in spans for o_start, _ in at), default=len(c.text))
    return entities[min(found, key=lambda eid: (found[eid], eid))] if found else None


def _named_offices(value: str, views: list[ClaimView], entities: dict[str, Entity]) -> str:
    """An actor position's offices with the person each refers to ("defense minister Rasa Korvel
    / governor"): the name most of the position's claims give the office to; an office whose
    holder no claim names stays bare."""
    named = []
    for office in value.split(" / "):
        holders = Counter(h.name for v in views if (h := _holder_of(v, office, entities)) is not None)
        named.append(f"{office} {min(holders, key=lambda n: (-holders[n], n))}" if holders else office)
    return " / ".join(named)


def _without(text: str, holders: frozenset[str], entities: dict[str, Entity]) -> str:
    """The sentence with its office words and the office holders' names left out."""
    names = [n for eid in holders if eid in entities for n in [entities[eid].name, *entities[eid].aliases]]
    pattern = lexicons.words_pattern(names + list(lexicons.offices()))
    rest = pattern.sub(" ", text) if pattern else text
    rest = GENERIC_OFFICE.sub(" ", rest)
    return " ".join(rest.split())


NAME_SPELLING_MIN_RATIO = 0.8  # "Kesh" / "Kesch" 0.89, "Marrand" / "Marand" 0.92; "Berget" / "Bergen" 0.83 needs the other words equal too


def spelled_alike(a: str, b: str) -> bool:
    """True when two names are one name spelled two ways (a transliteration, a dropped letter):
    the same number of words, all equal but one, and that one alike letter by letter from the same
    first letter ("Radomir Kesh" / "Radomir Kesch"). difflib's ratio is the letter-by-letter match."""
    from difflib import SequenceMatcher

    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(differ) == 1 and differ[0][0][:1] == differ[0][1][:1] and len(differ[0][0]) >= 4 and \
        SequenceMatcher(None, *differ[0]).ratio() >= NAME_SPELLING_MIN_RATIO


def actor_conflicts(al: Alignment, pairs: list[tuple[int, int]], entities: list[Entity] | None = None) -> list[Conflict]:
    """Different offices named for one part of one event ('with the president' / 'with the defence minister'),
    or one office given to different people ('Judge A read the verdict' / 'the verdict was read by Judge B').

    The people holding the disputed offices are no shared actor the claims must have: in
    "the mayor ordered the evacuation" / "the governor ordered the evacuation" the part in
    dispute is the subject itself, so its two holders naturally differ.
    """
    views = al.views
    by_id = {e.id: e for e in entities or []}
    office_words = content_stems(" ".join(lexicons.offices()))
    offices = {}
    votes: dict[int, Counter] = defaultdict(Counter)
    edges: dict[int, int] = Counter()
    union = UnionFind()
    # One office given to different people ("Judge A read the verdict" / "the verdict was read by Judge B").
    held_by = UnionFind()
    holder_value: dict[int, str] = {}
    related = set(pairs)

    def one_part(i: int, j: int, holders: frozenset[str]) -> bool:
        """The two claims tell one part of one event once their offices and holders are left out."""
        v, w = views[i], views[j]
        holder_words = content_stems(" ".join(n for h in holders if h in by_id for n in [by_id[h].name, *by_id[h].aliases]))
        shared = (v.stems & w.stems) - office_words
        # Three shared words, or every word left of a short sentence once its offices and
        # holders are taken out ("The result was certified by deputy chair X").
        rest = min(v.stems - office_words - holder_words, w.stems - office_words - holder_words, key=len)
        if not (len(shared) >= 3 or (len(rest) >= 2 and rest <= shared)) or not _shares_actor(v, w, leave_out=holders):
            return False
        if float(al.embeddings[i] @ al.embeddings[j]) < al.settings.related_min_cos + 0.1:
            # Two holders' names weigh heavily in short sentences: read what is left without them.
            rest_v, rest_w = _without(v.claim.text, holders, by_id), _without(w.claim.text, holders, by_id)
            if float(al.vectors[rest_v] @ al.vectors[rest_w]) < al.settings.related_min_cos + 0.1:
                return False
        return True

    # Claims giving one office to different people rarely read alike enough to be related (the
    # names weigh heavily in short sentences): they are paired by office, then read by one_part.
    by_office: dict[str, list[int]] = defaultdict(list)
    for v in views:
        found = offices[v.index] = offices_in(v.claim.text)
        for office in found:
            by_office[office].append(v.index)
    same_office = {
        (i, j) for idx in by_office.values() for x, i in enumerate(idx) for j in idx[x + 1:]
        if views[i].source != views[j].source and len((views[i].stems & views[j].stems) - office_words) >= 2
    }
    holders_seen: dict[tuple[int, str], Entity | None] = {}

    def holder(i: int, office: str) -> Entity | None:
        """_holder_of, once per claim and office (a claim meets many others naming its office)."""
        if (i, office) not in holders_seen:
            holders_seen[(i, office)] = _holder_of(views[i], office, by_id)
        return holders_seen[(i, office)]

    def same_act(i: int, j: int, office: str, holders: frozenset[str]) -> bool:
        """The clauses around the office say one thing once the office and its holders are left out
        ("Judge A read the verdict, which also ordered ..." / "The verdict was read by Judge B")."""
        if not _shares_actor(views[i], views[j], leave_out=holders):
            return False
        pattern = _office_pattern(office)
        clauses = []
        for x in (i, j):
            text = views[x].claim.text
            found = pattern.search(text) if pattern else None
            rest = _without(clause_at(text, found.start()) if found else text, holders, by_id)
            if len(content_stems(rest)) < 2:
                return False
            clauses.append(rest)
        return float(al.vectors[clauses[0]] @ al.vectors[clauses[1]]) >= al.settings.related_min_cos + 0.1

    for i, j in sorted(set(pairs) | same_office):
        v, w = views[i], views[j]
        if not offices[i] or not offices[j]:
            continue
        only_v, only_w = offices[i] - offices[j], offices[j] - offices[i]
        if not only_v or not only_w:
            # The same office: a dispute when each claim gives it to another person and names not the other's.
            for office in sorted(offices[i] & offices[j]):
                hv, hw = holder(i, office), holder(j, office)
                if hv is None or hw is None or hv.id == hw.id or hv.id in w.entity_ids or hw.id in v.entity_ids:
                    continue
                if spelled_alike(hv.name, hw.name):
                    continue  # "Transport Minister Radomir Kesh" / "Radomir Kesch": one holder spelled two ways
                if one_part(i, j, frozenset({hv.id, hw.id})) or same_act(i, j, office, frozenset({hv.id, hw.id})):
                    held_by.union(i, j)
                    holder_value[i], holder_value[j] = f"{office} {hv.name}", f"{office} {hw.name}"
                    break
            continue
        if (i, j) not in related:
            continue  # different offices are compared in related claims only
        # "Deputy minister Park Ji-won" / "Deputy Finance Minister Park Ji-won": one person named
        # with two titles is one actor, not two.
        named = [holder(x, o) for x, only in ((i, only_v), (j, only_w)) for o in only]
        if all(named) and len({h.id for h in named}) == 1:
            continue
        # "Foreign Minister X thanked Barqan" / "X thanked Barqan and its envoy, Y": the one office's
        # holder is named in the other report too, which adds a person, not another one in his place.
        if any(h is not None and h.id in views[y].entity_ids
               for x, y, only in ((i, j, only_v), (j, i, only_w)) for o in only for h in [holder(x, o)]):
            continue
        holders = _office_holders(v, offices[i], by_id) | _office_holders(w, offices[j], by_id)
        if not one_part(i, j, holders):
            continue
        union.union(i, j)
        edges[i] += 1
        edges[j] += 1
        votes[i].update(only_v)
        votes[j].update(only_w)
    conflicts = []
    for group in union.groups():
        # Each article takes the offices it was most often alone in naming.
        best: dict[str, tuple[int, list[str], int]] = {}
        for i in group:
            if not votes[i]:
                continue
            top = max(votes[i].values())
            named = sorted(o for o, n in votes[i].items() if n == top)
            article = views[i].article_id
            if article not in best or top > best[article][0]:
                best[article] = (top, named, i)
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        for _, named, i in best.values():
            by_value[" / ".join(named)].append(views[i])
        values = list(by_value)
        if len(values) < 2 or all(set(a.split(" / ")) & set(b.split(" / ")) for a in values for b in values if a != b):
            continue
        shortest = min((views[i].claim.text for i in group), key=lambda t: (len(t), t))
        about = "who took part in: " + _clip(shortest, 14)
        ordered = sorted(values, key=lambda val: (-len(by_value[val]), val))
        # Each office with the person it refers to: "chair" vs "deputy chair" says which titles differ, not who.
        conflicts.append(_conflict("actor", about, [_position(_named_offices(val, by_value[val], by_id), by_value[val]) for val in ordered]))
    for group in held_by.groups():
        by_holder: dict[str, list[ClaimView]] = defaultdict(list)
        for i in group:
            by_holder[holder_value[i]].append(views[i])
        if len(by_holder) < 2:
            continue
        shortest = min((views[i].claim.text for i in group), key=lambda t: (len(t), t))
        ordered = sorted(by_holder, key=lambda val: (-len(by_holder[val]), val))
        conflicts.append(_conflict("actor", "who took part in: " + _clip(shortest, 14), [_position(val, by_holder[val]) for val in ordered]))
    return conflicts


# --------------------------------------------------------------------------- deeds


OBJECT_DETAIL = re.compile(r"[,;]|\s+(?:in|at|on|near|across|around|along|through|with|together|after|before|during|since|from|into|to|over|under|as|while|when|which|who|that)\s", re.I)
PASSIVE_PREDICATE = re.compile(r"^(?:is|are|was|were|be|been|being|has been|have been|had been|will be)\s", re.I)


def _deed(v: ClaimView, entities: dict[str, Entity]) -> tuple[str, frozenset[str], frozenset[str], str, frozenset[str]] | None:
    """What a claim says an actor did: (the verb's stem, the object's content stems, the people and
    organisations in the subject, the object as written, every entity the subject names), or None
    when it names no deed of an actor.

    The verb is the claim's predicate in the active voice, no verb of being, saying or of deeds any
    number of actors do at once (data/compare/deed_verbs_excluded.txt); the object must name
    something (content words, no figure alone); the subject must name a person or organisation
    that is not the claim's source.
    """
    c = v.claim
    if not c.predicate or not c.subject or not c.object or PASSIVE_PREDICATE.match(c.predicate):
        return None
    verb = c.predicate.split()[-1].lower()
    if verb in lexicons.deed_verbs_excluded() or verb in lexicons.report_verbs() or verb in lexicons.disclosure_verbs():
        return None
    at = c.text.find(c.subject)
    if at < 0:
        return None
    # The outlet that prints the claim tells the deed, it never did it ("The firm spent ..." read as the Hammer).
    actors = frozenset(eid for _, eid in _actors_in(v, at, at + len(c.subject), entities) if not _is_outlet(entities[eid], v))
    # Who else the subject names, of any kind ("the government of Morvania and X signed"): a deed shared with them.
    named = frozenset(e for e in v.entity_ids if any(
        m.article_id == c.article_id and m.start is not None and c.start + at <= m.start < c.start + at + len(c.subject) for m in entities[e].mentions
    )) if all(e in entities for e in v.entity_ids) else actors
    names = " ".join(n for eid in actors for n in [entities[eid].name, *entities[eid].aliases])
    # What was done is the object's head ("the rescue effort" of "the rescue effort in the worst-hit villages"):
    # where and with whom are details two reports may tell differently.
    head = OBJECT_DETAIL.split(" ".join(c.object.split()), maxsplit=1)[0]
    done = content_stems(head) - content_stems(names)
    if not actors or not done:
        return None
    return stem(verb), done, actors, head, named | actors


def _is_outlet(entity: Entity, v: ClaimView) -> bool:
    """True when the entity is the outlet that prints the claim ("the Hammer" in the Hammer's report):
    one of its names names the outlet (outlet_names.names_outlet: "Hammer" for "The Morning Hammer",
    "NNA" for the Norrvik News Agency; not "Wex" for Radio Wex, the town)."""
    return bool(v.outlet) and any(names_outlet(n, v.outlet) for n in (entity.name, *entity.aliases) if n)


def _same_deed(a: tuple, b: tuple) -> bool:
    """One verb and one object: the words of one object's head all in the other's ("the rescue" /
    "the rescue effort")."""
    return a[0] == b[0] and (a[1] <= b[1] or b[1] <= a[1])


def _actor_phrase(entity: Entity, v: ClaimView) -> str:
    """The actor of a deed as a reader reads it in a sentence of the report: its canonical name, with
    "the" where the sentence writes it so ("the Red Crescent", "teams from the Revolutionary Guards")
    and a person's title where the sentence gives it ("mayor Ilse Brandt"), not the bare name."""
    text = v.claim.text
    names = "|".join(re.escape(n) for n in sorted({entity.name, *entity.aliases}, key=len, reverse=True) if n)
    if not names:
        return entity.name
    if entity.type == "PERSON":
        titles = "|".join(re.escape(t) for t in sorted(entity.titles, key=len, reverse=True) if t)
        found = re.search(rf"\b({titles}),?\s+(?:{names})\b", text, re.I) if titles else None
        return f"{found.group(1).lower()} {entity.name}" if found else entity.name
    if not entity.name.lower().startswith("the ") and re.search(rf"\bthe\s+(?:{names})\b", text, re.I):
        return f"the {entity.name}"
    return entity.name


def deed_conflicts(al: Alignment, entities: list[Entity] | None = None, told: list[Conflict] = ()) -> list[Conflict]:
    """One deed given to different actors by different reports ("the Red Cross led the rescue" /
    "army teams led the rescue"): the same verb and object, with subjects naming different people
    or organisations.

    Not when both can be true: a sentence that names the other actor too ("with", "together with",
    "X and Y led ..."), subjects sharing anyone ("X and Y signed" / "Y and Z signed"), any sentence
    giving the deed to both, or one outlet giving it to each. Not when an actor conflict in `told`
    sets the same sentences or the same people against each other already (by office: "the mayor"
    / "the governor", "judge A" / "judge B").
    """
    told_sides = [{(e.article_id, e.start) for p in c.positions for e in p.evidence} for c in told if c.kind == "actor"]
    told_values = [" | ".join(p.value for p in c.positions) for c in told if c.kind == "actor"]
    views = al.views
    by_id = {e.id: e for e in entities or []}
    deeds = {v.index: d for v in views if (d := _deed(v, by_id)) is not None}
    by_verb: dict[str, list[int]] = defaultdict(list)
    for i, d in deeds.items():
        by_verb[d[0]].append(i)
    union = UnionFind()
    for idx in by_verb.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                v, w, a, b = views[i], views[j], deeds[i], deeds[j]
                if v.source == w.source or a[4] & b[4] or not _same_deed(a, b):
                    continue
                if a[2] & w.entity_ids or b[2] & v.entity_ids:
                    continue  # each names the other's actor too: both may have done it
                both = a[2] | b[2]
                together = [k for k in idx if _same_deed(deeds[k], a) and len(both & (views[k].entity_ids | deeds[k][2])) >= 2]
                given: dict[str, set[str]] = defaultdict(set)
                for k in idx:
                    if _same_deed(deeds[k], a):
                        given[views[k].source] |= deeds[k][2] & both
                if together or any(a[2] & g and b[2] & g for g in given.values()):
                    continue
                union.union(i, j)
    conflicts = []
    for group in union.groups():
        by_actor: dict[str, list[ClaimView]] = defaultdict(list)
        bare: dict[str, str] = {}  # each phrase's bare names, as actor conflicts print them
        for i in group:
            actors = sorted(deeds[i][2], key=lambda e: by_id[e].name)
            names = " / ".join(by_id[e].name for e in actors)
            phrase = next((p for p, n in bare.items() if n == names), None) or " / ".join(_actor_phrase(by_id[e], views[i]) for e in actors)
            bare[phrase] = names
            by_actor[phrase].append(views[i])
        if len(by_actor) < 2 or any({(views[i].article_id, views[i].claim.start) for i in group} <= side for side in told_sides):
            continue
        if any(all(bare[phrase] in values for phrase in by_actor) for values in told_values):
            continue  # the same people set against each other by office ("judge A" / "judge B")
        first = min(group, key=lambda i: (len(deeds[i][3]), i))
        about = f"who {views[first].claim.predicate.split()[-1].lower()} {_clip(deeds[first][3], 10)}"
        ordered = sorted(by_actor, key=lambda val: (-len(by_actor[val]), val))
        conflicts.append(_conflict("actor", about, [_position(val, by_actor[val]) for val in ordered]))
    return conflicts


# --------------------------------------------------------------------------- places


def _places(v: ClaimView, entities: dict[str, Entity]) -> dict[str, str]:
    found = {}
    for eid in v.entity_ids:
        e = entities.get(eid)
        if e is None or e.type not in PLACE_TYPES:
            continue
        for m in e.mentions:
            if m.article_id != v.article_id or m.start is None or not (v.claim.start <= m.start < v.claim.end):
                continue
            if PLACE_PREPOSITIONS.search(v.claim.text[max(0, m.start - v.claim.start - 12): m.start - v.claim.start]):
                found[eid] = e.name
    return found


AGENT_AFTER = re.compile(r"\s+by\b", re.I)
AGENT_REACH = 80  # characters between a deed's words and the names of its agent and patient


def _agent_deeds(v: ClaimView, people: dict[str, list[tuple[int, int, str]]]) -> list[tuple[str, str, str]]:
    """The deeds of data/compare/agent_events.txt a claim tells, as (kind, patient, agent) entity ids:
    "Z went down under a challenge from X" -> ("foul", Z, X); "Y had brought down Z" -> ("foul", Z, Y).
    The agent and the patient are the nearest people named on either side of the deed's words."""
    table = lexicons.agent_events()
    pattern = lexicons.words_pattern(sorted(table))
    if pattern is None:
        return []
    named = [(start - v.claim.start, end - v.claim.start, eid) for start, end, eid in people.get(v.article_id, []) if v.claim.start <= start < v.claim.end]
    found = []
    for m in pattern.finditer(v.claim.text):
        form = m.group(0).lower()
        before = [(s0, eid) for s0, e0, eid in named if e0 <= m.start() and m.start() - e0 <= AGENT_REACH]
        after = [(s0, eid) for s0, e0, eid in named if s0 >= m.end() and s0 - m.end() <= AGENT_REACH]
        if not before or not after:
            continue
        first_after, last_before = min(after)[1], max(before)[1]
        if form.split()[-1] in {"from", "by"} or AGENT_AFTER.match(v.claim.text[m.end():]):
            patient, agent = last_before, first_after
        else:
            patient, agent = first_after, last_before
        if patient != agent:
            found.append((table[form], patient, agent))
    return found


def agent_conflicts(al: Alignment, entities: list[Entity] | None = None) -> list[Conflict]:
    """Different people named as the one who did a deed of one kind to one person ("went down under a
    challenge from X" / "ruled that Y had brought down Z": who committed the foul on Z)."""
    by_id = {e.id: e for e in entities or []}
    people: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in by_id.values():
        if e.type == "PERSON":
            for m in e.mentions:
                if m.start is not None and m.end is not None and m.kind != "pronoun":
                    people[m.article_id].append((m.start, m.end, e.id))
    if not people:
        return []
    agents: dict[tuple[str, str], dict[str, list[ClaimView]]] = defaultdict(lambda: defaultdict(list))
    for v in al.views:
        for kind, patient, agent in _agent_deeds(v, people):
            agents[(kind, patient)][agent].append(v)
    conflicts = []
    for (kind, patient), by_agent in sorted(agents.items()):
        if len(by_agent) < 2 or len({v.source for vs in by_agent.values() for v in vs}) < 2:
            continue
        # Each agent's side must hold a report the other sides do not: one outlet naming two people is no dispute.
        sources = {a: {v.source for v in vs} for a, vs in by_agent.items()}
        if any(not sources[a] - set().union(*(sources[b] for b in by_agent if b != a)) for a in by_agent):
            continue
        positions = [_position(_actor_phrase(by_id[a], by_agent[a][0]), by_agent[a]) for a in sorted(by_agent, key=lambda a: by_id[a].name)]
        conflicts.append(_conflict("actor", f"who committed the {kind} on {by_id[patient].name}", positions))
    return conflicts


OPERATOR_REACH = 30  # characters between "run by" and the operator's name ("run by rogue operator X")
THING_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:that|which|when|after|as)\s+)((?:the|a|an|its|their)\s+[\w\s'-]{1,40}?),?\s*$", re.I)
THING_MIN_COS = 0.4  # "the coach" / "the bus" 0.46; "the coach" / "the power plant" 0.23


def operator_conflicts(al: Alignment, entities: list[Entity] | None = None) -> list[Conflict]:
    """Different operators given for one thing by different reports ("The coach, operated by X," /
    "The bus, run by Y,": who operated the coach). The thing is the noun phrase right before the
    phrase of data/compare/operator_phrases.txt, the operator the first name (no place) after it."""
    table = lexicons.operator_phrases()
    pattern = lexicons.words_pattern(sorted(table))
    if pattern is None:
        return []
    by_id = {e.id: e for e in entities or []}
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e in by_id.values():
        if e.type not in PLACE_TYPES:
            for m in e.mentions:
                if m.start is not None and m.kind not in {"pronoun", "description"}:
                    names[m.article_id].append((m.start, e.id))
    found: dict[str, list[tuple[str, str, ClaimView]]] = defaultdict(list)  # kind -> (thing, operator, claim)
    for v in al.views:
        for m in pattern.finditer(v.claim.text):
            thing = THING_BEFORE.search(v.claim.text[: m.start()])
            at = v.claim.start + m.end()
            after = sorted((s0, eid) for s0, eid in names.get(v.article_id, []) if at <= s0 <= at + OPERATOR_REACH)
            if thing and after:
                found[table[m.group(0).lower()]].append((thing.group(1).strip(), after[0][1], v))
    conflicts = []
    for kind, rows in sorted(found.items()):
        if len({eid for _, eid, _ in rows}) < 2:
            continue
        al.vectors.encode(t.lower() for t, _, _ in rows)
        # One thing: things that read alike ("The coach" / "The bus"), not "the power plant".
        things = UnionFind()
        for x, (tx, _, _) in enumerate(rows):
            things.find(x)
            for y in range(x + 1, len(rows)):
                if float(al.vectors[tx.lower()] @ al.vectors[rows[y][0].lower()]) >= THING_MIN_COS:
                    things.union(x, y)
        for group in things.groups():
            conflict = _operator_conflict(kind, [rows[x] for x in group], by_id)
            if conflict:
                conflicts.append(conflict)
    return conflicts


def _operator_conflict(kind: str, rows: list[tuple[str, str, ClaimView]], by_id: dict[str, Entity]) -> Conflict | None:
    """The conflict over who runs one thing, when its reports name different operators."""
    by_operator: dict[str, list[ClaimView]] = defaultdict(list)
    for _, eid, v in rows:
        by_operator[eid].append(v)
    if len(by_operator) < 2:
        return None
    # one operator spelled two ways is one; each side needs a source the others do not have
    if any(spelled_alike(by_id[a].name, by_id[b].name) for a in by_operator for b in by_operator if a < b):
        return None
    sources = {a: {v.source for v in vs} for a, vs in by_operator.items()}
    if any(not sources[a] - set().union(*(sources[b] for b in by_operator if b != a)) for a in by_operator):
        return None
    thing = min((t for t, _, _ in rows), key=lambda t: (len(t), t))
    positions = [_position(by_id[a].name, by_operator[a]) for a in sorted(by_operator, key=lambda a: by_id[a].name)]
    return _conflict("actor", f"who {kind}: {thing[:1].lower() + thing[1:]}", positions)


def _country_named(e: Entity) -> str | None:
    """The country a place entity is: one the gazetteer knows by this name (data/understand/countries.csv),
    or one the story writes a people's word of ("Haldoria" with the alias "Haldorian": understand's
    demonym endings). None for a town, a region, a building."""
    gaz = gazetteer()
    known = gaz.names.get(fold(e.name))
    if known:
        return known
    pattern = _demonym_pattern(e.name)
    return e.name if any(pattern.fullmatch(alias) for alias in e.aliases) else None


def _within_one_another(e1: Entity, e2: Entity) -> bool:
    """True when one place is a country and the other a place that may lie in it: "ruled in Brennsholm" /
    "ruled in Haldoria" name one court, the town's country written in place of the town. Not when the
    gazetteer puts the town in another country (a capital of countries.csv)."""
    c1, c2 = _country_named(e1), _country_named(e2)
    if (c1 is None) == (c2 is None):
        return False
    country, town = (c1, e2) if c1 else (c2, e1)
    of_town = gazetteer().capitals.get(fold(town.name))
    return of_town is None or of_town == country


def place_conflicts(al: Alignment, fact_groups: list[list[int]], understanding: Understanding) -> list[Conflict]:
    """Different places given for one fact, when neither report mentions the other's place at all,
    and neither place is the other's country (`_within_one_another`)."""
    views = al.views
    entities = {e.id: e for e in understanding.entities}
    mentioned: dict[str, set[str]] = defaultdict(set)
    for e in understanding.entities:
        for m in e.mentions:
            mentioned[m.article_id].add(e.id)
    conflicts = []
    for group in fact_groups:
        if len(group) < 2:
            continue
        places = {i: _places(views[i], entities) for i in group}
        by_value: dict[str, list[ClaimView]] = defaultdict(list)
        ids: dict[str, str] = {}
        for i, found in places.items():
            for eid, name in found.items():
                by_value[name].append(views[i])
                ids[name] = eid
        if len(by_value) < 2:
            continue
        names = sorted(by_value)
        clash = any(
            all(ids[b] not in mentioned[v.article_id] for v in by_value[a]) and all(ids[a] not in mentioned[v.article_id] for v in by_value[b])
            and not _within_one_another(entities[ids[a]], entities[ids[b]])
            for a in names for b in names if a < b
        )
        if clash:
            about = "place of: " + _clip(views[group[0]].claim.text, 12)
            conflicts.append(_conflict("place", about, [_position(n, by_value[n]) for n in names]))
    return conflicts


# --------------------------------------------------------------------------- causes


CAUSE_END = re.compile(
    r"[;:!?\"“”]|,(?!\d{3})|\.(?!\d)| and said| according"  # "under 0.5% of the votes", "1,200 jobs": no clause end
    r"|\s+(?:(?:minutes|hours|days|moments|shortly|just|soon)\s+)?(?:before|after|when|while|which|who|until)\b"
    r"|\s+and\s+(?:then\s+)?[a-z]+ed\b"  # "suffered an engine failure and drifted ...": the effect follows
    r"|\s+for\s+(?:the|its|his|her|their|a|an|[a-z]+ing)\b"  # "blamed strong winds for the grounding", "the weak krone for pushing up prices"
    r"|\s+of\s+(?:up\s+to\s+|about\s+|around\s+|over\s+|nearly\s+)?\d",  # "gusts of up to 70 km/h": the size, not the cause
    re.I,
)
PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+ly\s+)?$", re.I)
CAUSE_START = re.compile(r".*(?:\bthat|[,;:]|\b(?:and|but|while)\b)\s+", re.I | re.S)


# A subordinating word before a cause verb opens the clause whose subject the cause is ("after the storm knocked down").
SUBORDINATE_START = re.compile(r"^.*\b(?:after|before|when|once|because|since|until|unless|although|though|as soon as)\s+", re.I | re.S)
# An effect that did not or cannot happen ("people cannot dial 112 because ..."): its causes are of that, no event's.
NEGATED_EFFECT = re.compile(r"\b(?:not|never|cannot|unable)\b|n['’]t\b", re.I)


# "blamed <what> on <cause>": what is blamed holds no clause break nor "for", and the cause is no day.
BLAMED_ON = re.compile(
    r"\s+(?:(?!for\b)[^\s,;:.]+\s+){0,8}?on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d)\b)"
)
TIME_BEFORE_CAUSE = re.compile(r"^(?:\S+\s+){0,3}?(?:seconds|minutes|hours|days|weeks|moments|shortly|just|soon)\s+(?:after|before)\s+", re.I)
COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)


def _is_plan(before: str, marker: str, after: str) -> bool:
    """True for "is due to <schedule verb>" ("is due to take office"): a plan, not a cause."""
    if marker.lower() != "due to" or not COPULA_BEFORE.search(before):
        return False
    following = re.match(r"\s*([a-z]+)", after)
    if not following:
        return False
    verb, plans = following.group(1), lexicons.schedule_verbs()
    # "had been due to reopen after the break", "due to restart": a schedule verb done again
    return verb in plans or (verb.startswith("re") and verb[2:] in plans)


# Words that cannot begin or end the name of an event ("on Wednesday it").
EFFECT_NON_STARTS = frozenset({"on", "in", "at", "it", "he", "she", "they", "we", "i", "this", "that", "there", "after", "before"})


def _trim_cause(text: str) -> str | None:
    cause = CAUSE_END.split(text, maxsplit=1)[0].strip()
    # "fans without tickets had led to the crush": what a cause verb follows is the cause, not what it caused
    verbs = lexicons.words_pattern(lexicons.cause_verbs())
    verb = next((m for m in verbs.finditer(cause) if not re.match(r"\s+by\b", cause[m.end():])), None) if verbs else None
    if verb is not None and verb.start() > 0:
        cause = cause[:verb.start()].rstrip()
    cause = re.sub(r"(?:\s+(?:had|has|have|was|were|is|are|been))+$", "", cause, flags=re.I)  # "a surge of fans had"
    cause = re.sub(r"^(?:reportedly|apparently|allegedly)\s+", "", cause, flags=re.I)
    return cause if 0 < len(cause.split()) <= 12 else None


# "has suffered several leaks in recent years": what a thing has suffered over time (present
# perfect, a count of events, a span of years) is its record, not the cause of this event;
# "the ship had suffered an engine failure" gives one.
SUFFERED_MARKERS = frozenset({"suffered", "after suffering"})
RECORD_BEFORE = re.compile(r"\b(?:has|have|'s|'ve)\s+(?:\w+ly\s+)?$", re.I)
RECORD_CAUSE = re.compile(
    r"^(?:several|many|numerous|multiple|repeated|frequent|recurring|a (?:number|series|string|spate) of|two|three|four|five|\d+)\b"
    r"|\b(?:in recent (?:years|months|decades)|over the (?:past|last|years)|in the past|since \d{4}|for years|for decades)\b",
    re.I,
)


def _is_record(before: str, marker: str, cause: str) -> bool:
    """True for what a thing has suffered over time ("has suffered several leaks in recent years")."""
    return marker.lower() in SUFFERED_MARKERS and bool(RECORD_BEFORE.search(before) or RECORD_CAUSE.search(cause))


# "delayed by 40 minutes", "held up by about an hour", "disrupted by half a day": an amount after "by".
AMOUNT_AFTER_BY = re.compile(
    r"\s*(?:(?:about|around|some|nearly|almost|over|more than|less than|up to|at least|just|only)\s+)?"
    r"(?:\d|an?\s+(?:hour|day|week|month|year|minute|second)\b|half\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|many)\s+"
    r"(?:seconds|minutes|hours|days|weeks|months|years)\b)", re.I)


def _effect_before(text: str, m: re.Match) -> str | None:
    """What a cause marker gives a cause for, read from the words around it ("The count was
    delayed for hours because of ..." -> "The count was delayed for hours"; "Engineers blamed
    the collapse on ..." -> "the collapse"); None when they name no event."""
    after = text[m.end():]
    if m.group(0).lower() == "blamed":
        # "blamed <what> on <cause>", or "blamed <cause> for <what>"; the subject is who blames.
        blamed_on = BLAMED_ON.match(after)
        if blamed_on:
            return after[: blamed_on.end()].strip().removesuffix(" on").strip() or None
        blamed_for = re.search(r"\bfor\s+((?:the|its|his|her|their|a|an)\s+[^,;:.]+)", after, re.I)
        return blamed_for.group(1).strip() if blamed_for else None
    head = CAUSE_START.sub("", text[: m.start()]).strip()
    # "Fire officials said the blaze was caused by ...": what they said is about the blaze.
    reporting = lexicons.words_pattern(lexicons.report_verbs())
    said = list(reporting.finditer(head)) if reporting else []
    if said:
        head = re.sub(r"^that\s+", "", head[said[-1].end():].strip(), flags=re.I)
    # "The recount was delayed by a power cut": the participle of a marker ending in "by" that is no
    # cause verb tells what befell the effect ("The recount was delayed"), as in "was delayed because"
    participle, _, by = m.group(0).rpartition(" ")
    if by.lower() == "by" and participle.lower() not in lexicons.cause_verbs():
        head = (head + " " + participle).strip()
    else:
        head = re.sub(r"\s+(?:is|are|was|were|been|being|be)$", "", head, flags=re.I).strip(" ,")
    # "Astana said on Wednesday it could not rule out ...": what is left names no event.
    words = head.split()
    if len(words) >= 2 and words[0].lower() not in EFFECT_NON_STARTS and words[-1].lower() not in EFFECT_NON_STARTS:
        return head
    return None


def scan_causes(text: str) -> tuple[list[str], str | None]:
    """Read a sentence's cause markers and cause verbs once: every cause it gives, and what the
    first one is given for.

    Causes: after a cause marker ("because of high winds", data/compare/cause_markers.txt) or as
    the subject of a cause verb ("gusts pushed the vessel", data/compare/cause_verbs.txt); a
    sentence may give two ("the authority blamed winds, but pilots said the ship had suffered an
    engine failure"). The effect: the words before the first cause marker that is no plan ("is
    due to take office"), or what is blamed; else what a cause verb caused ("a corroded weld
    caused last Tuesday's explosion").
    """
    found: list[str] = []
    effect: str | None = None
    effect_read = False  # the effect is read from the first marker that is no plan, and from no other
    verb_effect = True  # a cause verb names the effect when no marker did (what is blamed, when unreadable, names none)
    # "attributes the accident to excessive speed": what is explained stands between the verb and its particle.
    for verb, particle in lexicons.cause_frames():
        for m in re.finditer(r"(?<![\w-])" + re.escape(verb) + r"\s+((?:(?!to\b|on\b|down\b|up\b)[^\s,;:.]+\s+){1,8}?)" + re.escape(particle).replace(r"\ ", r"\s+") + r"\s+", text, re.I):
            cause = _trim_cause(text[m.end():])
            if not effect_read:
                effect, effect_read, verb_effect = m.group(1).strip(), True, False
            if cause and cause not in found:
                found.append(cause)
    markers = lexicons.words_pattern(lexicons.cause_markers())
    for m in markers.finditer(text) if markers else []:
        after = text[m.end():]
        if _is_plan(text[: m.start()], m.group(0), after):
            continue
        if not effect_read:
            effect, effect_read = _effect_before(text, m), True
            verb_effect = effect is None and m.group(0).lower() != "blamed"
        # "blamed the collapse on blasting": what is blamed comes first, its cause after "on".
        blamed_on = BLAMED_ON.match(after) if m.group(0).lower() == "blamed" else None
        if m.group(0).lower().endswith(" by") and AMOUNT_AFTER_BY.match(after):
            continue  # "was delayed by two hours": how long, not why
        cause = _trim_cause(after[blamed_on.end():] if blamed_on else after)
        if cause and _is_record(text[: m.start()], m.group(0), cause):
            continue
        if cause and cause not in found:
            found.append(cause)
    verbs = lexicons.words_pattern(lexicons.cause_verbs())
    reporting = lexicons.words_pattern(lexicons.report_verbs())
    for m in verbs.finditer(text) if verbs else []:
        # "the blaze was caused by a fault": a passive verb's subject is what was caused; its
        # cause follows "by" and is read by the marker "caused by" above.
        if PASSIVE_BEFORE.search(text[: m.start()]) or re.match(r"\s+by\b", text[m.end():]):
            continue  # "overcrowding caused by fans": a participle, read by the marker "caused by"
        if effect is None and verb_effect:
            caused = _trim_cause(text[m.end():])
            if caused and len(caused.split()) >= 2:
                effect = caused
        # "a corroded weld, not sabotage, caused ...": the rejected cause is an aside.
        before = re.sub(r",\s*not\s+[^,]{1,40},\s*$", " ", text[: m.start()])
        head = CAUSE_START.sub("", before).strip()
        # "48 hours after a wind change drove the blaze": the time before "after" is no cause (task H)
        head = TIME_BEFORE_CAUSE.sub("", head)
        # "people cannot dial 112 after the storm knocked down masts": the verb's subject opens after the subordinator
        head = SUBORDINATE_START.sub("", head)
        # "Investigators said overloading caused ...": the cause is what they said, not who said it.
        said = list(reporting.finditer(head)) if reporting else []
        if said:
            head = re.sub(r"^that\s+", "", head[said[-1].end():].strip(), flags=re.I)
        # "Nobody knows who was to blame", "it is unclear what caused it": a question names no cause
        cause = _trim_cause(head) if head and not NEGATION.search(head) and not re.search(r"\b(?:who|what|which|whoever|whatever)$", head, re.I) else None
        if cause and len(cause.split()) <= 8 and cause not in found:
            found.append(cause)
    # "the trouble that we have caused": words with no content word ("we have") name no cause; a cause
    # inside another of the sentence ("overcrowding caused by fans without tickets") is part of that one.
    return [c for c in found if content_stems(c) and not any(c != o and c in o for o in found)], effect


# "a wind change drove the blaze towards the town": a cause verb whose object moves towards a
# place gives the cause of where the thing went, not of the thing ("blamed a power line for the
# blaze"); arriving ("pushed the ferry onto the rocks") is the event itself.
TOWARDS_AFTER = re.compile(r"^\s+(?:[\w'-]+\s+){1,5}?(?:towards?|in the direction of)\b", re.I)


def _gives_direction(text: str, cause: str) -> bool:
    """True when `cause` is the subject of a cause verb whose object moves towards somewhere."""
    verbs = lexicons.words_pattern(lexicons.cause_verbs())
    for at in (m.end() for m in re.finditer(re.escape(cause), text)):
        verb = verbs.match(text, at + len(text[at:]) - len(text[at:].lstrip())) if verbs else None
        if verb and TOWARDS_AFTER.match(text[verb.end():]):
            return True
    return False


def causes_in(text: str) -> list[str]:
    """Return every cause a sentence gives (see scan_causes)."""
    return scan_causes(text)[0]


def effect_of(text: str) -> str | None:
    """Return what a sentence gives a cause for (see scan_causes)."""
    return scan_causes(text)[1]


def _dated_before_story(v: ClaimView, causes: list[str] = ()) -> bool:
    """True when the claim names a year before its story's ("Already in 2019 ..."), outside the words of
    its `causes` (a year told of the cause dates the cause: "a crack that had been reported in 2029")."""
    return v.story_year is not None and any(
        d.value and d.value[:4].isdigit() and int(d.value[:4]) < v.story_year and not any(d.text in c for c in causes) for d in v.claim.dates)


COPULA_AFTER = re.compile(r"^\s+(?:was|were|is|are|has been|have been|had been|will be)\b", re.I)


def _names_a_thing(text: str, effect: str) -> bool:
    """True when what a cause explains is a thing named by itself: the subject of "was caused by" /
    "was the result of", or what a frame puts between its verb and particle ("blamed the crash on",
    "attributes the accident to"). A clause ("the captain steered the ship into the shallows
    because of ...") tells the event in its own words, which another report's need not echo."""
    at = text.find(effect)
    if at < 0:
        return False
    if COPULA_AFTER.match(text[at + len(effect):]):
        return True
    # "The recount was delayed by ...": the subject of a passive the effect ends with (_effect_before)
    if re.search(r"\b(?:is|are|was|were|been)\s+[a-z]+$", effect) and re.match(r"\s+by\b", text[at + len(effect):]):
        return True
    before = text[:at].split()
    framing = {verb for verb, _ in lexicons.cause_frames()} | {"blamed"}
    return bool(before) and before[-1].lower() in framing


def _without_names(text: str) -> str | None:
    """The words of a phrase but capitalised ones after its first word and the prepositions left dangling."""
    words = text.split()
    kept = words[:1] + [w for w in words[1:] if not w[:1].isupper()]
    kept = " ".join(kept)
    kept = re.sub(r"(?:\s+(?:at|in|of|on|near|by|from|the|'s))+$", "", kept, flags=re.I).strip()
    return kept or None


def _explains_a_decision(effect: str | None) -> bool:
    """True when what a cause is given for is a decision taken about the event, told by a verb of
    data/compare/decision_verbs.txt ("Stewards closed the north stairway", "the recount was ordered",
    "Residents were kept indoors overnight"): its cause is the reason for the decision."""
    pattern = lexicons.words_pattern(lexicons.decision_verbs())
    return bool(effect and pattern and pattern.search(effect))


EFFECT_MIN_COS = 0.5  # "the crash" / "the accident" read alike; "the alarm" / "the leak" do not


def _of_one_effect(members: list[tuple[int, int]], scanned: dict, views: list[ClaimView], al: Alignment,
                   decisions: bool = False) -> list[tuple[int, int]]:
    """The causes that can be of one event: a cause whose sentence names what it explains ("The alarm
    was triggered by a night-shift worker") is left out when every other report's cause in the group
    explains something named unlike it ("the leak was caused by a corroded valve"). Causes whose
    sentence names no effect stay: nothing tells them apart. With `decisions`, the members are reasons
    for decisions, each named by the clause it explains ("Stewards closed the north stairway", "the
    recount was ordered"), and their clauses are always compared."""
    # What is explained, without the names it happened at ("The alarm at Varnholt Chemicals" / "the
    # leak at Varnholt Chemicals" share the place, not the thing).
    effects = {n: _without_names(e) if (e := scanned[n[0]][1]) and (decisions or _names_a_thing(views[n[0]].claim.text, e)) else None
               for n in members}
    known = [e for e in effects.values() if e]
    if len(set(known)) < 2 and not any(_disrupted(e) for e in known):
        return members
    al.vectors.encode(known)

    def alike(x: str, y: str) -> bool:
        return x.lower() == y.lower() or stem_overlap(content_stems(x), content_stems(y)) >= 0.5 or float(al.vectors[x] @ al.vectors[y]) >= EFFECT_MIN_COS

    kept = []
    for n in members:
        others = [effects[m] for m in members if views[m[0]].source != views[n[0]].source]
        if effects[n] and _disrupted(effects[n]):
            # "warning sirens were delayed by a power cut": a delay, a hold-up is an event of its own, seldom
            # the story's; its cause is of the event another report tells as delayed too, or of none
            told = [scanned[m[0]][1] for m in members if scanned[m[0]][1] and views[m[0]].source != views[n[0]].source]
            al.vectors.encode(told)
            if any(alike(effects[n], o) for o in told):
                kept.append(n)
            continue
        if not effects[n] or not others or any(o is None or alike(effects[n], o) for o in others):
            kept.append(n)
    return kept


def _disrupted(effect: str) -> bool:
    """True when an effect ends with the participle of a cause marker ending in "by" that is no cause
    verb ("The recount was delayed", data/compare/cause_markers.txt): a disruption of something."""
    said = effect.lower()
    return any(m.endswith(" by") and m[:-3] not in lexicons.cause_verbs() and said.endswith(" " + m[:-3]) for m in lexicons.cause_markers())


def cause_conflicts(al: Alignment, pairs: list[tuple[int, int]]) -> list[Conflict]:
    """Unlike causes given for one event by different reports.

    Causes are read from every claim; two claims' causes are compared when the claims are
    related or share an actor (or name none): a cause is usually given in a sentence of its
    own, which reads unlike the other reports' sentences. Alike causes ("strong winds",
    "gusts") form one position; a conflict needs two positions.
    """
    views = al.views
    # A sentence dated in a year before the story's tells a background event ("In 2019 the agency
    # fined the firm because of old pipes"): its causes are not causes of the story's event.
    # A year inside the cause itself ("caused by a crack in the spillway that had been reported in 2029")
    # dates the cause, not the event it explains.
    scanned = {v.index: found if not _dated_before_story(v, found[0]) else ([], None) for v in views for found in [scan_causes(v.claim.text)]}
    causes = {i: found for i, (found, _) in scanned.items()}
    nodes = [(i, k) for i, found in causes.items() for k in range(len(found))]
    if len(nodes) < 2:
        return []
    matrix = al.vectors.matrix([causes[i][k] for i, k in nodes])
    vectors = dict(zip(nodes, matrix))
    stems = {n: content_stems(causes[n[0]][n[1]]) for n in nodes}
    related = set(pairs)

    def alike(x, y) -> bool:
        return float(vectors[x] @ vectors[y]) >= 0.5 or stem_overlap(stems[x], stems[y]) >= 0.5

    # Which claims give causes for one event: related, or sharing an actor.
    event = UnionFind()
    with_cause = sorted({i for i, _ in nodes})
    for a, i in enumerate(with_cause):
        event.find(i)
        for j in with_cause[a + 1:]:
            if views[i].source != views[j].source and ((i, j) in related or _shares_actor(views[i], views[j], subject_is_source=True)):
                event.union(i, j)
    # Causes of where a thing went are compared only with each other, not with causes of the thing.
    # Causes of what did not or cannot happen ("people cannot dial 112 because the stadium has no
    # emergency line") are compared only with each other, not with causes of what happened.
    # Reasons for a decision ("Stewards closed the north stairway because the stairway was already
    # full") are compared only with each other, not with causes of the event ("the crush was caused by ...").
    direction = {n: (_gives_direction(views[n[0]].claim.text, causes[n[0]][n[1]]), bool(scanned[n[0]][1] and NEGATED_EFFECT.search(scanned[n[0]][1])),
                     _explains_a_decision(scanned[n[0]][1]))
                 for n in nodes}
    conflicts = []
    for group, towards in ((g, d) for g in event.groups() for d in sorted(set(direction.values()))):
        members = [n for n in nodes if n[0] in group and direction[n] == towards]
        members = _of_one_effect(members, scanned, views, al, decisions=towards[2])
        group = {i for i, _ in members}
        if len({views[i].source for i in group}) < 2:
            continue
        same = UnionFind()
        for a, x in enumerate(members):
            same.find(x)
            for y in members[a + 1:]:
                if alike(x, y):
                    same.union(x, y)
        positions = same.groups()
        if len(positions) < 2:
            continue
        by_value: dict[str, list[ClaimView]] = {}
        for pos in positions:
            texts = sorted({causes[i][k] for i, k in pos}, key=lambda t: (len(t), t))
            by_value[" / ".join(texts)] = [views[i] for i, _ in pos]
        # Two positions given by one source only (a sentence weighing two causes) are no disagreement between reports.
        sources = [{v.source for v in vs} for vs in by_value.values()]
        if not any(a - b or b - a for x, a in enumerate(sources) for b in sources[x + 1:]):
            continue
        # Named by what the causes are given for, as the positions' sentences say it ("the
        # collapse"), not by one side's sentence with its cause.
        effects = [e for pos in positions for i, _ in pos if (e := scanned[i][1])]
        first = min(effects, key=lambda t: (len(t), t)) if effects else views[min(i for pos in positions for i, _ in pos)].claim.text
        about = "cause of: " + _clip(first[:1].lower() + first[1:] if first.split()[0].lower() in {"the", "a", "an"} else first, 12)
        conflicts.append(_conflict("cause", about, [_position(c, by_value[c]) for c in sorted(by_value)]))
    return conflicts


# --------------------------------------------------------------------------- quotes


# A negative pronoun negates like "not": "No one ... is above the law" and "nobody ... stands above
# the law" both deny, so neither negates what the other says.
# "won't", "didn't": the contraction negates its verb, though no word boundary stands before "n't".
NEGATIVE = re.compile(r"\b(?:" + "|".join(NEGATION_WORDS + ("nobody", "nothing", "none", "neither", "nowhere")) + r")\b|n['’]t\b", re.I)


def _negation_clash(ta: str, tb: str) -> bool:
    """One rendering negates what the other says.

    The negated word must be in both: a partial quote ("house by house") is not the
    opposite of the full remark ("... we will not stop ...") just because it is shorter.
    """
    for negated, other in ((ta, tb), (tb, ta)):
        if NEGATIVE.search(negated) and not NEGATIVE.search(other):
            after = negated[NEGATIVE.search(negated).end():]
            following = [w for w in WORD.findall(after) if content_stems(w)][:1]
            if not following or content_stems(following[0]) <= content_stems(other):
                return True
    return False


def _antonym_clash(ta: str, tb: str) -> bool:
    """One rendering has a word where the other has its opposite (data/compare/antonyms.txt: "The
    sea was rough, but ..." / "The sea was calm, and ..."), and neither has both: they say opposite
    things of one condition, as a negation does."""
    wa, wb = {w.lower() for w in WORD.findall(ta)}, {w.lower() for w in WORD.findall(tb)}
    for x, y in lexicons.antonym_pairs():
        for one, other in ((wa, wb), (wb, wa)):
            if x in one and y in other and y not in one and x not in other:
                # The rest must be one remark's words: "rough seas slowed us" is no rendering of "calm heads prevailed".
                rest_a = content_stems(" ".join(w for w in WORD.findall(ta) if w.lower() not in (x, y)))
                rest_b = content_stems(" ".join(w for w in WORD.findall(tb) if w.lower() not in (x, y)))
                return stem_overlap(rest_a, rest_b) >= 0.5
    return False


def _one_sentence(x: QuoteVariant, y: QuoteVariant) -> bool:
    """Two renderings quoted in one sentence of one article (same evidence sentence)."""
    return any(e.article_id == f.article_id and e.text == f.text for e in x.evidence for f in y.evidence)


def quote_wording_conflicts(quotes: list[Quote], settings, sources: dict[str, str], vectors: TextVectors | None = None) -> list[Conflict]:
    """Renderings of one quote, from different sources, that do not agree in meaning.

    Cheap checks first (differing numbers or negation: a conflict; one rendering inside
    the other: agreement); only the remaining pairs are compared by embedding. Agreement
    carries over: renderings joined by a chain of agreeing pairs are variants of one remark
    ("those responsible would be held to account" agrees with "... will be held to account,
    whoever they are", which agrees with "... will answer for it, whoever they may be"); a
    conflict needs renderings no chain joins. Its sides are the sets of renderings that agree
    ("We had no warning the wall was weakening" three times, one adding a clause, against "We had
    some warning ..."), each with every outlet that quotes it so, not one side a rendering: two
    clashing renderings are never joined by a chain.
    """
    clash_pairs: dict[int, set[tuple[int, int]]] = defaultdict(set)
    to_embed: list[tuple[int, int, int]] = []
    agreeing: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for k, q in enumerate(quotes):
        for a in range(len(q.variants)):
            for b in range(a + 1, len(q.variants)):
                src_a = {sources.get(x, x) for x in q.variants[a].article_ids}
                src_b = {sources.get(x, x) for x in q.variants[b].article_ids}
                if src_a == src_b:
                    # Two quoted fragments of one sentence of one report ('said she had "done nothing
                    # wrong" but did not want to "become a burden"') are parts of one remark, not two
                    # renderings of it: whatever agrees with one part is no conflict with the other.
                    if _one_sentence(q.variants[a], q.variants[b]):
                        agreeing[k].append((a, b))
                    continue
                # Wording is compared only between quoted words: an outlet's paraphrase ("said nobody
                # was above the law", "said it was cooperating ...") is the outlet's wording, not the
                # speaker's; what it tells (a count, a claim) the other conflicts compare.
                if not (q.variants[a].direct and q.variants[b].direct):
                    continue
                ta, tb = q.variants[a].text, q.variants[b].text
                nums_a, nums_b = set(re.findall(r"\d[\d,.]*", ta)), set(re.findall(r"\d[\d,.]*", tb))
                if _negation_clash(ta, tb) or _antonym_clash(ta, tb) or (nums_a and nums_b and nums_a != nums_b):
                    clash_pairs[k].add((a, b))
                elif stem_overlap(content_stems(ta), content_stems(tb)) < 0.6:  # a partial quote inside a longer one agrees
                    to_embed.append((k, a, b))
                else:
                    agreeing[k].append((a, b))
    unlike: dict[int, set[tuple[int, int]]] = defaultdict(set)
    if to_embed:
        vector = vectors or TextVectors()
        vector.encode(t for k, a, b in to_embed for t in (quotes[k].variants[a].text, quotes[k].variants[b].text))
        for k, a, b in to_embed:
            if float(vector[quotes[k].variants[a].text] @ vector[quotes[k].variants[b].text]) >= settings.quote_variant_min_cos:
                agreeing[k].append((a, b))
            else:
                unlike[k].add((a, b))
    conflicts = []
    for k, q in enumerate(quotes):
        if not clash_pairs[k] and not unlike[k]:
            continue
        # Agreeing renderings join, but never two that clash (a number or a negation apart).
        side = {a: {a} for a in range(len(q.variants))}
        for a, b in agreeing[k]:
            joined = side[a] | side[b]
            if side[a] is not side[b] and not any((x, y) in clash_pairs[k] for x in joined for y in joined if x < y):
                for x in joined:
                    side[x] = joined
        # A conflict needs a clash, or unlike renderings that no chain of agreeing ones joins.
        if not clash_pairs[k] and all(side[a] is side[b] for a, b in unlike[k]):
            continue
        groups = [g for g in {id(g): g for a, g in side.items() if q.variants[a].direct}.values()]
        groups = [sorted(a for a in g if q.variants[a].direct) for g in groups]
        if len(groups) < 2:
            continue
        positions = []
        for members in sorted(groups, key=lambda g: g[0]):
            variants = [q.variants[a] for a in members]
            # The side reads as the rendering most of its outlets give, else the first.
            shown = max(variants, key=lambda var: (len(var.article_ids), -members[variants.index(var)]))
            positions.append(Position(value=shown.text, article_ids=list(dict.fromkeys(x for var in variants for x in var.article_ids)),
                                      evidence=[e for var in variants for e in var.evidence]))
        about = f"wording of a quote by {q.speaker or 'an unnamed speaker'}"
        conflicts.append(_conflict("quote_wording", about, positions))
    return conflicts
