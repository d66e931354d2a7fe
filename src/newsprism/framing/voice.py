"""Whose voice: the quotations in an article's text and the speaker each belongs to.

A term inside a quotation is the speaker's word, not the outlet's: `voice_at` says which.
Quotation marks handled: curly double (“ ”), straight double (paired along a line), guillemets
(« »), low-high („ “), curly single (‘ ’) and straight single quotes used as quotes, never
apostrophes (Syria’s, don't). Word choices (wording.py) use the same finder on a parsed Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from newsprism.framing.context import ArticleContext
from newsprism.framing.lexicon import Lexicon
from newsprism.models import Understanding

# Opening single quote: after a line start, a space or an opening bracket; closing: before a space,
# punctuation or the line end, never between two letters (an apostrophe).
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=\S)([^\n‘’']{1,300}?)(?<=\S)[’'](?![\w])", re.M)
_CURLY_DOUBLE = re.compile(r"“([^“”\n]{1,1500})”")
_STRAIGHT_DOUBLE = re.compile(r'"([^"\n]{1,1500})"')
# Guillemets and low-high quotes of translated copy: «…», „…“
_GUILLEMETS = re.compile(r"«([^«»\n]{1,1500})»")
_LOW_HIGH = re.compile(r"„([^„“”\n]{1,1500})[“”]")


@dataclass
class Quotation:
    """Quoted text [start, end) (marks excluded), and whose words they are."""

    start: int
    end: int
    text: str
    speaker_entity_id: str | None = None
    speaker: str | None = None
    scare: bool = False


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return the inner (start, end) of every quotation in `text`, outermost first, no overlaps."""
    found = [(m.start(1), m.end(1)) for rx in (_CURLY_DOUBLE, _STRAIGHT_DOUBLE, _GUILLEMETS, _LOW_HIGH) for m in rx.finditer(text)]
    for m in _SINGLE.finditer(text):
        s, e = m.start(1), m.end(1)
        if not any(qs <= s and e <= qe for qs, qe in found):
            found.append((s, e))
    found.sort()
    kept: list[tuple[int, int]] = []
    for s, e in found:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


def inside_quotation(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when character `offset` lies inside one of `spans` (sorted, non-overlapping: `quotation_spans`)."""
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _speaker_from_understanding(ctx: ArticleContext, understanding: Understanding, start: int, end: int) -> tuple[str | None, str | None] | None:
    """Return (entity id, name) of the understanding stage's quote at [start, end), if it found one there."""
    quoted = ctx.article.text[start:end].strip().lower()
    for quote in understanding.quotes:
        for variant in quote.variants:
            if ctx.article.id not in variant.article_ids:
                continue
            text = variant.text.strip().lower()
            if not text:
                continue
            same_words = text in quoted or quoted in text
            placed = any(ev.article_id == ctx.article.id and ev.start <= end and start <= ev.end for ev in variant.evidence)
            if same_words and (placed or not variant.evidence):
                return quote.speaker_entity_id, quote.speaker
    return None


def _attribution_verb(tokens: list[Token], lexicon: Lexicon, inside) -> Token | None:
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.attribution_verbs and not inside(token.idx):
            return token
    return None


def _previous_actor(ctx: ArticleContext, before: int) -> tuple[str | None, str | None]:
    """Return the last person (else organisation) entity mentioned before offset `before`."""
    for wanted in ("PERSON", "ORG"):
        for span in reversed(ctx.entity_spans):
            entity = ctx.entities.get(span.entity_id)
            if span.end <= before and entity is not None and entity.type == wanted:
                return entity.id, entity.name
    return None, None


def _speaker_from_parse(ctx: ArticleContext, lexicon: Lexicon, start: int, end: int) -> tuple[str | None, str | None]:
    """Find who is said to speak in the quotation's sentence: the attribution verb's subject or its object."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    sent = span[0].sent
    inside = lambda offset: start <= offset < end  # noqa: E731
    verb = _attribution_verb(list(sent), lexicon, inside)
    if verb is None:
        return None, None
    # "the broadcaster quoted X as saying": the speaker is the object, the subject only relays
    candidates = [c for c in verb.children if c.dep_ in ("dobj",)] if verb.lemma_.lower() in ("quote", "cite") else []
    candidates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for cand in candidates:
        # only the subject's head counts: "The Syrian defense minister" is not Syria speaking
        entity_id = ctx.entity_of_token(cand)
        if entity_id:
            return entity_id, ctx.entities[entity_id].name if entity_id in ctx.entities else None
        if cand.pos_ == "PRON" and cand.lower_ in ("he", "she"):
            return _previous_actor(ctx, sent.start_char)
        if cand.pos_ in ("NOUN", "PROPN"):
            return None, ctx.span_text(list(cand.subtree))
    return None, None


def find_quotations(ctx: ArticleContext, understanding: Understanding, lexicon: Lexicon) -> list[Quotation]:
    """Return the article's quotations, each with its speaker when it can be told."""
    quotations = []
    for start, end in quotation_spans(ctx.article.text):
        found = _speaker_from_understanding(ctx, understanding, start, end)
        speaker_id, speaker = found if found else _speaker_from_parse(ctx, lexicon, start, end)
        quotations.append(Quotation(start, end, ctx.article.text[start:end], speaker_id, speaker))
    return quotations


def quotation_at(ctx: ArticleContext, start: int, end: int) -> Quotation | None:
    """Return the quotation holding [start, end), if any."""
    for q in ctx.quotations:
        if q.start <= start and end <= q.end:
            return q
    return None
