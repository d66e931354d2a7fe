"""The DuckDB store, on real DuckDB files: once-only ingest, transactions, resume after a
kill, exact report round-trips, the read API (story list, search, outlets) and exports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.models import (
    CleanArticle,
    Comment,
    Conflict,
    Entity,
    Evidence,
    Fact,
    Failure,
    FramingEntry,
    LiveEntry,
    Position,
    Quote,
    QuoteVariant,
    Removed,
    Report,
    Story,
    StoryGroup,
    SummarySentence,
    TimelineEvent,
    content_id,
)
from newsprism.store import Store

REPO = Path(__file__).resolve().parents[1]

# An invented event (a dam inspection in an invented town) told by invented outlets.
TEXTS = {
    "Harbor Ledger": "Engineers inspected the Millbrook dam on Tuesday after cracks appeared. The council said the dam is safe.",
    "Valley Courier": "Cracks in the Millbrook dam worried residents. Engineers inspected it on Tuesday and ordered repairs.",
    "Daily Lantern": "The Millbrook dam was inspected on Tuesday. Officials called the cracks cosmetic and ruled out danger.",
}


def make_article(outlet: str, text: str, published: str | None = "2024-05-14", **extra) -> CleanArticle:
    return CleanArticle(id=content_id(outlet + text), source_path=f"{outlet}.txt", outlet=outlet,
                        title=text.split(".")[0], published=published, text=text, **extra)


def evidence(article: CleanArticle, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article_id=article.id, text=sentence, start=start, end=start + len(sentence))


def dam_report() -> Report:
    a, b, c = (make_article(o, t) for o, t in TEXTS.items())
    a = a.model_copy(update={"comments": [Comment(author="reader1", text="About time!")],
                             "removed": [Removed(text="Subscribe now", reason="newsletter")]})
    council = Entity(id="e_council", name="Millbrook council", type="ORG", aliases=["the council"])
    story = Story(
        id="s_dam", title="Millbrook dam inspected", article_ids=[a.id, b.id, c.id], entities=[council],
        facts=[
            Fact(id="f_inspect", text="Engineers inspected the dam on Tuesday.", article_ids=[a.id, b.id, c.id],
                 independent_sources=3, evidence=[evidence(a, "Engineers inspected the Millbrook dam on Tuesday after cracks appeared.")]),
            Fact(id="f_repairs", text="Repairs were ordered.", article_ids=[b.id], independent_sources=1,
                 evidence=[evidence(b, "Engineers inspected it on Tuesday and ordered repairs.")]),
        ],
        exclusives=["f_repairs"],
        conflicts=[Conflict(id="c_safe", about="danger", kind="cause", positions=[
            Position(value="safe", article_ids=[a.id]), Position(value="cosmetic", article_ids=[c.id])])],
        quotes=[Quote(id="q1", speaker="Millbrook council", speaker_entity_id="e_council",
                      variants=[QuoteVariant(text="the dam is safe", article_ids=[a.id])])],
        framing=[FramingEntry(article_id=c.id, term="cosmetic", category="loaded", target_entity_id="e_council",
                              evidence=evidence(c, "Officials called the cracks cosmetic and ruled out danger."))],
        timeline=[TimelineEvent(date="2024-05-14", event="Dam inspected", article_ids=[a.id])],
        summary=[SummarySentence(text="Engineers inspected the dam.", article_ids=[a.id, b.id])],
    )
    return Report(articles=[a, b, c], stories=[story], failures=[Failure(input_ref="junk.bin", stage="ingest", code="NP102", message="binary")])


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "news.duckdb"


# ------------------------------------------------------------------ writes


def test_store_add_articles_twice_stores_once(db):
    articles = [make_article(o, t) for o, t in TEXTS.items()]
    with Store(db) as store:
        assert store.add_articles(articles) == 3
        assert store.add_articles(articles + articles[:1]) == 0
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 3
        assert store.article(articles[0].id) == articles[0]


def test_store_cli_ingest_twice_stores_once(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (outlet, text) in enumerate(TEXTS.items()):
        (folder / f"{i}.txt").write_text(f"{text}\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    second = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "3 new articles" in first.output
    assert "0 new articles" in second.output and "3 already there" in second.output
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 3


def test_store_failed_write_leaves_nothing(db, monkeypatch):
    articles = [make_article(o, t) for o, t in TEXTS.items()]
    with Store(db) as store:
        original = store._bulk

        def fail_on_failures(query, rows):
            original(query, rows)
            if query == "insert_failures":
                raise RuntimeError("disk full")

        monkeypatch.setattr(store, "_bulk", fail_on_failures)
        with pytest.raises(RuntimeError):
            store.add_articles(articles, [Failure(input_ref="x", stage="ingest", code="NP101", message="file is empty")])
        monkeypatch.undo()
        assert store.count_articles() == 0
        assert store.add_articles(articles) == 3


KILL_DRIVER = textwrap.dedent("""
    import sys, time
    from newsprism.settings import load_settings
    from newsprism.store import Store
    from newsprism.store.stream import stream_ingest

    folder, db = sys.argv[1], sys.argv[2]
    with Store(db) as store:
        add = store.add_articles
        def add_and_report(articles, failures=None):
            n = add(articles, failures)
            print("committed", n, flush=True)
            time.sleep(0.05)
            return n
        store.add_articles = add_and_report
        stream_ingest([folder], load_settings(), store, batch_size=20)
