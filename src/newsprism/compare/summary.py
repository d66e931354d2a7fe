"""Neutral summary: 3 to 8 extractive sentences from the most corroborated facts, each cited.

Steps (deterministic: same input, same text):
1. rank facts by independent sources, then articles, then how early they come in the articles;
   facts from one source only come in when too few corroborated ones are usable;
2. for each, pick among the sentences that state it one that carries no label or loaded
   word unless every outlet uses that word (lexicons.summary_avoid_terms; a dramatising verb,
   lexicons.summary_avoid_verbs, only in its loaded sense, by framing's own check), whose quotes
   are attributed by name, and that is not a near-repeat of a sentence already chosen; it is
   cited to the articles whose sentences say what it says as worded (`receipts`: the same
   speaker or channel, the same quote wording, the same count, and `states_what_is_told`: its
   figures, days, list of things and all but two of its content words); a sentence giving a side
   of a disputed count is told with the range ("Three to four people died"), unless it is someone's
   words or an amount or share (without its figure it would have a hole: "People died and dozens
   were hurt"), then it is not used, or given to a source ("..., according to the office", "officials
   said"), then it keeps its own figure and is cited to the articles printing it; a disputed length
   of time is taken out; a sentence may also be told cut to its main clause (`shorter_forms`: without
   a trailing aside, ", shaking hands to applause ...", or a disputed amount and its phrase, "for a
   club-record fee of £38 million"), where more of the fact's reports state that as worded;
3. lightly compress: drop a leading dateline, and name the speaker where the sentence opens
   with a description the entities stage resolved ("The 58-year-old minister said ..." ->
   "Korrin said ...": out of its article the description names nobody);
   a fact whose speaker already has a sentence on the same subject is not told twice;
4. add one sentence per main disagreement, giving the range with its sources: one of each kind
   (count, date, who took part, cause) before a second of any kind, at most half the summary;
   a count that rose across reports (a toll updated report after report) is told the same way,
   after the disagreements, and a count conflict whose figures rose with publication time says so;
5. order the fact sentences as the articles do, disagreements last; the first tells the fact the
   outlets open their reports with (`lede_fact`), by one of their opening sentences at a tie of
   citations, where it is corroborated or no other outlet opens with what the rules below would
   pick; else it tells what happened:
   a corroborated event (a verb of an event, not of a state: data/compare/state_verbs.txt; cited, by
   its own citations, not its fact's, to two or more independent sources; no background dated well
   before the first report, no quotation, no claim of a speaker unless given to it by a tail, "...,
   the club announced"), else an event of a fact two or more outlets report (the one more of them open
   their reports with first), given to no one, else a corroborated sentence (a quote, a state), as far
   as the facts allow;
6. say each day a sentence tells relative to its report ("on Tuesday", "yesterday") as its date
   ("on Tuesday 14 March 2034") where it was resolved: out of its article the weekday dates nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np

from newsprism.compare import lexicons
from newsprism.compare.views import (
    ClaimView, content_stems, is_medium, stem, stem_overlap_text, strip_dateline, unit_key, units_match, without_date_words, without_leading_conjunction,
)
from newsprism.models import CleanArticle, Conflict, Entity, Fact, SummarySentence, article_label

# Two facts of one speaker whose closest sentences are this alike tell one remark (one pledge
# rendered as a paraphrase and as a quote): 0.79 on the seed pledge, at most 0.74 between
# sentences of unrelated facts of that story.
SAME_SUBJECT_COS = 0.75
# How much less central (mean cosine with the fact's other sentences) a sentence may be than the
# fact's most central usable one and still be told for citing more of the fact's articles.
RECEIPT_CENTRALITY_MARGIN = 0.1
# An outlet's opening sentence reads as telling a fact when it is one of the fact's sentences or its
# cosine with one of them is at least this (all-MiniLM-L6-v2: "two days after six inmates escaped
# from a maximum-security prison" beside "The six broke out of the prison late on Saturday" ~0.47,
# an opening on another matter ~0.2-0.35).
LEDE_COS = 0.45
# A sentence opening with a pronoun ("He added ...", "When it resumed, ...") or a possessive one ("Its
# leader said ...") names whom it is about in the sentence before, in its article: out of it, it names nobody.
# So does one counting the people of the sentence before ("Three of them were taken to hospital").
PRONOUN_START = re.compile(r"^(?:(?:when|after|before|once|until|while|as)\s+(?:he|she|they|it)\b|(?:he|she|they|it|this|that|these|those|the two|both|its|his|her|their)\b"
                           r"|(?:[\w-]+\s+){1,2}of\s+(?:them|these|those|whom)\b)", re.I)


def _terms_in(text: str, terms: frozenset[str]) -> set[str]:
    """Return the terms found in `text` as whole words (punctuation ignored); a term of two words also
    with a name between them ("illegal camp" in "the illegal Sarnet Hill camp")."""
    padded = " " + re.sub(r"[^\w'’-]+", " ", text.lower()) + " "
    found = {t for t in terms if f" {t} " in padded}
    named = _named_between(terms)
    if named is not None and re.search(r"\s[A-Z]", text):
        found.update(" ".join(m.group(0).lower().split()[:: len(m.group(0).split()) - 1]) for m in named.finditer(text))
    return found


@lru_cache(maxsize=8)
def _named_between(terms: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for the two-word terms written with one to three capitalised words between them."""
    pairs = sorted(t.split() for t in terms if len(t.split()) == 2)
    if not pairs:
        return None
    alternatives = "|".join(rf"(?i:{re.escape(a)})(?:\s+[A-Z][\w'’-]*){{1,3}}\s+(?i:{re.escape(b)})" for a, b in pairs)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")


def banned_terms(articles: list[CleanArticle], terms: frozenset[str] | None = None) -> frozenset[str]:
    """Return the avoid-terms (`terms`, by default lexicons.summary_avoid_terms) that not every
    article of the story uses."""
    terms = lexicons.summary_avoid_terms() if terms is None else terms
    used_by_all = None
    for a in articles:
        found = _terms_in(a.text, terms)
        used_by_all = found if used_by_all is None else used_by_all & found
    return frozenset(terms - (used_by_all or set()))


def carries_loaded_verb(text: str, verbs: frozenset[str]) -> bool:
    """True when a sentence uses one of `verbs` (dramatising verbs, lexicons.summary_avoid_verbs)
    in its loaded sense, by framing's own check (framing.terms.verb_in_loaded_sense): "the war
    that has ravaged the country" is loaded, "the fire ravaged the warehouse" literal, "the
    blast" a noun. The sentence is parsed only when it holds one of the words."""
    found = frozenset(_terms_in(text, verbs))
    return bool(found) and _loaded_verbs(text, found)


@lru_cache(maxsize=4096)
def _loaded_verbs(text: str, verbs: frozenset[str]) -> bool:
    from newsprism.framing.lexicon import load_lexicon
    from newsprism.framing.terms import loaded_verbs_in

    return bool(loaded_verbs_in(text, verbs, load_lexicon()))


def _speaker_names(speaker: str | None, entities: dict[str, Entity]) -> list[str]:
    if not speaker:
        return []
    e = entities.get(speaker)
    if e is None:
        return [speaker]
    names = [e.name, *e.aliases]
    return [w for n in names for w in n.split() if len(w) > 2 and w[0].isupper()]


def _usable(text: str, fact: Fact, banned: frozenset[str], entities: dict[str, Entity], quoted: bool, banned_verbs: frozenset[str] = frozenset()) -> bool:
    words = text.split()
    if not 6 <= len(words) <= 50 or text.rstrip()[-1:] not in {".", "\"", "”", "’", "'", "!"}:
        return False
    if _terms_in(text, banned):
        return False
    if carries_loaded_verb(text, banned_verbs):
        return False  # a dramatising verb in its loaded sense, on one outlet's word
    if PRONOUN_START.match(text):
        return False  # "He added ..." names nobody once taken out of its article
    if not re.search(r"[A-Za-z]", re.sub(r"[\"“][^\"”]*[\"”]", " ", text)):
        return False  # a quotation and nothing else: whose words they are was in the sentence before
    if quoted:
        names = _speaker_names(fact.claim_of, entities)
        if names and not any(n in text for n in names):
            return False
        if not names and not (re.search(r"\baccording to\b", text, re.I) or set(re.findall(r"[a-z]+", text.lower())) & lexicons.report_verbs()):
            return False
    return True


ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.I)


def tells_whose_account(text: str) -> bool:
    """True when a sentence, outside its quotations, gives what it tells to someone ("..., officials
    said", "according to the civil protection office", "the club announced"): a reporting verb
    (lexicons.report_verbs) or "according to"."""
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", text)
    return bool(ACCORDING_TO.search(outside) or set(re.findall(r"[a-z]+", outside.lower())) & lexicons.report_verbs())


def compress(text: str) -> str:
    """Drop a leading dateline ('CITY, Country — ') and a conjunction tying the sentence to the one
    before ("But ..."), write a figure its outlet shouted in small letters outside quotation marks
    ("in the FOUR poorest districts" -> "four"), normalise spaces, close an open quote."""
    text = without_leading_conjunction(strip_dateline(text))
    text = _figures_unshouted(text)
    if text.count('"') % 2:
        text += '"'
    if text.count("“") > text.count("”"):
        text += "”"
    return text


QUOTED_OR_WORD = re.compile(r"[\"“][^\"”]*[\"”]|[A-Za-z][\w-]*")


def _figures_unshouted(text: str) -> str:
    """The sentence with each count word written in capitals ("FOUR", "SEVEN") outside a quotation
    written small, in sentence case at the sentence's start ("FOUR people" -> "Four people")."""
    def small(m: re.Match) -> str:
        w = m.group(0)
        if w[0] in "\"“" or len(w) < 2 or not w.isupper() or not COUNT_WORD.match(w):
            return w
        return w.capitalize() if m.start() == 0 else w.lower()
    return QUOTED_OR_WORD.sub(small, text)


def short_name(entity: Entity) -> str:
    """The name a news sentence uses for a person after first mention: the surname
    ('Hanna Voss' -> 'Voss'); a one-word name as it is."""
    words = entity.name.split()
    return words[-1] if len(words) > 1 else entity.name


def name_the_speaker(text: str, view: ClaimView, entities: dict[str, Entity]) -> str:
    """Replace a sentence-opening description of the claim's speaker by the speaker's short name.

    Only a description ('The Belarusian commander', 'the 58-year-old minister') whose person the
    entities stage resolved (the claim's speaker is a PERSON entity) and that holds none of the
    person's names; a medium ('The broadcaster quoted X ...') is left as it is.
    """
    subject = view.claim.subject
    person = entities.get(view.speaker or "")
    if not subject or person is None or person.type != "PERSON" or not text.startswith(subject):
        return text
    words = subject.split()
    # "The minister's spokesman": a description relative to someone else is left as written.
    if words[0].lower() not in {"the", "a", "an"} or is_medium(subject) or re.search(r"['’]s\b", subject):
        return text
    names = {w.lower() for n in [person.name, *person.aliases] for w in n.split()}
    if any(w.lower().strip(",") in names for w in words):
        return text
    return short_name(person) + text[len(subject):]


