"""Every pydantic model that crosses a stage boundary, defined once.

The JSON report, the DuckDB store and the web API all use these models, so a
field name here is a contract: `report.json` keeps these names (see the
foundation issue), and `schema/report.schema.json` is generated from `Report`.

How a value flows through the pipeline::

    ingest:     path / URL        -> Article          (raw text or HTML + input metadata)
    clean:      Article           -> CleanArticle     (body, comments, removed parts, metadata)
    group:      [CleanArticle]    -> [StoryGroup]     (which articles report one event)
    understand: StoryGroup        -> Understanding    (sentences, entities, quotes, numbers, dates, claims)
    compare:    Understanding     -> Comparison       (facts, conflicts, exclusives, omissions, timeline, summary)
    framing:    Understanding     -> [FramingEntry]
    report:     Report            -> report.json / report.md / report.html

Evidence always points into `CleanArticle.text` by character offsets, so every
conclusion can be checked against the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import PurePath
from urllib.parse import urlsplit
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    """Base for all models: unknown fields are refused so typos surface early."""

    model_config = ConfigDict(extra="forbid")


def content_id(text: str, prefix: str = "a") -> str:
    """Return a stable id for a piece of content (same content -> same id)."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{prefix}_{digest}"


# --------------------------------------------------------------------------- ingest


class Article(Model):
    """One input article as read, before cleaning.

    `raw` holds the text or HTML exactly as decoded from the input; the
    metadata fields hold only what the input itself carried (a JSONL field, a
    feed entry's link, a WARC record's URL), never a guess.
    """

    id: str = Field(description="Hash of the raw content: the same input read twice gets the same id.")
    source_path: str = Field(description="The input's path or URL as given.")
    record: int | None = Field(default=None, description="1-based record number inside a multi-article input (JSONL line, feed entry, WARC record).")
    raw: str = Field(description="Decoded text or HTML, as read.")
    format: Literal["text", "html"] = Field(description="Whether `raw` is plain text or HTML.")
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = Field(default=None, description="As given by the input; normalised by clean.")
    captured: str | None = Field(
        default=None,
        description="When the page was saved or fetched, as the input says (a WARC-Date, an MHTML Date header, a saved "
        "page's own stamp, a JSONL capture field; normalised by clean); never a file's modification time, never the publication date.",
    )


# --------------------------------------------------------------------------- clean


class Comment(Model):
    """A reader comment, kept apart from the article body."""

    author: str | None = None
    posted: str | None = Field(default=None, description="ISO 8601 date or datetime when known.")
    text: str


class Removed(Model):
    """A piece of the input left out of the clean text, and why."""

    text: str
    reason: str = Field(description="navigation, newsletter, teaser, caption, comment_section, title, byline, dateline, ...")


class LiveEntry(Model):
    """One entry of a live page: where it starts in the clean text and when the outlet posted it."""

    start: int = Field(description="Offset in CleanArticle.text where the entry's first paragraph starts.")
    time: str = Field(description="When the entry was posted: ISO 8601 when the page dates it, else the clock time it shows ('16:00').")
    stamp: int = Field(default=0, description="Length of the time stamp the text carries at `start` ('16:00 - '); 0 when the text does not carry it.")


class CleanArticle(Model):
    """An article as newsprism reads it: clean body, comments apart, metadata as fields."""

    id: str
    source_path: str
    record: int | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime; never invented.")
    captured: str | None = Field(
        default=None,
        description="When the page was saved or fetched (Article.captured), ISO 8601: what a relative time on it ('3 min ago') counts back from.",
    )
    text: str = Field(description="The clean body.")
    comments: list[Comment] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    entries: list[LiveEntry] = Field(
        default_factory=list,
        description="A live page's entries with their times (empty for other pages): metadata, no part of what the entries say.",
    )