""")


@pytest.mark.slow
def test_store_ingest_killed_halfway_resumes_without_duplicates(tmp_path, db):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = {}
    for i in range(300):
        text = f"Report number {i} on the Millbrook dam: engineers counted {i * 7} cracks in wall section {i}.\n"
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        texts[content_id(text)] = text
    driver = tmp_path / "driver.py"
    driver.write_text(KILL_DRIVER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(driver), str(folder), str(db)], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    commits = 0
    for line in proc.stdout:
        commits += line.startswith("committed")
        if commits == 3:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert commits == 3, "the ingest finished or failed before it could be killed"

    with Store(db, read_only=True) as store:
        stored = list(store.iter_articles())
    assert len(stored) % 20 == 0 and 60 <= len(stored) < 300  # whole batches only
    assert all(a.text == texts[a.id].strip() for a in stored)  # no half-written article

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{300 - len(stored)} new articles" in result.output
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 300
        assert store.search("cracks").total == 300  # the search index was rebuilt over everything


def test_store_save_report_round_trips_exactly(db):
    report = dam_report()
    with Store(db) as store:
        store.save_report(report)
        store.save_report(report)  # saving again replaces, never duplicates
        assert store.story_report("s_dam") == Report(articles=report.articles, stories=report.stories)
        page = store.stories()
    assert page.total == 1
    summary = page.items[0]
    assert (summary.articles, summary.facts, summary.conflicts, summary.quotes) == (3, 2, 1, 1)
    assert sorted(o.name for o in summary.outlets) == sorted(TEXTS)
    assert summary.first_published == summary.last_published == "2024-05-14"
    with Store(db, read_only=True) as store:
        assert store.failures() == report.failures
        assert store.story_report("nope") is None


def test_store_regrouping_moves_articles_and_drops_empty_stories(db):
    a, b, c = (make_article(o, t) for o, t in TEXTS.items())
    with Store(db) as store:
        store.add_articles([a, b, c])
        store.save_groups([StoryGroup(id="s_1", title="one", article_ids=[a.id, b.id]), StoryGroup(id="s_2", title="two", article_ids=[c.id])])
        store.save_groups([StoryGroup(id="s_3", title="three", article_ids=[c.id, b.id])])
        groups = {g.id: sorted(g.article_ids) for g in store.story_groups()}
    assert groups == {"s_1": [a.id], "s_3": sorted([b.id, c.id])}


def test_store_regrouping_keeps_analysis_only_when_members_unchanged(db):
    report = dam_report()
    ids = report.stories[0].article_ids
    with Store(db) as store:
        store.save_report(report)
        store.save_groups([StoryGroup(id="s_dam", title="Millbrook dam inspected", article_ids=list(reversed(ids)))])
        assert store.stories().items[0].analysed
        assert store.story_report("s_dam").stories[0].facts
        store.save_groups([StoryGroup(id="s_dam", title="Millbrook dam inspected", article_ids=ids[:2])])
        summary = store.stories().items[0]
        assert not summary.analysed and summary.articles == 2
        assert store.story_report("s_dam").stories[0].article_ids == sorted(ids[:2], key=lambda i: i)


# ------------------------------------------------------------------ opening


def test_store_migrations_recorded_once(db):
    with Store(db) as store:
        pass
    with Store(db) as store:
        versions = store._con.execute("SELECT version FROM schema_migrations").fetchall()
    assert versions == [(1,), (2,), (3,), (4,), (5,)]


def test_store_reader_refuses_layout_needing_upgrade(db):
    with Store(db) as store:
        store._con.execute("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
    with pytest.raises(StoreError) as err:
        Store(db, read_only=True)
    assert err.value.code == "NP305"


def test_store_refuses_newer_layout(db):
    with Store(db) as store:
        store._con.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    with pytest.raises(StoreError) as err:
        Store(db, read_only=True)
    assert err.value.code == "NP304"


def test_store_read_only_missing_file_and_writes(db):
    with pytest.raises(StoreError) as err:
        Store(db, read_only=True)
    assert err.value.code == "NP302"
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(StoreError):
        store.add_articles([make_article("Harbor Ledger", "Text.")])


def live_article(**extra) -> CleanArticle:
    """An invented live page saved by a reader: when it was saved and when each entry was posted."""
    text = "Ferry services to Orlith resumed.\n\n14:05 - The first boat left Kasten pier.\n\nCrowds cheered the crew."
    return make_article("Harbor Ledger", text, "2031-03-04", captured="2031-03-04T16:40:00+01:00",
                        entries=[LiveEntry(start=text.index("14:05"), time="2031-03-04T14:05:00+01:00", stamp=8),
                                 LiveEntry(start=text.index("Crowds"), time="13:50")], **extra)


def test_store_round_trip_keeps_capture_time_and_live_entries(db):
    """Nothing the user gave is lost: the saved time and a live page's entries come back from the store."""
    article = live_article()
    with Store(db) as store:
        store.add_articles([article])
    with Store(db, read_only=True) as store:
        back = store.article(article.id)
        assert back == article
        assert back.captured == "2031-03-04T16:40:00+01:00"
        assert [e.time for e in back.entries] == ["2031-03-04T14:05:00+01:00", "13:50"]
        assert list(store.iter_articles()) == [article]


