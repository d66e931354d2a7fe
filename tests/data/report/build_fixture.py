"""Build the hand-made rich Report the report tests render (invented event, invented outlets).

Every name, sentence and number here is made up for newsprism's tests. Offsets are
computed from the sentences, so the evidence always indexes `CleanArticle.text`.

    .venv/bin/python tests/data/report/build_fixture.py   # rewrites rich_report.json
"""

from __future__ import annotations

from pathlib import Path

from newsprism.models import (
    CleanArticle,
    Comment,
    Conflict,
    CopyRelation,
    DateMention,
    Entity,
    Evidence,
    Fact,
    FramingEntry,
    Mention,
    NumberMention,
    Omission,
    Position,
    Quote,
    QuoteVariant,
    Removed,
    Report,
    Story,
    SummarySentence,
    TimelineEvent,
    content_id,
)

HERE = Path(__file__).resolve().parent

# Each article: outlet, url, title, published, paragraphs (lists of sentences), comments, removed.
ARTICLES = {
    "ledger": dict(
        outlet="Harbour Ledger",
        url="https://harbourledger.example/news/aldera-star-aground",
        title="Cargo ship Aldera Star runs aground off Kessel Point",
        published="2026-03-11",
        paragraphs=[
            [
                "The cargo ship Aldera Star ran aground off Kessel Point on Tuesday, the port authority said.",
                "All 21 crew members were taken off the ship by lifeboat crews before dawn.",
            ],
            [
                "Harbour master Ilse Varga said an engine failure left the ship drifting toward the rocks.",
                "\"We are doing everything we can to protect the coastline,\" Varga told reporters.",
                "The reckless operator had allegedly skipped two safety inspections last year.",
            ],
            [
                "The same ship was detained in 2019 after a fuel leak at Brenmouth.",
            ],
        ],
        comments=[Comment(author="gull_watcher", posted="2026-03-11T08:12:00", text="I saw the lights from the pier all night.")],
        removed=[
            Removed(text="Sign up for the morning briefing", reason="newsletter"),
            Removed(text="Home | Ports | Weather", reason="navigation"),
        ],
    ),
    "coastline": dict(
        outlet="Coastline Daily",
        url="https://coastlinedaily.example/2026/03/11/aldera",
        title="Aldera Star grounding: strong winds blamed",
        published="2026-03-11T14:30:00",
        paragraphs=[
            [
                "The freighter Aldera Star struck rocks near Kessel Point on Tuesday night.",
                "About 20 sailors were rescued, according to the coast guard.",
            ],
            [
                "Officials said strong winds pushed the vessel onto the reef.",
                "\"We do everything possible to protect the coast,\" harbour master Ilse Varga said, according to the Tidewater Agency.",
                "The so-called safety plan of the owners has been criticised as a fiasco.",
            ],
        ],
        comments=[],
        removed=[Removed(text="Photo: the ship at dawn (Coastline Daily)", reason="caption")],
    ),
    "wire": dict(
        outlet="Northwind Wire",
        url="https://northwind.example/wire/83721",
        title="Ship aground at Kessel Point, crew safe",
        published="2026-03-10T23:05:00",
        paragraphs=[
            [
                "The cargo ship Aldera Star ran aground off Kessel Point on Tuesday, the port authority said.",
                "More than 30 crew were evacuated from the vessel.",
                "Harbour master Ilse Varga said an engine failure was the likely cause.",
            ],
        ],
        comments=[],
        removed=[],
    ),
    "courier": dict(
        outlet="Velland Courier",
        url="https://vellandcourier.example/aldera-star",
        title="Ship aground at Kessel Point, crew safe",
        published="2026-03-11T06:00:00",
        paragraphs=[
            [
                "The cargo ship Aldera Star ran aground off Kessel Point on Tuesday, the port authority said.",
                "More than 30 crew were evacuated from the vessel.",
                "Harbour master Ilse Varga said an engine failure was the likely cause.",
            ],
        ],
        comments=[
            Comment(author="anon", posted=None, text="Another copy-paste job from the wire."),
            Comment(author="m_ortega", posted="2026-03-11", text="Hope the fishermen get compensation."),
        ],
        removed=[Removed(text="Read more: ferry timetable changes »", reason="teaser")],
    ),
    "blog": dict(
        outlet=None,
        url="javascript:alert(1)",
        title=None,
        published=None,
        paragraphs=[
            [
                "Residents of Kessel Point reported oil on the beach on Wednesday morning.",
                "The ship was carrying 4,000 tonnes of grain.",
            ],
        ],
        comments=[],
        removed=[],
    ),
}


