"""Quotes: parsed articles + entities -> Quotes with speaker, channel and cross-article variants.

Steps, in order:

1. `quote_spans`: quoted stretches in straight or curly double quotes, and in single quotes
   used as quotation marks; a quotation over paragraphs (each opening with a mark, only the
   last closing) gives one span a paragraph. One-word quotes ('Israel', "victory") are scare
   quotes, left to framing, not Quote records.
2. `attribute`: for each sentence holding a quote, or an indirect report ("X said that
   ..."), find the speech verb and read speaker and channel off the parse:
   "X said" -> speaker X; "the broadcaster quoted X as saying" / "SANA quoted X" / "X was
   quoted by state TV as saying" -> speaker X, channel the subject or agent (relaying verbs
   from `data/understand/relay_verbs.txt`; the clause after "as saying" is an indirect
   quote when it has no quotation marks); "X told state TV" / "X said on state radio" ->
   channel the medium; "according to Y" -> channel Y when Y is a medium (a
   channel noun from `data/understand/channel_nouns.txt` or an outlet of `data/outlets.csv`), else
   the speaker; an organisation that is not a medium ("Halvor Mining said") is the speaker. A pronoun or a description ("he added", "the Syrian minister") is
   resolved to the last person named before it whose titles fit; "the company said" to the
   organisation the entities stage took it for. A wire dateline is never the speaker
   ("SEOUL (KW) - Acme said"); "<statement>, police said." needs no clause in the parse.
   An outlet telling its own finding ("..., the Clarion can reveal": data/understand/outlet_voice.txt)
   is no speaker; a body after "according to" speaks (data/understand/speaking_bodies.txt);
   "in an interview with <paper>" and "in a statement posted on X" name the channel.
3. `group_quotes`: records with the same speaker entity whose wording is close in meaning
   (cosine of the shared sentence embeddings) become variants of one Quote, also looser
   translations when each is the other's clear closest (`_mutual_renderings`); near-identical
   wordings share one variant. Records with no speaker entity join only by near-identical
   wording, and two outlets' own paraphrases only when they name one source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import LEMMA, LOWER, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from newsprism.models import Entity, Evidence, Quote, QuoteVariant, content_id
from newsprism.understand.claims import verb_subject
from newsprism.understand.entities import WIRE_DATELINE, fold, gazetteer, initials, outlet_keys
from newsprism.understand.nlp import doc_text, sentences, table, word_list
from newsprism.understand.coref import _is_agent_noun, given_names

RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "what"}
PRONOUNS = {"he", "she", "they", "him", "her", "it", "we", "i"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
# Outside quotation marks a news text's "our" is the outlet's: "our correspondent says" is its own report
OUTLET_POSSESSIVES = {"our"}
OWN_OUTLET_PRONOUNS = {"us"}  # '"...," he told us': the outlet that prints the page heard it
# Cosine between sentence embeddings above which two renderings by one speaker are one
# remark; set on the seed cluster's translated quotes (same remark 0.72-0.93, different
# remarks of one speaker below 0.6).
SAME_REMARK = 0.66
SAME_WORDING_UNKNOWN_SPEAKER = 85
# Two renderings differing only in spelling or punctuation ("defence"/"defense") are one wording.
SAME_WORDING = 96

# Nouns that describe a person by office, so "the Iranian commander said" is a person
# to resolve; "the joint statement said" is not.
PERSON_NOUNS = word_list("titles.txt") | {"official", "commander", "diplomat", "source", "negotiator", "lawmaker", "politician", "activist", "witness", "resident"}


PAIRS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»")]


@dataclass
class QuoteRecord:
    """One rendering of a remark in one article, before grouping."""

    article_id: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence_text: str
    direct: bool = True
    partial: bool = False
    speaker_text: str | None = None
    speaker_entity_id: str | None = None
    channel: str | None = None
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- step 1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the content of every quotation in `text` (marks excluded)."""
    spans: list[tuple[int, int]] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(0), line_match.start()
        taken: list[tuple[int, int]] = []
        for open_mark, close_mark in PAIRS:
            i = 0
            while True:
                o = line.find(open_mark, i)
                if o < 0:
                    break
                i = o + 1
                if open_mark in {"'", "‘"}:
                    prev = line[o - 1] if o else " "
                    if prev.isalnum() or not (o + 1 < len(line) and line[o + 1].isalpha()):
                        continue
                if any(s <= o < e for s, e in taken):
                    continue
                c = _find_close(line, o + 1, close_mark, single=open_mark in {"'", "‘"})
                if c is None and open_mark in {"“", '"'} and _continued(text, base + len(line), open_mark) \
                        and (o == 0 or not line[o - 1].isalnum()):
                    c = len(line.rstrip())  # a quotation running on into the next paragraph, which opens with a mark again
                if c is None:
                    continue
                content_start, content_end = o + 1, c
                if content_end - content_start < 2:
                    continue
                taken.append((o, c + 1))
                spans.append((base + content_start, base + content_end))
                i = c + 1
    spans.sort()
    return spans


def _continued(text: str, line_end: int, open_mark: str) -> bool:
    """True when the next paragraph after a line whose quotation does not close opens with the
    same quotation mark: the convention of a quotation over paragraphs, each paragraph opening
    with a mark and only the last closing ('"... tell us.' / '"Both are reasons to resign."')."""
    rest = text[line_end:line_end + 400]
    nxt = re.match(r"\s*\n\s*(\S)", rest)
    return bool(nxt) and nxt.group(1) == open_mark


def _find_close(line: str, start: int, mark: str, single: bool) -> int | None:
    j = start
    while True:
        c = line.find(mark, j)
        if c < 0:
            return None
        if not single:
            return c
        nxt = line[c + 1] if c + 1 < len(line) else " "
        prev = line[c - 1] if c else " "
        if not nxt.isalpha() and not prev.isspace():
            return c
        j = c + 1


def is_scare_quote(content: str) -> bool:
    """True for a quotation that is not a remark: one word (a scare quote or a term), or a
    short Title Case name of a show, book or slogan ("Meet the Press")."""
    words = re.findall(r"[\w'’-]+", content)
    if len(words) < 2:
        return True
    small = {"a", "an", "the", "of", "to", "in", "on", "and", "for", "at", "by", "with"}
    content_words = [w for w in words if w.lower() not in small]
    return len(words) <= 7 and not re.search(r"[.!?,]", content.strip()[:-1]) and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)


# --------------------------------------------------------------------------- step 2


@dataclass
class Resolver:
    """Resolves speaker phrases of one article to entities (pronouns and descriptions included)."""

    article_id: str
    people: list[tuple[int, Entity]]      # (mention start, entity), in text order
    spans: list[tuple[int, int, Entity]]  # every mention of the article
    channels: list[tuple[int, str]] = field(default_factory=list)
    pronouns: dict[int, Entity] = field(default_factory=dict)  # offset -> entity the entities stage resolved a pronoun to
    descriptions: dict[int, Entity] = field(default_factory=dict)  # offset -> person a description ("the governor") stands for
    org_descriptions: dict[int, Entity] = field(default_factory=dict)  # offset -> organisation a description ("the company") stands for
    outlets: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # the story's outlets (entities.outlet_keys)
    genders: dict[str, set[str]] = field(default_factory=dict)  # person id -> genders shown (`_pronoun_genders`)
    own_outlet: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # the article's own outlet (outlet_keys)
    own_name: str | None = None  # the article's own outlet as CleanArticle.outlet names it: the channel of "he told us"

    def is_own_outlet(self, span: Span) -> bool:
        """True for a phrase that names the article's own outlet ("the Night Courier can reveal"):
        the outlet's own voice, no speaker or channel of a quote."""
        full, last = self.own_outlet
        name = fold(re.sub(r"^the\s+", "", span.text.strip(), flags=re.I))
        return bool(name) and (name in full or name in last)

    def is_medium(self, entity: Entity) -> bool:
        """True for a medium of the registry or of channel words (`is_medium`), or one of the story's own outlets."""
        full, last = self.outlets
        return is_medium(entity) or (entity.type == "ORG" and any(fold(re.sub(r"^the\s+", "", n, flags=re.I)) in full | last
                                                                  for n in (entity.name, *entity.aliases)))

    def org_named(self, text: str) -> Entity | None:
        """The article's one organisation whose name or alias is `text`, whatever its capitals."""
        name = fold(text.strip())
        found = {id(e): e for _, _, e in self.spans if e.type != "PERSON" and name in {fold(n) for n in (e.name, *e.aliases)}}
        return next(iter(found.values())) if len(found) == 1 else None

    def entity_in(self, start: int, end: int, person_first: bool = True) -> Entity | None:
        hits = [(s, e, ent) for s, e, ent in self.spans if s < end and start < e]
        if person_first:
            people = [h for h in hits if h[2].type == "PERSON"]
            hits = people or hits
        return min(hits, key=lambda h: h[0])[2] if hits else None

    def person_before(self, offset: int, head: str | None = None, modifiers: tuple[str, ...] = ()) -> Entity | None:
        """Return the person a pronoun or a description at `offset` most likely means."""
        earlier = [(s, e) for s, e in self.people if s < offset]
        if not earlier:
            return None
        if head is None:
            return earlier[-1][1]
        def fit(item: tuple[int, Entity]) -> tuple:
            s, ent = item
            titles = fold(" ".join(ent.titles))
            score = 0
            if head and head in titles:
                score += 2
            for mod in modifiers:
                country = gazetteer().demonyms.get(mod) or gazetteer().names.get(mod)
                if mod in titles or (country and fold(country) in titles):
                    score += 1
            return (score, s)
        best = max(earlier, key=fit)
        if fit(best)[0] == 0 and len({id(ent) for _, ent in earlier}) > 1:
            return None  # "the foreign minister said" when no one named so far holds the office: no guess
        return best[1]

    def channel_before(self, offset: int) -> str | None:
        earlier = [c for s, c in self.channels if s < offset]
        return earlier[-1] if earlier else None


def _relay_verbs() -> frozenset[str]:
    return word_list("relay_verbs.txt")