def test_store_report_round_trip_keeps_capture_time(db):
    """Saving a report rewrites its articles: their capture time and entries survive it."""
    article = live_article()
    report = Report(articles=[article],
                    stories=[Story(id="s_ferry", title="Ferries resume", article_ids=[article.id])])
    with Store(db) as store:
        store.save_report(report)
        assert store.article(article.id) == article


def test_store_migrates_a_file_made_by_the_old_layout(tmp_path):
    """A store file written before capture times were kept opens, is migrated, and keeps its articles."""
    import duckdb

    from newsprism.store.store import migrations, queries

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(queries()["create_migrations_table"])
    for number, name, sql in migrations():
        if number > 4:
            break
        con.execute(sql)
        con.execute(queries()["record_migration"], {"version": number, "name": name})
    con.execute("INSERT INTO articles (id, source_path, outlet, title, published, text, comments, removed) "
                "VALUES ('a_old', 'old.txt', 'Valley Courier', 'Old story', '2024-05-14', 'The dam held.', '[]', '[]')")
    con.close()
    article = live_article()
    with Store(path) as store:
        assert [v for (v,) in store._con.execute("SELECT version FROM schema_migrations").fetchall()][-1] >= 5
        old = store.article("a_old")
        assert old.text == "The dam held." and old.captured is None and old.entries == []
        store.add_articles([article])
    with Store(path, read_only=True) as store:
        assert store.article(article.id) == article
        assert store.article("a_old").outlet == "Valley Courier"


# ------------------------------------------------------------------ reads


@pytest.fixture
def filled(db) -> Path:
    """Three stories: the dam (three outlets, analysed), a fair and a bridge (two outlets each)."""
    fair = [make_article("Harbor Ledger", "The spring fair opened with a parade of tractors.", "2024-04-01T09:00:00+02:00"),
            make_article("Valley Courier", "Tractors led the parade as the spring fair opened.", "2024-04-02")]
    bridge = [make_article("Valley Courier", "The old bridge closed for repairs; tractors must detour.", "2024-06-10"),
              make_article("Daily Lantern", "Drivers face a detour while the old bridge is repaired.", "2024-06-11")]
    with Store(db) as store:
        store.save_report(dam_report())
        store.add_articles(fair + bridge)
        store.save_groups([StoryGroup(id="s_fair", title="Spring fair opens", article_ids=[a.id for a in fair]),
                           StoryGroup(id="s_bridge", title="Old bridge closes", article_ids=[a.id for a in bridge])])
    return db


