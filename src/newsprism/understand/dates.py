"""Dates: article text -> DateMentions, relative ones resolved against the publication date.

Explicit dates, months, years, ranges ("1980-88", "since 2011", "between 2003 and 2005",
"from 19 to 21 September"),
decades, relative expressions ("on Wednesday", "last November", "three days ago", "in
recent years"; "in the past three years" is a range up to publication; "earlier this week" the
days of the week before publication) and durations ("a
9-year civil war": kind "duration", an ISO 8601 period, never a date; "at least two weeks"
keeps its bound word in the span; "a 67-year-old" is an age, left to `numbers`). A relative
expression is resolved only when the article's publication date is known; otherwise its value
stays None and `resolution` says why. A weekday set by a call or plan ("called a protest for
Saturday", verbs in data/understand/plan_for_verbs.txt) looks ahead of publication. "The previous
week", "the day before", "the next day" count from the one day their sentence, or the sentence
before, gives; with no such day, or two, they stay unresolved. "The day before the protest", "two
days after the vote", "the morning after the final" count from the event's date when another
sentence names that event and gives it one day near its name; otherwise they are left out. "On the
14th" is a day of the publication's month (or of the month before, when the 14th is still ahead).

Three kinds say a resolved date is no event date: "planned", a plan given up ("was originally
scheduled for April 9", cues in data/understand/superseded_plan_cues.txt), "dateline", the
date of a wire dateline ("MELLICK, Aug 18 (Agency) - ..."), which is when the report was filed,
and "until", the day a state ends ("the airport will stay closed until Friday").
Quarters and halves of a year ("Q3 2025", "the first half of 2026") are ranges of months.
A time of day is the `time` of its day's mention ("at 3.40am on Sunday" -> 03:40, "shortly before
midnight on Saturday" -> 24:00, "Sunday afternoon" -> afternoon; words in data/understand/day_times.csv,
zones in time_zones.txt); a clock time away from a day dates the one day its sentence gives, or
the sentence before when a link of same_day_links.txt ("minutes later") or a repeated event noun
ties the two, or when the text has given no other day before it; otherwise it stays undated.
On a live page (CleanArticle.entries) what an entry says is resolved against the entry's own day
(its ISO time, else the publication date with its clock time, else unknown): "yesterday" in the
entry posted at 00:30 on 9 April is 8 April, and a clock time no day is given to is on the
entry's day when it is no later than the entry and told in no future tense.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from newsprism.models import DateMention, publication_day
from newsprism.understand.nlp import table, word_list, word_trie
from newsprism.understand.numbers import bound_before, number_word_initials, number_words_regex, spread_over, word_value

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y", "hour": "H", "minute": "M"}

MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _ordinal_nouns() -> str:
    """The nouns of data/understand/ordinal_nouns.txt as a regex alternation."""
    return "|".join(sorted(map(re.escape, word_list("ordinal_nouns.txt")), key=len, reverse=True))


def _word_numbers() -> dict[str, float]:
    return {row["word"]: float(row["value"]) for row in table("number_words.txt") if row["value"]}


# a count in digits or words ("Thirty-two", "one hundred and twenty"), or "a"/"an"
NUMBER_WORD = rf"(?P<count>\d+(?:\.\d+)?|{number_words_regex()}|a|an|hundred)"
# what NUMBER_WORD can start with, checked first: the same matches, in half the time
COUNT_START = rf"(?=[\d{number_word_initials()}])"

# First letters of the weekday and month names, checked by lookahead before the patterns that
# start with those names try their alternations: the same matches, in about half the time.
WEEKDAY_START = "".join(sorted({w[0] for w in WEEKDAYS}))
MONTH_START = "".join(sorted({m[0] for m in MONTHS}))

# (kind, compiled pattern); earlier patterns win over later overlapping ones. A lookahead
# right after the first \b lists the letters a match can start with, checked before the
# pattern tries its alternations: the same matches, in about half the time.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")),
    # "17.11.2026": the dotted form is day first wherever it is written (German, French, Nordic outlets)
    ("dotted", re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:1[6-9]|20)\d\d)(?![\d]|\.\d)")),
    # "from 19 to 21 September", "19-21 September 2026", "September 19-21": one month named for two days
    ("dayspan", re.compile(rf"\b(?:(?:from|between)\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|and|until|till|through|-|–)\s*{DAY}\s+{MONTH}(?:,?\s+{YEAR})?(?![\w])", re.I)),
    ("mdspan", re.compile(rf"\b(?=[{MONTH_START}]){MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through)\s*{DAY}(?:,?\s+{YEAR})?(?![\w])", re.I)),
    ("dmy", re.compile(rf"\b(?=[\d{WEEKDAY_START}])(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH},?\s+{YEAR}\b", re.I)),
    ("mdy", re.compile(rf"\b(?=[{WEEKDAY_START}{MONTH_START}])(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b(?=[\d{WEEKDAY_START}])(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?![\w])", re.I)),
    # "on March 2, citing ...": a comma after the day ends the date unless a year follows it (mdy reads that)
    ("md", re.compile(rf"\b(?=[{WEEKDAY_START}{MONTH_START}])(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?!\w|,\s*\d)", re.I)),
    # "at the end of March", "the beginning of May 2040": a part of a named month, a range of its days
    # (start 1-10, middle 11-20, end 21 to its last day); its year as for "March 12"
    ("monthpart", re.compile(rf"\b(?:the\s+)?(?P<part>end|start|beginning|middle|close)\s+of\s+(?=[{MONTH_START}]){MONTH}(?:,?\s+{YEAR})?(?![\w])", re.I)),
    ("my", re.compile(rf"\b(?=[{MONTH_START}]){MONTH}\s+(?:of\s+)?{YEAR}\b", re.I)),
    # "on the 14th", "by the 3rd", "the 14th of March (2034)": a day of the month by its ordinal;
    # with no month, the publication's month, or the one before when the day is still ahead. A bare
    # ordinal is a day only after a preposition and never before a noun of rank ("on the 14th floor",
    # "in the 14th minute": data/understand/ordinal_nouns.txt)
    ("ordinal", re.compile(rf"\b(?=[obstf])(?:(?:on|by|since|until|till|from)\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?:\s+of\s+(?=[{MONTH_START}]){MONTH}(?:,?\s+{YEAR})?\b|(?![\w-]|\s+(?:{_ordinal_nouns()})\b))", re.I)),
    ("pastn", re.compile(rf"\b(?:in|over|during|within)\s+the\s+(?:past|last)\s+{COUNT_START}{NUMBER_WORD}\s+(?P<unit>year|month|week|day)s?\b", re.I)),
    ("duration", re.compile(rf"\b{COUNT_START}{NUMBER_WORD}[- ](?P<unit>year|month|week|day|decade|hour|minute)s?(?:-long|-old)?\b(?!\s+(?:ago|earlier|later|before|after))", re.I)),
    ("range", re.compile(r"\b(?P<y1>1[6-9]\d\d|20\d\d)\s*[-–—/]\s*(?P<y2>\d{2}|\d{4})\b(?!-)")),
    ("between", re.compile(rf"\b(?:between|from)\s+(?P<y1>1[6-9]\d\d|20\d\d)\s+(?:and|to|until|till)\s+(?P<y2>1[6-9]\d\d|20\d\d)\b", re.I)),
    ("since", re.compile(rf"\bsince\s+{YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>1[6-9]\d0|20\d0)s\b")),
    ("ago", re.compile(rf"\b{COUNT_START}{NUMBER_WORD}\s+(?P<unit>year|month|week|day)s?\s+ago\b", re.I)),
    ("relmonth", re.compile(rf"\b(?=[eilmnst])(?P<rel>last|this|next|in|since|early|late|mid-?)\s+{MONTH}(?![\w.]|\.\w)", re.I)),
    # "earlier this week", "later this month": the part of the unit before or after publication
    ("partunit", re.compile(r"\b(?P<side>earlier|later)\s+this\s+(?P<unit>week|month|year)\b", re.I)),
    ("relunit", re.compile(r"\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year|weekend)\b", re.I)),
    ("weekday", re.compile(rf"\b(?=[lnto{WEEKDAY_START}])(?:(?P<rel>last|next|this|on)\s+)?{WEEKDAY}\b", re.I)),
    ("deictic", re.compile(r"\b(?=[lty])(?P<word>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening|this week)\b", re.I)),
    ("vague", re.compile(r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?(?P<unit>years|months|weeks|days|decades)\b|\bin recent (?P<unit2>years|months|weeks)\b", re.I)),
    # a quarter or half of a year: "Q3 2025", "the fourth quarter of 2025", "H1 2026", "the first half of 2026"
    ("quarter", re.compile(rf"\b(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<qword>first|second|third|fourth|final|last)\s+quarter\s+of)\s+{YEAR}\b", re.I)),
    ("half", re.compile(rf"\b(?:H(?P<h>[12])|(?:the\s+)?(?P<hword>first|second)\s+half\s+of)\s+{YEAR}\b", re.I)),
    ("year", re.compile(rf"\b(?=[\s12abdefilmosu])(?P<prep>in|since|by|until|of|from|after|before|during|early|late|mid-?)?\s*{YEAR}\b(?![,.]?\d)(?!\s*(?:people|persons|troops|soldiers|civilians|dollars|%))", re.I)),
]


# Where each pattern's matches can begin, so that it is tried only there: a pattern opening with
# \b and a re.I lookahead gets no fast first-character scan from re, and the 26 of them tried at
# every position of the text took 260 of find_dates' 330 CPU ms on the speed bench's 60 articles.
# Each match of a pattern begins with one of its head words below (a whole word: no letter follows
# it; lowercase, matched as the pattern matches it, case aside) or with a digit (DIGIT). One scan
# (HEAD_SCAN) finds the heads, and each pattern is matched only where its own heads begin, in text
# order, each next try from where the last match ended: the matches `finditer` gives, on every text
# (the one start a head cannot give, a "year" match's space after a word before the year, is added
# by `_year_starts`; "dotted" runs as before on a text holding a digit, a dot and a digit).
DIGIT = "0"
COUNT_HEADS = (DIGIT, "a", "an", "hundred", *(row["word"] for row in table("number_words.txt") if " " not in row["word"]))
MONTH_HEADS, WEEKDAY_HEADS = tuple(MONTHS), tuple(WEEKDAYS)
PATTERN_HEADS: dict[str, tuple[str, ...]] = {
    "iso": (DIGIT,),
    "dayspan": ("from", "between", DIGIT),
    "mdspan": MONTH_HEADS,
    "dmy": (*WEEKDAY_HEADS, DIGIT),
    "mdy": (*WEEKDAY_HEADS, *MONTH_HEADS),
    "dm": (*WEEKDAY_HEADS, DIGIT),
    "md": (*WEEKDAY_HEADS, *MONTH_HEADS),
    "monthpart": ("the", "end", "start", "beginning", "middle", "close"),
    "my": MONTH_HEADS,
    "ordinal": ("on", "by", "since", "until", "till", "from", "the"),
    "pastn": ("in", "over", "during", "within"),
    "duration": COUNT_HEADS,
    "range": (DIGIT,),
    "between": ("between", "from"),
    "since": ("since",),
    "decade": ("the", DIGIT),
    "ago": COUNT_HEADS,
    "relmonth": ("last", "this", "next", "in", "since", "early", "late", "mid"),
    "partunit": ("earlier", "later"),
    "relunit": ("last", "this", "next", "past"),
    "weekday": ("last", "next", "this", "on", *WEEKDAY_HEADS),
    "deictic": ("the", "yesterday", "today", "tonight", "tomorrow", "last", "this"),
    "vague": ("in", "over", "during"),
    "quarter": ("q1", "q2", "q3", "q4", "the", "first", "second", "third", "fourth", "final", "last"),
    "half": ("h1", "h2", "the", "first", "second"),
    "year": ("in", "since", "by", "until", "of", "from", "after", "before", "during", "early", "late", "mid", DIGIT),
}
DOTTED_GATE = re.compile(r"\d\.\d")


def _kinds_by_head() -> dict[str, frozenset[str]]:
    heads = {h for hs in PATTERN_HEADS.values() for h in hs}
    return {h: frozenset(k for k, hs in PATTERN_HEADS.items() if h in hs) for h in heads}


KINDS_BY_HEAD = _kinds_by_head()
_WORD_HEADS = sorted(h for h in KINDS_BY_HEAD if h != DIGIT)
HEAD_SCAN = re.compile(
    rf"\b(?=[\d{''.join(sorted({h[0] for h in _WORD_HEADS}))}])(?:(?P<digit>\d)|{word_trie(_WORD_HEADS)}(?![^\W\d]))", re.I)


def _year_starts(text: str, digits: list[int]) -> list[int]:
    """Where a "year" match can open besides a head: at the \\b after a word that spaces end before
    a year ("Smith 1998", no `prep`), the first space of that run."""
    out = []
    for d in digits:
        p = d
        while p > 0 and text[p - 1].isspace():
            p -= 1
        if 0 < p < d and (text[p - 1].isalnum() or text[p - 1] == "_"):
            out.append(p)
    return out


def _pattern_matches(text: str):
    """(kind, match) of each pattern of PATTERNS in turn, as `pattern.finditer(text)` gives them (see above)."""
    starts: dict[str, list[int]] = {kind: [] for kind in PATTERN_HEADS}
    digits: list[int] = []
    every = frozenset(PATTERN_HEADS)
    for m in HEAD_SCAN.finditer(text):
        p = m.start()
        if m.group("digit"):
            digits.append(p)
            head = DIGIT
        else:
            head = m.group().lower()
        # a letter re.I matches beside another case (the Kelvin sign beside "k") is no head of the table: every pattern
        for kind in KINDS_BY_HEAD.get(head, every):
            starts[kind].append(p)
    if digits:
        starts["year"] = sorted(starts["year"] + _year_starts(text, digits))
    for kind, pattern in PATTERNS:
        if kind == "dotted":
            if DOTTED_GATE.search(text):
                yield from ((kind, m) for m in pattern.finditer(text))
            continue
        pos = 0
        for p in starts[kind]:
            if p >= pos and (m := pattern.match(text, p)) is not None:
                yield kind, m
                pos = m.end()


# An amount right before "a week" / "a day" makes it a rate ("$3.5 million a week", "40 flights a day", "four times a day").
RATE_BEFORE = re.compile(r"(?:\d|\b(?:thousand|million|billion|trillion|dollars|euros|pounds|percent|apiece|times|twice))\s*$", re.I)


def _month(text: str) -> int:
    """Return the month number of a month name or abbreviation ('Sept.' -> 9)."""
    word = text.lower().rstrip(".")
    return MONTHS[word] if word in MONTHS else MONTHS[word[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Words that put the infinitive after them ahead of a present "is"/"are": "is due to meet", "are set to vote".
PLAN_WORDS = frozenset({"due", "set", "expected", "scheduled", "slated", "poised"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
PAST_BE = frozenset({"was", "were"})
# Of PLAN_WORDS, those that in the past tense may still name a plan not yet carried out ("was due to visit",
# "was set to sign"); "was expected to" more often reports what then happened, and stays out.
PLAN_DUE = frozenset({"due", "set", "scheduled", "slated"})
# Modals that put a day in their clause ahead of the report: "can bring ... on Friday", "could be ... on 19 March".
MODALS_AHEAD = frozenset({"can", "could", "may", "might", "should", "must"})


def _is_future(doc: Doc | None, start: int) -> bool:
    """True when the verb governing the expression at `start` is in the future ('will meet on Monday')."""
    word = _word_at(doc, start)
    if word is None:
        return False
    token = _verb_above(word)
    if any(c.lower_ in {"will", "'ll", "shall"} for c in token.children) or any(c.lower_ == "going" for c in token.children):
        return True
    if token.dep_ in {"xcomp", "acomp"} and any(c.lower_ in {"will", "'ll", "shall"} for c in token.head.children):
        return True  # "will stay closed until Friday": the future of the verb the participle completes
    if any(c.dep_ in {"aux", "auxpass"} and any(w.lower_ in {"will", "'ll", "shall"} for w in c.children) for c in token.children):
        return True  # "will stay suspended until Friday", parsed with "stay" as the participle's auxiliary
    perfect = any(c.lower_ == "have" for c in token.children)  # "could have happened on Monday" looks back
    verb = token
    while verb.dep_ == "conj" and verb.head is not verb and not any(c.tag_ == "MD" for c in verb.children):
        verb = verb.head  # "can bring blankets and food on Friday": the modal of the first verb
    # "said it could not rule out ...": "could"/"might" in what a past verb reports is the past of can/may
    backshifted = verb.dep_ == "ccomp" and verb.head.tag_ == "VBD"
    if not perfect and any(c.tag_ == "MD" and c.lower_ in MODALS_AHEAD and not (backshifted and c.lower_ in {"could", "might"}) for c in verb.children):
        return True  # "can bring blankets on Friday", "the next move on 19 March could be a larger one"
    if token.lower_ in PRESENT_BE and any(c.dep_ == "nsubj" and any(w.lower_ == "next" for w in c.children) for c in token.children):
        return True  # "the next meeting is on 19 March": the next of something is ahead
    if _set_for(word):
        return True
    if _intended(token):
        return True
    # a plan told in the present: "is due to meet on Wednesday", "are expected to vote on Friday",
    # "a hearing is set for Thursday", "the verdict is due on Monday"
    plan = token.head if token.dep_ == "xcomp" else token
    if token.lower_ in PRESENT_BE:
        plan = next((c for c in token.children if c.lower_ in PLAN_WORDS), plan)
    # "is expected to have closed on Thursday" looks back
    if plan.lower_ in PLAN_WORDS and not perfect and any(w.lower_ in PRESENT_BE for w in (plan, plan.head, *plan.children)):
        return True
    # reported speech: "the company said it would send a text by Friday" looks ahead of the saying,
    # also as the second verb of the report ("said he was concerned and would meet ... on Wednesday")
    if not any(c.lower_ in {"would", "'d"} for c in token.children):
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "ccomp"


def _word_at(doc: Doc | None, start: int):
    """The token at character `start`; None without a parse or off a token."""
    if doc is None:
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _verb_above(token):
    """The verb (or auxiliary) a token hangs on, up to four heads up; the token itself when none is that close."""
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
    return token


def _governing_verb(doc: Doc | None, start: int):
    """The verb the word at character `start` hangs on (`_verb_above`); None without a parse."""
    word = _word_at(doc, start)
    return _verb_above(word) if word is not None else None


def _past_plan(doc: Doc | None, start: int) -> bool:
    """True for a day a plan told in the past tense governs: "the prime minister was due to visit on
    Thursday", "talks were set to resume on Monday". Such a plan may lie ahead of the report or have
    fallen due days before it; the weekday reader takes the nearer of the two days. A plan told in the
    pluperfect ("had been due to visit") looks back."""
    token = _governing_verb(doc, start)
    if token is None:
        return False
    plan = token.head if token.dep_ == "xcomp" else token
    if token.lower_ in PAST_BE:
        plan = next((c for c in token.children if c.lower_ in PLAN_DUE), plan)
    if plan.lower_ not in PLAN_DUE or any(c.lower_ == "have" for c in token.children):
        return False
    words = (plan, plan.head, *plan.children, *plan.head.children)
    return any(w.lower_ in PAST_BE for w in words) and not any(w.lower_ == "had" for w in words)


def _present_simple(doc: Doc | None, start: int) -> bool:
    """True for a day a verb in the simple present governs, itself a plain verb with no auxiliary:
    "Talks resume on Thursday" (a timetable, ahead) or a headline's "Nine die in crush on Saturday"
    (behind); the weekday reader takes the nearer of the two days. A verb of saying ("says")
    reports what was said, so it is left out (data/understand/speech_verbs.txt)."""
    token = _governing_verb(doc, start)
    if token is None:
        return False
    if token.tag_ not in {"VBP", "VBZ"} or token.pos_ != "VERB" or token.lemma_.lower() in word_list("speech_verbs.txt"):
        return False
    if token.tag_ == "VBP" and token.lower_ in word_list("same_form_verbs.txt"):
        return False  # "Storms hit the coast on Saturday": present or past, the parse cannot tell
    return not any(c.dep_ in {"aux", "auxpass", "neg"} for c in token.children)


def _infinitive(doc: Doc | None, start: int) -> bool:
    """True for a day a bare to-infinitive governs: "Search suspended for the day, to resume on
    Monday" (ahead), "flew to Vell to sign the deal on Wednesday" (behind); the tense is not told,
    so the weekday reader takes the nearer of the two days; "to be" too ("expects its systems to
    be back by Friday"). "to have signed", "had been due to sign" look back."""
    token = _governing_verb(doc, start)
    if token is None or token.pos_ not in {"VERB", "AUX"} or token.tag_ != "VB":
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    above = [token, token.head, token.head.head]  # "had been due to tour on Thursday" looks back too
    return not any(c.lower_ in {"have", "has", "had"} for t in above for c in t.children)


def _state_end(m: re.Match) -> bool:
    """True for a weekday after "until" (UNTIL_BEFORE) that ends a state, not a move ("put back
    until Friday", data/understand/superseded_plan_moves.txt) nor a state told in the pluperfect
    ("had been closed until Tuesday", which looks back)."""
    before = m.string[max(0, m.start() - 60):m.start()]
    if not UNTIL_BEFORE.search(before) or re.search(r"\bhad\b", before, re.I):
        return False
    return not any(w.lower() in word_list("superseded_plan_moves.txt") for w in re.findall(r"[A-Za-z]+", before)[-5:])


def _intended(verb) -> bool:
    """True for a verb that an intention told in the present governs, itself or through a chain of
    infinitives: "Salvors plan to begin pumping on Thursday", "a service is planned on Sunday"
    (lemmas in data/understand/intent_verbs.txt). "planned to ... on Thursday" (past) and "is
    expected to have closed on Monday" (perfect) look back."""
    if any(c.lower_ == "have" for c in verb.children):
        return False
    for _ in range(4):
        if verb.lemma_.lower() in word_list("intent_verbs.txt"):
            if verb.tag_ in {"VBP", "VBZ"}:
                return True  # "plan to", "expects to", "plans a vote"
            if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in verb.children):
                return True  # "is planned"
            return False
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
    return False


