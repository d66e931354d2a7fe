"""Labels: the words an outlet attaches to each actor, read from the dependency parse.

For every located mention of an entity, in this order:

1. premodifiers before the name ("Voran-backed militant group Kessel", "U.S. ally Norland",
   "Voranian Defense Minister X"), including a noun the name is in apposition to
   ("the ... terrorist group Kessel");
2. a label noun built on the name ("the Voran regime", "Kessel militants"; label_heads.txt), or one
   the name is "of" ("a mob of student rioters", "the regime of X");
3. appositives after the name ("Israel, Iran's enemy, ...");
4. predicates that describe it ("X is the main supporter of Y", "described X as a partner");
5. mentions that are themselves epithets ("the Jewish state" when the understanding stage
   resolved it), and epithets it did not resolve (epithets.txt, then "the <Proper-adjective>
   state/country/kingdom" read as the country last in subject position).

A premodifier chain is split into labels as a reader would: the noun label with its
lower-case modifiers ("terrorist group"), hyphenated modifiers alone ("Iran-backed"), runs of
capitalised modifiers together ("Lebanese Shiite"); a chain ending in a capitalised title
("Syrian Defense Minister") stays one label.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsprism.framing.context import ArticleContext, opens_sentence, stamp_end
from newsprism.framing.lexicon import Lexicon
from newsprism.framing.voice import quotation_at
from newsprism.models import FramingEntry
from newsprism.understand.nlp import word_list

_DROP_DEPS = {"det", "predet", "poss", "case", "cc", "conj", "prep", "relcl", "acl", "appos", "punct", "mark", "nummod"}
# Verbs whose object is described by an "as" phrase or an object predicate: "described X as a partner".
_DESCRIBING_VERBS = {"describe", "call", "label", "brand", "dub", "term", "consider", "view", "regard", "see", "characterize", "characterise", "portray", "paint", "denounce", "hail"}
# English honorifics carry no framing on their own.
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "madam"}
_MAX_PHRASE = 14
_CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
# A date or a measure beside a name ("KERAVIA, March 3 (Newswire)", "the ferry X overturned ...
# about two kilometres from the shore", parsed as appositions) says when or how far, not who.
# Ordinals and bare counts stay: "first foreign leader", "one of the main organisers" are labels.
_MEASURE_TYPES = {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"}
# Days a parse may leave untyped in a short text.
_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"}


def _is_measure(token: Token) -> bool:
    """A date, a number or a counted measure ("March 3", "two kilometres"); read from the
    entity type when the parse has one, else from a number modifying the token. A live entry's time
    hung on the noun ("13:20 - The harbour master") counts nothing."""
    if token.ent_type_ in _MEASURE_TYPES:
        return True
    # a count stands before what it counts ("two kilometres"); a number after a noun names a class or a
    # grade ("a category 4 cyclone", "level 3"), no measure
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "nummod" and c.pos_ == "NUM" and c.i < token.i and not c.idx < stamp_end(c) <= token.idx for c in token.children)


def _gather(token: Token, stop: int) -> list[Token]:
    """Return the modifier tokens under `token` left of `stop`, without determiners, possessors or clauses."""
    if token.dep_ in _DROP_DEPS and not (token.dep_ == "punct" and token.text in "-–"):
        return []
    found = [token] if token.i < stop else []
    for child in token.children:
        found += _gather(child, stop)
    return found


def _left_chain(head: Token, stop: int) -> list[Token]:
    """Return the contiguous run of `head`'s premodifiers that ends just before token index `stop`."""
    tokens = sorted({t.i: t for child in head.lefts for t in _gather(child, stop)}.values(), key=lambda t: t.i)
    run: list[Token] = []
    expected = stop - 1
    for token in reversed(tokens):
        if token.i != expected:
            break
        run.insert(0, token)
        expected -= 1
    while run and run[0].dep_ == "punct":
        run.pop(0)
    return run


