"""Numbers: article text -> NumberMentions with what they count and their bounds.

"more than 380,000 people" -> value 380000, low 380000, unit "people"; "injuring more than 400"
-> unit "injured"; "hundreds of
strikes" -> low 200, high 999 (vague quantities from `data/understand/number_words.txt`);
"nearly 250 ships" -> high 250; "$1.2 billion a day" -> money, unit "USD/day" (currency names after an amount from
`data/understand/currencies.txt`); "a 9-year civil war" -> duration, unit "year"; "15 kilometres"
-> measure; "gate 4", "Naryn-3" -> identifier; "between 50 and 300 pounds" -> one number, low 50, high 300
("between 40 and 60 million": the scale serves both ends); "30 cents" -> money 0.30;
"40%" -> percent; "a 67-year-old woman", "Jo Doe, 52,", "aged over 65" -> age (unit "years"), never a
count nor a span of time; "twice" -> count 2, unit "times" (`data/understand/repeat_words.csv`), "twice as
many" / "three times as high" -> ratio; "once a week" -> count 1, unit "times/week"; "every three
months" -> frequency (value 3, unit "month": how often, no span of time); "a quarter of a century"
-> duration 25 years, "half an hour" 30 minutes (`data/understand/time_fractions.csv`); "magnitude 6.1", "the quake measured 6.1" -> measure on that scale
(`data/understand/scales.csv`); "at least two weeks" -> duration with its bound (a span `dates` also
reads: the number keeps the bound, the date the span). Number words combine as English writes them
("Thirty-two" -> 32, "one hundred and twenty" -> 120, "two hundred thousand" -> 200,000),
read by `number_words_regex` and `word_value`, which `dates` uses too. Bound words live in
`data/understand/bounds.txt`.
Business figures: "$38 a share" -> money, unit "USD/share" (`data/understand/priced_things.txt`);
"1,240p", "3.5 pence" -> money in pounds (`data/understand/currency_subunits.csv`); "EUR 3 billion"
-> money EUR; "400 million kilograms", "440,000 tons" -> 400,000 tonnes and "150 basis points" ->
1.5 percentage points (`data/understand/measure_units.csv`); "1.1 billion to 1.2 billion pounds" ->
one range; "Q3", "FY2027" -> identifier; "a quarter point", "a half-point" -> 0.25 / 0.5 percentage points;
"38.20 per euro", "38.20 lire to the euro" -> exchange rate, unit "per EUR".
Lengths: "8km", "8 kilometres", "a 2,900-metre volcano" -> measure, one unit however written (kilometres,
metres, miles, feet; measure_units.csv). "in the 67th minute" -> ordinal, unit "minute". "at least 12 are
injured", "The injured are 14" -> the state or the subject is what is counted. "voted 7-2", "a 2-1 win" ->
one mention of kind "score" (data/understand/tally_words.txt), no value; "took 18,412 votes against 18,375",
"voted 1,846 to 412" -> two counts of votes (data/understand/vote_verbs.txt). "24 of the council's 49 seats" ->
24 seats; "One worker is still unaccounted for" -> 1 worker (a state of counted_states.txt); "just over 61%" ->
61 to 62 (bounds.txt's near_low). "Four in five of those who voted", "two thirds of the members" -> percent 80 and
66.7, bounded by the rounding to a fifth or a third (data/understand/share_words.csv); "between a third and a
half of" -> one percent range, 33.3 to 50. A figure and a part of one are one figure: "two and a quarter
million" -> 2,250,000, "one and three quarters miles" -> 1.75 (a part spelled like an ordinal, "two and a
third", only before a scale, a unit, "of" or the clause's end: "caught two and a third escaped" counts two).
Numbers inside dates (years, days of the month) are left to `dates`, and a date is never what a figure
counts ("rose to 21 last night" counts no nights); "UTC+10" is a zone's offset, no figure. A currency no
list knows is money where its article prices things in it ("sold the club for 62 million dalers",
data/understand/price_frames.txt) and writes the word only after figures.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Doc

from newsprism.models import NumberMention
from newsprism.understand.nlp import table, word_list, word_trie

CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
# Units of measure: "15 kilometres away" measures a distance, it counts nothing.
MEASURE_UNITS = {
    "kilometres", "kilometers", "kilometre", "kilometer", "km", "miles", "mile", "metres", "meters", "metre", "meter",
    "feet", "foot", "inches", "centimetres", "centimeters", "tonnes", "tons", "tonne", "ton", "kilograms", "kg",
    "litres", "liters", "barrels", "hectares", "acres", "degrees", "megawatts", "mw", "kilowatts", "gigawatts",
    "millimetres", "millimeters", "mm", "cm",
    "barrel", "litre", "liter", "hectare", "acre", "kilogram", "kilo", "gallon", "gallons",
}
# "40 million cubic metres", "300 square kilometres": the unit is the two words
AREA_VOLUME = {"cubic", "square"}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6, "tn": 1e12}
DURATION_UNITS = {"year", "month", "week", "day", "decade", "hour", "minute", "second", "century"}
# A unit written onto its figure ("8km", "40kg", "300ft"): short symbols only; "300m" could be metres or
# millions and is left to the scale.
GLUED_UNITS = r"(?:km|kg|mm|cm|ft|mph|kph)\b"
# "a 2,900-metre volcano", "a 40-tonne lorry": the measure a hyphen ties to its figure, with the unit it is read in
HYPHEN_MEASURES = {"metre": "metres", "meter": "metres", "kilometre": "kilometres", "kilometer": "kilometres",
                   "mile": "miles", "foot": "feet", "tonne": "tonnes", "ton": "tons", "hectare": "hectares", "acre": "acres"}
RATES = r"(?P<rate>\s+(?:a|per|each)\s+(?:day|week|month|year|hour))?"


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[float | None, float | None, float | None]]:
    out = {}
    for row in table("number_words.txt"):
        def num(x: str) -> float | None:
            return float(x) if x else None
        out[row["word"]] = (num(row["value"]), num(row["low"]), num(row["high"]))
    return out


@lru_cache(maxsize=1)
def _currency_words() -> dict[str, str]:
    """Currency names after an amount (data/understand/currencies.txt): phrase -> ISO code."""
    return {row["phrase"]: row["code"] for row in table("currencies.txt")}


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    """(ISO code, characters taken) of a currency name right after an amount, the longest
    phrase first: '200,000 Egyptian pounds' -> ('EGP', 16)."""
    after = re.match(r"(?:\s+of)?\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[end:end + 40])  # "billions of rials"
    if not after:
        return None
    words = _currency_words()
    if after.group(2) and f"{after.group(1)} {after.group(2)}".lower() in words:
        return words[f"{after.group(1)} {after.group(2)}".lower()], after.end()
    word = after.group(1).lower()
    if word in _local_currencies():
        local = _local_currency(word, text)
        if local or word in words:
            return local or words[word], after.end(1)
        return word, after.end(1)  # "dinars" with no country named: the word is all we know
    if word in words:
        return words[word], after.end(1)
    return None


@lru_cache(maxsize=1)
def _local_currencies() -> dict[str, list[tuple[re.Pattern, str]]]:
    """word -> [(regex of a country's name, aliases, demonyms and capital, ISO code)] (data/understand/local_currencies.csv)."""
    countries = {row["name"]: row for row in table("countries.csv")}
    out: dict[str, list[tuple[re.Pattern, str]]] = {}
    for row in table("local_currencies.csv"):
        info = countries.get(row["country"], {})
        names = [row["country"]] + [n for key in ("aliases", "demonyms", "capital") for n in (info.get(key) or "").split("|") if n]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
        out.setdefault(row["word"], []).append((pattern, row["code"]))
    return out


def _local_currency(word: str, text: str) -> str | None:
    """The code of the one country using `word` ("pounds") that the article names, else None."""
    codes = {code for pattern, code in _local_currencies()[word] if pattern.search(text)}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=1)
def _bounds() -> list[tuple[str, str]]:
    rows = [(row["phrase"], row["bound"]) for row in table("bounds.txt")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _cardinals() -> dict[str, float]:
    """Single cardinal words of number_words.txt by value: 'one' ... 'ninety', 'hundred', 'thousand' ..."""
    return {w: v for w, (v, low, high) in _words().items() if " " not in w and v is not None and v >= 1 and v == int(v) and low == high == v}


# Ordinal endings of a compound ("twenty-first"): the compound is a rank, not a count.
ORDINAL_WORDS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"


@lru_cache(maxsize=1)
def number_words_regex() -> str:
    """Regex (no groups) for a cardinal written in words, built from number_words.txt:
    'seven', 'Thirty-two', 'twenty one', 'two hundred', 'a hundred', 'one hundred and twenty'.

    Larger scales ('thousand', 'million') are left to the caller, which multiplies
    ('two hundred thousand'). Hand-written because the grammar is small and the words come
    from the data file; no library on the venv reads number words."""
    def alt(lo: float, hi: float, step: float = 1) -> str:
        words = [w for w, v in _cardinals().items() if lo <= v <= hi and v % step == 0]
        return "|".join(sorted(words, key=len, reverse=True))
    units, teens, tens = alt(1, 9), alt(10, 19), alt(20, 90, 10)
    hundred = alt(100, 100)
    small = rf"(?:(?:{tens})(?:[- ](?:{units}))?|(?:{teens})|(?:{units}))"
    return rf"(?:(?:{small}|an?)[- ](?:{hundred})(?:(?: and |[- ]){small})?|{small})(?!-(?:{ORDINAL_WORDS})\b)"


def word_value(phrase: str) -> float | None:
    """Value of a cardinal in words ('Thirty-two' -> 32, 'one hundred and twenty' -> 120)."""
    total = 0.0
    for word in re.split(r"[-\s]+", phrase.lower()):
        if word in {"and", ""}:
            continue
        value = 1.0 if word in {"a", "an"} else _cardinals().get(word)
        if value is None:
            return None
        total = (total or 1.0) * value if value == 100 else total + value
    return total


def _word_triple(word: str) -> tuple[float | None, float | None, float | None] | None:
    """(value, low, high) of a number word or phrase: the data file's, else the compound's."""
    word = " ".join(word.lower().split())
    if word in _words():
        return _words()[word]
    value = word_value(word)
    return (value, value, value) if value is not None else None


@lru_cache(maxsize=1)
def number_word_initials() -> str:
    """Return, for a regex character class, the first letters of number_words.txt's words and of 'a' / 'an'.

    A lookahead on this class lets a number regex pass over the positions where no number
    word can start before it tries its long alternation of words there: the same matches,
    found in 99 ms instead of 146 on the speed bench's 60 articles."""
    return "".join(sorted({re.escape(w[0].lower()) for w in [*_words(), "a", "an"]}))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    # data-file words other than the cardinals the compound reads ('hundreds', 'a few', 'dozen')
    words = sorted((w for w in _words() if w not in _cardinals() or _cardinals()[w] > 100 or w == "hundred"), key=len, reverse=True)
    word_alt = number_words_regex() + "|" + "|".join(re.escape(w) for w in words)
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    scale = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn\b|mn\b|tn\b|m\b|k\b))?"  # "$1.2tn", "1.2mn"
    # a match starts at a currency sign, or at the digit or number word (a space before it at most)
    starts = rf"(?=US\$|[$€£¥]|\s?(?:\d|\b[{number_word_initials()}]))"
    # "two and a half", "two and a quarter", "one and three quarters": a whole and a part of one (share_words.csv)
    part_counts = "|".join(sorted(PART_COUNTS, key=len, reverse=True))
    parts = "|".join(sorted((re.escape(r["word"]) for r in table("share_words.csv")), key=len, reverse=True))
    return re.compile(
        rf"{starts}(?P<currency>US\$|\$|€|£|¥)?\s?(?:(?P<digits>{digits})|(?P<word>\b(?:{word_alt})\b))(?P<half>\s+and\s+(?P<partn>{part_counts})[\s-]+(?P<part>{parts})\b)?{scale}"
        rf"(?P<pence>(?<=\d)p\b(?!\.\w))?"  # "1,240p": pence, read as pounds
        rf"(?P<percent>\s?%|[\s-]+per[\s-]?cent\b|[\s-]+percent\b|(?<=\d)pc\b)?"  # "12%", "12 per cent", "a 12-percent rise", "1.5pc"
        rf"(?:-(?P<hyphunit>year|month|week|day|decade|hour|minute|century)s?(?:-long|(?P<old>-old))?\b)?"
        rf"(?:-(?P<hyphmeasure>{'|'.join(HYPHEN_MEASURES)})\b)?"  # "a 2,900-metre volcano": a length, no count
        # a "%" ends the figure with no word boundary after it ("40% of the region"); "8km" ends before its glued unit
        rf"(?P<ordinal>st|nd|rd|th)?(?:\b|(?<=%)|(?={GLUED_UNITS}))",
        re.I,
    )