def _relaying_verb(verb):
    """The verb that relays `verb` when it stands in "quoted X as saying/telling ..." (else None)."""
    head = verb.head
    if verb.dep_ in {"pcomp", "pobj", "xcomp", "advcl"} and head.lower_ == "as" and head.head.lemma_.lower() in _relay_verbs():
        return head.head
    if verb.dep_ in {"xcomp", "advcl", "ccomp"} and head.lemma_.lower() in _relay_verbs():
        return head  # "state TV quoted him saying ..."
    return None


def _phrase(token) -> Span:
    doc = token.doc
    return doc[token.left_edge.i: token.right_edge.i + 1]


HYPHENS = frozenset({"-", "‐", "‑"})


def _clause_phrase(clause) -> Span:
    """The clause's words, also past a hyphen the parse split the clause's word at: in "would
    co-operate fully" the tagger may hang "co", "-" and "operate fully" on the speech verb as three
    clauses, and the first alone is "would co"."""
    doc, span = clause.doc, _phrase(clause)
    end = span.end
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text in HYPHENS or doc[end - 1].text in HYPHENS):
        end = max(end + 1, doc[end].right_edge.i + 1)
    return doc[span.start: end]


def _over_hyphened_start(span: Span) -> Span:
    """The span with the start of a hyphened word it begins inside: the parse may hang "al", "-"
    and "Nouri" of "al-Nouri told ..." on the verb apart, and the speaker is "al-Nouri", not "Nouri"."""
    doc, start = span.doc, span.start
    while (start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text in HYPHENS or doc[start].text in HYPHENS)
           and (doc[start - 1].is_alpha or doc[start - 1].text in HYPHENS)):
        start -= 1
    return doc[start:span.end]


def _chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _past_hyphen(token) -> bool:
    """The token continues a word split at a hyphen ("-" or "operate" of "co-operate")."""
    doc = token.doc
    return token.i > 0 and not doc[token.i - 1].whitespace_ and (token.text in HYPHENS or doc[token.i - 1].text in HYPHENS)


def _is_channel_phrase(span: Span, resolver: Resolver) -> bool:
    channel_nouns = word_list("channel_nouns.txt")
    if span.root.lower_ in channel_nouns or span.root.lemma_.lower() in channel_nouns:
        return True
    head = resolver.entity_in(span.root.idx, span.root.idx + len(span.root.text))
    if head is not None and head.type == "PERSON":
        return False  # "Acme chief executive Jo Doe told state radio": a person speaks, Acme only qualifies her
    ent = resolver.entity_in(span.start_char, span.end_char, person_first=False)
    if ent is not None and ent.type == "ORG" and span.root.pos_ == "PROPN":
        words = {t.lower_ for t in span}
        # "SANA said" relays; "Halvor Mining said" is the company speaking
        return bool(words & channel_nouns) or resolver.is_medium(ent) or any(c == ent.name for _, c in resolver.channels)
    return False


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """Folded names of the outlets in the registry (data/outlets.csv), "the" dropped, with the
    initials of three-word names ("Syrian Arab News Agency" -> "sana", "Agence France-Presse" -> "afp")."""
    import csv
    from importlib.resources import files

    # read here, not through newsprism.clean.outlets: importing the clean stage costs the
    # understanding stage 0.16 CPU s per process
    lines = files("newsprism").joinpath("data/outlets.csv").read_text(encoding="utf-8").splitlines()
    names = set()
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        bare = re.sub(r"\s*\([^)]*\)$", "", re.sub(r"^the\s+", "", row["outlet"], flags=re.I))
        names.add(fold(bare))
        if len(re.split(r"[\s-]+", bare)) >= 3:  # "Agence France-Presse" -> "afp"
            names.add(fold(initials(bare)))
    return frozenset(names)


def is_medium(entity: Entity) -> bool:
    """True for an organisation that relays news: a channel noun in its name or an alias
    ("Middle East News Agency" / MENA), or an outlet of the registry (Reuters, TASS)."""
    channel_nouns = word_list("channel_nouns.txt")
    for name in (entity.name, *entity.aliases):
        bare = re.sub(r"^the\s+", "", name, flags=re.I)
        if fold(bare) in _outlet_names() or any(w in channel_nouns for w in re.findall(r"[a-z]+", bare.lower())):
            return True
    return False


def _channel_name(span: Span, resolver: Resolver) -> str:
    """Name of the medium a phrase names: the organisation at its head ("the state broadcaster
    ORT", "Radio Lindorf news", "the KNA news agency"), else the phrase itself ("Talesh state
    television": the country does not broadcast, its state television does)."""
    # a lower-case "organisation" ("state news") is a tagger's slip, not a name
    orgs = [(s, e, ent) for s, e, ent in resolver.spans if s < span.end_char and span.start_char < e and ent.type == "ORG"
            and any(ch.isupper() for ch in doc_text(span.doc)[s:e])]
    root, channel_nouns = span.root, word_list("channel_nouns.txt")

    def qualifies_medium(org_end: int) -> bool:
        """An organisation before a medium noun with other words between ("Talesh state
        television") qualifies the medium; "Radio Lindorf news", "KNA news agency" name it."""
        between = [t for t in span if org_end <= t.idx < root.idx]
        return org_end <= root.idx and not all(t.lower_ in channel_nouns or t.is_punct for t in between)

    # the organisation at the head first, then one named after it ("the state news agency QNA")
    orgs.sort(key=lambda o: (not (o[0] <= root.idx < o[1]), not o[0] > root.idx))
    if orgs and not (root.lower_ in channel_nouns and all(qualifies_medium(e) for _, e, _ in orgs)):
        return orgs[0][2].name
    after = span.doc[span.end] if span.end < len(span.doc) else None
    first = after
    while after is not None and after.pos_ == "PROPN" and after.dep_ == "compound" and after.head.i == after.i + 1:
        after = after.head  # "told the Vietnamese newspaper Tuoi Moi": the name's last word carries the relation
    if after is not None and root.lower_ in channel_nouns and after.pos_ == "PROPN" and after.head.i == root.head.i \
            and (after.dep_ == root.dep_ or after.dep_ in {"npadvmod", "appos"} and after.ent_type_ not in {"DATE", "TIME"}):
        # "the state news agency IRNA reported": the parse gave the verb two subjects, the name is the second
        named = resolver.entity_in(after.idx, after.idx + len(after.text), person_first=False)
        return named.name if named is not None and named.type == "ORG" else doc_text(span.doc)[first.idx: after.idx + len(after.text)]
    words = [t for t in span if t.dep_ not in {"det"} and not t.is_punct]
    # a name the tagger missed, after what it is: "the public broadcaster KTV" -> "KTV"
    name = root if root.pos_ == "PROPN" and root.i > span.start and span.doc[root.i - 1].lower_ in channel_nouns else None
    if name is None and root.lower_ in channel_nouns:
        name = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > root.i), None)
    if name is not None:
        words = [t for t in words if name.left_edge.i <= t.i <= name.i and t.pos_ == "PROPN"] or words
    text = doc_text(span.doc)[words[0].idx: words[-1].idx + len(words[-1].text)] if words else span.text
    if span.root.lower_ in {"broadcaster", "agency", "channel", "network", "station", "outlet", "paper", "newspaper"} and len(words) <= 1:
        earlier = resolver.channel_before(span.start_char)
        if earlier:
            return earlier
    return text


def _set_speaker(record: QuoteRecord, token, resolver: Resolver) -> None:
    """Set the record's speaker phrase, its offsets and its entity from the speaker's head token."""
    span = whole = _over_hyphened_start(_phrase(token))
    # cut relative clauses and appositions off a long subject ("Dravec, who ..."), not what an
    # unnamed source is ("a person familiar with the company's internal review")
    if len(span) > (12 if token.pos_ == "NOUN" and token.lemma_.lower() in word_list("source_nouns.txt") else 8):
        span = token.doc[token.i: token.i + 1] if token.pos_ == "PROPN" else token.doc[span.start: token.i + 1]
        name = min(((s, e) for s, e, _ in resolver.spans if s <= token.idx < e and s >= whole.start_char), default=None)
        if token.pos_ == "PROPN" and name is not None:
            # the whole name, not its last word ("Dana al-Masri", not "Masri"), nor a head inside it ("Park Min" of "Park Min-soo")
            span = token.doc.char_span(name[0], max(name[1], token.idx + len(token.text)), alignment_mode="expand") or span
    if token.pos_ == "NOUN" and token.lemma_.lower() in word_list("source_nouns.txt"):
        # "A ministry source, who asked not to be named,": what the source is, not the clause after the comma
        comma = next((t for t in span if t.i > token.i and t.text == ","), None)
        span = span[: comma.i - span.start] if comma is not None else span
    while len(span) > 1 and span[-1].text in {",", ";", "—", "–"}:  # "the harbour master, Piet Lindqvist,"
        span = span[:-1]
    while len(span) > 1 and span[0].i < token.i and not any(c.isalpha() for c in span[0].text):
        span = span[1:]  # "13:05 - Police in several regions": a live blog's time stamp is no part of the speaker
    dateline = WIRE_DATELINE.match(doc_text(token.doc), token.sent.start_char)
    if dateline and span.start_char < dateline.end() <= token.idx:  # the speaker, not the wire's dateline before it
        span = token.doc.char_span(dateline.end(), span.end_char, alignment_mode="expand") or span
    named = _name_it_gives_itself(token)
    if named is not None:
        # "The group, which calls itself BlackKestrel, says": the name the noun is given, not
        # whatever organisation "the group" would stand for alone
        ent = resolver.entity_in(named.idx, named.idx + len(named.text), person_first=False)
        if ent is not None and ent.type != "PERSON":
            span = token.doc[span.start: max(span.end, named.i + 1)]
            record.speaker_text, record.speaker_entity_id = span.text, ent.id
            record.extra["speaker_span"] = (span.start_char, span.end_char)
            return
    record.speaker_text, ent = _speaker(token, span, resolver, whole)
    if token.lower_ == "it" and ent is None:
        record.speaker_text = None  # an "it" nobody resolved is no speaker to show
        return
    record.speaker_entity_id = ent.id if ent else None
    record.extra["speaker_span"] = (span.start_char, span.end_char)