@lru_cache(maxsize=1)
def _cause_words_pattern() -> re.Pattern[str] | None:
    """Every word that tells a sentence names a cause: the conflict reader's cause markers, verbs and
    frame verbs, and data/compare/summary_cause_words.txt ("was the cause", "to blame")."""
    words = set(lexicons.cause_markers()) | set(lexicons.cause_verbs()) | {verb for verb, _ in lexicons.cause_frames()}
    words |= set(lexicons.summary_cause_words())
    return lexicons.words_pattern(sorted(words))


def gives_a_side_of_a_cause(text: str, sides: list[frozenset[str]]) -> bool:
    """True when a sentence names a cause and holds at least half the content words of one side of a
    cause conflict (`sides`: each side's content stems): "According to the company a rusted valve was
    the cause" beside "a corroded valve" vs "a contractor's error" tells one side as the story's."""
    pattern = _cause_words_pattern()
    if not sides or pattern is None or not pattern.search(text):
        return False
    stems = content_stems(text)
    return any(len(side & stems) * 2 >= len(side) for side in sides)


def _without_dates(text: str, dates: list[str]) -> str | None:
    """The sentence with its disputed date phrases taken out (views.without_date_words), or None
    when one cannot be found while the sentence writes a date of its own ("on 15 April" for a side
    written "on Tuesday"); a sentence that writes no date (a live page's entry, dated by its stamp:
    "14:05 - X and Y have signed the accord") tells no side's date and stays as it is."""
    original = text
    for words in dates:
        cut = without_date_words(text, words)
        if cut is None and (_date_words(text) or WRITES_A_DATE.search(strip_dateline(text))):
            return None
        text = cut if cut is not None else text
    # A date set off by commas ("the final day, Sunday, has been ...") leaves ",,": the aside goes
    # whole ("the final day has been ...").
    text = re.sub(r"\s*,\s*,", "", text)
    text = _without_emptied_asides(original, text)
    return None if _dangles(original, text) or _compares_with_cut(original, text) else text


# Words that set a value against another ("well below the 310 km given by ...", "and not earlier as
# officials said", "instead of the planned 780 km"): said after a value that was cut out, they
# compare with nothing.
COMPARISON = re.compile(
    r"\b(?:(?:well|far|much|just|not|no)\s+(?:below|above|under|over|short\s+of|earlier|later|sooner|before|after)"
    r"|(?:earlier|later|sooner|higher|lower|more|less|fewer|greater|smaller)\s+than|instead\s+of|rather\s+than"
    r"|up\s+from|down\s+from|compared\s+with|compared\s+to)\b", re.I)


def _compares_with_cut(original: str, cut: str) -> bool:
    """True when what follows the cut sets the removed value against another ("put its altitude at 190 km,
    well below the 310 km ..." -> "put its altitude, well below the 310 km ..."): the cut sentence
    compares with nothing and is not used."""
    if cut == original:
        return False
    at = next((k for k, (x, y) in enumerate(zip(original, cut)) if x != y), min(len(original), len(cut)))
    return COMPARISON.search(cut[at:]) is not None


# An aside set off by commas that is one word ("The vote, held, came ..."), in mid-sentence or
# opening it ("Held, the vote came ...").
LONE_ASIDE = re.compile(r"\s*,\s+([\w'’-]+)\s*,(?=\s)")
LONE_OPENING = re.compile(r"^([\w'’-]+)\s*,\s+(?=\S)")


def _without_emptied_asides(original: str, cut: str) -> str:
    """The cut sentence without an aside the cut left one word of: "The vote, held at 23:40, came ..."
    less its time is "The vote came ...", not "The vote, held, came ..." (a participle that lost what
    it said). An aside of one word the original had as it is ("Kessel, meanwhile, said") stays."""
    had = {m.group(1) for m in LONE_ASIDE.finditer(original)}
    cut = LONE_ASIDE.sub(lambda m: m.group(0) if m.group(1) in had else "", cut)
    opening = LONE_OPENING.match(cut)
    if opening and not LONE_OPENING.match(original):
        rest = cut[opening.end():]
        cut = rest[:1].upper() + rest[1:]
    return cut


# A day, a time or a date written in a sentence without a day's or a month's name.
WRITES_A_DATE = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|overnight|\d{1,2}[:.]\d\d|\d{1,2}\s*(?:am|pm)|\d{4})\b", re.I)


# A determiner or preposition with no noun after it ("in the early hours of near Ash Bridge" once
# "Sunday" is cut out): the cut sentence is no English, and is not used.
DANGLING = re.compile(r"\b(?:of|the|a|an|from|at|in|on|by|since|until|between)\s*(?=[,.;:]|\s(?:of|the|a|an|in|on|at|near|by|from|to|and|or)\b|$)", re.I)


def _dangles(original: str, cut: str) -> bool:
    """True when cutting left a determiner or preposition without its noun that the original had not."""
    return len(DANGLING.findall(cut)) > len(DANGLING.findall(original))


COUNT_WORD = re.compile(
    r"^(?:\d[\d,.]*%?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)(?:-[a-z]+)?)$", re.I)


def _without_counts(text: str, values: list[str]) -> str | None:
    """The sentence with its disputed lengths of time taken out with their preposition ("sentenced X
    to 12 years in prison for fraud" -> "sentenced X for fraud"), or None when it gives a
    disputed count or amount: without its figure ("People died and dozens were hurt", "had treated
    patients", "fell to pounds") it has a hole where the figure was (`with_ranges` fills it)."""
    for value in values:
        if not TIME_UNIT.match(value.split()[-1]):
            return None
        # A length of time goes with its preposition ("will serve twelve years" cannot be told without it).
        text = _without_length(text, value)
        if text is None:
            return None
    return text