# How many parts a whole figure's "and ..." adds: "and a quarter", "and three quarters".
PART_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# Parts that are also the ordinals of a list ("two and a third died"): counted only before what they measure.
_ORDINAL_PARTS = frozenset({"third", "fifth", "tenth"})


def _part_of_one(count: str | None, part: str | None) -> float | None:
    """The part a figure's "and <count> <part>" adds (share_words.csv): "a quarter" 0.25, "three quarters"
    0.75, "two thirds" 0.667; None when it is no part of one ("and three halves", "and a thirds")."""
    if not count or not part:
        return None
    sizes = {r["word"]: int(r["parts"]) for r in table("share_words.csv")}
    n, whole = PART_COUNTS.get(count.lower()), sizes.get(part.lower())
    if n is None or whole is None or n >= whole or (n == 1 and part.lower().endswith("s")):
        return None
    return n / whole


def _part_stands_alone(part: str, text: str, end: int) -> bool:
    """Whether a part after "and" belongs to the figure before it: "two and a half", "two and a quarter"
    always; a part spelled like an ordinal ("two and a third") only before a scale, a unit, "of" or the
    end of the clause, not before a verb ("shot two and a third escaped")."""
    if part.lower() not in _ORDINAL_PARTS:
        return True
    after = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z]|$)", text[end:end + 24])
    word = (after.group(1) if after else "").lower()
    return (not word or not word[0].isalpha() or word == "of" or word in SCALES or word.rstrip("s") in DURATION_UNITS
            or word in MEASURE_UNITS or _measure_unit_after(text, end) is not None)


@lru_cache(maxsize=1)
def _number_heads() -> re.Pattern:
    """Where a match of `_pattern()` can begin: a currency sign, a digit, or the first word of a number
    word (a whole word), each also from the one space before it (`\\s?`)."""
    heads = sorted({w.split()[0].lower() for w in [*_words(), "a", "an"]})
    return re.compile(rf"US\$|[$€£¥]|(?P<digit>\d)|\b(?=[{number_word_initials()}])(?P<word>{word_trie(heads)})(?![^\W\d])", re.I)


def _number_matches(text: str):
    """The matches `_pattern().finditer(text)` gives, the pattern tried only where `_number_heads` begin:
    the pattern opens with a lookahead, so re has no first character to scan for and tried it at every
    position (110 of find_numbers' 300 CPU ms over the speed bench's 60 articles; 29 ms this way).
    A new way for a match to begin must be added to the heads."""
    starts = []
    for m in _number_heads().finditer(text):
        p = m.start()
        if p > 0 and (m.group("digit") or m.group("word")) and text[p - 1].isspace():
            starts.append(p - 1)
        starts.append(p)
    pattern, pos = _pattern(), 0
    for p in starts:
        if p >= pos and (m := pattern.match(text, p)) is not None:
            yield m
            pos = m.end()


def _bound_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 25):start].lower().rstrip()
    before = re.sub(r"\s+an?$", "", before)  # "more than a thousand": the bound is before the article
    for phrase, bound in _bounds():
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return bound
    return None


# How far below its figure "nearly" / "almost" / "as many as" puts the true value, as a share of the figure.
SHORT_OF = 0.08


def _with_bound(value: float | None, low: float | None, high: float | None, bound: str | None) -> tuple[float | None, float | None]:
    """(low, high) of a figure after a bound phrase: "at least 17" -> (17, None), "up to 17" ->
    (None, 17), "about 17" -> (None, None), "just over 17" -> (17, 18), "just under 0.5" -> (0.45, 0.5), "nearly 90%"
    -> (82.8, 90), "almost 10" -> (9, 10); a figure with no value ("hundreds") or no bound keeps its own."""
    if value is None or bound is None:
        return low, high
    if bound in {"near_low", "near_high"}:
        # "just over 61%": above 61 by less than a step of its last written digit (61 -> 62), at most a tenth of it
        margin = min(float(10 ** Decimal(repr(float(value))).normalize().as_tuple().exponent), abs(value) / 10)
        return (value, value + margin) if bound == "near_low" else (value - margin, value)
    if bound == "short":
        # "nearly 90%", "as many as 900": a little below the figure (bounds.txt), 8% of it, at least one of a whole count
        margin = value * SHORT_OF
        if float(value).is_integer() and value >= 2:
            margin = max(margin, 1.0)
        return value - margin, value
    return {"low": (value, None), "high": (None, value), "approx": (None, None)}.get(bound, (low, high))