def _set_for(token) -> bool:
    """True for a day after "for" that a verb setting an event governs, itself or through its object:
    "called a protest for Saturday", "has called a strike for Monday", "is scheduled for Friday"
    (verbs in data/understand/plan_for_verbs.txt). The call comes before the report, the day after
    it. A plan told in the past perfect ("had been scheduled for Friday") is left to look back."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "for":
        return False
    verb = prep.head
    if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "nsubjpass"}:
        verb = verb.head  # "called [a protest] for Saturday"
    if verb.lemma_.lower() not in word_list("plan_for_verbs.txt") or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return not any(c.lower_ == "had" for c in verb.children)


def _count(text: str) -> float | None:
    text = text.lower()
    if text in {"a", "an"}:
        return 1.0
    try:
        return float(text)
    except ValueError:
        return _word_numbers().get(text) or word_value(text)


def _ordinal_day(g: dict, m: re.Match, pub: dt.date | None, doc: Doc | None) -> tuple[str, str | None, str | None, str | None] | None:
    """"on the 14th" (the publication's month, or the month before when the 14th is still ahead of
    it and no future verb governs), "the 14th of March" (the publication's year, as "14 March")."""
    day = int(g["day"])
    if not 1 <= day <= 31 or not (g["month"] or re.match(r"(?:on|by|since|until|till|from)\s", m.group(0), re.I)):
        return None  # "the 3rd in the table" with no month and no preposition: a rank, no day
    if g["month"] and g["year"]:
        d = _safe_date(int(g["year"]), _month(g["month"]), day)
        return ("date", d.isoformat(), None, None) if d else None
    if pub is None:
        return ("date", None, None, "a day of the month in an unknown month: publication date unknown")
    if g["month"]:
        d = _safe_date(pub.year, _month(g["month"]), day)
        if d and d > pub + dt.timedelta(days=31) and not _is_future(doc, m.start()):
            d = _safe_date(pub.year - 1, _month(g["month"]), day)
        return ("date", d.isoformat() if d else None, None, f"year taken from publication date {pub.isoformat()}")
    d, how = _safe_date(pub.year, pub.month, day), f"month taken from publication date {pub.isoformat()}"
    future = _is_future(doc, m.start())
    if (d is None or d > pub) and not future:
        before = pub.replace(day=1) - dt.timedelta(days=1)
        d, how = _safe_date(before.year, before.month, day), f"the month before publication date {pub.isoformat()} (day {day} is still ahead in its month)"
    elif d is not None and d < pub and future:
        after = (pub.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        d, how = _safe_date(after.year, after.month, day), f"the month after publication date {pub.isoformat()} (a future verb)"
    return ("date", d.isoformat() if d else None, None, how)


MONTH_PARTS = {"start": (1, 10), "beginning": (1, 10), "middle": (11, 20), "end": (21, 31), "close": (21, 31)}


def _month_part(g: dict, m: re.Match, pub: dt.date | None, doc: Doc | None) -> tuple[str, str | None, str | None, str | None] | None:
    """The days of a part of a named month ("the end of March": 21 to 31 March), its year as written,
    else the publication's (the year before when the part lies more than a month ahead and nothing
    tells a plan; the year after when it lies more than a month behind and a future verb tells one)."""
    month, (d1, d2) = _month(g["month"]), MONTH_PARTS[g["part"].lower()]
    if g["year"]:
        year, how = int(g["year"]), f"the {g['part'].lower()} of {g['month']} {g['year']}"
    elif pub is None:
        return ("range", None, None, f"the {g['part'].lower()} of {g['month']} in an unknown year: publication date unknown")
    else:
        year, how = pub.year, f"the {g['part'].lower()} of {g['month']}, year taken from publication date {pub.isoformat()}"
        first = dt.date(year, month, d1)
        if first > pub + dt.timedelta(days=31) and not _is_future(doc, m.start()):
            year -= 1
        elif first < pub - dt.timedelta(days=31) and _is_future(doc, m.start()):
            year += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return ("range", dt.date(year, month, d1).isoformat(), dt.date(year, month, min(d2, last)).isoformat(), how)


def _resolve(kind: str, m: re.Match, pub: dt.date | None, doc: Doc | None) -> tuple[str, str | None, str | None, str | None] | None:
    """Return (kind, value, end, resolution) for one match, or None to drop it."""
    g = m.groupdict()
    unknown = "publication date unknown"
    if kind in {"iso", "dotted"}:
        d = _safe_date(int(g["year"]), int(g["mon"]), int(g["day"]))
        return ("date", d.isoformat(), None, None) if d else None
    if kind in {"dmy", "mdy"}:
        d = _safe_date(int(g["year"]), _month(g["month"]), int(g["day"]))
        return ("date", d.isoformat(), None, None) if d else None
    if kind in {"dayspan", "mdspan"}:
        month, d1, d2 = _month(g["month"]), int(g["d1"]), int(g["day"])
        if not 1 <= d1 < d2 <= 31:
            return None
        if g["year"]:
            year, how = int(g["year"]), None
        elif pub is None:
            return ("range", None, None, f"{g['month']} {d1}-{d2} in an unknown year: {unknown}")
        else:
            year, how = pub.year, f"year taken from publication date {pub.isoformat()}"
            if _safe_date(year, month, d1) and _safe_date(year, month, d1) > pub + dt.timedelta(days=31) and not _is_future(doc, m.start()):
                year -= 1
        first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
        return ("range", first.isoformat(), last.isoformat(), how) if first and last else None
    if kind in {"dm", "md"}:
        month, day = _month(g["month"]), int(g["day"])
        if not 1 <= day <= 31:
            return None
        if pub is None:
            return ("date", None, None, f"{g['month']} {day} in an unknown year: {unknown}")
        d = _safe_date(pub.year, month, day)
        how = f"year taken from publication date {pub.isoformat()}"
        if d and d > pub + dt.timedelta(days=31) and not _is_future(doc, m.start()):
            d = _safe_date(pub.year - 1, month, day)
        elif d and d < pub - dt.timedelta(days=31) and _is_future(doc, m.start()):
            # "the cuts will start on January 1" in a November paper: the next January 1
            d, how = _safe_date(pub.year + 1, month, day), f"the next {g['month']} {day} after publication date {pub.isoformat()} (a future verb)"
        return ("date", d.isoformat() if d else None, None, how)
    if kind == "ordinal":
        return _ordinal_day(g, m, pub, doc)
    if kind == "monthpart":
        return _month_part(g, m, pub, doc)
    if kind == "my":
        return ("date", f"{int(g['year']):04d}-{_month(g['month']):02d}", None, None)
    if kind == "duration":
        count = _count(g["count"])
        if count is None:
            return None
        unit = g["unit"].lower()
        n = count * 10 if unit == "decade" else count
        prefix = "PT" if unit in {"hour", "minute"} else "P"
        return ("duration", f"{prefix}{n:g}{UNITS[unit]}", None, None)
    if kind in {"range", "between"}:
        y1, y2 = int(g["y1"]), g["y2"]
        end = int(y2) if len(y2) == 4 else int(str(y1)[:2] + y2)
        if end <= y1 or end - y1 > 100:
            return None
        return ("range", str(y1), str(end), None)
    if kind == "since":
        if pub is None:
            return ("range", g["year"], None, f"open range from {g['year']}: {unknown}")
        return ("range", g["year"], pub.isoformat(), f"since {g['year']} up to publication date {pub.isoformat()}")
    if kind == "decade":
        return ("range", g["decade"], str(int(g["decade"]) + 9), None)
    if kind in {"quarter", "half"}:
        year = int(g["year"])
        part = int(g.get("q") or g.get("h") or {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[(g.get("qword") or g.get("hword")).lower()])
        months = 3 if kind == "quarter" else 6
        first, last = dt.date(year, months * (part - 1) + 1, 1), dt.date(year, months * part, 1)
        return ("range", f"{first:%Y-%m}", f"{last:%Y-%m}", f"{kind} {part} of {year}: {first:%B} to {last:%B}")
    if kind == "year":
        return ("year", g["year"], None, None)
    # relative expressions: only with a publication date
    if kind == "pastn":  # "in the past three years": the stretch up to publication
        count = _count(g["count"])
        if pub is None or count is None:
            return ("relative", None, None, unknown)
        unit = g["unit"].lower()
        d = pub - dt.timedelta(days=round({"day": 1, "week": 7, "month": 30.44, "year": 365.25}[unit] * count))
        value = d.isoformat() if unit in {"day", "week"} else (f"{d.year:04d}-{d.month:02d}" if unit == "month" else str(d.year))
        return ("range", value, pub.isoformat(), f"{count:g} {unit}(s) before publication date {pub.isoformat()} up to it")
    if kind == "ago":
        count = _count(g["count"])
        if pub is None or count is None:
            return ("relative", None, None, unknown)
        unit = g["unit"].lower()
        days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[unit] * count
        d = pub - dt.timedelta(days=round(days))
        value = d.isoformat() if unit in {"day", "week"} else (f"{d.year:04d}-{d.month:02d}" if unit == "month" else str(d.year))
        return ("relative", value, None, f"{count:g} {unit}(s) before publication date {pub.isoformat()}")
    if kind == "relmonth":
        rel = g["rel"].lower()
        month = _month(g["month"])
        if pub is None:
            return ("relative", None, None, unknown)
        if rel == "next" or (rel in {"in", "this"} and _is_future(doc, m.start())):
            year = pub.year if month > pub.month else pub.year + 1
        elif rel == "this":
            year = pub.year
        else:
            year = pub.year if month < pub.month or (month == pub.month and rel not in {"last"}) else pub.year - 1
        how = "next" if rel == "next" else ("most recent" if rel != "this" else "this year's")
        return ("relative", f"{year:04d}-{month:02d}", None, f"{how} {g['month'].capitalize()} relative to publication date {pub.isoformat()}")
    if kind == "partunit":
        if pub is None:
            return ("relative", None, None, unknown)
        unit = g["unit"].lower()
        first = {"week": pub - dt.timedelta(days=pub.weekday()), "month": pub.replace(day=1), "year": pub.replace(month=1, day=1)}[unit]
        after = {"week": first + dt.timedelta(days=7), "month": (first + dt.timedelta(days=32)).replace(day=1), "year": first.replace(year=first.year + 1)}[unit]
        if g["side"].lower() == "earlier":
            low, high = first, max(first, pub - dt.timedelta(days=1))
        else:
            low, high = min(pub + dt.timedelta(days=1), after - dt.timedelta(days=1)), after - dt.timedelta(days=1)
        how = f"{' '.join(m.group(0).lower().split())}: the days of the {unit} of publication date {pub.isoformat()} {'before' if g['side'].lower() == 'earlier' else 'after'} it"
        return ("range", low.isoformat(), high.isoformat(), how)
    if kind == "relunit":
        if pub is None:
            return ("relative", None, None, unknown)
        rel, unit = g["rel"].lower(), g["unit"].lower()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            value = str(pub.year + shift)
        elif unit == "month":
            month_index = pub.year * 12 + pub.month - 1 + shift
            value = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
        else:
            if unit == "week" and rel == "this" and pub.weekday() == 6 and _is_future(doc, m.start()):
                shift = 1  # "will sign this week" in a Sunday paper: the week that starts the next day
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
            if unit == "weekend":
                # the Saturday and Sunday of that week: "this weekend" said on a Tuesday is the coming one
                saturday = monday + dt.timedelta(days=5)
                week = {-1: "the week before that of", 0: "the week of", 1: "the week after that of"}[shift]
                how = f"{m.group(0)}: the Saturday and Sunday of {week} publication date {pub.isoformat()}"
                return ("range", saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), how)
            if unit == "week":
                # a week is its seven days, Monday to Sunday: "pump the cargo this week" holds "on Thursday"
                week = {-1: "the week before that of", 0: "the week of", 1: "the week after that of"}[shift]
                how = f"{m.group(0)}: Monday to Sunday of {week} publication date {pub.isoformat()}"
                return ("range", monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), how)
            value = monday.isoformat()
        return ("relative", value, None, f"{m.group(0)} relative to publication date {pub.isoformat()}")
    if kind == "weekday":
        if pub is None:
            return ("relative", None, None, unknown)
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        nearer_ahead = (target - pub.weekday()) % 7 < (pub.weekday() - target) % 7
        # "was expected to remain shut until Tuesday": a state's end told in the past may lie ahead of
        # the report, so it takes the nearer of the two days, as a plan told in the past does
        if rel == "next" or (rel != "last" and (_is_future(doc, m.start()) or (nearer_ahead and (_past_plan(doc, m.start()) or _state_end(m) or _present_simple(doc, m.start()) or _infinitive(doc, m.start()))))):
            delta = (target - pub.weekday()) % 7
            # "called a march for Saturday" in a Saturday paper is that day, and so is "would travel there on
            # Sunday" in a Sunday paper: news copy names today's weekday (a week on is "next Sunday")
            if delta == 0 and (rel == "next" or DEADLINE_BEFORE.search(m.string[max(0, m.start() - 20):m.start()])):
                delta = 7  # "must report by Monday" in a Monday paper: a deadline of the day it is said is "by today"
            d = pub + dt.timedelta(days=delta)
            how = f"{g['weekday'].capitalize()} after {pub.isoformat()}" if delta else f"{g['weekday'].capitalize()} ahead, on the publication day {pub.isoformat()}"
        else:
            delta = (pub.weekday() - target) % 7
            if rel == "last" and delta == 0:
                delta = 7
            d = pub - dt.timedelta(days=delta)
            how = f"{g['weekday'].capitalize()} on or before {pub.isoformat()}" if delta == 0 else f"{g['weekday'].capitalize()} before {pub.isoformat()}"
        return ("relative", d.isoformat(), None, how + " (publication date)")
    if kind == "deictic":
        if pub is None:
            return ("relative", None, None, unknown)
        word = g["word"].lower()
        word = re.sub(r"\s+", " ", word)
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
        return ("relative", (pub + dt.timedelta(days=shift)).isoformat(), None, f"{word} relative to publication date {pub.isoformat()}")
    if kind == "vague":
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        if pub is None:
            return ("relative", None, None, unknown)
        return ("relative", None, pub.isoformat(), f"an unspecified number of {unit} before publication date {pub.isoformat()}")
    return None


class _Entry(NamedTuple):
    """A live entry as dates reads it: where it starts, its day (None when the page does not give
    one), its clock time ("HH:MM", or None) and how a resolution names it."""

    start: int
    day: dt.date | None
    clock: str | None
    label: str
    dated: bool  # the page dates the entry itself (an ISO time), not only its clock


def _entries(entries, pub: dt.date | None) -> list[_Entry]:
    """The live entries (CleanArticle.entries) by their start: an ISO time gives its own day, a
    clock time alone ("16:00") the publication day, and no day without one (never guessed)."""
    out = []
    for e in entries or ():
        time = e.time or ""
        day = publication_day(time) if len(time) >= 10 else pub
        clock = m.group(1) if (m := re.search(r"(?:^|T)(\d\d:\d\d)", time)) else None
        label = f"its live entry of {clock or time}"
        out.append(_Entry(e.start, day, clock, label, len(time) >= 10))
    return sorted(out, key=lambda e: e.start)


def _entry_at(entries: list[_Entry], offset: int) -> _Entry | None:
    """The live entry the text at `offset` belongs to (None before the first, or on other pages)."""
    i = bisect_right([e.start for e in entries], offset) - 1
    return entries[i] if i >= 0 else None


def _stamped(entries: list[_Entry], text: str, start: int, stop: int) -> _Entry | None:
    """The live entry whose time stamp the clock time at start:stop is: one opening the entry's
    text ("16:00 - ...") or alone on the line before it."""
    for e in entries:
        if e.start == start or (start < e.start and not text[stop:e.start].strip() and _entry_time(text, start, stop)):
            return e
    return None


def _by_entry(resolution: str | None, entry: _Entry) -> str | None:
    """A resolution made against an entry's day, saying so: "yesterday relative to the date of its
    live entry of 00:30, 2036-04-08". "up to publication date" stays as written (the timeline reads
    it as a period running to its report), the entry told after it."""
    if not resolution:
        return resolution
    said = re.sub(r"\b(?:the )?publication (date|day)\b(?= \d)", rf"the \1 of {entry.label},", resolution.replace("up to publication date", "up to PUB"))
    said = re.sub(r"\b(?:the )?publication (date|day)\b", rf"the \1 of {entry.label}", said)
    return said.replace("up to PUB", "up to publication date") + (f" ({entry.label})" if "up to PUB" in said else "")


def find_dates(article_id: str, text: str, published: str | None, doc: Doc | None = None, sentence_of=None,
               entries=None) -> list[DateMention]:
    """Return the date expressions of one article, resolved where the publication date allows.

    `sentence_of(char_offset) -> sentence index` fills `sentence_index` when given. `entries`, a
    live page's CleanArticle.entries, resolve what each entry says against the entry's own day
    ("yesterday" in an entry posted at 00:30 on 9 April is 8 April) instead of the page's date.
    """
    pub = publication_day(published)
    live = _entries(entries, pub)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, m in _pattern_matches(text):
        start, end = m.start(), m.end()
        matched = m.group(0)
        lead = len(matched) - len(matched.lstrip())
        start += lead
        if kind == "year":
            start = m.start("year")
        if matched.endswith(".") and "month" in m.groupdict() and m.group("month") and (len(m.group("month")) > 3 or m.group("month").lower() == "may"):
            end -= 1
        if any(start < e and s < end for s, e in taken):
            continue
        if kind == "duration" and m.group("count").lower() in {"a", "an"} and RATE_BEFORE.search(text[max(0, start - 24):start]):
            continue  # "$3.5 million a week": a rate of the amount, no span of time
        if kind == "duration" and (matched.lower().endswith("-old") or re.match(r"[- ]old\b", text[end:end + 5])):
            continue  # "a 67-year-old woman", "4 years old": an age (numbers reads it), no span of time
        if "month" in m.groupdict() and m.group("month") and not m.group("month")[0].isupper():
            continue  # "may", "march" in lower case are verbs
        entry = _entry_at(live, start)
        resolved = _resolve(kind, m, entry.day if entry else pub, doc)
        if resolved is None:
            continue
        date_kind, value, range_end, resolution = resolved
        if entry and "publication" in (resolution or ""):  # resolved against the entry's day
            resolution = _by_entry(resolution, entry)
        bound = bound_before(text, start) if date_kind == "duration" and not spread_over(text, start) else None
        if bound:
            # "at least two weeks": the span keeps its bound word, and the resolution says which side it bounds
            start, side = bound[1], {"low": "a lower bound", "high": "an upper bound", "approx": "approximate",
                                               "near_low": "a lower bound, just above it", "near_high": "an upper bound, just below it"}[bound[0]]
            resolution = f"{text[start:m.start() + lead].strip()} {value}: {side}"
        taken.append((start, end))
        found.append(DateMention(
            article_id=article_id, text=text[start:end], kind=date_kind, value=value, end=range_end,
            resolution=resolution, until_published=kind == "since" and range_end is not None,
            sentence_index=sentence_of(start) if sentence_of else None, start=start, stop=end,
        ))
    found.sort(key=lambda d: d.start or 0)
    found = _anchored(article_id, text, found, taken, sentence_of)
    found = _event_anchored(article_id, text, found, taken, sentence_of)
    found = _timed(article_id, text, found, taken, sentence_of, pub, live, doc)
    return [_mark_non_event(d, text) for d in _join_ranges(found, text)]


# "the previous week", "the week before", "the previous day", "the day before", "the next day",
# "the following morning" (the next day, `time` morning):
# a day or week counted from a date the text gave just before. "the day before" followed by its
# own object ("the day before the vote") counts from that thing, not from a date, and is left out.
ANAPHORIC = re.compile(
    r"\bthe\s+(?:(?P<pre>previous|preceding|following|next)\s+(?P<unit1>day|week|morning|afternoon|evening|night)"
    r"|(?P<unit2>day|week)\s+(?P<post>before|after|earlier|later)(?=\s*(?:[,.;:!?)]|$|\s(?:and|but)\b)))\b",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


def _sentence_finder(text: str):
    """offset -> sentence index by SENTENCE_END, for text without a parse."""
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]
    return lambda offset: max(0, bisect_right(starts, offset) - 1)


def _week_beside(day: dt.date, sign: int) -> tuple[dt.date, dt.date]:
    """The seven days before `day` (sign < 0) or after it, as first and last day."""
    if sign < 0:
        return day - dt.timedelta(days=7), day - dt.timedelta(days=1)
    return day + dt.timedelta(days=1), day + dt.timedelta(days=7)


def _anchored(article_id: str, text: str, found: list[DateMention], taken: list[tuple[int, int]], sentence_of) -> list[DateMention]:
    """Add the expressions of ANAPHORIC, resolved against the one day their sentence gives before
    them or, when that sentence gives none, the one its previous sentence gives. Two dates there,
    or none, leave the anchor unclear and the expression unresolved: never a guess."""
    if not ANAPHORIC.search(text):
        return found
    given_sentence_of = sentence_of
    if sentence_of is None:
        # sentences to find the anchor in; the mention's sentence_index stays None as the other mentions'
        sentence_of = _sentence_finder(text)
    out = list(found)
    for m in ANAPHORIC.finditer(text):
        start, end = m.start(), m.end()
        if any(start < e and s < end for s, e in taken):
            continue
        here = sentence_of(start)
        before = [d for d in out if d.kind != "duration" and d.start is not None and d.start < start]
        window = [d for d in before if sentence_of(d.start) == here] or [d for d in before if sentence_of(d.start) == here - 1]
        unit = (m.group("unit1") or m.group("unit2")).lower()
        part = None if unit in {"day", "week"} else unit  # "the following morning": the next day, in its morning
        unit = "day" if part else unit
        sign = -1 if (m.group("pre") or m.group("post")).lower() in {"previous", "preceding", "before", "earlier"} else 1
        anchor = window[0] if len(window) == 1 and window[0].kind in {"date", "relative"} and window[0].end is None else None
        day = dt.date.fromisoformat(anchor.value) if anchor and anchor.value and len(anchor.value) == 10 else None
        kind, value, range_end = ("relative", None, None) if unit == "day" else ("range", None, None)
        if day is None:
            resolution = "counted from a date the text does not make clear"
        elif unit == "day":
            value = (day + dt.timedelta(days=sign)).isoformat()
            resolution = f"the day {'before' if sign < 0 else 'after'} {day.isoformat()} ('{anchor.text}')"
        else:
            first, last = _week_beside(day, sign)
            value, range_end = first.isoformat(), last.isoformat()
            resolution = f"the seven days {'before' if sign < 0 else 'after'} {day.isoformat()} ('{anchor.text}')"
        _add_counted(out, taken, article_id, text, (start, end), kind, value, range_end, part, resolution,
                     here if given_sentence_of else None)
    return out


def _add_counted(out: list[DateMention], taken: list[tuple[int, int]], article_id: str, text: str, span: tuple[int, int],
                 kind: str, value: str | None, range_end: str | None, part: str | None, resolution: str, sentence_index: int | None) -> None:
    """Record a day counted from another date ("the day before", "two days after the vote") in
    `out`, kept in text order, and its span in `taken` so that no later pattern reads it again."""
    start, end = span
    taken.append(span)
    out.append(DateMention(
        article_id=article_id, text=text[start:end], kind=kind, value=value, end=range_end,
        time=part, resolution=resolution, sentence_index=sentence_index, start=start, stop=end,
    ))
    out.sort(key=lambda d: d.start or 0)


# "the day before the protest", "two days after the vote", "the morning after the final": a day
# counted from an event the phrase names, dated when the article's other sentences that name that
# event (by the same word, singular) give it one day, all the same one. No such sentence, or two
# days among them, leave the phrase out, as before: never a guess.
EVENT_ANCHORED = re.compile(
    rf"\b(?:the|{COUNT_START}{NUMBER_WORD})\s+(?P<unit>days?|weeks?|morning|afternoon|evening|night)\s+(?P<side>before|after)\s+"
    r"(?:the|its|their|this|that|[A-Z][\w-]*'s|last\s+\w+'s)\s+(?P<event>[a-z][a-z-]{2,})\b(?!')",
    re.I,
)
EVENT_SIDE = re.compile(r"\b(?:days?|weeks?|morning|afternoon|evening|night)\s+(?:before|after)\s", re.I)
EVENT_NEAR = 60  # characters between an event's name and the day that dates it, in one sentence


def _event_anchored(article_id: str, text: str, found: list[DateMention], taken: list[tuple[int, int]], sentence_of) -> list[DateMention]:
    """Add the EVENT_ANCHORED phrases whose event the article dates elsewhere (see above)."""
    if not EVENT_SIDE.search(text):  # the unit and its side, looked for first: the same result, faster
        return found
    given_sentence_of = sentence_of
    sentence_of = sentence_of or _sentence_finder(text)
    out = list(found)
    phrases = [(m.start(), m.end()) for m in EVENT_ANCHORED.finditer(text)]
    for m in EVENT_ANCHORED.finditer(text):
        start, end = m.start(), m.end("side")
        if any(start < e and s < end for s, e in taken):
            continue
        here, event = sentence_of(start), m.group("event").lower()
        # the sentences naming the event other than by a phrase like this one ("two days after the protest")
        # and the days those sentences give near the event's name: the event's date, if only one
        named = [n for n in re.finditer(rf"(?:\b(?:the|a|an|this|that)|'s)\s+(?:[a-z-]+\s+)?{re.escape(event)}\b(?!s\b|')", text, re.I)
                 if not any(s <= n.start() < e for s, e in phrases) and sentence_of(n.start()) != here]
        events = [d for n in named for d in out if d.start is not None and d.value and _one_day(d)
                  and sentence_of(d.start) == sentence_of(n.start()) and n.start() - EVENT_NEAR <= d.start <= n.end() + EVENT_NEAR]
        if len({d.value for d in events}) != 1 or any(len({d.value for d in days if d.value}) > 1 for days in (
                [d for d in out if d.start is not None and _one_day(d) and sentence_of(d.start) == sentence_of(n.start())] for n in named)):
            continue
        anchor = events[0]
        count = 1.0 if m.group("count") is None else _count(m.group("count"))
        if not count or count != int(count):
            continue
        unit = m.group("unit").lower().rstrip("s")
        part = None if unit in {"day", "week"} else unit
        sign = -1 if m.group("side").lower() == "before" else 1
        day = dt.date.fromisoformat(anchor.value)
        if unit == "week" and m.group("count") is None:  # "the week before the vote": its seven days
            first, last = _week_beside(day, sign)
            kind, value, range_end = "range", first.isoformat(), last.isoformat()
            resolution = f"the seven days {m.group('side').lower()} {day.isoformat()}, the {event}'s date ('{anchor.text}')"
        else:
            days_off = int(count) * (7 if unit == "week" else 1)
            kind, value, range_end = "relative", (day + dt.timedelta(days=sign * days_off)).isoformat(), None
            resolution = f"{int(count)} {unit if unit in {'day', 'week'} else 'day'}{'s' if count > 1 else ''} {m.group('side').lower()} {day.isoformat()}, the {event}'s date ('{anchor.text}')"
        _add_counted(out, taken, article_id, text, (start, end), kind, value, range_end, part, resolution,
                     here if given_sentence_of else None)
    return out


# Times of day. A bound word before a time ("shortly before midnight", "at 3.40am", "around 6pm").
TIME_QUALIFIER = r"(?:(?:shortly|just|soon|right|some\s+time|sometime|not\s+long)\s+(?:before|after)|before|after|around|about|approximately|roughly|at|by|until|till|from|since|past)"
TIME_PERIOD = {"at night": "night", "in the morning": "am", "in the afternoon": "pm", "in the evening": "pm"}


@lru_cache(maxsize=1)
def _day_times() -> dict[str, tuple[str, str]]:
    """word -> (clock, part) from data/understand/day_times.csv."""
    return {row["word"]: (row["clock"] or "", row["part"] or "") for row in table("day_times.csv")}


@lru_cache(maxsize=1)
def _clock_pattern() -> re.Pattern:
    """A clock time: "3.40am", "5 p.m.", "14:32", "0240 GMT", "11.50 at night", "midnight", with
    the zone after it (its bound word before it is read by QUALIFIER_BEFORE: a match that starts at
    a digit or a named time's letter is found in a fifth of the time)."""
    zones = "|".join(sorted((re.escape(z) for z in word_list("time_zones.txt")), key=len, reverse=True))
    named = "|".join(re.escape(w) for w, (clock, _) in _day_times().items() if clock)
    periods = "|".join(p.replace(" ", r"\s+") for p in TIME_PERIOD)
    return re.compile(
        rf"\b(?=[\d{''.join(sorted({w[0] for w in named.split('|')}))}])(?:"
        rf"(?P<h12>1[0-2]|0?[1-9])(?:[.:](?P<m12>[0-5]\d))?\s*(?P<ampm>[ap])(?:\.\s?m\b\.?|\s?m\b)"
        rf"|(?P<h24>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m24>[0-5]\d)(?![\d]|[.,]\d)(?:\s+(?P<period>{periods}))?(?:\s*(?P<hrs>hrs|h)\b)?"
        rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s*(?:hrs|GMT|UTC)\b)"
        rf"|(?P<named>{named})\b"
        rf")(?:\s+(?P<zone>{zones})(?![\w]))?",
        re.I,
    )


