"""Facts: claims aligned across articles, so that one fact holds every article that states it.

Steps:
1. score every pair of claims from different articles: the cosine of their sentence
   embeddings, the same cosine as a z-score against all cross-article pairs of the story
   (what stands out from the story's common topic), and the overlap of content words;
   `alignment_probability` turns these into one probability (weights fitted on NAnCo);
2. veto pairs whose anchors disagree: numbers of one unit that cannot both be true, event
   dates that differ, reported words that differ when both claims report someone's words
   (settings.content_min_cos), unlike causes (causes_differ), or different actors of one kind (two ships, two people) — such
   pairs are different facts, or conflicts (see conflicts.py), never one fact; once the
   conflicts are known, the facts holding two claims whose dates or counts are in dispute merge
   when they align with those anchors excused (Alignment.excuse_disputed, merge_disputed), and the
   two sides of a date conflict support one fact (dated_support);
3. merge greedily, best pair first, keeping at most one claim per article and requiring
   the merged groups to agree on average (no chaining of loose pairs);
4. attach a further claim of an article already in a fact when it restates that fact;
5. every claim left alone is a fact of its own article;
6. a fact's text is its most central claim, unless that claim gives a side of a date or count
   conflict another of the fact's articles disputes, or a cause another of its articles does not
   give: then the most central claim free of that (build_facts).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from newsprism.compare import lexicons
from newsprism.compare.opposites import say_opposite
from newsprism.compare.views import ClaimView, TextVectors, UnionFind, content_stems, differing_articles, intervals_overlap, strip_dateline, units_match
from newsprism.models import Entity, Fact, Quote, content_id
from newsprism.settings import CompareSettings

OPENING_STRAIGHT_QUOTE = re.compile(r'(?:^|(?<=[\s(\[]))"')


def with_quotes_closed(text: str) -> str:
    """The text with a quotation it opens or closes but not both made whole.

    A sentence of a quotation that runs over several sentences holds only one of its marks
    ('"Nothing reached us before that call.'); as a fact's text it reads as a cut. A missing
    closing mark is added at the end, a missing opening mark at the start.
    """
    opened, closed = text.count("\u201c"), text.count("\u201d")
    if opened > closed:
        return text + "\u201d"
    if closed > opened:
        return "\u201c" + text
    straight = [m.start() for m in re.finditer('"', text)]
    if len(straight) % 2:
        openings = {m.start() for m in OPENING_STRAIGHT_QUOTE.finditer(text)}
        return text + '"' if straight[-1] in openings else '"' + text
    return text


CLASH_FREE_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "NORP"})
# Places and groups are named in passing ("in Syria", "US sanctions"): they clash only as subjects.
SUBJECT_ONLY_TYPES = frozenset({"GPE", "LOC", "ORG"})
# Centralities closer than this are a tie (summed cosines; the encoder's rounding is ~1e-7 a vector).
MEDOID_TIE = 1e-5


def alignment_probability(cos: np.ndarray, z: np.ndarray, overlap: np.ndarray, settings: CompareSettings, prior_logodds: float = 0.0) -> np.ndarray:
    """Return the probability that two texts state the same thing, from their three scores.

    The weights are fitted with balanced classes; `prior_logodds` adds the log prior odds
    of a match where matches are rare (most claim pairs of a story are unrelated).
    """
    logit = settings.align_w_cos * cos + settings.align_w_z * z + settings.align_w_overlap * overlap + settings.align_bias + prior_logodds
    return 1.0 / (1.0 + np.exp(-logit))


def entity_states(entities: list[Entity]) -> dict[str, str]:
    """Map each place or group entity that stands for a state (by its name or an alias) to that state."""
    found = {}
    for e in entities:
        if e.type in SUBJECT_ONLY_TYPES:
            state = next(filter(None, (lexicons.state_of(n) for n in [e.name, *e.aliases])), None)
            if state:
                found[e.id] = state
    return found


def story_prior_logodds(claims_per_article: float, settings: CompareSettings) -> float:
    """Log prior odds that a claim pair of two articles is one fact: the share of an
    article's claims another restates, spread over the claims of that other article."""
    prior = min(0.5, settings.shared_claim_share / max(1.0, claims_per_article))
    return float(np.log(prior / (1.0 - prior)))


def cross_stats(sim: np.ndarray, groups: np.ndarray, settings: CompareSettings | None = None) -> tuple[float, float]:
    """Return the mean and spread of similarities between items of different groups.

    Shrunk toward a prior (settings.stats_prior_*) worth a few dozen pairs, so that a story
    of two short articles, whose few pairs are mostly matches, still has a usable scale.
    """
    settings = settings or CompareSettings()
    mask = groups[:, None] != groups[None, :]
    values = sim[np.triu(mask, 1)].astype(np.float64)
    n, k = values.size, float(settings.stats_prior_pairs)
    m0, s0 = settings.stats_prior_mean, settings.stats_prior_sd
    mean = (values.sum() + k * m0) / (n + k)
    second = (np.square(values).sum() + k * (s0 * s0 + m0 * m0)) / (n + k)
    return float(mean), float(max(np.sqrt(max(second - mean * mean, 0.0)), 0.05))


def stem_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller text's content stems that the other has too."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def numbers_disagree(v: ClaimView, w: ClaimView) -> bool:
    """True when the two claims count one thing with values that cannot both be true: a figure
    of one claim that fits none of the other claim's figures of its unit. Two claims giving the
    same two sides of one vote ("1,846 votes for and 412 against" / "voted 1,846 to 412") agree,
    though 1,846 of one is not 412 of the other."""
    return _unfit_figure(v, w) or _unfit_figure(w, v)