def _unit(doc: Doc | None, start: int, end: int, text: str, dates: list[tuple[int, int]] = ()) -> str | None:
    """Return what a number counts: the noun after it ('380,000 people', 'hundreds of strikes'); never a
    word of a date (`dates`: their spans): "the toll rose to 21 last night" counts no nights."""
    if doc is None:
        after = re.match(r"\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}?([a-z]+s)\b", text[end:end + 40])
        return after.group(1) if after else None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if span.end >= len(doc):
        return _people_figure(span.root)  # a headline's last word: "toll rises to 18"
    i = span.end
    if doc[i].lower_ == "of" and i + 1 < len(doc):
        i += 1
        if doc[i].lower_ == "the" and i + 1 < len(doc) and doc[i + 1].lower_ in word_list("counted_states.txt"):
            return doc[i + 1].lower_  # "31 of the injured"
    noun_after = i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"}  # "five injured people" counts people
    if doc[i].lower_ in word_list("counted_states.txt") and doc[i].pos_ in {"VERB", "ADJ", "NOUN"} and not noun_after:
        return doc[i].lower_  # "more than 140 injured"
    partitive = i > span.end  # "1,350 of the country's 2,100 schools": the part counts the whole's noun
    for token in doc[i:i + (6 if partitive else 4)]:
        if any(s <= token.idx < e for s, e in dates):
            break  # "rose to 21 last night", "31 on Monday": a date follows, no counted noun
        # a word that modifies a noun after it ("two neighbouring villages", "air strikes") is not the unit
        modifies_next = token.i < token.head.i <= token.i + 3 and token.head.pos_ in {"NOUN", "PROPN"}
        if partitive and token.dep_ == "poss":
            continue  # "of the country's 2,100 public schools": the owner is not what is counted
        if token.dep_ == "amod" and token.tag_ in {"VBN", "VBG"}:
            continue  # "a dozen disputed ballot papers": a participle before the noun describes it
        if token.pos_ in {"NOUN", "PROPN"} and not modifies_next:
            if _verb_read_as_noun(token):
                return None
            return token.lower_ if token.pos_ == "NOUN" else token.text
        possessive = token.tag_ == "PRP$" or (partitive and token.tag_ == "POS")  # "212 of its supporters", "of the country's"
        if not possessive and (token.pos_ not in {"ADJ", "NOUN", "PROPN", "DET", "NUM", "ADV", "PUNCT"} or token.is_punct and token.text not in {"-"}):
            break
    head = span.root.head
    if span.root.dep_ in {"nummod", "quantmod"} and head.pos_ == "NOUN" and head.i >= span.end:
        return head.lower_
    if span.root.dep_ == "dobj" and head.pos_ == "VERB":
        # "killing 38 people and injuring more than 400": the verb's participle says what is counted
        lemma = head.lemma_.lower()
        participle = lemma + ("d" if lemma.endswith("e") else "ed")
        if participle in word_list("counted_states.txt"):
            return participle
    if span.root.dep_ in {"nsubj", "nsubjpass"} and head.lower_ in word_list("counted_states.txt"):
        return head.lower_  # "at least 12 are injured", "a dozen were hurt": the state the figure is in
    if span.root.dep_ in {"nsubj", "nsubjpass"} and _befalls_people(head):
        return "people"  # "21 were rushed to hospital", "THREE of them died": only people are
    if span.root.dep_ == "attr" and head.lemma_ == "be" and _people_figure(span.root) is None:
        # "The injured are 14", "The victims are two" (a translation's word order): the subject is what is counted
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "VERB", "ADJ"}), None)
        if subject is not None and (subject.pos_ == "NOUN" or subject.lower_ in word_list("counted_states.txt")):
            return subject.lower_
    return _people_figure(span.root)


SCALE_WORD = r"(?:thousand|million|billion|trillion|bn|mn|m)"


def _named_currencies(doc: Doc | None, text: str) -> frozenset[str]:
    """Words an article names money by that no list knows ("62 million dalers", a country's own
    money): the noun after a figure that a price frame takes (data/understand/price_frames.txt:
    "sold the club to X for 62 million dalers", "its debts of 18 million dalers"), when the article
    writes the word only right after figures. "bought vaccines for 62 million people" names no
    currency, as "people" stands alone elsewhere ("The people of ..."), and a word known as
    something else (a unit of measure, of time) is no currency."""
    if doc is None:
        return frozenset()
    frames = {(row["word"], row["kind"]) for row in table("price_frames.txt")}
    found = set()
    for token in doc:
        figures = [c for c in token.children if c.dep_ == "nummod" and c.pos_ == "NUM"]
        if token.tag_ != "NNS" or not figures:
            continue
        prep = token.head
        owner = prep.head
        if token.dep_ == "pobj":
            priced = (prep.lower_ == "for" and owner.pos_ == "VERB" and (owner.lemma_.lower(), "verb") in frames
                      and any(c.dep_ == "dobj" for c in owner.children) or prep.lower_ == "of" and (owner.lemma_.lower(), "noun") in frames)
        else:
            # "paid 62 million dalers for the striker": the sum paid for a thing, a figure of millions
            priced = (token.dep_ == "dobj" and prep.lemma_.lower() == "pay" and any(c.dep_ == "prep" and c.lower_ == "for" for c in (*prep.children, *token.children))
                      and any(re.fullmatch(SCALE_WORD, t.lower_) for f in figures for t in f.subtree))
        word = token.lower_
        if not priced or word.rstrip("s") in DURATION_UNITS or word in MEASURE_UNITS or word in _currency_words():
            continue
        # every time the article writes the word, a figure comes right before it
        alone = [m for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)
                 if not re.search(rf"(?:\d|\b{SCALE_WORD}|\b(?:{number_words_regex()}))\s*$", text[max(0, m.start() - 30):m.start()], re.I)]
        if not alone:
            found.add(word)
    return frozenset(found)


