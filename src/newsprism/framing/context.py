"""Per-article context the framing steps share: the parse, entity spans, sentences, quotations.

Built once per article by `article_contexts`, so every step reads the same parse and the
same mapping from character offsets to entities and evidence sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsprism.models import CleanArticle, Entity, Evidence, Understanding


@dataclass
class EntitySpan:
    start: int
    end: int
    entity_id: str


@dataclass
class ArticleContext:
    """One article with its parse and the story's entities located in its text."""

    article: CleanArticle
    doc: Doc
    entity_spans: list[EntitySpan]
    sentence_bounds: list[tuple[int, int]]
    entities: dict[str, Entity]
    quotations: list = field(default_factory=list)  # voice.Quotation, filled by voice.find_quotations
    token_entities: list[str | None] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    lemma: list[str] = field(default_factory=list)
    space: list[str] = field(default_factory=list)
    punct: list[bool] = field(default_factory=list)
    dep: list[str] = field(default_factory=list)
    name_words: dict[str, set[str]] = field(default_factory=dict)  # entity id -> words of its names (labels.py)

    def __post_init__(self) -> None:
        # one pass over the tokens for the attributes every step reads (spaCy builds a Token per access)
        self.lower, self.lemma, self.space, self.punct, self.dep = [], [], [], [], []
        for t in self.doc:
            self.lower.append(t.lower_)
            self.lemma.append(t.lemma_.lower())
            self.space.append(t.whitespace_)
            self.punct.append(t.is_punct)
            self.dep.append(t.dep_)
        # token index -> entity id, so per-token look-ups stay O(1) on long articles; the most
        # specific (shortest) mention wins where spans nest
        self.token_entities = [None] * len(self.doc)
        for span in sorted(self.entity_spans, key=lambda s: s.start - s.end):
            tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            for token in tokens or []:
                self.token_entities[token.i] = span.entity_id

    def entity_at(self, start: int, end: int) -> str | None:
        """Return the entity id of the mention overlapping [start, end), the longest one first."""
        best, best_len = None, 0
        for span in self.entity_spans:
            if span.start < end and start < span.end and span.end - span.start > best_len:
                best, best_len = span.entity_id, span.end - span.start
        return best

    def entity_of_token(self, token: Token) -> str | None:
        return self.token_entities[token.i] if token.doc is self.doc else self.entity_at(token.idx, token.idx + len(token.text))

    def evidence(self, start: int, end: int | None = None) -> Evidence:
        """Return the sentence holding offset `start` as evidence."""
        text = self.article.text
        starts = [s for s, _ in self.sentence_bounds]
        at = bisect_right(starts, start) - 1
        if at >= 0 and self.sentence_bounds[at][1] >= (end or start):
            s, e = self.sentence_bounds[at]
        else:
            s, e = _line_bounds(text, start)
        # trim whitespace so the evidence text is the sentence itself
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return Evidence(article_id=self.article.id, text=text[s:e], start=s, end=e)

    def span_text(self, tokens: list[Token]) -> str:
        """Return the article text covered by `tokens` (contiguous), as written."""
        return self.article.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def stamp_end(token: Token) -> int:
    """Where the text of `token`'s sentence begins after a live page's entry time ("13:20 - The harbour
    master said ...": at "The"), compare.views.ENTRY_STAMP; the sentence's own start when it has none."""
    from newsprism.compare.views import ENTRY_STAMP

    sent = token.sent
    text = token.doc.text
    if not text[sent.start_char:sent.start_char + 1].isdigit():
        return sent.start_char
    m = ENTRY_STAMP.match(text, sent.start_char, sent.end_char)
    return m.end() if m else sent.start_char


def opens_sentence(token: Token) -> bool:
    """Whether `token` opens its sentence, a live entry's time before it left out: "The" and
    "Harbour" in "13:20 - The harbour master", "13:20 - Harbour master Ilsa Varn said" do."""
    return token.is_sent_start or (token.doc.text[token.sent.start_char:token.sent.start_char + 1].isdigit()
                                   and stamp_end(token) == token.idx)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def entity_spans(article: CleanArticle, entities: list[Entity]) -> list[EntitySpan]:
    """Locate every entity in the article: the mentions' offsets, else its spellings found in the text."""
    spans: list[EntitySpan] = []
    for entity in entities:
        for mention in entity.mentions:
            if mention.article_id != article.id:
                continue
            if mention.start is not None and mention.end is not None:
                spans.append(EntitySpan(mention.start, mention.end, entity.id))
            else:
                spans += [EntitySpan(s, e, entity.id) for s, e in _find_all(article.text, mention.text)]
        if not entity.mentions:
            # an entity built without mentions (hand-made input): fall back to its spellings
            for spelling in {entity.name, *entity.aliases}:
                spans += [EntitySpan(s, e, entity.id) for s, e in _find_all(article.text, spelling)]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    return spans


def sentence_bounds(article: CleanArticle, understanding: Understanding, doc: Doc) -> list[tuple[int, int]]:
    """Return sentence (start, end) offsets: the understanding stage's when it gave them, else the parse's."""
    given = sorted((s.start, s.end) for s in understanding.sentences if s.article_id == article.id)
    return given or [(sent.start_char, sent.end_char) for sent in doc.sents]


def article_contexts(understanding: Understanding, docs: list[Doc]) -> list[ArticleContext]:
    entities = {e.id: e for e in understanding.entities}
    return [
        ArticleContext(
            article=article,
            doc=doc,
            entity_spans=entity_spans(article, understanding.entities),
            sentence_bounds=sentence_bounds(article, understanding, doc),
            entities=entities,
        )
        for article, doc in zip(understanding.articles, docs)
    ]
