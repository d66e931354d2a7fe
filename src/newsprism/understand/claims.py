"""Claims: each body sentence -> a Claim with its entities, numbers, dates, source and S-P-O reading."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from newsprism.models import Claim, DateMention, Entity, NumberMention, content_id
from newsprism.understand.entities import WIRE_DATELINE
from newsprism.understand.nlp import doc_text, ignorecase_text, sentences, span_text, table, word_list

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "attr", "dative", "oprd", "acomp", "ccomp", "xcomp"}


def is_claim_sentence(sent: Span) -> bool:
    """True for a sentence that states something: a verb and at least five words."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) >= 5 and any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _claim_sentences(doc: Doc) -> list[bool]:
    """`is_claim_sentence` for each of the doc's sentences, counted over the doc's arrays at once."""
    rows = doc.to_array([IS_PUNCT, IS_SPACE, POS])
    words = np.concatenate([[0], np.cumsum((rows[:, 0] == 0) & (rows[:, 1] == 0))])
    verbs = np.concatenate([[0], np.cumsum(np.isin(rows[:, 2], [VERB, AUX]))])
    return [
        bool(words[sent.end] - words[sent.start] >= 5 and verbs[sent.end] > verbs[sent.start]) for sent in sentences(doc)
    ]


def claim_spans(doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each of the doc's sentences that makes a claim: a sentence
    that states something (`is_claim_sentence`) and is not the page speaking to its readers
    (`page_address`). `bounds` are the sentences' character offsets (`understand.sentence_bounds`).

    The one rule for which sentences are claims: `build_claims` makes its claims of these, and
    `pipeline.claim_texts` reads their texts off the parse to encode them ahead."""
    text = doc_text(doc)
    return [
        (index, start, end)
        for index, (stating, (start, end)) in enumerate(zip(_claim_sentences(doc), bounds))
        if stating and not page_address(text[start:end])
    ]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:\"“”'‘’")


def subject_predicate_object(sent: Span) -> tuple[str | None, str | None, str | None]:
    """Return a subject-predicate-object reading of a sentence from its dependency parse."""
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return None, None, None
    subject = verb_subject(root, sent.start_char)
    obj = next((t for t in root.children if t.dep_ in OBJECT_DEPS), None)
    if obj is None:
        prep = next((t for t in root.children if t.dep_ in {"prep", "agent"}), None)
        pobj = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None:
            obj = prep
    parts = [t for t in root.children if t.dep_ in {"aux", "auxpass", "neg", "prt"}] + [root]
    predicate = " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    subject_text = None
    if subject is not None:
        left = subject.left_edge.i
        dateline = WIRE_DATELINE.match(doc_text(sent.doc), sent.start_char)
        while dateline and left < subject.i and sent.doc[left].idx < dateline.end():
            left += 1  # "SEOUL (KW) - Acme": the dateline is no part of the subject
        subject_text = _clean(span_text(sent.doc, left, subject.right_edge.i + 1))
    object_text = _clean(span_text(sent.doc, obj.left_edge.i, obj.right_edge.i + 1)) if obj is not None else None
    return subject_text or None, predicate, object_text or None


def verb_subject(verb, sentence_start: int, deps=SUBJECT_DEPS, outside: tuple[int, int] | None = None):
    """A verb's subject, shared by claims and quote attribution: of two the parse gives, not the
    place of a wire dateline ("SEOUL (KW) - Acme said", where the name may hang on the place as its
    apposition) and the one nearest before the verb ("About 300 people marched, police said":
    police); none inside `outside` (a quotation's characters). `sentence_start` is where the
    verb's sentence begins, where a dateline would stand."""
    subjects = [t for t in verb.children if t.dep_ in deps and not (outside and outside[0] <= t.idx < outside[1])]
    dateline = WIRE_DATELINE.match(doc_text(verb.doc), sentence_start) if subjects else None
    if dateline:
        subjects = [next((a for a in t.children if a.dep_ == "appos" and a.idx >= dateline.end()), t) if t.idx < dateline.end() else t
                    for t in subjects]
        subjects = [t for t in subjects if t.idx >= dateline.end()] or subjects
    before = [t for t in subjects if t.i < verb.i]
    if len(before) > 1 and not any(c.dep_ == "conj" for t in before for c in t.children):
        return before[-1]
    if not subjects and "nsubj" in deps and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return _closing_subject(verb)
    return subjects[0] if subjects else None


def _closing_subject(verb):
    """The subject of a closing attribution the parse hung elsewhere: "..., the Crisis Agency (CA) said."
    (the small model makes the agency an apposition of the place before it): the noun phrase
    between the last comma and the verb, when it holds a noun and no verb."""
    doc = verb.doc
    first = verb.i
    while first > verb.sent.start and doc[first - 1].text != "," and verb.i - first < 12:
        first -= 1
    if first == verb.i or first == verb.sent.start or doc[first - 1].text != ",":
        return None
    phrase = doc[first:verb.i]
    if any(t.pos_ in {"VERB", "AUX"} for t in phrase) or phrase.root.pos_ not in {"NOUN", "PROPN"}:
        return None
    return phrase.root


@lru_cache(maxsize=1)
def _record_words() -> tuple[frozenset[str], frozenset[str]]:
    """(record nouns, showing verbs) from data/understand/record_sources.csv."""
    rows = table("record_sources.csv")
    return (frozenset(r["word"] for r in rows if r["kind"] == "noun"), frozenset(r["word"] for r in rows if r["kind"] == "verb"))


@lru_cache(maxsize=1)
def _record_phrases() -> tuple[re.Pattern, ...]:
    """A closing "..., documents seen by X show.", "according to court records" and an opening
    "Documents seen by X show that ..." in the words of
    record_sources.csv: the small model often parses "X show" as a noun compound."""
    verbs = "|".join(sorted(_record_words()[1]))
    closing = re.compile(rf",\s+(?P<source>[^,;:“”\"]{{1,80}}?)\s+(?:{verbs})(?:s|ed|d|n)?[.!]?[\s\"”’']*$", re.I)
    according = re.compile(r"\baccording to (?P<source>[^,;:“”\"]{1,80}?)(?=[,.;!]|$)", re.I)
    opening = re.compile(rf"^(?P<source>[^,;:“”\"]{{1,80}}?)\s+(?:{verbs})(?:s|ed|d)?\s+that\b", re.I)
    return closing, according, opening


@lru_cache(maxsize=1)
def _outlet_record() -> re.Pattern | None:
    """Records the outlet has seen itself: "documents seen by the Voice", "emails obtained by Radio
    Tarsk" (the "<outlet>" lines of data/understand/outlet_voice.txt), ending the source phrase."""
    lines = [w for w in word_list("outlet_voice.txt") if w.endswith(" <outlet>")]
    if not lines:
        return None
    words = "|".join(sorted((r"\s+".join(map(re.escape, w.removesuffix(" <outlet>").split())) for w in lines), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,3}}\s*$")


def outlet_record(phrase: str) -> bool:
    """True for records the outlet says it has seen ("documents seen by the Voice"): its own finding,
    like "the Voice understands", so no source the claim rests on."""
    pattern = _outlet_record()
    return bool(pattern and _names_records(phrase) and pattern.search(phrase.strip()))


def _names_records(phrase: str) -> bool:
    nouns = _record_words()[0]
    return any(w in nouns or w.rstrip("s") in nouns for w in re.findall(r"[a-z]+", phrase.lower()))


def record_source(sent: Span) -> str | None:
    """The records a sentence says its statement rests on: "..., court records show" -> "court
    records", "ICMA figures show that ..." -> "ICMA figures"; records the outlet has seen itself
    ("..., documents seen by the Herald show", `outlet_record`) are its own finding: None, as for
    "..., the Herald understands"."""
    root = sent.root
    nouns, verbs = _record_words()
    if root.pos_ not in {"VERB", "AUX"} or root.lemma_.lower() not in verbs:
        text = doc_text(sent.doc)[sent.start_char:sent.end_char]  # sent.text, without a Token object a word
        folded = ignorecase_text(text)
        if "according to" not in folded and not any(verb in folded or not verb.isascii() for verb in verbs):
            return None  # each phrase needs one of these words: skip their scans (the same result)
        for pattern in _record_phrases():
            m = pattern.search(text)
            if m and _names_records(m.group("source")) and not re.search(r"\b(?:said|says|told)\b", m.group("source")):
                return None if outlet_record(m.group("source")) else _clean(m.group("source"))
        return None
    subject = verb_subject(root, sent.start_char)
    if subject is None or subject.lemma_.lower() not in nouns and subject.lower_ not in nouns:
        return None
    if not any(c.dep_ == "ccomp" for c in root.children):
        return None  # a statement the records bear out ("..., records show"), not a thing they picture ("the photos show a crowd")
    source = _clean(sent.doc[subject.left_edge.i: subject.right_edge.i + 1].text) or None
    return None if source and outlet_record(source) else source


@lru_cache(maxsize=1)
def _page_address() -> re.Pattern:
    phrases = sorted(word_list("page_address.txt"), key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in phrases)
    # after a live entry's time ("17:20 - ", "17.20: ") when the page gives one
    # ... and the sentence ends a few words on: "Thank you for following the rules, he told them" is news
    return re.compile(rf"(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[-–—:|]\s*)?)?(?:{words})\b(?:\s+[\w'’]+){{0,6}}\s*[.!]?\s*$", re.I)


def page_address(sentence: str) -> bool:
    """True for a sentence in which the page speaks to its readers about itself, a live page's
    sign-off above all ("17:20 - That is all from us today.", "Thanks for following."): it states
    nothing about the story (phrases of data/understand/page_address.txt)."""
    return _page_address().match(sentence.strip()) is not None


def commented_only(sent: Span) -> bool:
    """True when the sentence's only speakers comment, in a relative clause of their own, on what
    its main clause states: "The government has offered 50,000 crowns, which union leader X called
    'an insult'" is the government's offer, not X's claim (verbs of data/understand/speech_verbs.txt)."""
    speech = word_list("speech_verbs.txt")
    verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in speech]
    if not verbs or sent.root in verbs or "according to" in sent.text.lower():
        return False
    return all(any(_commenting_clause(a) for a in (v, *v.ancestors) if a.i >= sent.start) for v in verbs)


def _commenting_clause(verb) -> bool:
    """A relative clause with a subject of its own ("which X called ..."); in "a statement that
    stressed ..." the statement itself speaks."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"that", "which", "who", "whom"} for c in verb.children
    )


def build_claim(
    article_id: str,
    index: int,
    sent: Span,
    start: int,
    end: int,
    entities: list[Entity],
    numbers: list[NumberMention],
    dates: list[DateMention],
    attributed_to: str | None,
) -> Claim:
    """Return the claim record of one sentence; entities/numbers/dates are those inside it."""
    entity_ids = list(dict.fromkeys(
        e.id for e in entities for m in e.mentions if m.article_id == article_id and m.start is not None and start <= m.start < end
    ))
    return _claim(
        article_id, index, sent, start, end, entity_ids,
        [n for n in numbers if n.article_id == article_id and n.sentence_index == index],
        [d for d in dates if d.article_id == article_id and d.sentence_index == index],
        attributed_to,
    )


def build_claims(
    article_id: str,
    doc: Doc,
    bounds: list[tuple[int, int]],
    entities: list[Entity],
    numbers: list[NumberMention],
    dates: list[DateMention],
    sources: dict[int, str],
) -> list[Claim]:
    """Return the claims of one article's sentences, as `build_claim` would one by one.

    Mentions, numbers and dates are indexed once per article (by offset and by sentence),
    not scanned again for every sentence.
    """
    mentions = sorted(
        (m.start, order) for order, e in enumerate(entities) for m in e.mentions if m.article_id == article_id and m.start is not None
    )
    starts = [start for start, _ in mentions]
    numbers_in: dict[int | None, list[NumberMention]] = defaultdict(list)
    for n in numbers:
        if n.article_id == article_id:
            numbers_in[n.sentence_index].append(n)
    dates_in: dict[int | None, list[DateMention]] = defaultdict(list)
    for d in dates:
        if d.article_id == article_id:
            dates_in[d.sentence_index].append(d)
    claims = []
    sents = sentences(doc)
    for index, start, end in claim_spans(doc, bounds):
        sent = sents[index]
        inside = sorted({order for _, order in mentions[bisect_left(starts, start): bisect_left(starts, end)]})
        claims.append(_claim(
            article_id, index, sent, start, end, [entities[order].id for order in inside],
            numbers_in.get(index, []), dates_in.get(index, []),
            (sources.get(index) if index not in sources or not commented_only(sent) else None) or record_source(sent),
        ))
    return claims


def _claim(
    article_id: str, index: int, sent: Span, start: int, end: int, entity_ids: list[str],
    numbers: list[NumberMention], dates: list[DateMention], attributed_to: str | None,
) -> Claim:
    subject, predicate, obj = subject_predicate_object(sent)
    return Claim(
        id=content_id(f"{article_id}|{index}", prefix="c"),
        article_id=article_id,
        sentence_index=index,
        text=doc_text(sent.doc)[start:end],
        start=start,
        end=end,
        entity_ids=list(dict.fromkeys(entity_ids)),
        numbers=numbers,
        dates=dates,
        attributed_to=attributed_to,
        subject=subject,
        predicate=predicate,
        object=obj,
    )
