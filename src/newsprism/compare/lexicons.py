"""Data files the comparison reads (src/newsprism/data/compare/*.txt), loaded once.

Each file opens with a comment giving its source and licence; users extend them by
editing the file. The framing lexicons (data/framing/en/) are read for the summary's
list of words to avoid when present, and the understanding stage's country table
(data/understand/countries.csv, epithets.csv) for the names that stand for a state.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources


def _lines(package: str, name: str) -> list[str]:
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _compare_lines(name: str) -> list[str]:
    return _lines("newsprism.data.compare", name) or _lines("newsprism", f"data/compare/{name}")


def _rows(name: str, stage: str = "compare") -> list[dict[str, str]]:
    """The rows of a CSV data file of the comparison, or of another stage's (`stage="understand"`)."""
    lines = _compare_lines(name) if stage == "compare" else _lines("newsprism", f"data/{stage}/{name}")
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def words_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """Return one case-insensitive whole-word pattern for `terms`, longest first."""
    # Built once per term list: conflicts read every claim of a story with the same lists.
    return _words_pattern(tuple(terms))


@lru_cache(maxsize=32)
def _words_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = sorted({t.lower() for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def offices() -> dict[str, str]:
    """Map every spelling of an office to the office's shown name."""
    table: dict[str, str] = {}
    for line in _compare_lines("offices.txt"):
        names = [n.strip().lower() for n in line.split("|") if n.strip()]
        for name in names:
            table[name] = names[0]
    return table


@lru_cache(maxsize=1)
def cause_markers() -> list[str]:
    return [m.lower() for m in _compare_lines("cause_markers.txt")]


@lru_cache(maxsize=1)
def cause_doubt_words() -> list[str]:
    """Words that doubt a cause ("unlikely", "ruled out"): data/compare/cause_doubt_words.txt."""
    return [w.lower() for w in _compare_lines("cause_doubt_words.txt")]


@lru_cache(maxsize=1)
def summary_cause_words() -> list[str]:
    """Phrases that tell a sentence names a cause beyond the markers ("was the cause", "to blame"):
    data/compare/summary_cause_words.txt."""
    return [w.lower() for w in _compare_lines("summary_cause_words.txt")]


@lru_cache(maxsize=1)
def source_marker_pattern() -> re.Pattern[str] | None:
    """A pattern that matches a source marker ending right before a name ('according to the '),
    or before a name that a few lower-case words describe ('according to state broadcaster ')."""
    markers = sorted({m.lower() for m in _compare_lines("source_markers.txt")}, key=len, reverse=True)
    if not markers:
        return None
    # Not re.I: the describing words must be lower case, so no other name slips in between.
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(m) for m in markers) + r")\s+(?:(?i:the|a|an)\s+)?(?:[a-z][a-z-]*\s+){0,3}$")


@lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    return frozenset(v.lower() for v in _compare_lines("report_verbs.txt"))


def _kind_of_form(name: str) -> dict[str, str]:
    """Map each form of a "kind: form, form, ..." data file to its kind."""
    table = {}
    for line in _compare_lines(name):
        kind, _, forms = line.partition(":")
        table.update({f.strip().lower(): kind.strip() for f in forms.split(",") if f.strip()})
    return table


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, str]:
    """Map each word of event_verbs.txt ("jailed", "found guilty") to the family of events it tells ("verdict")."""
    return _kind_of_form("event_verbs.txt")


@lru_cache(maxsize=1)
def agent_events() -> dict[str, str]:
    """Map each form of agent_events.txt ("brought down", "challenge from") to the kind of deed it tells ("foul")."""
    return _kind_of_form("agent_events.txt")


@lru_cache(maxsize=1)
def operator_phrases() -> dict[str, str]:
    """Map each form of operator_phrases.txt ("run by") to the relation it names ("operated")."""
    return _kind_of_form("operator_phrases.txt")