def _unfit_figure(v: ClaimView, w: ClaimView) -> bool:
    for _, lo1, hi1, u1 in v.numbers:
        same_unit = [(lo2, hi2) for _, lo2, hi2, u2 in w.numbers if units_match(u1, u2)]
        if same_unit and not any(intervals_overlap((lo1, hi1), b) for b in same_unit):
            return True
    return False


# Log odds two sentences gain toward one fact when they give agreeing counts of one specific
# thing ("more than 500 rescuers" / "some 540 rescuers", cosine 0.60, probability 0.43 without
# it): worth about what a cosine 0.3 higher is, so a count alone never joins unrelated sentences
# (the cosine floor settings.candidate_min_cos still applies).
COUNT_AGREEMENT_LOGODDS = 1.5


def counts_agree(v: ClaimView, w: ClaimView) -> bool:
    """True when both claims count one specific thing (not people or days, data/compare/
    generic_units.txt) with values that can both be true, one of them exact and both of ten or
    more within half of each other: "more than 500 rescuers" and "some 540 rescuers"."""
    generic = lexicons.generic_units()
    for n1, lo1, hi1, u1 in v.numbers:
        for n2, lo2, hi2, u2 in w.numbers:
            if n1.kind != "count" or n2.kind != "count" or not units_match(u1, u2) or u1 in generic or u2 in generic:
                continue
            if n1.value is None or n2.value is None or min(n1.value, n2.value) < 10 or max(n1.value, n2.value) > 1.5 * min(n1.value, n2.value):
                continue
            exact = (n1.low is None and n1.high is None) or (n2.low is None and n2.high is None)
            if exact and intervals_overlap((lo1, hi1), (lo2, hi2)):
                return True
    return False


def measures_differ(v: ClaimView, w: ClaimView) -> bool:
    """True when one claim gives only shares and the other only counts ("took 51.2 percent of the
    vote" / "won by more than 4,000 votes"): a share and a count are two statements, even of one thing."""
    if not v.numbers or not w.numbers:
        return False
    share_v = {n[3] == "percent" for n in v.numbers}
    share_w = {n[3] == "percent" for n in w.numbers}
    return len(share_v) == 1 and len(share_w) == 1 and share_v != share_w


def _date_keys(dates: list) -> set[str]:
    return {d.value for d in dates if d.value}


def _background(v: ClaimView, other: ClaimView) -> bool:
    """True when `v` dates its event years before the time `other` (undated) is reported at."""
    if other.event_dates or other.story_year is None or not v.event_dates:
        return False
    for d in v.event_dates:
        last = d.end or (None if d.kind == "range" else d.value)
        if last is None or not last[:4].isdigit() or int(last[:4]) > other.story_year - 2:
            return False
    return True


def dates_disagree(v: ClaimView, w: ClaimView) -> bool:
    """True when the claims date their events differently, or one is dated years before
    the story while the other, undated, reports the story's own events."""
    a, b = _date_keys(v.event_dates), _date_keys(w.event_dates)
    if (v.period and not b and not w.period) or (w.period and not a and not v.period):
        return True
    if not a or not b:
        return _background(v, w) or _background(w, v)
    for x in a:
        for y in b:
            n = min(len(x), len(y))
            if x[:n] == y[:n]:
                return False
    return True


def actors_clash(v: ClaimView, w: ClaimView, types: dict[str, str], states: dict[str, str] | None = None) -> bool:
    """True when both claims name actors of one kind and they name none in common (two ships).

    `states` maps a place or group entity to the state it stands for ("Moscow" and "Russia" as
    subjects are one actor; see lexicons.state_names).
    """
    states = states or {}
    by_type_v: dict[str, set[str]] = {}
    by_type_w: dict[str, set[str]] = {}
    for e in v.entity_ids:
        by_type_v.setdefault(types.get(e, "?"), set()).add(e)
    for e in w.entity_ids:
        by_type_w.setdefault(types.get(e, "?"), set()).add(e)
    for t, ents in by_type_v.items():
        if t in CLASH_FREE_TYPES or t not in by_type_w:
            continue
        if t in SUBJECT_ONLY_TYPES:
            # Only a sentence-initial actor counts ("Russia has provided ..." / "Iran plans ..."):
            # the parse's subject is often the reporting clause's ("state TV").
            sv, sw = v.lead_entities & ents, w.lead_entities & by_type_w[t]
            if sv and sw and {states.get(e, e) for e in sv}.isdisjoint({states.get(e, e) for e in sw}):
                return True
            continue
        # Each names an actor of this kind the other does not: two ships, two people.
        if ents - by_type_w[t] and by_type_w[t] - ents:
            return True
    return False


def reported_words_differ(v: ClaimView, w: ClaimView, vectors: TextVectors, settings: CompareSettings) -> bool:
    """True when both claims report someone's words and the words say different things
    ("Haddad said the tugs were under repair" / "Haddad said tugs were working to free the bow")."""
    if v.content is None or w.content is None:
        return False
    return float(vectors[v.content] @ vectors[w.content]) < settings.content_min_cos