def with_ranges(text: str, disputed: list[tuple[str, Conflict]]) -> str | None:
    """The sentence with each disputed count it gives (value, its conflict) replaced by the range the
    reports give ("Three people died and dozens were hurt" -> "Three to four people died and dozens
    were hurt"), a disputed length of time taken out (`_without_counts`); None when a figure is an
    amount, a share or a measure, which a range of words cannot replace, or cannot be found."""
    for value, conflict in disputed:
        if TIME_UNIT.match(value.split()[-1]):
            text = _without_counts(text, [value])
        else:
            found = re.search(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", text, re.I)
            between = _range_words(value, conflict)
            if found is not None and between is None and _split_figure(value) is None:
                # A side written as a bare figure ("Seven" of "Seven aid workers ... were released",
                # beside "eight"): what it counts is the sentence's next word, the range replaces the figure.
                after = re.match(r"\s+([A-Za-z][\w'-]*)", text[found.end():])
                between = _range_words(f"{value} {after.group(1)}", conflict, bare=True) if after else None
            if found is None or between is None:
                return None
            if found.start() == 0:
                between = between[:1].upper() + between[1:]
            text = text[: found.start()] + between + text[found.end():]
        if text is None:
            return None
    return text


def as_told(value: str) -> str:
    """A count as a sentence inside the summary tells it: a figure its report shouted or began a
    sentence with written small ("FOUR people" -> "four people", "Nine people" -> "nine people"),
    and a phrase all in capitals too ("FOUR PEOPLE" -> "four people"); an acronym among small words
    stays ("12 NHS nurses")."""
    words = value.split()
    letters = [w for w in words if re.search(r"[A-Za-z]", w)]
    shouted = len(letters) >= 2 and all(w.isupper() for w in letters)
    told = []
    for k, w in enumerate(words):
        # "One-third" or "Twenty-five" begins its sentence; a name ("Nine Elms") is no figure.
        count = COUNT_WORD.match(w.strip(",.;:")) is not None or w.lower() in {"a", "an", "about", "some", "around", "nearly", "almost", "more", "over", "at", "up", "fewer", "less", "dozens", "hundreds", "thousands"}
        if shouted or (count and w.isupper() and len(w) > 1) or (k == 0 and count and w[:1].isupper() and (w[1:].islower() or len(w) == 1)):
            w = w.lower()
        told.append(w)
    # "dozen wagons": the report's "A" began its sentence before the figure ("A dozen wagons ...").
    if told and told[0].lower() in {"dozen", "hundred", "thousand", "million"}:
        told = ["a", told[0].lower(), *told[1:]]
    return " ".join(told)


def _split_figure(value: str) -> tuple[str, str] | None:
    """A count's figure and what it counts ("more than 40 miners" -> ("more than 40", "miners")), as a
    sentence inside the summary tells them (`as_told`: "FOUR people" -> "four"); None when it counts
    nothing written."""
    words = as_told(value).split()
    last = max((k for k, w in enumerate(words) if COUNT_WORD.match(w)), default=None)
    if last is None or last == len(words) - 1:
        return None
    return " ".join(words[: last + 1]), " ".join(words[last + 1:])


def _range_words(value: str, conflict: Conflict, bare: bool = False) -> str | None:
    """"three to four people" for the value "Three people" of a conflict whose sides run from three to
    FOUR people; None for an amount, a share or a measure ("310 million pounds", "58 percent"). With
    `bare`, the sides are bare figures ("Seven", "eight"), `value` the figure and the word after it in
    the sentence, and the range is the figures alone ("seven to eight")."""
    split = _split_figure(value)
    if split is None or len(conflict.positions) < 2:
        return None
    unit = split[1]
    if SCALE_WORD.match(unit) or unit.lower() in lexicons.currency_words() or SHARE_UNIT.match(unit) \
            or unit.split()[0].lower().strip(",.;:") in lexicons.summary_figure_words("measure"):
        return None
    if bare:
        low, high = (as_told(p.value) for p in (conflict.positions[0], conflict.positions[-1]))
        if not all(COUNT_WORD.match(w) or w in {"about", "some", "around", "nearly", "almost", "more", "than", "at", "least", "up", "to"} for w in f"{low} {high}".split()):
            return None
        return f"{low} to {high}"
    low, high = _split_figure(conflict.positions[0].value), _split_figure(conflict.positions[-1].value)
    if low is None or high is None:
        return None
    return f"{low[0]} to {high[0]} {unit}"


SHARE_UNIT = re.compile(r"^(?:%|percent|per\s*cent|pc|percentage\s+points?|basis\s+points?|points?)$", re.I)
SCALE_WORD = re.compile(r"^(?:billion|trillion|bn|million|thousand)\b", re.I)
TIME_UNIT = re.compile(r"^(?:years?|months?|weeks?|days?|hours?)$", re.I)


def _without_length(text: str, value: str) -> str | None:
    """The sentence without a disputed length of time and its preposition and place ("sentenced X
    to 12 years in prison for fraud" -> "sentenced X for fraud"); None when `value` is no length
    is not found after "to" or "for"."""
    tails = "|".join(re.escape(t) for t in sorted(lexicons.length_tails(), key=len, reverse=True))
    found = re.search(r"\s+(?:to|for)\s+" + re.escape(value) + (rf"(?:\s+(?:{tails}))?" if tails else "") + r"(?=[\s,.;:!?]|$)", text, re.I)
    return text[: found.start()] + text[found.end():] if found else None


def _writes(text: str, value: str) -> bool:
    """True when a sentence writes the figure of a conflict's side ("£38 million": its "38"; "FOUR
    people": "four"), however it words what is counted."""
    figures = FIGURE.findall(value) or [w for w in value.split() if COUNT_WORD.match(w)] or [value]
    return any(re.search(r"(?<![\w.,-])" + re.escape(f) + r"(?![\w-]|[.,]\d)", text, re.I) for f in figures)


# A trailing aside after the main clause: a participle clause (", shaking hands to applause from the
# delegations", not ", according to ...") or a relative clause (", which ...", ", who ..."), to the end of
# the sentence or of its body before a tail giving it to a source (ATTRIBUTION_TAIL).
TRAILING_ASIDE = re.compile(r",\s+(?:(?!according\b)[a-z]{2,}ing|which|who|whose)\b[^;:\"“”]*$")
# The preposition that opens a phrase giving an amount ("for a club-record fee of £38 million", "in a deal
# worth more than £40 million", "at a cost of 2 billion euros"): the nearest "for", "at" or "in" at most
# AMOUNT_PHRASE_WORDS words before the figure, else the nearest "worth" or "of".
AMOUNT_PHRASE_WORDS = 6


def shorter_forms(text: str, disputes: list[tuple[str, Conflict]] = ()) -> list[str]:
    """Shorter sentences a summary sentence can be cut to, each still a sentence of its own: without
    an amount or share of a disputed figure and the phrase it is given in ("Kingsbridge United signed
    Dorosh from Portvale Albion for a club-record fee of £38 million." -> "Kingsbridge United signed
    Dorosh from Portvale Albion.": a count has its range instead, `with_ranges`), then the main clause
    without a trailing aside (", shaking hands to applause from the delegations", ", which ...").
    A cut inside a quotation, or one leaving a word without its noun (`_dangles`) or fewer than six
    words, is not made. A tail giving the sentence to its source stays ("..., officials said"), and so
    does an outlet's word that the finding is its own ("..., the Courier understands": `in_outlet_voice`)."""
    forms: list[str] = []
    cut = text
    for value, conflict in disputes:
        if TIME_UNIT.match(value.split()[-1]) or _range_words(value, conflict) is not None:
            continue  # a length of time is cut by `_without_counts`, a count told with its range
        cut = _without_amount(cut, value) or cut
    if cut != text:
        forms.append(cut)
    body = without_attribution(cut)
    tail = cut[len(body) - 1:] if body != cut else ""
    found = TRAILING_ASIDE.search(body.rstrip(".!"))
    # An aside giving a disputed count (", killing three workers") stays: the sentence tells it with its range.
    if found and not len(QUOTE_MARK.findall(body[: found.start()])) % 2 and not any(_writes(found.group(0), value) for value, _ in disputes):
        main = body[: found.start()] + (tail or ".")
        # Not without the outlet's word that the finding is its own (", The Sports Desk understands").
        if len(main.split()) >= 6 and not _dangles(text, main) and in_outlet_voice(main) >= in_outlet_voice(text):
            forms.append(main)
    # Each without a word of when or how far it holds ("resigned with immediate effect on Thursday" ->
    # "resigned on Thursday"): what every report of it states where one has it take effect later.
    forms += [bare for form in [text, *forms] if (bare := _without_qualifiers(form)) and bare != form]
    return [f for f in dict.fromkeys(forms) if f != text]


def _without_qualifiers(text: str) -> str | None:
    """The sentence without its words of timing or extent outside quotations (lexicons.stated_qualifiers:
    ", effective immediately", "with immediate effect", "temporarily"), or None when it has none or
    the cut leaves fewer than six words."""
    pattern = lexicons.words_pattern(list(lexicons.stated_qualifiers()))
    if pattern is None:
        return None
    quoted = [m.span() for m in re.finditer(r"[\"“][^\"”]*[\"”]", text)]
    cut = text
    for m in reversed(list(pattern.finditer(text))):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        start, end = m.start(), m.end()
        before = re.search(r"(?:,\s*)?(?:\bwith\s+)?$", text[:start])
        start = before.start() if before else start
        cut = cut[:start] + cut[end:]
    if cut == text:
        return None
    cut = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", cut)).strip()
    return cut if len(cut.split()) >= 6 else None


# Words that leave a count's noun without its figure no object of a verb: "of", "the", "than" ...
NOT_A_VERB = frozenset({"of", "the", "a", "an", "and", "or", "to", "than", "by", "for", "from", "with", "in", "on", "at", "about", "some",
                        "around", "nearly", "almost", "over", "under", "least", "most", "more", "fewer", "less", "up", "its", "their", "his", "her"})


def _without_figures(text: str, disputes: list[tuple[str, Conflict]]) -> str | None:
    """Someone's words giving a side of a disputed count, told without the figure where the count is
    the object of a verb and counts things ("said it would recall 210,000 e-bike batteries" -> "said it
    would recall e-bike batteries": what they said, minus the figure the range sentence gives); None
    for a count of people ("had treated 37 patients" has a hole where its figure was), an amount, a
    share, a length of time, a count that opens its clause, or one inside a quotation."""
    for value, conflict in disputes:
        split = _split_figure(value)
        if split is None or _range_words(value, conflict) is None:
            return None
        figure, unit = split
        last = unit.split()[-1].lower().strip(",.;:")
        if not last.endswith("s") or stem(last.split("-")[-1]) in lexicons.people_nouns() or TIME_UNIT.match(last):
            return None
        # The figure as the report writes it, then what it counts within three words ("210,000 e-bike batteries").
        written = r"\s+".join(re.escape(w) for w in value.split()[: len(figure.split())])
        found = re.search(r"(?<![\w.,-])" + written + r"\s+(?=(?:[\w'-]+\s+){0,2}" + re.escape(last) + r"\b)", text, re.I)
        if found is None or len(QUOTE_MARK.findall(text[: found.start()])) % 2:
            return None
        before = re.findall(r"[A-Za-z'-]+|[^\sA-Za-z'-]", text[: found.start()])
        if not before or not before[-1][:1].islower() or before[-1].lower() in NOT_A_VERB:
            return None
        text = text[: found.start()] + text[found.end():]
    return text


def _without_amount(text: str, value: str) -> str | None:
    """The sentence without a figure (`value`) outside quotations and the phrase giving it ("for a
    club-record fee of £38 million", "in a deal worth more than £40 million"); None when it has no such
    phrase or the cut leaves a dangling word."""
    found = re.search(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", text, re.I)
    if found is None or len(QUOTE_MARK.findall(text[: found.start()])) % 2:
        return None
    before = text[: found.start()]
    words = list(re.finditer(r"\S+", before))[-AMOUNT_PHRASE_WORDS:]
    opener = None
    for tier in ({"for", "at", "in"}, {"worth", "of"}):
        for w in reversed(words):
            if re.search(r"[,;:.!?\"“”()]", w.group(0)):
                break  # the phrase does not reach over punctuation
            if w.group(0).lower() in tier:
                opener = w
                break
        if opener is not None:
            break
    if opener is None:
        return None
    rest = text[found.end():]
    # An aside on the figure itself goes with it (", rising to as much as £41 million with add-ons").
    aside = re.match(r",\s+[a-z]{2,}ing\b[^,;:\"“”]*?\d[^,;:\"“”]*(?=[,;:.!?]|$)", rest)
    if aside:
        rest = rest[aside.end():]
    if not re.match(r"\s*(?:[,.;:!?]|$)", rest) and not re.match(r"\s+(?:from|to|on|at|after|before|with|by|when|as)\b", rest):
        return None  # the figure runs on into what it counts ("£1.2 million in bribes", "£38 million rising to ..."): not cut
    if re.search(r"\b[a-z]{2,}(?:ing|ed)\b", text[opener.end(): found.start()]):
        return None  # a verb between ("accused of taking £1.2 million"): the figure is its object, not an aside
    cut = text[: opener.start()].rstrip() + rest
    return None if _dangles(text, cut) or _compares_with_cut(text, cut) else cut


def receipts(chosen: ClaimView, text: str, group: list[ClaimView], entities: dict[str, Entity] | None = None,
             story_views: list[ClaimView] = ()) -> list[ClaimView]:
    """The claims of a fact that say what its summary sentence says as worded: the sentence is
    cited to their articles only.

    A fact holds every article that reports it, but its summary sentence is one article's
    sentence, and a reader checks each citation against it:
    - a sentence that gives the fact to a speaker ("Korrin said ...", "..., officials said")
      is no receipt for articles that give it to someone else, to a channel only ("state radio
      reported") or to no one; one that gives it to a channel, for articles that do not; one
      that gives it to no one, for articles that give it to a speaker or a channel;
    - a sentence whose subject names an actor ("The Red Crescent led the rescue") is no
      receipt for an article giving the deed to another actor it names instead;
    - a sentence quoting one wording of a remark cites the articles printing that wording (the
      understanding stage's quote variants: near-identical wordings are one variant), not
      other renderings nor paraphrases;
    - a sentence giving a count ("at least 17 people were killed") is no receipt for an
      article giving another figure for the same thing ("18 people"), though the bound admits
      it: the figure the summary tells is the one its citations print ("about 340" and "340"
      are one figure); so for a length of time ("12 years in prison" / "11 years");
    - a sentence is no receipt for an article whose sentence does not state what it states
      (`states_what_is_told`: its figures, its list of things, all but a reworded word or two);
    - a sentence reporting a speaker's remark in other words than a quote ("Korrin said the deal
      also envisages ...") is stated by every sentence of the story, in this fact or another
      (`story_views`), that renders that remark of that speaker, quoted or paraphrased: the
      understanding stage judged the renderings one remark, so their reworded words are no
      clause left unstated (figures, days and lists are still checked).
    """
    told = [(_figure(mention), lo, hi, unit) for mention, lo, hi, unit in chosen.numbers if mention.text.lower() in text.lower()]
    # Lengths of time are no counts the comparison reads, but a reader checks them too ("12 years in prison").
    lengths = [(n.value, _length_unit(n)) for n in chosen.claim.numbers if n.kind == "duration" and n.value is not None and n.text.lower() in text.lower()]
    source = chosen.speaker or chosen.relayed_by
    # The remarks the sentence tells in other words (a quote it prints binds it to that wording).
    paraphrased = chosen.remarks - set(chosen.renderings) if chosen.speaker and not QUOTE_MARK.search(text) else frozenset()
    in_group = {id(w) for w in group}
    same_remark = [w for w in story_views if id(w) not in in_group and w.speaker == chosen.speaker and w.remarks & paraphrased]
    kept = []
    for w in [*group, *same_remark]:
        if w is not chosen:
            # Both ways: an unattributed sentence states the fact in the outlet's own voice, which
            # an article giving it to a speaker or a channel does not vouch for.
            if (w.speaker or w.relayed_by) != source:
                continue
            # "The Red Crescent led the rescue" is no receipt for "Teams of the Guards led the rescue":
            # another actor does it there, and the article names not this one.
            if chosen.subject_entities and w.subject_entities and not chosen.subject_entities & (w.subject_entities | w.entity_ids):
                continue
            if any(w.renderings.get(q) != variant for q, variant in chosen.renderings.items()):
                continue
            # The same figure, however hedged ("about 340" / "340"), or the same range.
            if any(
                (counts := [(_figure(n), w_lo, w_hi) for n, w_lo, w_hi, w_unit in w.numbers if units_match(unit, w_unit)])
                and not any(f == figure or (w_lo, w_hi) == (lo, hi) for f, w_lo, w_hi in counts)
                for figure, lo, hi, unit in told
            ):
                continue
            if any(
                (given := [n.value for n in w.claim.numbers if n.kind == "duration" and _length_unit(n) == unit]) and value not in given
                for value, unit in lengths
            ):
                continue
            if not states_what_is_told(text, chosen, w, entities or {}, rewording_allowed=bool(w.remarks & paraphrased)):
                continue
        kept.append(w)
    return kept


# A cited sentence may word the summary sentence otherwise ("the vessel had 118 passengers on
# board" for "the ferry was carrying 118 passengers"): up to this many of the summary sentence's
# content words may be missing from it. Three or more is a clause it does not state ("... and has
# asked for a full recount", "a former schoolteacher, ran on ..."): on the ten invented stories
# every receipt missing three or more told something its sentence does not, and the paraphrases
# missed one or two.
MAX_UNSTATED_WORDS = 2
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
QUOTE_MARK = re.compile(r"[\"“”]")
# "the names, phone numbers and home addresses": a list of three or more things, each of one or two words.
LIST_OF_THINGS = re.compile(
    r"(?<![\w'’-])((?:[\w'’-]+\s+)?[\w'’-]+(?:,\s+(?:[\w'’-]+\s+)?[\w'’-]+)+),?\s+(?:and|or)\s+((?:[\w'’-]+\s+)?[\w'’-]+)"
)


def _figures(text: str) -> set[str]:
    """The figures a text writes in digits, thousands separators dropped ("3,600" -> "3600")."""
    return {f.replace(",", "") for f in FIGURE.findall(text)}


# Figures a sentence writes in words, two and up ("one" also means "a": "one of the men", "every one").
NUMBER_WORDS = {w: float(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())
    if k >= 2} | {w: float(10 * k) for k, w in enumerate("_ _ _ thirty forty fifty sixty seventy eighty ninety".split()) if k >= 3}


def _figures_in_words(text: str) -> set[float]:
    """The figures a text writes in words, outside quotations ("THREE of them" -> {3.0})."""
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", text)
    return {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", outside.lower()) if w in NUMBER_WORDS}


def _date_words(text: str) -> set[str]:
    """The days and months a text names ("on Wednesday", "in October"): lexicons.calendar_words."""
    names = lexicons.calendar_words()
    return {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", text) if w.lower() in names}


def _qualifiers(text: str) -> set[str]:
    """The senses of timing or extent a text states ("with immediate effect", "temporarily"), outside
    quotations: lexicons.stated_qualifiers."""
    senses = lexicons.stated_qualifiers()
    pattern = lexicons.words_pattern(list(senses))
    if pattern is None:
        return set()
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", text)
    return {senses[m.group(0).lower()] for m in pattern.finditer(outside)}


def states_what_is_told(text: str, chosen: ClaimView, w: ClaimView, entities: dict[str, Entity], rewording_allowed: bool = False) -> bool:
    """True when the sentence of claim `w` states what the summary sentence `text` (told from
    `chosen`) states, so that a reader checking the citation finds it there: every figure it
    writes in digits ("between 3 September and 28 October"), every day and month it names ("on
    Monday"), every thing of a list it gives ("the names, phone numbers and home addresses"), and
    all but MAX_UNSTATED_WORDS of its other content words.

    The names of entities `w` mentions count as stated under any of their names ("Jeong" / "Jung
    Hyun-woo"), and so do the names and titles of a speaker both give the remark to (who said it
    is checked by `receipts`). With `rewording_allowed` (`w` renders the remark the sentence
    reports, `receipts`) the remark's own words may be reworded, but the rest of the sentence
    (who said it, through which channel: "was quoted by the news agency as saying") is checked
    as above; so are the figures, days and lists.
    """
    evidence = w.claim.text
    if not _figures(text) <= _figures(evidence) or not _date_words(text) <= _date_words(evidence):
        return False
    # A figure written in words too ("Three of the men were taken to hospital" is not stated by "Two of
    # the men were ..."), whatever unit each sentence counts.
    if not _figures_in_words(text) <= _figures_in_words(evidence) | {float(f) for f in _figures(evidence) if f.replace(".", "", 1).isdigit()}:
        return False
    # The channel is part of what is cited: "Marrow told the Highland Voice" is not stated by
    # "Marrow said at the signing", however few words it leaves out.
    if not channels_stated(text, evidence):
        return False
    # So is when or how far it holds: "resigned with immediate effect" is not stated by "resigned as
    # governor on Thursday" (an outlet whose report has it take effect at the end of the month).
    if not _qualifiers(text) <= _qualifiers(evidence):
        return False
    speaker = entities.get(w.speaker or "") if w.speaker == chosen.speaker else None
    names = [n for i in w.entity_ids for e in [entities.get(i)] if e for n in [e.name, *e.aliases]]
    if speaker is not None:
        names += [speaker.name, *speaker.aliases, *speaker.titles]
    stated = content_stems(evidence) | {stem(word) for n in names for word in n.split()}
    for found in LIST_OF_THINGS.finditer(text):
        if not content_stems(found.group(0)) <= stated:
            return False
    if rewording_allowed and chosen.content and chosen.content in text:
        text = text.replace(chosen.content, " ")  # the remark's words, judged one remark upstream
    return len(content_stems(text) - stated) <= MAX_UNSTATED_WORDS


# "told the Highland Voice", "in an interview with Radio Tesk", "speaking to reporters", "said at the
# signing": the channel or occasion a remark came through, up to the next punctuation mark or
# quotation (at most five words).
CHANNEL_PHRASE = re.compile(
    r"\b(?:told|telling|speaking\s+to|in\s+an?\s+(?:interview|conversation)\s+with|quoted\s+by|interviewed\s+by|writing\s+in|wrote\s+in"
    r"|(?:said|says|speaking|spoke)\s+(?:at|during)(?=\s+(?:the|a|an|his|her|their)\s))"
    r"\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s*(?:[,.;:!?\"“”(]|$|\s+(?:on|in|at|after|before|that|about|when|as)\b))",
    re.I,
)


def channels_stated(text: str, evidence: str) -> bool:
    """True when every channel or occasion the summary sentence `text` names a remark came through
    ("told the Highland Voice", "speaking to reporters", "said at the signing") is named in the
    cited sentence `evidence` too: a reader checking the citation finds who it was told to there
    (its content words, any order, outside the quotation)."""
    stated = content_stems(re.sub(r"[\"“][^\"”]*[\"”]", " ", evidence))  # named outside the words quoted
    for found in CHANNEL_PHRASE.finditer(re.sub(r"[\"“][^\"”]*[\"”]", " ", text)):
        if not content_stems(found.group(1)) <= stated:
            return False
    return True


@lru_cache(maxsize=1)
def _outlet_voice_pattern() -> re.Pattern[str] | None:
    """A name followed by an outlet's phrase telling its own finding ("Radio Fenmoor understands",
    "the Clarion can reveal": data/understand/outlet_voice.txt, the list the quote reader uses)."""
    from importlib.resources import files

    lines = files("newsprism").joinpath("data/understand/outlet_voice.txt").read_text(encoding="utf-8").splitlines()
    # "seen by <outlet>" lines are records the outlet saw itself: read by `outlet_record_in`.
    phrases = sorted({ln.strip() for ln in lines if ln.strip() and not ln.startswith("#") and "<outlet>" not in ln}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}\s+(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


# A stretch of a sentence between punctuation marks, quotations aside: where a record phrase
# ("documents seen by the Voice") may stand, at the sentence's start or after a comma.
CLAUSE_STRETCH = re.compile(r"(?:^|[,;:—–(]\s*)([^,;:—–()“”\"]{3,120})")


def outlet_record_in(text: str) -> bool:
    """True when a sentence rests on records the outlet saw itself ("..., documents seen by the Voice
    show", "Emails obtained by Radio Tarsk suggest that ..."): the understanding stage's reading of
    such a phrase (understand.claims.outlet_record, the "<outlet>" lines of
    data/understand/outlet_voice.txt), tried on each stretch of words that ends with a name."""
    from newsprism.understand.claims import outlet_record

    for found in CLAUSE_STRETCH.finditer(text):
        words = found.group(1).split()
        for end in range(2, len(words) + 1):
            if words[end - 1][:1].isupper() and outlet_record(" ".join(words[:end]).rstrip(".!?")):
                return True
    return False


def in_outlet_voice(text: str) -> bool:
    """True when a sentence is an outlet telling its own finding ("One worker is unaccounted for,
    Radio Fenmoor understands", "..., documents seen by the Voice show"): one outlet's claim,
    whoever else reports the event."""
    pattern = _outlet_voice_pattern()
    return bool(pattern and pattern.search(text)) or outlet_record_in(text)


def _length_unit(n) -> str:
    """The unit of a length of time, singular ("years" -> "year")."""
    return (n.unit or "").lower().removesuffix("s")


def _figure(n) -> float | None:
    """The figure a count states: its value, else its bound ("at least 17" -> 17)."""
    return n.value if n.value is not None else n.low if n.low is not None else n.high


def _range_sentence(conflict: Conflict, labels: dict[str, str], rise: bool = False, name_words: frozenset[str] | None = None) -> SummarySentence:
    """One disagreement told with its sides and their sources; with `rise`, figures that rose across
    reports (`conflicts.rising_counts`, positions in publication order); `name_words`, the words the story
    writes as names (`story_names`), tells a date conflict's event (`event_told`)."""
    parts, sources = [], []
    for p in conflict.positions:
        names = ", ".join(dict.fromkeys(labels.get(a, a) for a in p.article_ids))
        sources.append(names)
        value = as_told(p.value) if conflict.kind == "number" else spoken_when(p) if conflict.kind == "date" else p.value
        parts.append(f"{value} ({names})")
    about = conflict.about
    ordinals = [ORDINAL_VALUE.match(p.value) for p in conflict.positions]
    if conflict.kind == "number" and all(ordinals):
        # Places on a scale ("the 67th minute" vs "the 71st minute") tell one moment, not an amount
        # that ranges: the accounts differ.
        sides = [f"the {m.group(1)} ({names})" for m, names in zip(ordinals, sources)]
        text = f"Reports differ on the {about}: " + " versus ".join(sides) + "."
    elif conflict.kind == "number" and rise:
        # Figures that differ without contradicting each other, rising report after report.
        text = f"The reported {about} rose from {parts[0]} to {parts[-1]} across reports"
        if len(parts) > 2:
            text += f", with {', '.join(parts[1:-1])} in between"
        text += ", in the order they were published."
    elif conflict.kind == "number":
        text = f"Reports of the {about} range from {parts[0]} to {parts[-1]}"
        if len(parts) > 2:
            text += f", with {', '.join(parts[1:-1])} in between"
        text += ", rising with the reports' publication times." if conflict.trend == "rising" else "."
    elif conflict.kind == "actor" and about.startswith("who ") and not about.startswith("who took part in: "):
        text = f"Reports differ on {about}: " + " versus ".join(parts) + "."  # "who led the rescue effort"
    elif conflict.kind == "actor":
        text = "Reports name different officials as taking part: " + " versus ".join(f"the {p}" for p in parts) + "."
    elif conflict.kind == "cause" and about.startswith("cause of: "):
        text = f"Reports give different causes for “{about.removeprefix('cause of: ')}”: " + " versus ".join(parts) + "."
    elif conflict.kind == "date" and about.startswith("date of: "):
        # Outlets on more than one side each tell two accounts (a family's time and the coast guard's):
        # the accounts differ, not the reports.
        told = [a for p in conflict.positions for a in dict.fromkeys(p.article_ids)]
        who = "Accounts" if len(told) > len(set(told)) else "Reports"
        event = event_told(about.removeprefix("date of: "), [e.text for p in conflict.positions for e in p.evidence], name_words)
        if event:
            text = f"{who} differ on when {event}: " + " versus ".join(parts) + "."
        else:
            when = "time" if any(CLOCK_VALUE.match(p.value) for p in conflict.positions) else "date"
            text = f"{who} differ on the {when} of “{about.removeprefix('date of: ')}”: " + " versus ".join(parts) + "."
    else:
        text = f"Reports differ on the {about}: " + " versus ".join(parts) + "."
    ids = list(dict.fromkeys(a for p in conflict.positions for a in p.article_ids))
    return SummarySentence(text=text, article_ids=ids, evidence=[e for p in conflict.positions for e in p.evidence])


ORDINAL_VALUE = re.compile(r"^(\d+(?:st|nd|rd|th))\b", re.I)
CLOCK_VALUE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d\b")
ISO_VALUE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:[ T](\d\d):(\d\d))?$")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def spoken_date(value: str) -> str:
    """An ISO date as a reader says it: "2031-03-12" -> "Wednesday 12 March 2031", "2031-03" ->
    "March 2031", "2026-03-15 03:40" -> "03:40 on Sunday 15 March 2026", a day's "24:00" ->
    "midnight at the end of Saturday 14 March 2026"; a range "a/b" -> "from a to b"; anything else as it is."""
    import datetime as dt

    if "/" in value:
        first, _, last = value.partition("/")
        return f"from {spoken_date(first)} to {spoken_date(last)}"
    m = ISO_VALUE.match(value.strip())
    if m is None:
        return value
    year, month, day, hour, minute = m.groups()
    if not month:
        return year
    if not 1 <= int(month) <= 12:
        return value
    if not day:
        return f"{MONTHS[int(month) - 1]} {year}"
    try:
        d = dt.date(int(year), int(month), int(day))
    except ValueError:
        return value
    said = f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if hour is None:
        return said
    return f"midnight at the end of {said}" if f"{hour}:{minute}" == "24:00" else f"{hour}:{minute} on {said}"


WEEKDAY_WORD = re.compile(r"\b(?:(?i:last|this|next|on)\s+)?(" + "|".join(WEEKDAYS) + r")\b")


def spoken_when(position) -> str:
    """A date conflict's side as a reader says it, in the words its reports use where they name the
    weekday, the day told with it ("late on Monday" -> "late on Monday 2 March 2026", "at 3.40am on
    Sunday" -> "at 3.40am on Sunday 15 March 2026"), else the date alone ("yesterday" ->
    "Tuesday 15 April 2031"): an ISO date is no sentence, and a weekday word alone leaves the reader
    to count days from each report's publication."""
    value = position.value.split(" (")[0].strip()
    written = position.written() if position.value.endswith(")") else ""
    m = ISO_VALUE.match(value)
    said = spoken_date(value)
    if m is None or not m.group(3):
        return said
    day = said.split(" on ")[-1].removeprefix("midnight at the end of ")
    found = WEEKDAY_WORD.search(written)
    if found is None or found.group(1) != day.split()[0]:
        return said
    head = written[: found.start()].strip()
    return (head[:1].lower() + head[1:] + " on " if head else "") + day


# "Relatives of the crew said (that)", "The coast guard told reporters": who tells it is no part of
# the event's name ("when the trawler had asked for help", not "when relatives said ...").
TOLD_HEAD = re.compile(r"^(?P<teller>[A-Z][\w'’-]*(?:\s+[\w'’.-]+){0,6}?)\s+(?:said|says|say|told\s+\S+|reported|added|claimed)\s+(?:that\s+)?(?=\S+\s+\S+\s+\S+)")
# "The river authority said it received the first call": the pronoun is the teller.
TELLER_PRONOUN = re.compile(r"^(?:it|they|he|she|we)\s+(?=\S)", re.I)
TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:at|on|in|of|by|from|to|the|a|an|and|or|since|until|about|around|shortly|late|early)$", re.I)
SUBJECT_ARTICLE = re.compile(r"^(?:The|A|An|This|That)\b")
PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:now\s+|just\s+)?([a-z]+ed)\b")


DATE_ONLY_WORD = re.compile(r"^(?:on|in|at|by|since|last|this|next|early|late|yesterday|today|tonight|tomorrow|overnight|morning|"
                            r"afternoon|evening|night|day|week|month|year|ago|the|of|\d[\d:.,]*(?:am|pm|st|nd|rd|th)?)$", re.I)


def names_an_event(clause: str) -> bool:
    """True when a date conflict's name holds a word that is no part of a date ("Yesterday", "On
    Sunday" name no event: a date phrase alone was taken for its clause)."""
    calendar = lexicons.calendar_words()
    return any(not DATE_ONLY_WORD.match(w) and w.lower() not in calendar for w in re.findall(r"[\w'’]+", clause))


def event_told(clause: str, sentences: list[str], name_words: frozenset[str] | None = None) -> str | None:
    """A date conflict's event as the summary's "when ..." clause: the clause that names it, with its
    subject ("left port with nine crew aboard" -> "the Nordlys Venn left port with nine crew aboard",
    the subject taken from a report's sentence: "The Nordlys Venn, a 24-metre trawler, left port on
    Friday with nine crew aboard"), without who tells it ("Relatives said the trawler had asked for
    help" -> "the trawler had asked for help"; "The coast guard said it received the call" -> "the
    coast guard received the call") and without a word left dangling by the date's removal
    ("Power went out across much of X at"); None when its subject cannot be found (a relative clause,
    "which started ..."): a reader must be told who did what. A first word written with a capital
    only because it began its sentence ("Bulldozers demolished ...") is written small: with `name_words`
    (`story_names`), any word that is none of the story's names; without, one the reports write small
    inside a sentence."""
    clause = " ".join(clause.split()).rstrip(" .,;:…")
    while TRAILING_FUNCTION_WORD.search(clause):
        clause = TRAILING_FUNCTION_WORD.sub("", clause)
    told = TOLD_HEAD.match(clause)
    if told:
        clause = clause[told.end():]
        pronoun = TELLER_PRONOUN.match(clause)
        if pronoun:  # "said it received ..." -> "the river authority received ..."
            clause = told.group("teller") + " " + clause[pronoun.end():]
    words = clause.split()
    if len(words) < 2 or re.match(r"^(?:which|who|that|where|when|whose|and|but)\b", clause, re.I):
        return None
    if clause[0].islower() and not told:
        subject = _subject_before(clause, sentences)
        if subject is None:
            return None
        clause = subject + " " + clause
    # A live page's present perfect ("X and Y have signed the accord") told in the past, as a "when"
    # clause asks ("when X and Y signed the accord"); only a regular verb, whose participle is its past.
    clause = PRESENT_PERFECT.sub(r"\1", clause, count=1)
    # "The Central Bank ... raised" inside a sentence: "when the Central Bank ... raised"; a common
    # noun that began its sentence ("Power went out") is written small, as the reports write it
    # inside a sentence ("lost power"); a name ("Vancik signed") is not.
    first = clause.split()[0]
    common = name_words is not None and re.sub(r"[’']s$", "", first.strip(",;:")) not in name_words
    if SUBJECT_ARTICLE.match(clause) or (first[1:].islower() and (common or any(re.search(r"(?<=\w )" + re.escape(first.lower()) + r"\b", t) for t in sentences))):
        clause = clause[0].lower() + clause[1:]
    return clause


# A word written with a capital after a small word inside a sentence ("residents of Kessling said").
NAME_INSIDE = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][\w’'-]*")


def story_names(articles: list[CleanArticle], entities: list[Entity]) -> frozenset[str]:
    """The words a story writes as names: every word of an entity's names, and every word an article
    writes with a capital inside a sentence ("residents of Kessling"); a word outside them that opens
    a sentence ("Bulldozers demolished ...") has its capital only for that."""
    found = {w for e in entities for n in [e.name, *e.aliases] for w in n.split()}
    for a in articles:
        found.update(re.sub(r"[’']s$", "", w) for w in NAME_INSIDE.findall(a.text))
    return frozenset(w.strip(",;:.") for w in found)


def _subject_before(clause: str, sentences: list[str]) -> str | None:
    """The subject a report's sentence gives a clause cut from it: the sentence's first phrase, before
    an aside set off by commas ("The Nordlys Venn, a 24-metre trawler registered in Halstad, left port
    ..." -> "The Nordlys Venn"), when the clause follows it."""
    head = " ".join(clause.split()[:2])
    for sentence in sentences:
        text = strip_dateline(sentence)
        at = text.find(head)
        if at <= 0:
            continue
        first = re.split(r",\s+|\s+[—–]\s+", text[:at].strip())[0].strip(" ,")
        words = first.split()
        if 1 <= len(words) <= 6 and first[:1].isupper() and not _told_or_verb(first):
            return first[0].lower() + first[1:] if SUBJECT_ARTICLE.match(first) else first
    return None


def _told_or_verb(phrase: str) -> bool:
    """True when a phrase is a clause of its own ("Police said", "It was"), not a subject."""
    return bool(re.search(r"\b(?:said|says|say|told|is|was|were|are|had|has|have)\b", phrase) or PRONOUN_START.match(phrase))


# Kinds of disagreement the summary tells, in this order at equal width; "rise" is a count
# that rose across reports without contradiction (told after the disagreements).
RANGE_KIND_ORDER = {"number": 0, "date": 1, "actor": 2, "cause": 3, "rise": 4}


def pick_ranges(
    conflicts: list[Conflict], labels: dict[str, str], banned: frozenset[str], max_sentences: int, rises: list[Conflict] = (),
    name_words: frozenset[str] | None = None,
) -> tuple[list[SummarySentence], list[SummarySentence]]:
    """The disagreements the summary tells: one of each kind the story has (a count, a date, who
    took part, a cause) before a second of any kind, widest first within a kind; at most half the
    summary. A disagreement whose sentence would carry one outlet's words (a date conflict is
    named by a clause, which may be the one outlet's loaded sentence) is skipped. Returns the ones always told, and the further ones that may fill leftover room."""
    kinds = {c.id: c.kind for c in conflicts if c.kind in RANGE_KIND_ORDER} | {c.id: "rise" for c in rises}
    ordered = sorted(
        (c for c in [*conflicts, *rises] if c.id in kinds),
        key=lambda c: (-sum(len(p.article_ids) for p in c.positions), RANGE_KIND_ORDER[kinds[c.id]], c.id),
    )
    # Nor one naming its event by a figure a count conflict disputes ("the date of 'FOURTEEN people
    # were killed when ...'" beside twelve vs fourteen dead): it would tell that side as the event.
    figures = {w.lower() for c in conflicts if c.kind == "number" for p in c.positions for w in p.value.split()[:3] if COUNT_WORD.match(w)}
    # Nor a date disagreement whose event is named by no word but its date ("date of: Yesterday",
    # "date of: On Sunday"): it tells a reader of no event.
    usable = [
        (kinds[c.id], r) for c, r in ((c, _range_sentence(c, labels, kinds[c.id] == "rise", name_words)) for c in ordered)
        if not _terms_in(r.text, banned) and (c.kind == "number" or not _terms_in(c.about, frozenset(figures)))
        and not (c.kind == "date" and not names_an_event(c.about.removeprefix("date of: ")))
    ]
    seen: dict[str, int] = defaultdict(int)
    by_turn: list[tuple[int, int, SummarySentence]] = []
    for rank, (kind, sentence) in enumerate(usable):
        by_turn.append((seen[kind], rank, sentence))  # the n-th of its kind waits for every kind's (n-1)-th
        seen[kind] += 1
    turns = sorted(by_turn, key=lambda t: (t[0], t[1]))
    # One of each kind is told (up to half the summary); a second of a kind only where the facts leave room.
    # (at least the two first in turn, as many as a story of one kind of disagreement had).
    first = [s for turn, _, s in turns if turn == 0][: max(2, max_sentences // 2)]
    rest = [s for _, _, s in turns if s not in first]
    while len(first) < 2 and rest:
        first.append(rest.pop(0))
    return first, rest


def build_summary(
    facts: list[Fact],
    conflicts: list[Conflict],
    views_by_fact: list[list[ClaimView]],
    articles: list[CleanArticle],
    entities: list[Entity],
    sources: dict[str, str],
    embeddings_by_fact: list[np.ndarray],
    min_sentences: int,
    max_sentences: int,
    rises: list[Conflict] = (),
) -> list[SummarySentence]:
    """Return the story's neutral summary (see the module docstring for the steps); `rises` are
    counts that rose across reports without contradiction (conflicts.rising_counts)."""
    if not facts:
        return []
    banned = banned_terms(articles)
    banned_verbs = banned_terms(articles, lexicons.summary_avoid_verbs())
    # A sentence that holds one side of a disagreement is not stated as the story's fact.
    contested = {(e.article_id, e.start) for c in conflicts if c.kind not in {"date", "number"} for p in c.positions for e in p.evidence}
    # A sentence giving one side's count is told with the range the reports give ("killing three workers"
    # -> "killing three to four workers"), unless it is someone's words; one giving a side's length of
    # time is told without it ("sentenced X to 12 years in prison for fraud" -> "sentenced X for fraud").
    counted: dict[tuple[str, int], list[tuple[str, Conflict]]] = defaultdict(list)
    for c in conflicts:
        if c.kind == "number":
            for p in c.positions:
                for e in p.evidence:
                    counted[(e.article_id, e.start)].append((p.value, c))
    # A sentence that dates the event one side's way is told without its date ("broke out on
    # Thursday night at the plant" -> "broke out at the plant"); the range sentence gives the dates.
    dated: dict[tuple[str, int], list[str]] = defaultdict(list)
    for c in conflicts:
        if c.kind == "date":
            for p in c.positions:
                for e in p.evidence:
                    dated[(e.article_id, e.start)].append(p.written())
    # So is a sentence that is no side of the conflict but dates its event one side's way ("the
    # earthquake that flattened the town on Monday night has killed 61" beside a Sunday/Monday
    # conflict over the earthquake): same day as a side, and a word of the event's name.
    disputed_days = [
        ({p.value.split(" (")[0] for p in c.positions}, content_stems(c.about.removeprefix("date of: ")))
        for c in conflicts if c.kind == "date"
    ]
    for group in views_by_fact:
        for v in group:
            for d in v.event_dates:
                if (v.article_id, v.claim.start) not in dated and any(d.value in days and content_stems(v.claim.text) & event for days, event in disputed_days):
                    dated[(v.article_id, v.claim.start)].append(d.text)
    # A sentence giving one side's cause in other words ("lost steering in strong winds") is contested too.
    causes = [t.strip().lower() for c in conflicts if c.kind == "cause" for p in c.positions for t in p.value.split(" / ") if t.strip()]
    # So is one naming a side of a dispute over who did or runs something ("The coach of the company
    # X was on the way ..." beside "who operated: the coach": X vs Y): the range sentence names them.
    causes += [p.value.lower() for c in conflicts if c.kind == "actor" and c.about.startswith("who ") and not c.about.startswith("who took part in: ")
               for p in c.positions]
    cause_pattern = lexicons.words_pattern(causes)
    cause_sides = [stems for c in conflicts if c.kind == "cause" for p in c.positions for t in p.value.split(" / ") if (stems := content_stems(t))]
    by_id = {e.id: e for e in entities}
    story_views = list({id(v): v for group in views_by_fact for v in group}.values())
    sentences_per_article = {a.id: 1 for a in articles}
    for group in views_by_fact:
        for v in group:
            sentences_per_article[v.article_id] = max(sentences_per_article[v.article_id], v.claim.sentence_index + 1)

    def place(group: list[ClaimView]) -> float:
        return min(v.claim.sentence_index / sentences_per_article[v.article_id] for v in group)

    ranked = sorted(range(len(facts)), key=lambda k: (-facts[k].independent_sources, -len(facts[k].article_ids), place(views_by_fact[k]), facts[k].id))
    labels = {a.id: article_label(a) for a in articles}
    name_words = story_names(articles, entities)
    ranges, more_ranges = pick_ranges(conflicts, labels, banned, max_sentences, list(rises), name_words)
    room = max(min_sentences, max_sentences - len(ranges))
    chosen: list[tuple[float, SummarySentence, np.ndarray]] = []
    # Per chosen sentence: corroborated by its own citations, told in no one's words nor as one outlet's finding, no claim of a speaker.
    lead_keys: list[tuple] = []
    first_published = min((a.published[:10] for a in articles if a.published), default=None)
    carried: list[Conflict] = []
    # Per chosen sentence (by id): the count conflicts whose range it gives ("Seven to eight aid workers ...").
    ranged_of: dict[int, list[Conflict]] = {}

    def independent(article_id: str) -> str:
        return sources.get(article_id, article_id)

    # Per chosen sentence: its speaker and the embeddings of every sentence of its fact.
    told: list[tuple[str | None, np.ndarray]] = []
    # Corroborated facts first; facts from one source only fill the summary up to its fewest sentences.
    corroborated = [k for k in ranked if facts[k].independent_sources >= 2]
    single = [k for k in ranked if facts[k].independent_sources < 2]
    # The fact the outlets lead with is told first, and opens the summary (`lede_fact`).
    opening_tells: dict[int, int] = {}
    opening = lede_fact(facts, views_by_fact, embeddings_by_fact, sources, opening_tells)
    if opening is not None:
        corroborated = [opening] + [k for k in corroborated if k != opening]
    opened_by: int | None = None
    chosen_facts: list[int] = []
    for k in corroborated + single:
        if len(chosen) >= room or (facts[k].independent_sources < 2 and len(chosen) + len(ranges) >= min_sentences):
            break
        fact, group = facts[k], views_by_fact[k]
        # The sentences that state the fact most centrally first (a side sentence that mentions it,
        # "relatives of the workers killed in the explosion gathered ...", after), each actor it
        # names worth a little (0.01 of mean cosine), then the shortest.
        rows = embeddings_by_fact[k]
        centrality = (rows @ rows.T).mean(axis=1) if len(group) > 1 else np.ones(1)
        order = sorted(range(len(group)), key=lambda x: (-round(float(centrality[x]) + 0.01 * len(group[x].entity_ids), 4), len(group[x].claim.text), group[x].index))
        if k == opening:
            # The fact that opens the summary is told by one of its outlets' opening sentences where it
            # holds any ("A vaccine ... was 81% effective in a trial, its maker said"), not by a quote
            # of its that sits beside them ("This is a turning point ...", its chief executive said).
            firsts = [x for x in order if group[x].claim.sentence_index == 0]
            order = firsts + [x for x in order if x not in firsts]
        # Of the sentences stating the fact about as centrally as the best usable one, the one
        # that holds for the most of its articles as worded (`receipts`): the most corroborated
        # fact should not be told in the one outlet's words that only it can vouch for.
        candidates = []
        # The fact the outlets open with, given to its source in a tail ("A vaccine ... was 81%
        # effective in a trial, its maker said on Wednesday"), may keep its own disputed figure when it
        # cannot be told otherwise: it is what that source says, cited to the articles printing it, the
        # range sentence giving the others.
        for own_figure in ((False, True) if k == opening else (False,)):
            if candidates and (k != opening or any(c[2].claim.sentence_index == 0 for c in candidates)):
                break
            for x in order:
                v = group[x]
                if candidates and float(centrality[x]) < float(centrality[candidates[0][0]]) - RECEIPT_CENTRALITY_MARGIN:
                    break
                if (v.article_id, v.claim.start) in contested or (cause_pattern and cause_pattern.search(v.claim.text)) \
                        or gives_a_side_of_a_cause(v.claim.text, cause_sides):
                    continue
                whole = name_the_speaker(compress(v.claim.text), v, by_id)
                disputes = counted.get((v.article_id, v.claim.start), [])
                # The sentence as written, then its main clause without a trailing aside or a disputed amount
                # (`shorter_forms`): the shorter one is told where more of the fact's reports state it as worded.
                for text in [whole, *shorter_forms(whole, disputes)]:
                    as_written = text == whole
                    ranged = False
                    given = disputes if text == whole else [(value, c) for value, c in disputes if _writes(text, value)]
                    if given:
                        if v.claim.attributed_to or v.speaker or v.relayed_by:
                            # "the hospital said it had treated 37 patients": a range would not be its words;
                            # "the company confirmed it is recalling 120,000 batteries" is told without the
                            # figure ("is recalling batteries"), still its words (`_without_figures`).
                            text = _without_figures(text, given) or (text if own_figure and tells_whose_account(text) else None)
                            if text is None:
                                continue
                            given = []
                        # "killed 23 people, according to the civil protection office", "..., officials said": the
                        # source said 23, not 23 to 27; told with its own figure, cited to the articles printing it
                        # (`receipts`), the range sentence giving each figure with its source.
                        if not tells_whose_account(text):
                            text = with_ranges(text, given)
                            if text is None:
                                continue
                            ranged = True
                    if (v.article_id, v.claim.start) in dated:
                        text = _without_dates(text, dated[(v.article_id, v.claim.start)])
                        if text is None:
                            continue
                    if not _usable(text, fact, banned, by_id, v.quoted_share > 0.05, banned_verbs):
                        continue
                    vec = embeddings_by_fact[k][x]
                    if any(float(vec @ other) >= 0.8 or stem_overlap_text(text, s.text) >= 0.7 for _, s, other in chosen):
                        continue
                    speaker = fact.claim_of or v.speaker
                    if speaker and any(speaker == said and float((embeddings_by_fact[k] @ rows.T).max()) >= SAME_SUBJECT_COS for said, rows in told):
                        continue  # the speaker's remark on this subject is told already ("will reopen the port" twice)
                    cited = receipts(v, text, group, by_id, story_views)
                    ranged_by = [c for value, c in given if not TIME_UNIT.match(value.split()[-1])] if ranged else []
                    candidates.append((x, text, v, cited, vec, speaker, ranged, as_written, ranged_by))
        if not candidates:
            continue
        # The most cited (independent sources, then articles; the fact the outlets open with told by an
        # opening sentence at a tie); then not one outlet telling its own finding ("..., Radio X understands"),
        # which only it vouches for, when another of the fact's sentences tells it otherwise.
        # Then one telling no state ("The club is delighted to announce ..." beside "United have completed the
        # signing ..."), then a sentence as written over one cut short (`shorter_forms`: it earns its place by more citations).
        x, text, v, cited, vec, speaker, ranged, _, ranged_by = max(candidates, key=lambda c: (
            len({independent(w.article_id) for w in [c[2], *c[3]]}), len({w.article_id for w in [c[2], *c[3]]}),
            k == opening and c[2].claim.sentence_index == 0, not in_outlet_voice(c[1]), not tells_a_state(c[2].claim.predicate), c[7]))
        evidence = {}
        for w in [v, *cited]:
            evidence.setdefault(w.article_id, w.evidence())
        for value, conflict in counted.get((v.article_id, v.claim.start), []) if ranged else []:
            for p in conflict.positions:  # the range the sentence gives rests on every side's reports
                for e in p.evidence:
                    evidence.setdefault(e.article_id, e)
        ids = [a for a in fact.article_ids if a in evidence] + [a for a in evidence if a not in fact.article_ids]
        # Its days said as a reader says a date (after the citations were checked against the articles' own words).
        sentence = SummarySentence(text=with_calendar_dates(text, v.claim.dates), article_ids=ids, evidence=[evidence[a] for a in ids])
        chosen.append((place(group), sentence, vec))
        ranged_of[id(sentence)] = ranged_by
        told.append((speaker, embeddings_by_fact[k]))
        # Corroborated as told: the sentence's own citations, not its fact's articles (a fact of two
        # outlets may be told in the one outlet's words only it vouches for).
        corroborated = len({independent(a) for a in ids}) >= 2
        background = tells_background(v, first_published)
        in_words = bool(QUOTE_MARK.search(text) or in_outlet_voice(text))
        # An event: what someone or something did (`tells_an_event`: no state, "The council's debt is 2.9
        # billion euros", nor a remark), not dated well before the first report, in no one's words, no
        # claim of a speaker.
        # A speaker's claim counts only as an event given to its source by a tail ("Kingsbridge United have
        # completed the signing of X, the club announced"), not as what the speaker says ("Korrin said ...").
        event = not background and not in_words and (fact.claim_of is None or without_attribution(text) != text) \
            and tells_an_event(v.claim.predicate, text)
        # An event of a fact several outlets report, told in one outlet's words (its other reports word
        # it too differently to be cited for this wording), on no medium's word ("The Sports Desk
        # reported that ..."): better an opening than a quote or background, however many outlets
        # print those; the fact most outlets report first, then one giving it to no one ("..., according
        # to the civil protection office" tells the main event as well as another sentence tells a side event).
        reported = event and fact.independent_sources >= 2 and not v.relayed_by
        # Of those, the fact more outlets open their reports with (the event their ledes tell), then the one most report.
        ledes = len({independent(w.article_id) for w in group if w.claim.sentence_index == 0})
        # Corroborated events rank among themselves the same way: the one more outlets lead with first
        # (a recall every report opens with, "..., the company said", before a detail on the use-by dates).
        weight = (ledes, fact.independent_sources, not PLANNED.search(without_attribution(text)), not tells_whose_account(text))
        kind = (2, *weight) if event and corroborated else (1, *weight) if reported else (0, 0, 0, False, False)
        if k == opening and not in_words and not tells_a_state(v.claim.predicate) and (corroborated or event):
            opened_by = len(lead_keys)
        chosen_facts.append(k)
        lead_keys.append((*kind, corroborated, not background, not in_words, fact.claim_of is None))
        carried.extend(c for c in _disputes_carried(v, group, ids, counted) if c not in carried)
    # A sentence cited to fewer of its fact's articles than hold a disputed count of what it counts
    # ("won by fewer than 50 votes" beside the fact's "by 37 votes", disputed by "43 votes") does
    # not tell that dispute alone: its range is told, ahead of the other disagreements, and the least
    # corroborated fact sentence gives way when the summary is full.
    told_ranges = {r.text for r in ranges}
    extra = [r for c in carried if (r := _range_sentence(c, labels, name_words=name_words)).text not in told_ranges and not _terms_in(r.text, banned)]
    if extra:
        extra_texts = {r.text for r in extra}
        ranges = extra + ranges
        more_ranges = [r for r in more_ranges if r.text not in extra_texts]
        while chosen and len(chosen) + len(ranges) > max_sentences and len(chosen) > 1:
            chosen.pop()
            lead_keys.pop()
            chosen_facts.pop()
    # The summary opens with what happened, in this order of preference (the first sentence, as the
    # articles tell them, of the best kind the summary holds):
    # 1. a corroborated event: an event sentence (`tells_an_event`: no state, no remark; not background,
    #    dated well before the first report; in no one's words, no quotation nor one outlet's own
    #    finding; no claim of a speaker) cited (its own citations, not its fact's: a sentence of a
    #    two-outlet fact told in the words only one outlet vouches for is that outlet's report) to two
    #    or more independent sources; of those, the fact more outlets open their reports with, then the
    #    one most report (as in 2.);
    # 2. an event sentence of a fact two or more independent sources report, cited to those of its
    #    articles whose sentences state it as worded, on no medium's word: of the fact more outlets open
    #    their reports with, then the one most outlets report, then one telling what happened over a plan ("The minister will visit the substation"),
    #    then one giving it to no one (not "..., according to the office");
    # 3. then as before: a corroborated sentence (a quote, a state: 'The council's debt is 2.9 billion
    #    euros'), not background, in no one's words, no claim of a speaker.
    # The others follow as the articles tell them.
    order = sorted(range(len(chosen)), key=lambda i: chosen[i][0])
    if order:
        lead = max(order, key=lambda i: (*lead_keys[i], -order.index(i)))
        # The fact the outlets open with (`lede_fact`) opens the summary told by a corroborated sentence,
        # or by an event told in one outlet's words where the sentence the rules above pick is of a fact
        # fewer than two outlets open with (a reward offered beside the escape all of them lead with).
        if opened_by is not None and opened_by < len(chosen) and opened_by != lead and (
                lead_keys[opened_by][-4] or opening_tells.get(chosen_facts[lead], 0) < 2):
            lead = opened_by
        order = [lead] + [i for i in order if i != lead]
    told_facts = [chosen[i][1] for i in order]
    told_facts, tail = _range_told_once(told_facts, ranges + more_ranges, ranged_of, labels, name_words)
    return (told_facts + tail)[:max_sentences]


def _range_told_once(
    facts_told: list[SummarySentence], tail: list[SummarySentence], ranged_of: dict[int, list[Conflict]],
    labels: dict[str, str], name_words: frozenset[str] | None,
) -> tuple[list[SummarySentence], list[SummarySentence]]:
    """A disputed count told once. A fact sentence that gives a count's range ("Seven to eight aid workers
    ... were released") and the range sentence of the same conflict ("Reports of the number of workers
    freed range from seven (A, B) to eight (C)") would tell the range twice: the range sentence then
    says only who gives which figure ("On the number of workers freed, A and B give seven; C gives
    eight."). A ranged sentence that says nothing but the disputed amount ("The mission cost 140 million
    to 210 million kroner." beside a conflict over the cost of the mission: its words outside the
    figures are the conflict's subject alone) is dropped instead, the range sentence telling it whole,
    ahead of the other disagreements. Where the summary holds no range sentence of the conflict
    (its sentence carries a banned word), nothing changes."""
    tail = list(tail)
    kept: list[SummarySentence] = []
    for sentence in facts_told:
        conflicts = ranged_of.get(id(sentence), [])
        found = [(c, k) for c in conflicts for k, r in enumerate(tail) if r.text == _range_sentence(c, labels, name_words=name_words).text]
        if not found:
            kept.append(sentence)
            continue
        if len(conflicts) == 1 and _says_only_the_amount(sentence.text, conflicts[0]):
            k = found[0][1]
            tail.insert(0, tail.pop(k))  # its range sentence is told, first of the disagreements
            continue
        for c, k in found:
            tail[k] = _attribution_sentence(c, labels)
        kept.append(sentence)
    return kept, tail


def _says_only_the_amount(text: str, conflict: Conflict) -> bool:
    """Whether a sentence's words outside the disputed figures are the conflict's subject alone ("The
    mission cost 140 million to 210 million kroner." of a conflict over the "cost"): the subject's words
    and at most one more, what holds the amount ("mission"), which the range sentence's sides tell as
    well as it does; a sentence telling where, when or by whom ("... were released after talks in X") says more."""
    figures = set().union(*(content_stems(p.value) for p in conflict.positions))
    rest = content_stems(text) - figures - content_stems(conflict.about)
    return len(rest) <= MAX_WORDS_BESIDE_AN_AMOUNT


MAX_WORDS_BESIDE_AN_AMOUNT = 1


def _attribution_sentence(conflict: Conflict, labels: dict[str, str]) -> SummarySentence:
    """Who gives which figure of a count whose range a summary sentence already tells ("On the number
    of workers freed, A, B and C give seven; D gives eight."), cited to every side."""
    parts = []
    for p in conflict.positions:
        names = list(dict.fromkeys(labels.get(a, a) for a in p.article_ids))
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f"{who} {'gives' if len(names) == 1 else 'give'} {as_told(p.value)}")
    text = f"On the {conflict.about}, " + "; ".join(parts)
    text += ", the figures rising with the reports' publication times." if conflict.trend == "rising" else "."
    ids = list(dict.fromkeys(a for p in conflict.positions for a in p.article_ids))
    return SummarySentence(text=text, article_ids=ids, evidence=[e for p in conflict.positions for e in p.evidence])


def lede_fact(facts: list[Fact], views_by_fact: list[list[ClaimView]], embeddings_by_fact: list[np.ndarray], sources: dict[str, str],
              told_by: dict[int, int] | None = None) -> int | None:
    """The fact the outlets lead with: of the facts two or more independent sources report, the one
    the opening sentences of the most outlets tell (an opening sentence among its sentences, or one
    reading like one of them: cosine >= LEDE_COS), at least two; at a tie the one more sources report,
    then the one whose openings read closest. None when no fact is told by two outlets' openings.
    "Six inmates escaped from the prison" is what the outlets open with though one leads with the
    minister suspending the prison chief two days after the escape, another with two of the six
    recaptured: a reward offered, which more outlets report, is no opening. `told_by`, when given, gets
    each fact's count of outlets whose openings tell it."""
    firsts: dict[str, list[np.ndarray]] = defaultdict(list)
    for group, rows in zip(views_by_fact, embeddings_by_fact):
        for v, row in zip(group, rows):
            if v.claim.sentence_index == 0:
                firsts[sources.get(v.article_id, v.article_id)].append(row)
    best, best_key = None, None
    for k, (fact, rows) in enumerate(zip(facts, embeddings_by_fact)):
        if fact.independent_sources < 2 or not len(rows):
            continue
        closest = [max(float((rows @ r).max()) for r in opened) for opened in firsts.values()]
        told = [c for c in closest if c >= LEDE_COS - 1e-9]
        if told_by is not None:
            told_by[k] = len(told)
        key = (len(told), fact.independent_sources, round(sum(told), 4))
        if len(told) >= 2 and (best_key is None or key > best_key):
            best, best_key = k, key
    return best


def tells_a_state(predicate: str | None) -> bool:
    """True when a claim's predicate (its main verb with its auxiliaries) is made of state verbs only
    ("is", "has been", "remained": data/compare/state_verbs.txt): "The council's debt is 2.9 billion
    euros" tells how things are, "The council cut its budget" what happened; a sentence without a
    verb read (None) tells no event either."""
    words = (predicate or "").lower().split()
    return not words or all(w in lexicons.state_verbs() for w in words)


def tells_an_event(predicate: str | None, text: str = "") -> bool:
    """True when a claim's predicate tells what happened: no state (`tells_a_state`), no habit (an
    adverb of data/compare/habit_words.txt before its verb: "has always denied") and no remark,
    whose main verb is a reporting verb (lexicons.report_verbs: "Relatives of the crew said the
    trawler had asked for help" tells what they said), unless the report is a tail giving the event
    to its source ("About 180,000 customers lost power ..., the grid operator said": `without_attribution`)."""
    if tells_a_state(predicate):
        return False
    verb = (predicate or "").split()[-1]
    if re.search(r"\b(?:" + "|".join(map(re.escape, sorted(lexicons.habit_words()))) + r")\s+" + re.escape(verb) + r"\b", text, re.I):
        return False  # "Iran has always denied ...": a standing position, the story's background
    if set((predicate or "").lower().split()) & lexicons.report_verbs():
        head = without_attribution(text)
        return head != text and not set(re.findall(r"[a-z]+", head.lower())) & lexicons.report_verbs()
    return True


# A tail giving the sentence to its source, after its last comma: ", the grid operator said.", ", according
# to the office.", ", Tarvix Mobile said in a statement." (a reporting verb of lexicons.report_verbs, at most
# ATTRIBUTION_WORDS words).
ATTRIBUTION_TAIL = re.compile(r",\s+(?P<tail>[^,;\"“”]+?)\s*[.!]?$")
ATTRIBUTION_WORDS = 10
# A plan or a possibility, no event yet: a modal or "plans to" ("will visit", "could reopen").
PLANNED = re.compile(r"\b(?:will|would|could|should|may|might|shall|plans?\s+to|intends?\s+to|is\s+to|are\s+to)\b", re.I)


def without_attribution(text: str) -> str:
    """The sentence without its tail giving it to a source (ATTRIBUTION_TAIL); as it is without one."""
    found = ATTRIBUTION_TAIL.search(text)
    tail = found.group("tail").split() if found else []
    if not tail or len(tail) > ATTRIBUTION_WORDS or not (ACCORDING_TO.match(found.group("tail")) or {w.lower() for w in tail} & lexicons.report_verbs()):
        return text
    return text[: found.start()] + "."


BACKGROUND_DAYS = 31
"""An event dated more than this many days before the story's first report is its background."""


def tells_background(view: ClaimView, first_published: str | None) -> bool:
    """True when a sentence dates what it tells well before the story's first report ("Two years ago,
    a quake damaged the old bridge", "in March 2032"): the story's background, no opening for its summary."""
    import datetime as dt

    if not first_published:
        return False
    try:
        cutoff = dt.date.fromisoformat(first_published) - dt.timedelta(days=BACKGROUND_DAYS)
    except ValueError:
        return False
    for d in view.event_dates:
        m = ISO_VALUE.match(d.value or "")
        if m is None:
            continue
        year, month, day = int(m.group(1)), int(m.group(2) or 12), m.group(3)
        try:
            latest = dt.date(year, month, int(day)) if day else (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        except ValueError:
            continue
        if latest < cutoff:
            return True
    return False


# A weekday with its preposition or "last"/"this"/"next" and a part of the day ("on Tuesday", "last
# Friday night"); not a possessive ("Tuesday's vote") nor a day already given its date ("Tuesday, 8 November").
WEEKDAY_PHRASE = re.compile(
    r"(?:\b(?P<pre>on|last|this|next)\s+)?\b(?P<day>" + "|".join(WEEKDAYS) + r")\b(?:\s+(?P<part>morning|afternoon|evening|night))?(?![’']s\b)"
)
# A day told from the day of publication ("yesterday morning", "last night") or by its number alone ("on the 14th").
DAY_WORD_PHRASE = re.compile(
    r"\b(?P<day>yesterday|today|tonight|last\s+night)\b(?:\s+(?P<part>morning|afternoon|evening))?|\b(?:on\s+)?the\s+(?P<nth>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])",
    re.I,
)


def with_calendar_dates(text: str, dates) -> str:
    """The sentence with each day it tells relative to its report ("on Tuesday", "yesterday", "last
    night", "on the 14th") said as a reader says a date, where the understanding stage resolved it to a
    day (`dates`, the claim's DateMentions): "on Tuesday" -> "on Tuesday 14 March 2034", "on Friday
    night" -> "on the night of Friday 10 March 2034", "yesterday" -> "on Monday 13 March 2034". Out of
    its article a weekday leaves the reader to count days from a publication date the summary does not
    give. A day inside a quotation (a speaker's words) or already with its date is left as written."""
    for d in dates:
        if not d.value or not re.fullmatch(r"\d{4}-\d\d-\d\d", d.value) or d.kind not in {"relative", "date"}:
            continue
        said = spoken_date(d.value)
        if said == d.value or any(m in d.text for m in MONTHS):
            continue
        at = text.find(d.text)
        phrase = d.text
        if at >= 0:  # the part of the day the sentence writes after the mention ("on Sunday" + " afternoon")
            follow = re.match(r"\s+(?:morning|afternoon|evening|night)\b", text[at + len(phrase):])
            phrase += follow.group(0) if follow and not re.search(r"(?i)(?:morning|afternoon|evening|night)", phrase) else ""
        if at < 0 or len(QUOTE_MARK.findall(text[:at])) % 2 or re.match(r"[’']s\b", text[at + len(phrase):]):
            continue  # not found, a speaker's words, or a possessive ("during Wednesday night's power cut")
        m = WEEKDAY_PHRASE.search(phrase)
        if m and m.group("day") == said.split()[0]:
            after = text[at + len(phrase):at + len(phrase) + 16]
            if re.match(r",?\s*(?:\d{1,2}\b|(?:" + "|".join(MONTHS) + r")\b)", after):
                continue  # "on Tuesday, 8 November": the date is written already
            told = f"on the {m.group('part')} of {said}" if m.group("part") else f"on {said}" if m.group("pre") else said
        else:
            m = DAY_WORD_PHRASE.search(phrase)
            if m is None:
                continue
            if m.group("nth") and int(m.group("nth")) != int(d.value[-2:]):
                continue
            part = "night" if m.group("day") and m.group("day").lower() in {"tonight", "last night"} else m.group("part")
            told = f"on the {part.lower()} of {said}" if part else f"on {said}"
        new = phrase[: m.start()] + told + phrase[m.end():]
        if at == 0 or re.fullmatch(r"\s*", text[:at]):
            new = new[:1].upper() + new[1:]
        text = text[:at] + new + text[at + len(phrase):]
    return text


def _disputes_carried(v: ClaimView, group: list[ClaimView], cited: list[str], counted: dict) -> list[Conflict]:
    """The count conflicts (in `counted`, by sentence) that claims of the fact (`group`) from
    articles the sentence of `v` is not cited to are sides of, on a thing the sentence counts too."""
    units = [unit for _, _, _, unit in v.numbers if unit]
    found: list[Conflict] = []
    if not units:
        return found
    for w in group:
        if w.article_id in cited:
            continue
        for value, conflict in counted.get((w.article_id, w.claim.start), []):
            words = [t for t in re.findall(r"[A-Za-z%][\w%-]*", value) if not COUNT_WORD.match(t)]
            key = unit_key(words[-1]) if words else None
            if key and any(units_match(key, u) for u in units) and conflict not in found:
                found.append(conflict)
    return found
