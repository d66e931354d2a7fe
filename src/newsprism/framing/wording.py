"""Word choices: the different words outlets use for the same people where they state the same fact.

The comparison stage's facts already align sentences across outlets. When two outlets'
evidence sentences of one fact put different noun phrases in the same role, those phrases
name the same referent, and the difference is the outlet's choice of words ("the protesters"
/ "the rioters" / "the demonstrators"; "the government" / "the regime").

Steps, per fact with sentences of two outlets or more:
1. in each evidence sentence (outlet's own voice only: nothing inside quotation marks), find
   the noun phrases in a role (`slots`): subject, object (a passive subject is the object, a
   passive's "by" agent the subject) or object of a preposition, keyed by the governing word's
   lemma and the relation; "hundreds of protesters" and "62 of the rioters" take the people as
   the phrase and the count as its number; the subjects and objects of verbs that only report
   speech ("said", "told") are left out: outlets cite different sources for one fact;
2. two outlets' phrases fill one role (`same_role`) when their key is the same, or when their
   governing words differ but share another argument ("fired tear gas at" / "used tear gas on")
   and each phrase is the only actor of its kind there; or they count the same people by one
   exact figure of COUNT_ANCHOR or more on one day or beside one named actor or place
   (`same_count`: "3,400 dockers walked off" / "3,400 members of the union stopped work");
   sentences the comparison put in two facts are paired too (`across_facts`) when their key is
   the same, or by `same_count`, or (`same_holding`) when they name plural people, one side by a
   loaded or label word, as the subject of a state held since one time written alike ("Some 600
   families had lived in the settlement since 2029" / "The land grabbers had occupied the site
   since 2029": the verb is the side taken), and they give no different days;
3. they are one word choice (`is_word_choice`) unless they are not a wording difference:
   - the same head word ("police" / "riot police", "protesters" / "peaceful protesters"), or a
     word inside the other's phrase: a longer or shorter phrase of one wording is a detail, unless
     what the longer adds is loaded ("illegal migrants" / "migrants": `_loaded_detail`);
   - different numbers ("50 protesters" / "hundreds of protesters"): a conflict, not wording;
   - different named actors (two entities of the story), or two spellings of one name;
   - a pronoun, or a word that names no people: each side must be a name of a person, group
     or state, or a noun of data/framing/en/actor_nouns.txt, and at least one side such a noun
     (so "the minister" / "Korvel" is no choice: naming someone is not labelling them); a
     loaded or label noun ("the kleptocrat") counts where the understanding resolved it to the
     same entity as the other side's name;
   - two plain nouns (actor_nouns.txt tag "plain": "members" / "people", "residents" / "families"):
     neither says more of the people than the other;
   - one person against many ("a protester" / "the protesters", "Minister Weyn" / "the
     government", "Jordan" / "Gulf states") unless a noun is collective;
   - security forces against anyone else ("police" / "youths"): opposite sides, never one referent;
4. the clauses around the two phrases must say the same thing (`same_statement`): facts align
   whole sentences, and loosely;
5. linked phrases form one WordChoice: every outlet's words with its evidence sentence, plus other
   outlets using one of those words in the same role (or with the same figure) in those facts.

Unnamed groups stay word choices; they are not made entities of the framing profile: one
fact's role pins the referent, but "the protesters" of two facts may be different crowds, and
an entity merged across facts by its words alone would join them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsprism.compare.views import UnionFind
from newsprism.framing.lexicon import load_lexicon, read_rows
from newsprism.framing.voice import inside_quotation, quotation_spans
from newsprism.models import Evidence, Fact, FramingEntry, Understanding, WordChoice, WordingUse, article_label, content_id
from newsprism.understand.nlp import word_list
from newsprism.understand.numbers import word_value

# Relations whose noun phrase fills a role of its governing word.
# A passive subject is the object of the active clause and a passive's "by" agent its subject, so
# "X sentenced Y" and "Y was sentenced by X" fill the same roles.
ROLE_DEPS = {"nsubj": "subject", "nsubjpass": "object", "dobj": "object", "pobj": "prep"}
# Heads that count people rather than name them: "hundreds of protesters", "dozens of the rioters".
QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "score", "million", "number", "handful", "some", "many", "several", "most", "all", "few", "majority"})
DETERMINERS = frozenset({"the", "a", "an"})
# Children of the governing word left out of the role's wording: other clauses and punctuation.
OTHER_CLAUSES = frozenset({"advcl", "ccomp", "conj", "cc", "relcl", "punct", "mark", "parataxis", "xcomp", "acl", "appos", "dep"})
# Governing words too weak to pin a referent by their role alone.
WEAK_GOVERNORS = frozenset({"be", "have", "remain", "become", "include"})
# Content words two clauses must share besides their governing words (see same_statement).
CLAUSE_SHARED = 2
ROLE_TOKENS = 14  # the role is shown in at most this many words around the slot
# Entity types that name people or groups of them (places, dates and things do not).
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})


@lru_cache(maxsize=8)
def actor_nouns(user_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """Nouns naming people or groups (data/framing/en/actor_nouns.txt) -> their tags ("collective", "security")."""
    tags: dict[str, frozenset[str]] = {}
    for row in read_rows("actor_nouns", user_dir):
        tags[row[0]] = tags.get(row[0], frozenset()) | frozenset(row[1:])
    return tags


@dataclass(frozen=True)
class Slot:
    """A noun phrase in one role of one evidence sentence."""

    fact_id: str
    article_id: str
    outlet: str
    key: tuple[str, str]  # (governing lemma, relation)
    kind: str  # subject, object or prep: the relation, coarse
    args: frozenset[tuple[str, str]]  # the governing word's other arguments: (kind, head lemma)
    actor: bool  # its head is an actor noun or a name of a person, organisation or group
    clause: frozenset[str]  # content lemmas of the governing word's own clause, without the phrase
    sentence_words: frozenset[str]  # content lemmas of the whole sentence, without the phrase
    words: str  # as written, without a leading article
    head: str  # head lemma
    content: frozenset[str]  # lemmas of its words, without articles and numbers
    numbers: tuple[str, ...]
    plural: bool
    common: bool  # the head is a common noun (a word for people), not a name
    head_entity: str | None
    entities: frozenset[str]
    context_entities: frozenset[str]  # entities named in the sentence outside the phrase
    role: str
    evidence: Evidence
    since: frozenset[str] = frozenset()  # the times the governing word's state runs from ("since 2029"), lower-cased


def _people_noun(token: Token) -> tuple[Token, list[Token]]:
    """Return the noun naming the people and the quantity words before it: "hundreds of protesters" -> protesters."""
    if token.lemma_.lower() in QUANTITY_HEADS or token.like_num or token.pos_ == "NUM":
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                if objs:
                    return objs[0], list(token.doc[token.left_edge.i: token.i + 1])
    return token, []


def _role_text(gov: Token, phrase: set[int], subject: bool, nouns: dict[str, frozenset[str]], sentence: Span | None = None) -> str:
    """The role the phrase fills, in the sentence's words: "who clashed with police", "police fired tear gas at …".

    Only the governing word with its auxiliaries, objects and the prepositions that hold people
    or the phrase itself: time and place adjuncts are left out. A clause that says too little
    without its subject ("to refer to …") is shown as its whole `sentence`, the phrase left out.
    """
    text = _role_words(gov, phrase, subject, nouns)
    if sentence is not None and len(text.replace("…", "").split()) < 4:
        # "who walked": with its time and place ("who walked off the job at the port on Monday")
        text = _role_words(gov, phrase, subject, nouns, adjuncts=True)
    if sentence is not None and len(text.replace("…", "").split()) < 4:
        return _words_around(gov.doc, [t.i for t in sentence if not t.is_space], phrase)
    return text


def _role_words(gov: Token, phrase: set[int], subject: bool, nouns: dict[str, frozenset[str]], adjuncts: bool = False) -> str:
    keep: set[int] = set()
    for child in gov.children:
        if child.dep_ in OTHER_CLAUSES or (subject and child.dep_ in ("nsubj", "nsubjpass")) or child.tag_ in ("WRB", "WDT"):
            continue  # a relative clause's "where", "which" link to a word outside the role
        if not adjuncts and child.dep_ in ("prep", "npadvmod", "advmod") and not any(
                t.i in phrase or (t.dep_ == "pobj" and t.lemma_.lower() in nouns) for t in child.subtree):
            continue
        keep.update(t.i for t in child.subtree)
    keep.add(gov.i)
    text = _words_around(gov.doc, sorted(keep), phrase)
    return f"who {text}" if subject else text


def _words_around(doc: Doc, order: list[int], phrase: set[int]) -> str:
    """The words at `order` with the phrase as "…", at most ROLE_TOKENS of them around it."""
    # the kept words with their own spacing; a gap where words were left out is one space
    pieces: list[str] = []
    slot_at = None
    for k, i in enumerate(order):
        if i in phrase:
            if slot_at is None:
                slot_at = len(pieces)
                pieces.append("… ")
            continue
        joined = k + 1 < len(order) and order[k + 1] == i + 1 and order[k + 1] not in phrase
        pieces.append(doc[i].text + (doc[i].whitespace_ if joined else " "))
    if len(pieces) > ROLE_TOKENS:
        lo = 0 if slot_at is None else max(0, min(slot_at - ROLE_TOKENS // 2, len(pieces) - ROLE_TOKENS))
        cut = pieces[lo: lo + ROLE_TOKENS]
        pieces = (["… "] if lo else []) + cut + ([" …"] if lo + ROLE_TOKENS < len(pieces) else [])
    return re.sub(r"\s+([.,;:!?])", r"\1", "".join(pieces).strip())  # no space left before punctuation where words were cut


def _arguments(gov: Token) -> list[tuple[str, Token]]:
    """The noun arguments of a governing word: (kind, token) for its subjects, objects and prepositions' objects."""
    found = []
    for child in gov.children:
        if child.dep_ in ("nsubj", "csubj"):
            found.append(("subject", child))
        elif child.dep_ in ("dobj", "nsubjpass"):
            found.append(("object", child))
        elif child.dep_ in ("prep", "agent", "dative"):
            found += [("prep", c) for c in child.children if c.dep_ == "pobj"]
    return found