def squashed(name: str) -> str:
    """A name without case, accents, spaces, hyphens or apostrophes: "Ash Bridge", "Ashbridge" and
    "ash-bridge" are one spelling of one name."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if ch.isalpha()).lower()


NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def names_spelled_in(text: str, names: dict[str, frozenset[str]], max_words: int = 4) -> frozenset[str]:
    """The entities (`names`: id -> name and aliases) whose name the text writes, however it spaces
    or hyphenates it ("near Ash Bridge" names the entity "Ashbridge"): runs of capitalised words,
    squashed, against the names squashed. Names of fewer than four letters are left out (initials
    match too much)."""
    runs = set()
    for m in NAME_RUN.finditer(text):
        words = m.group(0).split()
        for a in range(len(words)):
            for b in range(a + 1, min(len(words), a + max_words) + 1):
                runs.add(squashed(" ".join(words[a:b])))
    return frozenset(e for e, spellings in names.items() if any(len(k) >= 4 and k in runs for k in map(squashed, spellings)))


def event_families(text: str) -> frozenset[str]:
    """The families of events (data/compare/event_verbs.txt) whose words the text uses: "jailed" and
    "was sentenced" both tell a verdict."""
    table = lexicons.event_verbs()
    pattern = lexicons.words_pattern(sorted(table))
    return frozenset(table[m.group(0).lower()] for m in pattern.finditer(text)) if pattern else frozenset()


def _name_words(names: frozenset[str]) -> set[str]:
    return {w.lower() for n in names for w in re.findall(r"[A-Za-z][\w'’-]*", n) if w[0].isupper()}


def speakers_differ(v: ClaimView, w: ClaimView, names: dict[str, frozenset[str]]) -> bool:
    """True when the claims are said by different sources ("Mayor Lind said ..." / "the heads of the
    delegations stressed ..."): a remark is a claim of its speaker, two speakers make two facts.

    `names` maps an entity id to its name and aliases. Two entities differ by id. An entity and
    a phrase differ when the phrase names someone else ('Ministry of Mines') or stands for
    several people ('the heads', 'officials'); a description that may be the same person ('the
    58-year-old minister') is not told apart, nor are two phrases ('officials' / 'the commission').
    """
    a, b = v.speaker, w.speaker
    if not a or not b or a == b:
        return False
    a_known, b_known = a in names, b in names
    if a_known and b_known:
        return True
    if not a_known and not b_known:
        return False
    entity, phrase = (a, b) if a_known else (b, a)
    words = re.findall(r"[A-Za-z][\w'’-]*", phrase)
    if not words:
        return False
    own = _name_words(names[entity])
    capitalised = {x.lower() for x in words[1:] if x[0].isupper()}
    if capitalised and not capitalised & own:
        return True
    head = words[-1].lower()
    return head.endswith("s") and not head.endswith("ss") and head not in own


def without_disputed(v: ClaimView, disputed: tuple[frozenset[str], frozenset[str]]) -> ClaimView:
    """The claim without the dates and counts a conflict of the story already sets against each other
    (`disputed`: days, ISO; counts, as the conflict's positions write them)."""
    days, counts = disputed
    return dataclasses.replace(
        v,
        event_dates=[d for d in v.event_dates if (d.value or "")[:10] not in days],
        numbers=[n for n in v.numbers if " ".join(n[0].text.split()) not in counts],
    )


# Two causes are one when their phrases read this alike or share half their content stems (the
# reading cause_conflicts uses for one position: "strong winds" / "gusts").
CAUSE_ALIKE_COS = 0.5


def causes_differ(v: ClaimView, w: ClaimView, al: Alignment) -> bool:
    """True when both claims give a cause (conflicts.causes_in) and no cause of one reads like one of
    the other's, or when one doubts the cause the other gives (doubts_a_cause): "the crash was caused
    by a brake failure" / "sources blamed the driver" are two reports' sides of what caused one
    event, never one fact whose text would state one side."""
    mine, theirs = al.causes(v.index), al.causes(w.index)
    if mine and theirs:
        return not causes_alike(mine, theirs, al)
    # One gives a cause, the other doubts it ("put the crash down to worn brakes" / "a brake failure
    # is considered unlikely"): the doubt names most of the cause's content words.
    given, other = (mine, w) if mine else (theirs, v)
    return bool(given) and doubts_a_cause(other.claim.text, given)


def doubts_a_cause(text: str, causes: list[str]) -> bool:
    """True when a sentence holds a word of doubt (data/compare/cause_doubt_words.txt) and at least half
    the content words of one of `causes`."""
    doubt = lexicons.words_pattern(lexicons.cause_doubt_words())
    if doubt is None or not doubt.search(text):
        return False
    stems = content_stems(text)

    def said(word: str) -> bool:
        # The crude stems differ by an inflection's letter ("brakes" -> "brak", "brake"): one stem
        # that starts the other, four letters or more, is the word.
        return word in stems or any(min(len(word), len(s)) >= 4 and (s.startswith(word) or word.startswith(s)) for s in stems)

    return any((cause := content_stems(c)) and sum(map(said, cause)) * 2 >= len(cause) for c in causes)


def causes_alike(mine: list[str], theirs: list[str], al: Alignment) -> bool:
    """True when a cause of one list reads like one of the other's."""
    al.vectors.encode(mine + theirs)
    return any(
        float(al.vectors[a] @ al.vectors[b]) >= CAUSE_ALIKE_COS or stem_overlap(content_stems(a), content_stems(b)) >= 0.5
        for a in mine for b in theirs)


def cause_of_its_own(al: Alignment, i: int, group: list[int]) -> bool:
    """True when claim i gives a cause that a claim of another article in its fact does not give
    ("Sources blamed the driver" beside "The driver has been questioned")."""
    mine = al.causes(i)
    return bool(mine) and any(
        al.views[j].article_id != al.views[i].article_id and not (al.causes(j) and causes_alike(mine, al.causes(j), al)) for j in group)


def vetoed(v: ClaimView, w: ClaimView, cos: float, al: Alignment) -> bool:
    """True when anchors say two similar claims are not one fact.

    Two claims on different sides of a date or count conflict of the story (al.disputed) are
    compared without the disputed dates and counts: "ran aground on Wednesday" / "ran aground on
    Thursday" tell one event, whose date is in dispute; the conflict tells the dispute, and the
    fact holds both reports. Any other date or count they disagree on still vetoes.
    """
    disputed = al.disputed.get((v.index, w.index) if v.index < w.index else (w.index, v.index))
    if disputed is not None:
        v, w = without_disputed(v, disputed), without_disputed(w, disputed)
    if numbers_disagree(v, w) or dates_disagree(v, w) or measures_differ(v, w):
        return True
    if causes_differ(v, w, al):
        return True
    if say_opposite(v.claim.text, w.claim.text):  # "not through the roof" / "through a roof skylight"
        return True
    if speakers_differ(v, w, al.names):
        return True
    if cos >= al.settings.clash_override_cos:
        return False
    # Both report someone's words: they are one fact only if the words are.
    if reported_words_differ(v, w, al.vectors, al.settings):
        return True
    return actors_clash(v, w, al.types, al.states)


@dataclass
class Alignment:
    """The story's claim views, their embeddings and the scoring context."""

    views: list[ClaimView]
    embeddings: np.ndarray
    mu: float
    sd: float
    settings: CompareSettings
    types: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)  # entity id -> the state it stands for (actors_clash)
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # entity id -> its name and aliases (speakers_differ)
    prior_logodds: float = 0.0
    vectors: TextVectors = field(default_factory=TextVectors)
    # Cosine of every claim pair, computed once in one product when the story is small enough
    # to hold it (compare_story): a few-row product per fact costs more CPU than the whole
    # matrix, since the BLAS library starts its threads for each.
    sims: np.ndarray | None = None
    # Claim pairs (lower index first) on different sides of a date or count conflict, with the days and
    # counts in dispute: those anchors do not veto the pair (see vetoed; set by excuse_disputed).
    disputed: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # The sides of each date or count conflict that each article and each claim give (conflict id ->
    # article id or claim index -> side values; set by excuse_disputed): a fact's text carries no date or
    # figure that one of its articles disputes.
    conflict_sides: dict[str, dict[str | int, set[str]]] = field(default_factory=dict)
    _overlaps: dict[tuple[int, int], float] = field(default_factory=dict, repr=False)
    _vetoes: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)
    _counts: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)
    _causes: dict[int, list[str]] = field(default_factory=dict, repr=False)

    def causes(self, i: int) -> list[str]:
        """The causes claim i gives (conflicts.causes_in), read once."""
        found = self._causes.get(i)
        if found is None:
            from newsprism.compare.conflicts import causes_in  # conflicts imports this module

            found = self._causes[i] = causes_in(self.views[i].claim.text)
        return found

    def count_logodds(self, a: int, b: int) -> float:
        """COUNT_AGREEMENT_LOGODDS when claims a and b give agreeing counts (counts_agree), else 0, remembered."""
        key = (a, b) if a < b else (b, a)
        found = self._counts.get(key)
        if found is None:
            found = self._counts[key] = bool(self.views[a].numbers and self.views[b].numbers) and counts_agree(self.views[a], self.views[b])
        return COUNT_AGREEMENT_LOGODDS if found else 0.0

    def rows(self, index) -> np.ndarray:
        """Return the cosines of the claims `index` (a list or a slice) with every claim."""
        return self.sims[index] if self.sims is not None else self.embeddings[index] @ self.embeddings.T

    def encode_contents(self, indexes) -> None:
        """Encode, in one batch, the reported words of these claims (before a loop that vetoes them)."""
        self.vectors.encode(self.views[i].content for i in indexes)

    def upper_probability(self, i: int, j: list[int]) -> float:
        """Mean probability of claim i with claims j were their content words all shared (a cheap upper bound)."""
        cos = self.embeddings[j] @ self.embeddings[i]
        return float(alignment_probability(cos, (cos - self.mu) / self.sd, np.float32(1.0), self.settings, self.prior_logodds).mean())

    def overlap(self, a: int, b: int) -> float:
        """stem_overlap of two claims, remembered: merging facts scores the same pairs again and again."""
        key = (a, b) if a < b else (b, a)
        found = self._overlaps.get(key)
        if found is None:
            found = self._overlaps[key] = stem_overlap(self.views[a].stems, self.views[b].stems)
        return found

    def probability(self, i: list[int], j: list[int]) -> np.ndarray:
        cos = self.embeddings[i] @ self.embeddings[j].T
        overlap = np.array([[self.overlap(a, b) for b in j] for a in i], dtype=np.float32)
        counts = np.array([[self.count_logodds(a, b) for b in j] for a in i], dtype=np.float32)
        return alignment_probability(cos, (cos - self.mu) / self.sd, overlap, self.settings, self.prior_logodds + counts)

    def excuse_disputed(self, conflicts: list) -> bool:
        """Let claims on different sides of a date or count conflict be one fact despite the disputed
        anchors (vetoed); True when any pair is newly excused (the facts are then aligned again)."""
        at = {(v.article_id, v.claim.start): v.index for v in self.views}
        found: dict[tuple[int, int], tuple[set[str], set[str]]] = {}
        for c in conflicts:
            if c.kind not in {"date", "number"}:
                continue
            values = frozenset(p.value[:10] for p in c.positions) if c.kind == "date" else frozenset(p.value for p in c.positions)
            if c.kind == "number":
                # A side's figure may be written with another word for its unit ("27 ships", "27 vessels").
                values |= {
                    " ".join(n[0].text.split()) for p in c.positions for e in p.evidence if (e.article_id, e.start) in at
                    for n in self.views[at[(e.article_id, e.start)]].numbers if n[0].text.split()[:1] == p.value.split()[:1]
                }
            sides = self.conflict_sides.setdefault(c.id, {})
            for p in c.positions:
                for a in p.article_ids:
                    sides.setdefault(a, set()).add(p.value)
                for e in p.evidence:
                    if (e.article_id, e.start) in at:
                        sides.setdefault(at[(e.article_id, e.start)], set()).add(p.value)
            for a, p in enumerate(c.positions):
                for q in c.positions[a + 1:]:
                    for e in p.evidence:
                        for f in q.evidence:
                            i, j = at.get((e.article_id, e.start)), at.get((f.article_id, f.start))
                            if i is None or j is None or i == j or self.views[i].source == self.views[j].source:
                                continue
                            days, counts = found.setdefault((min(i, j), max(i, j)), (set(), set()))
                            (days if c.kind == "date" else counts).update(values)
        new = {pair: (frozenset(d), frozenset(n)) for pair, (d, n) in found.items() if self.disputed.get(pair) != (frozenset(d), frozenset(n))}
        if not new:
            return False
        self.disputed.update(new)
        for i, j in new:  # only these pairs' vetoes change
            self._vetoes.pop((i, j), None)
            self._vetoes.pop((j, i), None)
        return True

    def vetoed(self, x: int, y: int) -> bool:
        """vetoed() for claims x and y at their own cosine, remembered (facts re-check member pairs as they grow)."""
        found = self._vetoes.get((x, y))
        if found is None:
            found = self._vetoes[(x, y)] = vetoed(self.views[x], self.views[y], float(self.embeddings[x] @ self.embeddings[y]), self)
        return found