def _name_it_gives_itself(token):
    """The name token of "the group, which calls itself X" / "the gang, known as X", if any."""
    if token.pos_ != "NOUN":
        return None
    for clause in token.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in {"call", "name"} and any(
                c.dep_ == "dobj" and c.lower_ in {"itself", "themselves"} for c in clause.children):
            return next((c for c in clause.children if c.dep_ in {"oprd", "xcomp", "attr"} and c.pos_ == "PROPN"), None)
        if clause.dep_ == "acl" and clause.lemma_.lower() == "know":
            return next((p for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                         for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
    return None


def _person_in_subject(token, span: Span, resolver: Resolver) -> Entity | None:
    """The first person named in a speech verb's subject who can be its speaker.

    Not a possessor ("Acme's chief executive, Jo Doe": not Acme, even when the small model
    calls Acme a person) and not one inside a prepositional phrase of the subject ("Unions at
    the plant in Rauma warned": the unions spoke, not Rauma).
    """
    doc, text = token.doc, doc_text(token.doc)
    for start, end, ent in sorted(resolver.spans, key=lambda h: h[0]):
        if ent.type != "PERSON" or not (start < span.end_char and span.start_char < end):
            continue
        if text[end:end + 2] in ("'s", "’s"):
            continue
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        node, inside_prep = first.root, False
        while node.i != token.i and node.head.i != node.i:
            # a clause inside the subject names other people: "the official, who met Jo Doe, said"
            inside_prep = inside_prep or node.dep_ in ("prep", "pobj", "poss", "relcl", "acl", "advcl", "ccomp", "dobj")
            node = node.head
        if node.i == token.i and not inside_prep:
            return ent
    return None


def _speaker(token, span: Span, resolver: Resolver, whole: Span | None = None) -> tuple[str, Entity | None]:
    """Return (speaker phrase, entity) for the subject token of a speech verb; `whole` is the
    subject before a long apposition was cut off it, where the person may be named
    ("Tunland's sports minister, Ana Reyes, who ... said": Ana Reyes)."""
    text = span.text
    if token.lower_ in PRONOUNS:
        # the entities stage's resolution first: it checks gender, subjects and salience
        unnamed = _unnamed_speaker_before(token, resolver) if token.lower_ in PERSON_PRONOUNS else None
        if unnamed is not None:
            return unnamed.text, None  # "as a spokesman of the office told ... he said": that spokesman
        ent = resolver.pronouns.get(token.idx) or (resolver.person_before(token.idx) if token.lower_ in PERSON_PRONOUNS else None)
        return text, ent
    head = resolver.entity_in(token.idx, token.idx + len(token.text))
    if head is not None and head.type == "PERSON":
        return text, head  # "Acme chief executive Jo Doe said": the subject's head names the speaker
    ent = _person_in_subject(token, whole if whole is not None else span, resolver)
    if ent is not None:
        return text, ent
    ent = resolver.entity_in(token.idx, token.idx + len(token.text), person_first=False)
    if ent is None:
        # "the troubled shipping firm Acme Lines admitted": the name stands beside a description of it
        named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i]
        ent = next((resolver.entity_in(c.idx, c.idx + len(c.text), person_first=False) for c in named), None)
    if ent is None and token.pos_ == "NOUN":
        # "the company said": the organisation the entities stage took the description for
        ent = next((e for at, e in resolver.org_descriptions.items() if span.start_char <= at <= token.idx), None)
    if ent is None and token.pos_ in {"NOUN", "PROPN"} and span[0].lower_ == "the" and token.lower_ not in PERSON_NOUNS:
        # "The coast guard said" at a sentence's start is the organisation "the coast guard" names
        ent = resolver.org_named(span[1:].text)
    if ent is None and token.pos_ == "NOUN" and token.lower_ not in PERSON_NOUNS and not _is_agent_noun(token.lower_):
        # "the observer mission of the Nordic Institute said": the organisation the body belongs to
        owners = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        owner = next((resolver.entity_in(p.idx, p.idx + len(p.text), person_first=False) for p in owners), None)
        ent = owner if owner is not None and owner.type == "ORG" else None
    if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in token.children):
        return text, None  # "a senior official told ...": someone new, not a person named before
    aged = any(c.dep_ == "amod" and c.lower_ == "old" and any(g.lower_ in {"year", "years"} for g in c.children) for c in token.children)
    if token.pos_ == "NOUN" and token.tag_ == "NN" and (token.lower_ in PERSON_NOUNS or aged):
        # "the 47-year-old challenger": an age makes any noun a person
        # the entities stage read titles story-wide, so it also knows a governor named only later
        resolved = [p for at, p in resolver.descriptions.items() if span.start_char <= at < span.end_char]
        if resolved:
            return text, resolved[0]
        if _introduced_unnamed(token, resolver):
            return text, None  # "A club spokesperson denied it. '...,' the spokesperson said": that one, not a name before
        modifiers = tuple(fold(t.text) for t in span if t.i != token.i and t.dep_ in {"amod", "compound", "nmod"})
        person = resolver.person_before(token.idx, head=token.lower_, modifiers=modifiers)
        if person is not None:
            return text, person
    return text, ent


INDEFINITE_WORDS = frozenset({"a", "an", "another", "one"})


def _introduced_unnamed(token, resolver: Resolver) -> bool:
    """True when "the <noun>" at `token` takes up an unnamed "a/an/one ... <noun>" met earlier in the
    article, with no name apposed to it ("A club spokesperson denied it ... the spokesperson said"):
    that unnamed person speaks, not whoever was named before."""
    for earlier in token.doc[:token.i]:
        if earlier.lower_ != token.lower_ or earlier.pos_ != "NOUN":
            continue
        if not any(c.lower_ in INDEFINITE_WORDS and c.dep_ in {"det", "nummod"} for c in earlier.children):
            continue
        if any(c.dep_ == "appos" for c in earlier.children):
            continue  # "a spokesman, Jo Doe,": named after all
        if not any(s <= earlier.idx < e for s, e, _ in resolver.spans):
            return True
    return False


def _unnamed_speaker_before(pronoun, resolver: Resolver) -> Span | None:
    """The subject phrase of the latest speech verb before `pronoun`, in its sentence or the one
    before, when that subject is someone unnamed ("a spokesman of the office told ...") and no
    person is named between: the "he" of "..., he said" is that speaker, not a name further back."""
    doc, sent = pronoun.doc, pronoun.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    speech = word_list("speech_verbs.txt")
    subjects = [t for t in doc[first:pronoun.i] if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN"
                and t.head.lemma_.lower() in speech and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children)]
    if not subjects:
        return None
    phrase = _phrase(subjects[-1])
    if any(phrase.start_char <= s < pronoun.idx for s, _ in resolver.people):
        return None
    return phrase


def _speech_verb_tokens(doc: Doc) -> list[int]:
    """Indices of the doc's speech verbs (VERB or AUX with a lemma from speech_verbs.txt), found once per doc."""
    if "newsprism_speech_verbs" not in doc.user_data:
        verbs, strings = word_list("speech_verbs.txt"), doc.vocab.strings
        rows = doc.to_array([POS, LEMMA])
        lemmas = {h for h in np.unique(rows[:, 1]).tolist() if strings[h].lower() in verbs}
        doc.user_data["newsprism_speech_verbs"] = [
            i for i, (pos, lemma) in enumerate(rows.tolist()) if pos in (VERB, AUX) and lemma in lemmas
        ]
    return doc.user_data["newsprism_speech_verbs"]


def _speech_verbs(sent: Span, outside: tuple[int, int] | None) -> list:
    doc, found = sent.doc, []
    indices = _speech_verb_tokens(doc)
    for i in indices[bisect_left(indices, sent.start): bisect_left(indices, sent.end)]:
        token = doc[i]
        if outside and outside[0] <= token.idx < outside[1]:
            continue
        if _compared(token):
            continue  # "15 were arrested, three more than police said": a figure compared, no remark of the police
        found.append(token)
    return found


def _compared(verb) -> bool:
    """True for a speech verb in a comparison ("three more than police said", "fewer than the
    company had said"): the figure the sentence compares with, no remark reported."""
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].lower_ == "than"


def _according_to(sent: Span, outside: tuple[int, int] | None):
    doc = sent.doc
    if "newsprism_according" not in doc.user_data:  # where "according" stands, found once per doc
        doc.user_data["newsprism_according"] = np.flatnonzero(doc.to_array(LOWER) == get_string_id("according")).tolist()
    indices = doc.user_data["newsprism_according"]
    for i in indices[bisect_left(indices, sent.start): bisect_left(indices, sent.end)]:
        token = doc[i]
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            if outside and outside[0] <= token.idx < outside[1]:
                continue
            pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None and token.i + 2 < len(doc):
                pobj = doc[token.i + 2]
            return pobj
    return None