@lru_cache(maxsize=1)
def _area_within() -> re.Pattern:
    """The words before "within" that make the figure after it an area's radius (data/understand/area_words.txt)."""
    words = "|".join(sorted(map(re.escape, word_list("area_words.txt")), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:who\s+lives?\s+)?within\s+$", re.I)


def _radius_of_an_area(text: str, start: int) -> bool:
    """True for the distance after "everyone within", "homes within": the radius of the area they fill."""
    return bool(_area_within().search(text[max(0, start - 40):start]))


@lru_cache(maxsize=1)
def _zone_offset() -> re.Pattern:
    """A time zone's name (data/understand/time_zones.txt) and the sign of an offset from it, ending
    right where a figure starts: "UTC+", "GMT -"."""
    zones = "|".join(sorted((re.escape(z) for z in word_list("time_zones.txt") if " " not in z), key=len, reverse=True))
    return re.compile(rf"\b(?:{zones})\s?[+\-−–]\s?$", re.I)


def _zone_offset_before(text: str, start: int) -> bool:
    """True for the figure of a time zone's offset ("local time (UTC+10)")."""
    return bool(_zone_offset().search(text[max(0, start - 10):start]))


def _one_in_a_state(doc: Doc | None, start: int, end: int) -> bool:
    """True for "one" before the noun its clause puts in a state that a toll counts ("One worker is still
    unaccounted for", "one man was killed"; states in data/understand/counted_states.txt): a count of 1,
    where "One resident said" or "one of the ..." counts nothing."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or span.root.dep_ != "nummod":
        return False
    noun = span.root.head
    if noun.i != span.end or noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb, states = noun.head, word_list("counted_states.txt")
    return verb.lower_ in states or verb.lemma_.lower() in states or any(
        c.dep_ in {"acomp", "attr", "oprd"} and c.lower_ in states for c in verb.children) or _befalls_people(verb)


def _befalls_people(verb) -> bool:
    """True for a verb that only befalls people (data/understand/people_states.txt): "died", "drowned",
    or one whose preposition leads to such a place ("were rushed to hospital", "are in hospital")."""
    states = word_list("people_states.txt")
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.lemma_.lower() in states or any(
        c.dep_ == "prep" and any(w.dep_ == "pobj" and w.lemma_.lower() in states for w in c.children) for c in verb.children)


def _verb_read_as_noun(token) -> bool:
    """True for a singular noun right after a figure above one and right before an article: "three of
    14 forecast a half-point move", where the parser took the verb "forecast" for what is counted
    (a count takes a plural noun; a singular one then an article is a verb and its object)."""
    if token.tag_ != "NN" or token.i + 1 >= len(token.doc) or token.i == 0:
        return False
    figure, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if figure.pos_ != "NUM" or figure.lower_ in {"1", "one", "a", "an"}:
        return False
    return after.lower_ in {"a", "an", "the"}


def _people_figure(number) -> str | None:
    """'people' for the figure of a death toll: "a death toll of 23", "the toll rose to 18", "put the crowd at
    about 350"; the
    counted noun of a count the verb's subject names: "The number of people who fell ill has
    risen to 146" -> 'people' (count nouns in data/understand/count_nouns.txt)."""
    node = number.head if number.dep_ == "pobj" else number
    owner = node.head
    figures = word_list("people_figures.txt")
    if owner.lemma_.lower() in figures:
        return "people"
    if owner.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(c.lemma_.lower() in figures for c in subjects):
        return "people"
    if number.dep_ == "pobj" and node.lower_ == "at" and any(c.dep_ == "dobj" and c.lemma_.lower() in figures for c in owner.children):
        return "people"  # "police put the crowd at about 350", "puts the toll at seven": the figure the object is set at
    for subject in subjects:
        if subject.lemma_.lower() in word_list("count_nouns.txt"):
            counted = [w for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for w in p.children if w.dep_ == "pobj" and w.pos_ == "NOUN"]
            if counted:
                return counted[0].lower_
    return None


def find_numbers(
    article_id: str,
    text: str,
    doc: Doc | None = None,
    skip: list[tuple[int, int]] | None = None,
    sentence_of=None,
) -> list[NumberMention]:
    """Return the quantities of one article; spans in `skip` (dates) are left out."""
    skip = skip or []
    named_money = _named_currencies(doc, text)
    out: list[NumberMention] = _tallies(article_id, text, skip, sentence_of)
    out.extend(_shares(article_id, text, skip + [(n.start, n.end) for n in out], sentence_of))
    skip = skip + [(n.start, n.end) for n in out]
    for m in _number_matches(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        g = m.groupdict()
        if any(start < e and s < end for s, e in skip) and not _spans_time(g, text, end):
            continue  # a date; a span of time ("at least two weeks") is kept for its bounds
        if g["digits"] and (text[max(0, start - 1):start] in {":", "/", "."} or text[end:end + 1] in {":", "/"} or re.match(r"[.,]\d", text[end:end + 2])):
            continue  # times, URLs, version numbers
        if re.search(r"\bNo\.?\s*$", text[max(0, start - 4):start]):
            continue  # "No. 1" is a rank
        if g["digits"] and _zone_offset_before(text, start):
            continue  # "UTC+10", "GMT -5": a time zone's offset, no figure
        if g["digits"] and not g["currency"] and re.match(r"\s?[ap]\.?m\b\.?", text[end:end + 5], re.I):
            continue  # "4.15 a.m.", "9pm": a time of day, no figure
        if text[max(0, start - 4):start].lower() == "-of-":
            continue  # "a mother-of-two": part of a word for a person, no figure
        one_in_a_state = g["word"] and g["word"].lower() == "one" and not g["scale"] and _one_in_a_state(doc, start, end)
        if g["word"] and g["word"].lower() in {"one", "half"} and not g["scale"] and not g["half"] and not one_in_a_state:
            continue  # "one of", "half the" are rarely figures; "One worker is missing" counts one
        if g["word"] and text[start:start + 1].isupper() and start > 0 and text[start - 2:start] not in {". ", "\n"} and _word_triple(g["word"]) is None:
            continue
        kind = "count"
        value = low = high = None
        if g["digits"]:
            value = float(g["digits"].replace(",", ""))
            low = high = value
        else:
            value, low, high = _word_triple(g["word"])
        if g["half"]:  # "three and a half", "two and a quarter million", "one and three quarters": the part added
            added = _part_of_one(g["partn"], g["part"])
            if added is None or not (g["scale"] or g["percent"] or _part_stands_alone(g["part"], text, end)):
                # "killed two and a third died later": "a third" opens another clause, no part of the figure
                end, added = m.start("half"), 0.0
                g = {**{k: None for k in g}, "digits": g["digits"], "word": g["word"], "currency": g["currency"]}
            value, low, high = (None if x is None else x + added for x in (value, low, high))
        factor = SCALES.get((g["scale"] or "").lower(), 1.0)
        if factor != 1.0:
            value = value * factor if value is not None else None
            low = low * factor if low is not None else None
            high = high * factor if high is not None else None
        unit = None
        rate = re.match(r"\s+(?:a|per|each)\s+(day|week|month|year|hour)\b(?!\s+(?:ago|earlier|before|later)\b)", text[end:end + 24])
        age = _age_after(text, end) if not g["percent"] and not g["currency"] else None
        scale = _scale(doc, text, start, end) if g["digits"] and not g["percent"] and not g["currency"] else None
        if g["ordinal"]:
            if not g["digits"]:
                continue
            kind, unit = "ordinal", _ordinal_unit(doc, text, end)  # "in the 67th minute": a point in a count of minutes
        elif g["percent"]:
            kind, unit = "percent", "%"
        elif g["old"] or age:
            # "a 67-year-old woman", "aged 9 months": how old someone is, neither a count nor a span of time
            kind, unit = "age", (g["hyphunit"] or age[0]).lower() + "s"
            end += age[1] if age and not g["old"] else 0
        elif _aged_before(text, start) or (g["digits"] and _age_apposition(doc, text, start, end)):
            kind, unit = "age", "years"  # "aged over 65", "Kawa Moradi, 52, said"
        elif g["hyphunit"]:
            kind, unit = "duration", g["hyphunit"].lower()
        elif g["hyphmeasure"]:
            kind, unit = "measure", HYPHEN_MEASURES[g["hyphmeasure"].lower()]
        elif scale:
            kind, unit = "measure", scale  # "magnitude 6.1", "the quake measured 6.1"
        elif g["digits"] and not g["currency"] and re.search(r"[A-Za-z]-?$", text[max(0, start - 2):start]):
            kind = "identifier"  # "Naryn-3", "F-16", "Q3", "FY2027", "G7": part of a name
        elif g["currency"]:
            kind, unit = "money", CURRENCIES[g["currency"].lower()]
        elif g["digits"] and (code := _iso_code_before(text, start)):
            kind, unit = "money", code  # "EUR 3 billion", "USD 4.2 billion"
            start -= len(code) + (text[start - 1] == " ")
        elif g["pence"]:
            kind, unit = "money", _subunits()["p"][0]  # "1,240p"
            value, low, high = (None if x is None else x / _subunits()["p"][1] for x in (value, low, high))
        else:
            after = re.match(rf"(?:\s+|(?={GLUED_UNITS}))([A-Za-z]+)", text[end:end + 20])
            word_after = after.group(1).lower() if after else ""
            currency = _currency_after(text, end)
            if fx := _exchange_rate(text, end):
                kind, unit = "exchange rate", fx[0]  # "38.20 per euro", "38.20 lire to the euro": a price of a currency
                end += fx[1]
            elif currency:
                kind, unit = "money", currency[0]
                end += currency[1]
            elif word_after in named_money:
                kind, unit = "money", word_after  # "62 million dalers": a currency the article names by its prices
                end += after.end()
            elif word_after.rstrip("s") in DURATION_UNITS and not re.match(r"\s+\w+s?\s+(?:ago|later|earlier)", text[end:end + 24]):
                kind, unit = "duration", word_after.rstrip("s")
                end += after.end()  # "two weeks": the span of time with its unit
                if re.search(r"\b(?:every|each)\s+$", text[max(0, start - 7):start], re.I):
                    kind = "frequency"  # "every three months": how often, no span of time
            elif g["digits"] and (converted := _measure_unit_after(text, end)):
                # "400 million kilograms", "440,000 tons", "150 basis points": one unit for one quantity
                kind, unit, factor, exact, taken = converted
                value, low, high = (None if x is None else _convert(x, factor, exact, g["digits"]) for x in (value, low, high))
                end += taken
            elif word_after in MEASURE_UNITS:
                kind, unit = "measure", word_after
            elif word_after in AREA_VOLUME and _area_volume_unit(text, end):
                kind, unit = "measure", _area_volume_unit(text, end)
            elif word_after in _subunits() and len(word_after) > 1 and g["digits"] and value is not None:
                code, per = _subunits()[word_after]  # "30 cents a cubic metre", "1,240 pence": an amount in hundredths
                kind, unit = "money", _cents_currency(text) if code == "*" else code
                value, low, high = (None if x is None else x / per for x in (value, low, high))
                end += after.end()
            elif g["digits"] and _is_label(doc, start, end):
                kind = "identifier"  # "gate 4", "Flight 17": names a thing, counts nothing
            else:
                unit = _unit(doc, start, end, text, skip)
                if unit == "times" and re.match(r"\s+times\s+(?:as|the|more|higher|larger|bigger|greater|faster)\b", text[end:end + 24], re.I):
                    kind = "ratio"  # "three times as many": a multiplier, not a count of occasions
                elif unit == "times" and (often := re.match(r"\s+times\s+(?:a|per|each)\s+(day|week|month|year|hour)\b", text[end:end + 28], re.I)):
                    unit = f"times/{often.group(1).lower()}"  # "four times a day", as "once a week" reads
        if kind == "money" and rate:
            unit = f"{unit}/{rate.group(1)}"
            end += rate.end()
        elif kind == "money" and (per := _price_per(text, end)):
            unit = f"{unit}/{per[0]}"  # "$0.30 per cubic metre", "5 million roubles per family": a price of each
            end += per[1]
        bound = None if kind == "duration" and spread_over(text, start) else _bound_before(text, start)
        if bound == "high" and kind == "measure" and _radius_of_an_area(text, start):
            bound = None  # "everyone within 5 km of the plant": a zone of 5 km, no distance of at most 5
        low, high = _with_bound(value, low, high, bound)
        out.append(NumberMention(
            article_id=article_id, text=text[start:end], value=value, low=low, high=high, unit=unit, kind=kind,
            sentence_index=sentence_of(start) if sentence_of else None, start=start, end=end,
        ))
    out = _points_of_percent(_counts_named_before(doc, out), text)
    out = _sides_of_a_count(out, text)
    out = _one_and_others(doc, out, text)
    out.extend(_repeats(article_id, text, skip, sentence_of))
    taken = [(n.start, n.end) for n in out]
    out.extend(f for f in _time_fractions(article_id, text, sentence_of) if not any(f.start < e and s < f.end for s, e in taken))
    taken = [(n.start, n.end) for n in out]
    out.extend(f for f in _point_fractions(article_id, text, sentence_of) if not any(f.start < e and s < f.end for s, e in taken))
    out.sort(key=lambda n: n.start or 0)
    return _join_ranges(out, text)


def _points_of_percent(numbers: list[NumberMention], text: str) -> list[NumberMention]:
    """Read "a rise of two points" as 2 percentage points when its sentence gives a percent ("lift the
    levy to 11.5 percent, a rise of two points"), so it meets "2 percentage points" in one unit."""
    out = list(numbers)
    for k, n in enumerate(out):
        if n.kind != "count" or n.unit not in {"point", "points"} or n.start is None:
            continue
        cut = SENTENCE_STOP.search(text[n.start:])
        first, last = text.rfind(". ", 0, n.start) + 1, n.start + (cut.start() if cut else len(text) - n.start)
        if any(m.kind == "percent" and m.start is not None and first <= m.start < last for m in out):
            out[k] = n.model_copy(update={"kind": "measure", "unit": "percentage points"})
    return out


SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# "18,412 votes against 18,375": the second side of a count set against the first
AGAINST_SIDE = re.compile(r"\s+([a-z]+)\s+(?:against|to|versus|vs\.?)\s+", re.I)
# "1,846 votes for a walkout and 412 against": the first side, its noun and "for" / "in favour"
FOR_SIDE = re.compile(r"\s+([a-z]+)\s+(?:for|in\s+favou?r)\b", re.I)


def _sides_of_a_count(numbers: list[NumberMention], text: str) -> list[NumberMention]:
    """Give the bare figure on the other side of a count the count's unit: "took 18,412 votes against
    18,375", "1,846 votes for a walkout and 412 against" -> 18,375 and 412 votes too; "voted 1,846 to
    412", "by a vote of 1,846 to 412" -> two counts of votes (words before such a pair, or before "of"
right before it, in data/understand/vote_verbs.txt). Two sides
    of one count are two counts of one thing, no tally (small ones after a tally word stay scores)."""
    out = list(numbers)
    for k, n in enumerate(out):
        if n.kind != "count" or n.unit is not None or n.start is None or k == 0:
            continue
        before = out[k - 1]
        if before.kind != "count" or before.end is None or before.end > n.start:
            continue
        between = text[before.end:n.start]
        against = AGAINST_SIDE.fullmatch(between)
        if before.unit and against and against.group(1).lower() == before.unit.lower():
            out[k] = n.model_copy(update={"unit": before.unit})  # "18,412 votes against 18,375"
        elif before.unit and re.match(r"\s+against\b", text[n.end:n.end + 10]) and not SENTENCE_STOP.search(between) and (
            (first := FOR_SIDE.match(text, before.end)) and first.group(1).lower() == before.unit.lower()
        ):
            out[k] = n.model_copy(update={"unit": before.unit})  # "1,846 votes for a walkout and 412 against"
        elif before.unit is None and re.fullmatch(r"\s+(?:to|against)\s+", between) and (
            (verb := re.search(r"\b([a-z]+)\s+(?:by\s+|of\s+)?$", text[max(0, before.start - 20):before.start], re.I))
            and verb.group(1).lower() in word_list("vote_verbs.txt")
        ):
            out[k - 1] = before.model_copy(update={"unit": "votes"})  # "voted 1,846 to 412", "a vote of 1,846 to 412"
            out[k] = n.model_copy(update={"unit": "votes"})
    return out


def _one_and_others(doc: Doc | None, numbers: list[NumberMention], text: str) -> list[NumberMention]:
    """Count the one named before "and N other(s)": "He and five other inmates left" -> six inmates,
    "Ilka Brenn and two others were held" -> three. The one is a singular pronoun, name or noun right
    before "and"; "They and five other families", "Police and five other agencies" stay as written.
    The mention's text then opens at that one ("He and five")."""
    if doc is None:
        return numbers
    out = list(numbers)
    for k, n in enumerate(out):
        if n.kind != "count" or n.value is None or n.start is None or n.end is None or not re.match(r"\s+others?\b", text[n.end:n.end + 8]):
            continue
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].lower_ != "and":
            continue
        one = doc[span.start - 2]
        if one.pos_ not in {"PRON", "PROPN", "NOUN"} or "Plur" in one.morph.get("Number") or (one.pos_ == "PRON" and "Sing" not in one.morph.get("Number")):
            continue
        start = one.left_edge.idx  # "The governor and four", "Marek Olund and two"
        out[k] = n.model_copy(update={
            "value": n.value + 1, "low": None if n.low is None else n.low + 1, "high": None if n.high is None else n.high + 1,
            "start": start, "text": text[start:n.end]})
    return out


def _counts_named_before(doc: Doc | None, numbers: list[NumberMention]) -> list[NumberMention]:
    """Give a bare count whose verb's subject is a count noun with no "of" ("That figure has since
    risen to 170", "The number has risen to 170") the unit of the last count with a unit in the
    previous sentence ("... 164 people were ill."), which the subject refers back to."""
    if doc is None:
        return numbers
    out = list(numbers)
    for k, n in enumerate(out):
        if n.kind != "count" or n.unit is not None or n.start is None:
            continue
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root.head if span.root.dep_ == "pobj" else span.root
        if node is not span.root and node.lower_ not in {"to", "at"}:
            continue  # "has risen to 170", "stands at 170"; not "with 23 in hospital"
        verb = node.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb.pos_ in {"VERB", "AUX"} else []
        if not any(c.lemma_.lower() in word_list("count_nouns.txt") and not any(p.lower_ == "of" for p in c.children) for c in subjects):
            continue
        sentence = span.sent
        if sentence.start == 0:
            continue
        previous = doc[sentence.start - 1].sent
        before = [m for m in out[:k] if m.kind == "count" and m.unit and m.start is not None and previous.start_char <= m.start < previous.end_char]
        if before:
            out[k] = n.model_copy(update={"unit": before[-1].unit})
    return out


def _spans_time(g: dict, text: str, end: int) -> bool:
    """True for a figure of a span of time or an age ("two weeks", "12 years", "a 9-year war"),
    which `dates` also reads as a duration: the number keeps its bounds ("at least two weeks")."""
    if g["hyphunit"]:
        return True
    after = re.match(r"\s+([a-z]+?)s?\b(?!\s+(?:ago|later|earlier|before|after)\b)", text[end:end + 24], re.I)
    return bool(after) and after.group(1).lower() in DURATION_UNITS


def _age_after(text: str, end: int) -> tuple[str, int] | None:
    """(unit, characters taken) of "years old" / "months old" right after a figure: "she is 9 years old"."""
    after = re.match(r"\s+(year|month|week|day)s?[- ]old\b", text[end:end + 20], re.I)
    return (after.group(1), after.end()) if after else None


def _aged_before(text: str, start: int) -> bool:
    """True for a figure after "aged" (a bound word may sit between): "customers aged over 65"."""
    before = text[max(0, start - 40):start].lower()
    m = re.search(r"\baged\s+(.*?)$", before)
    between = m.group(1).strip() if m else ""
    # "aged 18 to 25": the second figure is an age as well
    # "aged between 19 and 58", "aged from 18 to 25": both figures are ages
    return bool(m) and (not between or between in {"between", "from"} or any(between == phrase for phrase, _ in _bounds())
                        or bool(re.fullmatch(r"(?:(?:between|from)\s+)?\d{1,3}\s*(?:to|and|-|–)", between)))


def _age_apposition(doc: Doc | None, text: str, start: int, end: int) -> bool:
    """True for a person's age set off by commas after the name: "Kawa Moradi, 52, said"."""
    if not re.search(r"[A-Za-z], $", text[max(0, start - 3):start]) or not re.match(r"\s*(?:[,)]|\.(?:\s|$)|$)", text[end:end + 3]):
        return False
    value = float(text[start:end].replace(",", "")) if text[start:end].replace(",", "").isdigit() else None
    if value is None or not 1 <= value < 120:
        return False
    if doc is None:
        return text[:start - 2].split()[-1][:1].isupper()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    name = span.root.head
    # the tagger often calls an unfamiliar surname an organisation or even a place ("Dzhumabekov, 61,"
    # came out GPE), so the name's tag decides nothing; a place after a preposition ("in Brask, 40,") is no person
    # "her daughter, 9,": a noun that a person's possessive owns is a person too
    kin = name.pos_ == "NOUN" and any(c.tag_ == "PRP$" and c.lower_ in {"her", "his", "their", "my", "our", "your"} for c in name.children)
    return span.root.dep_ == "appos" and (name.pos_ == "PROPN" and name.dep_ != "pobj" or kin) and name.i < span.start


@lru_cache(maxsize=1)
def _scales() -> tuple[list[tuple[str, str]], dict[str, str], frozenset[str]]:
    """(scale words and units, subject lemma -> unit, verbs) from data/understand/scales.csv."""
    words, subjects = [], {}
    for row in table("scales.csv"):
        words.append((row["word"], row["unit"]))
        for subject in filter(None, (row.get("subjects") or "").split("|")):
            subjects[subject] = row["unit"]
    return words, subjects, frozenset({"measure", "register", "record"})


def _scale(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """The scale a figure is read on: named next to it ("magnitude 6.1", "a 6.3-magnitude quake",
    "6.2 on the Richter scale"), or what measured it ("the quake measured 6.1")."""
    words, subjects, verbs = _scales()
    before, after = text[max(0, start - 30):start].lower(), text[end:end + 30].lower()
    for word, unit in words:
        w = re.escape(word)
        if re.search(rf"\b{w}(?:\s+of)?[\s-]*$", before) or re.match(rf"\s*-?\s*(?:on\s+the\s+)?{w}\b", after):
            return unit
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root.head
    if verb.lemma_.lower() in verbs and span.root.dep_ in {"dobj", "attr", "npadvmod", "nummod"}:
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lemma_.lower() in subjects:
                return subjects[child.lemma_.lower()]
    return None


@lru_cache(maxsize=1)
def _repeat_words() -> dict[str, float]:
    """Adverbs counting occasions ("twice") and their values (data/understand/repeat_words.csv)."""
    return {row["word"]: float(row["value"]) for row in table("repeat_words.csv")}


def _repeats(article_id: str, text: str, skip: list[tuple[int, int]], sentence_of) -> list[NumberMention]:
    """Return "twice" / "thrice" as counts of occasions (unit "times"), or as a ratio
    before "as" / "the" ("twice as many", "twice the size"), with any bound before them."""
    words = _repeat_words()
    out = []
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|once(?=\s+(?:a|per|each)\s+(?:day|week|month|year|hour)\b))\b"
    for m in re.finditer(pattern, text, re.I):
        start, end = m.span()
        if any(start < e and s < end for s, e in skip) and m.group(0).lower() != "once":
            continue  # ("once a week": `dates` reads "a week" as a span of time, the number says how often)
        if text[end:end + 1] == "-":
            continue  # "a twice-weekly ferry" says how often, it counts no occasion
        if re.search(r"\bonce\s+or\s+$", text[max(0, start - 8):start], re.I) or re.match(r"\s+or\s+", text[end:end + 5]):
            continue  # "once or twice", "twice or three times": no figure
        value = words.get(m.group(0).lower(), 1.0)  # "once" only before a rate: "once a week" -> 1 time a week
        ratio = re.match(r"\s+(?:as|the|that|more|over)\b", text[end:end + 8], re.I)
        rate = re.match(r"\s+(?:a|per|each)\s+(day|week|month|year|hour)\b", text[end:end + 16], re.I)
        kind, unit = ("ratio", "times") if ratio else ("count", f"times/{rate.group(1).lower()}" if rate else "times")
        low, high = _with_bound(value, value, value, _bound_before(text, start))
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=value, low=low, high=high, unit=unit, kind=kind,
            sentence_index=sentence_of(start) if sentence_of else None, start=start, end=end,
        ))
    return out