@lru_cache(maxsize=1)
def published_record_pattern() -> re.Pattern[str] | None:
    """A pattern that matches "<record> <verb> [by <who>] [on]" ending right before a date
    ("results released by the electoral commission on "), from published_records.txt."""
    rows = [line.split(":", 1) for line in _compare_lines("published_records.txt") if ":" in line]
    records = sorted({w.strip().lower() for k, w in rows if k.strip() == "record"}, key=len, reverse=True)
    verbs = sorted({w.strip().lower() for k, w in rows if k.strip() == "verb"}, key=len, reverse=True)
    if not records or not verbs:
        return None
    alt = lambda words: "|".join(re.escape(w) for w in words)  # noqa: E731
    return re.compile(rf"(?<![\w-])(?:{alt(records)})\s+(?:\w+\s+)?(?:{alt(verbs)})(?:\s+by\s+[^,;.]{{1,80}}?)?\s+(?:on\s+|late\s+|early\s+)?$", re.I)


@lru_cache(maxsize=1)
def describing_participles() -> frozenset[str]:
    return frozenset(v.lower() for v in _compare_lines("describing_participles.txt"))


@lru_cache(maxsize=1)
def approximators() -> dict[str, tuple[float, float]]:
    """Phrases that put a figure near a value, each as the factors of its window. The phrases and what
    each does are the understanding stage's (data/understand/bounds.txt, one list for both stages);
    the window of an "approx" word ("about 350") is the comparison's judgement (approximators.txt),
    that of a "short" one ("nearly 250") the one numbers gives it (a little below, numbers.SHORT_OF),
    and a "near" one ("just over 61%") lies within a tenth of the figure, as numbers reads it."""
    from newsprism.understand.numbers import SHORT_OF

    windows = {r["bound"]: (float(r["low"]), float(r["high"])) for r in _rows("approximators.txt")}
    windows.update({"short": (1 - SHORT_OF, 1.0), "near_low": (1.0, 1.1), "near_high": (0.9, 1.0)})
    return {r["phrase"].lower(): windows[r["bound"]] for r in _rows("bounds.txt", stage="understand") if r["bound"] in windows}


@lru_cache(maxsize=1)
def vague_quantities() -> dict[str, tuple[float, float]]:
    """Vague quantities ("dozens", "hundreds") as the ranges the understanding stage gives them
    (data/understand/number_words.txt, rows without a value), for a mention that came without bounds."""
    return {r["word"].lower(): (float(r["low"]), float(r["high"]) if r["high"] else float("inf"))
            for r in _rows("number_words.txt", stage="understand") if not r["value"] and r["low"]}


@lru_cache(maxsize=1)
def summary_avoid_terms() -> frozenset[str]:
    """Labels and loaded words the summary must not carry on one outlet's word, in any sense
    (the dramatising verbs, which are loaded only in one sense, are `summary_avoid_verbs`)."""
    terms = set(_compare_lines("avoid_in_summary.txt"))
    # untagged terms, and those loaded in one part of speech that has no plain sense a summary needs ('noun':
    # "lags", "cranks"; 'adj'; 'modifier': "miracle", "wonder", "cowboy" before a noun). Not 'verb' (summary_avoid_verbs
    # checks its sense) nor 'people' ("fraud" is also the charge, "struck down" also a court's ruling).
    terms.update(term for term, tag in _framing_loaded() if tag in ("", "noun", "adj", "modifier"))
    for line in _lines("newsprism", "data/framing/en/epithets.txt"):
        phrase = re.split(r"\t|\s{2,}", line)[0].strip()
        if phrase:
            terms.add(phrase)
            terms.add(f"the {phrase}")
    return frozenset(t.lower() for t in terms if t)


def _framing_loaded() -> list[tuple[str, str]]:
    """The framing lexicon's loaded words as (term, part-of-speech tag or "")."""
    rows = []
    for line in _lines("newsprism", "data/framing/en/loaded.txt"):
        term, _, tag = line.partition("\t")  # 'blast<TAB>verb': loaded only as a verb
        rows.append((term.strip().lower(), tag.strip().lower()))
    return rows