class OutletInfo(Model):
    """One row of the outlet registry (`data/outlets.csv`, extended by the user's own file)."""

    domain: str = Field(description="Web domain; also matches its subdomains.")
    outlet: str = Field(description="The outlet's name as readers know it.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    owner: str | None = None
    leaning: str | None = Field(default=None, description="Only when a user's file supplies one; never guessed.")


def publication_day(published: str | None) -> "dt.date | None":
    """Return the day part of an ISO 8601 publication date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def article_label(article: CleanArticle) -> str:
    """Name an article as a reader knows it: its outlet, else its web host, else "unnamed outlet:" and its file (and record).

    The summary's sentences and the reports' tables use this one name, so a source named in
    a summary sentence is the same name as its column in the report.
    """
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlsplit(article.url.strip()).netloc.lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    # nothing on the page names the outlet: say so, and tell the file apart (a file name is no outlet)
    name = PurePath(article.source_path).name or article.source_path
    return f"unnamed outlet: {name} #{article.record}" if article.record else f"unnamed outlet: {name}"


# --------------------------------------------------------------------------- group


class StoryGroup(Model):
    """Articles that report one event."""

    id: str = Field(description="Derived from the members, stable across runs.")
    title: str
    article_ids: list[str]


def story_id(article_ids: list[str]) -> str:
    """Return a story id derived from its first (oldest-known) member."""
    return content_id("|".join(sorted(article_ids)[:1]), prefix="s")


# --------------------------------------------------------------------------- evidence


class Evidence(Model):
    """A sentence of one article that supports a finding; offsets index `CleanArticle.text`.

    `in_title`: the sentence is the article's headline (`CleanArticle.title`), which the clean text
    does not hold: `start` and `end` are then 0 and index nothing; the report cites it as "(headline)".
    """

    article_id: str
    text: str
    start: int
    end: int
    in_title: bool = False


# --------------------------------------------------------------------------- understand


class Sentence(Model):
    article_id: str
    index: int
    start: int
    end: int
    text: str


class Mention(Model):
    article_id: str
    text: str
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None
    kind: str = Field(default="name", description="How the text refers to the entity: name, surname, acronym, demonym ('Iranian' -> Iran), capital ('Tehran says' -> Iran), epithet ('the Jewish state'), pronoun ('he', 'its': resolved in its article to an earlier mention), description ('the president', 'the company', 'the Trump administration': resolved by title, role or head noun). Pronouns and descriptions are never an entity's name or alias.")


class Entity(Model):
    """One real actor, across every spelling the story's articles use."""

    id: str
    name: str = Field(description="Canonical name.")
    type: str = Field(description="PERSON, ORG, GPE, NORP, ...")
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description="Titles and ranks seen with the name, as evidence.")
    mentions: list[Mention] = Field(default_factory=list)


class QuoteVariant(Model):
    text: str
    article_ids: list[str]
    evidence: list[Evidence] = Field(default_factory=list)
    direct: bool = True
    partial: bool = Field(default=False, description="A quoted fragment woven into the outlet's own sentence, not a whole quoted remark.")
    speaker_text: str | None = Field(default=None, description="How this article names the speaker ('he', 'the Veskan minister', 'Korvel').")
    channel: str | None = Field(default=None, description="Who relayed this rendering, when its article says so (state TV, a news agency); renderings of one remark may come through different channels.")


class Quote(Model):
    """One remark, with every rendering of it across articles."""

    id: str = ""
    speaker: str | None = None
    speaker_entity_id: str | None = None
    channel: str | None = Field(default=None, description="Who relayed it: state TV, a news agency, another outlet (the channel most of its renderings name).")
    variants: list[QuoteVariant] = Field(default_factory=list)


class NumberMention(Model):
    """A number with what it counts and its bounds (`low`/`high` None when open)."""

    article_id: str
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = Field(default=None, description="What is counted: people, strikes, ships, USD ...")
    kind: str = Field(default="count", description="count, money, duration, percent, ordinal ...")
    sentence_index: int | None = None
    start: int | None = None
    end: int | None = None


class DateMention(Model):
    """A date expression and what it resolves to."""

    article_id: str
    text: str
    kind: str = Field(description="date, year, range, relative, duration")
    value: str | None = Field(default=None, description="ISO date (or year / range start) it resolves to; None if unknown.")
    end: str | None = Field(default=None, description="Range end, when a range.")
    time: str | None = Field(default=None, description="Time of day the text gives with the day: 'HH:MM' on the 24-hour clock as written ('24:00' is the day's end: 'before midnight'), or a part of the day ('early', 'morning', 'afternoon', 'evening', 'night', 'dawn', 'dusk', 'late'); its bound and zone are told in `resolution`.")
    resolution: str | None = Field(default=None, description="How a relative date was resolved, e.g. 'Wednesday before 2020-07-09'.")
    until_published: bool = Field(default=False, description="A period the text tells as lasting until its report ('since 2029'): `end` is the article's publication date (or its live entry's day), not a date the text gives; the timeline ends one such period of one fact on the latest of its reports' dates.")
    sentence_index: int | None = None
    start: int | None = None
    stop: int | None = None