@lru_cache(maxsize=1)
def _time_fraction_table() -> tuple[dict[str, float], dict[str, tuple[float, str]]]:
    """(fraction word -> value, unit -> (size, smaller unit)) from data/understand/time_fractions.csv."""
    rows = table("time_fractions.csv")
    fractions = {r["word"]: float(r["value"]) for r in rows if r["kind"] == "fraction"}
    units = {r["word"]: (float(r["value"]), r["in"]) for r in rows if r["kind"] == "unit"}
    return fractions, units


def _time_fractions(article_id: str, text: str, sentence_of) -> list[NumberMention]:
    """Return "a quarter of a century" (25 years), "half an hour" (30 minutes) as durations,
    with a bound word before them ("nearly half a century": at most 50 years)."""
    fractions, units = _time_fraction_table()
    pattern = (r"\b(?:an?\s+)?(?P<fraction>" + "|".join(fractions) + r")\s+(?:of\s+)?an?\s+(?P<unit>" + "|".join(units) + r")\b")
    out = []
    for m in re.finditer(pattern, text, re.I):
        size, unit = units[m.group("unit").lower()]
        value = round(fractions[m.group("fraction").lower()] * size, 2)
        low, high = _with_bound(value, value, value, _bound_before(text, m.start()))
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=value, low=low, high=high, unit=unit, kind="duration",
            sentence_index=sentence_of(m.start()) if sentence_of else None, start=m.start(), end=m.end(),
        ))
    return out


