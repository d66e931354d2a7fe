"""Coreference: pronouns and descriptions of one article -> the entity they stand for.

NER only finds names, but news prose names an actor once and then says "he", "the
president", "the company" or "the administration". These heuristics resolve such mentions,
each for a reason one can read off the parse:

1. `person_roles`: the title and role words a name carries in its article ("President X",
   "actress X", "X, the leader of ...") and the gender they show (`gendered_words.csv`).
2. `find_references` (per article, over the spaCy parse):
   - third-person and relative pronouns (`pronouns.csv`) resolved at once to an earlier
     mention of the article that agrees in kind, gender and number; candidates score for
     closeness (sentences back), being a clause subject, and salience (how often the
     same actor was named before); a relative "who" goes to the noun its clause hangs on;
   - definite descriptions: a noun phrase headed by a title or role word ("the president",
     "North Korean leader"), by an organisation, country or government noun
     (`reference_nouns.csv`), or standing in apposition to a name ("X, the actress").
     They are resolved after names are clustered, because a role may show up in another
     article of the story.
3. `resolve_descriptions` (per story): a person description goes to the person of the story
   who carries its head word as a title or role (mentioned in the same article first,
   nearest before it); an organisation noun to the organisation of the article whose name
   holds the noun, or, for a generic noun ("the company"), the one in focus; "the country"
   to the country in focus; a government ("the Trump administration", "the Russian
   government", "his government") to the country it governs, which is how the story's
   countries are counted.

Unresolved pronouns and descriptions are dropped: an entity never gets a mention the stage
cannot tie to a name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsprism.understand.mentions import Found
from newsprism.understand.nlp import doc_text, table, word_list

DEFINITE = {"the", "this", "that", "these", "those"}
POSSESSIVE_DETS = {"his", "her", "its", "their"}
# Sentences back a pronoun may look for its antecedent, and a generic description
# ("the company", "the country") for the actor in focus. Set by reading, not by a sweep:
# news prose re-names an actor within a paragraph.
PRONOUN_WINDOW = 2
FOCUS_WINDOW = 3
# Candidate score weights for a pronoun's antecedent: one sentence further back costs more
# than being a subject or named often gains, so the nearest fitting actor wins unless two
# are equally near (set by reading the parse rules, not by a sweep on the bench sets).
DISTANCE_COST, SUBJECT_BONUS, SALIENCE_BONUS = 1.5, 1.0, 0.25


@lru_cache(maxsize=1)
def pronouns() -> dict[str, dict[str, str]]:
    return {row["pronoun"]: row for row in table("pronouns.csv")}


@lru_cache(maxsize=1)
def gendered_words() -> dict[str, str]:
    return {row["word"]: row["gender"] for row in table("gendered_words.csv")}


@lru_cache(maxsize=1)
def reference_nouns() -> dict[str, str]:
    return {row["noun"]: row["refers"] for row in table("reference_nouns.csv")}


def _fold(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def _is_role_word(word: str) -> bool:
    word = _fold(word)
    return word in word_list("titles.txt") or word in gendered_words()


def _gender_of(words) -> str:
    genders = {gendered_words().get(_fold(w)) for w in words} - {None}
    return genders.pop() if len(genders) == 1 else "any"


# --------------------------------------------------------------------------- 1. roles


def person_roles(doc: Doc, mention: Found) -> None:
    """Fill a person mention's role words, subject flag and gender from its surroundings."""
    head = doc[mention.last_token]
    words = {_fold(w) for t in mention.titles for w in t.split()}
    # "actress Jane Doe", "leader Warren Jeffs": a lower-case noun glued before the name
    before = doc[mention.first_token - 1] if mention.first_token > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.text.islower():
        words.add(before.lemma_.lower())
    for child in head.children:  # "Doe, the actress, ..."
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i:
            words.add(child.lemma_.lower())
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < mention.first_token:
        words.add(head.head.lemma_.lower())  # "the sect's leader, Warren Jeffs"
    mention.roles = {w for w in words if w and w.isalpha()}
    mention.subject = head.dep_ in {"nsubj", "nsubjpass"}
    mention.gender = _gender_of(mention.roles)


# --------------------------------------------------------------------------- 2. references


def _covered_tokens(doc: Doc, names: list[Found]) -> dict[int, Found]:
    out = {}
    for m in names:
        for i in range(m.first_token, m.last_token + 1):
            out[i] = m
    return out