def test_store_stories_newest_first_with_filters(filled):
    with Store(filled, read_only=True) as store:
        assert [s.id for s in store.stories().items] == ["s_bridge", "s_dam", "s_fair"]
        assert [s.id for s in store.stories(outlet="Daily Lantern").items] == ["s_bridge", "s_dam"]
        assert [s.id for s in store.stories(date_from="2024-05-01").items] == ["s_bridge", "s_dam"]
        assert [s.id for s in store.stories(date_to="2024-05-14").items] == ["s_dam", "s_fair"]
        assert [s.id for s in store.stories(date_from="2024-04-02", date_to="2024-04-02").items] == ["s_fair"]
        assert [s.id for s in store.stories(q="tractors").items] == ["s_bridge", "s_fair"]
        page2 = store.stories(page=2, page_size=2)
        assert [s.id for s in page2.items] == ["s_fair"] and page2.total == 3
        assert store.stories(page=9).total == 3
        assert store.stories(page_size=10_000).page_size == 200


@pytest.mark.parametrize("query, best", [("tractors parade", "Harbor Ledger"), ("drivers detour", "Daily Lantern")])
def test_store_search_ranks_by_bm25(filled, query, best):
    with Store(filled, read_only=True) as store:
        result = store.search(query)
    assert result.items, query
    assert result.items[0].outlet == best
    assert result.items[0].score >= result.items[-1].score
    assert any(word in result.items[0].snippet.lower() for word in query.split())
    assert all(hit.story_id for hit in result.items)


@pytest.mark.parametrize("query", ["tractors parade", "the old bridge", "cracks Tuesday engineers"])
def test_store_search_scores_equal_duckdb_match_bm25(filled, query):
    with Store(filled, read_only=True) as store:
        ours = [(h.article_id, round(h.score, 9)) for h in store.search(query, page_size=50).items]
        reference = [(r[0], round(r[1], 9)) for r in store._q("search_fts_reference", {"q": query, "limit": 50}).fetchall()]
    assert ours and ours == reference


def test_store_search_before_index_rebuild_finds_the_same(filled):
    with Store(filled) as store:
        store.add_articles([make_article("Daily Lantern", "A third tractors story, about a tractor museum.", "2024-07-01")])
        fallback = {h.article_id for h in store.search("tractors").items}
    with Store(filled, read_only=True) as store:
        indexed = {h.article_id for h in store.search("tractors").items}
    assert fallback == indexed and len(indexed) == 4


def test_store_search_hostile_query_is_inert(filled):
    with Store(filled, read_only=True) as store:
        assert store.search("'; DROP TABLE articles; --").total == 0
        assert store.search("").total == 0
        assert store.count_articles() == 7


def test_store_outlet_profile(filled):
    with Store(filled, read_only=True) as store:
        lantern = store.outlet("Daily Lantern")
        courier = store.outlet("Valley Courier")
        ledger = store.outlet("Harbor Ledger")
        assert store.outlet("Nobody") is None
        outlets = {o.name: o for o in store.outlets()}
    assert {s.id for s in lantern.stories.items} == {"s_dam", "s_bridge"}
    assert [(l.actor, l.term) for l in lantern.labels] == [("Millbrook council", "cosmetic")]
    assert [f.fact_id for f in courier.exclusive_facts] == ["f_repairs"]
    assert "f_repairs" not in [f.fact_id for f in lantern.blindspot_facts]  # one outlet is not corroboration
    assert [s.id for s in ledger.blindspot_stories] == ["s_bridge"]  # two of three outlets covered it
    assert outlets["Valley Courier"].stories == 3 and outlets["Valley Courier"].articles == 3


