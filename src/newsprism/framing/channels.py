"""Channels: the relaying sources an outlet leans on (state TV, a news agency, another outlet).

Read from the understanding stage's quote channels, from "according to X", and from a
relaying subject of a reporting verb ("state television said", "the agency quoted X",
"aired on state TV") whose noun phrase holds a channel word (channels.txt) or names an
organisation that reports; from the medium after a verb of saying ("said in a statement", "wrote on
Threadline, the social network") and the public occasion a remark was told to ("told a press
conference": channels.txt rows tagged 'event'). A remark told to the outlet itself ("told Radio Wex" in Radio Wex's
own article, "said to this newspaper") is the channel FIRST_HAND, aimed at its speaker: the outlet
heard it, where another outlet printing the same remark relays Radio Wex. A remark whose speaker is unnamed
("sources told the Torch", "two officials familiar with the talks said": channels.txt rows tagged 'anonymous')
is the channel ANONYMOUS ("anonymous sources"), not first hand, whoever it was told to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from newsprism.framing.context import ArticleContext
from newsprism.framing.lexicon import Lexicon
from newsprism.framing.voice import quotation_at
from newsprism.models import FramingEntry, Understanding
from newsprism.report.view import names_outlet  # one rule for the report's 'via' and the framing channels

FIRST_HAND = "first hand"
"""The channel of a remark told to the outlet that prints it ('told Radio Wex' in Radio Wex, 'said to this
newspaper'): no relay; its target is the speaker."""
ANONYMOUS = "anonymous sources"
"""The channel of a remark whose speaker the article does not name ('sources told the Torch', 'two officials
familiar with the talks said', 'a senior police source said'): the outlet leans on people the reader cannot
check, whether they spoke to it or to another outlet."""
_ACCORDING_TO = re.compile(r"according\s+to\s+(?:an?\s+|the\s+)?$")
_RELAY_VERBS = {"report", "say", "quote", "cite", "air", "broadcast", "publish", "carry", "show", "announce", "run", "release"}
_RELAY_PREPS = {"on", "by", "in", "from", "via", "to"}


_MEDIUM_PREPS = {"in", "on", "via"}  # "said in a statement", "wrote on Threadline", "said via a spokesman's post"
_TELLING_VERBS = {"tell", "address", "brief"}


@lru_cache(maxsize=1)
def _events() -> frozenset[str]:
    """Public occasions where a remark is made to the press (channels.txt rows tagged 'event')."""
    from newsprism.framing.lexicon import read_rows

    return frozenset(row[0] for row in read_rows("channels") if len(row) > 1 and row[1] == "event")


@lru_cache(maxsize=1)
def _anonymous_heads() -> frozenset[str]:
    """Nouns naming a speaker who stays unnamed (channels.txt rows tagged 'anonymous': "sources", "officials")."""
    from newsprism.framing.lexicon import read_rows

    return frozenset(row[0] for row in read_rows("channels") if len(row) > 1 and row[1] == "anonymous")


_SPEAKER_TAIL = re.compile(r"\s+(?:,|familiar|close|with|at|in|from|of|who|inside|involved|briefed|speaking|on)\b.*$", re.I)


def is_anonymous_speaker(speaker_text: str | None) -> bool:
    """Whether a quote's speaker, as the article names them, is unnamed: the head noun of "sources",
    "two officials familiar with the talks", "a senior police source" (the noun before what follows it)
    is a channels.txt 'anonymous' noun, and no word of it but the first is capitalised (a name)."""
    if not speaker_text:
        return False
    head = _SPEAKER_TAIL.sub("", " ".join(speaker_text.split()))
    words = head.split()
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return words[-1].lower().strip(".,;:") in _anonymous_heads()


def _is_event(tokens: list[Token]) -> bool:
    words = {t.lower_ for t in tokens}
    pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(tokens, tokens[1:])}
    return bool((words | pairs) & _events())


def _apposition(token: Token) -> list[Token]:
    """The appositive after a name, which may say what it is: "Threadline, the social network"."""
    return [t for c in token.children if c.dep_ == "appos" for t in c.subtree]


