"""Headlines: the loaded words and hedges of an article's headline count for its outlet.

The cleaner keeps the headline apart from the clean text (`CleanArticle.title`), yet a tabloid's
shouted headline ("BLAZE HORROR AT ...") is where it frames a story most. Each headline is parsed
alone, re-cased first when set in capitals (group.title.sentence_case: each word as the article's
text writes it), so the parse reads words rather than a row of names; its loaded words and hedges
are found as in the body (terms.py), inside a quotation the speaker's (voice "quote").

An entry's evidence is the headline as printed, marked `in_title` (start = end = 0: it has no
offsets in the clean text). The report cites it as "(headline)" beside a link to its article, whose
header prints the headline. A headline the clean text holds too (a cleaner that kept it in the body) is left to the
body; so is a headline that is only the outlet's name (a masthead taken for the title).
"""

from __future__ import annotations

import re

from newsprism.framing.context import ArticleContext, EntitySpan
from newsprism.framing.lexicon import Lexicon
from newsprism.framing.terms import find_terms
from newsprism.framing.voice import find_quotations
from newsprism.models import CleanArticle, Evidence, FramingEntry, Understanding

CATEGORIES = ("loaded", "hedge")
"""What a headline is read for: its attribution verbs are the headline's form ('Minister says ...')."""


def _headline(article: CleanArticle) -> str | None:
    """The headline worth reading apart from the text, or None."""
    title = " ".join((article.title or "").split())
    if not title or not any(c.isalpha() for c in title):
        return None
    if title in " ".join(article.text.split()):
        return None
    bare = lambda s: " ".join(s.lower().split()).removeprefix("the ")  # noqa: E731
    if article.outlet and bare(title) == bare(article.outlet):
        return None
    return title


def _for_parse(title: str, text: str) -> str:
    """The headline as the parse should read it: re-cased when shouted, the same length as printed."""
    from newsprism.group.title import is_shouting, sentence_case

    if not is_shouting(title):
        return title
    cased = sentence_case(title, text)
    return cased if len(cased) == len(title) else title


def headline_entries(understanding: Understanding, lexicon: Lexicon) -> list[FramingEntry]:
    """Return the loaded words and hedges of every article's headline, each in its outlet's voice
    (or a quoted speaker's), with the headline as evidence."""
    from newsprism.understand import nlp

    wanted = [(article, title) for article in understanding.articles if (title := _headline(article))]
    if not wanted:
        return []
    texts = [_for_parse(title, article.text) for article, title in wanted]
    docs = list(nlp.load_nlp().pipe(texts, batch_size=32, disable=["ner"]))
    # quotes of the body are placed by body offsets: the headline's quotations find their speaker in its own parse
    no_quotes = understanding.model_copy(update={"quotes": [], "sentences": []})
    entries: list[FramingEntry] = []
    for (article, title), text, doc in zip(wanted, texts, docs):
        headline = article.model_copy(update={"text": text})
        spans = sorted(
            (EntitySpan(start, start + len(spelling), e.id)
             for e in understanding.entities for spelling in {e.name, *e.aliases} if spelling
             for start in _starts(text, spelling)),
            key=lambda s: (s.start, s.start - s.end))
        ctx = ArticleContext(article=headline, doc=doc, entity_spans=spans, sentence_bounds=[(0, len(text))],
                             entities={e.id: e for e in understanding.entities})
        ctx.quotations = find_quotations(ctx, no_quotes, lexicon)
        evidence = Evidence(article_id=article.id, text=title, start=0, end=0, in_title=True)
        for entry in find_terms(ctx, lexicon):
            if entry.category not in CATEGORIES:
                continue
            # the term as the headline prints it ('INFERNO'), at the place the re-cased text has it
            at = text.find(entry.term)
            term = title[at:at + len(entry.term)] if at >= 0 and len(text) == len(title) else entry.term
            entries.append(entry.model_copy(update={"term": term, "evidence": evidence}))
    return entries


def _starts(text: str, spelling: str) -> list[int]:
    """Where a name is written in the headline, whole words only."""
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)", text)]
