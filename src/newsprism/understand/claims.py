"""Claims: each body sentence -> a Claim with its entities, numbers, dates, source and S-P-O reading."""

from __future__ import annotations

from spacy.tokens import Span

from newsprism.models import Claim, DateMention, Entity, NumberMention, content_id
from newsprism.understand.nlp import doc_text

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "attr", "dative", "oprd", "acomp", "ccomp", "xcomp"}


def is_claim_sentence(sent: Span) -> bool:
    """True for a sentence that states something: a verb and at least five words."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) >= 5 and any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:\"“”'‘’")


def subject_predicate_object(sent: Span) -> tuple[str | None, str | None, str | None]:
    """Return a subject-predicate-object reading of a sentence from its dependency parse."""
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return None, None, None
    subject = next((t for t in root.children if t.dep_ in SUBJECT_DEPS), None)
    obj = next((t for t in root.children if t.dep_ in OBJECT_DEPS), None)
    if obj is None:
        prep = next((t for t in root.children if t.dep_ in {"prep", "agent"}), None)
        pobj = next((t for t in prep.children if t.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None:
            obj = prep
    parts = [t for t in root.children if t.dep_ in {"aux", "auxpass", "neg", "prt"}] + [root]
    predicate = " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    subject_text = _clean(sent.doc[subject.left_edge.i: subject.right_edge.i + 1].text) if subject is not None else None
    object_text = _clean(sent.doc[obj.left_edge.i: obj.right_edge.i + 1].text) if obj is not None else None
    return subject_text or None, predicate, object_text or None


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
    subject, predicate, obj = subject_predicate_object(sent)
    return Claim(
        id=content_id(f"{article_id}|{index}", prefix="c"),
        article_id=article_id,
        sentence_index=index,
        text=doc_text(sent.doc)[start:end],
        start=start,
        end=end,
        entity_ids=entity_ids,
        numbers=[n for n in numbers if n.article_id == article_id and n.sentence_index == index],
        dates=[d for d in dates if d.article_id == article_id and d.sentence_index == index],
        attributed_to=attributed_to,
        subject=subject,
        predicate=predicate,
        object=obj,
    )