def candidate_pairs(al: Alignment) -> list[tuple[float, int, int]]:
    """Return (probability, i, j) for cross-article pairs above the fact threshold, best first."""
    views, E, s = al.views, al.embeddings, al.settings
    n = len(views)
    groups = np.array([hash(v.article_id) for v in views])
    scored: list[tuple[float, int, int, float]] = []
    counted = np.array([bool(v.numbers) for v in views])
    block = 512
    for start in range(0, n, block):
        sims = al.rows(slice(start, start + block))
        # Upper bound of the probability (full word overlap): skips hopeless pairs before the slow part.
        # A pair of claims that both give counts may gain COUNT_AGREEMENT_LOGODDS (counts_agree).
        may_agree = counted[start : start + block, None] & counted[None, :]
        upper = alignment_probability(sims, (sims - al.mu) / al.sd, np.float32(1.0), s, al.prior_logodds + COUNT_AGREEMENT_LOGODDS * may_agree)
        hopeful = (upper >= s.fact_threshold) & (sims >= s.candidate_min_cos)
        for r, c in zip(*np.nonzero(hopeful)):
            i, j = start + int(r), int(c)
            if j <= i or groups[i] == groups[j] or views[i].page_talk or views[j].page_talk:
                continue
            cos = float(sims[r, c])
            overlap = al.overlap(i, j)
            prior = al.prior_logodds + al.count_logodds(i, j)
            p = float(alignment_probability(np.float32(cos), np.float32((cos - al.mu) / al.sd), np.float32(overlap), s, prior))
            if p >= s.fact_threshold:
                scored.append((p, i, j, cos))
    al.encode_contents(x for _, i, j, _ in scored for x in (i, j))
    pairs = [(p, i, j) for p, i, j, cos in scored if not vetoed(views[i], views[j], cos, al)]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    return pairs