def slots(fact: Fact, evidence: Evidence, doc: Doc, outlet: str, entity_spans: list[tuple[int, int, str]],
          nouns: dict[str, frozenset[str]], entity_types: dict[str, str], speech_verbs: frozenset[str],
          label_words: frozenset[str] = frozenset(), quoted: list[tuple[int, int]] | None = None) -> list[Slot]:
    """The noun phrases in a role in one evidence sentence of a fact (outlet's own voice only) that
    may name people: an actor noun, a label word, or a name of a person, group or state.

    `quoted`: the doc's quotation spans (voice.quotation_spans), found here when not given.
    """
    if quoted is None:
        quoted = quotation_spans(doc.text)
    sentence = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if sentence is None:
        return []
    sentence_content = [(i, lemma) for i, lemma in _content_tokens(doc, range(sentence.start, sentence.end))]
    roles_filled: dict[tuple[str, str], int] = defaultdict(int)

    def entity_of(t: Token) -> str | None:
        for s, e, eid in entity_spans:
            if s <= t.idx < e:
                return eid
        return None

    found: list[Slot] = []
    for token in sentence:
        if token.dep_ not in ROLE_DEPS or token.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        if token.dep_ == "pobj":
            prep = token.head
            gov = prep.head
            if prep.dep_ not in ("prep", "agent") or prep.lower_ == "of":
                continue
            if (prep.dep_ == "prep" and gov.pos_ == "NOUN" and gov.dep_ == "dobj" and gov.head.pos_ == "VERB"
                    and gov.lemma_.lower() not in nouns):
                # "used water cannon on demonstrators": the parser hangs the people on the thing used,
                # while they are the verb's, as in "fired water cannon at students"
                gov = gov.head
            relation = f"{prep.lower_} ({ROLE_DEPS.get(gov.dep_, 'prep')})" if gov.pos_ != "VERB" else prep.lower_
            if prep.dep_ == "agent":
                relation = "subject"
        else:
            gov = token.head
            relation = ROLE_DEPS[token.dep_]
            if (token.dep_ == "nsubj" and gov.tag_ == "VBN" and any(c.dep_ == "agent" for c in gov.children)
                    and not any(c.dep_ in ("aux", "auxpass") for c in gov.children)):
                # "Seven aid workers held ... by an armed group were freed": a participle with a "by" agent and
                # no auxiliary is a reduced passive; the parse's subject is its object, the agent its subject
                relation = "object"
        if gov.i < sentence.start or gov.i >= sentence.end or gov.i == token.i:
            continue
        if gov.lemma_.lower() in speech_verbs:
            continue  # who said it: outlets name different sources of one fact
        if gov.lemma_.lower() in WEAK_GOVERNORS:
            continue  # "X was there" / "people were inside": a role too weak to pin one referent
        noun, quantity = _people_noun(token)
        if noun.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "conj" for c in noun.children) or any(c.dep_ == "conj" for c in token.children):
            continue
        if inside_quotation(quoted, token.idx):
            continue  # a speaker's words, not the outlet's
        last = noun.i
        # the people a group word is made of: "a mob of student rioters", "militants of the Kessel Front";
        # or the rest of a name: "the Federation of Metal and Mining Workers"
        if noun.lemma_.lower() in nouns or noun.pos_ == "PROPN":
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of" and any(
                        c.dep_ == "pobj" and ((c.lemma_.lower() in nouns and noun.pos_ != "PROPN") or c.pos_ == "PROPN") for c in prep.children):
                    last = max(last, prep.right_edge.i)
        words = list(doc[noun.left_edge.i: last + 1])
        if any(t.dep_ in ("relcl", "acl") or (t.dep_ == "prep" and t.i < noun.i) for t in words):
            continue
        # the figures: "About 3,400" and "Some 3,400" are one figure, "hundreds of" a count
        numbers = tuple(_figure(t.lower_) for t in [*quantity, *words] if t.like_num or (
            t.lemma_.lower() in QUANTITY_HEADS and t.dep_ not in ("quantmod", "advmod")))
        # the words shown start after articles and counts ("More than 40 people", "at least 14 miners" -> "people",
        # "miners"): equal counts are the rule
        while len(words) > 1 and (words[0].lower_ in DETERMINERS or words[0].is_punct or words[0].like_num
                                  or words[0].dep_ in ("det", "predet", "quantmod", "nummod")
                                  or any(t.like_num for t in words[0].ancestors if t.i < noun.i)):
            words = words[1:]
        if not words or words[0].lower_ in DETERMINERS:
            continue
        if noun.pos_ == "PROPN":
            # a name's run of proper nouns after a common noun that is no title, label or word for people
            # belongs to no description ("Police allege Eric Allen Kirkpatrick" parsed as one phrase)
            run = noun.i
            while run - 1 >= words[0].i and doc[run - 1].pos_ == "PROPN" and doc[run - 1].dep_ == "compound":
                run -= 1
            before = doc[run - 1] if run - 1 >= words[0].i else None
            if before is not None and before.pos_ == "NOUN" and not (
                    before.lemma_.lower() in nouns or before.lemma_.lower() in label_words or before.lower_ in word_list("titles.txt")):
                words = words[run - words[0].i:]
        key = (gov.lemma_.lower(), relation)
        if noun.ent_type_ in ("DATE", "TIME"):
            continue  # "on Friday evening" beside "on demonstrators": a time is no second filler of the role
        roles_filled[key] += 1
        head_entity = entity_of(noun)
        if not (noun.lemma_.lower() in nouns or noun.lemma_.lower() in label_words
                or entity_types.get(head_entity or "") in ACTOR_TYPES | {"GPE"}):
            continue  # names no people: never one side of a word choice (is_word_choice)
        content = frozenset(t.lemma_.lower() for t in words if not (t.like_num or t.pos_ in ("DET", "ADP", "PUNCT", "NUM")))
        phrase = {t.i for t in token.subtree} | {t.i for t in noun.subtree}
        # the phrase without a clause hung on its noun ("migrants landed at Orsa", parsed as a reduced relative)
        clauses = {t.i for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i for t in c.subtree}
        core = {gov.i} | {t.i for c in gov.children if c.dep_ not in OTHER_CLAUSES for t in c.subtree}
        kind = relation if relation in ("subject", "object") else "prep"
        actor = (noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns) or entity_types.get(head_entity or "") in ACTOR_TYPES
        args = frozenset((k, t.lemma_.lower()) for k, t in _arguments(gov) if t.i != token.i and t.pos_ in ("NOUN", "PROPN"))
        found.append(Slot(
            fact_id=fact.id,
            article_id=evidence.article_id,
            outlet=outlet,
            key=key,
            kind=kind,
            args=args,
            actor=actor,
            clause=frozenset(lemma for _, lemma in _content_tokens(doc, sorted(core - phrase))),
            sentence_words=frozenset(lemma for i, lemma in sentence_content if i not in phrase),
            words=doc[words[0].i: words[-1].i + 1].text,
            head=noun.lemma_.lower(),
            content=content,
            numbers=numbers,
            plural=noun.tag_ in ("NNS", "NNPS"),
            common=noun.pos_ == "NOUN",
            head_entity=head_entity,
            entities=frozenset(filter(None, (entity_of(t) for t in words))),
            context_entities=frozenset(eid for st, en, eid in entity_spans
                                       if sentence.start_char <= st < sentence.end_char
                                       and not any(doc[i].idx <= st < doc[i].idx + len(doc[i]) for i in phrase - clauses)),
            role=_role_text(gov, phrase, token.dep_ in ("nsubj", "nsubjpass"), nouns, sentence),
            evidence=evidence,
            since=_since(gov),
        ))
    # a role filled twice in one sentence names no single referent
    return [s for s in found if roles_filled[s.key] == 1]


