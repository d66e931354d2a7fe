"""Understand: StoryGroup + its CleanArticles -> Understanding.

Steps, in order (each article is parsed once, in one batched spaCy pass):

1. `nlp.parse`: tokens, sentences (never across a line break), entities, dependency parse.
2. `entities`: mentions in every article, clustered across the story into entities.
3. `numbers` and `dates`: quantities with what they count and their bounds; dates resolved
   against each article's publication date (never when it is unknown), or, inside a live page's
   entry, against the entry's own time (CleanArticle.entries).
4. `quotes`: direct, partial and indirect speech with speaker and channel, grouped across
   articles into one Quote per remark.
5. `claims`: one record per body sentence tying the above together.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import partial

from spacy.tokens import Doc

from newsprism.models import CleanArticle, Sentence, StoryGroup, Understanding
from newsprism.settings import UnderstandSettings
from newsprism.understand.claims import build_claims
from newsprism.understand.dates import find_dates
from newsprism.understand.numbers import find_numbers
from newsprism.understand.quotes import QuoteRecord, article_quotes, group_quotes
from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions, entity_at, place_cues
from newsprism.understand.nlp import doc_text, load_nlp, parse
from newsprism.understand.nlp import sentences as doc_sentences

__all__ = ["understand_story", "entity_at", "load_nlp", "sentence_bounds"]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of each sentence, outer whitespace excluded."""
    bounds = []
    for sent in doc_sentences(doc):
        start, end = sent.start_char, sent.end_char
        text = doc_text(doc)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        bounds.append((start, end))
    return bounds


# Quote renderings encoded per batch. The encoder pads each batch to its longest text, and a
# story's renderings run from a few words to 48: batches of 8 (sorted by length, as
# sentence-transformers does) cost 0.79 CPU s on the bench's 91 renderings, batches of 64
# 1.06 s, batches of 4 0.79 s (bench/bench_understand_speed.py workload, one thread).
QUOTE_BATCH = 8


def _embedder():
    """Return the shared sentence encoder (imported late: loading it costs seconds)."""
    from newsprism.embed import embed

    return partial(embed, batch_size=QUOTE_BATCH)


def _sources_by_sentence(records: list[QuoteRecord], bounds: list[tuple[int, int]]) -> dict[int, str]:
    """Map a sentence index to who its content is attributed to: speaker entity id, else speaker or channel."""
    starts = [start for start, _ in bounds]
    out: dict[int, str] = {}
    for r in records:
        source = r.speaker_entity_id or r.speaker_text or r.channel
        if source:  # every sentence a quotation runs over ('"... . The list, it turns out, ...," he said.')
            first = max(0, bisect_right(starts, r.sentence_start) - 1)
            for index in range(first, max(first, bisect_right(starts, r.sentence_end - 1) - 1) + 1):
                out.setdefault(index, source)
    return out


def understand_story(
    group: StoryGroup, articles: list[CleanArticle], settings: UnderstandSettings | None = None, docs: list[Doc] | None = None
) -> Understanding:
    """Read sentences, entities, quotes, numbers, dates and claims from one story's articles.

    `docs`, one parsed Doc per article in order (`nlp.parse`), lets a caller parse once for
    this stage and framing alike.
    """
    settings = settings or UnderstandSettings()
    if docs is None or len(docs) != len(articles):
        docs = parse([a.text for a in articles], settings.spacy_model)
    docs = dict(zip([a.id for a in articles], docs))
    bounds = {a.id: sentence_bounds(docs[a.id]) for a in articles}
    sentences = [
        Sentence(article_id=a.id, index=index, start=start, end=end, text=a.text[start:end])
        for a in articles
        for index, (start, end) in enumerate(bounds[a.id])
    ]
    outlets = [a.outlet for a in articles if a.outlet]
    mentions = [m for article in articles for m in collect_mentions(article.id, docs[article.id], outlets, article.outlet)]
    texts = {a.id: a.text for a in articles}
    cues = place_cues(texts)  # read once for both steps
    add_surname_mentions(docs, mentions, cues)
    entities = cluster_mentions(mentions, texts, cues)
    numbers, dates, records = [], [], []
    for article in articles:
        doc = docs[article.id]
        starts = [start for start, _ in bounds[article.id]]
        sentence_of = lambda offset, starts=starts: max(0, bisect_right(starts, offset) - 1)  # noqa: E731
        article_dates = find_dates(article.id, article.text, article.published, doc, sentence_of, article.entries)
        dates.extend(article_dates)
        numbers.extend(find_numbers(article.id, article.text, doc, [(d.start, d.stop) for d in article_dates], sentence_of))
        records.extend(article_quotes(article.id, doc, bounds[article.id], entities, outlets, article.outlet))
    quotes = group_quotes(records, entities, _embedder())
    records_of: dict[str, list[QuoteRecord]] = {a.id: [] for a in articles}
    for r in records:
        records_of[r.article_id].append(r)
    claims = []
    for article in articles:
        sources = _sources_by_sentence(records_of[article.id], bounds[article.id])
        claims.extend(build_claims(article.id, docs[article.id], bounds[article.id], entities, numbers, dates, sources))
    return Understanding(
        story_id=group.id, articles=articles, sentences=sentences, entities=entities,
        quotes=quotes, numbers=numbers, dates=dates, claims=claims,
    )