def _units(tokens: list[Token]) -> list[list[Token]]:
    """Group tokens written without a space between them ("Iran", "-", "backed")."""
    units: list[list[Token]] = []
    for token in tokens:
        if units and units[-1][-1].i == token.i - 1 and (units[-1][-1].whitespace_ == "" or token.text in "-–"):
            units[-1].append(token)
        else:
            units.append([token])
    return units


def _text(unit: list[Token]) -> str:
    return "".join(t.text_with_ws for t in unit).strip()


def _hyphenated(unit: list[Token]) -> bool:
    return len(unit) > 1 and any(t.text in "-–" for t in unit)


def _capitalised(unit: list[Token]) -> bool:
    """Written with a capital, other than a common noun capitalised only because it opens the
    sentence ("Mountain rescue boss X", "Opposition culture spokesman X": one label, not two)."""
    first = unit[0]
    if len(unit) == 1 and opens_sentence(first) and first.pos_ in ("NOUN", "VERB"):  # the tagger reads some as verbs
        return False
    # "Regional transport minister X": a common adjective capitalised by the sentence start, unless the
    # text writes it capitalised inside a sentence too ("Lebanese", "Sarnian")
    if len(unit) == 1 and opens_sentence(first) and first.pos_ == "ADJ" and first.tag_ not in ("NNP", "NNPS") and first.text not in _capitalised_inside(first.doc):
        return False
    return first.text[:1].isupper()


def _capitalised_inside(doc) -> frozenset[str]:
    """The capitalised words of a text written inside a sentence (not at its start), once per Doc."""
    found = doc.user_data.get("framing_capitalised_inside")
    if found is None:
        found = frozenset(t.text for t in doc if t.text[:1].isupper() and not opens_sentence(t))
        doc.user_data["framing_capitalised_inside"] = found
    return found


def _proper(unit: list[Token]) -> bool:
    """A proper noun, or an acronym the tagger took for something else ("HTWF general secretary": HTWF a VERB)."""
    last = unit[-1]
    return last.pos_ == "PROPN" or (len(last.text) > 1 and last.text.isalpha() and last.text.isupper())


def split_labels(tokens: list[Token]) -> list[list[Token]]:
    """Split a premodifier chain into the labels a reader would name (see the module docstring)."""
    units = _units(tokens)
    if not units:
        return []
    last = units[-1]
    if _capitalised(last) and last[-1].pos_ == "PROPN" and not _hyphenated(last):
        # a capitalised title keeps its words ("Syrian Defense Minister"); a hyphenated modifier before it is
        # a label of its own ("Moscow-backed", "Axe-wielding"), as before a noun label
        cut = max((k + 1 for k, unit in enumerate(units[:-1]) if _hyphenated(unit)), default=0)
        # a job in lower case before a capitalised rank is a label of its own: "Fire chief Colonel X",
        # "Police spokeswoman Inspector X" are a job and a rank ("former Prime Minister X" stays one:
        # "former" says no job)
        rank = len(units) - 1
        while rank > cut and _capitalised(units[rank - 1]) and not _hyphenated(units[rank - 1]):
            rank -= 1
        job = units[rank - 1] if rank > cut else None
        if job is not None and not _capitalised(job) and job[-1].pos_ == "NOUN":
            return [[t for t in u] for u in units[:cut]] + [[t for u in units[cut:rank] for t in u], [t for u in units[rank:] for t in u]]
        return [[t for t in u] for u in units[:cut]] + [[t for u in units[cut:] for t in u]]
    labels: list[list[list[Token]]] = []
    k = len(units)
    # a title the tagger read as an adjective ("chief executive X": both JJ) heads the label as a noun does
    if (last[-1].pos_ in ("NOUN", "PROPN") or (len(last) == 1 and last[0].lower_ in word_list("titles.txt"))) and not _hyphenated(last):
        k -= 1
        while k > 0:
            unit = units[k - 1]
            if _hyphenated(unit) or (_capitalised(unit) and not _proper(unit)):
                break
            k -= 1
        # a bare noun ("ally") says little alone: keep the proper adjectives just before it ("Sarnian ally")
        while k == len(units) - 1 and k > 0 and _capitalised(units[k - 1]) and not _hyphenated(units[k - 1]):
            k -= 1
            while k > 0 and _capitalised(units[k - 1]) and not _hyphenated(units[k - 1]):
                k -= 1
        labels.append(units[k:])
    groups: list[list[list[Token]]] = []
    for unit in units[:k]:
        joinable = _capitalised(unit) and not _hyphenated(unit)
        if joinable and groups and _capitalised(groups[-1][-1]) and not _hyphenated(groups[-1][-1]):
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return [[t for u in label for t in u] for label in groups + labels]


