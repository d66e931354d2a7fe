"""Timeline: the dated events of the story and its background, each with its sources.

Only event dates count: a date that tells when something was reported ("state TV
reported Friday") is left out, and so are durations and dates that did not resolve.
Undated events are left out, never guessed. A clock time the text gives with the day joins the
row's date ("2026-03-15T03:40"), so two accounts of when in the day something happened stay apart,
and the accounts of one moment are one row with all their sources; so are the accounts of a period
lasting until the reports ("since 2029"), which each report ends on its own publication date.

A row reads as a sentence a reader understands on its own: no wire dateline, entry stamp or
leading "But"; worded, where several articles tell it, by a sentence without one outlet's label
("freedom fighters", "the regime"), and at a clock moment by a sentence that tells that moment
rather than another time of the night.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as Day, timedelta
from types import SimpleNamespace

from newsprism.compare import lexicons
from newsprism.compare.facts import with_quotes_closed
from newsprism.compare.summary import _terms_in, banned_terms
from newsprism.compare.views import ClaimView, strip_dateline, without_leading_conjunction
from newsprism.models import DateMention, Evidence, Fact, TimelineEvent


def _date_key(value: str, end: str | None, time: str | None = None) -> str:
    """The row's date: ISO, a range "start/end", or a day with its clock time ("2026-03-15T03:40")."""
    if end and end != value:
        return f"{value}/{end}"
    return f"{value}T{time}" if time and ":" in time and len(value) == 10 else value


def moment(date: str) -> str | None:
    """The moment a row's date names when it is a day with a clock time, else None; midnight at
    the end of a day is the start of the next ("2031-03-04T24:00" -> "2031-03-05T00:00")."""
    day, _, time = date.partition("T")
    if not time or len(day) != 10:
        return None
    if time == "24:00":
        try:
            return f"{(Day.fromisoformat(day) + timedelta(days=1)).isoformat()}T00:00"
        except ValueError:
            return None
    return date


def _avoided_terms(views: list[ClaimView]) -> frozenset[str]:
    """The labels and loaded words (summary.banned_terms) that not every article of the story uses,
    read from the articles' sentences."""
    texts: dict[str, list[str]] = defaultdict(list)
    for v in views:
        texts[v.article_id].append(v.claim.text)
    return banned_terms([SimpleNamespace(text=" ".join(t)) for t in texts.values()]) if len(texts) > 1 else frozenset()


DETERMINERS = frozenset("a an the this that these those his her its their our my your some any every each no".split())
PRONOUNS = frozenset("he she they it we i you him them us".split())
PREPOSITIONS = frozenset("of in on at by for from to with into onto over under after before since until during about as".split())
AUXILIARIES = frozenset("is are was were be been being has have had do does did will would can could may might shall should must".split())
# "who was arrested in 2040", "that brought down Vellbank in 2039", "which opened in 1988": a
# relative clause; with a comma before it, its name may stand at the sentence's head.
RELATIVE = re.compile(r"(,\s+)?\b(who|which|that)\s+(?=[a-z])")
# "the club he bought in 2029": a noun and a relative clause with no pronoun to open it.
CONTACT = re.compile(r"\b(?P<np>(?:%s)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s+(?P<who>he|she|they|we)\s+(?P<verb>(?:(?:had|has|have)\s+)?[a-z][\w'’-]*)\b"
                     % "|".join(sorted(DETERMINERS - {"that", "no", "any", "every", "each", "some"})))
CLAUSE_END = re.compile(r"\s*(?:[,;:]\s|\s[—–]\s|[.!?][\"”’']?\s*$)")
# "one of the few countries that helped Iran": the clause is the group's, the sentence's event is the one's.
PARTITIVE = re.compile(r"\b(?:one|some|many|most|few|all|each|any|none|several|two|three)\s+of\s*$|\bamong\s*$", re.I)
NAME_RUN_BEFORE = re.compile(r"(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*$")


PARTICLES = frozenset("up down out off away back".split())


def _verb_like(word: str, after: str) -> bool:
    """True when a relative clause opens with its verb, so that its antecedent is its subject: an
    auxiliary or a past form in -ed ("who was", "which collapsed"), or a lower-case word followed by
    what follows a verb, an object or a phrase ("that brought down", "which sank in", "who left the
    club"); not a subject followed by its verb ("which thieves had stolen", "which police found")."""
    if not (word.isalpha() and word.islower()) or word in DETERMINERS | PRONOUNS | PREPOSITIONS:
        return False
    if word in AUXILIARIES or (word.endswith("ed") and len(word) > 4):
        return True
    nxt = after.lower()
    return nxt in DETERMINERS | PREPOSITIONS | PARTICLES or nxt[:1].isdigit()


