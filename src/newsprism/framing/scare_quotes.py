"""Scare quotes: a name or a single word in quotation marks that is not part of anyone's remark.

‘Israel’ or "experts" in quotation marks tells the reader the outlet doubts the word; a
partial quote ("victory", attributed in the same sentence to a speaker) does not. A word
introduced as a term ("the term 'X'") is a mention of the word, not a scare quote.
"""

from __future__ import annotations

from newsprism.framing.context import ArticleContext
from newsprism.framing.lexicon import Lexicon
from newsprism.framing.voice import Quotation
from newsprism.models import FramingEntry

# Nouns that introduce a word as a word ("the term 'takfiri'"): the quotes mark a mention, not doubt.
_MENTION_CUES = {"term", "terms", "word", "words", "phrase", "expression", "slogan", "label", "name", "hashtag", "motto", "title", "headline"}


def _is_name(ctx: ArticleContext, q: Quotation) -> bool:
    words = [w for w in q.text.replace("-", " ").split() if any(c.isalpha() for c in w)]
    if not words or len(words) > 4:
        return False
    if ctx.entity_at(q.start, q.end) is not None and len(words) <= 4:
        return all(w[0].isupper() for w in words)
    return all(w[0].isupper() for w in words) and len(words) <= 3


def _attributed(ctx: ArticleContext, q: Quotation, lexicon: Lexicon) -> bool:
    """Whether the quotation's sentence credits someone with the words (a partial quote)."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(
        t.lemma_.lower() in lexicon.attribution_verbs and t.pos_ in ("VERB", "AUX") and not (q.start <= t.idx < q.end)
        for t in span[0].sent
    ) or q.speaker_entity_id is not None


def _introduced_as_term(ctx: ArticleContext, q: Quotation) -> bool:
    before = ctx.article.text[max(0, q.start - 20) : q.start].lower().split()
    return bool(before) and before[-1].strip("‘'\"“") in _MENTION_CUES or (len(before) > 1 and before[-2] in _MENTION_CUES)


def mark_scare_quotes(ctx: ArticleContext, lexicon: Lexicon) -> list[FramingEntry]:
    """Flag each quotation of the article that is a scare quote (setting `scare`) and return its entries."""
    entries = []
    for q in ctx.quotations:
        words = q.text.split()
        if not words or _introduced_as_term(ctx, q):
            continue
        is_name = _is_name(ctx, q)
        single = len(words) == 1 and any(c.isalpha() for c in q.text)
        if not (is_name or single):
            continue
        if not is_name and _attributed(ctx, q, lexicon):
            continue
        q.scare = True
        entries.append(
            FramingEntry(
                article_id=ctx.article.id,
                term=q.text.strip(" ,.;:"),
                category="scare_quote",
                target_entity_id=ctx.entity_at(q.start, q.end),
                voice="outlet",
                evidence=ctx.evidence(q.start, q.end),
            )
        )
    return entries