def find_references(article_id: str, doc: Doc, names: list[Found], token_sentence: list[int]) -> list[Found]:
    """Return the article's pronouns (resolved to an earlier mention) and descriptions (to resolve later)."""
    covered = _covered_tokens(doc, names)
    known = pronouns()
    nouns = reference_nouns()
    out: list[Found] = []
    candidates = sorted(names, key=lambda m: m.first_token)  # mentions a pronoun may point back to
    for token in doc:
        if token.i in covered:
            continue
        lower = token.lower_
        if token.pos_ == "PRON" and lower in known:
            ref = _pronoun(article_id, token, known[lower], candidates, covered, token_sentence)
            if ref is not None:
                out.append(ref)
                candidates.append(ref)
            continue
        if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound"}:
            continue
        desc = _description(article_id, token, nouns, covered, token_sentence)
        if desc is not None:
            out.append(desc)
            candidates.append(desc)
            for i in range(desc.first_token, desc.last_token + 1):
                covered.setdefault(i, desc)
        candidates.sort(key=lambda m: m.first_token)
    return out


def _make(article_id: str, doc: Doc, first: int, last: int, token_sentence: list[int], kind: str) -> Found:
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    text = doc_text(doc)[start:end]
    found = Found(article_id, text, start, end, token_sentence[last], "", kind, first_token=first)
    found.last_token = last
    found.subject = doc[last].dep_ in {"nsubj", "nsubjpass"}
    return found


def _pronoun(article_id: str, token: Token, info: dict[str, str], candidates: list[Found],
             covered: dict[int, Found], token_sentence: list[int]) -> Found | None:
    doc = token.doc
    ref = _make(article_id, doc, token.i, token.i, token_sentence, "pronoun")
    if token.lower_ in {"who", "whom", "whose", "which"}:
        # a relative pronoun stands for the noun its clause hangs on: "Jeffs, who leads ..."
        clause = token.head if token.head.dep_ == "relcl" else None
        if clause is None:
            return None
        antecedent = covered.get(clause.head.i)
        if antecedent is None or antecedent.kind == "pronoun":
            return None
        ref.refers_to = antecedent
        return ref
    if token.lower_ == "it" and token.head.lemma_ in {"be", "seem", "appear", "take", "remain", "say", "report"}:
        return None  # "it is clear that", "it was reported": an expletive, not an actor
    here = token_sentence[token.i]
    best, best_score = None, None
    salience: Counter = Counter()
    for m in candidates:
        if m.first_token >= token.i:
            break
        salience[_actor_key(m)] += 1
        distance = here - m.sentence_index
        if distance > PRONOUN_WINDOW or not _agrees(m, info):
            continue
        if token.dep_ in {"dobj", "pobj"} and m.subject and doc[m.last_token].head == token.head:
            continue  # "X praised him": him is not X
        score = -DISTANCE_COST * distance + SUBJECT_BONUS * m.subject + SALIENCE_BONUS * min(salience[_actor_key(m)], 4)
        if best_score is None or score >= best_score:
            best, best_score = m, score
    if best is None:
        return None
    ref.refers_to = best.refers_to if best.kind == "pronoun" else best
    ref.gender, ref.plural = info["gender"], info["number"] == "plural"
    return ref


def _actor_key(m: Found) -> str:
    target = m.refers_to or m
    if target.tokens:
        return target.tokens[-1].lower()
    return target.text.lower()


def _kind_of(m: Found) -> str:
    """Return person / thing / group for a candidate antecedent."""
    target = m.refers_to if m.kind == "pronoun" and m.refers_to is not None else m
    if target.kind == "description":
        return "person" if target.refers == "person" else ("group" if target.plural else "thing")
    if target.label == "PERSON":
        return "person"
    if target.label == "NORP" or (target.label in {"ORG"} and target.text.endswith("s") and not target.text.isupper()):
        return "group"
    if target.label == "GPE" and target.kind in {"demonym", "epithet"}:
        return "none"
    return "thing"


def _agrees(m: Found, info: dict[str, str]) -> bool:
    kind = _kind_of(m)
    target = m.refers_to if m.kind == "pronoun" and m.refers_to is not None else m
    if info["refers"] == "person":
        if kind != "person":
            return False
        gender = target.gender if target.gender != "any" else m.gender
        return info["gender"] == "any" or gender in {"any", info["gender"]}
    if info["number"] == "plural":
        return kind == "group" or (kind == "thing" and target.label == "ORG")
    return kind == "thing"