def _phrase(token: Token) -> list[Token]:
    """Return a describing noun phrase: its premodifiers, the noun and one following 'of'-style phrase."""
    tokens = sorted(_gather_phrase(token), key=lambda t: t.i)
    while tokens and tokens[0].dep_ in ("det", "predet", "punct"):
        tokens.pop(0)
    contiguous = []
    for t in tokens:
        if contiguous and t.i != contiguous[-1].i + 1:
            break
        contiguous.append(t)
    return contiguous[:_MAX_PHRASE]


def _gather_phrase(token: Token, depth: int = 0) -> list[Token]:
    found = [token]
    # "the Harbour and Freight Workers' Union": an "and" inside a name before its head noun is the name's
    in_name = token.pos_ == "PROPN" and token.dep_ in ("compound", "nmod") and token.head.pos_ == "PROPN" and token.head.i > token.i
    for child in token.children:
        if in_name and child.dep_ in ("cc", "conj") and child.i < token.head.i and (child.dep_ == "cc" or child.pos_ == "PROPN"):
            found += _gather_phrase(child, depth)
            continue
        if child.dep_ in ("relcl", "acl", "appos", "cc", "conj", "advcl") or (child.dep_ == "punct" and child.text not in "-–"):
            continue
        if child.dep_ == "prep" and (child.i < token.i or depth > 0):
            continue
        if child.dep_ == "prep" and any(_is_measure(g) or g.lower_ in _DAY_WORDS for g in child.children if g.dep_ == "pobj"):
            continue  # "the winner of the election on Sunday": when, not who
        if child.dep_ == "prep" and child.lower_ != "of" and any(
                c.dep_ == "prep" and any(t.like_num or _is_measure(t) for t in c.subtree)
                for g in child.children if g.dep_ == "pobj" for c in g.children if c.i > g.i):
            continue  # "a cyclone with winds of 185 km/h": cut before its measure it is a fragment ("partner in the war" stays)
        found += _gather_phrase(child, depth + (child.dep_ == "prep"))
    return found