def cluster_claims(al: Alignment) -> list[list[int]]:
    """Group claim indexes into facts (see the module docstring for the steps)."""
    views, s = al.views, al.settings
    cluster_of = list(range(len(views)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(views))}
    articles: dict[int, set[str]] = {i: {views[i].article_id} for i in range(len(views))}
    for _, i, j in candidate_pairs(al):
        a, b = cluster_of[i], cluster_of[j]
        if a == b or articles[a] & articles[b]:
            continue
        ma, mb = members[a], members[b]
        if len(ma) + len(mb) > 2:
            linkage = al.probability(ma, mb)
            if float(linkage.mean()) < s.fact_link_threshold:
                continue
            if any(al.vetoed(x, y) for x in ma for y in mb):
                continue
        keep, drop = (a, b) if a < b else (b, a)
        for m in members[drop]:
            cluster_of[m] = keep
        members[keep] = ma + mb if keep == a else mb + ma
        articles[keep] |= articles.pop(drop)
        del members[drop]
    # A second claim of an article already in a fact joins it when it restates the fact.
    # Only facts of two claims or more are joined, and only singletons leave `members` here, so
    # the facts an article is in are fixed (their members grow): list them once, in key order.
    facts_of: dict[str, list[int]] = defaultdict(list)
    for other, og in members.items():
        if len(og) >= 2:
            for article in articles[other]:
                facts_of[article].append(other)
    singles = [g[0] for g in members.values() if len(g) == 1 and not views[g[0]].page_talk] if len(members) > 1 else []
    # Reported words of the singletons that may join, encoded in one batch (a later join can
    # still need one more: TextVectors encodes it then).
    al.encode_contents(i for i in singles if any(al.upper_probability(i, members[o]) > s.fact_threshold for o in facts_of[views[i].article_id]))
    for i in singles:
        cid = i
        best, best_p = None, s.fact_threshold
        for other in facts_of[views[i].article_id]:
            og = members[other]
            p = float(al.probability([i], og).mean())
            if p > best_p and not any(al.vetoed(i, y) for y in og):
                best, best_p = other, p
        if best is not None:
            members[best].append(i)
            del members[cid]
    # The page speaking to its readers ("Welcome to our live coverage.") is no fact (views.speaks_to_readers).
    return [sorted(g) for g in sorted(members.values(), key=lambda g: min(g)) if not (len(g) == 1 and views[g[0]].page_talk)]