def _description(article_id: str, token: Token, nouns: dict[str, str], covered: dict[int, Found],
                 token_sentence: list[int]) -> Found | None:
    """Return a definite description headed by `token`, or None."""
    doc = token.doc
    lemma = token.lemma_.lower()
    lefts = list(token.lefts)
    dets = [t for t in lefts if t.dep_ == "det"]
    if any(t.lower_ in {"a", "an", "another", "any", "every", "each", "no", "some"} for t in dets):
        return None  # "a president" refers to no one in particular
    plural = token.tag_ in {"NNS", "NNPS"}
    appos_of = covered.get(token.head.i) if token.dep_ == "appos" and token.head.i < token.i else None
    refers = nouns.get(lemma)
    if appos_of is not None and appos_of.label == "PERSON" and token.pos_ == "NOUN" and not plural:
        refers = "person"  # "Jane Doe, the actress": the apposition says who it is
    elif refers is None and _is_role_word(token.text) and not plural:
        refers = "person"
    if refers is None:
        return None
    definite = any(t.lower_ in DEFINITE for t in dets) or any(t.dep_ == "poss" for t in lefts)
    bare_title = refers == "person" and token.text[:1].isupper()  # "President said", "Japanese Prime Minister"
    modifiers = [t for t in lefts if t.dep_ in {"amod", "compound", "nmod", "poss", "det"}]
    if refers == "person" and not definite and not bare_title and appos_of is None:
        # "North Korean leader" without an article: only with a modifier that says whose
        if not any(t.dep_ in {"amod", "compound"} for t in lefts):
            return None
    elif refers != "person" and not definite:
        return None
    if refers == "person" and any(doc[j].ent_type_ == "PERSON" for j in range(token.i + 1, min(token.i + 2, len(doc)))):
        return None  # a title right before a name the tagger kept whole elsewhere
    first = min([t.left_edge.i for t in modifiers] + [token.i])
    # keep the span inside the sentence and free of other names, except the owner of a government
    owner = None
    for j in range(first, token.i):
        if j in covered:
            owner = owner or covered[j]
    if owner is not None and refers != "government" and not owner.country:
        return None  # "Trump's lawyer", "the Apple company": someone else's, or part of a name
    desc = _make(article_id, doc, first, token.i, token_sentence, "description")
    desc.head, desc.refers, desc.plural = lemma, refers, plural
    desc.words = tuple(_fold(t.text) for t in doc[first:token.i] if t.dep_ != "det" and t.is_alpha)
    desc.gender = _gender_of([lemma])
    desc.owner = owner
    if owner is None:
        poss = next((t for t in lefts if t.dep_ == "poss" and t.pos_ == "PRON"), None)
        if poss is not None:
            desc.owner = "poss"  # filled with the pronoun's mention once it is found below
    if appos_of is not None:
        desc.refers_to = appos_of
    if plural:
        return None  # "the two countries", "the companies": several actors, not one entity
    return desc


def attach_possessors(references: list[Found]) -> None:
    """Point a description's 'his'/'its' owner at the pronoun mention found for it."""
    by_token = {(m.article_id, m.first_token): m for m in references if m.kind == "pronoun"}
    for m in references:
        if m.owner == "poss":
            m.owner = by_token.get((m.article_id, m.first_token))


# --------------------------------------------------------------------------- 3. story-wide


def _countries_in(texts, gazetteer) -> set[str]:
    """Return the countries named or implied by demonym in some title texts ('U.S. President')."""
    found = set()
    for text in texts:
        words = re.findall(r"[\w.'’-]+", text)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n]).lower().rstrip(".")
                for key in (phrase, phrase + "."):
                    country = gazetteer.names.get(key) or gazetteer.demonyms.get(key)
                    if country:
                        found.add(country)
    return found