TALLY = re.compile(r"(?<![\d.,-])(\d{1,2})\s?[-–](\s?)(\d{1,2})(?![\d%]|[.,]\d|-\d)")
TALLY_TO = re.compile(r"(?<![\d.,-])\d{1,3}\s+(?:to|against)\s+\d{1,3}(?![\d%]|[.,]\d|\s*(?:per\s*cent|percent)\b)")


def _tallies(article_id: str, text: str, skip: list[tuple[int, int]], sentence_of) -> list[NumberMention]:
    """Return "voted 7-2", "a 2-1 win", "with the score at 1-1", "voting 31 to 24" as one mention of kind "score" (no
    value: two sides, not a quantity), when a word of data/understand/tally_words.txt stands right
    before it (an article, "by" or "at" between) or right after it; "40-60 people" stays a range."""
    words = word_list("tally_words.txt")
    out = []
    for m in TALLY.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in skip):
            continue
        before = re.search(r"([A-Za-z]+)\s+(?:(?:an?|the|by|at|of|it|them)\s+)?$", text[max(0, m.start() - 30):m.start()])
        after = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 20])
        if not ((before and before.group(1).lower() in words) or (after and after.group(1).lower() in words)):
            continue
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=None, low=None, high=None, unit="score", kind="score",
            sentence_index=sentence_of(m.start()) if sentence_of else None, start=m.start(), end=m.end(),
        ))
    # "voting 31 to 24", "approved by 9 to 4", "by a vote of 9 to 4": two figures joined by "to" right after a tally word
    for m in TALLY_TO.finditer(text):
        before = re.search(r"([A-Za-z]+)\s+(?:by\s+|of\s+)?$", text[max(0, m.start() - 30):m.start()])
        if not before or before.group(1).lower() not in words or any(m.start() < e and s < m.end() for s, e in skip):
            continue
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=None, low=None, high=None, unit="score", kind="score",
            sentence_index=sentence_of(m.start()) if sentence_of else None, start=m.start(), end=m.end(),
        ))
    # "a majority of seven votes against two", "by 9 votes to 4": a tally written out, one score too
    # the worded pattern's number-word alternation is slow: run it only where a tally noun links two sides
    link = _tally_link()
    for m in (_worded_tally().finditer(text) if link is not None and link.search(text) else ()):
        if m.group("noun").lower() not in words or any(m.start() < e and s < m.end() for s, e in skip):
            continue
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=None, low=None, high=None, unit="score", kind="score",
            sentence_index=sentence_of(m.start()) if sentence_of else None, start=m.start(), end=m.end(),
        ))
    return out


