"""Lexicon terms: loaded and evaluative words, hedges and attribution verbs, each with its voice.

Words are matched on their lower-cased form and on their lemma; phrases (up to the longest
lexicon entry) on the lower-cased text as written, so "foreign-owned giant" and "is said to"
match whole. A term inside a quotation is the speaker's (voice "quote"), else the outlet's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.framing.context import ArticleContext, opens_sentence
from newsprism.framing.lexicon import Lexicon
from newsprism.framing.voice import quotation_at
from newsprism.models import FramingEntry

# Verbs of saying that are also everyday verbs ("add salt", "state of"): count them only when they
# introduce speech, i.e. govern a clause or a quotation.
_SPEECH_DEPS = {"ccomp", "parataxis", "xcomp"}
_QUOTE_MARKS = set("“”‘’\"'«»")


def _entry(ctx: ArticleContext, start: int, end: int, term: str, category: str) -> FramingEntry:
    quote = quotation_at(ctx, start, end)
    in_quote = quote is not None and not quote.scare
    return FramingEntry(
        article_id=ctx.article.id,
        term=term,
        category=category,
        target_entity_id=None,
        voice="quote" if in_quote else "outlet",
        speaker_entity_id=quote.speaker_entity_id if in_quote else None,
        evidence=ctx.evidence(start, end),
    )


def _prefixes(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(term[:k] for term in terms for k in range(1, len(term) + 1))


_PREFIX_CACHE: dict[frozenset[str], frozenset[str]] = {}


def phrase_matches(ctx: ArticleContext, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Return token ranges [i, j) whose text (or lemmas) form a term, longest match first, no overlaps."""
    prefixes = _PREFIX_CACHE.get(terms) or _PREFIX_CACHE.setdefault(terms, _prefixes(terms))
    lower, lemma, space, punct = ctx.lower, ctx.lemma, ctx.space, ctx.punct
    found: list[tuple[int, int]] = []
    i, n = 0, len(lower)
    while i < n:
        matched = 0
        if punct[i]:
            i += 1
            continue
        text, lemmas = lower[i], lemma[i]
        j = i + 1
        while True:
            if (text in terms or lemmas in terms) and not punct[j - 1]:
                matched = j - i
            if j >= n or (text not in prefixes and lemmas not in prefixes):
                break
            text += space[j - 1] + lower[j]
            lemmas += space[j - 1] + lemma[j]
            j += 1
        if matched:
            found.append((i, i + matched))
            i += matched
        else:
            i += 1
    return found


def _is_speech_verb(ctx: ArticleContext, token: Token, tag: str) -> bool:
    """Whether `token` introduces someone's words here, not an everyday use ("do not welcome the troops")."""
    if token.pos_ != "VERB":
        return False
    quote = quotation_at(ctx, token.idx, token.idx + len(token.text))
    if quote is not None and not quote.scare:
        return False  # the speaker's own verb, inside the quotation
    if any(child.dep_ in _SPEECH_DEPS for child in token.children):
        return True
    doc = token.doc
    near = doc[max(0, token.i - 3) : token.i + 4]
    if any(t.is_quote or t.text in _QUOTE_MARKS for t in near):
        return True
    subtree = list(token.subtree)
    if any(q.start >= subtree[0].idx and q.end <= subtree[-1].idx + len(subtree[-1].text) and not q.scare for q in ctx.quotations):
        return True
    # praise, blame, concession and emotion verbs are speech acts when a person does them: "X lauded the ties"
    if tag in ("praise", "criticism", "concession", "emotion"):
        for child in token.children:
            if child.dep_ == "nsubj":
                entity = ctx.entities.get(ctx.entity_of_token(child) or "")
                if entity is not None:
                    return entity.type == "PERSON"
                return child.lower_ in ("he", "she") or child.pos_ == "PROPN"
    return False


_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OBJECT_DEPS = {"dobj", "nsubj", "nsubjpass", "dative"}
_NOUN_DEPS = {"pcomp", "pobj", "dobj", "nsubj", "nsubjpass"}
_GERUND_COMPLEMENTS = _OBJECT_DEPS | {"xcomp", "ccomp", "prt", "agent", "compound", "poss"}  # "liberal-bashing", "his bashing"