class _Collector:
    def __init__(self, ctx: ArticleContext, non_labels: frozenset[str] = frozenset()):
        self.ctx = ctx
        self.non_labels = non_labels
        self.entries: list[FramingEntry] = []
        self.seen: set[tuple] = set()
        self.spellings: dict[str, set[str]] = {}

    def own_spellings(self, entity_id: str) -> set[str]:
        """The actor's names as written, without case or article: a name the outlets write in lower
        case ('the coast guard') is its name, not a label, though no word of it is capitalised."""
        if entity_id not in self.spellings:
            entity = self.ctx.entities.get(entity_id)
            names = [] if entity is None else [entity.name, *entity.aliases, *(m.text for m in entity.mentions if m.kind == "name")]
            epithets = set() if entity is None else {" ".join(m.text.lower().split()) for m in entity.mentions if m.kind == "epithet"}
            self.spellings[entity_id] = {" ".join(n.lower().split()).removeprefix("the ") for n in names
                                         if " ".join(n.lower().split()) not in epithets}
        return self.spellings[entity_id]

    def add(self, tokens: list[Token], entity_id: str, name_words: set[str]) -> None:
        tokens = [t for t in tokens if t.lower_ not in _HONORIFICS]
        # an article the parse hung on a possessor ("a patrons' group": "a" under "patrons") is no part of a label
        while tokens and tokens[0].lower_ in ("a", "an", "the") and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        # a date or measure at either end is trimmed, unless written onto a word ("71-year-old")
        while tokens and _is_measure(tokens[0]) and tokens[0].whitespace_:
            tokens = tokens[1:]
        present = {t.i for t in tokens}
        while tokens and _is_measure(tokens[-1]) and (len(tokens) == 1 or tokens[-2].whitespace_) and (
                tokens[-1].ent_type_ in _MEASURE_TYPES or any(c.i in present for c in tokens[-1].children if c.dep_ == "nummod")):
            tokens = tokens[:-1]  # "two kilometres" at the end; "asylum seekers" whose count was left out is no measure
        # a preposition or article left at the end once its date is trimmed ("winner of the election on")
        while tokens and tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART"):
            tokens = tokens[:-1]
        if not tokens:
            return
        if not any(t.pos_ in _CONTENT_POS and t.pos_ != "NUM" and any(c.isalpha() for c in t.text) for t in tokens):
            return  # a function word, a bare count ("two" of "two supporters") or stray punctuation, not a label
        if any(t.text in "()[]{}|" for t in tokens) or tokens[0].text in "-–" or tokens[-1].text in "-–":
            return
        if all(t.lower_ in name_words for t in tokens if not t.is_punct):
            return  # part of the actor's own name, not a label
        if any(t.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in name_words for o in t.children) for t in tokens):
            return  # "capital of Pellaria" said of Pellaria (the capital resolved to its country): a relation to itself
        term = " ".join(_text(u) for u in _units(tokens)).strip(" ,;:'\"‘’“”")
        if not term or not any(c.isalpha() for c in term) or " ".join(term.lower().split()) in self.own_spellings(entity_id):
            return
        if " ".join(term.lower().split()).split(" of ")[0] in self.non_labels:
            return  # "the placebo group": a part of a trial (non_labels.txt), whatever it was resolved to
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        key = (term.lower(), entity_id, tokens[0].sent.start)
        if key in self.seen:
            return
        self.seen.add(key)
        quote = quotation_at(self.ctx, start, end)
        in_quote = quote is not None and not quote.scare
        self.entries.append(
            FramingEntry(
                article_id=self.ctx.article.id,
                term=term,
                category="label",
                target_entity_id=entity_id,
                voice="quote" if in_quote else "outlet",
                speaker_entity_id=quote.speaker_entity_id if in_quote else None,
                evidence=self.ctx.evidence(start, end),
            )
        )


def _name_words(ctx: ArticleContext, entity_id: str) -> set[str]:
    if entity_id not in ctx.name_words:
        ctx.name_words[entity_id] = _compute_name_words(ctx, entity_id)
    return ctx.name_words[entity_id]


def _compute_name_words(ctx: ArticleContext, entity_id: str) -> set[str]:
    entity = ctx.entities.get(entity_id)
    if entity is None:
        return set()
    # only the capitalised words of its names: an epithet spelling ("the Jewish state") is a label, not a name,
    # nor is a description ("Iranian Armed Forces Major General" before the name) or a pronoun
    spellings = [entity.name, *entity.aliases, *(m.text for m in entity.mentions if m.kind not in ("epithet", "description", "pronoun"))]
    return {w.lower() for spelling in spellings for w in spelling.replace("-", " ").split() if w[:1].isupper() and not _is_epithet_text(w, spelling)}


def _is_own_name(ctx: ArticleContext, mention: Span, entity_id: str) -> bool:
    """True when the mention, without its article, is one of the entity's names."""
    entity = ctx.entities.get(entity_id)
    if entity is None:
        return False
    words = [t.lower_ for t in mention if t.dep_ not in ("det", "poss", "case")]
    text = " ".join(words)
    # Spellings seen only as epithets ("the Jewish state") are labels, whatever the alias list holds.
    epithets = {" ".join(m.text.lower().split()) for m in entity.mentions if m.kind == "epithet"}
    names = [n for n in [entity.name, *entity.aliases] if " ".join(n.lower().split()) not in epithets]
    return any(" ".join(n.lower().split()).removeprefix("the ") == text for n in names)


def _is_epithet_text(word: str, spelling: str) -> bool:
    first = spelling.split()[0].lower() if spelling.split() else ""
    return first in ("the", "a", "an") or spelling.split()[-1][:1].islower()