ENTRY_REST = re.compile(r"[ \t]*(?:$|\n|[-–—|:][ \t]+|[ \t](?=[A-Z]))")


def _entry_time(text: str, start: int, stop: int) -> bool:
    """True for a live page's entry time: a clock time that opens its line and stands alone on it
    or before the entry's words ("10:15", "10:15 - Divers reach the hull", "10:15 Divers ...")."""
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return False
    return bool(ENTRY_REST.match(text, stop))


QUALIFIER_BEFORE = re.compile(rf"\b{TIME_QUALIFIER}\s+$", re.I)


def _clock(m: re.Match, text: str, qualified: bool = False) -> str | None:
    """'HH:MM' of a `_clock_pattern` match, or None when the figure is no time ("a 3.40 rise");
    `qualified` when a bound word stands before it ("at 14:32")."""
    g = m.groupdict()
    if g["named"]:
        return _day_times()[g["named"].lower()][0]
    if g["ampm"]:
        hour = int(g["h12"]) % 12 + (12 if g["ampm"].lower() == "p" else 0)
        return f"{hour:02d}:{g['m12'] or '00'}"
    if g["h4"]:
        return f"{g['h4']}:{g['m4']}"
    hour, minute = int(g["h24"]), g["m24"]
    period = TIME_PERIOD.get(" ".join((g["period"] or "").lower().split()))
    if period:
        if hour > 12:
            return None
        evening = period == "pm" or (period == "night" and hour >= 6)
        return f"{hour % 12 + (12 if evening else 0):02d}:{minute}"
    alone = g["sep"] == ":" and _entry_time(text, m.start(), m.end())
    # "at 14:32"; a dotted "14.32" only with its zone or "hrs" ("closed at 10.50" may be a price)
    told = g["zone"] or g["hrs"] or alone or (qualified and g["sep"] == ":")
    return f"{hour:02d}:{minute}" if told else None


