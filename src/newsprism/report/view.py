"""Report view: Report -> StoryView, the plain rows both report.md and report.html print.

Steps, per story:
    1. label each article (outlet, else host, else its file: models.article_label) and group articles by outlet;
    2. place every evidence span in its article's text (offsets checked against the text);
    3. cite: turn evidence into citations (outlet, sentence, anchor id in the article view);
    4. build the sections: summary, coverage matrix, conflicts, framing, quotes, timeline,
       exclusives and omissions, copies, articles.

Nothing here trusts the analysis stages blindly: evidence whose offsets do not match the
text is re-found by its text or dropped, ids that name nothing are shown as they are, and
every list may be empty.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from newsprism import outlet_names
from newsprism.models import CleanArticle, Conflict, Evidence, Position, Report, Story, article_label

SAFE_SCHEMES = ("http", "https")
CATEGORY_NAMES = {
    "label": "Labels", "loaded": "Loaded words", "hedge": "Hedges", "scare_quote": "Scare quotes",
    "attribution_verb": "Attribution verbs", "channel": "Channels", "in quotes": "Inside quotes (speakers' words)",
}


@dataclass
class Cite:
    """One source sentence: which article, which outlet, where it sits in the article view."""

    article_id: str
    outlet: str
    text: str
    anchor: str | None
    in_title: bool = False
    """The sentence is the article's headline (no place in its text): cited as "(headline)"."""

    @property
    def shown(self) -> str:
        """The sentence as a receipt prints it: a headline followed by "(headline)"."""
        return f"{self.text} (headline)" if self.in_title and self.text else self.text

    def as_json(self) -> dict:
        """The chip's data: outlet, anchor, and the sentence only when the page cannot show it at the anchor."""
        if self.anchor:
            return {"o": self.outlet, "a": self.anchor}
        return {"o": self.outlet, "t": self.shown, "a": f"art-{self.article_id}"}


@dataclass
class Chip:
    """A clickable label (citation, framing term) backed by one or more source sentences."""

    label: str
    cites: list[Cite]
    kind: str = "cite"
    count: int = 1

    @property
    def href(self) -> str:
        first = self.cites[0] if self.cites else None
        if first is None:
            return "#"
        return f"#{first.anchor}" if first.anchor else f"#art-{first.article_id}"

    @property
    def data(self) -> str:
        return json.dumps([c.as_json() for c in self.cites[:6]], ensure_ascii=False)



@dataclass
class ArticleView:
    article: CleanArticle
    number: int
    label: str
    outlet_key: str
    safe_url: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    copies_of: list[tuple[str, float]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def source(self) -> str:
        return source_name(self.article)


@dataclass
class Segment:
    """A run of article text, marked when it is evidence; `anchors` are the span starts opening here."""

    text: str
    marked: bool
    starts: list[int]
    anchors: list[int]


@dataclass
class StoryView:
    story: Story
    articles: list[ArticleView]
    outlets: list[str]
    summary: list[tuple[str, list[Chip]]]
    coverage: list[dict]
    conflicts: list[dict]
    framing_actors: list[dict]
    framing_profiles: list[dict]
    quotes: list[dict]
    timeline: list[dict]
    exclusives: list[dict]
    omissions: list[dict]
    copies: list[dict]
    entities: list[dict]
    span: str = ""
    word_choices: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)

    @property
    def lanes(self) -> int:
        return max((p["lane"] for p in self.points), default=0)


# --------------------------------------------------------------------------- helpers


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is a plain web link; anything else (javascript:, data:) is never linked."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


def source_name(article: CleanArticle) -> str:
    name = PurePath(article.source_path).name or article.source_path
    return f"{name} #{article.record}" if article.record else name


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def place_span(article: CleanArticle, ev: Evidence) -> tuple[int, int] | None:
    """Return the (start, end) of the evidence in the article text, re-found by text when offsets drift."""
    text = article.text
    want = ev.text.strip()
    valid = 0 <= ev.start < ev.end <= len(text)
    if valid and (not want or text[ev.start:ev.end].strip() == want):
        return ev.start, ev.end
    if want:
        hits = [m.start() for m in re.finditer(re.escape(want), text)]
        if hits:
            start = min(hits, key=lambda h: abs(h - ev.start))
            return start, start + len(want)
    return (ev.start, ev.end) if valid else None


def segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Cut `text` at every span edge; each piece knows which spans cover it and which start at it."""
    spans = sorted(set(spans))
    cuts = sorted({0, len(text), *(s for s, _ in spans), *(e for _, e in spans)})
    starts_at: dict[int, list[int]] = defaultdict(list)
    for s, _ in spans:
        if s not in starts_at[s]:
            starts_at[s].append(s)
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = sorted({s for s, e in spans if s <= lo and hi <= e})
        out.append(Segment(text=text[lo:hi], marked=bool(covering), starts=covering, anchors=starts_at.get(lo, [])))
    return out


WHEN = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def parse_when(date: str) -> float | None:
    """Return a date string (YYYY, YYYY-MM, YYYY-MM-DD, with a clock time, range start) as a fractional year."""
    m = WHEN.match(date or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    minutes = min(int(m.group(4)) * 60 + int(m.group(5)), 24 * 60) if m.group(4) else 0
    return year + (min(month, 12) - 1) / 12 + (min(day, 31) - 1 + minutes / (24 * 60)) / 372


def _calendar_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def when_label(date: str) -> str:
    """Return a timeline date as a reader says it: 'Sat 14 Mar 2026, 23:50', 'March 2026', 'from X to Y'.

    The ISO form ('2026-03-14T23:50') is hard to read and its '24:00' (the day's end: 'shortly
    before midnight') looks like no time at all; text that is no date is returned as it is.
    """
    if "/" in date:
        first, _, last = date.partition("/")
        if WHEN.fullmatch(first) and WHEN.fullmatch(last):
            return f"{when_label(first)} to {when_label(last)}"
    m = WHEN.fullmatch(date or "")
    if not m:
        return date
    year = int(m.group(1))
    if not m.group(2):
        return str(year)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return date
    if not m.group(3):
        return f"{MONTH_NAMES[month - 1]} {year}"
    day = _calendar_day(year, month, int(m.group(3)))
    if day is None:
        return date
    label = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[month - 1][:3]} {year}"
    if m.group(4):
        clock = f"{int(m.group(4)):02d}:{m.group(5)}"
        label += ", midnight (end of day)" if clock == "24:00" else f", {clock}"
        if m.group(6):
            label += " UTC" if m.group(6) == "Z" else f" {m.group(6)}"
    return label


LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _bare_name(name: str) -> str:
    """Return a name without case and a leading article: 'The coast guard' and 'coast guard' are one name."""
    return LEADING_ARTICLE.sub("", " ".join(name.split())).lower()


# --------------------------------------------------------------------------- building


class _Context:
    """What the section builders share: articles by id, their labels, and placed spans."""

    def __init__(self, story: Story, articles: dict[str, CleanArticle]) -> None:
        self.story = story
        self.views: dict[str, ArticleView] = {}
        for number, aid in enumerate(story.article_ids, 1):
            art = articles.get(aid)
            if art is None:
                continue
            label = article_label(art)
            self.views[aid] = ArticleView(article=art, number=number, label=label, outlet_key=label, safe_url=safe_url(art.url))
        self.entities = {e.id: e.name for e in story.entities}
        self.facts = {f.id: f for f in story.facts}
        by_name: dict[str, set[str]] = defaultdict(set)
        for e in story.entities:
            for name in [e.name, *e.aliases]:
                by_name[_bare_name(name)].add(e.id)
        self.entity_by_name = {name: next(iter(ids)) for name, ids in by_name.items() if name and len(ids) == 1}

    def label(self, article_id: str) -> str:
        view = self.views.get(article_id)
        return view.label if view else article_id

    def outlet(self, article_id: str) -> str:
        view = self.views.get(article_id)
        return view.outlet_key if view else article_id

    def entity(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        return self.entities.get(entity_id, entity_id)

    def cite(self, ev: Evidence) -> Cite:
        view = self.views.get(ev.article_id)
        if view is None:
            return Cite(article_id=ev.article_id, outlet=ev.article_id, text=ev.text, anchor=None)
        span = None if ev.in_title else place_span(view.article, ev)
        anchor = None
        if span:
            view.spans.append(span)
            anchor = f"s-{view.id}-{span[0]}"
        text = ev.text or (view.article.title or "" if ev.in_title else view.article.text[span[0]:span[1]] if span else "")
        # the headline (framing reads it apart from the text): a reader looks for it in the article's
        # header; a report written before `in_title` is recognised by its text
        in_title = ev.in_title or (span is None and bool(text) and " ".join(text.split()) == " ".join((view.article.title or "").split()))
        return Cite(article_id=ev.article_id, outlet=view.label, text=text, anchor=anchor, in_title=in_title)

    def chips_for(self, evidence: list[Evidence], article_ids: list[str]) -> list[Chip]:
        """One chip per outlet citing its sentences; an article without evidence links to the article itself."""
        by_article: dict[str, list[Evidence]] = defaultdict(list)
        for ev in evidence:
            by_article[ev.article_id].append(ev)
        by_outlet: dict[str, list[Cite]] = {}
        articles_of: dict[str, set[str]] = defaultdict(set)
        for aid in dict.fromkeys([*article_ids, *by_article]):
            outlet = self.outlet(aid)
            cites = [self.cite(ev) for ev in by_article.get(aid, [])]
            if not cites:
                cites = [Cite(article_id=aid, outlet=self.label(aid), text="", anchor=None)]
            by_outlet.setdefault(outlet, []).extend(cites)
            articles_of[outlet].add(aid)
        return [Chip(label=outlet, cites=cites, count=len(articles_of[outlet])) for outlet, cites in by_outlet.items()]

    def best_evidence(self, text: str, article_id: str) -> Evidence | None:
        """Find the sentence of `article_id` a summary sentence most likely rests on (facts, then claims)."""
        candidates: list[Evidence] = [ev for f in self.story.facts for ev in f.evidence if ev.article_id == article_id]
        candidates += [Evidence(article_id=c.article_id, text=c.text, start=c.start, end=c.end) for c in self.story.claims if c.article_id == article_id]
        if not candidates:
            return None
        best = max(candidates, key=lambda ev: _overlap(text, ev.text))
        return best if _overlap(text, best.text) > 0.1 else None


def _summary(ctx: _Context) -> list[tuple[str, list[Chip]]]:
    rows = []
    for sentence in ctx.story.summary:
        evidence = list(sentence.evidence)
        have = {ev.article_id for ev in evidence}
        for aid in sentence.article_ids:
            if aid not in have:
                found = ctx.best_evidence(sentence.text, aid)
                if found:
                    evidence.append(found)
        rows.append((sentence.text, ctx.chips_for(evidence, sentence.article_ids)))
    return rows


def _states_value(conflict: Conflict, position: Position, text: str) -> bool:
    """Whether a fact's text (lower case) says a conflict position's value in its own words.

    A quote-wording position is a whole variant, so sharing its sentence is enough. Words are
    compared as the understanding stage compares name words (`entities.name_key`, a consonant
    skeleton), so a spelling variant says the value too ("Defence Minister" / "defense minister").
    """
    value = position.written().lower()
    if conflict.kind == "quote_wording" or value in text:
        return True
    # imported here: the understanding stage loads spaCy, which a report of a stored story need not
    from newsprism.understand.entities import name_key

    want = [name_key(w) for w in re.findall(r"\w+", value)]
    have = [name_key(w) for w in re.findall(r"\w+", text)]
    return bool(want) and any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


def _coverage(ctx: _Context, outlets: list[str]) -> list[dict]:
    """Facts × outlets: states, contradicts (sits on another side of a conflict), differs (its sentence
    in the fact gives another figure), omits, or silent."""
    omitted: dict[str, set[str]] = defaultdict(set)
    for om in ctx.story.omissions:
        for fid in om.fact_ids:
            omitted[fid].add(ctx.outlet(om.article_id))

    def ev_keys(evidence: list[Evidence]) -> list[tuple[str, int, int]]:
        keys = []
        for ev in evidence:
            view = ctx.views.get(ev.article_id)
            span = place_span(view.article, ev) if view else None
            if span:
                keys.append((ev.article_id, *span))
        return keys

    # Index conflict positions by the sentences they rest on, so each fact is linked in one pass.
    positions_at: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for ci, conflict in enumerate(ctx.story.conflicts):
        for pi, pos in enumerate(conflict.positions):
            for aid, start, end in ev_keys(pos.evidence):
                positions_at[aid].append((start, end, ci, pi))

    exclusive = set(ctx.story.exclusives)
    rows = []
    for fact in sorted(ctx.story.facts, key=lambda f: (-f.independent_sources, -len(f.article_ids))):
        stating = {ctx.outlet(a) for a in fact.article_ids}
        # A fact sits on a side of a conflict only when it rests on that side's sentence and
        # states the disputed value itself: a quote told in the same sentence as who signed
        # with whom, or another sentence naming "the president", is not a side of that dispute.
        text = fact.text.lower()
        linked = {(ci, pi) for aid, start, end in ev_keys(fact.evidence)
                  for ps, pe, ci, pi in positions_at.get(aid, ()) if ps < end and start < pe
                  and _states_value(ctx.story.conflicts[ci], ctx.story.conflicts[ci].positions[pi], text)}
        contra: set[str] = set()
        for ci, pi in linked:
            conflict = ctx.story.conflicts[ci]
            for oi, other in enumerate(conflict.positions):
                if oi != pi:
                    contra |= {ctx.outlet(a) for a in other.article_ids}
            # ...but an outlet whose own sentence in the fact says that value states it, whatever
            # other side it sits on elsewhere ("Three dead" from an outlet also counted on "six")
            contra -= {ctx.outlet(ev.article_id) for ev in fact.evidence
                       if conflict.kind != "quote_wording" and _states_value(conflict, conflict.positions[pi], ev.text.lower())}
        # An outlet whose sentence in the fact gives another figure for what the text counts (the
        # compare stage's Fact.differs) reports the event but not this figure: it differs, no ✓.
        differing = {ctx.outlet(a) for a in fact.differs} - {ctx.outlet(a) for a in fact.article_ids if a not in fact.differs}
        cells = []
        for outlet in outlets:
            # An outlet on another side of a value the fact's text states contradicts it, though its
            # sentence sits in the fact (reports of one event merged across a disputed detail: "signed
            # with the president" in the fact worded "signed with the defence minister").
            if outlet in contra:
                state = "contradicts"
            elif outlet in differing:
                state = "differs"
            elif outlet in stating:
                state = "states"
            elif outlet in omitted.get(fact.id, ()):
                state = "omits"
            else:
                state = "silent"
            cells.append(state)
        rows.append({
            "fact": fact,
            "cells": cells,
            "exclusive": fact.id in exclusive or len(stating) == 1,
            "claim_of": ctx.entity(fact.claim_of),
            "chips": ctx.chips_for(fact.evidence, fact.article_ids),
        })
    return rows


def _conflicts(ctx: _Context) -> list[dict]:
    return [
        {"conflict": c, "positions": [
            {"value": p.value, "outlets": sorted({ctx.outlet(a) for a in p.article_ids}),
             "chips": ctx.chips_for(p.evidence, p.article_ids), "sentences": [ctx.cite(ev) for ev in p.evidence]}
            for p in c.positions]}
        for c in ctx.story.conflicts
    ]


def _framing(ctx: _Context, outlets: list[str]) -> tuple[list[dict], list[dict]]:
    """Actor rows (outlet columns of term chips; attribution verbs left to the profiles) and
    per-outlet profiles (term chips with counts, by category and voice)."""
    cells: dict[str, dict[str, dict[tuple, Chip]]] = defaultdict(lambda: defaultdict(dict))
    profiles: dict[str, dict[str, dict[str, Chip]]] = defaultdict(lambda: defaultdict(dict))
    for entry in ctx.story.framing:
        actor = ctx.entity(entry.target_entity_id) or ""
        outlet = ctx.outlet(entry.article_id)
        speaker = ctx.entity(entry.speaker_entity_id)
        key = (entry.term.lower(), entry.category, entry.voice)
        chip = cells[actor][outlet].get(key)
        cite = ctx.cite(entry.evidence)
        # How a remark is introduced ('said' seven times) describes no actor: it filled the actor
        # table's last row and buried its loaded words; the per-outlet profile counts it.
        if entry.category != "attribution_verb" and chip is None:
            label = entry.term if entry.voice == "outlet" else f"{entry.term} (quoting {speaker or 'a source'})"
            cells[actor][outlet][key] = Chip(label=label, cites=[cite], kind=f"{entry.category} voice-{entry.voice}")
        elif chip is not None:
            chip.cites.append(cite)
            chip.count += 1
        column = entry.category if entry.voice == "outlet" else "in quotes"
        term_chip = profiles[outlet][column].get(entry.term.lower())
        if term_chip is None:
            profiles[outlet][column][entry.term.lower()] = Chip(label=entry.term, cites=[cite], kind=f"{entry.category} voice-{entry.voice}")
        else:
            term_chip.cites.append(cite)
            term_chip.count += 1
    _mark_words_one_outlet_uses(cells)
    actors = sorted((a for a in cells if any(cells[a].values())), key=lambda a: (a == "", a.lower()))
    actor_rows = [{"actor": a or "No single actor", "cells": [list(cells[a].get(o, {}).values()) for o in outlets]} for a in actors]
    categories = ["label", "loaded", "hedge", "scare_quote", "attribution_verb", "channel", "in quotes"]
    seen_extra = sorted({c for p in profiles.values() for c in p} - set(categories))
    profile_rows = [
        {"outlet": o, "columns": [(c, sorted(profiles[o].get(c, {}).values(), key=lambda ch: (-ch.count, ch.label.lower())))
                                  for c in categories + seen_extra]}
        for o in outlets if o in profiles
    ]
    return actor_rows, profile_rows


def _mark_words_one_outlet_uses(cells: dict[str, dict[str, dict[tuple, Chip]]]) -> None:
    """Mark an actor's word that one outlet alone uses in its own voice, where other outlets describe
    that actor too ('Police chief' in two outlets, 'Chief Superintendent' in a third): the framing
    a reader looks for, which a table of words all outlets share ('Commander' five times) hid."""
    for actor, by_outlet in cells.items():
        if not actor:
            continue
        own = {o: {k for k in chips if k[2] == "outlet"} for o, chips in by_outlet.items()}
        if sum(1 for keys in own.values() if keys) < 2:
            continue
        for outlet, keys in own.items():
            for key in keys:
                if not any(key[:2] in {k[:2] for k in others} for o, others in own.items() if o != outlet):
                    by_outlet[outlet][key].kind += " only-outlet"


def _word_choices(ctx: _Context, outlets: list[str]) -> list[dict]:
    """One row per word choice: the role, whom it names when known, and per outlet column its words as chips citing the sentence."""
    # an actor is named beside the role only when the story has a name for it: a group the understanding
    # built from descriptions ("the militants") would be named by one outlet's word
    named = {e.id for e in ctx.story.entities if any(m.kind in ("name", "surname", "acronym") for m in e.mentions)}
    rows = []
    for choice in ctx.story.word_choices:
        cells: dict[str, list[Chip]] = defaultdict(list)
        for use in choice.uses:
            outlet = ctx.outlet(use.article_id)
            same = next((c for c in cells[outlet] if c.label.lower() == use.words.lower()), None)
            if same is None:
                cells[outlet].append(Chip(label=use.words, cites=[ctx.cite(use.evidence)], kind="word_choice"))
            else:
                same.cites.append(ctx.cite(use.evidence))
                same.count += 1
        rows.append({"role": choice.role, "actor": ctx.entity(choice.entity_id) if choice.entity_id in named else None, "cells": [cells.get(o, []) for o in outlets],
                     "sentences": [(ctx.label(u.article_id), u.words, u.evidence.text) for u in choice.uses]})
    return rows


def names_outlet(channel: str | None, outlet: str | None) -> bool:
    """Whether a channel is the very outlet that prints it: 'told the Gazette' in the Kingsbridge
    Gazette, 'according to an NPA translation' or 'NPA reported' in the Nordhavn Press Agency's own
    report. The outlet heard the speaker first hand (or translated the remark itself) and relays nobody.

    The channel's name is its words up to the last capitalised one ('NPA translation' -> 'NPA',
    'a Gazette report' -> 'Gazette'); lower-case words alone ('told the post') name no outlet. Whether
    that name is the outlet is outlet_names.names_outlet (its full name, a short name, its initials);
    'state TV' is a kind of broadcaster, two words that are no outlet's initials.
    """
    words = (channel or "").split()
    while words and not words[-1][:1].isupper():
        words.pop()
    return bool(words) and outlet_names.names_outlet(" ".join(words), outlet)


def _came_through(ctx: _Context, variant) -> bool:
    """Whether some article of a rendering got it through the rendering's channel: an article that is
    not the channel itself ('told Radio Wex' in Radio Wex is first hand) and whose paragraph around the
    rendering names the channel. One rendering printed alike by two outlets (Radio Wex: 'told Radio
    Wex: "This is not over."'; a wire: 'said: "This is not over."') was shown 'via Radio Wex' for both.
    An article whose evidence is not given cannot be checked and keeps the channel."""
    channel = (variant.channel or "").strip()
    if not channel:
        return False
    said = re.sub(r"^(?:the|a|an)\s+", "", channel, flags=re.I)
    pattern = re.compile(r"(?<!\w)" + re.escape(said) + r"(?!\w)", 0 if len(said) <= 3 else re.I)
    for aid in variant.article_ids:
        if names_outlet(channel, ctx.outlet(aid)):
            continue
        view = ctx.views.get(aid)
        evidence = [ev for ev in variant.evidence if ev.article_id == aid]
        if view is None or not evidence:
            return True
        text = view.article.text
        for ev in evidence:
            span = place_span(view.article, ev)
            if span is None:
                return True
            start = text.rfind("\n", 0, span[0]) + 1
            end = text.find("\n", span[1])
            if pattern.search(text, start, len(text) if end == -1 else end):
                return True
    return False


def _quotes(ctx: _Context) -> list[dict]:
    """One row per remark, a speaker's remarks next to each other (in the order the speakers first
    appear); `continues` marks a remark by the same speaker through the same channel as the row
    before, which the reports print under that row's heading rather than repeat it."""
    rows = []
    for q in ctx.story.quotes:
        if any(v.channel and not _came_through(ctx, v) for v in q.variants):
            variants = [v.model_copy(update={"channel": None}) if v.channel and not _came_through(ctx, v) else v for v in q.variants]
            kept = [v.channel for v in variants if v.channel]
            q = q.model_copy(update={"variants": variants, "channel": q.channel if q.channel in kept else next(iter(kept), None)})
        # One channel for the remark when its renderings came through it (or name none); when they came
        # through different channels (state TV in one outlet, a news agency in another), each its own.
        # A rendering that names no channel was heard another way (in the chamber, by the outlet's own
        # reporter): the group's channel is the remark's only when every rendering came through it.
        channels = {v.channel for v in q.variants if v.channel}
        shared = q.channel if not channels or all(v.channel == q.channel for v in q.variants) else None
        speaker_id, speaker = q.speaker_entity_id, q.speaker or ctx.entity(q.speaker_entity_id)
        if not speaker_id and q.speaker and _bare_name(q.speaker) in ctx.entity_by_name:
            # 'The coast guard' left unresolved beside the story's actor 'coast guard' made three
            # speakers of one; only a speaker that spells an actor's name outright joins it.
            speaker_id = ctx.entity_by_name[_bare_name(q.speaker)]
            speaker = ctx.entity(speaker_id)
        if not speaker and shared:
            # 'Straka took 51.2 percent, Radio Tormen reported': the channel is who says it, and
            # 'Unattributed, via Radio Tormen' read as a contradiction.
            speaker, shared = f"Reported by {shared}", None
        rows.append({
            "speaker": speaker or "Unattributed",
            "channel": shared,
            "variants": [{"text": v.text, "direct": v.direct, "partial": v.partial, "channel": None if shared else v.channel,
                          "speaker_text": v.speaker_text, "outlets": sorted({ctx.outlet(a) for a in v.article_ids}),
                          "chips": ctx.chips_for(v.evidence, v.article_ids)} for v in q.variants],
            "speaker_key": speaker_id or _bare_name(q.speaker or "") or None,
        })
    # A speaker's remarks were scattered among others' (a minister heard three times in a story).
    first_seen: dict[str | None, int] = {}
    for n, row in enumerate(rows):
        first_seen.setdefault(row["speaker_key"] or f"#{n}", n)
    # Within a speaker, remarks through one channel sit together (in the order the channels first
    # appear), so the speaker's heading is printed once per channel ("X", "X via Radio Y"), not again and again.
    channel_seen: dict[tuple, int] = {}
    for n, row in enumerate(rows):
        channel_seen.setdefault((row["speaker_key"] or f"#{n}", row["channel"]), n)
    order = sorted(range(len(rows)), key=lambda n: (first_seen[rows[n]["speaker_key"] or f"#{n}"],
                                                   channel_seen[(rows[n]["speaker_key"] or f"#{n}", rows[n]["channel"])], n))
    rows = [rows[n] for n in order]
    for before, row in zip([None, *rows], rows):
        row["continues"] = bool(before and row["speaker_key"] and before["speaker_key"] == row["speaker_key"]
                                and before["channel"] == row["channel"])
    return rows