class Claim(Model):
    """One body sentence as a claim record."""

    id: str
    article_id: str
    sentence_index: int
    text: str
    start: int
    end: int
    entity_ids: list[str] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    attributed_to: str | None = Field(default=None, description="Entity id or name of the source the sentence is attributed to.")
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None


class Understanding(Model):
    """What the understanding stage read from one story's articles."""

    story_id: str
    articles: list[CleanArticle]
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


# --------------------------------------------------------------------------- compare


class Fact(Model):
    id: str
    text: str
    article_ids: list[str]
    independent_sources: int = Field(description="Outlets, not articles: near-copies count once.")
    evidence: list[Evidence] = Field(default_factory=list)
    claim_of: str | None = Field(default=None, description="Entity id of the speaker when the fact is a quoted claim, not established.")
    entity_ids: list[str] = Field(default_factory=list)
    differs: list[str] = Field(
        default_factory=list,
        description="Ids of articles (among article_ids) whose sentence gives another figure for what the text counts or measures "
        "('burned for 20 hours' in the fact 'burned for 14 hours'): they report the event but dispute this figure; the report marks them 'differs', not 'states'.",
    )


class Position(Model):
    value: str
    article_ids: list[str]
    evidence: list[Evidence] = Field(default_factory=list)

    def written(self) -> str:
        """The value as the texts write it: a date position "2020-07-08 (on Wednesday)" -> "on Wednesday"."""
        if self.value.endswith(")") and " (" in self.value:
            return self.value[self.value.index(" (") + 2:-1]
        return self.value


class Conflict(Model):
    id: str
    about: str
    kind: Literal["number", "date", "actor", "place", "cause", "quote_wording"]
    positions: list[Position]
    trend: Literal["rising"] | None = Field(default=None, description="'rising' when the figures rose with their articles' publication times (a toll updated across reports); None otherwise.")


class Omission(Model):
    """Facts most other outlets report that this article leaves out."""

    article_id: str
    outlet: str | None = None
    fact_ids: list[str]


class CopyRelation(Model):
    """Two articles that are near-copies of one text (count as one source)."""

    article_id: str
    copy_of: str
    similarity: float


class TimelineEvent(Model):
    date: str
    event: str
    article_ids: list[str]
    evidence: list[Evidence] = Field(default_factory=list)
    resolution: str | None = None


class SummarySentence(Model):
    text: str
    article_ids: list[str]
    evidence: list[Evidence] = Field(default_factory=list, description="The source sentence in each cited article; the report's citation chips show it.")


class Comparison(Model):
    facts: list[Fact] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    exclusives: list[str] = Field(default_factory=list, description="Ids of facts only one outlet reports.")
    omissions: list[Omission] = Field(default_factory=list)
    copies: list[CopyRelation] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)


# --------------------------------------------------------------------------- framing


class FramingEntry(Model):
    article_id: str
    term: str
    category: str = Field(description="label, loaded, hedge, attribution_verb, scare_quote, channel")
    target_entity_id: str | None = None
    voice: Literal["outlet", "quote"] = "outlet"
    speaker_entity_id: str | None = None
    evidence: Evidence


class FramingTerm(Model):
    """One framing term as one outlet used it: how often, in whose voice, and where."""

    term: str
    category: str = Field(description="label, loaded, hedge, attribution_verb, scare_quote, channel")
    count: int = 1
    voice: Literal["outlet", "quote"] = "outlet"
    speaker_entity_id: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class LabelRow(Model):
    """The labels each outlet gives one actor: one row per entity, across its spellings."""

    entity_id: str
    entity_name: str
    labels: dict[str, list[FramingTerm]] = Field(default_factory=dict, description="Outlet -> the labels it gives the actor.")


class OutletFraming(Model):
    """One outlet's framing of a story: its counted terms, each with evidence."""

    outlet: str
    article_ids: list[str] = Field(default_factory=list)
    loaded: list[FramingTerm] = Field(default_factory=list)
    hedges: list[FramingTerm] = Field(default_factory=list)
    attribution_verbs: list[FramingTerm] = Field(default_factory=list)
    channels: list[FramingTerm] = Field(default_factory=list)
    scare_quotes: list[FramingTerm] = Field(default_factory=list)


