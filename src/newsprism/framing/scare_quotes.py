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
    """Whether the quotation's sentence credits someone with the words (a partial quote).

    The word must sit in what the verb reports ("said the army was headed for 'victory'"),
    not be the object of praise or blame ("hailed the new 'experts'"), which is the outlet's doubt.
    """
    if q.speaker_entity_id is not None:
        return True
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    quoted = {t.i for t in span}
    for verb in span[0].sent:
        tag = lexicon.attribution_verbs.get(verb.lemma_.lower())
        if tag is None or verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
            continue
        reporting = ("ccomp", "xcomp", "parataxis") if tag in ("praise", "criticism", "emotion") else ("ccomp", "xcomp", "parataxis", "dobj", "prep", "advcl")
        for child in verb.children:
            if child.dep_ in reporting and quoted & {t.i for t in child.subtree}:
                return True
        if abs(verb.i - span.start) <= 3 or abs(verb.i - span.end) <= 3:
            return True
    return False


def _introduced_as_term(ctx: ArticleContext, q: Quotation) -> bool:
    before = ctx.article.text[max(0, q.start - 20) : q.start].lower().split()
    return bool(before) and before[-1].strip("‘'\"“") in _MENTION_CUES or (len(before) > 1 and before[-2] in _MENTION_CUES)


def _work_title(ctx: ArticleContext, q: Quotation) -> bool:
    """Whether a quoted name is the title of a work: it opens with an article ("The Salt Harvest", "A Winter
    Crossing"), or stands after an owner's possessive (X's "Harvest"). A title is set in quotation marks by
    convention; a doubted name ("'Israel'", "'Islamic State'") is the bare name."""
    words = q.text.split()
    if len(words) > 1 and words[0].strip("‘'\"“") in ("The", "A", "An") and all(w[:1].isupper() for w in words[1:] if w.isalpha() and len(w) > 3):
        return True
    before = ctx.article.text[max(0, q.start - 4): q.start].rstrip(" ‘'\"“")
    return before.endswith(("'s", "’s", "s'", "s’"))


def mark_scare_quotes(ctx: ArticleContext, lexicon: Lexicon) -> list[FramingEntry]:
    """Flag each quotation of the article that is a scare quote (setting `scare`) and return its entries."""
    entries = []
    for q in ctx.quotations:
        words = q.text.split()
        if not words or _introduced_as_term(ctx, q):
            continue
        is_name = _is_name(ctx, q)
        if is_name and _work_title(ctx, q):
            continue  # a painting's or a book's title, in quotation marks by convention
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