def _np(token: Token) -> list[Token]:
    """Return the noun phrase of `token` without determiners, clauses or a trailing prepositional phrase."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("det", "predet", "relcl", "acl", "punct", "cc", "conj", "appos", "prep") and not (child.dep_ == "punct" and child.text in "-–"):
            if child.dep_ == "prep" and child.i < token.i:
                keep += list(child.subtree)
            continue
        keep += list(child.subtree)
    keep.sort(key=lambda t: t.i)
    run = [keep[0]]
    for t in keep[1:]:
        if t.i != run[-1].i + 1:
            if t.i > token.i:
                break
            run = [t]
            continue
        run.append(t)
    return run


_PLANNED = {"will", "would", "shall", "could", "may", "might", "must", "should"}  # auxiliaries of what is not yet told
# channel words that also end the names of public bodies ("the Environment Agency"): such a name that says
# something speaks for itself, unless another channel word marks it a medium ("the Velsk News Agency")
_BODY_WORDS = {"agency"}


def _body_speaking(tokens: list[Token], verb: Token, lexicon: Lexicon) -> bool:
    """True when a name like "the Environment Agency" is the subject of "said": a public body telling its own
    findings, not a news agency relaying someone (that one "reported" or "quoted")."""
    if verb.lemma_.lower() != "say":
        return False
    words = [t for t in tokens if not t.is_punct]
    if not words or words[-1].lower_ not in _BODY_WORDS or not words[-1].text[:1].isupper():
        return False
    return not ({t.lower_ for t in words[:-1]} - _BODY_WORDS) & lexicon.channels


def _is_channel(ctx: ArticleContext, tokens: list[Token], lexicon: Lexicon) -> bool:
    words = {t.lower_ for t in tokens}
    pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(tokens, tokens[1:])}
    return bool(words & lexicon.channels or pairs & lexicon.channels)


def _entry(ctx: ArticleContext, tokens: list[Token]) -> FramingEntry | None:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    term = ctx.article.text[start:end].strip(" ,.;:")
    if not any(c.isalpha() for c in term):
        return None
    # the relaying organisation itself, not a place in its name ("Norland's Radio Lindorf")
    entity_id = None
    for t in sorted(tokens, key=lambda t: (t.dep_ in ("poss", "case", "amod", "npadvmod"), -t.i)):
        entity_id = entity_id or ctx.entity_of_token(t)
    quote = quotation_at(ctx, start, end)
    in_quote = quote is not None and not quote.scare
    return FramingEntry(
        article_id=ctx.article.id,
        term=term,
        category="channel",
        target_entity_id=entity_id,
        voice="quote" if in_quote else "outlet",
        speaker_entity_id=quote.speaker_entity_id if in_quote else None,
        evidence=ctx.evidence(start, end),
    )


@lru_cache(maxsize=1)
def _speaking_bodies() -> frozenset[str]:
    """Head nouns of bodies that speak for themselves after "according to" ("according to the council",
    "the union"): the understanding stage's list (data/understand/org_kinds.csv, speaking_bodies.txt),
    so a quote's speaker there and a channel here never disagree. A channel word (channels.txt:
    "agency", "radio") in the phrase still makes it a channel."""
    from newsprism.understand.nlp import table, word_list

    return frozenset(row["word"] for row in table("org_kinds.csv")) | word_list("speaking_bodies.txt")


def find_channels(ctx: ArticleContext, understanding: Understanding, lexicon: Lexicon) -> list[FramingEntry]:
    """Return every relaying source the article cites, once per sentence and source."""
    found: list[FramingEntry] = []
    doc = ctx.doc
    for token in doc:
        tokens: list[Token] | None = None
        # "according to X"
        if token.lower_ == "to" and token.i > 0 and doc[token.i - 1].lower_ == "according":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                phrase = _np(objects[0])
                # "According to Ben Salah, ...", "according to a source at the club", "according to the
                # union": a person or a body of people is the speaker, not a medium relaying someone.
                person = ctx.entities.get(ctx.entity_of_token(objects[0]) or "")
                head = objects[0].lemma_.lower()
                people = head in lexicon.people_nouns or objects[0].lower_ in lexicon.people_nouns or head in _speaking_bodies()
                if (not people and (person is None or person.type != "PERSON")) or _is_channel(ctx, phrase, lexicon):
                    tokens = phrase
        # "state TV reported", "the agency quoted X": a relaying subject of a reporting verb
        elif token.dep_ in ("nsubj",) and token.head.lemma_.lower() in _RELAY_VERBS:
            phrase = _np(token)
            entity = ctx.entities.get(ctx.entity_of_token(token) or "")
            # by its name only: "It is carrying 4,200 tonnes" (a ship the understanding resolved to a body) relays nobody
            verb = token.head
            relays_by_name = (entity is not None and entity.type == "ORG" and token.pos_ != "PRON"
                              and verb.lemma_.lower() in ("report", "quote", "air", "broadcast", "publish", "carry")
                              # "Tellmark reported sales of 410 million": a firm telling its own figures relays nobody
                              and not (verb.lemma_.lower() == "report" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
                                       and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)))
            # "the LSBC will publish its readings": what is yet to be told relays nothing the article prints
            planned = any(c.dep_ == "aux" and c.lower_ in _PLANNED for c in verb.children)
            if (_is_channel(ctx, phrase, lexicon) and not _body_speaking(phrase, verb, lexicon)) or relays_by_name:
                tokens = None if planned else phrase
        # "aired on Iranian state TV", "a video published by the agency"
        elif token.dep_ == "pobj" and token.head.lower_ in _RELAY_PREPS and token.head.head.lemma_.lower() in _RELAY_VERBS - {"say"}:
            phrase = _np(token)
            if _is_channel(ctx, phrase, lexicon):
                tokens = phrase
        # the medium a speaker used: "said in a statement", "wrote on Threadline, the social network"
        elif (token.dep_ == "pobj" and token.head.lower_ in _MEDIUM_PREPS | {"at"} and token.head.head.pos_ == "VERB"
              and token.head.head.lemma_.lower() in lexicon.attribution_verbs):
            phrase = _np(token)
            while len(phrase) > 1 and phrase[0].pos_ == "DET":
                phrase = phrase[1:]  # "on the union's website": the website, as the quote's channel names it
            # "said at a press conference": at an occasion (not "said at the depot")
            if _is_event(phrase) if token.head.lower_ == "at" else _is_channel(ctx, phrase + _apposition(token), lexicon):
                tokens = phrase
        # where a remark was made to the press: "told a press conference in Kelmar"
        elif token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in _TELLING_VERBS and token.pos_ == "NOUN":
            phrase = _np(token)
            if _is_event(phrase):
                tokens = phrase
        if tokens:
            entry = _entry(ctx, tokens)
            if entry:
                found.append(entry)
    # the understanding stage's channels, where this article itself names the channel near the quote
    # (a quote's channel comes from one rendering; another outlet may not relay it the same way)
    text_lower = ctx.article.text.lower()
    for quote in understanding.quotes:
        for variant in quote.variants:
            anonymous = quote.speaker_entity_id is None and is_anonymous_speaker(variant.speaker_text or quote.speaker)
            if anonymous:
                # "sources told the Torch", "a senior police source said": unnamed speakers, once per sentence
                for ev in variant.evidence:
                    if ev.article_id == ctx.article.id:
                        found.append(FramingEntry(article_id=ctx.article.id, term=ANONYMOUS, category="channel",
                                                  evidence=ctx.evidence(ev.start, ev.end)))
            # a rendering's own channel: one remark reaches outlets by different ways (the union's website
            # for one, "told Radio Estmark" for another), and the remark's channel is only one of them
            channel = variant.channel or quote.channel
            if not channel:
                continue
            speaker = " ".join((variant.speaker_text or quote.speaker or "").lower().split()).removeprefix("the ")
            if speaker and speaker == " ".join(channel.lower().split()).removeprefix("the "):
                continue  # "the Environment Agency said": the speaker is no channel of its own words
            for ev in variant.evidence:
                if ev.article_id != ctx.article.id:
                    continue
                window_start = max(0, text_lower.rfind("\n", 0, max(0, ev.start - 1)))
                window_end = text_lower.find("\n", ev.end + 1)
                at = text_lower.find(channel.lower(), window_start, window_end if window_end != -1 else len(text_lower))
                if at < 0 and names_outlet(channel, ctx.article.outlet):
                    # the outlet names itself short: "told the Courier" in the Tarnwick Courier
                    short = re.compile(r"\b(?:the|this)\s+(" + re.escape(channel.split()[-1]) + r")\b")
                    m = short.search(ctx.article.text, window_start, window_end if window_end != -1 else len(text_lower))
                    at = m.start(1) if m else -1
                if at < 0:
                    continue
                if anonymous and (text_lower[max(0, at - 5):at] in ("this ", "our ") or names_outlet(channel, ctx.article.outlet)):
                    continue  # unnamed sources told the outlet itself: ANONYMOUS above, not first hand
                if text_lower[max(0, at - 5):at] in ("this ", "our ") or names_outlet(channel, ctx.article.outlet):
                    # "said ... to this newspaper", "told Radio Wex" in Radio Wex: the outlet heard the speaker
                    # itself and relays nobody; the channels say so beside other outlets' "Radio Wex". Its own
                    # translation ("according to an NPA translation") says nothing of who heard the speaker.
                    if _ACCORDING_TO.search(text_lower, max(0, at - 30), at):
                        continue
                    found.append(FramingEntry(article_id=ctx.article.id, term=FIRST_HAND, category="channel",
                                              target_entity_id=quote.speaker_entity_id, evidence=ctx.evidence(at, at + len(channel))))
                else:
                    found.append(FramingEntry(article_id=ctx.article.id, term=channel, category="channel", evidence=ctx.evidence(at, at + len(channel))))
    unique: dict[tuple, FramingEntry] = {}
    for entry in found:
        if names_outlet(entry.term, ctx.article.outlet):
            continue
        key = (entry.term.lower().removeprefix("the "), entry.evidence.start)
        unique.setdefault(key, entry)
    # a channel inside a longer channel phrase of the same sentence ("SANA" in "state news agency SANA") counts once
    kept = list(unique.values())
    return [e for e in kept if not any(o is not e and o.evidence.start == e.evidence.start and e.term.lower() in o.term.lower() and len(o.term) > len(e.term) for o in kept)]