def _times(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, stop, time, how) of each clock time outside `taken`; a second time in brackets right
    after one, in another zone ("3.40am local time (0240 GMT)"), joins it as the same moment."""
    found: list[tuple[int, int, str, str]] = []
    pattern = _clock_pattern()
    for m in pattern.finditer(text):
        qualifier = QUALIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start())
        start = qualifier.start() if qualifier else m.start()
        if any(start < e and s < m.end() for s, e in taken) or (found and start < found[-1][1]):
            continue
        time = _clock(m, text, qualifier is not None)
        if time is None:
            continue
        stop, how = m.end(), " ".join(text[start:m.end()].split())
        again = re.match(r"\s*\(([^()\n]{3,24})\)", text[stop:])
        other = pattern.fullmatch(again.group(1).strip()) if again else None
        if other and other.group("zone") and _clock(other, again.group(1)):
            stop, how = stop + again.end(), f"{how} ({' '.join(again.group(1).split())}, the same moment)"
        found.append((start, stop, time, how))
    return found


@lru_cache(maxsize=1)
def _part_before() -> re.Pattern:
    """A part of the day right before a day: "early on Sunday", "late Tuesday", "in the early hours
    of Monday", "on the night of 3 May", "overnight on Saturday"."""
    parts = "|".join(sorted((re.escape(w) for w, (c, p) in _day_times().items() if p), key=len, reverse=True))
    return re.compile(rf"\b(?:(?:in|during)\s+the\s+(?P<hours>early\s+hours)\s+of|(?:on\s+)?the\s+(?P<of>{parts})\s+of|(?P<part>early|late|overnight))\s+(?:on\s+)?$", re.I)