@lru_cache(maxsize=1)
def _share_patterns() -> tuple[re.Pattern, re.Pattern]:
    """("four in five", "nine out of 10", "one in three adults"; "two thirds of", "a quarter of", "half of")."""
    side = rf"(?:\d{{1,3}}|{number_words_regex()})"
    # the lookahead passes over positions no figure starts at before the long alternation is tried
    in_share = re.compile(rf"(?<![\d.,-])\b(?=[\d{number_word_initials()}])(?P<part>{side})\s+(?:in|out\s+of)\s+(?P<whole>{side})\b"
                          rf"(?![.,]\d|\s*%)(?=\s+(?P<of>of\b)?(?P<noun>[a-z]+))", re.I)
    parts = "|".join(sorted((re.escape(r["word"]) for r in table("share_words.csv")), key=len, reverse=True))
    # "a third of the homes", and the first part of "between a third and a half of", "a quarter to a third of"
    whole_of = r"\s+of\s+(?!an?\s)"
    fraction = re.compile(rf"\b(?P<frac>{parts})(?:{whole_of}|(?=\s+(?:and|to|or)\s+(?:{number_words_regex()}|an?)[\s-]+(?:{parts}){whole_of}))", re.I)
    return in_share, fraction


@lru_cache(maxsize=1)
def _share_part() -> re.Pattern:
    """The count before a part of a whole, read back from it: "two thirds", "a quarter", "Two-thirds"."""
    return re.compile(rf"\b(?P<part>{number_words_regex()}|an?)[\s-]+$", re.I)


@lru_cache(maxsize=1)
def _and_a_part() -> re.Pattern:
    """A whole figure and "and" right before a part ("three and | a half", "2 and | a quarter")."""
    return re.compile(rf"(?:\b\d+|\b(?:{number_words_regex()}))\s+and\s+$", re.I)


def _shares(article_id: str, text: str, skip: list[tuple[int, int]], sentence_of) -> list[NumberMention]:
    """Return "Four in five of those who voted", "one in three adults" (a share: 80%, 33.3%) and "two thirds of
    the members", "half of" (data/understand/share_words.csv) as percents, bounded as a share rounded to the
    nearest part is ("four in five": 70% to 90%), or by a bound word before them ("more than two thirds")."""
    if " in " not in text and " out of " not in text and " of " not in text:
        return []
    in_share, fraction = _share_patterns()
    sizes = {r["word"]: int(r["parts"]) for r in table("share_words.csv")}
    out = []
    found = [(m, "in") for m in in_share.finditer(text)] + [(m, "fraction") for m in fraction.finditer(text)]
    for m, how in found:
        start, end = m.start(), m.end() if how == "in" else m.end("frac")
        before = _share_part().search(text, max(0, start - 30), start) if how == "fraction" else None
        if before:
            start = before.start()
        if any(start < e and s < end for s, e in skip) or any(start < n.end and n.start < end for n in out):
            continue
        part = m.group("part") if how == "in" else (before.group("part") if before else None)
        if how == "in":
            if not m.group("of") and (part.isdigit() or m.group("noun").lower() in DURATION_UNITS | {u + "s" for u in DURATION_UNITS}):
                continue  # "scored 3 in 10 games", "two in five minutes": a count, not a share
            value, whole = _side_value(part), _side_value(m.group("whole"))
        else:
            if m.group("frac").lower().startswith("hal") and part is not None and part.lower() not in {"a", "one"}:
                continue  # "three halves" is no share of a whole
            if before and _and_a_part().search(text, max(0, start - 40), start):
                continue  # "three and a half of the cakes" is a count of three and a half, read with its figure
            value, whole = (1.0 if part is None else _side_value(part)), float(sizes[m.group("frac").lower()])
        if value is None or whole is None or not 0 < value < whole <= 100:
            continue
        share = round(100 * value / whole, 1)
        low, high = _with_bound(share, round(100 * (value - 0.5) / whole, 1), round(100 * (value + 0.5) / whole, 1), _bound_before(text, start))
        out.append(NumberMention(
            article_id=article_id, text=text[start:end], value=share, low=low, high=high, unit="%", kind="percent",
            sentence_index=sentence_of(start) if sentence_of else None, start=start, end=end,
        ))
    return out


def _side_value(side: str) -> float | None:
    return float(side) if side.isdigit() else word_value(side)


@lru_cache(maxsize=1)
def _tally_link() -> re.Pattern | None:
    """'votes to', 'votes against': a noun of tally_words.txt before the word that joins a tally's sides."""
    words = word_list("tally_words.txt")
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\s+(?:to|against)\b", re.I) if words else None


@lru_cache(maxsize=1)
def _worded_tally() -> re.Pattern:
    side = rf"(?:\d{{1,3}}|{number_words_regex()})"
    # a side is a whole figure: "18,412 votes against 18,375" holds no tally "412 votes against 18"
    return re.compile(rf"(?<![\d.,])\b{side}\s+(?P<noun>[A-Za-z]+)\s+(?:to|against)\s+{side}\b(?![.,]\d|\s+(?:per\s*cent|percent)\b|%)", re.I)


def _point_fractions(article_id: str, text: str, sentence_of) -> list[NumberMention]:
    """Return "a quarter point", "a half-point", "half a percentage point", "a quarter of a percentage
    point" as a change of that many percentage points (fractions from data/understand/time_fractions.csv),
    so they meet "25 basis points" and "0.5 percentage points" in one unit."""
    fractions, _ = _time_fraction_table()
    pattern = (r"\b(?:an?\s+)?(?P<fraction>" + "|".join(fractions) + r")(?:[\s-]+|\s+of\s+an?\s+|\s+an?\s+)(?:percentage[\s-]+)?point\b(?!\s+(?:of|where|at|in)\b)")
    out = []
    for m in re.finditer(pattern, text, re.I):
        value = fractions[m.group("fraction").lower()]
        low, high = _with_bound(value, value, value, _bound_before(text, m.start()))
        out.append(NumberMention(
            article_id=article_id, text=m.group(0), value=value, low=low, high=high, unit="percentage points", kind="measure",
            sentence_index=sentence_of(m.start()) if sentence_of else None, start=m.start(), end=m.end(),
        ))
    return out


def _ordinal_unit(doc: Doc | None, text: str, end: int) -> str | None:
    """The noun an ordinal ranks, right after it: "the 67th minute" -> "minute", "its 3rd term" -> "term";
    None when a name or no noun follows ("the 21st Battalion", "on the 3rd")."""
    after = re.match(r"\s+([a-z]+)\b", text[end:end + 24])
    if not after:
        return None
    if doc is not None:
        span = doc.char_span(end + after.start(1), end + after.end(1))
        if span is None or span[0].pos_ != "NOUN":
            return None
    return after.group(1)


def _exchange_rate(text: str, end: int) -> tuple[str, int] | None:
    """("per EUR", characters taken) for a price of one currency in another right after a figure:
    "38.20 per euro", "38.20 lire to the euro", "1.08 dollars to the pound" (currency words from
    data/understand/currencies.txt; the priced one may be a local currency of local_currencies.csv); else None."""
    words = _currency_words()
    m = re.match(r"(?:\s+([a-z]+))?\s+(?:per|to\s+the|to\s+one|for\s+one|against\s+the)\s+([a-z]+)\b", text[end:end + 40], re.I)
    if not m or m.group(2).lower() not in words or (m.group(1) and m.group(1).lower() not in words and m.group(1).lower() not in _local_currencies()):
        return None
    return f"per {words[m.group(2).lower()]}", m.end()