def literal_sense(token: Token, lexicon: Lexicon) -> bool:
    """Whether a dramatising verb is used in its physical sense here, which is no framing.

    "the roof caved in", "a tunnel caved in" (a physical subject, or the thing a participle
    describes; the particle of data/framing/en/literal_particles.txt with no "to" after it:
    "caved in to donors" is giving in), "entombed in the crypt" (a place of data/framing/en/literal_places.txt
    where the verb happens), "crews blasted rock" (a physical object when no one named
    or referred to by a pronoun does it, data/framing/en/physical_nouns.txt), "blamed the collapse on blasting" (a gerund standing
    as the name of an activity, with no one doing it and nothing it is done to).
    """
    children = list(token.children)
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    things = list(subjects)
    # A physical object makes it literal only when no one named does it: "crews blasted rock", but
    # "Senator X blasted the border wall" criticises the wall.
    if not any(c.pos_ in ("PROPN", "PRON") for c in subjects):
        things += [c for c in children if c.dep_ == "dobj"]
    if token.dep_ in ("acl", "relcl") or (token.dep_ == "advcl" and token.head.pos_ == "NOUN"):
        things.append(token.head)
        # "the roof of the depot caved", parsed as said of "depot": the noun before "of" counts too
        if token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
            things.append(token.head.head.head)
    if any(t.lemma_.lower() in lexicon.physical_nouns or t.lower_ in lexicon.physical_nouns for t in things):
        return True
    # "entombed in the crypt of the abbey": a burial, where the verb's place is one of its literal places
    places = lexicon.literal_places.get(token.lemma_.lower(), frozenset())
    if places:
        for prep in children:
            if prep.dep_ != "prep":
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() in places or obj.lower_ in places:
                    return True
    particles = lexicon.literal_particles.get(token.lemma_.lower(), frozenset())
    if particles and not any(c.lower_ == "to" for c in children):
        # "caved in": a particle, or a preposition left without its object
        if any(c.lower_ in particles and (c.dep_ == "prt" or c.tag_ == "RP" or not list(c.children)) for c in children):
            return True
    # "warned against caving to donors", "plotting to bomb": a gerund with a complement is done to or for someone
    if token.tag_ == "VBG" and token.dep_ in _NOUN_DEPS and not any(c.dep_ in _GERUND_COMPLEMENTS or c.lower_ == "to" for c in children):
        return True
    return False


_PREDICATE_DEPS = {"acomp", "oprd", "attr"}


def adjective_in_literal_sense(token: Token, lexicon: Lexicon) -> bool:
    """Whether a loaded adjective of data/framing/en/literal_adjectives.txt plainly describes a
    physical thing here (physical_nouns.txt): "toxic fumes", "the smoke was toxic", "the air turned
    toxic and thick", which is no framing; "a toxic debate", "a dangerous man" are.

    The thing is the noun the adjective modifies, or the subject of the verb it is the predicate of;
    an adjective joined to another by "and" describes what the first one does.
    """
    if token.lower_ not in lexicon.literal_adjectives and token.lemma_.lower() not in lexicon.literal_adjectives:
        return False
    while token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head is not token:
        token = token.head
    # a small clause's own subject: "officials declared the water toxic"
    things: list[Token] = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "amod" or (token.head.pos_ in ("NOUN", "PROPN") and token.dep_ not in _PREDICATE_DEPS):
        things.append(token.head)
    elif token.dep_ in _PREDICATE_DEPS:
        things += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        things += [c for c in token.head.children if c.dep_ == "dobj" and token.dep_ == "oprd"]  # "declared the water unsafe"
    # "toxic smoke and ash": the noun and the nouns joined to it
    things += [c for t in list(things) for c in t.children if c.dep_ == "conj"]
    return any(t.lemma_.lower() in lexicon.physical_nouns or t.lower_ in lexicon.physical_nouns for t in things)


_PLACE_ADVERBS = {"advmod", "acomp", "npadvmod"}


def in_place_sense(token: Token, lexicon: Lexicon) -> bool:
    """Whether a loaded verb that also means 'be placed somewhere' (data/framing/en/place_senses.txt)
    has that sense here: "the quay, which lies outside the channel", "the answer lies elsewhere",
    not "lied to voters", "lies about the budget", "he lied" nor the noun "told lies".

    Read from the parse: a verb with a preposition other than those of its loaded sense, or with
    an adverb of place or manner; a form that only the loaded sense has ('lied') never is."""
    senses = lexicon.place_senses.get(token.lemma_.lower())
    if senses is None or token.pos_ not in ("VERB", "AUX"):
        return False
    loaded_preps, loaded_forms = senses
    if token.lower_ in loaded_forms:
        return False
    children = list(token.children)
    if any(c.dep_ in ("prep", "dative") and c.lower_ in loaded_preps for c in children):
        return False
    return any((c.dep_ == "prep" and c.lower_ not in loaded_preps) or c.dep_ in _PLACE_ADVERBS for c in children)