# A part of the day right after a day: "Sunday afternoon", "on Wednesday night".
PART_AFTER = re.compile(r"\s+(?P<part>morning|afternoon|evening|night)\b", re.I)
# A day's own words that give its part: "last night", "tonight", "this morning".
OWN_PART = re.compile(r"(?:\b|to)(?P<part>morning|afternoon|evening|night)$", re.I)


DAY_KINDS = frozenset({"date", "relative"})


def _one_day(d: DateMention) -> bool:
    """True for a mention of one day (resolved or not): the only kind a time of day can be given with."""
    return d.kind in DAY_KINDS and d.end is None and (d.value is None or len(d.value) == 10) and d.start is not None


def _sentence_start(index: int, offset: int, sentence_of) -> int:
    """The first offset at or before `offset` in sentence `index` (sentence_of grows with the offset)."""
    lo, hi = 0, offset
    while lo < hi:
        mid = (lo + hi) // 2
        if sentence_of(mid) < index:
            lo = mid + 1
        else:
            hi = mid
    return lo


@lru_cache(maxsize=1)
def _same_day_link() -> re.Pattern:
    """A word of data/understand/same_day_links.txt, not counted in days ("two days later" moves on)."""
    links = "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in word_list("same_day_links.txt")), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?<!days\s)(?<!day\s)(?<!weeks\s)(?<!week\s)(?<!months\s)(?<!years\s)(?:{links})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _event_noun() -> re.Pattern:
    """An event noun of data/understand/event_nouns.txt, singular or plural."""
    nouns = "|".join(sorted(map(re.escape, word_list("event_nouns.txt")), key=len, reverse=True))
    return re.compile(rf"\b(?P<noun>{nouns})(?:e?s)?\b", re.I)