SPREAD_OVER = re.compile(r"(?:\d[\d,.]*(?:\s*(?:thousand|million|billion|bn|m|k))?(?:\s?%|\s+per\s?cent|\s+percent)?|\b(?:hundreds|thousands|dozens))(?:\s+[A-Za-z-]+){0,2}\s+over\s+$", re.I)


def spread_over(text: str, start: int) -> bool:
    """True for "over" before a span of time that a figure right before it is spread across ("cuts
    1,200 jobs over three years", "spend €2bn over four years", "an offer of 4.5% over two years"):
    the span is the period, no lower
    bound; "lasted over three years" keeps its bound."""
    return bool(SPREAD_OVER.search(text[max(0, start - 48):start]))


def bound_before(text: str, start: int) -> tuple[str, int] | None:
    """Return (bound, where its phrase starts) for a bound phrase right before `start`
    ("at least two weeks" -> ("low", offset of "at")), as data/understand/bounds.txt says."""
    bound = _bound_before(text, start)
    if bound is None:
        return None
    phrase_bound = bound
    bound = "high" if bound == "short" else bound  # "nearly two weeks": a span's upper bound, as dates words it
    before = re.sub(r"\s+an?$", "", text[max(0, start - 25):start].rstrip(), flags=re.I)  # as _bound_before reads it
    phrase = next((p for p, b in _bounds() if before.lower().endswith(p) and b == phrase_bound), None)
    if phrase is None:
        return None
    return bound, max(0, start - 25) + len(before) - len(phrase)


def _is_label(doc: Doc | None, start: int, end: int) -> bool:
    """True for a number that labels the noun before it ("gate 4", "Flight 17", "Article 5")."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if _part_of_a_whole(doc.text, start, end):
        return False  # "gives the Civic League 24 of the council's 49 seats": a part, counted in the whole's noun
    return before.tag_ in {"NN", "NNP"} and span.root.head.i == before.i and span.root.dep_ in {"nummod", "appos", "npadvmod", "compound"}


# "24 of 49 seats", "24 of the council's 49 seats", "three of its five terminals": a part, then its whole
PART_OF_WHOLE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|this|that)\s+)?(?:[A-Za-z-]+['’]s?\s+)?(?:[A-Za-z-]+\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+[a-z]+s\b")


def _part_of_a_whole(text: str, start: int, end: int) -> bool:
    """True for a figure followed by "of" and a larger whole with its plural noun ("24 of the council's
    49 seats"), never a label ("Article 5 of the 1998 Treaty" has no plural noun after its figure)."""
    m = PART_OF_WHOLE.match(text, end)
    if not m:
        return False
    part = text[start:end].replace(",", "")
    return part.isdigit() and int(part) <= int(m.group(1).replace(",", ""))


def _join_ranges(numbers: list[NumberMention], text: str) -> list[NumberMention]:
    """Join "between 50 and 300 pounds" / "from 20 to 30 people", and an amount of money
    "1.1 billion to 1.2 billion pounds", into one number with both bounds, taking the unit and
    kind of the second figure."""
    out: list[NumberMention] = []
    for n in numbers:
        first = out[-1] if out else None
        if (
            first is not None and first.end is not None and n.start is not None and first.value is not None and n.value is not None
            and first.value < n.value
            and (
                re.fullmatch(r"\s+(?:and|to)\s+", text[first.end:n.start])
                and re.search(r"\b(?:between|from)\s+$", text[max(0, first.start - 9):first.start], re.I)
                # a forecast range of money: "1.1 billion to 1.2 billion pounds", "£1.1bn-£1.2bn"
                or n.kind == "money" and (first.kind == "money" and first.unit == n.unit or first.kind == "count" and first.unit is None)
                and n.value < first.value * 10 and re.fullmatch(r"\s+to\s+|\s?[-–]\s?", text[first.end:n.start])
            )
        ):
            low = first.value
            scale = re.match(r"[\d.,]+\s*(thousand|million|billion|trillion)\b", text[n.start:n.end], re.I)
            if scale and not re.search(r"[A-Za-z]", text[first.start:first.end]) and low < 1000:
                low *= SCALES[scale.group(1).lower()]  # "between 40 and 60 million": forty million, not forty
            out[-1] = n.model_copy(update={"text": text[first.start:n.end], "start": first.start, "value": None, "low": low, "high": n.value})
            continue
        out.append(n)
    return out


def _price_per(text: str, end: int) -> tuple[str, int] | None:
    """(what, characters taken) of a price's "per X" / "for each X" / "a cubic metre" right after an amount.

    After "per" and "for each" any noun is what the amount is paid for; after "a" only a unit
    of measure or a thing priced each (data/understand/priced_things.txt: "$38 a share") is
    ("30 cents a cubic metre"), since "$5 million a boost" reads no price."""
    after = re.match(r"\s+(?:(per|(?:for\s+)?each)|an?)\s+((?:cubic|square)\s+)?([a-z]+)\b", text[end:end + 40], re.I)
    if not after:
        return None
    noun = after.group(3).lower()
    if not after.group(1) and noun not in MEASURE_UNITS and noun not in word_list("priced_things.txt"):
        return None
    singular = re.sub(r"(?<=[^s])s$", "", noun) if noun not in MEASURE_UNITS else noun
    return (f"{(after.group(2) or '').lower()}{singular}", after.end())


def _area_volume_unit(text: str, end: int) -> str | None:
    """"cubic metres" / "square kilometres" right after a figure, else None."""
    after = re.match(r"\s+(cubic|square)\s+([A-Za-z]+)", text[end:end + 30], re.I)
    return f"{after.group(1).lower()} {after.group(2).lower()}" if after and after.group(2).lower() in MEASURE_UNITS else None


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    """ISO 4217 codes newsprism writes for a currency (data/understand/currencies.txt, local_currencies.csv, the signs)."""
    codes = {row["code"] for row in table("currencies.txt")} | {row["code"] for row in table("local_currencies.csv")}
    return frozenset(codes | set(CURRENCIES.values()))


def _iso_code_before(text: str, start: int) -> str | None:
    """A currency's ISO code written right before an amount ("EUR 3 billion", "USD4.2bn"), else None."""
    m = re.search(r"\b([A-Z]{3}) ?$", text[max(0, start - 4):start])
    return m.group(1) if m and m.group(1) in _iso_codes() else None


@lru_cache(maxsize=1)
def _subunits() -> dict[str, tuple[str, float]]:
    """Hundredths of a currency: word -> (ISO code or "*" for the article's own, how many make one) (data/understand/currency_subunits.csv)."""
    return {row["word"]: (row["code"], float(row["per"])) for row in table("currency_subunits.csv")}


@lru_cache(maxsize=1)
def _measure_units() -> list[tuple[str, str, float, bool]]:
    """(phrase, unit read in, factor, exact) from data/understand/measure_units.csv, the longest phrase first."""
    rows = [(r["phrase"], r["unit"], float(r["factor"]), r["exact"] == "yes") for r in table("measure_units.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def _measure_unit_after(text: str, end: int) -> tuple[str, str, float, bool, int] | None:
    """("measure", unit, factor, exact, characters taken) for a unit of meas_units.csv right after a figure:
    "250 million kilograms" -> ("measure", "tonnes", 0.001, True, 10)."""
    after = text[end:end + 30].lower()
    for phrase, unit, factor, exact in _measure_units():
        m = re.match(rf"\s*{re.escape(phrase)}\b" if len(phrase) > 2 else rf"\s?{re.escape(phrase)}\b(?![.'’-]\w)", after)
        if m:
            return "measure", unit, factor, exact, m.end()
    return None


def _convert(x: float, factor: float, exact: bool, digits: str) -> float:
    """x * factor; an inexact factor keeps only the significant digits the figure was written with
    ("440,000" has two: 440,000 tons -> 400,000 tonnes), so the conversion claims no more precision than the article."""
    y = x * factor
    if exact or y == 0:
        return round(y, 9)
    written = digits.replace(",", "")
    # "440,000" -> 2 significant digits; "12.50" -> 4
    significant = len(written.replace(".", "").lstrip("0")) if "." in written else len(written.strip("0")) or 1
    return round(y, significant - 1 - math.floor(math.log10(abs(y))))


def _cents_currency(text: str) -> str:
    """The currency of an amount in cents: the article's dollars or euros, when it names one kind only."""
    dollars = bool(re.search(r"\$|\bdollars?\b", text))
    euros = bool(re.search(r"€|\beuros?\b", text))
    return "USD" if dollars and not euros else "EUR" if euros and not dollars else "cents"
