"""Entities: parsed articles -> one Entity per real actor across the story's articles.

Steps, in order:

1. `collect_mentions`: spaCy PERSON / ORG / GPE / NORP spans, repaired (titles cut off and
   kept as evidence, possessives and determiners dropped, names cut short by the tagger
   extended) plus country epithets from `data/understand/epithets.csv`; then the
   article's pronouns and descriptions (`coref.find_references`). `add_surname_mentions`
   then adds what the tagger left unmarked: bare surnames of the story's people and
   repeats of its group names ("Colts" marked in one sentence, not in the next).
2. Countries first: a country's names, aliases, demonyms ("Iranian"), its capital when the
   capital acts ("Tehran says ...") in a story that names the country, and its epithets
   all become mentions of one entity. Demonyms are attached to the country on purpose:
   "Iranian forces" is evidence that Iran is involved, and framing needs to know which
   country an adjective points at; the mention's `kind` ("demonym") lets a consumer leave
   them out.
3. People: a name of two words or more tagged ORG in one article and PERSON in another is
   a person everywhere. Full names are matched token by token with a transliteration key
   (`name_key`: accents folded, `data/understand/transliteration.txt` rules, vowels
   dropped) confirmed by Jaro-Winkler similarity, so Youssef/Yusuf and Hosseini/Husseini meet
   while Hassan/Hussein stay apart; middle names may be missing, a given name may be its
   short form ("Fred" / "Frederick", `nicknames.csv`: "Bill" / "William"), one leading
   word may be extra ("W. Mark Felt"); a bare surname goes to the full name that carries
   it (nearest earlier one in the same article when two people share it, never one of the
   other gender by titles, roles and given names). Different given names with one surname
   stay apart.
4. Organisations and other groups: the same key over all tokens, channel words dropped
   ("Channel Nine news" = "Channel Nine TV"), legal forms dropped ("Intel Corp." = "Intel"),
   a name of two words or more joined to the one longer name it begins, a name joined to
   the one longer name it ends after a place ("Saints" / "New Orleans Saints"), acronyms
   matched to their expansions (initials, or a parenthesis "Islamic State (IS)") and
   `org_aliases.csv`.
5. Pronouns and descriptions ("she", "the president", "the company", "the Trump
   administration", and a title phrase before a name that says whose office it is:
   "North Korean leader Kim") join the entity they refer to (`coref.py`); they are never
   an entity's name or alias. A group the story names only by group nouns ("the
   migrants", "asylum seekers", "the caravan"; `data/understand/group_nouns.csv`), at
   least twice, is an entity of its own, named after its group.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import IS_ALPHA, ORTH, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span

from newsprism.clean.text import WIRE_DATE
from newsprism.models import Entity, Mention, Understanding, content_id
from newsprism.understand.coref import (
    _is_agent_noun, _is_role_word, find_references, given_names, group_nouns, mark_syntax, org_kinds, organisation_roles, person_roles, reference_nouns,
    resolve_references, unnamed_actor_nouns, unnamed_actors,
)
from newsprism.understand.mentions import REFERENCE_KINDS, Found
from newsprism.understand.nlp import (
    LONGER_THAN_3, LOWER_LONGER_THAN_4, UPPER_INITIAL, doc_text, sentences, table, token_flags, token_sentences, upper_initial, word_list,
)
from newsprism.understand.nlp import ignorecase_text, span_text

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# the tagger's types of a number, a date or a time: a capitalised word inside one is no name
NUMBER_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
CONNECTORS = {"of", "the", "for", "and", "'s", "’s"}
TITLE_CONNECTORS = {"of", "the", "for"}
# Dependency roles in which a place name is the actor, not the location ("Tehran says",
# "Moscow's support", "along with Moscow"): capital-for-country metonymy.
# Titles named after a portfolio ("Water Resources Minister"): the words before them are the
# portfolio, not an organisation, when a name follows. Not "CEO" or "chairman": "Apple CEO Tim Cook".
PORTFOLIO_TITLES = frozenset({"minister", "secretary"})
ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "dobj"}
ACTING_PREPS = {"with", "from", "by", "between", "against", "on", "toward", "towards"}


# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes: 'Ḥusaynī' -> 'husayni'."""
    if text.isascii():  # NFKD leaves ASCII as it is and it has no combining marks: skip both passes
        return re.sub(r"['`]", "", text.lower())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’‘`ʿʾ]", "", text.lower())


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["regex"]), row["replacement"] or "") for row in table("transliteration.txt"))


@lru_cache(maxsize=65536)
def spelling(token: str) -> str:
    """Return a name token with transliteration rules applied, vowels kept."""
    word = fold(token)
    for pattern, repl in _rules():
        word = pattern.sub(repl, word)
    return re.sub(r"[^a-z0-9]", "", word)


@lru_cache(maxsize=65536)
def name_key(token: str) -> str:
    """Return the transliteration key of one name token: its consonant skeleton.

    A leading vowel counts as "any vowel": romanisations differ there too
    (Oleksandr / Aleksandr, Omar / Umar); `tokens_match` still asks the spellings to be close.
    """
    word = spelling(token)
    if not word:
        return ""
    first = "a" if word[0] in "aeiou" else word[0]
    return first + re.sub(r"[aeiou]", "", word[1:])


@lru_cache(maxsize=1)
def surname_romanisations() -> dict[str, int]:
    """Folded surname spelling -> its row in `surname_romanisations.csv` (Jeong / Chung / Jung)."""
    return {fold(v): i for i, row in enumerate(table("surname_romanisations.csv")) for v in row["variants"].split("|")}


@lru_cache(maxsize=262144)  # clustering asks about the same pairs of names again and again
def tokens_match(a: str, b: str) -> bool:
    """True when two name tokens are spellings of one name (not just similar-looking names)."""
    if fold(a) == fold(b):
        return True
    rows = surname_romanisations()
    if fold(a) in rows and rows.get(fold(a)) == rows.get(fold(b)):
        return True
    sa, sb = spelling(a), spelling(b)
    if not sa or not sb:
        return False
    similarity = jellyfish.jaro_winkler_similarity(sa, sb)
    if name_key(a) == name_key(b):
        return similarity >= 0.8
    if similarity >= 0.94 and min(len(sa), len(sb)) >= 5:
        return True
    # Russian and Central Asian Kh is also written H (Khodorovsky / Hodorovskiy, Belykh / Belyh);
    # the rules fold Kh to K (Persian and Arabic usage), so compare once more with Kh as H
    ha, hb = _kh_as_h(a), _kh_as_h(b)
    if (ha, hb) != (sa, sb) and _key_of(ha) == _key_of(hb) and jellyfish.jaro_winkler_similarity(ha, hb) >= 0.8:
        return True
    # Ukrainian H is Russian G (Yevhen / Yevgeny, Olha / Olga, Serhiy / Sergei), and an Indian gh is
    # also written g (Varghese / Vargese): a voiced h inside a name read as g, on the side that has it
    ga, gb = _h_as_g(a), _h_as_g(b)
    if (ga, gb) != (sa, sb) and _key_of(ga) == _key_of(gb) and jellyfish.jaro_winkler_similarity(ga, gb) >= 0.8:
        return True
    # Swedish and Finnish Qv is English Qu (Lindqvist / Lindquist, Enqvist / Enquist): only
    # a side that writes qv is read once more with qu, so other names keep their keys
    qa, qb = _qv_as_qu(a), _qv_as_qu(b)
    return (qa, qb) != (sa, sb) and qa == qb


VOICED_H = re.compile(r"(?<=[aeiouylrnmvg])h")


@lru_cache(maxsize=65536)
def _h_as_g(token: str) -> str:
    """A name token's spelling with an h after a vowel or a voiced consonant read as g (not the h of ch, sh, kh, th)."""
    return spelling(VOICED_H.sub("g", fold(token)))


@lru_cache(maxsize=65536)
def _qv_as_qu(token: str) -> str:
    """A name token's spelling with Qv read as Qu."""
    return spelling(fold(token).replace("qv", "qu"))


@lru_cache(maxsize=65536)
def _kh_as_h(token: str) -> str:
    """A name token's spelling with Kh read as H (the transliteration rules read it as K)."""
    return spelling(fold(token).replace("kh", "h"))


def _key_of(word: str) -> str:
    """The consonant skeleton of a spelling, as `name_key` builds it."""
    return ("a" if word[:1] in "aeiou" else word[:1]) + re.sub(r"[aeiou]", "", word[1:])


def name_tokens(text: str) -> list[str]:
    """Split a name into tokens, dropping particles (al, bin, van ...) and 'al-' prefixes."""
    return list(_name_tokens(text))


@lru_cache(maxsize=65536)  # the same names are split again and again (a fresh list each time: callers keep it)
def _name_tokens(text: str) -> tuple[str, ...]:
    particles = word_list("particles.txt")
    out = []
    text = re.sub(r"(?<=\w)\s*-\s*(?=\w)", "-", text)  # "Jae - in" as tokenised text -> "Jae-in"
    for raw in re.split(r"[\s]+", text.strip()):
        word = raw.strip(".,;:()[]\"'’‘“”")
        parts = [p for p in re.split(r"(?<=\w)-(?=\w)", word)]
        # "al-Hakim": the article is a particle; "Al-Jazeera" keeps its stem
        if len(parts) > 1 and fold(parts[0]) in particles:
            parts = parts[1:]
        word = "-".join(parts)
        if word and fold(word) not in particles:
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=16384)  # acronym matching asks for the same names' initials again and again
def initials(text: str) -> str:
    """Return the initials of the capitalised words of a name ('Syrian Arab News Agency' -> 'SANA')."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in {"of", "the", "and", "for", "&"}]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


@lru_cache(maxsize=16384)
def initials_variants(text: str) -> frozenset[str]:
    """The initials a name's acronym may be made of: its plain initials ("ISC" of "Iranian
    Seismological Center"), with a country word giving two letters ("IRSC", as bodies often
    abbreviate their country), with lower-case particles left out ("LMM" of "al-Lajna
    al-Mushtaraka lil-Miyah"), and with a word an acronym spells with more letters ("HTV" of
    "Haldorian Television"; data/understand/word_initials.csv)."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in {"of", "the", "and", "for", "&"} and w[0].isalpha()]
    gaz = gazetteer()
    particles = word_list("particles.txt")
    plain = "".join(w[0].upper() for w in words)
    country = "".join(w[:2].upper() if fold(w) in gaz.demonyms or fold(w) in gaz.names else w[0].upper() for w in words)
    no_particles = "".join(w[0].upper() for w in words if not (w.islower() and fold(w) in particles))
    letters = _word_initials()
    spelled = "".join(letters.get(w.lower(), w[0].upper()) for w in words)  # "HTV" of "Haldorian Television"
    return frozenset({plain, country, no_particles, spelled})


@lru_cache(maxsize=1)
def _word_initials() -> dict[str, str]:
    """Word -> the letters an acronym writes it with ("television" -> "TV"; data/understand/word_initials.csv)."""
    return {row["word"]: row["letters"] for row in table("word_initials.csv")}


@lru_cache(maxsize=16384)
def is_acronym(text: str) -> bool:
    """True for initials ('SANA', 'U.N.'), not for a place written in capitals ('TEHRAN')."""
    bare = text.replace(".", "")
    if not (2 <= len(bare) <= 7 and bare.isupper() and bare.isalpha()) or _is_shouted_word(bare):
        return False
    gaz = gazetteer()
    key = fold(text)
    return key in gaz.names or key not in gaz.capitals and key not in gaz.demonyms


# --------------------------------------------------------------------------- countries


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str]       # folded name or alias -> country
    demonyms: dict[str, str]    # folded demonym -> country
    capitals: dict[str, str]    # folded capital -> country
    epithets: dict[str, str]    # folded epithet phrase -> country
    org_aliases: dict[str, str]  # folded alias -> canonical organisation name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    names, demonyms, capitals = {}, {}, {}
    for row in table("countries.csv"):
        country = row["name"]
        for alias in [country, *filter(None, (row.get("aliases") or "").split("|"))]:
            names[fold(alias)] = country
        names[fold("the " + country)] = country
        for demonym in filter(None, (row.get("demonyms") or "").split("|")):
            demonyms[fold(demonym)] = country
        for capital in filter(None, (row.get("capital") or "").split("|")):
            capitals[fold(capital)] = country
    epithets = {fold(row["phrase"]): row["country"] for row in table("epithets.csv")}
    orgs = {}
    for row in table("org_aliases.csv"):
        for alias in [row["name"], *row["aliases"].split("|")]:
            orgs[fold(alias)] = row["name"]
    return Gazetteer(names, demonyms, capitals, epithets, orgs)


# --------------------------------------------------------------------------- mentions


def _is_title_word(token_text: str) -> bool:
    """True for a title, rank or office word, or a family / courtesy word ("Mum", "Grandfather",
    `kin_words.txt`): evidence about the person, never part of the name."""
    word = fold(token_text).rstrip(".")
    return word in word_list("titles.txt") or word in word_list("kin_words.txt")


def _title_before(doc: Doc, start: int) -> str | None:
    """Return the title phrase right before a name ('Chief of Staff Major General'), if any."""
    first = _title_start(doc, start)
    return None if first is None else doc[first:start].text


def _title_start(doc: Doc, start: int) -> int | None:
    """Return the first token of the title phrase right before a name, if any."""
    i = start - 1
    taken: list[int] = []
    while i >= 0:
        tok = doc[i]
        if "\n" in tok.text_with_ws or tok.ent_type_ == "PERSON":
            break
        if tok.lower_ in org_kinds() and not _is_title_word(tok.text) and tok.i + 1 < start and doc[tok.i + 1].lower_ == "of":
            break  # "the Anti-Corruption Commission of Dr. X": the body is no part of X's title
        if _is_shouted_word(tok.text):
            break  # "BRAZEN finance minister X": a tabloid's shouted adjective, no part of the title
        if _is_title_word(tok.text) or (tok.text[:1].isupper() and tok.pos_ in {"PROPN", "ADJ", "NOUN"}):
            taken.append(i)
        elif tok.lower_ in TITLE_CONNECTORS and taken:
            if tok.lower_ == "for" and i > 0 and doc[i - 1].text[:1].islower():
                break  # "a lawyer for Mrs. Fenwick": the lawyer is someone else; "Minister for Energy X" keeps it
            taken.append(i)
        else:
            break
        i -= 1
    while taken and doc[taken[-1]].lower_ in TITLE_CONNECTORS:
        taken.pop()
    if not taken or not any(_is_title_word(doc[j].text) for j in taken):
        return None
    return taken[-1]


SCORE = re.compile(r"\d+\s*[-–]\s*\d+")


def _trim_span(doc: Doc, span: Span) -> tuple[int, int] | None:
    """Return token bounds of an entity span without determiners, possessives, line breaks."""
    start, end = span.start, span.end
    for i in range(start, end - 1):
        if "\n" in doc[i].text_with_ws:
            end = i + 1
            break
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or not any(c.isalpha() for c in doc[start].text)):
        start += 1  # "16:20 - Velnet" of a live blog's time stamp: a name begins with a letter
    for k in range(max(start + 1, end - 3), end):
        if SCORE.fullmatch(doc[k:end].text):
            end = k  # "beat Rell City 2-1": the score is no part of the name
            break
    # "Financial Conduct Board (FCB": a bracket the span opens and does not close holds the name's initials,
    # not the name (the initials are a mention of their own)
    for k in range(start + 1, end):
        if doc[k].text == "(" and not any(doc[j].text == ")" for j in range(k + 1, end)):
            end = k
            break
    # "Armed Forces of the": the tagger's span stopped inside a longer name
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "of", "the", "and", "for", "in", "on", "at", "to"} or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


LANDSCAPE_PREPOSITIONS = frozenset({"over", "across", "into", "along", "beside", "under", "below", "above", "beyond", "onto", "up", "down"})
PLACE_WORDS = frozenset({"in", "at", "near", "between", "outside", "inside", "around", "across", "from", "into", "toward", "towards"})


# Prepositions after which a name is where something happens ("arrested in X", "near X"); not
# "at" or "from", which organisations take as often ("jobs at X", "a statement from X").
LOCATED_WORDS = frozenset({"in", "near", "outside", "inside", "around", "across", "into", "between"})


def _located_at(token) -> bool:
    """True for the X of "in X", "near X", "between Y and X": where something happens."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATED_WORDS


def _after_place_word(token) -> bool:
    """True for "in X", "near X", "between Y and X": a place as likely as a person."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_WORDS


def _titled_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans "Title Given Family": a capitalised title word (titles.txt) and two capitalised
    proper nouns after it, the span starting at the title. "General Motors" and the like are
    no match: two name words must follow the title, and none of them may be a title itself."""
    spans = []
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    titles = [o for o in np.unique(orths) if (w := strings[int(o)])[:1].isupper() and _is_title_word(w) and w.lower() != "general"]
    for i in map(int, np.flatnonzero(np.isin(orths[:-2], titles))):
        given, family = doc[i + 1], doc[i + 2]
        if (all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and not _is_title_word(t.text) for t in (given, family))
                and (i + 3 >= len(doc) or not (doc[i + 3].pos_ == "PROPN" and doc[i + 3].text[:1].isupper()))):
            spans.append((i, i + 3))
    return spans


RUN_CONNECTORS = frozenset({"and", "of", "for", "&"})
RUN_POSSESSIVES = frozenset({"'", "’", "'s", "’s"})


def _name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and not _is_title_word(token.text)


def _speaker_after_quote(doc: Doc, ent: Span) -> bool:
    """True for a name the tagger called a work's title right after a closing quotation mark, where
    it is the subject of the sentence: '"Our engine did what it was told," Saskia Morrow-Pell, chief
    engineer at the firm, told ...' names the quote's speaker. Two or three name words (a hyphen
    inside one allowed), the mark before them."""
    words = [t for t in ent if t.text != "-"]
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text == "," and ent.start > 1:
        before = doc[ent.start - 2]
    return (before is not None and before.is_quote and 2 <= len(words) <= 3 and all(_name_word(t) for t in words)
            and ent.root.dep_ == "nsubj")


def _untagged_organisations(doc: Doc, ents) -> list[tuple[int, int]]:
    """Runs of capitalised names the tagger tagged not at all (or only a word inside) that the
    words say are an organisation: the run ends in an organisation word (org_kinds.csv,
    name_words.csv: "the Harbour and Freight Workers' Union", "and" and the plural's apostrophe inside), or
    the word after it is an organisation's officer (name_contexts.csv, "after": "Norvane Gas
    Transit chief executive Ilse Marchetti"). Two name words at least; a run reaching a
    person's name, a title word or a line break is no organisation's name."""
    people = {i for ent in ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    tagged_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    contexts, kinds = name_contexts(), _name_words()
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not _name_word(doc[i]):
            i += 1
            continue
        start, end, k = i, i + 1, i + 1
        while k < n and "\n" not in doc[k - 1].whitespace_:
            tok = doc[k]
            if _name_word(tok):
                end = k = k + 1
            elif tok.lower_ in RUN_CONNECTORS and k + 1 < n and _name_word(doc[k + 1]):
                k += 1
            elif tok.text in RUN_POSSESSIVES and doc[k - 1].text.endswith("s") and k + 1 < n and _name_word(doc[k + 1]):
                k += 1  # "Workers' Union"
            else:
                break
        i = end
        if sum(1 for t in doc[start:end] if _name_word(t)) < 2:
            continue
        tagged = [j for j in range(start, end) if j in tagged_at]
        if any(tagged_at[j].start < start or tagged_at[j].end > end for j in tagged):
            continue  # the tagger's span reaches out of the run: its reading stands
        if 2 * len(tagged) > end - start:
            continue  # the tagger named most of the run: its reading stands
        if kinds.get((doc[end - 1].lower_, "last")) == "group":
            runs.append((start, end))  # "the Quarry and Kiln Masons' Union", "Quarry" tagged a person
            continue
        after = [t for t in doc[end:end + 2] if t.is_alpha and t.text.islower()]
        officer = next((t for t in after if contexts.get((t.lemma_.lower(), "after")) == "group"), None)
        if officer is not None and not people & set(range(start, end)) and all(
                t.is_alpha and t.text.islower() for t in doc[end:officer.i + 1]):
            runs.append((start, end))  # "Norvane Gas Transit chief executive Ilse Marchetti"
    return runs


def _entity_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """The tagger's entity spans, trimmed, with a person's name cut off the end of an organisation.

    The small model runs a title into the name after it: "Chief of Staff of the Armed
    Forces of Iran Mohammad Rahimi signed ..." comes as one organisation. A given name
    (`given_names.csv`) inside the span, followed by one or two capitalised words that end
    it, starts a person (a name that begins the span, "Walt Disney", or follows "&" / "and",
    "Marks & Spencer", is left whole). A capitalised title followed by two capitalised
    names ("Nurse Ada Pike", "Mayor Ines Falk") is a person, whatever the tagger said.
    """
    names = given_names()
    ents = doc.ents  # built afresh (a Span each) on every read
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    titled = _titled_names(doc)
    for start, end in titled:
        if not tagged & set(range(start, end)):
            yield start, end, "PERSON"  # "Mayor Ines Falk said": the tagger saw no one
    organisations = [(start, end) for start, end in _untagged_organisations(doc, ents)
                     if not any(s < end and start < e for s, e in titled)]
    inside_runs = {i for start, end in organisations for i in range(start, end)}
    for start, end in organisations:
        yield start, end, "ORG"  # "the Harbour and Freight Workers' Union": the tagger saw none or a word of it
    for ent in ents:
        if ent.start in inside_runs:
            continue
        if ent.label_ == "PRODUCT" and all(_name_word(t) for t in ent) and (
                _located_at(ent[-1]) or _context_of(ent[-1], name_contexts()) == "place"):
            yield ent.start, ent.end, "GPE"  # "signed in Darsk", "the capital Darsk" tagged as a product: a place
            continue
        if ent.label_ == "WORK_OF_ART" and _speaker_after_quote(doc, ent):
            yield ent.start, ent.end, "PERSON"  # '"...," Saskia Morrow-Pell, chief engineer, told ...' tagged a title
            continue
        if ent.label_ not in LABELS:
            continue
        bounds = _trim_span(doc, ent)
        if not bounds:
            continue
        start, end = bounds
        if ent.label_ == "ORG":
            start = _back_over_joined_name(doc, _back_over_untagged_name(doc, start), end)
        comma = next((i for i in range(start + 1, end - 2) if doc[i].text == "," and _is_title_word(doc[i + 1].text)
                      and doc[i + 1].text[:1].isupper()), None)
        if comma is not None:
            # "Sorrel, Oba Ladipo II" tagged as one name: a place, then a titled person
            name = comma + 1
            while name < end - 1 and _is_title_word(doc[name].text):
                name += 1
            yield start, comma, ent.label_
            yield name, end, "PERSON"
            continue
        if ent.label_ == "PERSON" and not any(t.text[:1].isupper() for t in doc[start:end]):
            continue  # "a waiting getaway van": a name is capitalised; a common noun phrase is no one
        if ent.label_ == "ORG" and (start, end) in titled:
            yield start, end, "PERSON"  # "Nurse Ada Pike" tagged as an organisation
            continue
        if ent.label_ == "ORG" and end - start >= 3 and _is_post_nominal(doc[end - 1].text) and all(
                t.pos_ == "PROPN" and t.is_alpha and t.text.istitle() for t in doc[start:end - 1]):
            yield start, end, "PERSON"  # "Sophie Lind KC" tagged as an organisation: the letters follow a person's name
            continue
        if ent.label_ == "ORG" and start > 0 and doc[start - 1].text.islower() and _is_title_word(doc[start - 1].text):
            end = _over_untagged_surname(doc, end, tagged)  # "winger Abdou Ndiaye-Carr" tagged "Abdou" alone
        if (ent.label_ == "ORG" and 2 <= sum(t.text != "-" for t in doc[start:end]) <= 3 and start > 0 and doc[start - 1].text.islower() and doc[start - 1].pos_ == "NOUN"
                and _is_title_word(doc[start - 1].text)
                and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() and not _is_title_word(t.text)
                        and t.lower_ not in reference_nouns() for t in doc[start:end] if t.text != "-")):
            yield start, end, "PERSON"  # "commission chair Hanna Voss": a lower-case title before a name
            continue
        if ent.label_ in {"ORG", "NORP"} and end - start == 1 and (given := _back_over_untagged_name(doc, start)) == start - 1 and (
                given > 0 and doc[given - 1].text.islower() and doc[given - 1].pos_ == "NOUN" and _is_title_word(doc[given - 1].text)
                and doc[start].pos_ == "PROPN" and doc[start].text.istitle()):
            yield given, end, "PERSON"  # "White House lawyer Orm Tallis": "Orm" untagged, "Tallis" a people's word
            continue
        if ent.label_ in {"GPE", "NORP", "ORG"} and end - start == 1 and _given_name_read_as_place(doc, start, tagged):
            yield start, end + 1, "PERSON"  # "chief executive Magnus Eidervold": "Magnus" a place, "Eidervold" untagged
            continue
        if ent.label_ == "ORG" and (titled_end := _title_then_name(doc, start, end)):
            # "Castellan Chief Executive Dolores Vantongeren": the company, then a title and a name
            title_start, name_start = titled_end
            yield start, title_start, "ORG"
            yield name_start, end, "PERSON"
            continue
        if ent.label_ == "ORG":
            for k in range(max(start + 1, end - 3), end - 1):
                if (doc[k].text[:1].isupper() and doc[k].lower_ in names and doc[k - 1].lower_ not in {"&", "and", "of"}
                        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[k + 1:end])):
                    organisation = _trim_span(doc, doc[start:k])
                    if organisation:
                        yield (*organisation, "ORG")
                    yield k, end, "PERSON"
                    break
            else:
                yield start, end, "ORG"
            continue
        if (ent.label_ in {"GPE", "LOC", "NORP"} and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
                and all(t.pos_ == "PROPN" for t in doc[start:end])):
            # "and Omid Sadri, who holds ...": "who" speaks of a person, never of a place; the
            # given name the tagger left out before the surname is part of the name
            while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
                   and doc[start - 1].i not in tagged and not _is_title_word(doc[start - 1].text)):
                start -= 1
            yield start, end, "PERSON"
            continue
        if (ent.label_ == "PERSON" and end - start == 1 and start > 1 and doc[start - 1].lower_ == "the"
                and doc[start - 2].lower_ in LANDSCAPE_PREPOSITIONS
                and (end == len(doc) or doc[end].pos_ not in {"NOUN", "PROPN"}) and doc[start].text[:1].isupper()):
            # "a bridge over the Senn": a lone name after "over the" is a place (a river, a region),
            # not a person; "the Obama administration" is excluded by the noun after it, "told
            # the Herald" / "in the Herald" (an outlet) by the word before "the"
            yield start, end, "LOC"
            continue
        yield start, end, ent.label_


def _given_name_read_as_place(doc: Doc, start: int, tagged: set[int]) -> bool:
    """True for one capitalised word tagged a place or a group that modifies the untagged
    capitalised name word right after it, the two standing after a title ("chief executive
    Magnus Eidervold") or as the subject of a speech verb ("Boss Magnus Eidervold said"): a
    given name and a surname. Not a place the gazetteer knows, nor a name whose second word
    says place or group ("Kestrel Town said", "Velnor Telecom said": name_words.csv, org_kinds.csv)."""
    token, after = doc[start], doc[start + 1] if start + 1 < len(doc) else None
    if (after is None or after.i in tagged or token.dep_ != "compound" or token.head.i != after.i
            or not (token.is_alpha and token.text.istitle() and after.is_alpha and after.text.istitle())
            or after.pos_ != "PROPN" or not token.whitespace_ or "\n" in token.text_with_ws
            or _is_title_word(after.text) or _is_title_word(token.text)
            or (after.lower_, "last") in _name_words() or after.lower_ in _landform_words()[1]):
        return False
    gaz, key = gazetteer(), fold(token.text)
    if key in gaz.names or key in gaz.capitals or key in gaz.demonyms:
        return False
    titled = start > 0 and _is_title_word(doc[start - 1].text)
    speaks = after.dep_ == "nsubj" and after.head.lemma_.lower() in word_list("speech_verbs.txt")
    return titled or speaks


def _over_untagged_surname(doc: Doc, end: int, tagged: set[int]) -> int:
    """The end of a name run on over one untagged capitalised word, hyphened or not
    ("Abdou" tagged alone in "winger Abdou Ndiaye-Carr" ends after "Carr")."""
    k = end
    if k < len(doc) and k not in tagged and doc[k].is_alpha and doc[k].text.istitle() and doc[k].pos_ == "PROPN" and not _is_title_word(doc[k].text):
        k += 1
        while (k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
               and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper() and k + 1 not in tagged):
            k += 2
    return k


def _back_over_untagged_name(doc: Doc, start: int) -> int:
    """Start of an organisation's name moved back over a capitalised word the tagger left out of
    every entity ("Kingsbridge" of "Kingsbridge United Football Club is delighted ...", tagged
    "United Football Club"); not over a title, a country or its people's word."""
    gaz = gazetteer()
    k = start
    while k > 0 and start - k < 2:
        word = doc[k - 1]
        if not (word.pos_ == "PROPN" and word.is_alpha and word.text.istitle() and word.ent_type_ == "" and word.whitespace_
                and "\n" not in word.text_with_ws and not _is_title_word(word.text)
                and fold(word.text) not in gaz.names and fold(word.text) not in gaz.demonyms):
            break
        k -= 1
    return k


def _back_over_joined_name(doc: Doc, start: int, end: int) -> int:
    """Start of an organisation's name moved back over "X and" when the tagger took only the part
    after "and" of a name that joins two words ("the Quay and Cargo Workers Union" tagged "Cargo
    Workers Union"): the name must end in an organisation's word and follow "the", and X be a
    capitalised word of no other entity ("between Tarsk and Cargo Workers Union" stays)."""
    if not (start >= 3 and doc[start - 1].lower_ in {"and", "&"} and doc[start - 3].lower_ == "the"
            and _kind_in_name(name_tokens(doc[start:end].text)) == "group"):
        return start
    word = doc[start - 2]
    if word.is_alpha and word.text.istitle() and word.ent_type_ == "" and not _is_title_word(word.text) and "\n" not in word.text_with_ws:
        return start - 2
    return start


def _title_then_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(title start, name start) when an organisation span runs on into a capitalised title and
    a name of two or three words ("Castellan Chief Executive Dolores Vantongeren"), else None."""
    j = start + 1
    while j < end and not (_is_title_word(doc[j].text) and doc[j].text[:1].isupper()):
        j += 1
    k = j
    while k < end and (_is_title_word(doc[k].text) or doc[k].lower_ in TITLE_CONNECTORS):
        k += 1
    if j >= end or not 2 <= end - k <= 3:
        return None
    if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() for t in doc[k:end]):
        return None
    if _kind_in_name(name_tokens(doc[k:end].text)) is not None:
        return None  # "Dock and General Workers Union": "General" is a word of the name, "Workers Union" no person
    return j, k


def _is_post_nominal(text: str) -> bool:
    """True for letters after a name in capitals ("KC", "Q.C.", "OBE"; post_nominals.txt)."""
    return text.isupper() and text.replace(".", "").lower() in word_list("post_nominals.txt")


def _misread_given_name(token) -> bool:
    """True for a given name of given_names.csv right before a name (both callers ask only there)
    that the parse read as a function word or hung apart from it ("Per" as the preposition, "Will"
    as the verb): "Per Lindqvist, who farms", also opening a sentence ("Per the deal" has no name after it)."""
    return (token.is_alpha and token.text.istitle()
            and token.pos_ in {"ADP", "AUX", "VERB", "ADV", "DET", "CCONJ", "SCONJ", "PROPN"} and token.lower_ in given_names()
            and "\n" not in token.text_with_ws and not _is_title_word(token.text))


def _person_bounds(doc: Doc, start: int, end: int) -> tuple[int, int, list[str]]:
    """Extend a PERSON span over name tokens the tagger left out, then cut titles off it (a
    span "Lawyer" the tagger split from "Rania Haddad" becomes her name with its title)."""
    end = _over_particles(doc, start, end)
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ in {"", "PERSON"}
        and "\n" not in doc[end - 1].text_with_ws
        and not doc[end - 1].whitespace_ == ""
        and not _is_title_word(doc[end].text)
    ):
        end += 1
    titles: list[str] = []
    while end - start >= 2 and _is_post_nominal(doc[end - 1].text):
        if end - start == 2:
            given = doc[start - 1] if start > 0 else None
            if not (given is not None and given.pos_ == "PROPN" and given.is_alpha and given.text.istitle()
                    and not _is_title_word(given.text) and "\n" not in given.text_with_ws):
                break  # "Gagan KC": the capitals may be the surname
            start -= 1  # "Renwick KC" tagged without the given name before it
        titles.append(doc[end - 1].text)  # "Anil Vargo KC": a rank at the bar, no part of the name
        end -= 1
    cut = start
    while cut < end - 1 and (_is_title_word(doc[cut].text) or (cut > start and doc[cut].lower_ in CONNECTORS)
                             or cut == start and _describes_a_person(doc[cut])):
        cut += 1
    if cut > start:
        titles.append(doc[start:cut].text)
    start = _back_over_particles(doc, cut)
    given = start - 1
    if (given >= 1 and start == cut and doc[given].pos_ == "PROPN" and doc[given].is_alpha and doc[given].text[:1].isupper()
            and not doc[given].text.isupper() and not _is_title_word(doc[given].text) and doc[given].ent_type_ in {"", "ORG", "PERSON"}
            and "\n" not in doc[given].text_with_ws and _is_title_word(doc[given - 1].text) and doc[given - 1].text[:1].isupper()
            and fold(doc[given].text) not in gazetteer().names and fold(doc[given].text) not in gazetteer().demonyms):
        start = given  # "Chief Executive Dolores Vantagen" with only the surname tagged: the given name is no title
    if start == cut and start > 0 and _misread_given_name(doc[start - 1]):
        start -= 1  # "Per Lindqvist, who farms": "Per" read as the preposition, the surname tagged alone
    of = next((k for k in range(start + 2, end - 1) if doc[k].text == "of"
               and all(t.text[:1].isupper() and not _is_title_word(t.text) for t in doc[start:k])), None)
    if of is not None:
        end = of  # "Marely Ramirez of Coronado walked": where she is from, no part of her name ("Duke of X" is a title)
    before = _title_before(doc, start)
    if before:
        titles.insert(0, before)
    return start, end, titles


def _describes_a_person(token) -> bool:
    """True for a capitalised common noun for a person opening a name ("Robber Vukasin, the gang's
    boss", "Gunman Jo Doe"): a description before the name, as a title is (nouns of
    data/understand/unnamed_actors.csv, kind person), not a word of it; a given name ("Hunter
    Doe") stays."""
    word = token.lower_
    return (token.text[:1].isupper() and token.is_alpha and word not in given_names()
            and unnamed_actor_nouns().get(word, ("",))[0] == "person")


def _apposed_title(doc: Doc, mention: Found) -> str | None:
    """The office a person's apposition names: "the governor of the National Bank of Ostrenia,
    Radomir K." and "Yusuf D., the commander of the Tarkan Brigades" give "governor" and
    "commander", "Qadira's foreign minister, Hamdan N." "foreign minister" (the title word of
    titles.txt with its lower-case modifiers; not a kin word, "his wife, Jane Doe", nor a role
    that is no office, "the actress")."""
    head = doc[mention.last_token]
    nouns = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > head.i]
    if head.dep_ == "appos" and head.head.i < mention.first_token:
        before = head.head
        while before.pos_ == "PROPN" and before.dep_ == "pobj" and before.head.lower_ == "of":
            before = before.head.head  # the parse hung the name on "Bank" of "the governor of the National Bank, X"
        if before.pos_ == "NOUN":
            nouns.insert(0, before)
    for noun in nouns:
        if noun.lower_ not in word_list("titles.txt") or not noun.is_alpha:
            continue
        start = noun.i
        while (start > 0 and doc[start - 1].dep_ in {"amod", "compound"} and start - 1 < doc[start - 1].head.i <= noun.i
               and doc[start - 1].is_alpha and doc[start - 1].is_lower):
            start -= 1
        return doc[start:noun.i + 1].text
    return None


def _patronymic_name(doc: Doc, start: int, end: int) -> bool:
    """True when a span is (or runs into) "Given ibn Father": a lower-case patronymic particle
    (patronymic_particles.txt) between capitalised words names a person, whatever the tagger said."""
    patronymics = word_list("patronymic_particles.txt")
    for i in range(start + 1, min(end + 1, len(doc) - 1)):
        if (doc[i].text in patronymics and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
                and doc[i - 1].is_alpha and not _is_title_word(doc[i - 1].text)):
            return True
    return False


def _over_particles(doc: Doc, start: int, end: int) -> int:
    """End of a person's name run on over lower-case particles and the capitalised word after
    them: the tagger cuts "Sofia van der Berg" into "Sofia van" + "Berg" (particles.txt)."""
    particles = word_list("particles.txt")
    back = end
    while back > start + 1 and doc[back - 1].text.islower() and fold(doc[back - 1].text) in particles:
        back -= 1  # "Sofia van": the particles the tagger kept belong to the surname after them
    k = back
    while k < len(doc) and k - back < 3 and doc[k].text.islower() and fold(doc[k].text) in particles and doc[k].whitespace_:
        k += 1
    if k > back and k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and not _is_title_word(doc[k].text):
        return k + 1
    return end


def _back_over_particles(doc: Doc, start: int) -> int:
    """Start of a person's name moved back over the particles before its surname, and over the
    given name before them: the tagger sees only "Berg" in "Sofia van der Berg stepped down"
    and in "Van der Berg's resignation"."""
    particles = word_list("particles.txt")
    k = start
    while k > 0 and start - k < 3 and fold(doc[k - 1].text) in particles and doc[k - 1].is_alpha and doc[k - 1].whitespace_ and (
            doc[k - 1].text.islower() or doc[k - 1].is_sent_start or doc[k - 1].text.istitle()):
        k -= 1
    if k == start or (not doc[k].text.islower() and not doc[k].is_sent_start and not (k > 0 and _is_title_word(doc[k - 1].text))):
        return start  # a capitalised particle mid-sentence ("Le", "Van") only after a title or at the start
    given = doc[k - 1] if k > 0 else None
    # a capitalised word right before lower-case particles is a given name, however the
    # tagger took it ("Anneke" ORG/ADJ in "Anneke ter Horst stepped down")
    if (given is not None and doc[k].text.islower() and given.text[:1].isupper() and given.is_alpha and given.ent_type_ not in {"DATE", "GPE"}
            and not _is_title_word(given.text) and "\n" not in given.text_with_ws):
        return k - 1
    return k


def _acts(doc: Doc, start: int, end: int) -> bool:
    """True when a place name is the doer in its sentence (subject, possessor, partner)."""
    token = doc[end - 1]
    seen = 0
    while token.dep_ == "conj" and seen < 5:
        token = token.head
        seen += 1
    if token.dep_ in ACTING_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ACTING_PREPS:
        return True
    return False


@lru_cache(maxsize=1)
def name_contexts() -> dict[tuple[str, str], str]:
    """(word, where) -> place / group, from name_contexts.csv."""
    return {(row["word"], row["where"]): row["kind"] for row in table("name_contexts.csv")}


def _context_of(token, contexts: dict[tuple[str, str], str]) -> str | None:
    """Place or group, as the words right around one name token say ("village of X", "the side X")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "between X and Y": Y's context is X's
    head = token.head
    if token.dep_ == "pobj":
        kind = contexts.get((head.lower_, "prep"))  # "near X"
        if not kind and head.lower_ in {"between", "against"}:
            kind = contexts.get((head.head.lemma_.lower(), "between"))  # "a match between X and Y"
        if kind:
            return kind
    if token.dep_ == "pobj" and head.lower_ == "to":
        kind = contexts.get((head.head.lemma_.lower(), "to"))  # "extradited to X", "his extradition to X": a country
        if kind:
            return kind
    if token.dep_ == "pobj" and head.lower_ == "of":
        kind = contexts.get((head.head.lemma_.lower(), "of"))  # "village of X", "out of X", "supporters of X"
        if kind:
            return kind
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "NOUN":
        # "the company's factory in X", "its factory manager in X": a building stands in a place, not in a person
        for noun in [head.head, *(c for c in head.head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN")]:
            kind = contexts.get((noun.lemma_.lower(), "in"))
            if kind:
                return kind
    if token.dep_ == "appos" and head.pos_ == "NOUN":
        kind = contexts.get((head.lemma_.lower(), "before"))  # "the Tunisian side Sahel Bizerte"
        if kind:
            return kind
    if token.dep_ == "poss" and head.pos_ == "NOUN":
        kind = contexts.get((head.lemma_.lower(), "after"))  # "Harnby's mayor", as "the Harnby mayor"
        if kind:
            return kind
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > token.i and any(t.dep_ in {"det", "poss"} for t in child.lefts):
            # "Velnet, Valdria's largest mobile operator", "Velnet, a unit of the Orsund Group"
            kind = contexts.get((child.lemma_.lower(), "before")) or ("group" if child.lemma_.lower() in org_kinds() else None)
            if kind:
                return kind
    if token.dep_ == "compound" and head.pos_ == "NOUN" and head.i > token.i:
        noun = head
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "the Zharkol pumping station"
        kind = contexts.get((noun.lemma_.lower(), "after")) or contexts.get((head.lemma_.lower(), "after"))
        if kind:
            return kind
    if token.i > 0 and token.doc[token.i - 1].pos_ == "NOUN":
        kind = contexts.get((token.doc[token.i - 1].lemma_.lower(), "before"))
        if kind:
            return kind
    for conj in [c for c in token.children if c.dep_ == "conj"] + ([head] if token.dep_ == "conj" else []):
        kind = contexts.get((conj.lemma_.lower(), "before")) if conj.pos_ == "NOUN" else None
        if kind == "group":
            return kind  # "between Al-Manara and the Tunisian side Sahel Bizerte": two teams
    return None


@lru_cache(maxsize=1)
def _name_words() -> dict[tuple[str, str], str]:
    """(word, first / last) -> place / group, from name_words.csv plus org_kinds.csv's words at the end."""
    out = {(row["word"], "last"): "group" for row in table("org_kinds.csv")}
    out.update({(row["word"], row["position"]): row["kind"] for row in table("name_words.csv")})
    return out


def _kind_in_name(tokens: list[str]) -> str | None:
    """Place, group or site, as a word of the name itself says ("Lake Kelvar", "Oskar Dam", "Velnor Telecom", "Club Shop")."""
    if len(tokens) < 2:
        return None
    words = _name_words()
    return words.get((tokens[0].lower(), "first")) or words.get((tokens[-1].lower(), "last"))


def _after_of_place_word(token) -> bool:
    """True for the X of "residents of X", "the town of X" (name_contexts.csv's place words before "of")."""
    return (token.dep_ == "pobj" and token.head.lower_ == "of"
            and name_contexts().get((token.head.head.lemma_.lower(), "of")) == "place")


def _apposition_kind(doc: Doc, last_token: int) -> str | None:
    """Person or place, as a noun in apposition after a name says ("X, a teacher in Y", "X, the town closest to Y")."""
    for child in doc[last_token].children:
        if child.dep_ != "appos" or child.pos_ != "NOUN" or child.i <= last_token:
            continue
        if not any(t.dep_ == "det" for t in child.lefts):
            continue  # "X, a teacher" / "X, the town": a described apposition, not a list of names
        lemma = child.lemma_.lower()
        if name_contexts().get((lemma, "of")) == "place" and lemma not in reference_nouns():
            return "place"  # name_contexts.csv's "village of", "town of" nouns
        if lemma in org_kinds() or lemma in reference_nouns() or lemma in group_nouns():
            return None  # "X, a telecom operator", "X, the agency"
        if _is_role_word(child.text) or _is_agent_noun(lemma):
            return "person"  # "a 47-year-old teacher", "the widow"
    token = doc[last_token]
    if token.dep_ == "appos" and token.head.i < token.i and token.head.pos_ == "NOUN" and token.head.lower_ not in reference_nouns():
        if _is_role_word(token.head.text):
            return "person"  # "Its leader, Hanna Brisk, said": the name apposed to a role before it
        lemma = token.head.lemma_.lower()
        if (_is_agent_noun(lemma) and lemma not in org_kinds() and lemma not in group_nouns()
                and not any(c.dep_ == "poss" for c in token.head.children)):
            return "person"  # "A 24-year-old student, Teo Marsk, died": not "the ship's owner, X Tankers" (a company may own)
    return None


def _name_evidence(doc: Doc, mention: Found) -> set[str]:
    """What the words around a PERSON mention say it is: a person, a place or a group.

    The small tagger calls a village ("Zharkol") or a football club ("Sahel Bizerte") a
    person; a person shows it by a title, a role, a gender, a known given name, or by saying
    something. `cluster_mentions` retypes a "person" who never shows it but whose context
    names a place or a group.
    """
    out = set()
    # "the river Tavesk": "river" looks like an agent noun ("-er") but names a kind of place
    roles = {r for r in mention.roles if (r, "before") not in name_contexts()}
    if mention.titles or roles or mention.gender != "any" or (
            len(mention.tokens) >= 2 and mention.tokens[0].lower() in given_names()):
        out.add("person")
    elif named_kind := _kind_in_name(mention.tokens):
        # "Velnor Telecom said": the name's own word outweighs a speech verb, which companies use too
        return {named_kind}
    head = doc[mention.last_token]
    if mention.last_token + 2 < len(doc) and doc[mention.last_token + 1].text == "," and doc[mention.last_token + 2].lower_ == "which":
        out.add("which")  # "Varlen Tankers, which owns the ship, says": nobody is spoken of as "which"
    verb = head.head
    named_person = "person" in out
    if head.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in word_list("speech_verbs.txt"):
        out.add("person")
    if head.dep_ == "agent" or (head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_.lower() in word_list("speech_verbs.txt")):
        out.add("person")
    if "person" in out and not named_person:
        out.add("speaks")  # only a speech verb says person: companies speak too ("Velnet says ...")
    kind = _context_of(head, name_contexts())
    first = mention.first_token
    if not kind and first > 0 and doc[first - 1].pos_ in {"NOUN", "ADJ"} and doc[first - 1].text.islower():
        # "the river Oder-Sava": a name of several tokens; "the trawler X" with "trawler" tagged ADJ
        kind = name_contexts().get((doc[first - 1].lemma_.lower(), "before")) or name_contexts().get((doc[first - 1].lower_, "before"))
    if (not kind and len(mention.tokens) == 1 and first > 0 and doc[first - 1].lower_ == "the"
            and doc[first - 1].head.i == mention.last_token):
        kind = "group"  # "he told the Gazette": nobody is "the Smith"; "the Obama administration" has its "the" on the noun
    if kind:
        out.add(kind)
    # a bare "in X" / "between X" is no evidence here: measured on ECB+, it retyped real people
    # (held-out topics' aligned CoNLL F1 0.830 -> 0.815 with it)
    return out


def _opens_as_plural_noun(doc: Doc, first: int, last: int) -> bool:
    """True for one word that opens its sentence (after a live entry's time stamp at most) and that
    the tagger reads as a common noun's plural (NNS, not a party's "Democrats", NNPS) ("Crowds",
    "Neighbours"): its capital is the sentence's. Not "Labour" (no plural), nor a club's word of
    name_words.csv ("Rangers"), nor a name some mention writes inside a sentence (the cluster keeps it)."""
    token = doc[first]
    if first != last or not token.is_alpha or not token.text.istitle() or token.tag_ != "NNS":
        return False
    if _name_words().get((token.lower_, "last")):
        return False
    sent_start = token.sent.start
    if any(t.is_alpha for t in doc[sent_start:first]):
        return False
    lemma = token.lemma_.lower()
    return lemma != token.lower_ and token.lower_.startswith(lemma[:-1]) and lemma in _common_nouns()


def _opens_compound(doc: Doc, mention: Found) -> bool:
    """True for a one-word "person" that opens its sentence as a modifier of the lower-case noun
    right after it ("Flash floods swept ...", "Storm damage closed ..."): the capital is the
    sentence's, and the word most likely an ordinary one. `cluster_mentions` drops such a
    "person" when no other mention of it shows a person."""
    token = doc[mention.first_token]
    if mention.last_token != mention.first_token or not (token.is_sent_start or token.i == 0):
        return False
    head = token.head
    return token.dep_ == "compound" and head.i == token.i + 1 and head.pos_ == "NOUN" and head.text.islower()


def _names_no_actor(text: str, article_text: str) -> bool:
    """True for a word in capitals that names no actor: a common abbreviation ("DUI", "GMT",
    `data/understand/not_actors.txt`) or an ordinary word in a headline or a shouted line
    that the article also writes in lower case ("FIRE" beside "the fire"; four letters or
    more, so that initials such as "WHO" or "US" are never taken for the word)."""
    bare = text.replace(".", "")
    if not (bare.isalpha() and bare.isupper()):
        return False
    word = bare.lower()
    if word in word_list("not_actors.txt"):
        return True
    return len(word) >= 4 and re.search(rf"(?<![\w-]){word}(?![\w-])", article_text) is not None


def _names_an_illness(doc: Doc, end: int) -> bool:
    """True for a name that modifies the lower-case illness noun right after it ("Brennick
    fever", "the Marburg virus"; data/understand/illness_words.txt): the illness's name."""
    if end >= len(doc) or end == 0:
        return False
    noun, last = doc[end], doc[end - 1]
    return (noun.is_lower and noun.lower_ in word_list("illness_words.txt") and last.head.i == noun.i
            and last.dep_ in {"compound", "nmod", "amod"})


def _names_an_agreement(doc: Doc, end: int) -> bool:
    """Whether the name ending before token `end` is the modifier of an agreement's noun
    (`agreement_nouns.txt`), at most two lower-case adjectives or nouns between: "the Iran deal",
    "the Iran nuclear agreement", "the Paris climate accord". The name must lean on that noun
    (its parse head lies between), so "Iran signed agreement" or "Iran deals with ..." (a verb)
    keep Iran; so do "Iran's deal" and "the deal with Iran"."""
    nouns = word_list("agreement_nouns.txt")
    for k in range(end, min(end + 3, len(doc))):
        token = doc[k]
        if token.lower_ in nouns and token.pos_ in {"NOUN", "PROPN"}:
            return end - 1 < doc[end - 1].head.i <= k
        if not (token.is_alpha and token.is_lower and token.pos_ in {"ADJ", "NOUN"}):
            return False
    return False


def _names_a_thing(doc: Doc, start: int, end: int, text: str) -> bool:
    """True for a tagged span that names a thing, no actor: a unit, no capital letter and a
    slash or a digit ("km/h" of "95km/h"; a script without case is kept); a product line,
    one capitalised ordinary word that with "its" or "their" modifies a common noun ("its
    Coast and Ridge scooters"; never a place the gazetteer knows); a code, the object of
    "starts with" and the other verbs of code_verbs.txt ("a serial number starting with QX"); a
    currency's code before an amount ("EUR 41 million")."""
    if text == text.lower() and text != text.upper() and re.search(r"[/\d]", text):
        return True  # "km/h", "m3/s"; a lower-case "philadelphia" is still a name written carelessly
    if end - start != 1:
        return False
    if end < len(doc) and doc[end].like_num and text in _currency_codes():
        return True  # "for EUR 41 million": a currency's code before an amount (currencies.txt)
    token = doc[start]
    key = fold(text)
    gaz = gazetteer()
    if key in gaz.names or key in gaz.capitals or key in gaz.demonyms:
        return False
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "with" and first.head.head.lemma_.lower() in word_list("code_verbs.txt"):
        return True
    noun = first.head
    return (first.dep_ in {"nmod", "compound"} and text.istitle() and noun.i > first.i and noun.pos_ == "NOUN" and noun.text.islower()
            and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children)
            and key in _common_nouns())


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of data/understand/currencies.txt ("EUR", "USD")."""
    return frozenset(row["code"] for row in table("currencies.txt"))


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """Words the language model's lemmatizer lists as nouns ("city", "trail")."""
    from newsprism.understand.nlp import load_nlp

    pipe = load_nlp().get_pipe("lemmatizer")
    lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


@lru_cache(maxsize=1)
def _describing_words() -> frozenset[str]:
    """Words the language model's lemmatizer lists as adjectives or adverbs and never as nouns
    ("brazen", "furious"; not "nato", "exclusive")."""
    from newsprism.understand.nlp import load_nlp

    pipe = load_nlp().get_pipe("lemmatizer")
    lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    describing = set(index.get("adj", ())) | set(index.get("adv", ()))
    return frozenset(describing - set(index.get("noun", ())))


def _is_shouted_word(text: str) -> bool:
    """True for one describing word in capitals ("BRAZEN", "FURIOUS"), as tabloids shout them."""
    return len(text) >= 4 and text.isupper() and text.isalpha() and text.lower() in _describing_words()


@lru_cache(maxsize=1)
def _landform_words() -> tuple[frozenset[str], frozenset[str]]:
    """(first words, last words) that make a name a natural feature (data/understand/landform_words.csv)."""
    rows = table("landform_words.csv")
    return (frozenset(r["word"] for r in rows if r["position"] == "first"),
            frozenset(r["word"] for r in rows if r["position"] == "last"))


def _names_a_street(text: str) -> bool:
    """True for a name of two words or more whose last word names a street ("Marrow Row",
    "Harrow Street"; data/understand/street_words.txt)."""
    words = name_tokens(text)
    return len(words) >= 2 and fold(words[-1]).replace(".", "") in word_list("street_words.txt")


def _is_doer(token) -> bool:
    """True for the subject, agent or possessor of its clause ("Downing Street said", "Wall
    Street's fall"): a street so written stands for the people in it."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass", "agent", "poss"}


def _before_landform_word(doc: Doc, end: int) -> bool:
    """True for a name the tagger cut before the landform word that ends it ("Tamsel" of "on
    Tamsel Reef", "Reef" left untagged; data/understand/landform_words.csv)."""
    return (end < len(doc) and doc[end].is_title and doc[end].lower_ in _landform_words()[1]
            and doc[end].ent_type_ == "" and "\n" not in doc[end - 1].text_with_ws)


def _names_an_area(token) -> bool:
    """True for a name that modifies an area noun ("the Marrel district", "Vosk province"):
    a noun of name_contexts.csv that is a place both before "of" and after a name."""
    head = token.head
    if token.dep_ != "compound" or head.i <= token.i or head.pos_ != "NOUN":
        return False
    contexts = name_contexts()
    lemma = head.lemma_.lower()
    return contexts.get((lemma, "of")) == "place" and contexts.get((lemma, "after")) == "place"


def platforms() -> frozenset[str]:
    """Folded names of online platforms ("twitter", "tiktok"; data/understand/platforms.txt)."""
    return word_list("platforms.txt")


def _after_programme_cue(doc: Doc, start: int) -> bool:
    """True for a name right after "Listen again:", "Watch live:" (data/understand/programme_cues.txt):
    the title of a programme."""
    if start < 2 or doc[start - 1].text != ":":
        return False
    words = [t.lower_ for t in doc[max(0, start - 4):start - 1] if t.is_alpha]
    cues = word_list("programme_cues.txt")
    return any(" ".join(words[k:]) in cues for k in range(len(words)))


def _is_landform(text: str) -> bool:
    """True for "Mount X", "Lake X", "the X River": a feature of the land, not an actor."""
    words = [w for w in text.split() if w.lower() != "the"]
    if len(words) < 2:
        return False
    first, last = _landform_words()
    return words[0].lower() in first or words[-1].lower() in last


def outlet_keys(outlets) -> tuple[frozenset[str], frozenset[str]]:
    """Folded full names of the story's outlets ("the" dropped), with an outlet's initials before
    the medium words ending its name ("lnb" of "LNB News", "vrtv" of "VRTV News": what "told LNB"
    calls it; not "Dunmara" of "Dunmara TV", a place), and the last word of each name of two
    words or more ("herald" of "Tigris Herald"): what "told the Herald" calls it."""
    full, last = set(), set()
    media = word_list("channel_nouns.txt")
    for outlet in outlets:
        words = re.sub(r"^the\s+", "", (outlet or "").strip(), flags=re.I).split()
        if not words:
            continue
        full.add(fold(" ".join(words)))
        head = list(words)
        while len(head) >= 2 and head[-1].lower() in media:
            head.pop()
        if len(head) == 1 and len(head) < len(words) and is_acronym(head[0]):
            full.add(fold(head[0]))
        if len(words) >= 2 and words[-1][:1].isupper():
            last.add(fold(words[-1]))
    return frozenset(full), frozenset(last)


@lru_cache(maxsize=256)
def outlet_places(outlets: tuple[str, ...]) -> frozenset[str]:
    """Folded names of the places the story's newspapers and broadcasters are named after: the
    capitalised words before a publication noun ("Astrel" of the Astrel Tribune, "Kessel Valley" of
    the Kessel Valley Herald, "Kalvora" of the Kalvora Morning Post) or after a broadcaster's lead
    word ("Kelmar" of Radio Kelmar); data/understand/masthead_modifiers.csv. A news agency's or a
    wire's name gives none ("Meridian Press Agency"), nor a name with initials ("NBC Norvland")."""
    from newsprism.clean.patterns import lead_words, masthead_words

    nouns, sections = masthead_words()
    rows = table("masthead_modifiers.csv")
    modifiers = {r["word"] for r in rows if r["kind"] == "modifier"}
    agencies = {r["word"] for r in rows if r["kind"] == "agency"}
    places = set()
    for outlet in outlets:
        words = re.sub(r"^the\s+", "", (outlet or "").strip(), flags=re.I).split()
        if len(words) < 2 or any(w.lower() in agencies for w in words):
            continue
        if words[0].lower() in lead_words():
            head = words[1:]  # "Radio Kelmar"
        elif words[-1].lower() in nouns:
            head = list(words)
            while head and (head[-1].lower() in nouns or head[-1].lower() in modifiers):
                head.pop()
        else:
            continue
        if 1 <= len(head) <= 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in head) and not any(
                w.lower() in nouns or w.lower() in modifiers or w.lower() in lead_words() or w.lower() in sections for w in head):
            places.add(fold(" ".join(head)))
    return frozenset(places)


def _names_outlet(doc: Doc, start: int, end: int, label: str, keys: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True for a mention that names one of the story's outlets: its whole name ("the Tigris
    Herald"), or its last word after "the" ("told the Herald") when the tagger called that a
    person or an organisation ("the Tigris", a river, is never the Tigris Herald)."""
    full, last = keys
    key = fold(doc[start:end].text)
    if key in full:
        return True
    return (end - start == 1 and label in {"PERSON", "ORG"} and key in last
            and start > 0 and doc[start - 1].lower_ == "the")


def _portfolio_of_title(doc: Doc, start: int, end: int) -> bool:
    """True for the portfolio words of a minister's title before a person's name: "Digital
    [Affairs] Minister Jo Doe" (capitalised words, then the title, then a name) or "Minister
    for Digital Affairs Jo Doe" (the title and "for"/"of" before, a name right after)."""
    after = end
    while after < len(doc) and after - end < 3 and doc[after].text[:1].isupper() and doc[after].lower_ not in PORTFOLIO_TITLES:
        after += 1
    if after + 1 < len(doc) and doc[after].lower_ in PORTFOLIO_TITLES and doc[after].text[:1].isupper() and doc[after + 1].pos_ == "PROPN":
        return True
    if not (start >= 2 and doc[start - 1].lower_ in {"for", "of"} and doc[start - 2].lower_ in PORTFOLIO_TITLES and doc[start - 2].text[:1].isupper()):
        return False
    name = end  # the rest of the portfolio ("Affairs" when the tagger took "Digital" alone), then the name
    while name < len(doc) and name - end < 2 and doc[name].text[:1].isupper() and doc[name].ent_type_ != "PERSON":
        name += 1
    return name < len(doc) and doc[name].pos_ == "PROPN" and doc[name].ent_type_ == "PERSON"


def collect_mentions(article_id: str, doc: Doc, outlets=(), own_outlet: str | None = None) -> list[Found]:
    """Return the entity mentions of one parsed article (step 1 and country tagging).

    `outlets`, the names of the story's outlets (CleanArticle.outlet): a mention that names one
    is an organisation, a channel, whatever the tagger said ("Laila Doe told the Herald").
    `own_outlet`, the article's own outlet: the page naming itself ("told the Herald", "sources
    told the Harbour Sentinel", "letters seen by the Herald" on the Herald's own page) is the
    outlet's voice, the teller of the story and none of its actors, so it is no mention; the
    quotes stage reads such a channel from the words (quotes.Resolver.is_own_outlet)."""
    gaz = gazetteer()
    outlet_names = outlet_keys(outlets)
    own_names = outlet_keys([own_outlet] if own_outlet else [])
    places = outlet_places(tuple(o for o in outlets if o))
    token_sentence = token_sentences(doc)
    headline_sents = _headline_sentences(doc)
    found: list[Found] = []
    covered: set[int] = set()
    for start, end, label in _entity_spans(doc):
        titles: list[str] = []
        if label != "ORG" and any(outlet_names) and _names_outlet(doc, start, end, label, outlet_names):
            label = "ORG"  # "told the Herald": the story's outlet, tagged PERSON or GPE
        if label in {"GPE", "ORG", "NORP"} and _patronymic_name(doc, start, end):
            label = "PERSON"  # "Karim ibn Rashid" tagged as a place
        if label == "PERSON":
            start, end, titles = _person_bounds(doc, start, end)
        if label == "PERSON" and covered:
            first_char, last_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
            inside = [f for f in found if first_char <= f.start and f.end <= last_char]
            if inside:  # "Anneke" tagged ORG before "ter Horst": now part of the person's name
                found[:] = [f for f in found if f not in inside]
                covered.difference_update(i for f in inside for i in range(f.start, f.end))
        if doc[start].idx in covered:
            continue  # "Berg" of "Sofia van der Berg": already inside a name run on over it
        text = span_text(doc, start, end)
        key = fold(text)
        if key not in gaz.names and key not in gaz.capitals and (_is_landform(text) or _before_landform_word(doc, end)):
            label = "LOC"  # "Mount Kuzgan", "Lake Chad" tagged GPE or PERSON: a feature of the land, no actor
        elif key not in gaz.names and _kind_in_name(name_tokens(text)) == "site":
            label = "FAC"  # "in the Club Shop": a building one goes to, no actor (name_words.csv)
        elif key not in gaz.names and _names_a_street(text) and not _is_doer(doc[end - 1]):
            label = "FAC"  # "pickets gather on Marrow Row": an address, no actor ("Downing Street said" acts, and stays)
        elif _after_programme_cue(doc, start):
            label = "FAC"  # "Listen again: Evening Roundup, 4 May": a programme's title, nobody of the story
        if key in platforms():
            label = "ORG"  # "posted on Twitter" tagged PERSON: a platform, an organisation and a channel
        mention = Found(article_id, text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), token_sentence[start], label, titles=titles, first_token=start, last_token=end - 1)
        mention.headline = token_sentence[start] in headline_sents
        if label == "PERSON" and end - start == 1:
            mention.after_place_word = _after_place_word(doc[start])
        if key in gaz.names:
            mention.label, mention.country = "GPE", gaz.names[key]
        elif key in gaz.demonyms and label != "PERSON":
            mention.label, mention.kind, mention.country = "GPE", "demonym", gaz.demonyms[key]
        elif key in gaz.capitals and _acts(doc, start, end) and (
                label in {"GPE", "LOC", "ORG", "NORP"}
                # "Ashgabat said" tagged PERSON: one word no given name, no title before it
                or label == "PERSON" and end - start == 1 and not titles and text.lower() not in given_names()):  # "Tunis demanded": tagged NORP
            mention.label, mention.kind, mention.country = "GPE", "capital", gaz.capitals[key]
        elif key in gaz.epithets or "the " + key in gaz.epithets:
            key = key if key in gaz.epithets else "the " + key
            mention.label, mention.kind, mention.country = "GPE", "epithet", gaz.epithets[key]
        elif key in gaz.capitals and label == "NORP":
            mention.label = "GPE"  # "a Bishkek court": a capital is no nationality, though not its country acting either
        elif label in {"PERSON", "ORG", "NORP"} and not titles and key in places and not (start > 0 and doc[start - 1].lower_ == "the"):
            mention.label = "GPE"  # "Astrel told its partners" in a story the Astrel Tribune reports: the town its masthead names
        elif label in {"LOC", "FAC"}:
            continue
        elif _names_an_illness(doc, end):
            continue  # "killer Brennick fever": the illness's name, no person or place acting
        elif _names_no_actor(text, doc_text(doc)):
            continue
        elif _names_a_thing(doc, start, end, text):
            continue  # "95km/h", "its Coast and Ridge scooters", "starts with QX": a unit, a product line, a code
        elif end - start == 1 and _is_shouted_word(text):
            continue  # "BRAZEN port boss ...": a tabloid's capitals on a describing word, no name
        elif end - start == 1 and _is_post_nominal(text) and start > 0 and doc[start - 1].is_alpha and doc[start - 1].text.istitle():
            continue  # "KC" of "Marit Oyelowo KC" tagged apart from the name: letters after a name, no organisation
        if mention.label == "GPE" and _names_an_agreement(doc, end):
            continue  # "the Iran deal", "the Paris accord": a place naming an agreement, no actor of the sentence
        if (mention.label in {"ORG", "NORP"} and end - start == 1 and end < len(doc) and _is_title_word(doc[start].text)
                and _is_title_word(doc[end].text) and (doc[end].text[:1].isupper()
                                                       or end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper())):
            continue  # "Interior" of "Interior Minister Jane Doe", "Interior minister Jane Doe": a word of her title, no organisation
        if (mention.label == "ORG" and not mention.country and end + 1 < len(doc) and doc[end].lower_ in PORTFOLIO_TITLES
                and doc[end].text[:1].isupper() and doc[end + 1].pos_ == "PROPN"):
            continue  # "Iraqi Water Resources" of "Iraqi Water Resources Minister Jo Doe": the portfolio of a title
        if mention.label == "ORG" and not mention.country and _portfolio_of_title(doc, start, end):
            continue  # "Digital" of "Digital Affairs Minister Jo Doe", "Minister for Digital Affairs Jo Doe": a title's portfolio
        if (mention.label in {"ORG", "NORP", "GPE"} and not mention.country and len(name_tokens(text)) >= 2
                and _kind_in_name(name_tokens(text)) is None and " of " not in text and _apposition_kind(doc, end - 1) == "person"):
            mention.label = "PERSON"  # "Jane Doe, a 47-year-old teacher": the tagger said ORG ("X of Y" names a body)
        if mention.label == "PERSON":
            mention.tokens = name_tokens(text)
            if not mention.tokens or all(_is_title_word(t) for t in mention.tokens):
                continue  # a bare title ("Sgt") names nobody
        found.append(mention)
        covered.update(range(mention.start, mention.end))
    text = doc_text(doc)
    folded = ignorecase_text(text)
    for phrase, country in gaz.epithets.items():
        if phrase.isascii() and phrase.lower() not in folded:
            continue  # not in the text: skip the case-blind scan
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags=re.IGNORECASE):
            if m.start() in covered:
                continue
            token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if token is None:
                continue
            # a word of the epithet the tagger took for a name ("Hashemite" NORP in "the Hashemite kingdom") is the epithet
            found[:] = [f for f in found if not (m.start() <= f.start and f.end <= m.end())]
            found.append(Found(article_id, text[m.start():m.end()], m.start(), m.end(), token_sentence[token.start], "GPE", "epithet", country, first_token=token.start, last_token=token.end - 1))
            covered.update(range(m.start(), m.end()))
    _add_missed_countries(article_id, doc, found, covered, token_sentence, headline_sents)
    _add_parenthesised_acronyms(article_id, doc, found, covered, token_sentence)
    if any(own_names):  # "told the Herald", "told HTV" on the Herald's, HTV's own page: its voice, no actor
        found = [f for f in found if f.country or not _names_outlet(doc, f.first_token, f.last_token + 1, f.label, own_names)]
    datelines = [m.span() for m in WIRE_DATELINE_LINE.finditer(text)]
    if datelines:  # "CAIRO (NWS) - ": where and by whom a wire story was filed, no actor of it
        found = [f for f in found if not any(s <= f.start < e for s, e in datelines)]
    found.sort(key=lambda f: f.start)
    for mention in found:
        if mention.label == "PERSON":
            title = _apposed_title(doc, mention)
            if title and fold(title) not in {fold(t) for t in mention.titles}:
                mention.titles.append(title)  # "the governor of the National Bank, Radomir K.": his title too
            person_roles(doc, mention)
            mention.evidence = _name_evidence(doc, mention)
            if "person" not in mention.evidence and _opens_compound(doc, mention):
                mention.evidence.add("word")
            elif mention.first_token == mention.last_token and (doc[mention.first_token].is_sent_start or mention.first_token == 0):
                mention.evidence.add("first word")  # "Turnout was 63.4%": an ordinary word if the story also writes it lower case
        else:
            kind = _context_of(doc[mention.last_token], name_contexts()) if not mention.country else None
            mention.evidence = {kind} if kind else set()  # "the Dravik copper mine": a site, not the company
            if not mention.country and _located_at(doc[mention.last_token]):
                mention.evidence.add("located")  # "arrested in Dazhbad": a place, as an organisation seldom is
            if mention.label == "ORG" and not mention.country:
                organisation_roles(doc, mention)  # "rail operator X", "X, the train's operator"
            if not mention.country and not is_acronym(mention.text):
                # the tagger's type against what the words around say: "Residents of X, the
                # town ..." (ORG) is a place, "the news agency X" (GPE) an organisation; not "the X
                # copper mine" (a site may carry its company's name)
                apposed = _apposition_kind(doc, mention.last_token)
                if mention.label in {"ORG", "NORP"} and (apposed or ("place" if _after_of_place_word(doc[mention.last_token]) else None)) == "place":
                    mention.label = "GPE"
                elif mention.label in {"ORG", "NORP"} and _names_an_area(doc[mention.last_token]):
                    mention.label = "GPE"  # "the Marrel district": a people or a body has no district, a place has
                elif mention.label == "GPE" and (apposed or kind) == "group":
                    mention.label = "ORG"
            if mention.label == "ORG" and not mention.country and _opens_as_plural_noun(doc, mention.first_token, mention.last_token):
                mention.evidence.add("plural first word")  # "19:10 - Crowds are gathering": no name, the sentence's capital
            mark_syntax(doc, mention)
        if mention.country is None and mention.first_token == mention.last_token and _acts(doc, mention.first_token, mention.last_token + 1):
            mention.evidence.add("acts")  # "Varnok said ...": a capital the story states may stand for its country
    references = find_references(article_id, doc, found, token_sentence)
    titles = _title_descriptions(article_id, doc, found, token_sentence)
    if titles:
        # "North Korean" in "North Korean leader Kim" describes Kim's office: the phrase is a
        # mention of Kim, not also one of North Korea
        inside = {i for d in titles for i in range(d.first_token, d.last_token + 1)}
        found = [m for m in found if not (m.country and m.first_token in inside and m.last_token in inside)]
    return sorted(found + references + titles, key=lambda f: f.start)


# How often a story must speak of an unnamed group ("the migrants") before it is an entity:
# once may be a passing generic ("like many refugees"). Set by reading, not by a sweep.
GROUP_MIN_MENTIONS = 2
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam"})


def _title_descriptions(article_id: str, doc: Doc, found: list[Found], token_sentence: list[int]) -> list[Found]:
    """Return the title phrases that say whose office a person holds ("North Korean leader Kim",
    "U.S. President Trump") as descriptions of that person.

    Such a phrase is how an outlet describes the actor ("North Korean dictator" against
    "North Korean leader"), and NewsWCL50 annotates it as its own mention. A bare title
    ("President Trump", "Mr. Kim") is part of how the name is written and stays evidence only.
    """
    out = []
    for name in found:
        if name.label != "PERSON" or name.headline or not name.titles:
            continue
        first = _title_start(doc, name.first_token)
        if first is None:
            continue
        words = [t for t in doc[first:name.first_token] if t.lower_ not in TITLE_CONNECTORS]
        last = doc[name.first_token - 1]
        if not _is_title_word(last.text) or fold(last.text).rstrip(".") in COURTESY_TITLES:
            continue
        if all(_is_title_word(t.text) for t in words):
            continue  # "President Trump", "Prime Minister Abe": the name as written
        desc = Found(article_id, doc[first:name.first_token].text, doc[first].idx, last.idx + len(last.text),
                     token_sentence[first], "", "description", first_token=first, last_token=last.i)
        desc.head, desc.refers, desc.refers_to = last.lemma_.lower(), "person", name
        desc.words = tuple(fold(t.text) for t in words[:-1] if t.is_alpha)
        desc.gender = name.gender
        mark_syntax(doc, desc)
        out.append(desc)
    return out


def _is_headline(sent: Span) -> bool:
    """True for a Title Case line (headline, navigation): most words capitalised, none lower-case content."""
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    if any(len(t.text) > 4 and t.text.islower() for t in words):
        return False  # "Singer Maria Lopez met reporters in Quito": a sentence full of names, not a headline
    if _told_as_a_sentence(sent):
        return False
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _told_as_a_sentence(sent: Span) -> bool:
    """True for a line ending in a full stop with a lower-case word of four letters or more:
    "President Jo Doe flew to Moscow on Monday to meet Russian President Ivo Marr." is a
    sentence full of names, as a headline or a menu never ends."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "." and any(t.is_alpha and t.is_lower and len(t.text) > 3 for t in sent)


def _headline_sentences(doc: Doc) -> set[int]:
    """Return the indices of the doc's sentences that `_is_headline` holds for, all at once
    from the doc's arrays (`nlp.token_flags`) instead of token by token."""
    if not len(doc):
        return set()
    flags = token_flags(doc)
    word = (doc.to_array(IS_ALPHA) > 0) & ((flags & LONGER_THAN_3) > 0)
    sentence = np.array(token_sentences(doc))
    n = len(sentences(doc))
    words = np.bincount(sentence, weights=word, minlength=n)
    lowers = np.bincount(sentence, weights=word & ((flags & LOWER_LONGER_THAN_4) > 0), minlength=n)
    uppers = np.bincount(sentence, weights=word & ((flags & UPPER_INITIAL) > 0), minlength=n)
    found = np.flatnonzero((lowers == 0) & (words >= 3) & (uppers >= 0.8 * words)).tolist()
    if not found:
        return set()
    sents = sentences(doc)
    return {i for i in found if not _told_as_a_sentence(sents[i])}


def _add_parenthesised_acronyms(article_id: str, doc: Doc, found: list[Found], covered: set[int], token_sentence: list[int]) -> None:
    """Add acronyms given in parentheses right after a name ('Islamic State (IS)'), which taggers often miss."""
    for m in re.finditer(r"\(([A-Z][A-Z.]{1,7})\)", doc_text(doc)):
        token = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if token is None:
            continue
        if m.start(1) not in covered:
            found.append(Found(article_id, m.group(1), m.start(1), m.end(1), token_sentence[token.start], "ORG", "acronym", first_token=token.start, last_token=token.end - 1))
            covered.update(range(m.start(1), m.end(1)))
        _add_expansion_before(article_id, doc, token.start - 1, m.group(1).replace(".", ""), found, covered, token_sentence)


def _add_expansion_before(article_id: str, doc: Doc, paren: int, acronym: str, found: list[Found], covered: set[int], token_sentence: list[int]) -> None:
    """Add the name an acronym in parentheses expands when the tagger missed it: the capitalised
    words right before "(" whose initials are the acronym ("Norrland Grid Board (NGB)")."""
    first = paren
    while first - 1 >= 0 and paren - first < 8 and (doc[first - 1].text[:1].isupper() or doc[first - 1].lower_ in {"of", "and", "for", "&"}):
        first -= 1
        if doc[first].text[:1].isupper() and initials(doc[first:paren].text) == acronym:
            start, end = doc[first].idx, doc[paren - 1].idx + len(doc[paren - 1].text)
            if not any(i in covered for i in range(start, end)):
                found.append(Found(article_id, doc[first:paren].text, start, end, token_sentence[first], "ORG", "name", first_token=first, last_token=paren - 1))
                covered.update(range(start, end))
            return


# A wire dateline opening a paragraph: "CAIRO (NWS) - ", "VELMORA, June 4 (Lakewire) - ",
# "TEHRAN, Iran — ", "WASHINGTON (AP) — ": a place in capitals, maybe its country and a date,
# maybe the agency in parentheses, then a dash.
# The date is clean's rule (`clean.text.WIRE_DATE`: "Mar 15", "Mar 15, 2034", "11 March 2034"); here the place
# must be in capitals, as the pattern is tried at any paragraph's start ("Meanwhile - " is no dateline).
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    rf"(?:,?\s*(?:{WIRE_DATE}))?\s*(?:\([^()\n]{{1,40}}\))?\s*[-–—]+\s*"
)
WIRE_DATELINE_LINE = re.compile(r"(?m)^" + WIRE_DATELINE.pattern)


def _add_missed_countries(article_id: str, doc: Doc, found: list[Found], covered: set[int], token_sentence: list[int],
                          headline_sents: set[int] | None = None) -> None:
    """Pick up country names and demonyms the tagger missed or mislabelled (e.g. inside 'Iran-backed')."""
    gaz = gazetteer()
    if headline_sents is None:
        headline_sents = _headline_sentences(doc)
    for i in np.flatnonzero(upper_initial(doc)).tolist():  # only capitalised tokens can be names
        token = doc[i]
        if token.idx in covered:
            continue
        key = fold(token.text)
        if is_acronym(token.text) and token.pos_ == "PROPN" and key not in gaz.names and not token.like_num and token.ent_type_ not in NUMBER_TYPES:
            # not "AT" of "AT LEAST six people ...", a shouted lead the tagger read as one number
            # taggers often miss agencies and parties known by their initials ("SANA"); not the
            # letters after a name ("Jo Doe KC")
            after_name = _is_post_nominal(token.text) and i > 0 and doc[i - 1].is_alpha and doc[i - 1].text.istitle()
            if (token_sentence[token.i] not in headline_sents and not after_name and not _names_no_actor(token.text, doc_text(doc))
                    and not _names_a_thing(doc, token.i, token.i + 1, token.text)):
                found.append(Found(article_id, token.text, token.idx, token.idx + len(token.text), token_sentence[token.i], "ORG", "acronym", first_token=token.i, last_token=token.i))
                covered.update(range(token.idx, token.idx + len(token.text)))
            continue
        country, kind = gaz.names.get(key), "name"
        if not country and key in gaz.demonyms:
            country, kind = gaz.demonyms[key], "demonym"
        if not country and key in gaz.capitals and token.pos_ in {"PROPN", "NOUN"} and _acts(doc, token.i, token.i + 1):
            country, kind = gaz.capitals[key], "capital"  # "Tunis demanded ...", untagged by the small model
        if country and not _names_an_agreement(doc, token.i + 1):  # not "the Iran deal"
            found.append(Found(article_id, token.text, token.idx, token.idx + len(token.text), token_sentence[token.i], "GPE", kind, country, first_token=token.i, last_token=token.i))
            covered.update(range(token.idx, token.idx + len(token.text)))


# --------------------------------------------------------------------------- clustering


@lru_cache(maxsize=65536)  # clustering asks about the same pairs of names again and again
def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two multi-token names name one person: given name and surname match, middles optional.

    The given names may be a name and its short form ("Fred" / "Frederick"); a name that is
    the end of a longer one ("Mark Felt" / "W. Mark Felt", "Lo Presti" / "Gaetano Lo
    Presti") names the same person; one word more at most, as a longer run in front is
    rather a title or an organisation the tagger glued on.
    """
    if spelling("".join(a)) == spelling("".join(b)):
        return True  # "Kim Jong-un" = "Kim Jong Un"
    if _same_chinese_name(a, b):
        return True  # "Chou Chien-kuo" = "Zhou Jianguo"
    if not tokens_match(a[-1], b[-1]):
        return _first_of_two_surnames(*sorted((a, b), key=len))
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) + 1 == len(long_) and all(tokens_match(x, y) for x, y in zip(short, long_[len(long_) - len(short):])):
        return True
    if not (given_names_match(a[0], b[0]) or _initial_of(a[0], b[0]) or _initial_of(b[0], a[0])):
        return False
    j = 1
    for tok in short[1:]:
        while j < len(long_) and not tokens_match(tok, long_[j]):
            j += 1
        if j == len(long_):
            return False
        j += 1
    return True


def _first_of_two_surnames(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """True when the shorter name is the longer one without its last word: a Spanish or Latin
    American double surname's first part names the person alone ("Inés Robledo" /
    "Inés Robledo Ferrer"). Its second part alone does not (`_second_surnames`)."""
    return (len(short) >= 2 and len(long_) == len(short) + 1 and short[0][:1].isupper() and not _is_title_word(short[0])
            and all(tokens_match(x, y) for x, y in zip(short, long_)))


def _second_surnames(cluster: list[Found]) -> set[str]:
    """The spellings of a person's second surname, where the story shows the surname is double:
    "Ferrer" of "Inés Robledo Ferrer" when the story also writes "Inés Robledo", or
    "Ms Robledo Ferrer" (two surnames after a title, the first no given name). A bare
    "Ferrer" is then no short form of the person (the Spanish-speaking world calls her
    "Robledo"), unless the story writes her so ("Inés Ferrer")."""
    full = [o.tokens for o in cluster if len(o.tokens) >= 2]
    out = set()
    for name in full:
        if len(name) < 3:
            continue
        first_part = any(_first_of_two_surnames(tuple(o), tuple(name)) for o in full)
        titled = any(len(o.tokens) == 2 and o.titles and o.tokens[0].lower() not in given_names()
                     and all(tokens_match(x, y) for x, y in zip(o.tokens, name[-2:])) for o in cluster)
        given_and_second = any(len(o) == 2 and tokens_match(o[0], name[0]) and tokens_match(o[1], name[-1]) for o in full)
        if (first_part or titled) and not given_and_second:
            out.add(spelling(name[-1]))
    return out


def _initial_of(initial: str, given: str) -> bool:
    """True when a one-letter initial stands for a given name: "T. J. Okafor" / "Tomas Okafor"."""
    return len(initial) == 1 and initial.isupper() and len(given) > 1 and fold(given[0]) == fold(initial)


WADE_GILES_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Chien-kuo": two syllables, the second in lower case


@lru_cache(maxsize=1)
def _wade_giles_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["regex"]), row["replacement"] or "") for row in table("wade_giles.txt"))


@lru_cache(maxsize=16384)
def wade_giles_key(token: str) -> str:
    """One key for a Chinese name token in Wade-Giles and in Pinyin ("Chien-kuo" / "Jianguo")."""
    word = fold(token).replace("-", "")
    for pattern, repl in _wade_giles_rules():
        word = pattern.sub(repl, word)
    return word


def _same_chinese_name(a: list[str], b: list[str]) -> bool:
    """True for one Chinese name in Wade-Giles and in Pinyin: "Chou Chien-kuo" / "Zhou Jianguo".

    Only when one side writes its given name the Wade-Giles way (hyphenated, "Chien-kuo"):
    the fold is coarse (ch, zh, j and q are one), so it is kept away from other names.
    """
    if len(a) != 2 or len(b) != 2 or not any(WADE_GILES_GIVEN.fullmatch(n[1]) for n in (a, b)):
        return False
    return all(wade_giles_key(x) == wade_giles_key(y) for x, y in zip(a, b))


def given_names_match(a: str, b: str) -> bool:
    """True when two given names are one person's: spellings of one name, or a name and its short form.

    A short form is the start of the full name ("Fred" / "Frederick", "Alex" / "Alexander")
    or a nickname listed in `data/understand/nicknames.csv` ("Bob" / "Robert"); names that
    `given_names.csv` gives to different sexes never match.
    """
    genders = {given_names().get(a.lower()), given_names().get(b.lower())} - {None}
    if len(genders) > 1:
        return False  # "Paul" / "Paula", "Dan" / "Danielle": one letter apart, but a man and a woman
    if tokens_match(a, b):
        return True
    fa, fb = spelling(a), spelling(b)
    short, long_ = sorted((fa, fb), key=len)
    # two letters more at least: "Paul" / "Paula", "Daniel" / "Daniela" are other people
    if len(short) >= 3 and long_.startswith(short) and len(long_) >= len(short) + 2:
        return True
    return fb in nicknames().get(fa, ()) or fa in nicknames().get(fb, ())


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Return folded given name -> the names it is a short form or a full form of."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in table("nicknames.csv"):
        name = spelling(row["name"])
        for nick in row["nicknames"].split("|"):
            nick = spelling(nick)
            out[name].add(nick)
            out[nick].add(name)
    return {k: frozenset(v) for k, v in out.items()}


def _headline_words(m: Found, texts: dict[str, str]) -> bool:
    """True for a "full name" of a Title Case headline that the story also writes in lower case,
    word for word ("Colts Beat Chiefs" beside "beat"; "Singer Quits Rehab" beside "rehab"): a
    headline's capitals say nothing, so it is nobody's name and gives no surname to the body."""
    return m.headline and len(m.tokens) >= 2 and any(_written_lower_case(w, texts) for w in m.tokens)


def _trim_headline_words(people: list[Found]) -> None:
    """Drop a Title Case headline's word that the tagger ran into a name: "Governor Nominates
    Delia Varrow" holds "Nominates Delia Varrow", which no line but the headline writes, while the
    story writes "Delia Varrow" outside headlines; the name starts at its second word."""
    body = {tuple(fold(t) for t in m.tokens) for m in people if not m.headline and len(m.tokens) >= 2}
    for m in people:
        if not m.headline or len(m.tokens) < 3:
            continue
        tokens = tuple(fold(t) for t in m.tokens)
        if tokens in body or tokens[1:] not in body or _is_title_word(m.tokens[0]):
            continue
        cut = m.text.find(m.tokens[1], len(m.tokens[0]))
        if cut > 0:
            m.text, m.start, m.tokens, m.first_token = m.text[cut:], m.start + cut, m.tokens[1:], m.first_token + 1


def _cluster_people(people: list[Found], not_names: frozenset[int] = frozenset()) -> list[list[Found]]:
    """Cluster the story's people; `not_names` holds the ids of full "names" that are a headline's words."""
    full = [m for m in people if len(m.tokens) >= 2]
    clusters: list[list[Found]] = []
    names: list[list[tuple[str, ...]]] = []  # each cluster's names, as `_same_names` takes them
    for m in sorted(full, key=lambda m: -len(m.tokens)):
        name = tuple(m.tokens)
        for c, c_names in zip(clusters, names):
            if any(_same_names(name, o) for o in c_names) and not any(_side_by_side(m, o) for o in c):
                c.append(m)
                c_names.append(name)
                break
        else:
            clusters.append([m])
            names.append([name])
    # one sense per article: every bare "Trump" of one article means the same person,
    # decided on the evidence of all of them (titles) and the first one's position
    singles: dict[tuple[str, str, str], list[Found]] = {}
    both = _surnames_of_both_genders(people)
    for m in people:
        if len(m.tokens) == 1:
            # "Ms van der Berg" and her brother "Mr van der Berg" in one article: two senses
            gender = m.gender if (m.article_id, spelling(m.tokens[0])) in both else "any"
            singles.setdefault((m.article_id, spelling(m.tokens[0]), gender), []).append(m)
    leftovers: list[list[Found]] = []
    # a headline's ordinary words read as a name ("Rovers Beat Wanderers") are nobody: bare
    # names of the body do not join them
    named = [c for c in clusters if not all(id(o) in not_names for o in c)]
    second = {id(c): _second_surnames(c) for c in named}  # "Ferrer" of "Inés Robledo Ferrer" is no short form
    for group in singles.values():
        m = group[0]
        # the surname of a full name, or a bare name already resolved in another article;
        # in surname-first names ("Jeong Hyun-woo") the first token is the surname
        candidates = [c for c in named if any(tokens_match(m.tokens[0], _surname(o.tokens)) for o in c)
                      and spelling(m.tokens[0]) not in second[id(c)]]
        if not candidates:
            candidates = [c for c in named if any(tokens_match(m.tokens[0], t) for o in c for t in o.tokens[1:])
                          and spelling(m.tokens[0]) not in second[id(c)]]
        if not candidates:
            # family name first ("Kim" of Kim Jong Un) or a given name alone ("Donald"):
            # only when one person of the story carries it, or one was named earlier here
            candidates = [c for c in named if any(len(o.tokens) >= 2 and tokens_match(m.tokens[0], o.tokens[0]) for o in c)]
            if len(candidates) > 1:
                candidates = [c for c in candidates if any(o.article_id == m.article_id and o.start < m.start for o in c)]
        # "Mr. Trump" is not the Melania Trump named earlier: titles and roles show gender
        candidates = [c for c in candidates if _genders_agree(group, c)]
        if all(x.after_place_word for x in group):
            # "the junta in Domir" is no spelling of the minister Demir: only the surname's own spelling counts
            candidates = [c for c in candidates if any(spelling(m.tokens[0]) == spelling(o.tokens[-1]) for o in c)]
        if len(candidates) > 1:
            # "Mr. Youn" beside a "Yoon Young-chan" and a "Youn Kun-young": two people whose surnames are
            # one name in two romanisations; the writer's own spelling says which one
            exact = [c for c in candidates if any(fold(m.tokens[0]) == fold(_surname(o.tokens)) for o in c if len(o.tokens) >= 2)]
            if exact:
                candidates = exact
        if len(candidates) > 1:
            # two people of the story share the name: the article's reading of it, unless a mention
            # says otherwise by its own role or stands right after one of them by full name
            default = _best_cluster(group, candidates)
            for x in group:
                _reading_of(x, candidates, default).append(x)
            continue
        if candidates:
            candidates[0].extend(group)
            continue
        for c in leftovers:
            if tokens_match(m.tokens[0], c[0].tokens[0]):
                c.extend(group)
                break
        else:
            leftovers.append(list(group))
    return clusters + leftovers


def _reading_of(x: Found, candidates: list[list[Found]], default: list[Found]) -> list[Found]:
    """The person one bare name means when two of the story share it ("Per Lindqvist" and the
    minister "Anna Lindqvist"): the one whose role or title the mention carries ("Lindqvist, the
    minister"), else the one named in full in its sentence or the one before, the nearest first
    ('Per Lindqvist ... said the route cuts through 40 farms. "Nobody asked us," Lindqvist said.'),
    else `default`, the article's one reading."""
    own = set(x.roles) | _title_words(x.titles)
    if own:
        fits = [c for c in candidates if own & ({r for o in c for r in o.roles} | _title_words([t for o in c for t in o.titles]))]
        if len(fits) == 1:
            return fits[0]
    near = [(o.start, c) for c in candidates for o in c if o.article_id == x.article_id and len(o.tokens) >= 2
            and o.start < x.start and x.sentence_index - o.sentence_index <= 1]
    return max(near, key=lambda pair: pair[0])[1] if near else default


def _side_by_side(a: Found, b: Found) -> bool:
    """True for two names of as many words spelt differently in one sentence ("Halvor Lunde and
    Halvor Lund"): two people, however alike ("Halvor Lunde" of one outlet and "Halvor Lund" of
    another are one; "American Jo Doe ... Jo Doe" is one, a word longer)."""
    return (a.article_id == b.article_id and a.sentence_index == b.sentence_index and a.start != b.start
            and len(a.tokens) == len(b.tokens) and fold(" ".join(a.tokens)) != fold(" ".join(b.tokens)))


def _surnames_of_both_genders(people: list[Found]) -> set[tuple[str, str]]:
    """(article, bare name) pairs whose mentions show both genders ("Ms X" and "Mr X")."""
    seen: dict[tuple[str, str], set[str]] = {}
    for m in people:
        if len(m.tokens) == 1 and m.gender != "any":
            seen.setdefault((m.article_id, spelling(m.tokens[0])), set()).add(m.gender)
    return {key for key, genders in seen.items() if len(genders) > 1}


def _surname(tokens: list[str]) -> str:
    """The family name of a name's tokens: the last, or the first in East Asian order.

    A hyphenated given name with a lower-case second syllable ("Hyun-woo", "Mi-rae",
    "Jong-un") marks Korean-style order, surname first; "Gholam-Reza" and "Smith-Jones"
    (capitalised second part) do not.
    """
    if len(tokens) >= 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", tokens[-1]):
        return tokens[0]
    return tokens[-1]


def _genders_agree(a: list[Found], b: list[Found]) -> bool:
    """False only when both sides show one gender each (from titles and roles) and they differ."""
    ga, gb = {m.gender for m in a} - {"any"}, {m.gender for m in b} - {"any"}
    return not (len(ga) == 1 and len(gb) == 1 and ga != gb)


def _best_cluster(group: list[Found], candidates: list[list[Found]]) -> list[Found]:
    """Pick the person a bare surname means when several share it.

    News style introduces the main actor first and calls a namesake by full name later
    ("Lawyer Rania Haddad ..."), so the person named first in the article wins; with no
    full name earlier in the article, the person named most often in the story does.
    """
    if len(candidates) == 1:
        return candidates[0]
    m = group[0]
    mine = _title_words([t for g in group for t in g.titles])

    def score(c: list[Found]) -> tuple:
        # a shared title ("President Trump" / "President Donald Trump") outweighs order
        shared = len(mine & _title_words([t for o in c for t in o.titles]))
        earlier = [o.start for o in c if o.article_id == m.article_id and o.start < m.start and len(o.tokens) >= 2]
        return (shared, bool(earlier), -min(earlier) if earlier else 0, len(c))
    return max(candidates, key=score)


def _title_words(titles: list[str]) -> set[str]:
    """Return the title words of some title phrases, courtesy titles left out."""
    return {fold(w).rstrip(".") for t in titles for w in t.split() if _is_title_word(w)} - {"mr", "mrs", "ms", "dr"}


@lru_cache(maxsize=1)
def _country_alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A regex of written country names and aliases ('U.S.', 'Britain') to spell them one way inside names."""
    aliases: dict[str, str] = {}
    for row in table("countries.csv"):
        for alias in filter(None, (row.get("aliases") or "").split("|")):
            aliases[alias] = row["name"]
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?![\w])")
    return pattern, aliases


@lru_cache(maxsize=16384)
def _org_key(text: str) -> tuple[str, ...]:
    """Return the comparison key of a group or place name: country aliases spelt one way,
    connectors, channel words ('news', 'TV') and generic heads ('province') dropped."""
    pattern, aliases = _country_alias_pattern()
    text = pattern.sub(lambda m: aliases[m.group(1)], text)
    text = re.sub(r"(?<=\w)\.(?:com|org|net)\b", "", text)  # a website is its outlet: "People.com" = "People"
    drop_at_end = word_list("channel_nouns.txt") | word_list("name_suffixes.txt")
    tokens = [t for t in name_tokens(text) if fold(t) not in CONNECTORS]
    while len(tokens) > 1 and fold(tokens[-1]) in drop_at_end:
        tokens.pop()
    return tuple(name_key(t) for t in tokens)


OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]+)(?:'s|’s)?\s+$")


def _owner_key(m: Found, texts: dict[str, str], peoples: frozenset[tuple[str, ...]] | set) -> tuple[str, ...]:
    """The country or organisation a body named by common words belongs to ("Qarestan's foreign
    ministry", "the Barqani foreign ministry" -> the key of Qarestan, Barqan), or ().

    Two such bodies ("foreign ministry") are one entity only when their owners are: the
    demonym ("Barqani") is taken to the story's place or people it begins with ("Barqan")."""
    if not m.text[:1].islower() or m.article_id not in texts:
        return ()
    before = OWNER_BEFORE.search(texts[m.article_id][max(0, m.start - 40):m.start])
    if not before or fold(before.group(1)) in {"the", "a", "an", "this", "that"}:
        return ()
    owner = name_key(before.group(1))
    # a demonym is its place's name plus an ending: the story's shortest place key it begins with
    stems = sorted((k[0] for k in peoples if len(k) == 1 and len(k[0]) >= 4 and owner.startswith(k[0][:-1])), key=len)
    return (stems[0] if stems else owner,)


def _cluster_groups(groups: list[Found], parentheses: dict[str, str], places: frozenset[tuple[str, ...]] = frozenset(),
                    texts: dict[str, str] | None = None) -> list[list[Found]]:
    """Cluster organisation, group and place names; `places` holds the keys of the story's place names."""
    gaz = gazetteer()
    clusters: list[list[Found]] = []
    by_key: dict[tuple, list[Found]] = {}
    # a word in capitals that the story also writes as a name ("CHIEFS" in a headline, "Chiefs") is that name, not initials
    written = {fold(m.text) for m in groups if not m.text.isupper()}
    peoples = places | {_org_key(m.text) for m in groups if m.label in {"GPE", "NORP"}}
    owners: dict[int, tuple[str, ...]] = {}  # id(cluster) -> its first name's owner key
    for m in groups:
        owner: tuple[str, ...] = ()
        alias = gaz.org_aliases.get(fold(m.text))
        if alias:
            key = ("alias", alias)
        elif is_acronym(m.text) and m.text not in parentheses and fold(m.text) not in written:
            key = ("acronym", m.text.replace(".", ""))
        else:
            # a name made only of particles ("Van", "De La") has no key: its folded text stands in
            named = parentheses.get(m.text, m.text)
            key = _org_key(named) or ("text", fold(named))
            if key in peoples and m.label == "ORG" and fold(name_tokens(named)[-1]) in word_list("channel_nouns.txt"):
                # "Qarestan News Agency" is no "Qarestan": a channel word is dropped from an
                # outlet's name ("Al-Qamar news") unless what is left names a people or place
                whole = tuple(name_key(t) for t in name_tokens(named) if fold(t) not in CONNECTORS)
                if len(whole) > len(key):
                    key = ("outlet", *whole)
            owner = _owner_key(m, texts, peoples) if texts and m.label == "ORG" and key[0] != "text" else ()
            key = owner + key  # "Qarestan's foreign ministry" is Qarestan's, not Barqan's
        if key in by_key:
            by_key[key].append(m)
            continue
        for other_key, c in by_key.items():
            if owners.get(id(c), ()) != owner:
                continue  # alike names of two owners' bodies ("foreign ministry") are two bodies
            if c[0].label == m.label or {c[0].label, m.label} <= {"ORG", "NORP"}:
                if other_key[0] not in {"alias", "acronym", "outlet"} and key[0] not in {"alias", "acronym", "outlet"} and _fuzzy_org(m.text, c[0].text):
                    c.append(m)
                    break
        else:
            by_key[key] = [m]
            owners[id(by_key[key])] = owner
            clusters.append(by_key[key])
    # a name that begins a longer one is the same organisation ("EYP Mission Critical" / "EYP
    # Mission Critical Facilities"), a one-word short form too ("Brightwater" / "Brightwater
    # Telecom") unless the word is a place of the story ("Boston" / "Boston Red Sox"); a
    # person's surname joined its person before (cluster_mentions), and a short form two
    # organisations begin with stays apart
    keys = {id(c): key for key, c in by_key.items()}
    for short in sorted(clusters, key=lambda c: len(keys.get(id(c), ()))):
        key = keys.get(id(short), ())
        if not key or key[0] in {"alias", "acronym", "text"}:
            continue
        placed = len(key) == 1 and (key in places or any(m.label != "ORG" or m.evidence & {"located", "place"} for m in short))
        if short[0].label != "ORG" and not placed:
            continue
        longer = [c for c in clusters if c and c is not short and c[0].label == "ORG" and len(keys.get(id(c), ())) > len(key)
                  and keys[id(c)][:len(key)] == key and keys[id(c)][0] not in {"alias", "acronym"} and not _names_a_body_of_its_own(c, len(key))]
        if placed and not (len(longer) == 1 and _short_name_of_business(short, longer[0], places - {key})):
            # "in Halstad", "Halstad's mayor": the town, not a short form of "Halstad General Hospital";
            # but "shares in Korvane" beside "Korvane said" is the story's one business "Korvane Electric"
            continue
        if len(longer) == 1:
            longer[0].extend(short)
            short.clear()
    clusters = [c for c in clusters if c]
    # a name that ends one longer name whose other words are a place is the same organisation
    # ("Saints" / "New Orleans Saints", "Red Sox" / "Boston Red Sox"); kept to one holder, so
    # "Post" stays apart when both the Washington Post and the Denver Post are named
    for short in sorted(clusters, key=lambda c: len(keys.get(id(c), ()))):
        key = keys.get(id(short), ())
        if not key or key[0] in {"alias", "acronym", "text"} or short[0].label not in {"ORG", "NORP"}:
            continue
        longer = [c for c in clusters if c and c is not short and c[0].label == "ORG"
                  and (any(len(k) > len(key) and k[-len(key):] == key and k[:-len(key)] in places for k in {_org_key(m.text) for m in c})
                       # "the Foreign Ministry" is the one "Qarestan's foreign ministry" of the story
                       or (owners.get(id(c)) and keys.get(id(c), ())[1:] == key))]
        if len(longer) != 1 and len(key) == 1 and key not in places:
            # a one-word short form that ends one longer name of the story is that organisation
            # too, whatever the other words ("Rovers" / "Harrowfield Rovers"); two holders
            # ("Harrowfield Rovers", "Blackmoor Rovers") keep it apart
            longer = [c for c in clusters if c and c is not short and c[0].label == "ORG"
                      and any(len(k) > 1 and k[-1:] == key for k in {_org_key(m.text) for m in c})]
        if len(longer) == 1:
            longer[0].extend(short)
            short.clear()
    clusters = [c for c in clusters if c]
    # acronyms -> expansions; each merged cluster keeps the set of its acronyms and of its
    # other names' initials, so a cluster is checked against sets, not name by name
    merged: list[list[Found]] = []
    acronyms_of: list[set[str]] = []  # per merged cluster: its acronyms, dots dropped
    initials_of: list[set[str]] = []  # per merged cluster: the initials of its other names
    for c in clusters:
        acronym = next((m.text.replace(".", "") for m in c if is_acronym(m.text)), None)
        if acronym:
            k = next((k for k, known in enumerate(initials_of) if acronym in known), None)
        else:
            mine = {v for m in c for v in initials_variants(m.text)}
            k = next((k for k, known in enumerate(acronyms_of) if known & mine), None)
        if k is None:
            k = len(merged)
            merged.append([])
            acronyms_of.append(set())
            initials_of.append(set())
        merged[k].extend(c)
        for m in c:
            if is_acronym(m.text):
                acronyms_of[k].add(m.text.replace(".", ""))
            else:
                initials_of[k].update(initials_variants(m.text))
    return merged


def _short_name_of_business(short: list[Found], longer: list[Found], other_places: frozenset[tuple[str, ...]]) -> bool:
    """True when a one-word name is the short name of the story's one business that it begins
    ("Korvane" of "Korvane Electric", whose last word says business: org_kinds.csv) though a
    mention stands where a place would ("shares in Korvane fell"): most of its mentions are
    typed an organisation and none has a place word ("Korvane province"), and it is no
    capital the gazetteer knows nor a place the story names otherwise."""
    key = _org_key(short[0].text)
    if key in other_places or key in _capital_keys() or fold(short[0].text) in gazetteer().names:
        return False
    if not any(org_kinds().get(fold(name_tokens(m.text)[-1])) == "business" for m in longer if name_tokens(m.text)):
        return False
    placed = [m for m in short if m.label != "ORG" or m.evidence & {"located", "place"}]
    return not any("place" in m.evidence for m in short) and 2 * len(placed) < len(short)


def _names_a_body_of_its_own(cluster: list[Found], shared: int) -> bool:
    """True when a name's words after its first `shared` ones say it is a body of its own
    (body_words.txt: "Portvale Albion Supporters' Trust" beside "Portvale Albion")."""
    body_words = word_list("body_words.txt")
    words = [fold(t).strip("'’") for t in name_tokens(cluster[0].text) if fold(t) not in CONNECTORS]
    return any(w in body_words for w in words[shared:])


def _fuzzy_org(a: str, b: str) -> bool:
    ka, kb = " ".join(_org_key(a)), " ".join(_org_key(b))
    if not ka or not kb:
        return False
    return fuzz.ratio(ka, kb) >= 92 and len(ka) >= 4


def _parenthesised_acronyms(texts: dict[str, str]) -> dict[str, str]:
    """Map an acronym defined in parentheses to its expansion: 'Islamic State (IS)' -> IS: Islamic State."""
    out: dict[str, str] = {}
    for text in texts.values():
        for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+(?:of\s+|the\s+|and\s+|for\s+)?){1,6})\(([A-Z][A-Za-z.]{1,7})\)", text):
            words = m.group(1).split()
            acronym = m.group(2).replace(".", "")
            for k in range(len(words), 0, -1):
                phrase = " ".join(words[-k:])
                if initials(phrase) == acronym:
                    out[m.group(2)] = phrase
                    break
    return out


def _canonical(cluster: list[Found]) -> str:
    if any(m.country for m in cluster):
        return next(m.country for m in cluster if m.country)
    named = [m for m in cluster if m.kind not in REFERENCE_KINDS]
    if not named:
        return cluster[0].head  # a group named only by group nouns: its name in group_nouns.csv
    names = [m for m in named if m.kind == "name"] or named
    if names[0].label == "PERSON":
        full = [" ".join(m.tokens) if False else m.text for m in names if len(m.tokens) >= 2] or [m.text for m in names]
        counts = Counter(full)
        return max(counts, key=lambda n: (counts[n], len(n)))
    alias = gazetteer().org_aliases.get(fold(names[0].text))
    if alias:
        return alias
    plain = [m.text for m in names if not is_acronym(m.text)] or [m.text for m in names]
    counts = Counter(plain)
    # a full name before its short form or nickname ("Harrowfield Rovers", not "Rovers"; "Freedom
    # Party", not "Liberals"), however often the short one is written; then the most written.
    # A club's "Kestrel Town" is a full name too, though "town" is dropped when names are compared
    return max(counts, key=lambda n: (len(_org_key(n)) >= 2 or _kind_in_name(name_tokens(n)) == "group", counts[n], -len(n)))


@lru_cache(maxsize=1)
def _nickname_pattern() -> re.Pattern:
    """', known to fans as "Tito"' / ', nicknamed "Tito"': the cue (nickname_cues.txt) and the quoted nickname."""
    cues = sorted(word_list("nickname_cues.txt"), key=len, reverse=True)
    # "known as" also with a few words between: "known to fans as"
    alternatives = [re.escape(c).replace(r"known\ as", r"known(?:\s+[\w’']+){0,3}?\s+as") for c in cues]
    return re.compile(r",\s*(?:" + "|".join(alternatives) + r")\s+[\"“‘']([A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)?)[\"”’']", re.I)


def _join_nicknames(person_clusters: list[list[Found]], groups: list[Found], texts: dict[str, str]) -> list[Found]:
    """Join a nickname the story states in apposition ('Tomás Aranguren, known to fans as "Tito"')
    to that person: every mention written so ("Tito", "TITO"), a one-word "person" cluster or a
    group mention, becomes a mention of the person. Returns the groups left."""
    nicknames: dict[str, list[Found]] = {}
    for article_id, text in texts.items():
        for hit in _nickname_pattern().finditer(text):
            if not hit.group(1)[:1].isupper():
                continue
            # the person is the one named right before the comma
            holder = next((c for c in person_clusters for m in c
                           if m.article_id == article_id and m.kind not in REFERENCE_KINDS and m.end == hit.start()), None)
            if holder is not None:
                nicknames.setdefault(fold(hit.group(1)), holder)
    if not nicknames:
        return groups
    for c in [c for c in person_clusters if all(fold(m.text) in nicknames for m in c)]:
        target = nicknames[fold(c[0].text)]
        if target is not c:
            person_clusters.remove(c)
            for m in c:
                m.kind = "name"
            target.extend(c)
    kept = []
    for m in groups:
        target = nicknames.get(fold(m.text))
        if target is None:
            kept.append(m)
            continue
        m.label, m.kind, m.tokens = "PERSON", "name", name_tokens(m.text)
        target.append(m)
    return kept


@lru_cache(maxsize=1)
def _group_nickname_pattern() -> re.Pattern:
    """', known as the Renewalists' / ', dubbed "the Blues"': a cue (nickname_cues.txt) and the
    capitalised name after it, quoted or not (a group's nickname is often written bare)."""
    cues = sorted(word_list("nickname_cues.txt"), key=len, reverse=True)
    alternatives = [re.escape(c).replace(r"known\ as", r"known(?:\s+[\w’']+){0,3}?\s+as") for c in cues]
    return re.compile(r",\s*(?:" + "|".join(alternatives) + r")\s+[\"“‘']?(?:the\s+)?([A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)?)", re.I)


def _group_nicknames(groups: list[Found], texts: dict[str, str]) -> dict[str, str]:
    """Map the nickname a story states for an organisation or party ('the Democratic Renewal
    Party, known as the Renewalists') to its full name, for clustering as an acronym in
    parentheses is: each mention written so is that organisation."""
    ends = {(m.article_id, m.end): m.text for m in groups if m.label in {"ORG", "NORP"} and len(name_tokens(m.text)) >= 2}
    out: dict[str, str] = {}
    for article_id, text in texts.items():
        for hit in _group_nickname_pattern().finditer(text):
            full = ends.get((article_id, hit.start()))
            if full and hit.group(1)[:1].isupper():
                out.setdefault(fold(hit.group(1)), full)
    return {m.text: out[fold(m.text)] for m in groups if fold(m.text) in out and m.text != out[fold(m.text)]}


_PLACE_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
# "Varnok, the capital of Estria" / "Varnok, Estria's capital" / "Estria's capital, Varnok"
STATED_CAPITAL = re.compile(
    rf"\b(?P<a>{_PLACE_NAME}),\s+(?:the|its)\s+capital(?:\s+city)?\s+of\s+(?P<b>{_PLACE_NAME})"
    rf"|\b(?P<c>{_PLACE_NAME}),\s+(?P<d>{_PLACE_NAME})['’]s\s+capital\b"
    rf"|\b(?P<e>{_PLACE_NAME})['’]s\s+capital(?:\s+city)?,?\s+(?P<f>{_PLACE_NAME})"
    # "the Kestovian capital Varn": the people's word, read as its country in `_join_stated_capitals`
    rf"|\bthe\s+(?P<g>[A-Z][\w'’-]+(?:an|ian|i|ese|ish))\s+capital(?:\s+city)?,?\s+(?P<h>{_PLACE_NAME})")


def stated_capitals(texts: dict[str, str]) -> dict[str, str]:
    """Folded capital -> its country, as the story itself states it ("Varnok, the capital of
    Estria"): the gazetteer knows only real capitals."""
    out: dict[str, str] = {}
    for text in texts.values():
        for hit in STATED_CAPITAL.finditer(text):
            capital, country = (hit.group("a"), hit.group("b")) if hit.group("a") else \
                (hit.group("c"), hit.group("d")) if hit.group("c") else \
                (hit.group("f"), hit.group("e")) if hit.group("f") else (hit.group("h"), hit.group("g"))
            if fold(capital) != fold(country):
                out.setdefault(fold(capital), country)
    return out


@dataclass(frozen=True)
class PlaceCues:
    """What a story's texts say about its places, read once per story (`place_cues`) for both
    `add_surname_mentions` and `cluster_mentions`: the capitals they state (`stated_capitals`),
    the lower-cased words they write with a state's office or form (`_country_cued_words`), and
    their capitalised words of 4+ letters by first three letters (`story_countries`' demonyms)."""

    stated_capitals: dict[str, str]
    cued_words: set[str]
    words_by_opening: dict[str, set[str]]


def place_cues(texts: dict[str, str]) -> PlaceCues:
    """Read a story's PlaceCues from its texts (article id -> text)."""
    words_by_opening: dict[str, set[str]] = defaultdict(set)  # a stem has 3+ letters: look words up by their first 3
    for text in texts.values():
        for w in re.findall(r"[A-Z][a-z]{3,}", text):
            words_by_opening[w[:3]].add(w)
    return PlaceCues(stated_capitals(texts), _country_cued_words(texts), dict(words_by_opening))


def _join_stated_capitals(clusters: list[list[Found]], countries: dict[str, list[Found]], stated: dict[str, str]) -> None:
    """Move a capital the story states ("Varnok, the capital of Estria", `stated_capitals`) into its
    country's entity where it acts ("Varnok said ...", "Varnok's support"); "in Varnok" stays the city."""
    if not stated:
        return
    gaz = gazetteer()
    for c in clusters:
        for m in [m for m in c if fold(m.text) in stated and "acts" in m.evidence and m.kind == "name" and not m.titles]:
            country = stated[fold(m.text)]
            # a country the gazetteer knows, or one the story shows to be a country (`story_countries`)
            known = (gaz.names.get(fold(country)) or gaz.demonyms.get(fold(country))
                     or next((k for k in countries if fold(k) == fold(country)), None)
                     # "the Kestovian capital": the country whose people's word the story writes
                     or next((k for k, ms in countries.items() if any(x.kind == "demonym" and fold(x.text) == fold(country) for x in ms)), None))
            if known:
                target = countries[known]
            else:
                target = next((o for o in clusters if o is not c and any(fold(x.text) == fold(country) and x.kind == "name" for x in o)), None)
            if target is None:
                continue
            c.remove(m)
            m.label, m.kind, m.country = "GPE", "capital", known
            target.append(m)


@lru_cache(maxsize=1)
def _country_cue_words() -> tuple[str, str]:
    """Regex alternatives of country_cues.csv: (offices only a state has, state forms)."""
    rows = table("country_cues.csv")
    alternatives = lambda form: "|".join(re.escape(r["word"]).replace(r"\ ", r"\s+") for r in rows if r["form"] == form)  # noqa: E731
    return alternatives("office"), alternatives("state")


def _bare_stems(name: str) -> set[str]:
    """The name without an ending of place_endings.txt ("Uzbekistan" -> "Uzbek"), if it has one and three letters stay."""
    return {name[:-len(e)] for e in word_list("place_endings.txt") if name.lower().endswith(e) and len(name) - len(e) >= 3}


def _demonym_stem(name: str) -> str:
    """The shortest stem `_demonym_pattern(name)` builds on: a word it matches begins with it."""
    return min([name[:-1] if name[-1:].lower() in "aeiouy" else name, *_bare_stems(name)], key=len)


@lru_cache(maxsize=4096)
def _demonym_pattern(name: str) -> re.Pattern:
    """A people's word built from a place name by demonym_endings.txt ("Serevia" -> "Serevian(s)"),
    or from its stem without a -stan ending of place_endings.txt ("Qazhristan" -> "Qazhri", "Uzbek")."""
    endings = "|".join(sorted(word_list("demonym_endings.txt"), key=len, reverse=True))
    stems = {name, name[:-1]} if name[-1:].lower() in "aeiouy" else {name}
    pattern = rf"(?:{'|'.join(map(re.escape, sorted(stems, key=len, reverse=True)))})(?:{endings})s?"
    bare = _bare_stems(name)
    if bare:
        pattern += rf"|(?:{'|'.join(map(re.escape, sorted(bare, key=len, reverse=True)))})(?:{endings})?s?"
    return re.compile(pattern)


def story_countries(mentions: list[Found], texts: dict[str, str], cues: PlaceCues | None = None) -> dict[str, str]:
    """Folded name -> name of each one-word place the story itself shows to be a country the
    gazetteer does not know: it writes a people's word built from it ("Lorvenia" and
    "Lorvenian"), an office only a state has ("Barqan's foreign minister", "the government of
    Barqan") or a state form ("the Sultanate of Barqan"). A name any mention shows to be a
    person ("Victoria" beside "Victorian") is none. `cues`: the texts' PlaceCues, when read already."""
    gaz = gazetteer()
    known = gaz.names.keys() | gaz.capitals.keys() | gaz.demonyms.keys()
    people = {fold(m.text) for m in mentions if m.label == "PERSON" and (m.titles or "person" in m.evidence)}
    candidates = {m.text for m in mentions
                  if m.kind == "name" and not m.country and m.label in {"GPE", "ORG", "NORP", "PERSON"} and len(m.text) >= 4
                  and m.text.isalpha() and m.text[:1].isupper() and not m.text.isupper()
                  and fold(m.text) not in known and fold(m.text) not in people}
    if not candidates:
        return {}
    cues = cues or place_cues(texts)
    out: dict[str, str] = {}
    # Speed (30% of understanding after the parse went here, bench/bench_understand_speed.py):
    # a demonym pattern matches only words that begin with its stem, so the patterns are
    # compiled and tried only where a word does; the office and state cues are found for all
    # names in one scan of the texts, not one scan per name.
    stems = {name: _demonym_stem(name) for name in candidates}
    for name in sorted(candidates):
        if any(other != name and name.startswith(stem) and _demonym_pattern(other).fullmatch(name) for other, stem in stems.items()):
            continue  # "Qarestani" beside "Qarestan": the people's word, not a second country
        if any(w != name and w.startswith(stems[name]) and _demonym_pattern(name).fullmatch(w) for w in cues.words_by_opening.get(stems[name][:3], ())):
            out[fold(name)] = name
            continue
        if name.lower() in cues.cued_words:
            out[fold(name)] = name
    return out


@lru_cache(maxsize=1)
def _country_cue_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Patterns of "X's <office>" and "<office or state form> of X", each capturing X; lookaheads,
    so that cues which overlap are all found, as a search per name finds them."""
    offices, states = _country_cue_words()
    return (re.compile(rf"(?=\b(\w+)['’]s\s+(?:{offices})\b)", re.I),
            re.compile(rf"(?=\b(?:{offices}|{states})\s+of\s+(\w+)\b)", re.I))


def _country_cued_words(texts: dict[str, str]) -> set[str]:
    """Lower-cased words some text writes with a state's office or a state form
    (`_country_cue_patterns`)."""
    return {hit.group(1).lower() for text in texts.values() for pattern in _country_cue_patterns() for hit in pattern.finditer(text)}


def _mark_story_countries(mentions: list[Found], texts: dict[str, str], cues: PlaceCues) -> None:
    """Make the countries `story_countries` finds countries as the gazetteer's are: the name,
    its state form ("the Sultanate of Barqan") and its people's word ("Barqani", "Barqanis",
    kind "demonym") become mentions of one country entity."""
    countries = story_countries(mentions, texts, cues)
    if not countries:
        return
    _, states = _country_cue_words()
    state_form = re.compile(rf"(?:the\s+)?(?:{states})\s+of\s+(?P<name>\w+)", re.I)
    demonyms = [(_demonym_pattern(name), name) for name in countries.values()]
    for m in mentions:
        if m.country or m.kind in REFERENCE_KINDS or (m.label == "PERSON" and (m.titles or "person" in m.evidence)):
            continue
        form = state_form.fullmatch(m.text)
        country = countries.get(fold(m.text)) or (countries.get(fold(form.group("name"))) if form else None)
        if country:
            m.label, m.country = "GPE", country
            continue
        country = next((name for pattern, name in demonyms if m.text != name and pattern.fullmatch(m.text)), None)
        if country and m.label in {"NORP", "GPE", "ORG", "PERSON"}:
            m.label, m.kind, m.country = "GPE", "demonym", country


def _relabel_people(people: list[Found], groups: list[Found]) -> None:
    """Move to `people` the group mentions that are a person's full name tagged PERSON elsewhere.

    The small English model often tags a person's name as ORG ("Bettie Page" is ORG in
    most articles of one ECB+ story and PERSON in a few); a name of two words or more that
    names a person somewhere in the story names that person everywhere.
    """
    full_names = list(dict.fromkeys(tuple(m.tokens) for m in people if len(m.tokens) >= 2))  # each name once
    if not full_names:
        return
    for m in list(groups):
        if m.label not in {"ORG", "NORP", "GPE"} or is_acronym(m.text):
            continue
        tokens = name_tokens(m.text)
        if any(w.islower() for w in m.text.split()):
            continue  # "Armed Forces of Iran Mohammad X": an organisation and a name glued together
        key = tuple(tokens)
        if len(tokens) >= 2 and any(_same_names(key, other) for other in full_names):
            m.label, m.tokens = "PERSON", tokens
            groups.remove(m)
            people.append(m)
        elif len(tokens) == 1 and not m.country and "located" not in m.evidence and any(
                p.article_id == m.article_id and len(p.tokens) >= 2 and fold(p.tokens[0]) == fold(tokens[0]) for p in people):
            # "Yevhen is exactly the type of forward" (tagged GPE) after "Yevhen Dorosh": his given name, no place
            m.label, m.tokens = "PERSON", tokens
            groups.remove(m)
            people.append(m)


def _shows_a_person(cluster: list[Found]) -> bool:
    """True when some mention shows a person: a title, a role, a gender or a known given name;
    or a speech verb, unless another mention's context says group ("Velnet says ..." beside
    "Velnet, the operator"), for organisations speak too."""
    if any("person" in m.evidence and "speaks" not in m.evidence for m in cluster):
        return True
    return any("person" in m.evidence for m in cluster) and not any("group" in m.evidence for m in cluster)


def _ordinary_noun(word: str) -> bool:
    """True for a capitalised word the language model's lemmatizer lists as a common noun
    ("Turnout", "Attendance") that is no known given name or place: one that opens its sentence
    every time the story writes it, with nothing to show a person, is that word."""
    key = fold(word)
    gaz = gazetteer()
    return (word.isalpha() and word.istitle() and key in _common_nouns() and key not in given_names()
            and key not in gaz.names and key not in gaz.capitals and key not in gaz.demonyms)


_WORD_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=4)  # one story's texts, asked about every headline word and first word
def _story_words(texts: tuple[str, ...]) -> frozenset[str]:
    """Every run of word characters and hyphens the texts write, as written."""
    return frozenset(word for text in texts for word in _WORD_RUN.findall(text))


def _written_lower_case(word: str, texts: dict[str, str]) -> bool:
    """True when some article of the story writes the word in lower case ("turnout"), a whole word
    (not inside "turnout-day" nor "returnout")."""
    if not word.isalpha() or not word[:1].isupper():
        return False
    return word.lower() in _story_words(tuple(texts.values()))


def _business_named(cluster: list[Found]) -> bool:
    """True for a "person" whose full name ends in a business word of org_kinds.csv ("Kelmar
    Metals", "Velnor Telecom") and that no mention gives a title or a known given name."""
    if any(m.titles or (len(m.tokens) >= 2 and m.tokens[0].lower() in given_names()) for m in cluster):
        return False
    return any(len(m.tokens) >= 2 and org_kinds().get(m.tokens[-1].lower()) == "business" for m in cluster)


def _spoken_of_as_a_thing(cluster: list[Found]) -> bool:
    """True for a "person" some mention of which a relative clause takes up with "which" ("Varlen
    Tankers, which owns the ship, said"), and that no mention gives a title, a gender or a known
    given name: a role ("its owner") and a speech verb fit a company as well."""
    if any(m.titles or m.gender != "any" or (len(m.tokens) >= 2 and m.tokens[0].lower() in given_names()) for m in cluster):
        return False
    return any("which" in m.evidence for m in cluster)


def _landform_prefixes(texts: dict[str, str]) -> list[str]:
    """What each text says before each landform word ending a name ("the Senn" before "river";
    landform_words.csv), trailing space cut: read once per story for `_opens_a_landform_name`."""
    last = _landform_words()[1]
    return [text[max(0, hit.start() - 200): hit.start()].rstrip()
            for text in texts.values() for hit in re.finditer(r"(?<=\s)[A-Za-z]+\b", text) if hit.group(0).lower() in last]


def _opens_a_landform_name(word: str, prefixes: list[str]) -> bool:
    """True when the story writes the word before a landform word ending a name, in capitals or
    not ("the Senn river", "the Senn River", "Dorva Hills"; `prefixes` from `_landform_prefixes`):
    a one-word "person" so written is the river or the hills, a feature of the land and no actor."""
    return any(p.endswith(word) and not re.match(r"[\w-]", p[-len(word) - 1: -len(word)] or " ") for p in prefixes)


def _storm_words() -> list[str]:
    """The words that open a named storm ("Cyclone", "Hurricane"; name_words.csv, kind storm)."""
    return [w for (w, where), kind in _name_words().items() if kind == "storm" and where == "first"]


def _names_a_storm(word: str, texts: dict[str, str]) -> bool:
    """True when the story writes the word after a storm's word, in capitals or not ("Cyclone
    Pellucia", "hurricane Odo"; name_words.csv, kind storm): the bare name is the storm's."""
    storms = _storm_words()
    if not storms:
        return False
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(storms)})\s+{re.escape(word)}(?![\w-])", re.IGNORECASE)
    return any(hit.group(0).split()[-1] == word for text in texts.values() for hit in pattern.finditer(text))


def _texts_naming_storms(texts: dict[str, str]) -> dict[str, str]:
    """The texts that hold a storm's word (name_words.csv, kind storm) at all: the only ones
    `_names_a_storm` can find a storm's name in."""
    storms = _storm_words()
    if not storms:
        return {}
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(storms)})\s", re.IGNORECASE)
    return {k: t for k, t in texts.items() if pattern.search(t)}


def _opens_a_place_name(word: str, texts: dict[str, str]) -> bool:
    """True when the story writes the name before a place word of name_contexts.csv ("Kingsgate
    Stadium", "Brezno District", "the Sarnet Hill settlement", capitals or not): a "person" no
    mention shows to be one, always written so, is that place."""
    # the matches of finditer(rf"(?<![\w-]){re.escape(word)}\s+([A-Z]?[a-z]+)\b"), found from where
    # the word stands (str.find) instead of trying the pattern at every character of every text,
    # and compiling it for every word (0.05 CPU s over the speed bench's 60 articles)
    contexts = name_contexts()
    for text in texts.values():
        start = text.find(word)
        while start != -1:
            hit = None if start and _WORD_CHAR_OR_HYPHEN.match(text, start - 1) else _SPACE_THEN_WORD.match(text, start + len(word))
            if hit is None:
                start = text.find(word, start + 1)
                continue
            if contexts.get((fold(hit.group(1)), "after")) == "place":
                return True
            start = text.find(word, hit.end())  # finditer goes on after a match
    return False


_WORD_CHAR_OR_HYPHEN = re.compile(r"[\w-]")
_SPACE_THEN_WORD = re.compile(r"\s+([A-Z]?[a-z]+)\b")


def _mark_named_places(groups: list[Found]) -> None:
    """A one-word "organisation" that opens a longer name of the story with a place word after
    it ("Lindenford" of "Lindenford District Health Office"; "district", "province", ... of
    name_contexts.csv) is that place: "the firm" must never be read as the town."""
    contexts = name_contexts()
    places = {fold(words[0]) for m in groups if len(words := name_tokens(m.text)) >= 3
              and contexts.get((fold(words[1]), "after")) == "place"}
    for m in groups:
        words = name_tokens(m.text)
        if m.label == "ORG" and len(words) == 1 and not is_acronym(m.text) and fold(words[0]) in places:
            m.label = "GPE"
            m.evidence = {*m.evidence, "place"}


def _place_keys(groups: list[Found]) -> frozenset[tuple[str, ...]]:
    """Return the keys of the places a story names (its GPE mentions) and of the capitals the gazetteer knows."""
    return frozenset({_org_key(m.text) for m in groups if m.label == "GPE"} | _capital_keys())


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(_org_key(c) for row in table("countries.csv") for c in filter(None, (row.get("capital") or "").split("|")))


def dateline_countries(texts: dict[str, str]) -> dict[str, str]:
    """article id -> the country its wire dateline names ("ASTANA (EWA) - ", "TEHRAN, Iran — "), where one does."""
    gaz = gazetteer()
    out = {}
    for article_id, text in texts.items():
        match = WIRE_DATELINE_LINE.search(text[:2000])
        if not match:
            continue
        words = re.findall(r"[A-Za-z.'’-]+", match.group(0))
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                key = fold(" ".join(words[i:i + n]))
                country = gaz.names.get(key) or gaz.capitals.get(key)
                if country:
                    out[article_id] = country
                    break
            if article_id in out:
                break
    return out


def _capitalised_common_words(mentions: list[Found], texts: dict[str, str]) -> set[int]:
    """ids of one-word name mentions (any type: the tagger calls them people too) that are only a sentence's capitalised first word: "Mountain
    guides say ..." where the story also writes "the mountain guides' association" in lower case.
    The two words together must recur in lower case, so "Labour said" stays a party."""
    dropped = set()
    for m in mentions:
        text = texts.get(m.article_id, "")
        if m.label not in {"ORG", "NORP", "GPE", "PERSON"} or m.country or m.start is None or not re.fullmatch(r"[A-Z][a-z]+", m.text):
            continue
        # Speed: the text before and after is read in place, not copied, and the phrase's pattern
        # runs only on texts that hold its words (bench/bench_understand_speed.py).
        i = m.start
        while i > 0 and text[i - 1] in " \t'\"“‘":
            i -= 1
        after = _LOWER_WORD_AFTER.match(text, m.end)
        if (i > 0 and text[i - 1] not in ".!?:\n") or after is None:
            continue
        words = f"{m.text.lower()} {after.group(1)}"
        if any(words in t and re.search(rf"(?<![\w-]){words}(?![\w-])", t) for t in texts.values()):
            dropped.add(id(m))
    return dropped


_LOWER_WORD_AFTER = re.compile(r" ([a-z]+)")


def cluster_mentions(mentions: list[Found], texts: dict[str, str], cues: PlaceCues | None = None) -> list[Entity]:
    """Cluster every mention of the story into entities (steps 2-4). `cues`: the texts' PlaceCues,
    when `add_surname_mentions` read them already."""
    gaz = gazetteer()
    cues = cues or place_cues(texts)
    common = _capitalised_common_words(mentions, texts)
    mentions = [m for m in mentions if id(m) not in common]
    _mark_story_countries(mentions, texts, cues)
    # the texts read once for landform names, each word's answer kept: a 200-article story asks for
    # the same one-word names hundreds of times, and each question scanned every text
    landform_prefixes = _landform_prefixes(texts)
    landform_answers: dict[str, bool] = {}

    def opens_a_landform_name(word: str) -> bool:
        if word not in landform_answers:
            landform_answers[word] = _opens_a_landform_name(word, landform_prefixes)
        return landform_answers[word]

    countries: dict[str, list[Found]] = defaultdict(list)
    people, groups = [], []
    references = [m for m in mentions if m.kind in REFERENCE_KINDS]
    # a capital stands for its country only in a story that names the country: "Wellington"
    # in a story about Somerset is the English town, not New Zealand's government
    named = {m.country for m in mentions if m.country and m.kind not in {"capital", *REFERENCE_KINDS}}
    for m in mentions:
        if m.kind == "capital" and m.country not in named:
            m.kind, m.country = "name", None
    for m in mentions:
        if m.kind in REFERENCE_KINDS:
            continue
        if m.country:
            countries[m.country].append(m)
        elif m.label == "PERSON":
            people.append(m)
        else:
            groups.append(m)
    _relabel_people(people, groups)
    # "the Osla" tagged an organisation where the story also writes "the Osla river": a river, no actor
    # (a place so tagged stays: "the Ulden valley" is where people live, "Ulden farmers")
    groups[:] = [m for m in groups if m.country or m.kind != "name" or m.label not in {"ORG", "NORP"}
                 or len(name_tokens(m.text)) != 1 or not opens_a_landform_name(m.text)]
    _trim_headline_words(people)
    _mark_named_places(groups)
    not_names = frozenset(id(m) for m in people if _headline_words(m, texts))
    person_clusters = _cluster_people(people, not_names)
    # a lone one-word "person" that is also tagged as a group elsewhere ("Al-Jazeera"), or
    # that ends a group's name after a place ("Colts" of the Indianapolis Colts), is the group
    places = _place_keys(groups) | {_org_key(country) for country in countries}  # the story's own countries too (`story_countries`)
    group_labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)  # key -> how the story's group mentions are typed
    for m in groups:
        group_labels[_org_key(m.text)][m.label] += 1
    for key in [key for key in group_labels if len(key) >= 2 and key[:-1] in places]:
        group_labels[key[-1:]]["ORG"] += 1
    for c in [c for c in person_clusters if all(len(m.tokens) == 1 for m in c)]:
        labels = group_labels.get(_org_key(c[0].text))
        if labels:
            person_clusters.remove(c)
            # the type the story's group mentions give it: "hospitals in Marrowby" (GPE) is a town, not an
            # organisation; "Velnet, the operator" is a group however the tagger typed its other mentions
            group = any("group" in m.evidence for m in c)
            label = "GPE" if labels.most_common(1)[0][0] in {"GPE", "LOC"} and not group else "ORG"
            for m in c:
                m.label, m.kind = label, "name"
            groups.extend(c)
    # a one-word "person" with no title, role or gender that begins an organisation's name of
    # the story ending in an organisation's word is its short form ("Castellan said" beside
    # "Castellan Brands"), though it speaks as a person does
    short_forms = {_org_key(m.text)[:1] for m in groups if m.label == "ORG" and len(words := name_tokens(m.text)) >= 2
                   and fold(words[-1]) in org_kinds() and not m.country}
    # the same for any organisation's name the story writes, when no mention shows a person: "Norvane
    # would invest" beside "Norvane Gas Transit"
    opened = {_org_key(m.text)[:1] for m in groups if m.label == "ORG" and len(name_tokens(m.text)) >= 2 and not m.country}
    for c in [c for c in person_clusters if all(len(m.tokens) == 1 and not m.titles and m.gender == "any" and not m.roles for m in c)]:
        if _org_key(c[0].text) in short_forms or (_org_key(c[0].text) in opened and not _shows_a_person(c)):
            person_clusters.remove(c)
            for m in c:
                m.label, m.kind = "ORG", "name"
            groups.extend(c)
    # a "person" no mention shows to be one (no title, role, given name or speech verb) whose
    # words around say place ("out of Zharkol") or group ("the side Sahel Bizerte") is that
    for c in [c for c in person_clusters if _business_named(c)]:
        person_clusters.remove(c)  # "its owner Kelmar Metals said": a role word and a speech verb, but the name says business
        for m in c:
            m.label, m.kind = "ORG", "name"
        groups.extend(c)
    for c in [c for c in person_clusters if _spoken_of_as_a_thing(c)]:
        person_clusters.remove(c)  # "Varlen Tankers, which owns the ship" beside "its owner, Varlen Tankers, said"
        label = "GPE" if any("place" in m.evidence for m in c) and not any("group" in m.evidence for m in c) else "ORG"
        for m in c:
            m.label, m.kind = label, "name"
        groups.extend(c)
    for c in [c for c in person_clusters if not _shows_a_person(c)]:
        kinds = {k for m in c for k in m.evidence}
        if all(len(m.tokens) == 1 for m in c) and opens_a_landform_name(c[0].text):
            person_clusters.remove(c)  # "the Senn" where the story also writes "the Senn river": a river, no actor
            continue
        if len({tuple(m.tokens) for m in c}) == 1 and _opens_a_place_name(c[0].text, texts):
            kinds.add("place")  # "Kingsgate" where the story also writes "Kingsgate Stadium", "Sarnet Hill settlement"
        if kinds & {"place", "group"}:
            person_clusters.remove(c)
            for m in c:
                m.label, m.kind = ("ORG" if "group" in kinds else "GPE"), "name"
            groups.extend(c)
        elif kinds & {"vessel", "storm"}:
            # "the trawler Nordlys Venn": a ship's name; "Cyclone Pellucia" (name_words.csv) and the bare
            # "Pellucia" it is shortened to: a storm; no person and no actor
            person_clusters.remove(c)
        elif all("word" in m.evidence for m in c) or (
                all("first word" in m.evidence for m in c) and (_written_lower_case(c[0].text, texts) or _ordinary_noun(c[0].text))):
            person_clusters.remove(c)  # "Flash floods swept ...", "Turnout was 63%" beside "turnout": a capitalised first word, nobody
    # a one-word ORG/GPE the tagger mislabelled but which is a known person's surname
    kept_groups = []
    # the surnames of each person's full names (a surname joining below adds none; a headline's
    # ordinary words read as a name give none, as in `add_surname_mentions`)
    surnames_of = [list(dict.fromkeys(_surname(o.tokens) for o in c if len(o.tokens) >= 2 and id(o) not in not_names
                                      and spelling(_surname(o.tokens)) not in _second_surnames(c))) for c in person_clusters]
    for m in groups:
        tokens = name_tokens(m.text)
        target = None
        # a word in capitals that spells a person's surname exactly ("DOROSH" on a shirt beside
        # "Yevhen Dorosh") is that surname shouted, not initials
        shouted = len(m.text) >= 4 and any(fold(m.text) == fold(s) for surnames in surnames_of for s in surnames)
        if (len(tokens) == 1 and fold(m.text) not in gaz.org_aliases and (not is_acronym(m.text) or shouted)
                and not m.evidence & {"place", "group"}):  # "out of Dravic", "the Dravic mine": no look-alike of Dravec
            holders = [c for c, surnames in zip(person_clusters, surnames_of) if any(tokens_match(tokens[0], s) for s in surnames)]
            # several people may share the surname (Donald and Melania Trump): pick as for a bare surname
            target = (_reading_of(m, holders, _best_cluster([m], holders)) if len(holders) > 1
                      else holders[0] if holders else None)
        if target is not None:
            m.label, m.tokens, m.kind = "PERSON", tokens, "surname"
            target.append(m)
        else:
            kept_groups.append(m)
    kept_groups = _join_nicknames(person_clusters, kept_groups, texts)
    group_clusters = _cluster_groups(kept_groups, {**_group_nicknames(kept_groups, texts), **_parenthesised_acronyms(texts)}, places, texts)
    _join_stated_capitals([*person_clusters, *group_clusters], countries, cues.stated_capitals)
    person_clusters, group_clusters = [c for c in person_clusters if c], [c for c in group_clusters if c]
    # "Crowds are gathering" typed ORG: a plural common noun only ever written to open a sentence
    group_clusters = [c for c in group_clusters if not all("plural first word" in m.evidence for m in c)]
    # "Pellucia has made landfall" typed ORG where the story also writes "Cyclone Pellucia": the storm, no actor
    storm_texts = _texts_naming_storms(texts)  # most stories name none: then no cluster scans the texts
    group_clusters = [c for c in group_clusters if not (storm_texts and all(len(name_tokens(m.text)) == 1 for m in c) and _names_a_storm(c[0].text, storm_texts))]
    clusters = [c for c in [*countries.values(), *person_clusters, *group_clusters] if c[0].country or not all(m.headline for m in c)]
    # a group the story names only by group nouns ("the migrants", "the caravan", "asylum
    # seekers"), at least twice, is an entity of its own; pronouns may then refer to it
    by_group: dict[str, list[Found]] = defaultdict(list)
    for ref in references:
        if ref.refers == "group":
            by_group[ref.head].append(ref)
    clusters += [c for c in by_group.values() if len(c) >= GROUP_MIN_MENTIONS]
    references = [ref for ref in references if ref.refers != "group"]
    clusters += unnamed_actors(references, clusters)  # "the gunman", "police" (coref.unnamed_actors)
    references = [ref for ref in references if ref.refers != "unnamed"]
    # pronouns and descriptions join the entity of what they refer to (understand/coref.py)
    for ref in references:
        ref.label = ""
    joined = resolve_references(references, clusters, gaz, dateline_countries(texts))
    for ref in references:
        index = joined.get(id(ref))
        if index is None:
            continue
        anchor = next((m for m in clusters[index] if m.kind not in REFERENCE_KINDS), clusters[index][0])
        ref.label, ref.country = anchor.label, anchor.country
        clusters[index].append(ref)
    entities = [_entity(cluster) for cluster in clusters]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _entity(cluster: list[Found]) -> Entity:
    cluster = sorted(cluster, key=lambda m: (m.article_id, m.start))
    name = _canonical(cluster)
    named = [m for m in cluster if m.kind not in REFERENCE_KINDS] or cluster  # or a group named only by group nouns
    label = "GPE" if any(m.country for m in cluster) else Counter(m.label for m in named).most_common(1)[0][0]
    if label == "ORG" and _is_a_place(named):
        label = "GPE"
    if label == "PERSON":
        for m in cluster:
            if len(m.tokens) == 1 and m.kind == "name":
                m.kind = "surname"
    elif any(is_acronym(m.text) for m in cluster):
        for m in cluster:
            if is_acronym(m.text) and m.kind == "name":
                m.kind = "acronym"
    aliases = sorted({m.text for m in cluster if m.text != name and m.kind not in REFERENCE_KINDS})
    # one title once, however capitalised ("Mayor Jo Doe" beside "the town's mayor, Jo Doe")
    titles_by_key: dict[str, str] = {}
    for title in (t for m in cluster for t in m.titles):
        titles_by_key.setdefault(fold(title), title)
    titles = list(titles_by_key.values())
    return Entity(
        id=content_id(f"{label}|{name}", prefix="e"),
        name=name,
        type=label,
        aliases=aliases,
        titles=titles,
        mentions=[Mention(article_id=m.article_id, text=m.text, start=m.start, end=m.end, sentence_index=m.sentence_index, kind=m.kind) for m in cluster],
    )


def _is_a_place(named: list[Found]) -> bool:
    """True for an "organisation" the story only ever shows to be a place: some mention stands
    where something happens ("arrested in Dazhbad"), before a place word ("Mazun airport") or
    has one in its name ("Harrow Street", name_words.csv),
    none says group ("the agency X"), and no name of it is initials or ends in an organisation's
    word ("Kelmar Metals", org_kinds.csv). The type shown only: clustering is done."""
    evidence = {k for m in named for k in m.evidence} | {_kind_in_name(name_tokens(m.text)) for m in named}  # "Harrow Street"
    if not evidence & {"located", "place"} or "group" in evidence:
        return False
    if "place" not in evidence and any(len(name_tokens(m.text)) > 1 for m in named):
        return False  # "a hold-up in Tessaly Savings Bank": a name of several words needs more than "in"
    return not any(is_acronym(m.text) or (words := name_tokens(m.text)) and fold(words[-1]) in org_kinds() for m in named)


def add_surname_mentions(docs: dict[str, Doc], mentions: list[Found], cues: PlaceCues | None = None) -> None:
    """Add what the tagger left unmarked: bare surnames of the story's people and repeats of its group names.

    A name means one thing throughout a story, but the small English model marks "Colts"
    in one sentence and not in the next; an unmarked proper-noun occurrence of an
    organisation or group name tagged elsewhere in the story is that name too. `cues`: the
    texts' PlaceCues, when read already (`understand_story` reads them once for this and `cluster_mentions`).
    """
    texts = {article_id: doc_text(doc) for article_id, doc in docs.items()}
    cues = cues or place_cues(texts)
    _add_acting_stated_capitals(docs, mentions, cues.stated_capitals)
    _add_story_demonyms(docs, mentions, texts, cues)
    surnames: dict[str, str] = {}
    story_texts = {article_id: doc_text(doc) for article_id, doc in docs.items()}
    for m in mentions:
        # not "Rail" of "Northline Rail", "Delvin" of "Port Delvin": the name's own word says group or place;
        # nor "Chiefs" of a headline's "Colts Beat Chiefs" (`_headline_words`)
        if m.label == "PERSON" and len(m.tokens) >= 2 and _kind_in_name(m.tokens) is None and not _headline_words(m, story_texts):
            surnames.setdefault(spelling(_surname(m.tokens)), _surname(m.tokens))
    group_names = {m.text: m.label for m in mentions
                   if m.label in {"ORG", "NORP"} and m.kind == "name" and not m.country and not m.headline
                   and "\n" not in m.text and len(m.text) >= 3 and not is_acronym(m.text)
                   # a person's surname the tagger once called a group ("Orlov" ORG) is looked for as a surname below
                   and spelling(m.text) not in surnames}
    # a one-word "person" with no full name in the story ("Velnet says ...") is repeated as the
    # group names are: the tagger marks "Velnet" in one sentence of twenty; what it is (a person,
    # a company) is read from all of them in cluster_mentions
    for m in mentions:
        if (m.label == "PERSON" and m.kind == "name" and len(m.tokens) == 1 and m.text == m.tokens[0] and m.text.isalpha()
                and len(m.text) >= 3 and m.text[:1].isupper() and not m.text.isupper() and not m.headline
                and spelling(m.text) not in surnames and m.text.lower() not in given_names() and not _is_title_word(m.text)):
            group_names.setdefault(m.text, "PERSON")
    if not surnames and not group_names:
        return
    covered = defaultdict(set)
    for m in mentions:
        covered[m.article_id].update(range(m.start, m.end))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(group_names, key=len, reverse=True)) + r")(?![\w-])") if group_names else None
    for article_id, doc in docs.items():
        sent_of = token_sentences(doc)
        if pattern is not None:
            for hit in pattern.finditer(doc_text(doc)):
                if covered[article_id] & set(range(hit.start(), hit.end())):
                    continue
                span = doc.char_span(hit.start(), hit.end())
                if span is None or span[0].ent_type_ not in {"", "ORG", "NORP", "PERSON"}:
                    continue
                # a proper noun, or a capitalised word the tagger calls a noun ("Colts clinch
                # playoff spot", "the Colts' win over the Jaguars"): the exact name, capital and all
                if not (span[-1].pos_ == "PROPN" or span[-1].pos_ == "NOUN" and hit.group(1)[:1].isupper()):
                    continue
                if _opens_longer_name(doc, span[-1]):
                    continue  # inside a longer proper name: "Defense" in "Defense Minister"
                found = Found(article_id, hit.group(1), hit.start(), hit.end(), sent_of[span.start], group_names[hit.group(1)], "name",
                              first_token=span.start, last_token=span.end - 1)
                if found.label == "PERSON":
                    found.tokens = [hit.group(1)]
                    person_roles(doc, found)
                    found.evidence = _name_evidence(doc, found)
                else:
                    mark_syntax(doc, found)
                mentions.append(found)
                covered[article_id].update(range(hit.start(), hit.end()))
        if not surnames:
            continue
        pos = doc.to_array(POS)
        # capitalised proper nouns, and capitalised common nouns: in a headline or after a
        # bracket the tagger often calls a surname a noun ("Dravec warns ...", "[Dravec] knew")
        for i in np.flatnonzero(((pos == PROPN) | (pos == NOUN)) & upper_initial(doc)).tolist():
            token = doc[i]
            if token.idx in covered[article_id]:
                continue
            if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
                continue  # "Lind" of "Okonkwo-Lind": the second half of a hyphenated name, no surname of its own
            if (i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and not doc[i + 1].whitespace_
                    and doc[i + 2].text[:1].isupper() and spelling(f"{token.text}-{doc[i + 2].text}") in surnames):
                # "Okonkwo-Lind", which the tokenizer splits in three: the whole hyphenated surname
                last = doc[i + 2]
                text = doc_text(doc)[token.idx:last.idx + len(last.text)]
                mentions.append(Found(article_id, text, token.idx, last.idx + len(last.text), sent_of[token.i], "PERSON", "surname",
                                      tokens=[text], first_token=token.i, last_token=last.i))
                covered[article_id].update(range(token.idx, last.idx + len(last.text)))
                continue
            word = name_tokens(token.text)
            if len(word) != 1:
                continue
            if pos[i] == NOUN and spelling(word[0]) not in surnames:
                continue  # a common noun is a surname only in the surname's own spelling, never a look-alike
            # After a preposition ("the junta in Domir") a look-alike is as likely a place as
            # the person: there the spelling must be the surname's own (Husseini = Hosseini).
            if spelling(word[0]) in surnames or (not _after_place_word(token) and any(tokens_match(word[0], s) for s in surnames.values())):
                given = _given_name_before(doc, i, covered[article_id])
                if given is not None:
                    # "Pavel Orlov" the tagger left unmarked: the full name, so a namesake
                    # (Viktor Orlov) named elsewhere in the story does not take it
                    first = doc[given]
                    mentions.append(Found(article_id, doc.text[first.idx:token.idx + len(token.text)], first.idx, token.idx + len(token.text), sent_of[token.i],
                                          "PERSON", "name", tokens=[first.text, *word], first_token=given, last_token=token.i, evidence={"person"}))
                    covered[article_id].update(range(first.idx, token.idx + len(token.text)))
                    continue
                mentions.append(Found(article_id, token.text, token.idx, token.idx + len(token.text), sent_of[token.i], "PERSON", "surname", tokens=word, first_token=token.i, last_token=token.i))
                covered[article_id].update(range(token.idx, token.idx + len(token.text)))


def _opens_longer_name(doc: Doc, token) -> bool:
    """True for a word the parse hangs as a compound on a proper noun after it, every word between
    capitalised: "Defense" in "Defense Minister", "Norvane" in "Norvane Gas Transit"."""
    head = token.head
    return (token.dep_ == "compound" and head.i > token.i and head.pos_ == "PROPN"
            and all(t.text[:1].isupper() for t in doc[token.i + 1:head.i + 1]))


def _add_story_demonyms(docs: dict[str, Doc], mentions: list[Found], texts: dict[str, str], cues: PlaceCues) -> None:
    """Add the people's words of the story's own countries (`story_countries`) that the tagger
    left unmarked ("four Tamarandi diplomats"), as `_add_missed_countries` does for the
    gazetteer's demonyms."""
    countries = story_countries(mentions, texts, cues)
    if not countries:
        return
    demonyms = [(_demonym_pattern(name), name) for name in countries.values()]
    covered = defaultdict(set)
    for m in mentions:
        covered[m.article_id].update(range(m.start, m.end))
    for article_id, doc in docs.items():
        sent_of = None
        for i in np.flatnonzero(upper_initial(doc)).tolist():
            token = doc[i]
            country = next((name for pattern, name in demonyms if token.text != name and pattern.fullmatch(token.text)), None)
            if country is None or token.idx in covered[article_id]:
                continue
            sent_of = sent_of or token_sentences(doc)
            mentions.append(Found(article_id, token.text, token.idx, token.idx + len(token.text), sent_of[i], "GPE", "demonym", country,
                                  first_token=i, last_token=i))
            covered[article_id].update(range(token.idx, token.idx + len(token.text)))


def _add_acting_stated_capitals(docs: dict[str, Doc], mentions: list[Found], stated: dict[str, str]) -> None:
    """Add a one-word capital the story states (`stated`: "Varnok, the capital of Estria") where it
    acts and the tagger left it unmarked ("Varnok said ..."), as `_add_missed_countries` does for
    the capitals the gazetteer knows."""
    if not stated:
        return
    covered = defaultdict(set)
    for m in mentions:
        covered[m.article_id].update(range(m.start, m.end))
    for article_id, doc in docs.items():
        sent_of = None
        for token in doc:
            if (fold(token.text) in stated and token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN"}
                    and token.idx not in covered[article_id] and _acts(doc, token.i, token.i + 1)):
                sent_of = sent_of or token_sentences(doc)
                found = Found(article_id, token.text, token.idx, token.idx + len(token.text), sent_of[token.i], "GPE", "name",
                              evidence={"acts"}, first_token=token.i, last_token=token.i)
                mark_syntax(doc, found)
                mentions.append(found)


def _given_name_before(doc: Doc, i: int, covered: set[int]) -> int | None:
    """Token index of an untagged given name right before surname token `i` ("Pavel" of "Pavel Orlov"), if any.

    A capitalised proper noun the parse hangs on the surname as a compound, not a title
    ("Minister Orlov") and not part of a tagged name.
    """
    if i == 0:
        return None
    prev = doc[i - 1]
    if _misread_given_name(prev) and prev.idx not in covered and not prev.ent_type_:
        return i - 1  # "Per Lindqvist, chairman of ...", "Per" read as the preposition
    if (prev.pos_ != "PROPN" or prev.dep_ != "compound" or prev.head.i != i or prev.idx in covered or prev.ent_type_
            or not prev.text[:1].isupper() or not prev.text.isalpha() or prev.text.isupper() or _is_title_word(prev.text)
            or any(fold(prev.text) in known for known in (gazetteer().names, gazetteer().capitals, gazetteer().demonyms))):
        return None
    return i - 1


_MENTION_INDEX: dict[int, tuple[Understanding, dict[str, list[tuple[int, int, Entity]]]]] = {}


def _mention_index(understanding: Understanding) -> dict[str, list[tuple[int, int, Entity]]]:
    """Return article id -> (start, end, entity) of every mention, built once per Understanding."""
    cached = _MENTION_INDEX.get(id(understanding))
    if cached is not None and cached[0] is understanding:
        return cached[1]
    index: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
    for entity in understanding.entities:
        for m in entity.mentions:
            if m.start is not None and m.end is not None:
                index[m.article_id].append((m.start, m.end, entity))
    if len(_MENTION_INDEX) > 8:
        _MENTION_INDEX.clear()
    _MENTION_INDEX[id(understanding)] = (understanding, index)
    return index


def entity_at(understanding: Understanding, article_id: str, start: int, end: int) -> Entity | None:
    """Return the entity a character span of one article refers to, or None.

    A mention that overlaps the span counts; the one overlapping most wins (an empty span
    counts when it sits inside a mention).
    """
    best, best_overlap = None, 0
    for m_start, m_end, entity in _mention_index(understanding).get(article_id, ()):
        overlap = min(end, m_end) - max(start, m_start)
        if overlap > best_overlap or (best is None and start == end and m_start <= start < m_end):
            best, best_overlap = entity, max(overlap, 0)
    return best
