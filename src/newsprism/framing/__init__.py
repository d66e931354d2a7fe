"""Framing: Understanding -> [FramingEntry]: how each outlet frames the story's actors.

Steps, per article (reader comments are never read: they are not in `CleanArticle.text`):

1. parse the clean text (the understanding stage's spaCy pipeline) and locate the story's
   entities in it (`context.py`);
2. find the quotations and whose they are (`voice.py`), then the scare quotes among them
   (`scare_quotes.py`);
3. labels per actor from the parse (`labels.py`);
4. loaded words, hedges and attribution verbs from the lexicons (`terms.py`, `lexicon.py`);
5. channels the article relays (`channels.py`);
6. loaded words and hedges of the article's headline, which the clean text leaves out (`headline.py`).

`find_word_choices` (`wording.py`) reads the comparison's facts: the different words outlets
use for the same people where they state the same fact.

Every entry says whose voice it is: the outlet's, or a quoted speaker's. `framing_profile`
(`profile.py`) turns the entries into a per-outlet profile for the report.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.framing.channels import find_channels
from newsprism.framing.context import article_contexts
from newsprism.framing.headline import headline_entries
from newsprism.framing.labels import find_labels
from newsprism.framing.lexicon import load_lexicon
from newsprism.framing.profile import framing_profile
from newsprism.framing.scare_quotes import mark_scare_quotes
from newsprism.framing.terms import find_terms
from newsprism.framing.voice import find_quotations
from newsprism.framing.wording import FRAMED, find_word_choices, story_key
from newsprism.models import FramingEntry, Understanding
from newsprism.settings import FramingSettings

__all__ = ["find_word_choices", "frame_story", "framing_profile", "parse_texts"]


def parse_texts(texts: list[str], *, entities: bool = True) -> list[Doc]:
    """Parse with the understanding stage's pipeline (same tokens and sentences as it saw).

    Framing takes its entities from the Understanding, so it parses without the NER component
    (`entities=False`), which saves about a third of the parse.
    """
    from newsprism.understand import nlp

    if entities:
        return nlp.parse(texts)
    return list(nlp.load_nlp().pipe(texts, batch_size=32, disable=["ner"]))


def frame_story(understanding: Understanding, settings: FramingSettings | None = None, docs: list[Doc] | None = None) -> list[FramingEntry]:
    """Return how each outlet frames the story: labels, loaded words, hedges, attribution verbs, scare quotes, channels.

    `docs`, one parsed Doc per article in order, spares a second parse when the caller has one.
    """
    settings = settings or FramingSettings()
    lexicon = load_lexicon(settings.lexicon_dir)
    if not understanding.articles:
        return []
    if docs is None or len(docs) != len(understanding.articles):
        docs = parse_texts([a.text for a in understanding.articles], entities=False)
    entries: list[FramingEntry] = []
    key = story_key(understanding)
    for ctx in article_contexts(understanding, docs):
        ctx.quotations = find_quotations(ctx, understanding, lexicon)
        entries += mark_scare_quotes(ctx, lexicon)
        labels = find_labels(ctx, lexicon)
        entries += labels
        terms = find_terms(ctx, lexicon)
        entries += terms
        entries += find_channels(ctx, understanding, lexicon)
        # kept on the parse for find_word_choices, which reads an actor's labels and the loaded words
        # told of one deed in the facts outlets share (wording.py), so that it does not find them again
        ctx.doc.user_data[FRAMED] = (ctx.article.id, key, labels, terms)
    entries += headline_entries(understanding, lexicon)
    return entries