class WordingUse(Model):
    """The words one outlet uses for a referent in one fact, with the sentence they come from."""

    outlet: str
    article_id: str
    words: str = Field(description="The noun phrase as written, without a leading article ('rioters', 'the Voran regime' -> 'Voran regime').")
    evidence: Evidence


class WordChoice(Model):
    """Different words outlets use for the same people where they state the same fact
    (newsprism.framing.wording): the same role of one fact, filled with different words."""

    id: str
    fact_id: str = Field(description="The fact whose evidence sentences are compared.")
    role: str = Field(description="What the referent does or undergoes in the fact, in the first outlet's words ('who clashed with police').")
    entity_id: str | None = Field(default=None, description="The story's entity the words name, when one of them is a resolved name or description; unnamed groups have none.")
    uses: list[WordingUse] = Field(default_factory=list, description="Each outlet's words, one per article, in article order.")


class FramingProfile(Model):
    """A story's framing per outlet (newsprism.framing.framing_profile), for reports and the web app."""

    story_id: str
    outlets: list[OutletFraming] = Field(default_factory=list)
    labels: list[LabelRow] = Field(default_factory=list, description="Outlet x actor table of labels.")


# --------------------------------------------------------------------------- report


class Story(Model):
    """One story in the report: its articles and everything newsprism found."""

    id: str
    title: str
    article_ids: list[str]
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    framing: list[FramingEntry] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    exclusives: list[str] = Field(default_factory=list)
    omissions: list[Omission] = Field(default_factory=list)
    copies: list[CopyRelation] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    word_choices: list[WordChoice] = Field(default_factory=list, description="Different words outlets use for the same people where they state the same fact.")


class Failure(Model):
    """An input (or one record of it) that could not be processed, and why."""

    input_ref: str
    stage: str
    code: str
    message: str


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    generated_by: str = "newsprism"
    articles: list[CleanArticle] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)


# --------------------------------------------------------------------------- store and web (read side)


class OutletCount(Model):
    """How many of a story's articles one outlet wrote (one segment of a coverage bar)."""

    name: str
    articles: int


class StorySummary(Model):
    """One row of the story list: what a reader scans before opening a story."""

    id: str
    title: str
    first_published: str | None = Field(default=None, description="Earliest known publication time of its articles.")
    last_published: str | None = Field(default=None, description="Latest known publication time of its articles.")
    articles: int = 0
    outlets: list[OutletCount] = Field(default_factory=list, description="Outlets covering it, most articles first.")
    facts: int = 0
    conflicts: int = 0
    quotes: int = 0
    analysed: bool = Field(default=False, description="Whether facts, conflicts and framing have been computed.")


class StoryPage(Model):
    """One page of stories, newest first."""

    items: list[StorySummary]
    total: int
    page: int
    page_size: int


class SearchHit(Model):
    """An article matching a full-text search, with the story it belongs to."""

    article_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    story_id: str | None = None
    score: float = Field(description="BM25 relevance (higher is better).")
    snippet: str = Field(description="A short passage of the article around the first match.")


class SearchPage(Model):
    q: str
    items: list[SearchHit]
    total: int
    page: int
    page_size: int


class OutletSummary(Model):
    """An outlet as seen in the store."""

    name: str
    articles: int
    stories: int
    first_published: str | None = None
    last_published: str | None = None


class ActorLabel(Model):
    """A word an outlet uses in its own voice for an actor, counted across stories."""

    actor: str
    actor_type: str | None = None
    term: str
    category: str
    count: int
    stories: int = Field(description="How many stories of this outlet use the term for the actor.")


class OutletFact(Model):
    """A fact seen from one outlet's side: one it alone reports, or one it leaves out."""

    story_id: str
    story_title: str
    fact_id: str
    text: str
    independent_sources: int
    outlets: list[str] = Field(default_factory=list, description="Outlets that report the fact.")


class OutletProfile(Model):
    """An outlet's page: its stories, its labels for recurring actors, its exclusives and blindspots."""

    name: str
    articles: int
    stories: StoryPage
    labels: list[ActorLabel] = Field(default_factory=list)
    exclusive_facts: list[OutletFact] = Field(default_factory=list, description="Facts only this outlet reports, in stories others covered too.")
    blindspot_facts: list[OutletFact] = Field(default_factory=list, description="Well-corroborated facts of stories it covered that it left out.")
    blindspot_stories: list[StorySummary] = Field(default_factory=list, description="Stories most outlets covered and it did not.")