def test_store_outlet_blindspot_fact(db):
    report = dam_report()
    story = report.stories[0]
    a, b, c = report.articles
    covered = Fact(id="f_crack_count", text="Three cracks were found.", article_ids=[a.id, b.id], independent_sources=2)
    report = report.model_copy(update={"stories": [story.model_copy(update={"facts": story.facts + [covered]})]})
    with Store(db) as store:
        store.save_report(report)
        lantern = store.outlet("Daily Lantern")
    assert [f.fact_id for f in lantern.blindspot_facts] == ["f_crack_count"]
    assert lantern.blindspot_facts[0].outlets == ["Harbor Ledger", "Valley Courier"]


def test_store_outlet_labels_keep_their_written_case(db):
    """A label naming a place keeps its capitals; spellings differing only in case count as one word."""
    report = dam_report()
    story = report.stories[0]
    lantern = report.articles[2]
    sentence = "Officials called the cracks cosmetic and ruled out danger."
    entries = [FramingEntry(article_id=lantern.id, term=term, category="label", target_entity_id="e_council",
                            evidence=evidence(lantern, sentence))
               for term in ("keeper of Millbrook Waterworks", "Keeper of Millbrook Waterworks")]
    report = report.model_copy(update={"stories": [story.model_copy(update={"framing": story.framing + entries})]})
    with Store(db) as store:
        store.save_report(report)
        labels = {(l.term, l.count) for l in store.outlet("Daily Lantern").labels}
    assert ("Keeper of Millbrook Waterworks", 2) in labels
    assert not any(term.islower() and "millbrook" in term for term, _ in labels)


def test_store_search_snippet_shows_the_word_searched_for(db):
    """A short query word ('el' of 'el-Harun') is found as a word, not inside 'travelled'."""
    filler = " ".join(["The visiting fans had travelled through the night to reach the ground."] * 4)
    text = f"{filler} Later the minister, Omar el-Harun, promised an inquiry into the crush."
    with Store(db) as store:
        store.add_articles([make_article("Harbor Ledger", text)])
        hits = store.search("el-Harun").items
    assert hits and "el-Harun" in hits[0].snippet


@pytest.mark.parametrize("table", ["facts", "conflicts", "quotes", "framing"])
def test_store_export_csv_and_parquet(filled, tmp_path, table):
    with Store(filled, read_only=True) as store:
        csv_path = store.export(table, "csv", tmp_path / f"{table}.csv")
        parquet_path = store.export(table, "parquet", tmp_path / f"{table}.parquet", story_id="s_dam")
        empty = store.export(table, "csv", tmp_path / "none.csv", story_id="s_none")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("story_id,") and len(lines) >= 2 and all(l.startswith("s_dam,") for l in lines[1:])
    assert parquet_path.read_bytes()[:4] == b"PAR1"
    assert len(empty.read_text(encoding="utf-8").splitlines()) == 1


def test_store_export_refuses_unknown_table(filled, tmp_path):
    with Store(filled, read_only=True) as store, pytest.raises(StoreError):
        store.export("articles; DROP TABLE articles", "csv", tmp_path / "x.csv")


# Lead vectors chosen by file name: three reports of one event, one far story, and a report tied to the event only
# loosely (cosine 0.7, below the online join threshold); the texts are invented and only name the files' roles.
STRAY_VECTORS = {"1-event": [1, 0.02, 0, 0], "2-event": [1, 0, 0.02, 0], "3-event": [1, 0, 0, 0.02],
                 "4-other": [0, 0, 1, 0], "5-late-names": [0.7, 0.714, 0, 0]}


def _ingest_with_vectors(tmp_path, db, monkeypatch, batch_size: int) -> dict[str, str]:
    """Ingest the STRAY_VECTORS files into a real DuckDB store; return file stem -> stored story id."""
    import numpy as np

    from newsprism.group.fingerprint import Fingerprint
    from newsprism.settings import load_settings
    from newsprism.store.stream import _Grouper, stream_ingest

    folder = tmp_path / "in"
    folder.mkdir()
    for stem in STRAY_VECTORS:
        (folder / f"{stem}.txt").write_text(f"A report filed as {stem} on the Millbrook dam inspection.\n", encoding="utf-8")

    def fingerprints(self, articles):
        out = []
        for a in articles:
            stem = Path(a.source_path).stem
            vector = np.asarray(STRAY_VECTORS[stem], dtype=np.float32)
            minhash = np.random.default_rng(list(STRAY_VECTORS).index(stem)).integers(0, 2**32, 64, dtype=np.uint64)  # no near-copies
            out.append(Fingerprint(article_id=a.id, vector=vector / np.linalg.norm(vector), names=frozenset(), numbers=frozenset(),
                                   published=None, minhash=minhash))
        return out

    monkeypatch.setattr(_Grouper, "_fingerprints", fingerprints)
    settings = load_settings()
    settings.group.ann = "exact"
    with Store(db) as store:
        stream_ingest([folder], settings, store, batch_size=batch_size)
    with Store(db, read_only=True) as store:
        stem_of = {a.id: Path(a.source_path).stem for a in store.iter_articles()}
        return {stem_of[a]: g.id for g in store.story_groups() for a in g.article_ids}