def _tied_back(text: str, start: int, here: int, sentence_of) -> bool:
    """True when sentence `here` ties itself, before the time at `start`, to the sentence before it:
    a link of same_day_links.txt ("Minutes later a helicopter arrived at 05:40"), or "the", "that" or
    "this" before an event noun the sentence before also names ("A fire broke out on Sunday. The fire
    was out by 6pm"). A time is the day's of another sentence only then (module doc)."""
    own = _sentence_start(here, start, sentence_of)
    head = text[own:start]
    if _same_day_link().search(head):
        return True
    named = {m.group("noun").lower() for m in _event_noun().finditer(text, _sentence_start(here - 1, own, sentence_of), own)}
    return any(
        m.group("noun").lower() in named and re.search(r"\b(?:the|that|this)\s+$", head[:m.start()], re.I)
        for m in _event_noun().finditer(head)
    )


def _timed(article_id: str, text: str, found: list[DateMention], taken: list[tuple[int, int]], sentence_of, pub: dt.date | None,
           live: list[_Entry] = (), doc: Doc | None = None) -> list[DateMention]:
    """Give days their time of day: a clock time or a part of the day beside a day joins its mention
    ("at 3.40am on Sunday", "Sunday afternoon", "shortly before midnight on Saturday"); a clock time
    elsewhere dates the one day its sentence gives ("... on Sunday and the helicopter arrived at
    5.10am"), or the one day the sentence before gives when the text ties the two (`_tied_back`:
    "Minutes later ...") or has given no other day before it (the publication day aside), or, on a
    line of its own on a live page, the publication day. With no such day, or two, it stays
    unresolved: never a guess ("Police cleared the camp on Tuesday. ... The court ruled on Friday.
    Bulldozers demolished the shacks by midday": the midday is no Friday's). Inside a live entry
    (`live`) the entry's day stands for the publication day: its stamp is on that day, and a time
    its sentences give no day to is on it when the time is not after the entry's own and told in no
    future tense ("detected at 03:10" in the entry of 09:05); a later one stays undated (it may be
    the day before's, or the next)."""
    given_sentence_of = sentence_of
    times = _times(text, taken)
    if not times and not re.search(r"\b(?:early|late|overnight|morning|afternoon|evening|night|hours)\b", text, re.I):
        return found
    before = _part_before()
    if sentence_of is None:
        sentence_of = _sentence_finder(text)
    out: list[DateMention] = []
    for d in found:
        if not _one_day(d):
            out.append(d)
            continue
        start, stop, time, how = d.start, d.stop or d.start, None, None
        clock = next((t for t in times if t[1] <= start and re.fullmatch(r"[ \t]*,?[ \t]*(?:on[ \t]+)?", text[t[1]:start])), None) \
            or next((t for t in times if t[0] >= stop and re.fullmatch(r",?[ \t]+", text[stop:t[0]])), None)
        if clock is not None:
            times.remove(clock)
            start, stop, time, how = min(start, clock[0]), max(stop, clock[1]), clock[2], clock[3]
        elif (m := before.search(text[max(0, start - 40):start])):
            word = (m.group("hours") or m.group("of") or m.group("part")).lower()
            start, time, how = start - (len(m.string) - m.start()), _day_times().get(" ".join(word.split()), ("", word))[1] or word, m.group(0).strip()
        elif (m := OWN_PART.search(d.text)):
            time, how = m.group("part").lower(), d.text
        elif (m := PART_AFTER.match(text, stop)) and not re.match(r"\s+(?:of|and)\b", text[m.end():m.end() + 5]):
            stop, time, how = m.end(), m.group("part").lower(), m.group("part").lower()
        if time is None:
            out.append(d)
            continue
        note = f"at {time} ('{how}')" if ":" in time else f"time of day: {time} ('{how}')"
        taken.append((start, stop))
        out.append(d.model_copy(update={"text": text[start:stop], "start": start, "stop": stop, "time": time,
                                         "resolution": "; ".join(filter(None, (d.resolution, note)))}))
    days = [d for d in out if _one_day(d) and d.value]
    for start, stop, time, how in times:
        if any(start < e and s < stop for s, e in taken):
            continue
        here = sentence_of(start)
        values = {d.value: d for d in days if sentence_of(d.start) == here}
        if not values and here > 0:
            values = {d.value: d for d in days if sentence_of(d.start) == here - 1}
            # the day before is this time's only when the text ties them, or gave no other day so far
            # (the publication day aside): "The court ruled on Friday" after "... on Tuesday" is another event's
            entry = _entry_at(live, start)
            own = {day.isoformat() for day in (pub, entry.day if entry else None) if day}
            so_far = {d.value for d in days if d.start < start and d.value not in own and _entry_at(live, d.start) == entry}
            if not (set(values) >= so_far or _tied_back(text, start, here, sentence_of)):
                values = {}
        entry = _entry_at(live, start)
        stamped = _stamped(live, text, start, stop)
        if stamped and stamped.day is not None:
            value, resolution = stamped.day.isoformat(), f"at {time}: a live page's entry time on " + (
                f"the date the page gives it, {stamped.day.isoformat()}" if stamped.dated else f"its publication date {stamped.day.isoformat()}")
        elif stamped:
            value, resolution = None, f"at {time}: a live page's entry time on a day the page does not give"
        elif _entry_time(text, start, stop) and pub is not None and not stamped:
            value, resolution = pub.isoformat(), f"at {time}: a live page's entry time on its publication date {pub.isoformat()}"
        elif len(values) == 1:
            anchor = next(iter(values.values()))
            value, resolution = anchor.value, f"at {time} ('{how}') on the day its sentence or the one before gives, {anchor.value} ('{' '.join(anchor.text.split())}')"
        elif not values and entry and entry.day and entry.clock and ":" in time and time <= entry.clock and not _is_future(doc, start):
            value, resolution = entry.day.isoformat(), f"at {time} ('{how}') on the day of {entry.label}, {entry.day.isoformat()} (no later than the entry, and no other day in its sentence)"
        else:
            value, resolution = None, f"at {time} ('{how}') on a day the text does not make clear"
        taken.append((start, stop))
        out.append(DateMention(
            article_id=article_id, text=text[start:stop], kind="relative", value=value, time=time, resolution=resolution,
            sentence_index=sentence_of(start) if given_sentence_of else None, start=start, stop=stop,
        ))
    out.sort(key=lambda d: d.start or 0)
    return out