def verb_in_loaded_sense(token: Token, lexicon: Lexicon) -> bool:
    """Whether a dramatising verb (a loaded.txt term tagged 'verb') is used as a verb in its loaded
    sense here: "the war that has ravaged the country", not "the fire ravaged the warehouse" nor
    "the blast" (a noun). The one check framing and the neutral summary both apply."""
    return token.pos_ == "VERB" and not literal_sense(token, lexicon)


def loaded_verbs_in(text: str, terms: frozenset[str], lexicon: Lexicon) -> set[str]:
    """Return the `terms` (lower-cased dramatising verbs) that a sentence uses in their loaded sense.

    For text outside an article's parse (the summary's candidate sentences): the sentence is
    parsed alone with the understanding stage's pipeline, only when it holds one of the terms.
    """
    words = {w.lower() for w in text.replace("’", "'").split()}
    if not any(t in w for t in terms for w in words):
        return set()
    from newsprism.understand import nlp

    doc = next(iter(nlp.load_nlp().pipe([text], disable=["ner"])))
    return {t.lower_ for t in doc if (t.lower_ in terms or t.lemma_.lower() in terms) and verb_in_loaded_sense(t, lexicon)}


def _split_phrases(ctx: ArticleContext, lexicon: Lexicon) -> list[FramingEntry]:
    """Loaded adjective + noun phrases with a name between the two words: "the illegal Sarnet Hill camp"
    is the loaded "illegal camp" (the adjective modifies the noun in the parse). Shown as written."""
    entries = []
    for token in ctx.doc:
        head = token.head
        if token.dep_ != "amod" or head.i <= token.i + 1 or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if all(t.is_punct for t in ctx.doc[token.i + 1 : head.i]):
            continue  # "lame-duck": a hyphenated phrase, found whole as written
        if not any(f"{token.lower_} {form}" in lexicon.loaded for form in (head.lower_, head.lemma_.lower())):
            continue
        start, end = token.idx, head.idx + len(head.text)
        quote = quotation_at(ctx, start, end)
        if quote is not None and quote.start > start:
            continue  # the noun inside a quotation that the adjective is not
        entries.append(_entry(ctx, start, end, ctx.article.text[start:end], "loaded"))
    return entries


def _modifies_noun(token: Token) -> bool:
    """Whether a word stands before a noun as its modifier ("cowboy bosses", "a cowboy builder")."""
    return token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")


_QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "number",
                   "many", "some", "several", "most", "all", "few", "group", "couple", "lot", "lots", "none", "one"}
_PEOPLE_PRONOUNS = {"he", "she", "they", "them", "him", "her", "we", "us", "i", "me", "you", "someone", "somebody",
                    "anyone", "anybody", "everyone", "everybody", "who"}


def _names_people(ctx: ArticleContext, token: Token, lexicon: Lexicon, depth: int = 0) -> bool:
    """Whether a noun phrase's head names people: a person the story names, a pronoun of people, a noun
    of data/framing/en/actor_nouns.txt (or a loaded label of people: "the monsters"), a bare count
    ("14 were struck down"), or a count of people ("dozens of shoppers")."""
    entity = ctx.entities.get(ctx.entity_of_token(token) or "")
    if entity is not None:
        return entity.type == "PERSON"
    lower, lemma = token.lower_, token.lemma_.lower()
    if token.pos_ == "PRON" or lower in _PEOPLE_PRONOUNS:
        return lower in _PEOPLE_PRONOUNS
    if lemma in lexicon.people_nouns or lower in lexicon.people_nouns:
        return True
    if lexicon.loaded_pos.get(lower) == "NOUN" or lexicon.loaded_pos.get(lemma) == "NOUN":
        return True  # "lags", "monsters": a loaded noun of people
    if depth < 2 and (lower in _QUANTITY_HEADS or lemma in _QUANTITY_HEADS or token.pos_ == "NUM"):
        of = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if of:
            return _names_people(ctx, of[0], lexicon, depth + 1)
        return token.pos_ == "NUM" and token.dep_ in ("nsubj", "nsubjpass")
    return False


_REFERENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "conj"}