SINCE_WORDS = frozenset({"since"})  # prepositions that give the time a state runs from


def _since(gov: Token) -> frozenset[str]:
    """The times the governing word's state runs from, as written: "had lived there since 2029" -> {"2029"}."""
    return frozenset(" ".join(t.lower_ for t in obj.subtree if not t.is_punct and t.lower_ not in DETERMINERS)
                     for prep in gov.children if prep.dep_ == "prep" and prep.lower_ in SINCE_WORDS
                     for obj in prep.children if obj.dep_ == "pobj")


def _figure(word: str) -> str:
    """A figure as digits however written: "Fifteen" and "15" are one count, "3,400" is "3400";
    a word that is no single figure ("hundreds") stays as written."""
    digits = word.replace(",", "")
    if digits.isdigit():
        return digits
    value = word_value(word)
    return str(int(value)) if value is not None and value == int(value) else word


def _content_tokens(doc: Doc, indexes) -> list[tuple[int, str]]:
    """(index, lower-case lemma) of the content words among `indexes` (no stop words, punctuation or auxiliaries)."""
    found = []
    for i in indexes:
        t = doc[i]
        if not (t.is_stop or t.is_punct or t.pos_ in ("AUX", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "PART")):
            found.append((i, t.lemma_.lower()))
    return found