# A wire dateline before a date ("MELLICK, Aug 18 (Northwind) - "): a capitalised place at the
# start of a line, a comma, the date, an optional agency in brackets, then a dash.
DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z'.-]+(?:[ ,]+[A-Z][A-Za-z'.-]+){0,3},[ \t]*$")
DATELINE_AFTER = re.compile(r"(?:,?\s+\d{4})?\s*(?:\([^()\n]{1,40}\))?\s*[—–-]+\s")
SENTENCE_BREAK = re.compile(r".*(?:[.!?][\"'”’)]*\s|\n)", re.S)


def superseded_plan(text: str, start: int) -> bool:
    """True when a cue of a plan given up stands right before the date at `start` ("originally
    scheduled for", "from its original date of", "had been set for"), at most a few linking words
    (data/understand/superseded_plan_links.txt) between them, in the same sentence."""
    before = text[max(0, start - 80):start]
    cut = SENTENCE_BREAK.match(before)
    words = re.findall(r"[a-z']+", (before[cut.end():] if cut else before).lower())
    # "slipped to March 14 from March 9": a verb moving a plan, then "from" right before the date
    move = re.search(r"\b([a-z]+)\b[^.;:!?]{0,40}\bfrom\s*$", " ".join(words))
    if move and any(w in word_list("superseded_plan_moves.txt") for w in re.findall(r"[a-z]+", move.group(0))[:-1]):
        return True
    cues, links = word_list("superseded_plan_cues.txt"), word_list("superseded_plan_links.txt")
    for _ in range(6):
        tail = " ".join(words[-4:])
        if any(tail == cue or tail.endswith(" " + cue) for cue in cues):
            return True
        if not words or words[-1] not in links:
            return False
        words.pop()
    return False