def test_store_ingest_joins_a_loosely_tied_report_to_its_event_as_analyze_does(tmp_path, db, monkeypatch):
    """`ingest` runs grouping's second pass: the report left alone online joins the one story it is clearly closest to."""
    story = _ingest_with_vectors(tmp_path, db, monkeypatch, batch_size=500)
    assert story["5-late-names"] == story["1-event"] == story["2-event"] == story["3-event"] != story["4-other"]
    assert len(set(story.values())) == 2


def test_store_ingest_second_pass_joins_a_later_batch_report_to_a_stored_story(tmp_path, db, monkeypatch):
    """A stray of a later batch joins a story stored by an earlier batch, which keeps its id and members."""
    story = _ingest_with_vectors(tmp_path, db, monkeypatch, batch_size=4)
    assert story["5-late-names"] == story["1-event"] == story["3-event"] != story["4-other"]
    assert len(set(story.values())) == 2


# Three invented reports of one event; the first to arrive shouts its headline, the others state it calmly.
TITLED_REPORTS = [
    ("2031-05-02T08:00:00", "FERRY FIASCO: PORT OF VELLAND IN CHAOS", "The Velland ferry terminal closed on Friday after a gangway collapsed."),
    ("2031-05-02T09:00:00", "Velland ferry terminal shut after gangway collapse", "The ferry terminal at Velland shut on Friday when a gangway collapsed."),
    ("2031-05-02T10:00:00", "Gangway collapse closes Velland ferry terminal", "A gangway collapse closed the Velland ferry terminal on Friday morning."),
]


def _ingest_titled(tmp_path, db, monkeypatch, one_story: bool) -> list[StoryGroup]:
    """Ingest TITLED_REPORTS (one JSONL file, all with one lead vector) into a real DuckDB store; return its stories."""
    import json

    import numpy as np

    from newsprism.group.fingerprint import Fingerprint
    from newsprism.settings import load_settings
    from newsprism.store.stream import _Grouper, stream_ingest

    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps({"title": t, "text": x, "published": d, "outlet": f"Outlet {i}"}) + "\n"
                            for i, (d, t, x) in enumerate(TITLED_REPORTS)), encoding="utf-8")

    def fingerprints(self, articles):
        vector = np.asarray([1, 0, 0, 0], dtype=np.float32)
        return [Fingerprint(article_id=a.id, vector=vector, names=frozenset(), numbers=frozenset(), published=None,
                            minhash=np.random.default_rng(i).integers(0, 2**32, 64, dtype=np.uint64)) for i, a in enumerate(articles)]

    monkeypatch.setattr(_Grouper, "_fingerprints", fingerprints)
    settings = load_settings(group={"one_story": one_story or None})
    settings.group.ann = "exact"
    with Store(db) as store:
        stream_ingest([path], settings, store)
    with Store(db, read_only=True) as store:
        return store.story_groups()


@pytest.mark.parametrize("one_story", [False, True])
def test_store_ingest_titles_a_story_as_analyze_does_not_by_its_founders_shouted_headline(tmp_path, db, monkeypatch, one_story):
    """`ingest` names a story by the calm headline the other reports share (group.title), as `analyze` does."""
    stories = _ingest_titled(tmp_path, db, monkeypatch, one_story)
    assert len(stories) == 1 and len(stories[0].article_ids) == 3
    assert stories[0].title in {TITLED_REPORTS[1][1], TITLED_REPORTS[2][1]}