def _singular(lemma: str) -> str:
    """A lemma without a plural's final 's' ("barracks" / "barrack"), for comparing two clauses' words."""
    return lemma[:-1] if len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith("ss") else lemma


def same_statement(a: Slot, b: Slot) -> bool:
    """True when the two phrases' clauses say the same thing around them, so the phrases name one referent.

    The fact aligns whole sentences, and loosely ones of one claim each ("The group was alerted to
    the fire by an alarm" / "Officers were alerted to the fire on the roof"): the clauses around
    the phrases must share CLAUSE_SHARED content words besides their governing words, and at least
    half of the smaller clause's words. A clause of fewer than three words is judged by its sentence.
    """
    x, y = a.clause, b.clause
    if min(len(x), len(y)) < 3:
        x, y = a.sentence_words, b.sentence_words
    # one word whose plural the lemmatiser reads two ways ("the barracks" -> "barrack" in one sentence,
    # "barracks" in another) is one word
    x, y = {_singular(w) for w in x}, {_singular(w) for w in y}
    shared = x & y
    if not x or not y or len(shared - {_singular(a.key[0]), _singular(b.key[0])}) < CLAUSE_SHARED:
        return False
    return len(shared) >= 0.5 * min(len(x), len(y))


def same_role(a: Slot, b: Slot, actors_per_role: dict[tuple, int]) -> bool:
    """True when two sentences' phrases fill one role: the same governing word and relation, or
    governing words that share another argument ("fired water cannon at" / "used water cannon on",
    "hurled bottles at" / "had thrown bottles at") with the phrase the only actor of its kind there."""
    if a.key == b.key:
        return True
    # a shared subject or object ties two verbs to one event; a shared place or time does not ("returned to Athens" / "roamed Athens")
    if a.kind != b.kind or not {arg for arg in a.args & b.args if arg[0] != "prep"} or not (a.actor and b.actor):
        return False
    return all(actors_per_role[(s.article_id, s.evidence.start, s.key[0], s.kind)] == 1 for s in (a, b))


def _loaded_detail(a: Slot, b: Slot, loaded: frozenset[str]) -> bool:
    """True when the longer of two wordings of one noun adds a loaded word, or is a loaded phrase
    itself: "illegal migrants" / "migrants" is a choice, "riot police" / "police" a detail."""
    if not (loaded and a.common and b.common and a.head == b.head):
        return False
    longer, shorter = (a, b) if len(a.content) >= len(b.content) else (b, a)
    if not shorter.content < longer.content:
        return False
    return longer.words.lower() in loaded or bool((longer.content - shorter.content) & loaded)


def _actor_entity(slot: Slot, entity_types: dict[str, str]) -> bool:
    """True when the slot's head is a name of a person, organisation, group or state."""
    return entity_types.get(slot.head_entity or "") in ACTOR_TYPES | {"GPE"}


def is_word_choice(a: Slot, b: Slot, nouns: dict[str, frozenset[str]], entity_types: dict[str, str], label_words: frozenset[str] = frozenset()) -> bool:
    """True when two outlets' phrases in one role of one fact are different words for the same people."""
    if a.outlet == b.outlet:
        return False
    if a.numbers != b.numbers:
        return False  # different numbers: a conflict, not a wording
    if a.head == b.head or (a.common and a.content <= b.content) or (b.common and b.content <= a.content):
        if not _loaded_detail(a, b, label_words):
            return False  # one wording, longer or shorter ("police" / "riot police"); a name inside a label is a label

    if a.head_entity and b.head_entity and a.head_entity != b.head_entity:
        return False  # two actors
    if a.entities and b.entities and not (a.entities & b.entities):
        return False  # names of different actors in the phrases
    # a word for people, even where the understanding resolved it to an entity ("the protesters"); a
    # loaded word or label noun ("the kleptocrat", "the regime") where it names the same entity as the other side
    same_entity = a.head_entity is not None and a.head_entity == b.head_entity
    a_noun = a.common and (a.head in nouns or (same_entity and a.head in label_words))
    b_noun = b.common and (b.head in nouns or (same_entity and b.head in label_words))
    if not (a_noun or b_noun):
        return False  # two names (spellings) or two words for no people
    if not (a_noun or _actor_entity(a, entity_types)) or not (b_noun or _actor_entity(b, entity_types)):
        return False
    if a_noun and b_noun and "plain" in nouns.get(a.head, ()) and "plain" in nouns.get(b.head, ()):
        return False  # "members" / "people", "residents" / "families": no word says more of them than the other
    collective = lambda slot: "collective" in nouns.get(slot.head, ())  # noqa: E731
    if a_noun and b_noun and a.plural != b.plural and not (collective(a) or collective(b)):
        return False  # one person against many
    if ("security" in nouns.get(a.head, ())) != ("security" in nouns.get(b.head, ())):
        return False  # police and the people they face (or another body: "call police" / "call Crimestoppers") are never one referent
    for x, y, y_noun in ((a, b, b_noun), (b, a, a_noun)):
        if x.head_entity and entity_types.get(x.head_entity) == "PERSON" and y_noun and (y.plural or collective(y)):
            return False  # a named person against a group ("Minister Weyn" / "the government")
        if x.head_entity and entity_types.get(x.head_entity) not in ACTOR_TYPES and y_noun and y.plural:
            return False  # one named place or state against many ("Jordan" / "Gulf states")
    return True