def _article(key: str, spec: dict) -> tuple[CleanArticle, dict[str, Evidence]]:
    text = "\n\n".join(" ".join(p) for p in spec["paragraphs"])
    art_id = content_id(key + text)
    evidence = {}
    for para in spec["paragraphs"]:
        for sentence in para:
            start = text.index(sentence)
            evidence[sentence] = Evidence(article_id=art_id, text=sentence, start=start, end=start + len(sentence))
    article = CleanArticle(
        id=art_id,
        source_path=f"inputs/{key}.txt",
        outlet=spec["outlet"],
        url=spec["url"],
        title=spec["title"],
        published=spec["published"],
        text=text,
        comments=spec["comments"],
        removed=spec["removed"],
    )
    return article, evidence


def build() -> Report:
    """Return the rich invented Report."""
    arts: dict[str, CleanArticle] = {}
    ev: dict[str, dict[str, Evidence]] = {}
    for key, spec in ARTICLES.items():
        arts[key], ev[key] = _article(key, spec)
    ids = {k: a.id for k, a in arts.items()}

    def e(key: str, prefix: str) -> Evidence:
        return next(v for s, v in ev[key].items() if s.startswith(prefix))

    entities = [
        Entity(id="e_ship", name="Aldera Star", type="PRODUCT", aliases=["the freighter"],
               mentions=[Mention(article_id=ids[k], text="Aldera Star") for k in ("ledger", "coastline", "wire", "courier")]),
        Entity(id="e_varga", name="Ilse Varga", type="PERSON", aliases=["Varga"], titles=["harbour master"],
               mentions=[Mention(article_id=ids[k], text="Ilse Varga") for k in ("ledger", "coastline", "wire", "courier")]),
        Entity(id="e_place", name="Kessel Point", type="GPE",
               mentions=[Mention(article_id=ids[k], text="Kessel Point") for k in ARTICLES]),
        Entity(id="e_owner", name="the ship's operator", type="ORG"),
    ]
    facts = [
        Fact(id="f_aground", text="The cargo ship Aldera Star ran aground off Kessel Point on Tuesday.",
             article_ids=[ids[k] for k in ("ledger", "coastline", "wire", "courier")], independent_sources=3,
             evidence=[e("ledger", "The cargo ship"), e("coastline", "The freighter"), e("wire", "The cargo ship"), e("courier", "The cargo ship")],
             entity_ids=["e_ship", "e_place"]),
        Fact(id="f_crew", text="The crew were taken off the ship.",
             article_ids=[ids[k] for k in ("ledger", "coastline", "wire", "courier")], independent_sources=3,
             evidence=[e("ledger", "All 21"), e("coastline", "About 20"), e("wire", "More than 30"), e("courier", "More than 30")]),
        Fact(id="f_engine", text="An engine failure left the ship drifting, the harbour master said.",
             article_ids=[ids[k] for k in ("ledger", "wire", "courier")], independent_sources=2, claim_of="e_varga",
             evidence=[e("ledger", "Harbour master Ilse"), e("wire", "Harbour master Ilse"), e("courier", "Harbour master Ilse")]),
        Fact(id="f_2019", text="The ship was detained in 2019 after a fuel leak at Brenmouth.",
             article_ids=[ids["ledger"]], independent_sources=1, evidence=[e("ledger", "The same ship")]),
        Fact(id="f_oil", text="Residents reported oil on the beach on Wednesday morning.",
             article_ids=[ids["blog"]], independent_sources=1, evidence=[e("blog", "Residents")]),
    ]
    conflicts = [
        Conflict(id="c_crew", about="number of crew taken off the ship", kind="number", positions=[
            Position(value="21", article_ids=[ids["ledger"]], evidence=[e("ledger", "All 21")]),
            Position(value="about 20", article_ids=[ids["coastline"]], evidence=[e("coastline", "About 20")]),
            Position(value="more than 30", article_ids=[ids["wire"], ids["courier"]], evidence=[e("wire", "More than 30"), e("courier", "More than 30")]),
        ]),
        Conflict(id="c_cause", about="cause of the grounding", kind="cause", positions=[
            Position(value="engine failure", article_ids=[ids[k] for k in ("ledger", "wire", "courier")],
                     evidence=[e("ledger", "Harbour master Ilse"), e("wire", "Harbour master Ilse"), e("courier", "Harbour master Ilse")]),
            Position(value="strong winds", article_ids=[ids["coastline"]], evidence=[e("coastline", "Officials said")]),
        ]),
    ]
    quotes = [
        Quote(id="q_protect", speaker="Ilse Varga", speaker_entity_id="e_varga", channel="Tidewater Agency", variants=[
            QuoteVariant(text="We are doing everything we can to protect the coastline", article_ids=[ids["ledger"]], evidence=[e("ledger", "\"We are")]),
            QuoteVariant(text="We do everything possible to protect the coast", article_ids=[ids["coastline"]], evidence=[e("coastline", "\"We do")],
                         speaker_text="harbour master Ilse Varga"),
        ]),
        Quote(id="q_engine", speaker="Ilse Varga", speaker_entity_id="e_varga", channel=None, variants=[
            QuoteVariant(text="an engine failure was the likely cause", article_ids=[ids["wire"], ids["courier"]], direct=False,
                         evidence=[e("wire", "Harbour master Ilse"), e("courier", "Harbour master Ilse")]),
        ]),
    ]

    def fr(key: str, term: str, category: str, prefix: str, target: str | None = None, voice: str = "outlet", speaker: str | None = None) -> FramingEntry:
        return FramingEntry(article_id=ids[key], term=term, category=category, target_entity_id=target, voice=voice,
                            speaker_entity_id=speaker, evidence=e(key, prefix))

    framing = [
        fr("ledger", "reckless operator", "label", "The reckless", target="e_owner"),
        fr("ledger", "reckless", "loaded", "The reckless", target="e_owner"),
        fr("ledger", "allegedly", "hedge", "The reckless"),
        fr("ledger", "harbour master", "label", "Harbour master Ilse", target="e_varga"),
        fr("ledger", "told", "attribution_verb", "\"We are", speaker="e_varga"),
        fr("coastline", "freighter", "label", "The freighter", target="e_ship"),
        fr("coastline", "so-called", "scare_quote", "The so-called", target="e_owner"),
        fr("coastline", "fiasco", "loaded", "The so-called", target="e_owner"),
        fr("coastline", "Tidewater Agency", "channel", "\"We do"),
        fr("coastline", "protect", "loaded", "\"We do", voice="quote", speaker="e_varga"),
        fr("wire", "harbour master", "label", "Harbour master Ilse", target="e_varga"),
        fr("courier", "harbour master", "label", "Harbour master Ilse", target="e_varga"),
    ]
    timeline = [
        TimelineEvent(date="2019", event="The ship was detained after a fuel leak at Brenmouth.", article_ids=[ids["ledger"]], evidence=[e("ledger", "The same ship")]),
        TimelineEvent(date="2026-03-10", event="Aldera Star runs aground off Kessel Point.", article_ids=[ids[k] for k in ("ledger", "coastline", "wire", "courier")],
                      evidence=[e("ledger", "The cargo ship"), e("coastline", "The freighter")], resolution="Tuesday before 2026-03-11"),
        TimelineEvent(date="2026-03-11", event="Residents report oil on the beach.", article_ids=[ids["blog"]], evidence=[e("blog", "Residents")], resolution="Wednesday after 2026-03-10"),
    ]
    summary = [
        SummarySentence(text="The cargo ship Aldera Star ran aground off Kessel Point on Tuesday, the port authority said.",
                        article_ids=[ids[k] for k in ("ledger", "coastline", "wire", "courier")],
                        evidence=[e("ledger", "The cargo ship"), e("coastline", "The freighter"), e("wire", "The cargo ship"), e("courier", "The cargo ship")]),
        SummarySentence(text="Reports of the crew taken off the ship range from about 20 to more than 30.",
                        article_ids=[ids[k] for k in ("ledger", "coastline", "wire")]),
        SummarySentence(text="The harbour master attributed the grounding to an engine failure; officials cited in one report blamed strong winds.",
                        article_ids=[ids["ledger"], ids["coastline"]]),
    ]
    story = Story(
        id="s_fixture_aldera", title="Cargo ship runs aground off Kessel Point",
        article_ids=[a.id for a in arts.values()], entities=entities, facts=facts, conflicts=conflicts, quotes=quotes,
        framing=framing, timeline=timeline, summary=summary, exclusives=["f_2019", "f_oil"],
        omissions=[Omission(article_id=ids["blog"], outlet=None, fact_ids=["f_aground", "f_crew"]),
                   Omission(article_id=ids["coastline"], outlet="Coastline Daily", fact_ids=["f_engine"])],
        copies=[CopyRelation(article_id=ids["courier"], copy_of=ids["wire"], similarity=0.97)],
        numbers=[NumberMention(article_id=ids["ledger"], text="21", value=21, unit="crew", start=e("ledger", "All 21").start + 4, end=e("ledger", "All 21").start + 6)],
        dates=[DateMention(article_id=ids["ledger"], text="Tuesday", kind="relative", value="2026-03-10", resolution="Tuesday before 2026-03-11")],
    )
    return Report(articles=list(arts.values()), stories=[story])


if __name__ == "__main__":
    (HERE / "rich_report.json").write_text(build().model_dump_json(indent=2) + "\n", encoding="utf-8")