def _timeline(ctx: _Context) -> list[dict]:
    events = [(parse_when(t.date), i, t) for i, t in enumerate(ctx.story.timeline)]
    events.sort(key=lambda x: (x[0] is None, x[0] or 0, x[2].date, x[1]))
    return [{"when": w, "label": when_label(t.date), "event": t, "chips": ctx.chips_for(t.evidence, t.article_ids)} for w, _, t in events]


TIMELINE_LANES = 8
"""Rows of markers the timeline chart stacks above its axis before markers may overlap."""
MARKER_GAP = 18
"""Least distance (SVG units) between two markers in one lane: a marker is 18 wide."""


def timeline_svg_points(rows: list[dict], width: int = 640, pad: int = 28) -> list[dict]:
    """Place dated events on a time axis (x in SVG units); undated events are left off the chart."""
    dated = [r for r in rows if r["when"] is not None]
    if not dated:
        return []
    lo, hi = min(r["when"] for r in dated), max(r["when"] for r in dated)
    spread = hi - lo or 1.0
    points: list[dict] = []
    lane_ends: list[float] = []  # the x of the last point placed in each lane
    for n, r in enumerate(rows, 1):
        if r["when"] is None:
            continue
        x = pad + (r["when"] - lo) / spread * (width - 2 * pad) if hi > lo else width / 2
        # The lowest lane this marker does not cover a marker in; seven events of one weekend
        # in three cycling lanes hid four of their numbers. Past TIMELINE_LANES, the lane free longest.
        lane = next((i for i, end in enumerate(lane_ends) if x - end >= MARKER_GAP), None)
        if lane is None and len(lane_ends) < TIMELINE_LANES:
            lane = len(lane_ends)
            lane_ends.append(x)
        elif lane is None:
            lane = min(range(len(lane_ends)), key=lambda i: lane_ends[i])
        lane_ends[lane] = x
        points.append({"n": n, "x": round(x, 1), "lane": lane, "date": r["event"].date, "label": r.get("label") or r["event"].date, "event": r["event"].event})
    return points