CLAUSE_BREAK = re.compile(r",\s+(?:including|which|while|as|after|and|but|to)?\s*|;\s+|\s+[—–]\s+")


def clauses(text: str) -> list[str]:
    """Split a sentence at clause breaks; return the parts of five words or more (none if one part)."""
    parts = [p.strip() for p in CLAUSE_BREAK.split(text) if p and len(p.split()) >= 5]
    return parts if len(parts) >= 2 else []


def supporting_claims(al: Alignment, groups: list[list[int]]) -> list[list[int]]:
    """For each fact, the best claim of every article outside it that also states it.

    A sentence often states two facts ("X signed a deal with Y, including a pledge to
    strengthen Z"); it stays in its own fact and is added as evidence to the other, so that
    fact counts the article. Whole sentences are tried first, then their clauses for facts
    that several articles state.
    """
    views, s, E = al.views, al.settings, al.embeddings
    number_of = {a: k for k, a in enumerate(dict.fromkeys(v.article_id for v in views))}
    article_of = np.array([number_of[v.article_id] for v in views])
    page_talk = np.array([v.page_talk for v in views], dtype=bool)
    extra: list[list[int]] = [[] for _ in groups]
    # First the scores of every fact, then the vetoes, so that the reported words the vetoes
    # read are encoded in one batch.
    scored: list[tuple[int, list[tuple[int, float]], list[tuple[float, int]]]] = []  # (group, [(claim, p)], [(closeness, claim)])
    for g, group in enumerate(groups):
        if len(group) < 2:
            continue
        outside = ~np.isin(article_of, [number_of[views[i].article_id] for i in group]) & ~page_talk
        sims = al.rows(group)
        # Upper bound (full word overlap) first: the exact probability only for hopeful claims.
        upper = alignment_probability(sims, (sims - al.mu) / al.sd, np.float32(1.0), s, al.prior_logodds).mean(axis=0)
        hopeful = [int(i) for i in np.nonzero((upper >= s.fact_threshold) & outside)[0]]
        passing = []
        if hopeful:
            exact = al.probability(hopeful, group).mean(axis=1)
            passing = [(i, float(p)) for i, p in zip(hopeful, exact) if float(p) >= s.fact_threshold]
        close = []
        if len(group) >= 3:
            closeness = np.where(outside, sims.mean(axis=0), -1.0)
            # The closest few sentences of other articles only: a fact lies inside few sentences.
            top = np.argsort(-closeness, kind="stable")[: s.clauses_per_fact]
            close = [(float(closeness[i]), int(i)) for i in top if closeness[i] >= s.clause_min_cos]
        scored.append((g, passing, close))
    al.encode_contents(x for g, passing, _ in scored if passing for x in [*groups[g], *(i for i, _ in passing)])
    wanted: list[tuple[float, int, int]] = []  # (closeness, group number, claim index)
    for g, passing, close in scored:
        group = groups[g]
        best: dict[str, tuple[float, int]] = {}
        for i, p in passing:
            if p > best.get(views[i].article_id, (0.0, -1))[0]:
                if not any(al.vetoed(i, y) for y in group):
                    best[views[i].article_id] = (p, i)
        extra[g].extend(i for _, i in best.values())
        wanted.extend((c, g, i) for c, i in close if views[i].article_id not in best)
    # Clauses of the closest sentences only: embedding them is the costly part.
    wanted = sorted(wanted, key=lambda t: (-t[0], t[1], t[2]))[: s.max_support_sentences]
    wanted = [(g, i, part) for _, g, i in wanted for part in clauses(views[i].claim.text)]
    if wanted:
        unique = list(dict.fromkeys(part for _, _, part in wanted))
        al.vectors.encode(unique)
        stems_of = {part: content_stems(part) for part in unique}
        clause_scores = []
        for g, i, part in wanted:
            group = groups[g]
            cos = E[group] @ al.vectors[part]
            overlap = np.array([stem_overlap(stems_of[part], views[y].stems) for y in group], dtype=np.float32)
            clause_scores.append(float(alignment_probability(cos, (cos - al.mu) / al.sd, overlap, s, al.prior_logodds).mean()))
        al.encode_contents(x for (g, i, _), p in zip(wanted, clause_scores) if p >= s.fact_threshold for x in [i, *groups[g]])
        best_clause: dict[tuple[int, str], tuple[float, int]] = {}
        for (g, i, part), p in zip(wanted, clause_scores):
            group = groups[g]
            key = (g, views[i].article_id)
            if p >= s.fact_threshold and p > best_clause.get(key, (0.0, -1))[0]:
                if not any(al.vetoed(i, y) for y in group):
                    best_clause[key] = (p, i)
        for (g, _), (_, i) in best_clause.items():
            extra[g].append(i)
    _remark_support(al, groups, extra)
    return [sorted(set(x)) for x in extra]