def resolve_descriptions(references: list[Found], clusters: list[list[Found]], gazetteer) -> dict[int, int]:
    """Return id(reference) -> index of the cluster it joins, for every reference that resolves."""
    where = {id(m): i for i, c in enumerate(clusters) for m in c}
    roles: dict[int, set[str]] = {}
    person_country: dict[int, set[str]] = {}
    for i, c in enumerate(clusters):
        if c[0].label == "PERSON" and not c[0].country:
            roles[i] = {w for m in c for w in m.roles}
            person_country[i] = _countries_in([t for m in c for t in m.titles], gazetteer)
    country_cluster = {c[0].country: i for i, c in enumerate(clusters) if c[0].country}
    in_article: dict[str, list[Found]] = {}
    for c in clusters:
        for m in c:
            in_article.setdefault(m.article_id, []).append(m)
    for ms in in_article.values():
        ms.sort(key=lambda m: m.start)
    resolved: dict[int, int] = {}

    def target_of(m: Found) -> int | None:
        if id(m) in resolved:
            return resolved[id(m)]
        return where.get(id(m))

    for ref in sorted(references, key=lambda m: (m.article_id, m.start)):
        if ref.kind != "description":
            continue
        article = in_article.get(ref.article_id, [])
        target = None
        if ref.refers_to is not None:
            target = target_of(ref.refers_to)
        elif ref.refers == "person":
            target = _person_for(ref, roles, person_country, where, article, gazetteer)
        elif ref.refers in {"named_org", "any_org"}:
            target = _org_for(ref, article, where)
        elif ref.refers == "country":
            target = _country_in_focus(ref, article, where)
        elif ref.refers == "government":
            target = _government_of(ref, article, where, person_country, country_cluster, resolved, target_of)
        if target is not None:
            resolved[id(ref)] = target
    for ref in references:
        if ref.kind == "pronoun" and ref.refers_to is not None:
            target = target_of(ref.refers_to)
            if target is not None:
                resolved[id(ref)] = target
    return resolved


def _person_for(ref: Found, roles, person_country, where, article: list[Found], gazetteer) -> int | None:
    wanted = set(ref.words) | {ref.head}
    countries = _countries_in([" ".join(ref.words)], gazetteer)
    named_before = Counter(where[id(m)] for m in article if m.start < ref.start and id(m) in where)
    last_before = {where[id(m)]: m.start for m in article if m.start < ref.start and id(m) in where}
    present = {where[id(m)] for m in article if id(m) in where}
    best, best_score = None, None
    for i, words in roles.items():
        if ref.head not in words:
            continue
        if countries and not countries & person_country[i]:
            continue  # "the Japanese prime minister" is not the Israeli one, nor one of no known country
        # the most specific match, then the person this article has named most so far
        # ("the president" in a story about one president who meets another), then the latest
        score = (len(wanted & words), named_before[i], last_before.get(i, -1), i in present)
        if best_score is None or score > best_score:
            best, best_score = i, score
    return best


def _org_for(ref: Found, article: list[Found], where) -> int | None:
    orgs = [m for m in article if m.label in {"ORG", "NORP"} and not m.country and id(m) in where and m.kind != "pronoun"]
    holding = [m for m in orgs if ref.head in {w.lower() for w in re.findall(r"\w+", m.text)}]
    if holding:
        earlier = [m for m in holding if m.start < ref.start]
        return where[id((earlier or holding)[-1 if earlier else 0])]
    if ref.refers == "any_org":
        recent = [m for m in orgs if m.start < ref.start and 0 <= ref.sentence_index - m.sentence_index <= FOCUS_WINDOW]
        if recent:
            return where[id(recent[-1])]
    return None


def _country_in_focus(ref: Found, article: list[Found], where) -> int | None:
    recent = [m for m in article if m.country and m.kind in {"name", "capital"} and m.start < ref.start
              and 0 <= ref.sentence_index - m.sentence_index <= FOCUS_WINDOW and id(m) in where]
    return where[id(recent[-1])] if recent else None


def _government_of(ref: Found, article, where, person_country, country_cluster, resolved, target_of) -> int | None:
    owner = ref.owner if isinstance(ref.owner, Found) else None
    if owner is not None:
        if owner.country:
            return country_cluster.get(owner.country)
        target = target_of(owner)
        if target is not None:
            if target in person_country:
                countries = person_country[target]
                if len(countries) == 1:
                    return country_cluster.get(next(iter(countries)))
                return None
            return target  # an organisation's or country's own government
        return None
    # "the administration" alone: the country of the leader the article names most
    leaders = Counter(where[id(m)] for m in article if id(m) in where and len(person_country.get(where[id(m)], ())) == 1)
    for leader, _ in leaders.most_common(1):
        return country_cluster.get(next(iter(person_country[leader])))
    return _country_in_focus(ref, article, where)