def timeline_ticks(rows: list[dict], width: int = 640, pad: int = 28) -> list[dict]:
    dated = [r["when"] for r in rows if r["when"] is not None]
    if not dated:
        return []
    lo, hi = min(dated), max(dated)
    if hi - lo < 1 / 12:
        return _day_ticks(rows, lo, hi, width, pad)
    first, last = int(lo), int(hi)
    step = max(1, (last - first) // 6 + (1 if (last - first) > 6 else 0))
    ticks = []
    if last - first < 2:
        span_months = [(y, m) for y in range(first, last + 1) for m in range(1, 13)]
        span_months = [(y, m) for y, m in span_months if lo - 1 / 12 <= y + (m - 1) / 12 <= hi]
        every = max(1, len(span_months) // 6)
        for y, m in span_months[::every]:
            when = y + (m - 1) / 12
            ticks.append({"x": round(pad + (when - lo) / (hi - lo) * (width - 2 * pad), 1), "label": f"{y}-{m:02d}"})
        return [t for t in ticks if pad - 1 <= t["x"] <= width - pad + 1]
    for y in range(first + (1 if first < lo else 0), last + 1, step):
        ticks.append({"x": round(pad + (y - lo) / (hi - lo) * (width - 2 * pad), 1), "label": str(y)})
    return ticks


def _day_ticks(rows: list[dict], lo: float, hi: float, width: int, pad: int) -> list[dict]:
    """Ticks at the starts of the days a short timeline spans ('Sat 14 Mar'), at most about seven.

    One tick in the middle named after the first event read as the date of whatever sat there.
    """
    days = sorted({d for r in rows if r["when"] is not None
                   for m in [WHEN.match(r["event"].date)] if m and m.group(3)
                   for d in [_calendar_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))] if d})
    if not days:  # months or years only ('2026-03' twice): one tick under them, as they are one point
        first_dated = next(r for r in rows if r["when"] is not None)
        return [{"x": width / 2, "label": when_label(first_dated["event"].date)}] if hi == lo else []
    if hi == lo:
        return [{"x": width / 2, "label": f"{DAY_NAMES[days[0].weekday()]} {days[0].day} {MONTH_NAMES[days[0].month - 1][:3]}"}]
    span = [days[0] + dt.timedelta(n) for n in range((days[-1] - days[0]).days + 1)]
    every = max(1, -(-len(span) // 7))
    ticks = []
    for day in span[::every]:
        when = parse_when(day.isoformat())
        x = pad + (when - lo) / (hi - lo) * (width - 2 * pad)
        if pad - 1 <= x <= width - pad + 1:
            ticks.append({"x": round(x, 1), "label": f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"})
    return ticks


def _omissions(ctx: _Context) -> tuple[list[dict], list[dict]]:
    exclusives = []
    for fid in ctx.story.exclusives:
        fact = ctx.facts.get(fid)
        if fact:
            exclusives.append({"fact": fact, "outlets": sorted({ctx.outlet(a) for a in fact.article_ids}),
                               "chips": ctx.chips_for(fact.evidence, fact.article_ids)})
    omissions = []
    for om in ctx.story.omissions:
        omissions.append({"outlet": om.outlet or ctx.label(om.article_id), "article_id": om.article_id,
                          "facts": [ctx.facts[f].text if f in ctx.facts else f for f in om.fact_ids],
                          "fact_ids": [f if f in ctx.facts else None for f in om.fact_ids]})
    return exclusives, omissions


def _copies(ctx: _Context) -> list[dict]:
    rows = []
    for rel in ctx.story.copies:
        rows.append({"copier": ctx.label(rel.article_id), "original": ctx.label(rel.copy_of), "copy_id": rel.article_id,
                     "original_id": rel.copy_of, "similarity": rel.similarity})
        view = ctx.views.get(rel.article_id)
        if view:
            view.copies_of.append((ctx.label(rel.copy_of), rel.similarity))
    return rows


def _entities(ctx: _Context) -> list[dict]:
    rows = []
    for e in ctx.story.entities:
        outlets = sorted({ctx.outlet(m.article_id) for m in e.mentions})
        rows.append({"entity": e, "outlets": outlets, "mentions": len(e.mentions)})
    rows.sort(key=lambda r: (-r["mentions"], r["entity"].name.lower()))
    return rows


def build_story_view(story: Story, articles: dict[str, CleanArticle]) -> StoryView:
    """Return everything the reports print for one story, with evidence placed in the article texts."""
    ctx = _Context(story, articles)
    outlets = list(dict.fromkeys(v.outlet_key for v in ctx.views.values()))
    summary = _summary(ctx)
    coverage = _coverage(ctx, outlets)
    conflicts = _conflicts(ctx)
    framing_actors, framing_profiles = _framing(ctx, outlets)
    word_choices = _word_choices(ctx, outlets)
    quotes = _quotes(ctx)
    timeline = _timeline(ctx)
    exclusives, omissions = _omissions(ctx)
    copies = _copies(ctx)
    entities = _entities(ctx)
    published = sorted(v.article.published for v in ctx.views.values() if v.article.published)
    span = ""
    if published:
        first, last = published[0][:10], published[-1][:10]
        span = first if first == last else f"{first} to {last}"
    return StoryView(span=span, points=timeline_svg_points(timeline), ticks=timeline_ticks(timeline), story=story, articles=list(ctx.views.values()), outlets=outlets, summary=summary,
                     coverage=coverage, conflicts=conflicts, framing_actors=framing_actors,
                     framing_profiles=framing_profiles, word_choices=word_choices, quotes=quotes, timeline=timeline, exclusives=exclusives,
                     omissions=omissions, copies=copies, entities=entities)


def build_views(report: Report, story_id: str | None = None) -> tuple[list[StoryView], list[CleanArticle]]:
    """Return the story views (one story when `story_id` is given) and the articles in no story."""
    articles = {a.id: a for a in report.articles}
    stories = [s for s in report.stories if story_id is None or s.id == story_id]
    in_story = {aid for s in report.stories for aid in s.article_ids}
    loose = [a for a in report.articles if a.id not in in_story] if story_id is None else []
    return [build_story_view(s, articles) for s in stories], loose