def _remark_support(al: Alignment, groups: list[list[int]], extra: list[list[int]]) -> None:
    """Add to each fact, as support, one claim of every other article that renders the remark every one
    of the fact's claims renders (ClaimView.remarks: the understanding stage judged the renderings
    one remark of its speaker). 'Boss Marta Quillon said: "We are deeply sorry."' prints a cut of the
    remark the fact quotes whole; as a sentence it reads too short to align, and its article would be
    listed as leaving out a remark it prints. Not against a veto (another speaker, figure or date), but
    the reported words are no veto: two cuts of one remark ("deeply sorry" / "out of an abundance of
    caution") read unlike, yet the understanding stage judged them one remark."""
    views = al.views
    rendering: dict[int, list[int]] = defaultdict(list)
    for i, v in enumerate(views):
        for q in v.remarks:
            rendering[q].append(i)
    if not rendering:
        return
    for g, group in enumerate(groups):
        if len(group) < 2:
            continue
        # The fact's own remark: one every claim of it renders (a sentence rendering two remarks
        # brings only the one all the others render).
        shared = sorted(frozenset.intersection(*(views[i].remarks for i in group)))
        have = {views[i].article_id for i in [*group, *extra[g]]}
        for q in shared:
            for i in rendering[q]:
                if views[i].article_id in have:
                    continue
                mine = dataclasses.replace(views[i], content=None)
                if not any(vetoed(mine, views[y], float(al.embeddings[i] @ al.embeddings[y]), al) for y in group):
                    extra[g].append(i)
                    have.add(views[i].article_id)


def _conflicts_of_claims(al: Alignment) -> dict[int, set[str]]:
    """Claim index -> the date and count conflicts (al.conflict_sides) it gives a side of."""
    found: dict[int, set[str]] = defaultdict(set)
    for cid, sides in al.conflict_sides.items():
        for key in sides:
            if isinstance(key, int):
                found[key].add(cid)
    return found


def _disputed_linkage(al: Alignment, ma: list[int], mb: list[int], in_conflict: dict[int, set[str]]) -> np.ndarray:
    """al.probability of two facts' claims, where two claims that give sides of one date or count
    conflict count as aligned at least at settings.fact_threshold: the conflict already says they
    tell one quantity of one event ("was fined £120,000 in 2028" in two outlets, each with its own
    aside about the firm, read too unlike as wholes to pull a third report of the fine in)."""
    linkage = al.probability(ma, mb)
    for r, x in enumerate(ma):
        for c, y in enumerate(mb):
            if in_conflict.get(x, set()) & in_conflict.get(y, set()):
                linkage[r, c] = max(float(linkage[r, c]), al.settings.fact_threshold)
    return linkage