def _label_noun_of(mention: Span, entity_id: str, lexicon: Lexicon, out: _Collector, names: set[str]) -> None:
    """2b. a label noun the mention is "of": "a mob of student rioters", "the regime of X" label the actor."""
    root = mention.root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i >= mention.start:
        return
    noun = preposition.head
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in lexicon.label_heads:
        out.add(_left_chain(noun, noun.i) + [noun], entity_id, names)


def _names_another(ctx: ArticleContext, root: Token, mention: Span, entity_id: str) -> bool:
    """True when a description's noun stands right before another actor's name it describes:
    "the private company Bluewake Lines" (the name its compound head or its appositive)."""
    doc = mention.doc
    if mention.end >= len(doc):
        return False
    after = doc[mention.end]
    other = ctx.entity_of_token(after)
    if other in (None, entity_id) or after.pos_ != "PROPN" or not mention[-1].whitespace_:
        return False
    return root.head.i >= mention.end and ctx.entity_of_token(root.head) == other or any(
        c.dep_ == "appos" and ctx.entity_of_token(c) == other for c in root.children)


def _another_name(ctx: ArticleContext, tokens: list[Token], entity_id: str) -> bool:
    """True when a premodifier is wholly another actor's name (not a people's: "Lebanese" stays a
    label): "Mayor of Sankt Ulmen Petra Kessel" parsed with the town before the name says where, not who."""
    words = [t for t in tokens if not t.is_punct]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False  # a description resolved to another actor ("the private company X") is handled apart
    others = {ctx.entity_of_token(t) for t in words}
    if len(others) != 1 or None in others or entity_id in others:
        return False
    other = ctx.entities.get(next(iter(others)))
    if other is None or other.type == "NORP":
        return False
    # a people's adjective of a country ("Syrian state news agency X") is a label of X, not the country's name
    text = " ".join(t.text for t in words).lower()
    return not any(m.kind == "demonym" and m.text.lower() == text for m in other.mentions)


def _through_name(ctx: ArticleContext, tokens: list[Token]) -> list[Token]:
    """Extend a phrase that stops inside another actor's name to the name's end ("chair of the
    Friends" of "chair of the Friends of the Meridian"): a label never cuts a name in two."""
    if not tokens:
        return tokens
    last = tokens[-1]
    other = ctx.entity_of_token(last)
    if other is None:
        return tokens
    end = last.idx + len(last.text)
    ends = [s.end for s in ctx.entity_spans if s.entity_id == other and s.start <= last.idx < s.end]
    if not ends or max(ends) <= end:
        return tokens
    more = ctx.doc.char_span(end, max(ends), alignment_mode="expand")
    extra = [t for t in (more or []) if t.i > last.i]
    return tokens + extra if len(tokens) + len(extra) <= _MAX_PHRASE else tokens


_SENTENCE_ENDS = frozenset(".!?\"”’'…")


def _speaker_tag(mention: Span) -> bool:
    """True when a description opens a headline-style line as the speaker of what follows a colon:
    "Chief executive: emergency patients still seen" (a live entry's or a cross-head's headline,
    with no sentence end). It says who spoke, in headline shorthand; the story names the title
    where it tells the remark, and counting the shorthand too would double the label."""
    doc = mention.doc
    if mention.end >= len(doc) or doc[mention.end].text != ":":
        return False
    sentence = mention[0].sent
    first = next((t for t in mention if t.dep_ not in ("det", "poss")), mention[0])
    if not (opens_sentence(first) or all(t.is_space or t.is_punct or t.like_num or t.pos_ == "NUM" for t in doc[sentence.start:mention.start])):
        return False
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return last is not None and last.text[-1:] not in _SENTENCE_ENDS