def attribute(record: QuoteRecord, sent: Span, resolver: Resolver) -> None:
    """Fill the speaker and channel of a record from its sentence's parse."""
    outside = (record.start, record.end) if record.direct else None
    # a speech verb inside reported words belongs to the report ("... than anyone had predicted")
    verbs = [v for v in _speech_verbs(sent, outside) if not record.start <= v.idx < record.end]
    verbs.sort(key=lambda v: min(abs(v.idx - record.start), abs(v.idx - record.end)))
    for verb in verbs:
        # "quoted X as saying/telling reporters": the subject-less "saying" hands over to "quoted"
        verb = _relaying_verb(verb) or verb
        if _outlet_voice(verb, resolver, outside):
            continue  # 'Officials called it "a blank cheque", the Clarion can reveal': not the Clarion's words
        while record.partial and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in word_list("speech_verbs.txt") \
                and _subject(verb.head, outside) is not None and not _outlet_voice(verb.head, resolver, outside):
            verb = verb.head  # 'Jo Doe said the town had warned them "three times"': the fragment is Jo Doe's
        hops = 0
        while not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children) and verb.head is not verb and hops < 2:
            head = verb.head.head if verb.head.pos_ == "ADP" else verb.head
            if head.lemma_.lower() not in word_list("speech_verbs.txt") | _relay_verbs():
                break
            verb, hops = head, hops + 1
        issuer = _document_issuer(verb, outside)
        if issuer is not None:
            _set_speaker(record, issuer, resolver)  # "handed him a note declaring ...": who issued the note
        else:
            _attribute_to_verb(record, verb, outside, resolver)
        if record.speaker_text is None and record.channel is None:
            _nearby_person(record, sent, verb, outside, resolver)
            if record.speaker_text is not None:
                # "Speaking to Radio X, the union's Jo Doe said:" parsed with Doe in apposition to the
                # station and no subject: the medium addressed is still the verb's
                _medium_addressed(record, verb, outside, resolver)
        if record.speaker_text or record.channel:
            break
    if record.speaker_text is None and record.channel is None and record.direct:
        _colon_speaker(record, sent, outside, resolver)
    according = _according_to(sent, outside)
    if according is not None and not _semicolon_between(sent, (according.idx, according.idx), (record.start, record.end)):
        phrase = _phrase(according)
        if _is_channel_phrase(phrase, resolver) or record.speaker_text:
            record.channel = record.channel or _channel_name(phrase, resolver)
            record.extra.setdefault("channel_span", (phrase.start_char, phrase.end_char))
        else:
            _set_speaker(record, according, resolver)


def _document_issuer(verb, outside: tuple[int, int] | None):
    """The subject of the verb that hands over a document which speaks ("The ministry ... handed
    him a note declaring the men persona non grata", "X issued a statement saying ..."): a
    subject-less speech verb hung on a noun is that document's words, and its issuer the one
    who speaks, not the person named nearest (the note's addressee)."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.dep_ in {"dobj", "nsubjpass", "pobj"}:
        governor = verb.head.head  # "a note declaring ..."
    elif verb.dep_ == "advcl" and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() not in word_list("speech_verbs.txt"):
        governor = verb.head  # the parse hangs "declaring" on "handed" itself
    else:
        return None
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    while governor.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in governor.children):
        governor = governor.head  # "summoned the ambassador and handed him a note": the first verb's subject
    subject = _subject(governor, outside)
    return None if subject is None or subject.lower_ in RELATIVE_PRONOUNS else subject


def _colon_speaker(record: QuoteRecord, sent: Span, outside: tuple[int, int] | None, resolver: Resolver) -> None:
    """The speaker of a quotation opened by a colon after a clause with no speech verb
    ('Velnet boss Jo Doe grovelled: "We failed ..."'): the subject of that clause, when it is a
    name or a person's description (a pronoun is left to the later steps)."""
    doc = sent.doc
    colon = next((t for t in reversed(list(sent)) if t.idx < record.start and t.text == ":"), None)
    if colon is None or doc_text(doc)[colon.idx + 1:record.start].strip(" \"“‘'") != "":
        return
    verb = colon.head if colon.head.i < colon.i and colon.head.pos_ in {"VERB", "AUX"} else None
    if verb is None:
        verb = next((t for t in sent if t.dep_ == "ROOT" and t.i < colon.i and t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        # 'Oduya snapped back: "I will not ..."': the parse made the quotation the main clause
        # and hung the clause before the colon on it; that clause's verb has the speaker
        verb = next((t for t in reversed(list(sent)) if t.i < colon.i and t.pos_ in {"VERB", "AUX"} and t.head.i > colon.i
                     and any(c.dep_ == "nsubj" for c in t.children)), None)
    subject = _subject(verb, outside) if verb is not None else None
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS or subject.pos_ not in {"PROPN", "NOUN"}:
        return
    _set_speaker(record, subject, resolver)


def _inside(token, outside: tuple[int, int] | None) -> bool:
    return bool(outside and outside[0] <= token.idx < outside[1])


def _subject(verb, outside: tuple[int, int] | None = None, deps: frozenset[str] = frozenset({"nsubj", "nsubjpass"})):
    """The subject of a speech verb outside the quotation (`claims.verb_subject`)."""
    return verb_subject(verb, verb.sent.start_char, deps, outside)


def _outlet_voice(verb, resolver: Resolver, outside: tuple[int, int] | None = None) -> bool:
    """True for a speech verb through which an outlet tells its own finding: its subject is the
    article's own outlet, or any name followed by an outlet's phrase of data/understand/outlet_voice.txt
    ("..., the Clarion can reveal", also when the page does not say which outlet it is)."""
    subject = _subject(verb, outside)
    if subject is None or subject.lower_ in PRONOUNS:
        return False
    if any(c.dep_ == "poss" and c.lower_ in OUTLET_POSSESSIVES for c in subject.children):
        return True  # "Our photographer at the pier says ...": the outlet's own staff, its own report
    phrase = _phrase(subject)
    if resolver.is_own_outlet(phrase):
        return True
    if subject.pos_ != "PROPN" or phrase.end_char > verb.idx:
        return False
    between = " ".join(doc_text(verb.doc)[phrase.end_char: verb.idx + len(verb.text)].lower().split())
    return between in word_list("outlet_voice.txt")


def _attribute_to_verb(record: QuoteRecord, verb, outside: tuple[int, int] | None, resolver: Resolver) -> None:
    subject = _subject(verb, outside)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "officials who said ...": the speaker is the noun the clause hangs on
    elif subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        subject = None
    if subject is None and verb.lemma_.lower() == "read":
        # '"...," read the joint statement': the text that reads is the object of the inverted verb
        subject = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not _inside(c, outside)), None)
    if verb.lemma_.lower() in _relay_verbs():
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and not _inside(c, outside)), None)
        if subject is not None and subject.dep_ == "nsubj":
            record.channel = _channel_name(_phrase(subject), resolver)
            record.extra["channel_span"] = (_phrase(subject).start_char, _phrase(subject).end_char)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:  # "X was quoted as saying by state TV"
            record.channel = _channel_name(_phrase(by), resolver)
            record.extra["channel_span"] = (_phrase(by).start_char, _phrase(by).end_char)
        if obj is not None:
            _set_speaker(record, obj, resolver)
    elif subject is not None:
        phrase = _phrase(subject)
        if _is_channel_phrase(phrase, resolver) and subject.lower_ not in PRONOUNS:
            record.channel = _channel_name(phrase, resolver)
            record.extra["channel_span"] = (phrase.start_char, phrase.end_char)
            resolver.channels.append((phrase.start_char, record.channel))
        else:
            _set_speaker(record, subject, resolver)
            _medium_addressed(record, verb, outside, resolver)