def merge_disputed(al: Alignment, groups: list[list[int]], support: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    """Merge the facts holding the two claims of a disputed pair (al.disputed) when they align by
    cluster_claims' rule (the pair at settings.fact_threshold, larger facts at fact_link_threshold on
    average, no veto left): one event whose date or count is in dispute. Only those facts are tried
    again, not the whole story (a story of 3,000 claims is aligned once). Returns the groups and
    their supporting claims, merged alike (a claim of an article now in the fact leaves its support)."""
    s = al.settings
    fact_of = {i: g for g, group in enumerate(groups) for i in group}
    union = UnionFind()
    find = union.find

    members = {g: list(group) for g, group in enumerate(groups)}
    in_conflict = _conflicts_of_claims(al)
    pairs = sorted(al.disputed, key=lambda p: (-float(al.probability([p[0]], [p[1]])[0, 0]), p))
    for i, j in pairs:
        a, b = find(fact_of[i]), find(fact_of[j])
        if a == b or {al.views[x].article_id for x in members[a]} & {al.views[y].article_id for y in members[b]}:
            continue
        if float(al.probability([i], [j])[0, 0]) < s.fact_threshold:
            continue
        ma, mb = members[a], members[b]
        if len(ma) + len(mb) > 2 and float(_disputed_linkage(al, ma, mb, in_conflict).mean()) < s.fact_link_threshold:
            continue
        if any(al.vetoed(x, y) for x in ma for y in mb):
            continue
        keep, drop = min(a, b), max(a, b)
        members[keep] = members[a] + members[b]
        union.union(a, b)  # the smaller root, `keep`, stays the root
        del members[drop]
    parts: dict[int, list[int]] = defaultdict(list)
    for h in range(len(groups)):
        parts[find(h)].append(h)
    merged_groups, merged_support = [], []
    for g in sorted(members):
        group = sorted(members[g])
        articles = {al.views[x].article_id for x in group}
        extra: dict[str, int] = {}
        for h in parts[g]:
            for x in support[h]:
                if al.views[x].article_id not in articles:
                    extra.setdefault(al.views[x].article_id, x)
        merged_groups.append(group)
        merged_support.append(sorted(extra.values()))
    return merged_groups, merged_support


def dated_support(al: Alignment, groups: list[list[int]], conflicts: list) -> list[list[int]]:
    """For each fact, the claims of other articles that date its event another way.

    A date conflict sets two reports of one event against each other only when the clauses around
    their dates read alike (conflicts.date_conflicts): "..., which ran aground in the canal on
    Thursday" and "A ship ran aground in the canal on Wednesday" tell one event, though the
    sentences as wholes (one about the salvage) read too unlike to align. So a claim on one side
    supports the fact of a claim on the other, unless something else than the disputed date
    vetoes it (al.disputed).
    """
    at = {(v.article_id, v.claim.start): v.index for v in al.views}
    fact_of = {i: g for g, group in enumerate(groups) for i in group}
    extra: list[set[int]] = [set() for _ in groups]
    for c in conflicts:
        if c.kind != "date":
            continue
        sides = [[at[(e.article_id, e.start)] for e in p.evidence if (e.article_id, e.start) in at] for p in c.positions]
        for a, side in enumerate(sides):
            for other in sides[:a] + sides[a + 1:]:
                for i in side:
                    for j in other:
                        # One way only, into the larger fact (the earlier at equal size): two facts each
                        # holding the other's claims would tell the event twice.
                        g, h = fact_of[i], fact_of[j]
                        if g == h or (len(groups[g]), -g) < (len(groups[h]), -h):
                            continue
                        group = groups[g]
                        if al.views[j].article_id not in {al.views[y].article_id for y in group} and not any(al.vetoed(j, y) for y in group):
                            extra[g].add(j)
    return [sorted(x) for x in extra]


def quote_speakers(views: list[ClaimView], quotes: list[Quote]) -> dict[int, str]:
    """Map a claim index to the speaker entity of a quote whose rendering lies inside it."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for q in quotes:
        speaker = q.speaker_entity_id
        if not speaker:
            continue
        for var in q.variants:
            for ev in var.evidence:
                spans.setdefault(ev.article_id, []).append((ev.start, ev.end, speaker))
    found: dict[int, str] = {}
    for v in views:
        for start, end, speaker in spans.get(v.article_id, []):
            if start < v.claim.end and end > v.claim.start:
                found[v.index] = speaker
                break
    return found


def disputed_by_others(al: Alignment, i: int, articles: set[str]) -> bool:
    """True when claim i gives a side of a date or count conflict (al.conflict_sides) that another of
    `articles` does not give, giving another side."""
    return bool(disputers(al, i, articles))


def disputers(al: Alignment, i: int, articles: set[str]) -> set[str]:
    """The `articles` that give another side of a date or count conflict claim i gives a side of."""
    found: set[str] = set()
    for sides in al.conflict_sides.values():
        mine = sides.get(i)
        if mine:
            found.update(a for a in articles if a != al.views[i].article_id and sides.get(a) and not sides[a] & mine)
    return found


def _loaded_terms(text: str) -> set[str]:
    """The labels and loaded words of data/compare/avoid_in_summary.txt a sentence uses."""
    pattern = lexicons.words_pattern(sorted(lexicons.summary_avoid_terms()))
    return {m.group(0).lower() for m in pattern.finditer(text)} if pattern else set()


def build_facts(al: Alignment, groups: list[list[int]], independent: dict[str, str], quotes: list[Quote], entities: list[Entity]) -> list[Fact]:
    """Turn claim groups (members plus supporting claims) into Facts: canonical text,
    articles, evidence, independent sources, speaker."""
    views, E = al.views, al.embeddings
    speakers = quote_speakers(views, quotes)
    known = {e.id for e in entities}
    facts: list[Fact] = []
    for group in groups:
        if len(group) > 1:
            centrality = (E[group] @ E[group].T).sum(axis=1)
            # A two-claim group is an exact tie (1 + c against c + 1), and floating-point rounding
            # must not pick its text: near-equal centralities go to the earliest claim.
            medoid = group[int(np.flatnonzero(centrality >= centrality.max() - MEDOID_TIE)[0])]
            # The text is a claim every article of the fact vouches for: not one giving a figure or date
            # that another of its articles disputes ("leaving 41 ships stranded" beside a report of 27
            # ships), when one is free of that.
            # When every claim gives a side someone disputes (£150,000 in one report, £120,000 in two),
            # the text gives the side fewest of the fact's articles dispute: the side most of them give.
            vouched = list(range(len(group)))
            if al.conflict_sides and disputed_by_others(al, medoid, {views[i].article_id for i in group}):
                articles = {views[i].article_id for i in group}
                against = [len(disputers(al, i, articles)) for i in group]
                vouched = [x for x in range(len(group)) if against[x] == min(against)]
                medoid = group[max(vouched, key=lambda x: (float(centrality[x]), -x))]
            # Nor a claim giving a cause other articles of the fact do not give: the fact would state
            # one report's cause, often a side of a cause conflict, as every article's.
            if cause_of_its_own(al, medoid, group):
                plain = [x for x in vouched if not cause_of_its_own(al, group[x], group)]
                if plain:
                    vouched = plain
                    medoid = group[max(plain, key=lambda x: (float(centrality[x]), -x))]
            # Nor a claim carrying a label or loaded word (summary_avoid_terms) that not all of the
            # fact's claims use ("declared the demagogue X the winner"): one outlet's framing is not
            # the fact's wording, when a claim free of it states the fact.
            # One outlet's label weighs more than a disputed date or figure, which its conflict tells.
            loaded = _loaded_terms(views[medoid].claim.text)
            if loaded:
                free = [x for x in range(len(group)) if not loaded & _loaded_terms(views[group[x]].claim.text)]
                if free:
                    medoid = group[max(free, key=lambda x: (x in vouched, float(centrality[x]), -x))]
        else:
            medoid = group[0]
        article_ids = list(dict.fromkeys(views[i].article_id for i in group))
        quoted = [speakers[i] for i in group if i in speakers and (views[i].quoted_share > 0.2 or views[i].claim.attributed_to)]
        claim_of = None
        if quoted and len(quoted) * 2 >= len(group):
            claim_of = Counter(quoted).most_common(1)[0][0]
        elif all(views[i].quoted_share > 0.3 and views[i].claim.attributed_to in known for i in group):
            claim_of = Counter(views[i].claim.attributed_to for i in group).most_common(1)[0][0]
        entity_counts = Counter(e for i in group for e in views[i].claim.entity_ids)
        # Articles whose sentences give another figure for what the text counts: a side of that dispute.
        differs = differing_articles(views[medoid], [views[i] for i in group]) if len(article_ids) > 1 else []
        facts.append(Fact(
            id=content_id("|".join(sorted(views[i].claim.id for i in group)), prefix="f"),
            text=with_quotes_closed(strip_dateline(views[medoid].claim.text)),  # the evidence keeps the sentence as written
            article_ids=article_ids,
            independent_sources=len({independent[a] for a in article_ids}),
            evidence=[views[i].evidence() for i in group],
            claim_of=claim_of,
            entity_ids=[e for e, _ in sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))],
            differs=differs,
        ))
    return facts