@lru_cache(maxsize=1)
def summary_avoid_verbs() -> frozenset[str]:
    """Dramatising verbs (loaded.txt terms tagged 'verb') the summary must not carry in their
    loaded sense on one outlet's word, less the reporting verbs of summary_allowed_verbs.txt."""
    allowed = {w.lower() for w in _compare_lines("summary_allowed_verbs.txt")}
    return frozenset(term for term, tag in _framing_loaded() if tag == "verb" and term not in allowed)


@lru_cache(maxsize=1)
def generic_units() -> frozenset[str]:
    """Units too general for agreeing counts to tie two sentences together (data/compare/generic_units.txt)."""
    return frozenset(u.lower() for u in _compare_lines("generic_units.txt"))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Day and month names a cited sentence must name too (data/compare/calendar_words.txt)."""
    return frozenset(w.lower() for w in _compare_lines("calendar_words.txt"))


@lru_cache(maxsize=1)
def stated_qualifiers() -> dict[str, str]:
    """Map each phrase of timing or extent a cited sentence must carry too ("with immediate effect",
    "temporarily": data/compare/stated_qualifiers.txt) to its sense (the line's first phrase)."""
    senses = {}
    for line in _compare_lines("stated_qualifiers.txt"):
        phrases = [p.strip().lower() for p in line.split("|") if p.strip()]
        for p in phrases:
            senses[p] = phrases[0]
    return senses


@lru_cache(maxsize=1)
def state_verbs() -> frozenset[str]:
    """Verbs that tell a state, not an event ("is", "has been", "remained": data/compare/state_verbs.txt)."""
    return frozenset(w.lower() for w in _compare_lines("state_verbs.txt"))


@lru_cache(maxsize=1)
def habit_words() -> frozenset[str]:
    """Adverbs that make a verb tell a habit, not an event ("has always denied": data/compare/habit_words.txt)."""
    return frozenset(w.lower() for w in _compare_lines("habit_words.txt"))


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Stems of the nouns that count people (data/compare/people_nouns.txt): such a unit matches "people"."""
    from newsprism.compare.views import stem

    return frozenset(stem(form) for w in _compare_lines("people_nouns.txt") for form in (w.lower(), w.lower() + "s"))


@lru_cache(maxsize=1)
def cause_verbs() -> list[str]:
    return [m.lower() for m in _compare_lines("cause_verbs.txt")]


@lru_cache(maxsize=1)
def threshold_words() -> tuple[tuple[str, ...], ...]:
    """Rows of (side, words): what after ("are needed") or before ("a threshold of") a figure makes it
    a threshold, not a value (data/compare/threshold_words.txt)."""
    return tuple(tuple(line.split(maxsplit=1)) for line in _compare_lines("threshold_words.txt"))


@lru_cache(maxsize=1)
def rescue_words() -> list[str]:
    """Words that make a count of people a count of people saved (data/compare/rescue_words.txt)."""
    return [w.lower() for w in _compare_lines("rescue_words.txt")]


@lru_cache(maxsize=1)
def release_words() -> list[str]:
    """Words that make a count of people the story's freed ("seven hostages were freed": data/compare/release_words.txt)."""
    return [w.lower() for w in _compare_lines("release_words.txt")]


@lru_cache(maxsize=1)
def zone_words() -> list[str]:
    """Words that make a distance the story's zone cleared ("an evacuation zone of 2 km": data/compare/zone_words.txt)."""
    return [w.lower() for w in _compare_lines("zone_words.txt")]


@lru_cache(maxsize=1)
def escape_words() -> list[str]:
    """Words that make a count of people the story's escapees ("six inmates escaped": data/compare/escape_words.txt)."""
    return [w.lower() for w in _compare_lines("escape_words.txt")]


@lru_cache(maxsize=1)
def job_loss_words() -> list[str]:
    """Words that make a count of jobs the jobs the story cuts ("cutting 300 jobs": data/compare/job_loss_words.txt)."""
    return [w.lower() for w in _compare_lines("job_loss_words.txt")]


@lru_cache(maxsize=1)
def effect_phrases() -> list[str]:
    """Phrases telling when something starts to apply ("takes effect", "comes into force":
    data/compare/effect_phrases.txt)."""
    return [w.lower() for w in _compare_lines("effect_phrases.txt")]


@lru_cache(maxsize=1)
def immediate_words() -> list[str]:
    """Phrases saying something applies from the day of the act ("with immediate effect":
    data/compare/immediate_words.txt)."""
    return [w.lower() for w in _compare_lines("immediate_words.txt")]


@lru_cache(maxsize=1)
def plan_nouns() -> list[str]:
    """Nouns of a decision or document that dates itself, not the act it orders ("the order to clear":
    data/compare/plan_nouns.txt)."""
    return [w.lower() for w in _compare_lines("plan_nouns.txt")]


@lru_cache(maxsize=1)
def antonym_pairs() -> tuple[tuple[str, str], ...]:
    """Pairs of words of opposite meaning ("rough calm": data/compare/antonyms.txt)."""
    return tuple(tuple(line.lower().split()[:2]) for line in _compare_lines("antonyms.txt") if len(line.split()) >= 2)


@lru_cache(maxsize=1)
def death_words() -> list[str]:
    """Words that make a count of people a death toll ("14 people were killed")."""
    return [w.lower() for w in _compare_lines("death_words.txt")]


@lru_cache(maxsize=1)
def evacuation_words() -> list[str]:
    """Words that make a count of people the story's evacuees ("3,000 people were evacuated")."""
    return [w.lower() for w in _compare_lines("evacuation_words.txt")]


@lru_cache(maxsize=1)
def injury_words() -> list[str]:
    """Words that make a count of people the story's injured ("six people were injured")."""
    return [w.lower() for w in _compare_lines("injury_words.txt")]


@lru_cache(maxsize=1)
def missing_words() -> list[str]:
    """Words that make a count of people the story's missing ("two workers are still missing")."""
    return [w.lower() for w in _compare_lines("missing_words.txt")]


@lru_cache(maxsize=1)
def decision_verbs() -> list[str]:
    """Verbs of a decision taken about the event ("closed", "ordered"): its reason is no cause of the event."""
    return [w.lower() for w in _compare_lines("decision_verbs.txt")]


@lru_cache(maxsize=1)
def change_words() -> list[str]:
    """Words after which a figure is a change of a quantity, not its level ("raises the levy by 2%"):
    data/compare/change_words.txt."""
    return [w.lower() for w in _compare_lines("change_words.txt")]


@lru_cache(maxsize=1)
def occupancy_words() -> list[str]:
    """Words that make a count the number a vehicle or place held ("carrying 43 passengers")."""
    return [w.lower() for w in _compare_lines("occupancy_words.txt")]


@lru_cache(maxsize=1)
def cause_frames() -> tuple[tuple[str, str], ...]:
    """(verb, particle) pairs that put what is explained between them and its cause after the
    particle ("attributes the accident to excessive speed": ("attributes", "to"))."""
    frames = []
    for line in _compare_lines("cause_frames.txt"):
        verb, _, particle = line.lower().partition("|")
        if verb.strip() and particle.strip():
            frames.append((verb.strip(), particle.strip()))
    return tuple(frames)


@lru_cache(maxsize=1)
def schedule_verbs() -> frozenset[str]:
    """Verbs that make "is due to" a plan, not a cause ("is due to take office")."""
    return frozenset(v.lower() for v in _compare_lines("schedule_verbs.txt"))


@lru_cache(maxsize=1)
def bound_phrases() -> list[str]:
    return sorted({p.lower() for p in _compare_lines("bound_phrases.txt")}, key=len, reverse=True)


@lru_cache(maxsize=1)
def measure_names() -> dict[str, str]:
    """What a measure read in a unit is ("tonnes" -> "weight"): data/compare/measure_names.csv."""
    return {row["unit"].strip().lower(): row["name"].strip() for row in _rows("measure_names.csv")}


@lru_cache(maxsize=1)
def unit_synonyms() -> dict[str, str]:
    """Map the stem of every unit word of a synonym group to the group's first word."""
    from newsprism.compare.views import stem

    table: dict[str, str] = {}
    for line in _compare_lines("unit_synonyms.txt"):
        words = [w.strip().lower() for w in line.split("|") if w.strip()]
        for w in words:
            for form in (w, w + "s", w + "es"):  # "cars" is too short for stem() to strip
                table[stem(form)] = stem(words[0])
    return table


def _fold(text: str) -> str:
    return " ".join(re.sub(r"['’‘`]", "", text.lower()).split())


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Map every name that stands for a state in news prose to the state: its names and
    aliases, its capital ("Moscow said ...") and its epithets ("the Kremlin"), all folded.

    Read from the understanding stage's data/understand/countries.csv and epithets.csv, so
    both stages know one list.
    """
    table: dict[str, str] = {}
    countries = _rows("countries.csv", stage="understand")
    for row in countries:
        country = row["name"]
        for name in [country, *(row.get("aliases") or "").split("|"), *(row.get("capital") or "").split("|")]:
            if name.strip():
                table[_fold(name)] = country
    for row in _rows("epithets.csv", stage="understand"):
        table[_fold(row["phrase"])] = row["country"]
        table[_fold(re.sub(r"^the\s+", "", row["phrase"], flags=re.I))] = row["country"]
    return table


def state_of(name: str) -> str | None:
    """Return the state a name stands for ('Moscow' -> 'Russia'), or None."""
    return state_names().get(_fold(re.sub(r"^the\s+", "", name.strip(), flags=re.I)))


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """Currency names and their hundredths as written after an amount ("pounds", "egyptian pounds",
    "pence"): read from the understanding stage's data/understand/currencies.txt and
    currency_subunits.csv, so both stages know one list."""
    words = set()
    for name, column in (("currencies.txt", "phrase"), ("currency_subunits.csv", "word")):
        words.update(row[column].lower() for row in _rows(name, stage="understand"))
    return frozenset(words)


@lru_cache(maxsize=1)
def channel_nouns() -> frozenset[str]:
    """Nouns that name a medium ('state television', 'the agency'): a claim it is attributed to
    is relayed by it, not said by it. Read from the understanding stage's
    data/understand/channel_nouns.txt and the framing stage's data/framing/en/channels.txt,
    so the stages know one list."""
    words = set(_lines("newsprism", "data/understand/channel_nouns.txt"))
    words.update(w for line in _lines("newsprism", "data/framing/en/channels.txt") for w in line.split())
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def length_acts() -> dict[str, tuple[str, str]]:
    """Map each verb that gives a length of time to (its act family, what the length is called)."""
    return _length_table("length_acts.txt")


@lru_cache(maxsize=1)
def length_nouns() -> dict[str, tuple[str, str]]:
    """Map each noun a length of time names the term of ("contract") to (its act family, what the length is called)."""
    return _length_table("length_nouns.txt")


def _length_table(name: str) -> dict[str, tuple[str, str]]:
    """A 'family | called | words' file as a map of each word to (family, called)."""
    table: dict[str, tuple[str, str]] = {}
    for line in _compare_lines(name):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3:
            continue
        family, called, verbs = parts
        for verb in verbs.split(","):
            if verb.strip():
                table[verb.strip().lower()] = (family.lower(), called)
    return table


@lru_cache(maxsize=1)
def continuation_pattern() -> re.Pattern[str]:
    """Words saying something was still going on at a time ("continued to queue on Tuesday")."""
    words = sorted((w.lower() for w in _compare_lines("continuation_markers.txt")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


@lru_cache(maxsize=1)
def disclosure_verbs() -> frozenset[str]:
    return frozenset(v.lower() for v in _compare_lines("disclosure_verbs.txt"))


@lru_cache(maxsize=1)
def deed_verbs_excluded() -> frozenset[str]:
    return frozenset(v.lower() for v in _compare_lines("deed_verbs_excluded.txt"))


@lru_cache(maxsize=1)
def length_tails() -> list[str]:
    return [t.lower() for t in _compare_lines("length_tails.txt")]


@lru_cache(maxsize=1)
def money_topics() -> dict[str, str]:
    """Map every word of data/compare/money_topics.txt to its topic ("sales" -> "revenue")."""
    return _topic_table("money_topics.txt")


def _topic_table(name: str) -> dict[str, str]:
    """Map every word of a "topic | word | word ..." file of data/compare to the topic its line opens with."""
    table: dict[str, str] = {}
    for line in _compare_lines(name):
        words = [w.strip().lower() for w in line.split("|") if w.strip()]
        for w in words[1:]:
            table[w] = words[0]
    return table


@lru_cache(maxsize=1)
def money_qualifiers() -> frozenset[str]:
    """Words that say which of its kind an amount is ("pre-tax", "operating"): data/compare/money_qualifiers.txt."""
    return frozenset(w.lower() for w in _compare_lines("money_qualifiers.txt"))


@lru_cache(maxsize=1)
def job_losses() -> dict[str, tuple[str, re.Pattern[str]]]:
    """Map a unit key to what it counts when its clause says jobs are lost, and the pattern of the
    phrases that say so ("worker" -> ("job", "lose their jobs|laid off|...")): data/compare/job_losses.csv."""
    table: dict[str, tuple[str, re.Pattern[str]]] = {}
    for row in _rows("job_losses.csv"):
        pattern = words_pattern([p.strip() for p in row["phrases"].split("|")])
        if pattern is not None:
            table[row["unit"].strip().lower()] = (row["counts_as"].strip().lower(), pattern)
    return table


@lru_cache(maxsize=2)
def summary_figure_words(kind: str) -> frozenset[str]:
    """The words of data/compare/summary_figure_words.csv of one kind ("measure": units a range cannot tell)."""
    return frozenset(row["word"].lower() for row in _rows("summary_figure_words.csv") if row.get("kind") == kind)


@lru_cache(maxsize=1)
def percent_topics() -> dict[str, str]:
    """Map every word of data/compare/percent_topics.txt to its topic ("policy rate" -> "interest rate")."""
    return _topic_table("percent_topics.txt")


@lru_cache(maxsize=1)
def ordinal_scales() -> frozenset[str]:
    """Unit keys of the nouns an ordinal places an event on ("minute", "lap"): data/compare/ordinal_scales.txt."""
    return frozenset(w.lower() for w in _compare_lines("ordinal_scales.txt"))


@lru_cache(maxsize=1)
def length_units() -> dict[str, float]:
    """Metres in one of each length unit ("kilometres" -> 1000): data/compare/length_dimensions.csv."""
    return {r["name"].strip().lower(): float(r["value"]) for r in _rows("length_dimensions.csv") if r["kind"].strip() == "unit"}


@lru_cache(maxsize=1)
def length_dimensions() -> dict[str, str]:
    """Map each word that names a dimension to it ("high" -> "height"): data/compare/length_dimensions.csv."""
    return {w.strip().lower(): r["name"].strip().lower() for r in _rows("length_dimensions.csv") if r["kind"].strip() == "dimension"
            for w in r["value"].split("|") if w.strip()}


@lru_cache(maxsize=1)
def wire_credit_pattern() -> re.Pattern[str] | None:
    """The phrases of data/compare/wire_credits.txt with which an article credits a news agency's text."""
    return words_pattern(_compare_lines("wire_credits.txt"))


@lru_cache(maxsize=1)
def halt_pattern() -> re.Pattern[str] | None:
    """Words telling an act that stops or undoes another event ("suspended the rise"): data/compare/halt_words.txt."""
    return words_pattern(_compare_lines("halt_words.txt"))


@lru_cache(maxsize=1)
def margin_pattern() -> re.Pattern[str] | None:
    """Words of winning ("won", "beat") before a margin ("by 37 votes"): data/compare/margin_verbs.txt."""
    return words_pattern(_compare_lines("margin_verbs.txt"))