def _medium_addressed(record: QuoteRecord, verb, outside: tuple[int, int] | None, resolver: Resolver) -> None:
    """Set the channel a speaker spoke through: "X told state television", "X said on state radio".

    Only a phrase with a channel noun counts: "told the council" or "said to the EU" names an
    audience, not a medium."""
    if record.channel is not None:
        return
    phrases = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and verb.lemma_.lower() == "tell"]
    phrases += [p for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "on", "in"}
                for p in c.children if p.dep_ == "pobj"]
    # "Speaking to the Tovaria News Agency, he said": the medium of a speaking clause before the verb
    phrases += [p for a in verb.children if a.dep_ == "advcl" and a.lemma_.lower() in {"speak", "talk"} and not _inside(a, outside)
                for c in a.children if c.dep_ == "prep" and c.lower_ in {"to", "on"} for p in c.children if p.dep_ == "pobj"]
    # "said in a statement carried by the state news agency QNA": the agent of a carrying verb
    carriers = word_list("carry_verbs.txt")
    phrases += [p for d in verb.subtree if d.dep_ in {"acl", "relcl"} and d.lemma_.lower() in carriers and not _inside(d, outside)
                for a in d.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    channel_nouns = word_list("channel_nouns.txt")
    # "in a statement posted on X", "in a video posted on the company's website": where the words were put out
    held = [p for p in phrases if p.pos_ == "NOUN"]
    phrases += [m for p in held for a in p.children if a.dep_ == "acl" and not _inside(a, outside)
                for c in a.children if c.dep_ == "prep" and c.lower_ in {"on", "by"} for m in c.children if m.dep_ == "pobj"]
    # "in a statement on the union's website": the same with no verb between (only a channel noun counts below,
    # so "a statement on the strike" names none)
    phrases += [m for p in held for c in p.children if c.dep_ == "prep" and c.lower_ == "on" and not _inside(c, outside)
                for m in c.children if m.dep_ == "pobj"]
    # "in an interview with the Solvik Ledger": only media hold interviews, so the organisation is the channel
    interviewers = [m for p in held if p.lower_ in word_list("interview_nouns.txt")
                    for c in p.children if c.dep_ == "prep" and c.lower_ == "with" for m in c.children if m.dep_ == "pobj"]
    phrases = interviewers + phrases
    for token in phrases:
        phrase = _phrase(token)
        if any(c.dep_ == "appos" and c.i > token.i and (p := resolver.entity_in(*_chars(_phrase(c)))) is not None
               and p.type == "PERSON" for c in token.children):
            # "Speaking to Radio X, the union's Jo Doe said": the parse hung the speaker on the station
            phrase = token.doc[token.left_edge.i: token.i + 1]
        if token in interviewers and token.pos_ == "PROPN" and not _inside(token, outside) and len(phrase) <= 8:
            ent = resolver.entity_in(phrase.start_char, phrase.end_char, person_first=False)
            if ent is None or ent.type == "ORG" or phrase[0].lower_ == "the":  # "the Quarry Sentinel" is no person
                record.channel = _channel_name(phrase, resolver)
                record.extra["channel_span"] = (phrase.start_char, phrase.end_char)
                return
        named_medium = token.pos_ == "PROPN" and any(t.lower_ in channel_nouns for t in phrase)  # "Radio Vesta"
        if not named_medium and token.pos_ == "PROPN":  # "told AFP", "told Reuters": an outlet of the registry
            ent = resolver.entity_in(phrase.start_char, phrase.end_char, person_first=False)
            named_medium = ent is not None and ent.type == "ORG" and resolver.is_medium(ent)
        own = token.text[:1].isupper() and resolver.is_own_outlet(phrase)
        if not named_medium and own:
            # "told the Torch" on the Torch's own page (whatever the tagger made of "Torch"): no entity,
            # as the outlet's own voice is no actor (entities.collect_mentions), still the channel
            named_medium = True
        if token.lower_ in OWN_OUTLET_PRONOUNS and resolver.own_name and not _inside(token, outside):
            _own_channel(record, token, resolver)  # '"...," he told us' on the outlet's own page: it heard him itself
            return
        if _inside(token, outside) or len(phrase) > 8 or not (token.lower_ in channel_nouns or named_medium):
            continue
        if any(c.dep_ in {"det", "poss"} and c.lower_ in {"this", "our"} for c in token.children):
            # "said ... to this newspaper", "told our radio": the outlet itself heard it, no relaying channel
            if resolver.own_name:
                _own_channel(record, phrase, resolver)
                return
            continue
        record.channel = _channel_name(phrase, resolver)
        record.extra["channel_span"] = (phrase.start_char, phrase.end_char)
        if own:
            record.extra["own_channel"] = True  # heard first hand: another page's "told state radio" goes before it
        return


def _own_channel(record: QuoteRecord, words, resolver: Resolver) -> None:
    """The channel of a remark told to the outlet that prints it ("he told us", "said to this
    newspaper", "told our radio"): the outlet itself, by the name its article goes by, as "told
    the Torch" on the Torch's own page is. Marked, so that another outlet's name for the channel
    ("told VRTV" on a wire's page) names one rendering that both print (`_variant_channel`)."""
    record.channel = resolver.own_name
    record.extra["own_channel"] = True
    start = words.idx if hasattr(words, "idx") else words.start_char
    end = start + len(words.text)
    record.extra["channel_span"] = (start, end)


def _nearby_person(record: QuoteRecord, sent: Span, verb, outside: tuple[int, int] | None, resolver: Resolver) -> None:
    """When the parse gives the speech verb no subject, take the person named next to it ('"...," X said')."""
    lo, hi = sent.start_char, sent.end_char
    candidates = [
        (s, e, ent) for s, e, ent in resolver.spans
        if ent.type == "PERSON" and lo <= s < hi and not (outside and outside[0] <= s < outside[1]) and abs(s - verb.idx) < 160
    ]
    if not candidates:
        return
    s, e, ent = min(candidates, key=lambda c: abs(c[0] - verb.idx))
    record.speaker_text, record.speaker_entity_id = doc_text(sent.doc)[s:e], ent.id
    record.extra["speaker_span"] = (s, e)


def _sentence_channels(sent: Span, resolver: Resolver) -> None:
    """Remember channels named in a sentence ('state television said ...') for later 'the broadcaster'."""
    for verb in _speech_verbs(sent, None):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in PRONOUNS:
            phrase = _phrase(subject)
            if _is_channel_phrase(phrase, resolver):
                resolver.channels.append((phrase.start_char, _channel_name(phrase, resolver)))


def _is_partial(content_start: int, sent_start: int, sent_text: str, content: str) -> bool:
    before = sent_text[: max(0, content_start - sent_start - 1)].strip()
    if content[:1].islower():
        return True
    if not before:
        return False
    return not before.endswith((":", ",", "—", "-")) and len(before.split()) >= 3


def article_quotes(article_id: str, doc: Doc, sentence_bounds: list[tuple[int, int]], entities: list[Entity], outlets=(),
                   own_outlet: str | None = None) -> list[QuoteRecord]:
    """Return the direct, partial and indirect quote records of one article (steps 1-2).

    `outlets`, the names of the story's outlets: "told the Herald" names a channel when the
    Tigris Herald is one of them; `own_outlet`, the article's own, whose "can reveal" is no quote."""
    # names only: the resolver reads "he said" and "the broadcaster said" itself, and a "his"
    # or "the company" near the verb must not become the speaker or channel phrase (PolNeAR
    # speaker F1 0.758 with them, 0.761 without)
    spans = [(m.start, m.end, e) for e in entities for m in e.mentions if m.article_id == article_id and m.start is not None and m.kind not in {"pronoun", "description"}]
    # sorted by offset only: two mentions may start together
    people = sorted(((s, e) for s, _, e in spans if e.type == "PERSON"), key=lambda p: p[0])
    resolver = Resolver(article_id, [(s, e) for s, e in people], spans, outlets=outlet_keys(outlets),
                        own_outlet=outlet_keys([own_outlet] if own_outlet else []), own_name=own_outlet or None)
    # a person's pronouns, and "it" the entities stage took for an organisation ("It said last year that ...")
    resolver.pronouns = {m.start: e for e in entities for m in e.mentions if m.article_id == article_id and m.kind == "pronoun"
                         and (e.type == "PERSON" or e.type == "ORG" and m.text.lower() == "it")}
    resolver.genders = _pronoun_genders(entities)
    resolver.descriptions = {m.start: e for e in entities for m in e.mentions if m.article_id == article_id and m.kind == "description" and e.type == "PERSON"}
    resolver.org_descriptions = {m.start: e for e in entities for m in e.mentions if m.article_id == article_id and m.kind == "description" and e.type == "ORG"}
    quoted = [q for q in quote_spans(doc_text(doc)) if not is_scare_quote(doc_text(doc)[q[0]:q[1]])]
    records: list[QuoteRecord] = []
    sents = sentences(doc)
    previous: QuoteRecord | None = None
    for index, (sent, (s_start, s_end)) in enumerate(zip(sents, sentence_bounds)):
        _sentence_channels(sent, resolver)
        inside = [q for q in quoted if s_start - 1 <= q[0] < s_end]
        sent_text = doc_text(doc)[s_start:s_end]
        if inside:
            for q_start, q_end in inside:
                content = doc_text(doc)[q_start:q_end].strip().rstrip(",")
                record = QuoteRecord(article_id, content, q_start, q_end, s_start, s_end, sent_text, direct=True,
                                     partial=_is_partial(q_start, s_start, sent_text, content))
                attribute(record, sent, resolver)
                closing = _closing_sentence(q_end, index, sentence_bounds)
                if closing != index:  # a quotation over a sentence end is one record of all its sentences
                    record.sentence_end = sentence_bounds[closing][1]
                    record.sentence_text = doc_text(doc)[s_start:record.sentence_end]
                if record.speaker_text is None and record.channel is None and closing != index:
                    # '"First sentence. Second sentence," she said.': the attribution stands in the
                    # sentence where the quotation closes, not where it opens
                    attribute(record, sents[closing], resolver)
                following = sents[closing + 1] if closing + 1 < len(sents) else None
                if record.speaker_text is None and record.channel is None and following is not None and len(following) <= 8:
                    # the tagger often splits '"...," she said.' after the closing mark
                    attribute(record, following, resolver)
                _nearest_named(record, index, sentence_bounds, resolver)
                if (record.speaker_text or "").lower() in PERSON_PRONOUNS and previous is not None and previous.speaker_text \
                        and previous.sentence_end >= s_start - 3 and previous.sentence_start < s_start:
                    # '"...," he added.' right after a quote: the previous quote's speaker, even one only described
                    record.speaker_entity_id = previous.speaker_entity_id
                if (record.speaker_text is None and previous is not None and previous.sentence_end >= s_start - 3 and not _speech_verbs(sent, (q_start, q_end))
                        and not _other_subject(sent, (q_start, q_end), previous, resolver)):
                    record.speaker_text, record.speaker_entity_id = previous.speaker_text, previous.speaker_entity_id
                    for key in ("speaker_span", "channel_span"):
                        if key in previous.extra:
                            record.extra[key] = previous.extra[key]
                    record.channel = record.channel or previous.channel
                records.append(record)
                previous = record
            if previous is not None and previous.speaker_text:
                records.extend(_clauses_beside_quotes(article_id, sent, s_start, s_end, sent_text, inside, previous))
            continue
        if any(q_start < s_start < q_end for q_start, q_end in quoted):
            continue  # the rest of a quotation opened in an earlier sentence, no paraphrase of its own
        record = _indirect(article_id, sent, s_start, s_end, sent_text, resolver)
        if record is not None:
            records.append(record)
            records.extend(_according_beside(article_id, sent, s_start, s_end, sent_text, resolver, record))
        previous = None
    _mark_joint_documents(records, doc_text(doc))
    return records


def _pronoun_genders(entities: list[Entity]) -> dict[str, set[str]]:
    """Entity id -> the genders its given name and the pronouns the entities stage gave it show."""
    by_pronoun = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
    genders: dict[str, set[str]] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        shown = {by_pronoun[m.text.lower()] for m in e.mentions if m.kind == "pronoun" and m.text.lower() in by_pronoun}
        given = given_names().get(e.name.split()[0].lower()) if e.name.split() else None
        genders[e.id] = {given} if given else shown
    return genders


def _nearest_named(record: QuoteRecord, index: int, sentence_bounds: list[tuple[int, int]], resolver: Resolver) -> None:
    """'X defended the decision. "...," she said.': a he/she speaker is the person of that gender
    named nearest before, in the quote's sentence or the one before it, not a more salient person
    named earlier (the entities stage weighs salience, which a new speaker introduced just before
    the quote lacks)."""
    pronoun = (record.speaker_text or "").lower()
    if pronoun not in {"he", "she"} or "speaker_span" not in record.extra:
        return
    at = record.extra["speaker_span"][0]
    opens = next((k for k, (s, e) in enumerate(sentence_bounds) if s <= record.start < e), index)
    window_start = sentence_bounds[max(opens - 1, 0)][0]
    near = [(s, e) for s, e in resolver.people if window_start <= s < at and not (record.start <= s < record.end)]
    if not near or any(e.id == record.speaker_entity_id for _, e in near):
        return
    gender = "male" if pronoun == "he" else "female"
    fitting = [e for _, e in near if not (resolver.genders.get(e.id, set()) - {gender})]
    if fitting:
        record.speaker_entity_id = fitting[-1].id


@lru_cache(maxsize=1)
def _joint_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The story's joint documents (joint_documents.txt): named anywhere, as the speaker phrase,
    and as "in a joint statement"; and a speaker phrase whose head is such a document ("the statement")."""
    phrases = "|".join(re.escape(p) for p in sorted(word_list("joint_documents.txt"), key=len, reverse=True))
    heads = "|".join(sorted({re.escape(p.split()[-1]) for p in word_list("joint_documents.txt")}))
    named = re.compile(rf"\b(?:{phrases})\b", re.I)
    within = re.compile(rf"\bin\s+(?:a|the|their|its)\s+(?:{phrases})\b", re.I)
    document = re.compile(rf"^(?:the|a|their|its)\s+(?:[\w-]+\s+)?(?:{heads})\b", re.I)
    return named, within, document


def _mark_joint_documents(records: list[QuoteRecord], text: str) -> None:
    """Mark the records that render a joint document of an article naming one: said by "the
    (joint) statement", or "In a joint statement, X and Y said ...". A document has no entity;
    the mark lets `group_quotes` take its renderings across articles as one speaker's."""
    named, within, document = _joint_patterns()
    if not named.search(text):
        return
    for r in records:
        speaker = (r.speaker_text or "").strip()
        if document.match(speaker) or within.search(r.sentence_text):
            r.extra["document"] = "joint"


def _closing_sentence(q_end: int, index: int, sentence_bounds: list[tuple[int, int]]) -> int:
    """Index of the sentence in which a quotation opened in sentence `index` closes."""
    while index + 1 < len(sentence_bounds) and sentence_bounds[index + 1][0] < q_end:
        index += 1
    return index


def _other_subject(sent: Span, outside: tuple[int, int], previous: QuoteRecord, resolver: Resolver) -> bool:
    """True when the sentence around a quote is about something else than the last speaker:
    its main verb has a subject outside the quotation, no pronoun, that names no one or someone
    else ('The joint statement commits the two sides to ... "only by dialogue"' after a critic's
    quote is the statement's wording, not the critic's)."""
    subject = _subject(sent.root, outside)
    if subject is None or subject.pos_ == "PRON" or subject.lower_ in PRONOUNS:
        return False
    phrase = _phrase(subject)
    entity = resolver.entity_in(phrase.start_char, phrase.end_char)
    return entity is None or entity.id != previous.speaker_entity_id


def _indirect(article_id: str, sent: Span, s_start: int, s_end: int, sent_text: str, resolver: Resolver) -> QuoteRecord | None:
    """Return an indirect-speech record ("X said that ...") for a sentence without quotation marks."""
    for verb in _speech_verbs(sent, None):
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and not _semicolon_between(
            sent, (c.left_edge.idx, c.right_edge.idx), (verb.idx, verb.idx))), None)
        if clause is None and verb.dep_ == "ccomp" and _compared(verb.head):
            # "X said 15 were arrested, three more than police said": the parse hung the statement
            # on the compared "said"; the one after this verb is this verb's
            clause = next((c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        subject = _subject(verb, deps=frozenset({"nsubj"}))
        if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            subject = _subject(verb.head, deps=frozenset({"nsubj"}))  # "Jo Doe apologised and said ..."
        if subject is not None and (resolver.is_own_outlet(_phrase(subject)) or _outlet_voice(verb, resolver)):
            continue  # "..., the Night Courier can reveal": the article's own voice
        if clause is None and subject is not None:
            trailing = _trailing_statement(sent, verb, subject)
            if trailing is not None:
                record = QuoteRecord(article_id, trailing[2], trailing[0], trailing[1], s_start, s_end, sent_text, direct=False)
                attribute(record, sent, resolver)
                if record.speaker_text or record.channel:
                    return record
            continue
        # "State radio quoted X as saying ...": "saying" has no subject of its own; "quoted" does
        relayed = subject is None and _relaying_verb(verb) is not None
        if clause is None or (subject is None and not relayed) or verb.lemma_.lower() in _relay_verbs():
            continue
        if clause.pos_ not in {"VERB", "AUX"}:
            continue  # "declared Straka the winner": an act with two objects, no reported clause
        span = _clause_phrase(clause)
        start, end = span.start_char, span.end_char
        if span[0].lower_ == "that":
            start = span[1].idx if len(span) > 1 else start
        text = doc_text(sent.doc)
        speech = word_list("speech_verbs.txt")
        second = next((t for t in span if t.i > span.start and t.dep_ == "conj" and t.lemma_.lower() in speech
                       and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)), None)
        if second is not None:  # "told reporters he would meet them and said ...": the first remark ends before "and said"
            cut = second.i
            while cut - 1 > span.start and (sent.doc[cut - 1].dep_ == "cc" or sent.doc[cut - 1].is_punct):
                cut -= 1
            end = min(end, sent.doc[cut - 1].idx + len(sent.doc[cut - 1].text))
        dateline = WIRE_DATELINE.match(text, start, end)
        start = dateline.end() if dateline else start
        # where the attribution begins: its first subject ("..., the state news agency QNA reported"), not one in a dateline
        # a closing subject the parse hung on the statement ("..., the Crisis Agency (CA) said")
        closing = subject is not None and subject.head is not verb and start < subject.left_edge.idx < verb.idx
        attribution = min([verb.idx] + [c.left_edge.idx for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.left_edge.idx > start]
                          + ([subject.left_edge.idx] if closing else []))
        first_word = next((t for t in sent if not t.is_punct), None)
        # (a closing subject is cut off also after a wire dateline, where the statement starts past the first word)
        if first_word is not None and start <= first_word.idx and end < attribution or closing and attribution < end:
            # "<statement>, witnesses said.": the statement is everything before the attribution,
            # also the conjuncts the parse hung on the verb instead of the clause ("..., and the crush began ...")
            end = start + len(text[start:attribution].rstrip().rstrip(",;:—–").rstrip())
        content = _without_full_stop(text[start:end].strip())
        end = start + len(content)
        # a clause with a subject of its own is a statement however short ("it would investigate")
        whole = len(content.split()) >= 3 and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        if len(content.split()) < 4 and not whole:
            continue
        record = QuoteRecord(article_id, content, start, end, s_start, s_end, sent_text, direct=False)
        attribute(record, sent, resolver)
        if record.speaker_text is None and record.channel is None:
            continue
        return record
    return _according_clause(article_id, sent, s_start, s_end, sent_text, resolver)


def _trailing_statement(sent: Span, verb, subject) -> tuple[int, int, str] | None:
    """(start, end, text) of the statement before a closing attribution the parse hung no
    clause on: "About 300 people marched past the court, police said." Only when the
    attribution ends the sentence and a comma sets it off."""
    doc, text = sent.doc, doc_text(sent.doc)
    left = subject.left_edge
    if left.i <= sent.start or doc[left.i - 1].text != "," or subject.i > verb.i:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1: sent.end]):
        return None
    words = [t for t in doc[sent.start: left.i - 1] if not t.is_space]
    if not words or not any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    start = words[0].idx
    dateline = WIRE_DATELINE.match(text, start, left.idx)
    start = dateline.end() if dateline else start
    content = _without_full_stop(text[start: doc[left.i - 1].idx].strip())
    if len(content.split()) < 4:
        return None
    return start, start + len(content), content