def _of_phrase(noun: Token, end: int) -> list[Token]:
    """The "of" phrase right after a description the understanding cut at its noun ("The head" of "The
    head of the fire service"): the label is the whole description, "head of the fire service"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            phrase = [t for t in child.subtree]
            # up to a comma or bracket: "the commander of the Brigades, Yusuf Darrak" (the name in apposition)
            cut = next((k for k, t in enumerate(phrase) if t.text in ",;:()[]—–"), len(phrase))
            phrase = phrase[:cut]
            if len(phrase) < _MAX_PHRASE and not any(_is_measure(t) or t.lower_ in _DAY_WORDS for t in phrase):
                return [t for t in phrase if not (t.dep_ == "punct" and t.text not in "-–")]
    return []


# Endings of nouns that name people by what they do ("ringleader", "investigator", "activist", "trustee").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "ess", "ar", "ive", "ier", "ner")


def _names_a_person(token: Token, lexicon: Lexicon) -> bool:
    """Whether a noun may name a person it stands in apposition to: a word for people, a title, a label
    noun, a loaded word, or a noun of an agent's ending ("ringleader"); "the escape, X" (a misparse of
    "the man police believe led the escape, X") names none."""
    lemma, lower = token.lemma_.lower(), token.lower_
    return (lemma in lexicon.people_nouns or lower in lexicon.people_nouns or lemma in lexicon.label_heads
            or lemma in word_list("titles.txt") or lower in lexicon.loaded or lemma in lexicon.loaded
            or lower.endswith(_AGENT_ENDINGS) or lemma.endswith(_AGENT_ENDINGS) or lower.removesuffix("s").endswith(_AGENT_ENDINGS)
            or token.pos_ != "NOUN")


def _is_outlet(ctx: ArticleContext, entity_id: str) -> bool:
    """Whether the actor is the article's own outlet ("told Radio Fenlow", "seen by The Clarion" in its own
    article): a description the understanding resolved to it ("the firm") describes someone else."""
    from newsprism.report.view import names_outlet

    entity = ctx.entities.get(entity_id)
    outlet = ctx.article.outlet
    if entity is None or not outlet or entity.type not in ("ORG", "PERSON"):
        return False  # a place in the outlet's name ("The Times of Israel") is no outlet
    # "Israel" of "The Times of Israel": a place the name is "of" does not name the outlet
    return any(names_outlet(n, outlet) and not outlet.lower().endswith(f"of {n.lower()}") for n in (entity.name, *entity.aliases))


def _mention_labels(ctx: ArticleContext, mention: Span, entity_id: str, lexicon: Lexicon, out: _Collector) -> None:
    root = mention.root
    names = _name_words(ctx, entity_id)
    inside = {t.i for t in mention}
    # 5a. the mention is itself an epithet ("the Jewish state" resolved by the understanding stage),
    # unless it is the actor's own name written in lower case ("national audit office", "Oster province")
    if root.pos_ == "NOUN" and _speaker_tag(mention) and not _is_own_name(ctx, mention, entity_id):
        return  # "Chief executive: patients still seen": a headline's who-said-it, the title the story gives her anyway
    if root.pos_ == "NOUN" and root.text[:1].islower() and not _is_own_name(ctx, mention, entity_id):
        if _is_outlet(ctx, entity_id):
            return  # "told Radio Fenlow the firm was sorry": the firm is not the outlet telling it
        if (mention.end < len(mention.doc) and ctx.entity_of_token(mention.doc[mention.end]) == entity_id
                and root.head.i >= mention.end and ctx.entity_of_token(root.head) == entity_id):
            return  # "Fire chief Colonel" right before her name: the name's premodifiers, split as a reader would (step 1)
        if _names_another(ctx, root, mention, entity_id):
            # "the private company Bluewake Lines": the words before a name are that name's label,
            # whatever actor the understanding resolved them to
            return
        # a pronoun possessor goes ("its chair"), a noun one is part of the label ("a patrons' group")
        owners = {t.i for t in mention if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN")}
        # a count of the people is no label of them: "212 asylum seekers", "about 350 protesters" -> "asylum seekers"
        counts = {t.i for c in mention if c.dep_ in ("nummod", "quantmod") and c.head.i == root.i and c.pos_ == "NUM" for t in c.subtree}
        tokens = [t for t in mention if (t.dep_ not in ("det", "poss", "case") or t.i in owners or t.head.i in owners) and t.i not in counts]
        out.add(tokens + _of_phrase(root, mention.end), entity_id, set())
        _label_noun_of(mention, entity_id, lexicon, out, set())
        return
    # 1. premodifiers before the name, unless the name is glued into a compound ("Damascus-Tehran ties")
    doc = mention.doc
    glued = mention.start > 0 and doc[mention.start - 1].whitespace_ == "" and not doc[mention.start - 1].is_quote
    # a name that only modifies another noun ("a new U.S. embassy") lends it no premodifiers: they are the noun's
    modifier_only = root.dep_ in ("compound", "amod", "nmod") and root.head.i >= mention.end
    chain = [] if glued or modifier_only else _left_chain(root, mention.start)
    # "approved sending businessman X": a gerund right after a verb is that verb's complement, which the
    # parse hung on the name as a modifier ("the grieving widow X" keeps its article before it)
    while chain and chain[0].tag_ == "VBG" and chain[0].i > 0 and doc[chain[0].i - 1].pos_ in ("VERB", "AUX"):
        chain = chain[1:]
    # the name in apposition to a noun just before it: "the terrorist group Kessel", "the minister, X"
    head = root.head
    between = doc[head.i + 1 : mention.start] if head.i < mention.start else None
    if (
        root.dep_ == "appos"
        and between is not None
        and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and len(between) == 0))  # "Tijuana, Mexico" is a place, not a label
        # the noun may be a description the understanding resolved to another actor ("the private company X")
        and (ctx.entity_of_token(head) in (None, entity_id) or (len(between) == 0 and head.text[:1].islower()))
        and all(t.text == "," or t in chain for t in between)
        and (ctx.entities.get(entity_id) is None or ctx.entities[entity_id].type != "PERSON" or _names_a_person(head, lexicon))
    ):
        chain = _left_chain(head, head.i) + [head]
    elif (root.dep_ == "appos" and between is not None and head.pos_ == "NOUN" and head.text[:1].islower()
          and ctx.entity_of_token(head) in (None, entity_id)
          and (rest := [t for t in between if t not in chain]) and len(rest) > 1 and rest[-1].text == ","
          and rest[:-1] == _of_phrase(head, head.i + 1)):
        # "The head of the fire service, Colonel X": the description with its "of" phrase is the label
        out.add(_left_chain(head, head.i) + [head] + _of_phrase(head, head.i + 1), entity_id, names)
    for label in split_labels(chain):
        if not _another_name(ctx, label, entity_id):
            out.add(label, entity_id, names)
    # 2. a label noun built on the name: "the Voran regime", "Kessel fighters"
    # a person's "government" or "supporters" are others, led or followed by them; only a loaded noun ("X's regime",
    # "X's cronies") casts the person
    person = ctx.entities.get(entity_id) is not None and ctx.entities[entity_id].type == "PERSON"
    if (root.dep_ in ("compound", "poss", "nmod", "amod") and head.i >= mention.end and head.lemma_.lower() in lexicon.label_heads
            and (not person or head.lemma_.lower() in lexicon.loaded or head.lower_ in lexicon.loaded)):
        mods = [t for t in _left_chain(head, head.i) if t.i not in inside]
        out.add(mods + [head], entity_id, names)
    _label_noun_of(mention, entity_id, lexicon, out, names)
    # 3. appositives after the name: "Israel, Iran's enemy, ..."
    for child in root.children:
        # a dash, colon or bracket before the appositive's noun: an aside or a dateline's agency, no label
        dashed = any(t.text in "—–:(" for t in doc[mention.end : child.i])
        if child.dep_ == "appos" and child.i >= mention.end and child.pos_ in ("NOUN", "PRON", "NUM", "PROPN") and not dashed and not any(_is_measure(t) for t in child.subtree if t.i <= child.i):
            if child.pos_ == "PROPN" and ctx.entity_of_token(child) not in (None, entity_id):
                continue
            if any(p.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() == child.lemma_.lower() for o in p.children)
                   for p in child.children):
                continue  # "rebuild X, house by house", "street by street": how, not who
            phrase = _through_name(ctx, _phrase(child))
            poss = [t for t in child.lefts if t.dep_ == "poss"]
            if poss:  # keep "Iran's" in "Iran's enemy": the relation is the label
                phrase = [t for t in child.subtree if poss[0].left_edge.i <= t.i < phrase[0].i] + phrase if phrase else phrase
            out.add(phrase, entity_id, names)
    # 4. predicates: "X is the main supporter of Y"; "described X as a partner"
    verb = root.head
    negated = any(c.dep_ == "neg" for c in verb.children)  # "X is not a country to seek asylum" labels nothing
    # "the Party's move" described as "a coup": the possessed thing is described, not its owner
    owner = any(c.dep_ == "case" for c in root.children)
    # "called it a political case": a pronoun may stand for a thing the understanding took for an actor;
    # through it, only a noun that can name people or a body labels the actor
    pronoun = root.pos_ == "PRON"

    def describes(noun: Token) -> bool:
        return not pronoun or _names_a_person(noun, lexicon)

    if root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be" and not negated and not owner:
        for child in verb.children:
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN") and ctx.entity_of_token(child) is None and describes(child):
                out.add(_phrase(child), entity_id, names)
    if root.dep_ == "dobj" and verb.lemma_.lower() in _DESCRIBING_VERBS and not negated and not owner:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj" and describes(obj):
                        out.add(_phrase(obj), entity_id, names)
            elif child.dep_ in ("oprd",) and child.pos_ in ("NOUN", "ADJ") and describes(child):
                out.add(_phrase(child), entity_id, names)


def _entity_named(ctx: ArticleContext, name: str) -> str | None:
    name = name.lower()
    for entity in ctx.entities.values():
        if entity.name.lower() == name or name in (a.lower() for a in entity.aliases):
            return entity.id
    return None


def _salient_country(ctx: ArticleContext, sentence: Span) -> str | None:
    """Return the country in subject position in one of the two sentences before, if any.

    Only the recent subject: a country merely named earlier is too weak a cue, and a wrong
    target is worse than no label.
    """
    sents = [s for s in sentence.doc.sents if s.end <= sentence.start][-2:]
    for sent in reversed(sents):
        for token in sent:
            entity = ctx.entities.get(ctx.entity_of_token(token) or "")
            if entity is not None and entity.type == "GPE" and token.dep_ in ("nsubj", "nsubjpass"):
                return entity.id
    return None


def _epithet_labels(ctx: ArticleContext, lexicon: Lexicon, out: _Collector) -> None:
    for chunk in ctx.doc.noun_chunks:
        words = [t for t in chunk if t.dep_ not in ("det", "predet")]
        if not words:
            continue
        root_entity = ctx.entity_of_token(chunk.root)
        if root_entity is not None:
            continue  # a resolved mention: handled with its entity
        named = [ctx.entities.get(ctx.entity_of_token(t) or "") for t in words]
        if any(e is not None and e.type not in ("NORP",) for e in named):
            continue  # built on a name ("the Voran regime"): a label of that actor, not an epithet
        text = " ".join(_text(u) for u in _units(words)).lower()
        entity_id = None
        if text in lexicon.epithets:
            entity_id = _entity_named(ctx, lexicon.epithets[text])
        elif (
            chunk.root.lemma_.lower() in lexicon.state_heads
            and chunk[0].lower_ == "the"
            and any(t.dep_ in ("amod", "compound") and t.text[:1].isupper() and t.i > chunk.start for t in words[:-1])
        ):
            entity_id = _salient_country(ctx, chunk.sent)
        if entity_id:
            out.add(words, entity_id, set())


def find_labels(ctx: ArticleContext, lexicon: Lexicon) -> list[FramingEntry]:
    """Return the labels the article attaches to each located entity."""
    out = _Collector(ctx, lexicon.non_labels)
    for span in ctx.entity_spans:
        mention = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
        if mention is None or len(mention) == 0:
            continue
        _mention_labels(ctx, mention, span.entity_id, lexicon, out)
    _epithet_labels(ctx, lexicon, out)
    return out.entries
