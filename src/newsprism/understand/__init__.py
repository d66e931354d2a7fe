"""Understand: StoryGroup + its CleanArticles -> Understanding.

Steps, in order (each article is parsed once, in one batched spaCy pass):

1. `nlp.parse`: tokens, sentences (never across a line break), entities, dependency parse.
2. `entities`: mentions in every article, clustered across the story into entities.
3. `numbers` and `dates`: quantities with what they count and their bounds; dates resolved
   against each article's publication date (never when it is unknown).
4. `quotes`: direct, partial and indirect speech with speaker and channel, grouped across
   articles into one Quote per remark.
5. `claims`: one record per body sentence tying the above together.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.models import CleanArticle, Sentence, StoryGroup, Understanding
from newsprism.settings import UnderstandSettings
from newsprism.understand.claims import build_claim, is_claim_sentence
from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions, entity_at
from newsprism.understand.nlp import load_nlp, parse

__all__ = ["understand_story", "entity_at", "load_nlp", "sentence_bounds"]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of each sentence, outer whitespace excluded."""
    bounds = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        text = doc.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        bounds.append((start, end))
    return bounds


def understand_story(group: StoryGroup, articles: list[CleanArticle], settings: UnderstandSettings | None = None) -> Understanding:
    """Read sentences, entities, quotes, numbers, dates and claims from one story's articles."""
    settings = settings or UnderstandSettings()
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles], settings.spacy_model)))
    sentences: list[Sentence] = []
    for article in articles:
        for index, (start, end) in enumerate(sentence_bounds(docs[article.id])):
            sentences.append(Sentence(article_id=article.id, index=index, start=start, end=end, text=article.text[start:end]))
    mentions = [m for article in articles for m in collect_mentions(article.id, docs[article.id])]
    add_surname_mentions(docs, mentions)
    entities = cluster_mentions(mentions, {a.id: a.text for a in articles})
    numbers, dates, quotes = [], [], []
    claims = []
    for article in articles:
        doc = docs[article.id]
        for index, (sent, (start, end)) in enumerate(zip(doc.sents, sentence_bounds(doc))):
            if is_claim_sentence(sent):
                claims.append(build_claim(article.id, index, sent, start, end, entities, numbers, dates, None))
    return Understanding(
        story_id=group.id, articles=articles, sentences=sentences, entities=entities,
        quotes=quotes, numbers=numbers, dates=dates, claims=claims,
    )