def _clauses_beside_quotes(article_id: str, sent: Span, s_start: int, s_end: int, sent_text: str,
                           quoted: list[tuple[int, int]], speaker: QuoteRecord) -> list[QuoteRecord]:
    """Indirect remarks the speaker of a sentence's quote makes in the same sentence, outside the
    quotation marks: "'...,' Vell said, adding that the ferry would run again" and "Vell said a 'full
    review' had begun and that the port would stay shut" (the clause after "and that")."""
    speech, out = word_list("speech_verbs.txt"), []
    for token in sent:
        head = token.head
        if token.dep_ == "ccomp" and head.dep_ in {"advcl", "xcomp", "conj"} and head.lemma_.lower() in speech \
                and not _past_hyphen(token) and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            clause = _clause_phrase(token)  # "adding that ..."
        elif token.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in speech and any(c.dep_ == "mark" for c in token.children):
            clause = sent.doc[min(c.i for c in token.children if c.dep_ == "mark"): token.right_edge.i + 1]  # "... and that ..."
        else:
            continue
        if clause[0].lower_ == "that":
            clause = clause[1:]
        if not len(clause) or any(q_start < clause.end_char and clause.start_char < q_end for q_start, q_end in quoted):
            continue
        start = clause.start_char
        content = _without_full_stop(doc_text(sent.doc)[start:clause.end_char].strip())
        if len(content.split()) < 4:
            continue
        record = QuoteRecord(article_id, content, start, start + len(content), s_start, s_end, sent_text, direct=False,
                             speaker_text=speaker.speaker_text, speaker_entity_id=speaker.speaker_entity_id)
        record.extra = {k: v for k, v in speaker.extra.items() if k == "speaker_span"}
        out.append(record)
    return out


def _according_beside(article_id: str, sent: Span, s_start: int, s_end: int, sent_text: str, resolver: Resolver,
                      found: QuoteRecord) -> list[QuoteRecord]:
    """The "<statement>, according to X" clause of a sentence a semicolon splits, beside the
    remark already found in another clause ("..., according to the union; the coast guard said ...")."""
    cuts = [t.i for t in sent if t.text == ";"]
    out = []
    for start, end in zip([sent.start] + [c + 1 for c in cuts], cuts + [sent.end]):
        part = sent.doc[start:end]
        if not len(part) or part.start_char <= found.start < part.end_char:
            continue
        record = _according_clause(article_id, part, s_start, s_end, sent_text, resolver)
        if record is not None and not (record.start < found.end and found.start < record.end):
            out.append(record)
    return out