def _noun_phrase_before(text: str, end: int) -> str | None:
    """The noun phrase ending at `end` that opens with a determiner within six words and holds no
    verb ("a 240 million euro fraud" before "that brought ..."; none for "The court ruled" before "that")."""
    words = list(re.finditer(r"[\w'’.-]+", text[:end]))[-7:]
    reported = lexicons.report_verbs()
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group(0)
        low = w.lower()
        if low in DETERMINERS and k < len(words) - 1:
            phrase = text[words[k].start(): end].strip()
            return None if re.search(r"[\"“”]", phrase) else phrase  # not half a quotation ('the Heron"')
        if low in reported or low in AUXILIARIES or low in PRONOUNS or (low.endswith("ed") and len(low) > 4) or "," in text[words[k].end(): end]:
            return None
    return None


def _sentence_case(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ,;:")
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def event_of_date(text: str, at: int, subject: str | None = None, date_text: str = "") -> str | None:
    """The event a date inside a relative clause dates, told as a sentence, or None when the date
    is not in one: "..., where prosecutors accuse him of a fraud that brought down Vellbank in 2039"
    -> "A fraud brought down Vellbank in 2039."; "Oskalev, who was arrested in Brennsholm in October
    2040, faces ..." -> "Oskalev was arrested in Brennsholm in October 2040."; "ending twelve years in
    charge of the club he bought in 2029 for 9 million dalers" (subject "Dermot Callister") -> "Dermot
    Callister bought the club in 2029 for 9 million dalers." The sentence tells a later event; its
    row of the earlier date is told by the clause that date belongs to. `at` is where the date
    stands in `text` and `date_text` its words; `subject` the sentence's subject (a pronoun opening
    the clause stands for it when it is a name)."""
    end_found = CLAUSE_END.search(text, at)
    end = end_found.start() if end_found else len(text)
    best = None
    for m in RELATIVE.finditer(text, 0, at):
        if CLAUSE_END.search(text[m.end(): at] + " x"):
            continue  # a clause break between the pronoun and the date: the date is not in this clause
        first = re.match(r"([a-z]+)\s+([\w'’-]+)", text[m.end():])
        if first is None or not _verb_like(first.group(1), first.group(2)):
            continue
        body = text[m.end(): end]
        head = text[: m.start()]
        run = NAME_RUN_BEFORE.search(strip_dateline(head))
        phrase = _noun_phrase_before(text, m.start())
        if m.group(1):  # ", who ...": the name or the noun before the comma
            antecedent = max((run.group(0) if run else "", phrase or ""), key=len) or None
        else:
            antecedent = phrase if m.group(2) != "who" else (run.group(0) if run else phrase)
            if antecedent and strip_dateline(head).strip() == antecedent.strip():
                # "The strike that began on Monday has closed every port": the clause is the subject's,
                # the main verb follows it; the clause ends with its date.
                body = text[m.end(): at + len(date_text)] if date_text else body
        if antecedent and not PARTITIVE.search(text[: text.find(antecedent, max(0, m.start() - len(antecedent) - 2))]):
            best = _sentence_case(f"{antecedent} {body}")
    for m in CONTACT.finditer(text, 0, at):
        if CLAUSE_END.search(text[m.end(): at] + " x") or m.group("verb").split()[-1] in DETERMINERS | PREPOSITIONS | AUXILIARIES:
            continue
        who = m.group("who")
        name = strip_dateline(subject or "")
        if name and name[0].isupper() and not name.split()[0].lower() in DETERMINERS | PRONOUNS and len(name.split()) <= 4:
            who = name
        elif who not in {"they", "we"}:
            continue  # "he" with no name to stand for: no sentence a reader can follow alone
        best = _sentence_case(f"{who} {m.group('verb')} {m.group('np')}{text[m.end(): end]}")
    # A clause that names no one ("The war has ravaged the country since 2011") is no row a reader can
    # place: the sentence stays.
    if best and not re.search(r"(?<=\s)[A-Z]", best.replace(date_text, " ") if date_text else best):
        return None
    return best


def _earlier_event(text: str, hits: list[tuple[ClaimView, DateMention]]) -> str | None:
    """The event of a row's date told by the clause that date belongs to (`event_of_date`), when the
    sentence wording the row tells a later event: the date is in a relative clause and is of a year
    before the article's, or the sentence dates its own event otherwise ("ruled on Wednesday ... a
    fraud that brought down Vellbank in 2039": the 2039 row is "A fraud brought down Vellbank in 2039.")."""
    for v, d in hits:
        if v.claim.text != text or not d.text:
            continue
        c = v.claim
        at = d.start - c.start if d.start is not None and 0 <= d.start - c.start < len(c.text) else c.text.find(d.text)
        if at < 0 or c.text[at: at + len(d.text)] != d.text:
            return None
        year = d.value[:4]
        earlier = year.isdigit() and v.story_year is not None and int(year) < v.story_year
        if not earlier and not any(other.value != d.value for other in v.event_dates):
            return None
        found = event_of_date(c.text, at, c.subject, d.text)
        return with_quotes_closed(found) if found else None
    return None


def _until_published(d) -> bool:
    """True for a period the understanding stage ran up to its article's publication date ("since 2029"):
    its `until_published` field, never the wording of its resolution."""
    return d.kind == "range" and bool(d.end) and d.until_published


def _merge_into(row: TimelineEvent, e: TimelineEvent) -> None:
    """Add `e`'s articles, evidence and resolutions to `row`."""
    row.article_ids = list(dict.fromkeys(row.article_ids + e.article_ids))
    seen = {(x.article_id, x.start) for x in row.evidence}
    row.evidence = row.evidence + [x for x in e.evidence if (x.article_id, x.start) not in seen]
    row.resolution = "; ".join(dict.fromkeys(row.resolution.split("; ") + e.resolution.split("; ")))


def build_timeline(views: list[ClaimView], fact_groups: list[list[int]], facts: list[Fact]) -> list[TimelineEvent]:
    """Return one event per (fact, date), sorted by date, with the articles that date it."""
    events: list[TimelineEvent] = []
    # Per event, how many other dates its sentences give ("the first call at 03:40 and the helicopter
    # on the scene at 05:10" gives one besides either time): the row of a moment is worded by a
    # sentence that tells that moment alone where one does.
    elsewhere: dict[int, int] = {}
    # A label or loaded word that not every article uses ("freedom fighters", "the regime") is one
    # outlet's framing: a row told by several articles is worded by one of their sentences without it.
    avoid = _avoided_terms(views)
    for group, fact in zip(fact_groups, facts):
        by_date: dict[str, list[tuple[ClaimView, object]]] = defaultdict(list)
        # A period told as lasting until now ("had lived there since 2029") ends, in each article, on
        # that article's publication date: one period, to the latest of them, not one row per report.
        until_now: dict[str, str] = {}
        for i in group:
            for d in views[i].event_dates:
                if _until_published(d):
                    until_now[d.value] = max(until_now.get(d.value, d.end), d.end)
        for i in group:
            v = views[i]
            for d in v.event_dates:
                end = until_now[d.value] if _until_published(d) else d.end
                by_date[_date_key(d.value, end, d.time)].append((v, d))
        for date, hits in by_date.items():
            article_ids = list(dict.fromkeys(v.article_id for v, _ in hits))
            evidence: dict[tuple[str, int], Evidence] = {}
            for v, _ in hits:
                evidence.setdefault((v.article_id, v.claim.start), v.evidence())
            resolutions = list(dict.fromkeys(d.resolution or f"'{d.text}' as written" for _, d in hits))
            text = hits[0][0].claim.text if len(group) > 1 and len(hits) < len(group) else fact.text
            if avoid and _terms_in(text, avoid):
                text = next((v.claim.text for v, _ in hits if not _terms_in(v.claim.text, avoid)), text)
            event = _earlier_event(text, hits) or with_quotes_closed(without_leading_conjunction(strip_dateline(text)))
            events.append(TimelineEvent(
                date=date, event=event, article_ids=article_ids,
                evidence=list(evidence.values()), resolution="; ".join(resolutions),
            ))
            # The sentence that words the event (the fact's text is one of its sentences, or none of them).
            told = next((v for v in [*(v for v, _ in hits), *(views[i] for i in group)] if v.claim.text == text), hits[0][0])
            elsewhere[id(events[-1])] = len({_date_key(d.value, d.end, d.time) for d in told.event_dates} - {date})
    # A sentence that states two facts is one event, not two.
    unique: dict[tuple, TimelineEvent] = {}
    for e in events:
        unique.setdefault((e.date, tuple(sorted((x.article_id, x.start) for x in e.evidence))), e)
    # A sentence that is a member of two facts (one's own claim, another's support) dates one event:
    # one row, with every article that dates it that way.
    rows: dict[tuple[str, str], TimelineEvent] = {}
    for e in unique.values():
        row = rows.setdefault((e.date, e.event), e)
        if row is not e:
            _merge_into(row, e)
    # Events told at one clock moment ("at 3.40am on Sunday", "at 03:40 on Sunday") are one event,
    # however each outlet words it: one row with every source, worded by a sentence that tells no
    # other time (a sentence giving 03:40 and 05:10 is no wording of the 05:10 row when another
    # tells 05:10 alone), then by the row most articles tell.
    at_moment: dict[str, list[TimelineEvent]] = defaultdict(list)
    events = []
    for e in sorted(rows.values(), key=lambda e: (elsewhere.get(id(e), 0), bool(_terms_in(e.event, avoid)), -len(e.article_ids), e.date, e.event)):
        key = moment(e.date)
        if key is None:
            events.append(e)
        else:
            at_moment[key].append(e)
    for members in at_moment.values():
        row = members[0]
        for e in members[1:]:
            _merge_into(row, e)
        events.append(row)
    events.sort(key=lambda e: (e.date, -len(e.article_ids), e.event))
    return events