PLAN_BEFORE = re.compile(r"\b(?:was|were|is|are|had\s+been|has\s+been)\s+(?:scheduled|planned|set|due|slated|expected)\s+(?:to\s+[a-z]+(?:\s+[a-z]+){0,2}\s+)?(?:(?:for|on|at)\s+)?$", re.I)
BUT_MOVED = re.compile(r"[^.;:!?]{0,60}?\bbut\s+(?:was|were|has\s+been|had\s+been|is|are)?\s*([a-z]+)", re.I)


def _plan_then_moved(text: str, start: int, stop: int) -> bool:
    """True for "was scheduled for April 9 but was postponed": a plan whose own sentence moves it
    (a verb of data/understand/superseded_plan_moves.txt, or "called off", after "but")."""
    if not PLAN_BEFORE.search(text[max(0, start - 60):start]):
        return False
    but = BUT_MOVED.match(text, stop)
    return bool(but) and (but.group(1).lower() in word_list("superseded_plan_moves.txt") or but.group(1).lower() in {"called", "scrubbed", "cancelled", "canceled"})


# "will stay closed until Friday", "closed to pupils until at least Monday": the day a state ends, not
# the day of the event the sentence reports (a range "from ... until ..." is joined before this is read)
DEADLINE_BEFORE = re.compile(r"\b(?:by|no\s+later\s+than|not\s+later\s+than)\s+$", re.I)
UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+(?:at\s+(?:the\s+)?(?:least|earliest)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _product_date_before() -> re.Pattern:
    """A product's date word right before a date (data/understand/product_dates.txt): "use-by dates from"."""
    words = sorted((re.escape(w).replace("\\-", "[- ]").replace("\\ ", "[- ]") for w in word_list("product_dates.txt")), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words) or '(?!)'})(?:\s+dates?)?(?:\s+(?:of|on|in|between|from))?\s+$", re.I)


def _mark_non_event(d: DateMention, text: str) -> DateMention:
    """Give a resolved date that dates no event its kind: "dateline", "until" or "planned" (module doc);
    a product's date ("use-by dates from 20 to 28 October": data/understand/product_dates.txt) is "until"."""
    if d.kind in {"date", "relative", "range"} and d.value and d.start is not None and _product_date_before().search(text[max(0, d.start - 40):d.start]):
        return d.model_copy(update={"kind": "until", "resolution": "; ".join(filter(None, (d.resolution, "a product's date (use-by), not when something happened")))})
    if d.kind not in {"date", "relative"} or not d.value or d.start is None:
        return d
    if DATELINE_BEFORE.search(text[max(0, d.start - 60):d.start]) and DATELINE_AFTER.match(text, d.stop or d.start):
        return d.model_copy(update={"kind": "dateline", "resolution": "; ".join(filter(None, (d.resolution, "the date of a wire dateline: when the report was filed")))})
    if superseded_plan(text, d.start) or _plan_then_moved(text, d.start, d.stop or d.start):
        return d.model_copy(update={"kind": "planned", "resolution": "; ".join(filter(None, (d.resolution, "a plan given up, not when it happened")))})
    before = text[max(0, d.start - 40):d.start]
    moved = any(w.lower() in word_list("superseded_plan_moves.txt") for w in re.findall(r"[A-Za-z]+", before)[-4:])
    if UNTIL_BEFORE.search(before) and not moved:  # "put back until Friday" gives the new day of the event
        return d.model_copy(update={"kind": "until", "resolution": "; ".join(filter(None, (d.resolution, "the end of a state ('until'), not when something happened")))})
    return d


# "between 3 September and 28 October", "from early September until late October"
RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*$", re.I)
RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


def _join_ranges(found: list[DateMention], text: str) -> list[DateMention]:
    """Join two dates that open and close one stretch ("between 3 September and 28 October")
    into one range from the first to the second, each end resolved as it was alone."""
    out: list[DateMention] = []
    for d in found:
        first = out[-1] if out else None
        if (
            first is not None and first.kind in {"date", "relative"} and d.kind in {"date", "relative"}
            and first.value and d.value and first.value < d.value and first.stop is not None and d.start is not None
            and RANGE_JOIN.fullmatch(text[first.stop:d.start]) and RANGE_OPEN.search(text[max(0, first.start - 9):first.start])
        ):
            how = "; ".join(r for r in (first.resolution, d.resolution) if r) or None
            out[-1] = first.model_copy(update={"kind": "range", "end": d.value, "text": text[first.start:d.stop], "stop": d.stop, "resolution": how})
            continue
        out.append(d)
    return out