def _entity_spans(understanding: Understanding) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in understanding.entities:
        for m in entity.mentions:
            if m.start is not None and m.end is not None and m.kind != "pronoun":
                spans[m.article_id].append((m.start, m.end, entity.id))
    return spans


def _event_dates(understanding: Understanding) -> dict[tuple[str, int], frozenset[str]]:
    """(article id, sentence start) -> the days its claim's dates resolve to (report dates and plans left out)."""
    found: dict[tuple[str, int], frozenset[str]] = {}
    for claim in understanding.claims:
        days = frozenset(d.value[:10] for d in claim.dates if d.value and len(d.value) >= 10
                         and d.kind not in ("planned", "dateline", "duration"))
        if days:
            found[(claim.article_id, claim.start)] = days
    return found


COUNT_ANCHOR = 10  # the least exact count that ties two groups of people in one story (see same_count)


def same_count(a: Slot, b: Slot, nouns: dict[str, frozenset[str]], same_day: bool = False) -> bool:
    """True when two outlets' phrases count the same people by one exact figure in one role kind:
    "About 3,400 dockers walked off the job" / "Some 3,400 members of the union stopped work"; in two
    role kinds only on one day.

    One story seldom gives one figure of COUNT_ANCHOR or more for two groups of one day or place;
    below that ("two women" / "two children") a figure ties nothing. Both must be plural words for
    people, and the sentences must give one day (`same_day`: their days resolve alike) or name one
    actor or place besides the phrase ("about 100 youths" in Athens and "100 people" in Brooklyn of
    another week are two crowds).
    """
    if len(a.numbers) != 1 or a.numbers != b.numbers:
        return False
    figure = a.numbers[0].replace(",", "")
    if not figure.isdigit() or int(figure) < COUNT_ANCHOR:
        return False
    if not all(s.common and s.plural and s.head in nouns for s in (a, b)):
        return False
    if a.kind != b.kind or a.kind not in ("subject", "object"):
        # "a boat carrying 212 migrants" / "a boat packed with 212 illegal migrants": the figure in two
        # role kinds ties the people only where both sentences resolve to one day
        return same_day
    return same_day or bool(a.context_entities & b.context_entities)


def same_holding(a: Slot, b: Slot, nouns: dict[str, frozenset[str]], label_words: frozenset[str]) -> bool:
    """True when two outlets name, as the subject of a state held since one time, the same people, one
    of them by a loaded or label word: "Some 600 families had lived in the settlement since 2029" / "The
    land grabbers had occupied the site since 2029". Outlets that take sides in a dispute tell the
    holding with different verbs (live in / occupy, work at / squat), so the verb cannot pair them;
    the time the holding began, written alike, and the people's role can: one story seldom has two
    groups of people holding something since one time, and it is the loaded side that makes the two
    words a choice (two plain words, "workers" / "commuters" since Monday, pair nothing)."""
    if a.kind != "subject" or b.kind != "subject" or not (a.since & b.since):
        return False
    if not all(s.common and s.plural and s.head in nouns for s in (a, b)):
        return False
    return any(s.head in label_words or s.words.lower() in label_words for s in (a, b))


def _same_day(a: Slot, b: Slot, dates_at: dict[tuple[str, int], frozenset[str]]) -> bool:
    """True when both slots' sentences resolve to days and share one."""
    return bool(dates_at.get((a.article_id, a.evidence.start), frozenset()) & dates_at.get((b.article_id, b.evidence.start), frozenset()))


def _uncounted(a: Slot, b: Slot) -> tuple[Slot, Slot]:
    """The two slots with the count of one left out when only one gives a count ("Some 600 families" /
    "the land grabbers"): a count against none is no different number."""
    if bool(a.numbers) != bool(b.numbers):
        return replace(a, numbers=()), replace(b, numbers=())
    return a, b