def _semicolon_between(sent: Span, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when a semicolon of the sentence stands between two character ranges: it joins two
    clauses of their own, so a source or statement on one side is no part of the other's
    ("X, according to the union; the coast guard said that Y")."""
    low, high = min(a[1], b[1]), max(a[0], b[0])
    return any(t.text == ";" and low <= t.idx < high for t in sent)


def _without_full_stop(content: str) -> str:
    """An indirect remark without the sentence's full stop, as the other records are ("U.S." keeps its dot)."""
    return content[:-1] if re.search(r"[a-z0-9)\]”’\"']\.$", content) else content


def _according_clause(article_id: str, sent: Span, s_start: int, s_end: int, sent_text: str, resolver: Resolver) -> QuoteRecord | None:
    """Return an indirect record for "According to X, <statement>." / "<statement>, according to X."
    (no speech verb): the statement is the content, X the speaker or, when a medium, the channel."""
    pobj = _according_to(sent, None)
    if pobj is None or _speech_verbs(sent, None):  # a speech verb the parse could not use: no safe reading
        return None
    doc, text = sent.doc, doc_text(sent.doc)
    according = doc[pobj.i - 2] if pobj.i >= 2 and doc[pobj.i - 1].lower_ == "to" else pobj.head.head
    if according.lower_ != "according":
        return None
    phrase = doc[according.i: max(according.right_edge.i, pobj.right_edge.i) + 1]
    # a line break ends a sentence as a token of its own: no word of the statement
    before = [t for t in sent if t.i < phrase.start and not t.is_punct and not t.is_space]
    after = [t for t in sent if t.i >= phrase.end and not t.is_punct and not t.is_space]
    named = None
    if not before and after:  # "According to X, ..."
        words = after
        named = _apposed_person(doc, phrase.end, sent.end, resolver)
        if named is not None:  # "According to the prosecutor, Jo Doe, the money ...": Jo Doe speaks
            words = [t for t in words if t.i >= named[1]]
    elif before and not after:  # "..., according to X."
        words = before
    elif _between_commas(doc, phrase, sent):
        # "The insurers, according to a source close to the firm, have set money aside.": the
        # phrase set off by commas is an aside; the statement is the sentence around it
        words = before + after
    else:
        return None  # in mid-sentence without commas around it the statement's bounds are unclear
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    dateline = WIRE_DATELINE.match(text, start, end)
    start = dateline.end() if dateline else start
    if before and after:  # the aside cut out: "The insurers have set money aside"
        content = _without_full_stop(f"{text[start:before[-1].idx + len(before[-1].text)]} {text[after[0].idx:end]}".strip())
        end = after[-1].idx + len(after[-1].text)
    else:
        content = _without_full_stop(text[start:end].strip())
        end = start + len(content)
    if len(content.split()) < 4:
        return None
    record = QuoteRecord(article_id, content, start, end, s_start, s_end, sent_text, direct=False)
    attribute(record, sent, resolver)
    if named is not None and record.speaker_entity_id is None:
        person = doc[named[0]: named[1] - 1]
        record.speaker_text, record.speaker_entity_id = f"{phrase[2:].text}, {person.text}", named[2].id
        record.extra["speaker_span"] = (phrase[2].idx, person.end_char)
    # "according to official figures" is a source, not a speaker: keep named speakers, media,
    # and people described by what they are ("according to local officials")
    people = (pobj.tag_ == "NNS" and pobj.lemma_.lower() in PERSON_NOUNS
              or pobj.tag_ in {"NN", "NNS"} and (pobj.lower_ in word_list("source_nouns.txt") or pobj.lemma_.lower() in word_list("source_nouns.txt")))
    # a body speaks too: "according to the ministry", "according to the ministry's statement",
    # "according to the union that represents the crew"
    body = next((t for t in [pobj, *(c for c in pobj.children if c.dep_ == "poss")] if t.lemma_.lower() in _speaking_bodies()), None)
    if body is not None and record.speaker_entity_id is None and (record.speaker_text is None or body is not pobj):
        # "the ministry's statement": the ministry speaks
        speaker = doc[body.left_edge.i: body.i + 1]
        record.speaker_text = speaker.text
        record.extra["speaker_span"] = (speaker.start_char, speaker.end_char)
    issuing = word_list("carry_verbs.txt") | word_list("issue_verbs.txt")
    issued = [c for c in pobj.children if c.dep_ == "acl" and c.lemma_.lower() in issuing] if pobj.pos_ == "NOUN" else []
    issuer = next((p for a in issued for g in a.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"), None)
    if issuer is not None and _is_channel_phrase(_phrase(issuer), resolver):
        issuer = None  # "a statement carried by the state news agency": a medium relays, attribute() took it as the channel
    if issuer is not None and body is None and not people:
        # "According to a statement posted on X by the safety authority, ...": the authority
        # speaks, through the medium the statement was put out on
        _set_speaker(record, issuer, resolver)
        medium = next((p for a in issued for g in a.children if g.dep_ == "prep" and g.lower_ == "on"
                       for p in g.children if p.dep_ == "pobj" and p.lower_ in word_list("channel_nouns.txt")), None)
        record.channel = record.channel or (_channel_name(_phrase(medium), resolver) if medium is not None else None)
        people = record.speaker_text is not None
    return record if record.speaker_entity_id or record.channel or people or body is not None else None


def _between_commas(doc: Doc, phrase: Span, sent: Span) -> bool:
    """True when an "according to" phrase in mid-sentence is set off by commas on both sides."""
    return (phrase.start > sent.start and doc[phrase.start - 1].text == ","
            and phrase.end < sent.end and doc[phrase.end].text == ",")


@lru_cache(maxsize=1)
def _speaking_bodies() -> frozenset[str]:
    """Head nouns of bodies that are a source which speaks: the public bodies and businesses of
    data/understand/org_kinds.csv and the other bodies of data/understand/speaking_bodies.txt."""
    return frozenset(row["word"] for row in table("org_kinds.csv")) | word_list("speaking_bodies.txt")


def _apposed_person(doc: Doc, at: int, stop: int, resolver: Resolver) -> tuple[int, int, Entity] | None:
    """(first token, token after the closing comma, person) for a person named between commas
    right after an "according to" phrase, which the parse did not hang on it:
    "According to the prosecutor, Jo Doe, the money ..."."""
    i = at
    while i < stop and doc[i].is_punct and doc[i].text == ",":
        i += 1
    if i == at or i >= stop:
        return None
    for s, e, ent in resolver.spans:
        if ent.type == "PERSON" and s == doc[i].idx:
            j = i
            while j < stop and doc[j].idx < e:
                j += 1
            if j < stop and doc[j].text == ",":
                return i, j + 1, ent
    return None


# --------------------------------------------------------------------------- step 3


@lru_cache(maxsize=8192)
def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", fold(text)).strip()


# Translations of one remark can read further apart than SAME_REMARK ("no effort will be spared
# until the last person is pulled from the rubble" / "we will not rest until every last person
# has been brought out from under the ruins": cosine 0.59) while the same speaker's other remarks
# in those articles read further still (0.31-0.46). Two renderings of one speaker in two
# articles are then one remark when each is the other's closest, at least SAME_REMARK_MUTUAL,
# and at least MUTUAL_MARGIN closer than any other remark of that speaker in either article, and
# one of them quotes the speaker's words (two paraphrases in the outlets' own words read alike
# when they report one event: SAME_REMARK alone decides for them). With one remark on each side
# there is nothing to be closer than, and SAME_REMARK alone decides.
SAME_REMARK_MUTUAL = 0.55
MUTUAL_MARGIN = 0.1


def _mutual_renderings(by_speaker: dict[str, list[int]], records: list[QuoteRecord], vectors: np.ndarray, row: dict[int, int]) -> list[tuple[int, int]]:
    """Pairs of one speaker's records in two articles that are each other's clear closest rendering."""
    out = []
    for a_side, b_side, sims in _speaker_article_pairs(by_speaker, records, vectors, row):
        if len(a_side) == 1 and len(b_side) == 1:
            continue
        for ai, bj, best in _closest_both_ways(a_side, b_side, sims, records, SAME_REMARK_MUTUAL):
            others = [v for k, v in enumerate(sims[ai]) if k != bj] + [v for k, v in enumerate(sims[:, bj]) if k != ai]
            if all(v <= best - MUTUAL_MARGIN for v in others):
                out.append((a_side[ai], b_side[bj]))
    return out


def _speaker_article_pairs(by_speaker: dict[str, list[int]], records: list[QuoteRecord], vectors: np.ndarray, row: dict[int, int]):
    """For each speaker and each two of their articles: the two articles' records and their cosines."""
    for idx in by_speaker.values():
        by_article: dict[str, list[int]] = {}
        for i in idx:
            if i in row:
                by_article.setdefault(records[i].article_id, []).append(i)
        articles = sorted(by_article)
        for x, first in enumerate(articles):
            for second in articles[x + 1:]:
                a_side, b_side = by_article[first], by_article[second]
                yield a_side, b_side, np.asarray([[float(vectors[row[i]] @ vectors[row[j]]) for j in b_side] for i in a_side])


def _closest_both_ways(a_side: list[int], b_side: list[int], sims: np.ndarray, records: list[QuoteRecord], floor: float):
    """(row, column, cosine) of records that are each other's closest, at least `floor` alike,
    one of them quoting the speaker's words (two outlets' own paraphrases: only SAME_REMARK joins them)."""
    for ai, i in enumerate(a_side):
        bj = int(sims[ai].argmax())
        if sims[ai, bj] < floor or int(sims[:, bj].argmax()) != ai:
            continue
        if records[i].direct or records[b_side[bj]].direct:
            yield ai, bj, sims[ai, bj]


# Renderings of one remark in two languages' words may read just below SAME_REMARK_MUTUAL
# ("The people have spoken, and we accept their verdict with humility" / "The voters have
# spoken and we accept their decision humbly": cosine 0.55; "Both parties will review all
# available data together ..." / "Both sides will go through all the data together ...":
# 0.65, alone on each side). The same speaker's two renderings are then one remark when they
# are each other's closest in the two articles, read at least SAME_REMARK_SHARED_WORDS alike
# and share at least SHARED_STEMS content words making SHARED_SHARE of the shorter one's:
# words in common are a signal the sentence model does not weigh. A joint document's
# renderings need one shared word: it is one text, with no other remarks to mistake.
SAME_REMARK_SHARED_WORDS = 0.5
SHARED_STEMS = 2
SHARED_SHARE = 0.25


def _shared_word_renderings(by_speaker: dict[str, list[int]], records: list[QuoteRecord], vectors: np.ndarray, row: dict[int, int]) -> list[tuple[int, int]]:
    """Pairs of one speaker's records in two articles, each the other's closest, that share content words."""
    out = []
    for a_side, b_side, sims in _speaker_article_pairs(by_speaker, records, vectors, row):
        for ai, bj, _ in _closest_both_ways(a_side, b_side, sims, records, SAME_REMARK_SHARED_WORDS):
            i, j = a_side[ai], b_side[bj]
            mine, theirs = set(_stems(records[i].text)), set(_stems(records[j].text))
            shared = mine & theirs
            # one document is one text: a single shared word will do for two renderings of it
            if records[i].extra.get("document") and shared or (
                    len(shared) >= SHARED_STEMS and len(shared) >= SHARED_SHARE * min(len(mine), len(theirs))):
                out.append((i, j))
    return out


# A partial quote of at most this many words is a fragment of a fuller rendering of the same
# remark when all its content words stand in it: "deeply regrets" / "We deeply regret the loss
# of life ..." (cosine 0.44: the sentence model reads two words and a sentence as far apart).
FRAGMENT_MAX_WORDS = 6


def _stems(text: str) -> list[str]:
    """Content-word stems of a quote: lower case, stop words (spaCy's English list) out, -s/-ed/-ing cut."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS]
    # a crude suffix cut, not a stemmer: only to meet "regrets" / "regret", "warned" / "warn"
    return [re.sub(r"(?:ing|ed|es|e|s)$", "", w) if len(w) > 4 else w for w in words]


def _fragment_of(part: QuoteRecord, whole: QuoteRecord) -> bool:
    """True when `part`, a short partial quote, is a fragment of `whole`: every content word of it is in `whole`."""
    if _cut_short(part) and part.direct and whole.direct:
        words = _normal(part.text.rstrip(".… ")).split()
        return 3 <= len(words) < len(_normal(whole.text).split()) and _normal(whole.text).split()[:len(words)] == words
    if not (part.direct and part.partial) or len(part.text.split()) > FRAGMENT_MAX_WORDS or len(whole.text.split()) <= len(part.text.split()):
        return False
    stems = _stems(part.text)
    return len(stems) >= 2 and set(stems) <= set(_stems(whole.text))


def _lead_and_quote(by_speaker: dict[str, list[int]], records: list[QuoteRecord], vectors: np.ndarray, row: dict[int, int], root) -> list[tuple[int, int]]:
    """Pairs of one speaker's paraphrase and the direct quotation right after it in one article ("X said
    owners should stop charging the batteries at once. 'Do not charge them ...,' X said."), the lead
    telling in the outlet's words the remark the quotation gives, when another outlet's rendering, already
    one remark with either, reads at least SAME_REMARK_MUTUAL like the other as well: that rendering
    ("X told broadcaster Y that owners should not charge the batteries indoors") then joins all three,
    whatever channel each came through, where it was left with the lead alone."""
    out = []
    for idx in by_speaker.values():
        for lead in idx:
            a = records[lead]
            if a.direct or lead not in row:
                continue
            for quote in idx:
                b = records[quote]
                if not b.direct or quote not in row or b.article_id != a.article_id or root(lead) == root(quote):
                    continue
                if not (a.sentence_start == b.sentence_start or 0 <= b.sentence_start - a.sentence_end <= 1):
                    continue  # the quotation opens the lead's sentence's neighbour in its paragraph, or is in it
                for other in idx:
                    c = records[other]
                    if c.article_id == a.article_id or other not in row or root(other) not in {root(lead), root(quote)}:
                        continue
                    far = quote if root(other) == root(lead) else lead
                    if float(vectors[row[other]] @ vectors[row[far]]) >= SAME_REMARK_MUTUAL:
                        out.append((lead, quote))
                        break
    return out


def _cut_short(record: QuoteRecord) -> bool:
    """True for a direct quotation an outlet cut short with an ellipsis ('I will not accept lectures...'):
    it joins only a longer rendering holding its words, never a remark merely close in meaning."""
    return record.direct and record.text.rstrip().endswith(("...", "…"))


def _source(record: QuoteRecord) -> str:
    """Who a record names as its source, folded: its speaker phrase, else its channel."""
    return _normal(record.speaker_text or record.channel or "")


def group_quotes(records: list[QuoteRecord], entities: list[Entity], embed_fn) -> list[Quote]:
    """Group renderings of one remark across articles into Quotes with variants."""
    if not records:
        return []
    names = {e.id: e.name for e in entities}
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only records of one speaker in different articles need the (costly) sentence model;
    # remarks with no known speaker are grouped only when their wording is close.
    by_speaker: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.extra.get("document"):
            # the renderings of one joint statement: one speaker, the document, across articles
            by_speaker.setdefault("document:" + r.extra["document"], []).append(i)
        elif r.speaker_entity_id:
            by_speaker.setdefault(r.speaker_entity_id, []).append(i)
    # Every pair is compared by meaning: translations of one remark may share no word at all
    # ("establish who is to blame" / "find out who is responsible", cosine 0.75).
    texts = {i: " ".join(records[i].text.split()[:48]) for idx in by_speaker.values() for i in idx}
    pairs = [(i, j) for idx in by_speaker.values() for x, i in enumerate(idx) for j in idx[x + 1:]
             if records[i].article_id != records[j].article_id]
    wanted = sorted({i for pair in pairs for i in pair})
    vectors = np.asarray(embed_fn([texts[i] for i in wanted])) if wanted else np.zeros((0, 1))
    row = {i: k for k, i in enumerate(wanted)}
    cut = {i for i, r in enumerate(records) if _cut_short(r)}
    for i, j in pairs:
        if float(vectors[row[i]] @ vectors[row[j]]) >= SAME_REMARK and not {i, j} & cut:
            parent[root(j)] = root(i)
    for i, j in _mutual_renderings(by_speaker, records, vectors, row):
        if not {i, j} & cut:
            parent[root(j)] = root(i)
    for i, j in _shared_word_renderings(by_speaker, records, vectors, row):
        if not {i, j} & cut:
            parent[root(j)] = root(i)
    for i, j in pairs:
        if _fragment_of(records[i], records[j]) or _fragment_of(records[j], records[i]):
            parent[root(j)] = root(i)
    for i, j in _lead_and_quote(by_speaker, records, vectors, row, root):
        parent[root(j)] = root(i)
    for i in cut:
        # a cut-short quotation no longer rendering begins with: the one rendering closest in meaning
        partners = [(float(vectors[row[a]] @ vectors[row[b]]), b if a == i else a) for a, b in pairs if i in (a, b)]
        alone = not any(root(k) == root(i) for k in range(len(records)) if k != i)
        if partners and alone:
            best, other = max(partners)
            if best >= SAME_REMARK:
                parent[root(i)] = root(other)
    for i, a in enumerate(records):
        for j in range(i + 1, len(records)):
            b = records[j]
            if a.article_id == b.article_id or (a.speaker_entity_id or a.extra.get("document")) and (b.speaker_entity_id or b.extra.get("document")):
                continue
            if not a.direct and not b.direct and (a.speaker_entity_id or b.speaker_entity_id or _source(a) != _source(b)):
                # two outlets' own accounts of what different sources said ("..., officials said" /
                # "..., the news agency reported") share words because they report one event, not one remark
                continue
            if fuzz.token_set_ratio(_normal(a.text), _normal(b.text)) >= SAME_WORDING_UNKNOWN_SPEAKER:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(root(i), []).append(i)
    quotes = []
    for members in groups.values():
        recs = [records[i] for i in members]
        variants: list[tuple[QuoteRecord, list[QuoteRecord]]] = []
        for r in sorted(recs, key=lambda r: (not r.direct, r.partial, -len(r.text))):
            for head, same in variants:
                if r.direct == head.direct and fuzz.ratio(_normal(r.text), _normal(head.text)) >= SAME_WORDING:
                    same.append(r)
                    break
            else:
                variants.append((r, [r]))
        speaker_ids = Counter(r.speaker_entity_id for r in recs if r.speaker_entity_id)
        speaker_id = speaker_ids.most_common(1)[0][0] if speaker_ids else None
        speaker = names.get(speaker_id) if speaker_id else next((r.speaker_text for r in recs if r.speaker_text), None)
        if any(r.extra.get("document") for r in recs):
            # a joint document speaks for its parties: "In a joint statement, X and Y said", else the document
            documents = [r for r in recs if r.extra.get("document")]
            speaker_id = None
            named, _, _ = _joint_patterns()
            speaker = next((r.speaker_text for r in documents if r.speaker_text and " and " in r.speaker_text),
                           next((r.speaker_text for r in documents if r.speaker_text and named.search(r.speaker_text)),
                                next((r.speaker_text for r in documents if r.speaker_text), speaker)))
        quotes.append(Quote(
            id=content_id(f"{speaker_id or speaker}|{_normal(variants[0][0].text)}", prefix="q"),
            speaker=speaker,
            speaker_entity_id=speaker_id,
            channel=_variant_channel(recs),
            variants=[
                QuoteVariant(
                    text=head.text,
                    article_ids=list(dict.fromkeys(r.article_id for r in same)),
                    evidence=[Evidence(article_id=r.article_id, text=r.sentence_text, start=r.sentence_start, end=r.sentence_end) for r in same],
                    direct=head.direct,
                    partial=head.partial,
                    speaker_text=head.speaker_text,
                    channel=_variant_channel(same),
                )
                for head, same in variants
            ],
        ))
    quotes.sort(key=lambda q: (-len({a for v in q.variants for a in v.article_ids}), q.id))
    return quotes


def _variant_channel(records: list[QuoteRecord]) -> str | None:
    """The channel most of the records name; a channel another page names ("told VRTV", "told state
    radio") before the one a page gives for its own outlet ("he told us" on VRTV's page,
    `_own_channel`; "told Radio Dresmark" on Radio Dresmark's): that page heard the remark first
    hand, and the channel the other outlet relays it through is the one a reader of both needs."""
    named = Counter(r.channel for r in records if r.channel and not r.extra.get("own_channel"))
    own = Counter(r.channel for r in records if r.channel and r.extra.get("own_channel"))
    return (named or own).most_common(1)[0][0] if named or own else None