def _said_of_people(ctx: ArticleContext, span, lexicon: Lexicon) -> bool:
    """Whether a term tagged 'people' in loaded.txt is said of people here.

    A verb ("struck down"): its object or passive subject names people ("dozens of shoppers have
    been struck down"; "the court struck down the law" is a ruling). A noun ("animals"): the subject
    of "they are animals", the noun of "X, an animal", who is treated "like animals", or, after
    "these"/"those", the people named just before (the nearest plural noun of the two sentences before
    it names people: "the monsters are still on the loose ... helped these animals escape"; "the
    keepers moved the lions ... these animals" are animals)."""
    root = next((t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t), span[0])
    if root.pos_ in ("VERB", "AUX"):
        return any(_names_people(ctx, c, lexicon) for c in root.children if c.dep_ in ("nsubjpass", "dobj"))
    head = root.head
    if root.dep_ == "attr":
        return any(_names_people(ctx, c, lexicon) for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if root.dep_ == "appos":
        return _names_people(ctx, head, lexicon)
    if root.dep_ == "pobj" and head.lower_ == "like":
        verb = head.head
        return any(_names_people(ctx, c, lexicon) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    if any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in root.children):
        sentences = list(ctx.doc.sents)
        k = next((n for n, s in enumerate(sentences) if s.start <= root.i < s.end), 0)
        start = sentences[max(0, k - 2)].start
        for t in reversed(ctx.doc[start : root.i]):
            if t.tag_ in ("NNS", "NNPS") and t.dep_ in _REFERENT_DEPS and t.lemma_.lower() != root.lemma_.lower():
                return _names_people(ctx, t, lexicon)
    return False


def find_terms(ctx: ArticleContext, lexicon: Lexicon) -> list[FramingEntry]:
    """Return the article's loaded words, hedges and attribution verbs."""
    doc = ctx.doc
    entries: list[FramingEntry] = []
    # "killer whale": a kind's name holding a loaded word (literal_compounds.txt)
    literal = [range(a, b) for a, b in phrase_matches(ctx, lexicon.literal_compounds)] if lexicon.literal_compounds else []
    for category, terms in (("loaded", lexicon.loaded), ("hedge", lexicon.hedges)):
        for i, j in phrase_matches(ctx, terms):
            span = doc[i:j]
            # a name that happens to be spelled like a loaded word ("Hawk" the missile) is not one; a word
            # set in capitals ("a MIRACLE jab") is shouted, not named
            if (j - i == 1 and span[0].pos_ == "PROPN" and span[0].text[:1].isupper() and not opens_sentence(span[0])
                    and not (len(span[0].text) > 3 and span[0].text.isupper())):
                continue
            if category == "loaded" and any(i in r and j - 1 in r for r in literal):
                continue  # "killer whale", "jet lag": the name of a kind of thing
            phrase = " ".join(ctx.lower[i:j]) if j - i > 1 else None
            wanted_pos = ((lexicon.loaded_pos.get(ctx.lower[i]) or lexicon.loaded_pos.get(ctx.lemma[i]) if j - i == 1
                           else lexicon.loaded_pos.get(phrase) or lexicon.loaded_pos.get(" ".join(ctx.lemma[i:j])))
                          if category == "loaded" else None)
            if wanted_pos == "PEOPLE":
                if not _said_of_people(ctx, span, lexicon):
                    continue  # "the court struck down the law", "animals at the zoo"
                wanted_pos = None
            if wanted_pos == "MODIFIER":
                if not _modifies_noun(span[0]):
                    continue  # "rode like cowboys": the noun itself; "cowboy bosses" casts the bosses
            elif wanted_pos and span[0].pos_ != wanted_pos:
                continue  # "the blast" is an explosion; "blasted the plan" is loaded
            if wanted_pos == "VERB" and not verb_in_loaded_sense(span[0], lexicon):
                continue  # "the roof caved in", "blasting in a gallery": the physical sense
            if category == "loaded" and j - i == 1 and adjective_in_literal_sense(span[0], lexicon):
                continue  # "the smoke was toxic": a plain description of a thing
            if category == "loaded" and j - i == 1 and in_place_sense(span[0], lexicon):
                continue  # "the quay, which lies outside the channel": where it is, no one's untruth
            entries.append(_entry(ctx, span.start_char, span.end_char, ctx.article.text[span.start_char : span.end_char], category))
    entries += _split_phrases(ctx, lexicon)
    for i, lemma in enumerate(ctx.lemma):
        if lemma in lexicon.attribution_verbs:
            token = doc[i]
            if _is_speech_verb(ctx, token, lexicon.attribution_verbs[lemma]):
                entries.append(_entry(ctx, token.idx, token.idx + len(token.text), token.text, "attribution_verb"))
    # "point out" style two-word verbs
    for i, dep in enumerate(ctx.dep):
        if dep != "prt":
            continue
        token = doc[i]
        if f"{token.head.lemma_.lower()} {token.lower_}" in lexicon.attribution_verbs:
            head = token.head
            if _is_speech_verb(ctx, head, lexicon.attribution_verbs[f"{head.lemma_.lower()} {token.lower_}"]):
                start, end = min(head.idx, token.idx), max(head.idx + len(head.text), token.idx + len(token.text))
                entries.append(_entry(ctx, start, end, f"{head.text} {token.text}", "attribution_verb"))
    return entries