def across_facts(found: list[Slot], dates_at: dict[tuple[str, int], frozenset[str]], nouns: dict[str, frozenset[str]],
                 entity_types: dict[str, str], label_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Pairs of slots (indexes into `found`) of two facts that are one role of one event: the comparison
    kept the sentences apart ("About 3,400 dockers walked off the job at the port on Monday" / "some
    3,400 members of the union walked off the job on Monday morning"), yet the same governing word and
    relation hold different words for people, the clauses around them say the same thing
    (`same_statement`), and the sentences give no different days."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, s in enumerate(found):
        by_key[s.key].append(i)
        if len(s.numbers) == 1:
            by_key[("count", s.numbers)].append(i)  # same_count's candidates: one figure
        for since in s.since:
            by_key[("since", s.kind, since)].append(i)  # same_holding's candidates: one state's start
    pairs = []
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = found[i], found[j]
                if a.fact_id == b.fact_id or a.outlet == b.outlet:
                    continue
                days_a = dates_at.get((a.article_id, a.evidence.start))
                days_b = dates_at.get((b.article_id, b.evidence.start))
                if days_a and days_b and not days_a & days_b:
                    continue  # the same deed on two days: two events
                same_day = bool(days_a and days_b)
                if is_word_choice(a, b, nouns, entity_types, label_words) and (
                        (a.key == b.key and same_statement(a, b)) or same_count(a, b, nouns, same_day)):
                    pairs.append((i, j))
                elif same_holding(a, b, nouns, label_words) and is_word_choice(*_uncounted(a, b), nouns, entity_types, label_words):
                    pairs.append((i, j))
    return pairs


def find_word_choices(facts: list[Fact], understanding: Understanding, docs: list[Doc], user_dir: Path | None = None) -> list[WordChoice]:
    """Return the different words outlets use for the same people in the facts they share.

    `docs` holds one parsed Doc per article of `understanding`, in order.
    """
    nouns = actor_nouns(user_dir)
    # verbs that only report speech (not "attack", "praise": their subject and object are actors too)
    lexicon = load_lexicon(user_dir)
    speech_verbs = frozenset(v for v, tag in lexicon.attribution_verbs.items() if tag not in ("criticism", "praise"))
    label_words = lexicon.loaded | lexicon.label_heads
    entity_types = {e.id: e.type for e in understanding.entities}
    order = {a.id: k for k, a in enumerate(understanding.articles)}
    doc_of = {a.id: d for a, d in zip(understanding.articles, docs)}
    outlet_of = {a.id: article_label(a) for a in understanding.articles}
    spans = _entity_spans(understanding)
    quoted_in: dict[str, list[tuple[int, int]]] = {}
    dates_at = _event_dates(understanding)
    # every fact's slots, one list: a pair of slots is linked within one fact (the comparison aligned
    # the sentences) or across two facts (the same event told in sentences the comparison kept apart)
    found: list[Slot] = []
    in_fact: dict[str, list[int]] = defaultdict(list)
    for fact in facts:
        for ev in fact.evidence:
            if ev.article_id in doc_of:
                if ev.article_id not in quoted_in:
                    quoted_in[ev.article_id] = quotation_spans(doc_of[ev.article_id].text)
                for slot in slots(fact, ev, doc_of[ev.article_id], outlet_of[ev.article_id],
                                  spans.get(ev.article_id, []), nouns, entity_types, speech_verbs, label_words,
                                  quoted_in[ev.article_id]):
                    in_fact[fact.id].append(len(found))
                    found.append(slot)
    links = UnionFind()
    paired: set[int] = set()
    for fact in facts:
        members = in_fact.get(fact.id, [])
        if len({found[i].outlet for i in members}) < 2:
            continue
        actors_per_role: dict[tuple, int] = defaultdict(int)
        for i in members:
            s = found[i]
            if s.actor:
                actors_per_role[(s.article_id, s.evidence.start, s.key[0], s.kind)] += 1
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = found[i], found[j]
                if is_word_choice(a, b, nouns, entity_types, label_words) and (
                        (same_role(a, b, actors_per_role) and same_statement(a, b)) or same_count(a, b, nouns, _same_day(a, b, dates_at))):
                    links.union(i, j)
                    paired.update((i, j))
    for i, j in across_facts(found, dates_at, nouns, entity_types, label_words):
        links.union(i, j)
        paired.update((i, j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(paired):
        groups[links.find(i)].append(i)
    choices: list[WordChoice] = []
    for members in groups.values():
        chosen = [found[i] for i in members]
        # other outlets' same words in the same role of the same facts belong beside them
        facts_of = {c.fact_id for c in chosen}
        # (or in another role, counted by the same figure: "pulling 3,400 dockers out" beside "3,400 dockers walked off")
        chosen += [found[k] for f in facts_of for k in in_fact[f] if k not in paired and any(
            (found[k].key == c.key or c.numbers) and found[k].content == c.content and found[k].numbers == c.numbers for c in chosen)]
        per_article: dict[str, Slot] = {}
        for s in sorted(chosen, key=lambda s: (order[s.article_id], s.evidence.start)):
            per_article.setdefault(s.article_id, s)
        uses = list(per_article.values())
        if len({u.words.lower() for u in uses}) < 2 or len({u.outlet for u in uses}) < 2:
            continue
        entity = next((s.head_entity for s in uses if s.head_entity), None)
        # the role and fact of the first linked slot: an added same-words slot may sit in another role
        first = min((found[i] for i in members), key=lambda s: (order[s.article_id], s.evidence.start))
        choices.append(WordChoice(
            id=content_id(f"{first.fact_id}|{first.article_id}|{first.key}|{first.words}", prefix="w"),
            fact_id=first.fact_id,
            role=first.role,
            entity_id=entity,
            uses=[WordingUse(outlet=s.outlet, article_id=s.article_id, words=s.words, evidence=s.evidence) for s in uses],
        ))
    framed = _framed(understanding, docs, user_dir, {ev.article_id for f in facts for ev in f.evidence})
    told = {(c.fact_id, c.entity_id) for c in choices if c.entity_id}
    choices += [c for c in described_actors(facts, framed, understanding, doc_of, outlet_of, nouns, lexicon)
                if (c.fact_id, c.entity_id) not in told]
    choices += told_deeds(facts, framed, understanding, doc_of, outlet_of, spans, dates_at, quoted_in)
    choices.sort(key=lambda c: -len({u.words.lower() for u in c.uses}))
    return choices


# --------------------------------------------------------------------------- named actors: their labels in one fact

FRAMED = "newsprism_framed"  # Doc.user_data key: (article id, story_key, labels, terms) left by frame_story


def story_key(understanding: Understanding) -> tuple:
    """What a stashed framing depends on besides its article: the story's entities."""
    return (understanding.story_id, tuple((e.id, len(e.mentions)) for e in understanding.entities))


def _framed(understanding: Understanding, docs: list[Doc], user_dir: Path | None,
            wanted: set[str]) -> dict[str, tuple[list, list]]:
    """Article id -> (its labels, its loaded words and other terms): frame_story's, left on the parse
    (FRAMED), else found here for the `wanted` articles."""
    key = story_key(understanding)
    found: dict[str, tuple[list, list]] = {}
    missing = []
    for article, doc in zip(understanding.articles, docs):
        if article.id not in wanted:
            continue
        kept = doc.user_data.get(FRAMED)
        if kept is not None and kept[0] == article.id and kept[1] == key:
            found[article.id] = (kept[2], kept[3])
        else:
            missing.append(article.id)
    if missing:
        from newsprism.framing.context import article_contexts
        from newsprism.framing.labels import find_labels
        from newsprism.framing.terms import find_terms
        from newsprism.framing.voice import find_quotations

        lexicon = load_lexicon(user_dir)
        ids = set(missing)
        for ctx in article_contexts(understanding, docs):
            if ctx.article.id in ids:
                ctx.quotations = find_quotations(ctx, understanding, lexicon)
                found[ctx.article.id] = (find_labels(ctx, lexicon), find_terms(ctx, lexicon))
    return found


def _label_words(term: str) -> frozenset[str]:
    """A label's words, lower-cased, without articles and "of": "governor of the bank" -> {governor, bank}."""
    return frozenset(w for w in re.split(r"[\s\-–]+", term.lower()) if w and w not in DETERMINERS and w != "of")


def _office(term: str) -> bool:
    """A label headed by a title ("Justice", "Finance Minister", "Deputy governor"): an office, named in its own words."""
    words = term.lower().split()
    return bool(words) and words[-1] in word_list("titles.txt")


def labels_differ(a: list[str], b: list[str], loaded: frozenset[str]) -> bool:
    """True when two outlets' labels of one actor in one fact are different words for them, not one wording
    told longer or shorter: "businessman" / "fugitive tycoon", "Prime Minister" / "lame-duck prime minister".

    A word only one side has is a choice when it is loaded, or when both sides have words of their own and
    they are not two names of an office ("Justice" / "Judge"). A detail one side adds ("Defence lawyer" /
    "lawyer", "governor of the bank" / "governor") is no choice.
    """
    words_a = frozenset().union(*map(_label_words, a)) if a else frozenset()
    words_b = frozenset().union(*map(_label_words, b)) if b else frozenset()
    only_a, only_b = words_a - words_b, words_b - words_a

    def loaded_in(terms: list[str], only: frozenset[str]) -> bool:
        return any(t.lower() in loaded or (_label_words(t) & only & loaded) for t in terms)

    if loaded_in(a, only_a) or loaded_in(b, only_b):
        return True
    if not (only_a and only_b):
        return False
    return not (all(_office(t) for t in a if _label_words(t) & only_a) and all(_office(t) for t in b if _label_words(t) & only_b))


def _joined(labels: list[FramingEntry], sentence: Evidence) -> str:
    """One outlet's labels of an actor in one sentence, in the sentence's order: labels written side by side
    are one description ("Lame-duck" + "prime minister"), others are listed."""
    text = sentence.text
    placed = []
    for entry in labels:
        at = text.find(entry.term)
        placed.append((at if at >= 0 else len(text), entry.term))
    placed.sort()
    out = ""
    for k, (at, term) in enumerate(placed):
        if k:
            prev_at, prev = placed[k - 1]
            out += " " if 0 <= prev_at and prev_at + len(prev) <= at and not text[prev_at + len(prev):at].strip() else ", "
        out += term
    return out


def _actor_role(doc: Doc, sentence: Evidence, mentions: list[tuple[int, int]], nouns: dict[str, frozenset[str]],
                speech_verbs: frozenset[str] = frozenset()) -> str | None:
    """What the actor does or undergoes in the sentence, in its words ("who can be extradited to …"), from the
    first mention of the actor there that fills a role; None when none does."""
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        phrase = {t.i for t in token.subtree}
        if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            gov = token.head
        elif token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
            gov = token.head.head
        else:
            continue
        if gov.i == token.i:
            continue
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if gov.lemma_.lower() in speech_verbs:
            return _role_words(gov, phrase, subject, nouns)  # "who told reporters", not the quotation around it
        sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return _role_text(gov, phrase, subject, nouns, sent)
    return None


def described_actors(facts: list[Fact], framed: dict[str, tuple[list, list]], understanding: Understanding,
                     doc_of: dict[str, Doc], outlet_of: dict[str, str], nouns: dict[str, frozenset[str]], lexicon) -> list[WordChoice]:
    """Word choices for named actors: where outlets state the same fact and name the same person or group in
    it, the labels each gives them there ("businessman Dragomir X" / "Fugitive tycoon Dragomir X"). The
    understanding's entity pins the referent, so the roles need not match; the labels must differ
    (`labels_differ`) and be in the outlet's own voice."""
    entity_of = {e.id: e for e in understanding.entities}
    loaded = lexicon.loaded
    choices: list[WordChoice] = []
    for fact in facts:
        if len({outlet_of.get(ev.article_id) for ev in fact.evidence}) < 2:
            continue
        # entity -> article -> (its labels in the fact's sentence, the sentence)
        found: dict[str, dict[str, tuple[list[FramingEntry], Evidence]]] = defaultdict(dict)
        for ev in fact.evidence:
            labels = framed.get(ev.article_id, ([], []))[0]
            for entry in labels:
                entity = entity_of.get(entry.target_entity_id or "")
                if (entity is None or entity.type not in ACTOR_TYPES | {"GPE"} or entry.voice != "outlet"
                        or entry.evidence.in_title or not ev.start <= entry.evidence.start < ev.end):
                    continue
                found[entity.id].setdefault(ev.article_id, ([], ev))[0].append(entry)
        for entity_id, per_article in found.items():
            if len({outlet_of[a] for a in per_article}) < 2:
                continue
            terms = {a: [e.term for e in entries] for a, (entries, _) in per_article.items()}
            if not any(labels_differ(terms[x], terms[y], loaded) for x in terms for y in terms
                       if outlet_of[x] != outlet_of[y]):
                continue
            order = sorted(per_article, key=lambda a: fact.article_ids.index(a) if a in fact.article_ids else len(fact.article_ids))
            uses = [WordingUse(outlet=outlet_of[a], article_id=a, words=_joined(per_article[a][0], per_article[a][1]),
                               evidence=per_article[a][1]) for a in order]
            first = order[0]
            entity = entity_of[entity_id]
            mentions = sorted((m.start, m.end) for m in entity.mentions if m.article_id == first and m.start is not None
                              and m.end is not None and per_article[first][1].start <= m.start < per_article[first][1].end)
            role = (_actor_role(doc_of[first], per_article[first][1], mentions, nouns, frozenset(lexicon.attribution_verbs))
                    or f"named in: {per_article[first][1].text}")
            choices.append(WordChoice(
                id=content_id(f"{fact.id}|{entity_id}|labels", prefix="w"),
                fact_id=fact.id,
                role=role,
                entity_id=entity_id,
                uses=uses,
            ))
    return choices


# --------------------------------------------------------------------------- one deed, told in a loaded verb by one outlet

DEED_OBJECT_TOKENS = 6  # a neutral verb is shown with its object up to this many words ("lost a vote of no confidence")


@dataclass(frozen=True)
class Deed:
    """What a named actor does (or undergoes) in one sentence: the governing verb with the actor its subject."""

    fact_id: str
    article_id: str
    outlet: str
    entity_id: str
    passive: bool
    lemma: str
    words: str  # the verb as told: "deserted his post", "was thrown out of office", "resigned"
    loaded: bool
    others: frozenset[str]  # other entities named in the verb's clause
    evidence: Evidence


def _verb_words(verb: Token, term: Span | None) -> str:
    """The verb as told: its auxiliaries of the passive, particle and a short object; a loaded phrase as
    matched, with the passive's auxiliary ("was thrown out of office")."""
    doc = verb.doc
    negated = any(c.dep_ == "neg" for c in verb.children)  # "did not resign", not "not resign"
    keep = {verb.i} | {c.i for c in verb.children if c.dep_ in ("auxpass", "prt", "neg") or (negated and c.dep_ == "aux")}
    if term is not None:
        keep |= {t.i for t in term}
    else:
        # the object told after the verb, short and unbroken ("lost a vote"); what was said ("wrote ...") is no part
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
            phrase = [t for t in obj.subtree if t.i <= obj.i or any(p.dep_ == "prep" and p.lower_ == "of" and t in p.subtree for p in obj.children)]
            if len(phrase) > DEED_OBJECT_TOKENS - 1:
                phrase = [t for t in obj.subtree if t.i <= obj.i]
            if len(phrase) <= DEED_OBJECT_TOKENS - 1 and not any(t.is_punct or t.is_quote for t in phrase):
                keep |= {t.i for t in phrase}
    # the verb's own words only: an auxiliary or particle parted from it by other words ("was, police said,
    # thrown") is left out rather than the words between
    lo = hi = verb.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    return doc[lo: hi + 1].text


def _deeds(fact: Fact, ev: Evidence, doc: Doc, outlet: str, spans: list[tuple[int, int, str]], loaded_terms: list[FramingEntry],
           entity_types: dict[str, str], quoted: list[tuple[int, int]]) -> list[Deed]:
    """The deeds of named actors in one evidence sentence, in the outlet's voice: each verb whose subject is a
    mention of a person, organisation or group, marked loaded where a loaded word of framing covers the verb."""
    sentence = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if sentence is None:
        return []
    loaded_at: dict[int, Span] = {}
    text = doc.text
    for entry in loaded_terms:
        if entry.voice != "outlet" or entry.evidence.in_title or not ev.start <= entry.evidence.start < ev.end:
            continue
        at = text.find(entry.term, entry.evidence.start, entry.evidence.end)
        term = doc.char_span(at, at + len(entry.term), alignment_mode="expand") if at >= 0 else None
        for t in term or []:
            if t.pos_ == "VERB":
                loaded_at[t.i] = term
                break

    def entity_of(t: Token) -> str | None:
        return next((eid for s, e, eid in spans if s <= t.idx < e), None)

    found = []
    for verb in sentence:
        if verb.pos_ != "VERB" or inside_quotation(quoted, verb.idx):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1:
            continue
        # "The banker Radomir Velk deserted ...": the parse may make the noun before the name the subject
        subject = entity_of(subjects[0]) or next((entity_of(c) for c in subjects[0].children
                                                   if c.dep_ == "appos" and c.pos_ == "PROPN" and entity_of(c)), None)
        if subject is None or entity_types.get(subject) not in ACTOR_TYPES:
            continue
        clause = [t for c in verb.children if c.dep_ not in OTHER_CLAUSES and c not in subjects for t in c.subtree]
        term = loaded_at.get(verb.i)
        found.append(Deed(
            fact_id=fact.id, article_id=ev.article_id, outlet=outlet, entity_id=subject,
            passive=subjects[0].dep_ == "nsubjpass", lemma=verb.lemma_.lower(), words=_verb_words(verb, term),
            loaded=term is not None, others=frozenset(filter(None, (entity_of(t) for t in clause))) - {subject}, evidence=ev))
    return found


def told_deeds(facts: list[Fact], framed: dict[str, tuple[list, list]], understanding: Understanding, doc_of: dict[str, Doc],
               outlet_of: dict[str, str], spans: dict[str, list[tuple[int, int, str]]],
               dates_at: dict[tuple[str, int], frozenset[str]], quoted_in: dict[str, list[tuple[int, int]]]) -> list[WordChoice]:
    """Word choices for a deed: one named actor's act told with a loaded verb by one outlet and with other
    verbs by others ("resigned" / "deserted his post", "lost a vote" / "was thrown out of office").

    The two sentences tell one deed when the comparison put them in one fact, or, in two facts, when they
    resolve to one day and the verb's clause names the same other actor ("deserted his post at the Bank
    on Thursday" / "resigned as governor of the Bank on Thursday"). Only a loaded verb makes a row: two
    neutral verbs ("resigned" / "quit") are the same account in other words.
    """
    entity_types = {e.id: e.type for e in understanding.entities}
    entity_name = {e.id: e.name for e in understanding.entities}
    deeds: list[Deed] = []
    for fact in facts:
        for ev in fact.evidence:
            if ev.article_id in doc_of and not ev.in_title:
                terms = [t for t in framed.get(ev.article_id, ([], []))[1] if t.category == "loaded"]
                deeds += _deeds(fact, ev, doc_of[ev.article_id], outlet_of[ev.article_id], spans.get(ev.article_id, []),
                                terms, entity_types, quoted_in.get(ev.article_id) or [])
    choices: list[WordChoice] = []
    done: set[tuple[str, str]] = set()
    for a in deeds:
        if not a.loaded or (a.fact_id, a.entity_id) in done:
            continue
        side: dict[str, Deed] = {}
        for b in deeds:
            if b.entity_id != a.entity_id or b.outlet == a.outlet or b.loaded or b.lemma == a.lemma or b.article_id in side:
                continue
            if b.fact_id != a.fact_id:
                days_a = dates_at.get((a.article_id, a.evidence.start), frozenset())
                days_b = dates_at.get((b.article_id, b.evidence.start), frozenset())
                if not (days_a & days_b and a.others & b.others):
                    continue
            side[b.article_id] = b
        if not side:
            continue
        done.add((a.fact_id, a.entity_id))
        uses = [a, *side.values()]
        order = {x.id: k for k, x in enumerate(understanding.articles)}
        uses.sort(key=lambda d: order.get(d.article_id, 0))
        name = entity_name.get(a.entity_id, "")
        choices.append(WordChoice(
            id=content_id(f"{a.fact_id}|{a.article_id}|{a.entity_id}|{a.words}", prefix="w"),
            fact_id=a.fact_id,
            role=f"what happened to {name}" if a.passive else f"what {name} did",
            entity_id=a.entity_id,
            uses=[WordingUse(outlet=d.outlet, article_id=d.article_id, words=d.words, evidence=d.evidence) for d in uses],
        ))
    return choices
