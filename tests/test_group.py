"""Story grouping: each event its own story, look-alikes apart, near-copies joined, ids stable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.group import StoryIndex, fingerprint_articles, group_articles
from newsprism.group.fingerprint import extract_names, extract_numbers, lead_date
from newsprism.models import CleanArticle, story_id
from newsprism.pipeline import read_and_clean
from newsprism.settings import GroupSettings, Settings

from conftest import TEST_DATA

MIXED = TEST_DATA / "group" / "mixed"
EXPECTED = json.loads((TEST_DATA / "group" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mixed_articles() -> list[CleanArticle]:
    articles, failures = read_and_clean([MIXED], Settings(), on_error="raise")
    assert not failures
    return articles


@pytest.fixture(scope="module")
def mixed_fingerprints(mixed_articles):
    return fingerprint_articles(mixed_articles, lead_sentences=GroupSettings().lead_sentences)


def file_groups(groups, articles) -> set[frozenset[str]]:
    name = {a.id: Path(a.source_path).name for a in articles}
    return {frozenset(name[i] for i in g.article_ids) for g in groups}


def test_group_mixed_folder_each_event_is_its_own_story(mixed_articles, mixed_fingerprints):
    groups = group_articles(mixed_articles, GroupSettings(), fingerprints=mixed_fingerprints)
    assert file_groups(groups, mixed_articles) == {frozenset(files) for files in EXPECTED.values()}


def test_group_teaser_for_another_story_does_not_pull_article_over(mixed_articles, mixed_fingerprints):
    groups = group_articles(mixed_articles, GroupSettings(), fingerprints=mixed_fingerprints)
    teaser_story = next(g for g in file_groups(groups, mixed_articles) if "ship_northern_post.txt" in g)
    assert not any(name.startswith("rate_") for name in teaser_story)


def test_group_story_ids_come_from_founding_article_and_survive_new_articles(mixed_articles, mixed_fingerprints):
    settings = GroupSettings()
    first = group_articles(mixed_articles[:6], settings, fingerprints=mixed_fingerprints[:6])
    for group in first:
        assert group.id == story_id([group.article_ids[0]])
    later = group_articles(mixed_articles, settings, existing=first, fingerprints=mixed_fingerprints)
    by_id = {g.id: g for g in later}
    for group in first:
        assert group.id in by_id, "an existing story lost its id"
        assert by_id[group.id].article_ids[: len(group.article_ids)] == group.article_ids
    assert sorted(a for g in later for a in g.article_ids) == sorted(a.id for a in mixed_articles)
    once = group_articles(mixed_articles, settings, fingerprints=mixed_fingerprints)
    assert file_groups(later, mixed_articles) == file_groups(once, mixed_articles)


def test_group_story_index_adds_one_article_at_a_time(mixed_articles, mixed_fingerprints):
    index = StoryIndex(GroupSettings())
    for article, fp in zip(mixed_articles, mixed_fingerprints):
        index.add(fp, article.title or "")
    assert file_groups(index.stories(), mixed_articles) == {frozenset(files) for files in EXPECTED.values()}
    assert len(index) == len(mixed_articles)


def test_group_story_index_pickled_between_runs_places_new_articles_the_same(mixed_articles, mixed_fingerprints):
    import pickle

    settings = GroupSettings()
    index = StoryIndex(settings)
    for article, fp in zip(mixed_articles[:7], mixed_fingerprints[:7]):
        index.add(fp, article.title or "")
    resumed = pickle.loads(pickle.dumps(index))
    for article, fp in zip(mixed_articles[7:], mixed_fingerprints[7:]):
        index.add(fp, article.title or "")
        resumed.add(fp, article.title or "")
    assert resumed.stories() == index.stories()


def _fp(article_id: str, vector, names=(), numbers=(), published=None, minhash=None):
    from newsprism.group.fingerprint import Fingerprint

    vector = np.asarray(vector, dtype=np.float32)
    return Fingerprint(
        article_id=article_id, vector=vector / np.linalg.norm(vector), names=frozenset(names), numbers=frozenset(numbers),
        published=published, minhash=minhash if minhash is not None else np.random.default_rng(hash(article_id) % 2**32).integers(0, 2**32, 64, dtype=np.uint64),
    )


@pytest.mark.parametrize("ann", ["usearch", "exact"])
def test_group_near_copy_joins_original_even_when_leads_differ(ann):
    shared = np.arange(64, dtype=np.uint64)
    original = _fp("a1", [1, 0, 0, 0], minhash=shared)
    copy = _fp("a2", [0, 1, 0, 0], minhash=shared)  # orthogonal lead vectors: only MinHash can join them
    index = StoryIndex(GroupSettings(ann=ann), ndim=4)
    assert index.add(original) == index.add(copy)


def test_group_same_lead_a_year_apart_stays_apart():
    settings = GroupSettings()
    index = StoryIndex(settings, ndim=4)
    first = index.add(_fp("b1", [1, 0.1, 0, 0], names={"kessar"}, published=dt.date(2023, 5, 14)))
    same_week = index.add(_fp("b2", [1, 0.12, 0, 0], names={"kessar"}, published=dt.date(2023, 5, 15)))
    next_year = index.add(_fp("b3", [1, 0.11, 0, 0], names={"kessar"}, published=dt.date(2024, 6, 2)))
    assert first == same_week
    assert next_year != first


def test_group_unrelated_articles_stay_singletons():
    index = StoryIndex(GroupSettings(), ndim=4)
    ids = {index.add(_fp(f"c{i}", v)) for i, v in enumerate(np.eye(4))}
    assert len(ids) == 4


def _story_of(index: StoryIndex) -> dict[str, int]:
    return {a: k for k, story in enumerate(index.stories()) for a in story.article_ids}


def test_group_article_left_alone_joins_the_one_story_it_is_clearly_closest_to():
    """A report whose lead ties it only loosely to its event (cosine 0.7, below the join threshold) is alone after the
    online pass; no other story comes near it, so the second pass puts it with its event, and the far story keeps apart."""
    index = StoryIndex(GroupSettings(ann="exact"), ndim=4)
    for i, v in enumerate(([1, 0.02, 0, 0], [1, 0, 0.02, 0], [1, 0, 0, 0.02])):
        index.add(_fp(f"event{i}", v))
    index.add(_fp("other", [0, 0, 1, 0]))
    index.add(_fp("late-names", [0.7, 0.714, 0, 0]))
    assert len(index.stories()) == 3  # online: alone
    assert index.attach_strays() == 1
    where = _story_of(index)
    assert where["late-names"] == where["event0"] != where["other"]
    assert len(index.stories()) == 2


def test_group_two_reports_that_spell_every_name_their_own_way_join_their_event():
    """Two translated reports form a pair of their own (names spelled differently, leads only 0.75 alike with the
    event's); no other story comes near, so the second pass joins the pair to its event."""
    index = StoryIndex(GroupSettings(ann="exact"), ndim=4)
    index.add(_fp("wire", [1, 0.02, 0, 0]))
    index.add(_fp("local", [1, 0, 0.02, 0]))
    index.add(_fp("other", [0, 0, 0, 1]))
    index.add(_fp("translated1", [0.75, 0.66, 0, 0], names={"hua-hsin"}))
    index.add(_fp("translated2", [0.75, 0.65, 0.05, 0], names={"hua-hsin"}))
    assert len(index.stories()) == 3  # online: the pair apart
    assert index.attach_strays() == 2
    where = _story_of(index)
    assert where["translated1"] == where["translated2"] == where["wire"] != where["other"]


def _one_event_from_four_angles(published):
    """Cause, minister, hospitals, phones of one invented event: hospitals and phones pair up, cause and minister pair up, across the pairs little is shared."""
    rows = [[1.0, 0, 0, 0], [0.65, 0.7599, 0, 0], [0.8, -0.2895, 0.5255, 0], [0.65, 0.6941, -0.0362, 0.3072]]  # cos: cause-minister 0.8, hospitals-phones 0.95, across 0.3-0.65
    index = StoryIndex(GroupSettings(ann="exact"), ndim=4)
    for article_id, k in (("cause", 0), ("hospitals", 1), ("phones", 3), ("minister", 2)):
        index.add(_fp(article_id, rows[k], published=published))
    index.attach_strays()
    return {frozenset(story.article_ids) for story in index.stories()}


def test_group_one_event_told_from_several_angles_on_one_day_becomes_one_story():
    assert _one_event_from_four_angles(dt.date(2031, 2, 3)) == {frozenset({"cause", "hospitals", "phones", "minister"})}
    assert len(_one_event_from_four_angles(None)) == 2  # undated, the same evidence is too weak


def test_group_article_between_two_look_alike_stories_stays_alone():
    """Two look-alike events both score about 0.7 with the article: no clear margin, so it is not forced into either."""
    index = StoryIndex(GroupSettings(ann="exact"), ndim=4)
    index.add(_fp("fire1", [1, 0, 0, 0]))
    index.add(_fp("fire2", [1, 0.02, 0, 0]))
    index.add(_fp("blast1", [0, 1, 0, 0]))
    index.add(_fp("blast2", [0.02, 1, 0, 0]))
    index.add(_fp("between", [0.7, 0.714, 0, 0]))
    assert index.attach_strays() == 0
    where = _story_of(index)
    assert len({where["fire1"], where["blast1"], where["between"]}) == 3


def test_group_second_pass_leaves_stories_of_an_earlier_run_alone():
    """A one-article story of an earlier run keeps its article: only this run's strays move."""
    from newsprism.models import StoryGroup

    earlier = _fp("earlier", [0.7, 0.714, 0, 0])
    members = [_fp(f"event{i}", v) for i, v in enumerate(([1, 0.02, 0, 0], [1, 0, 0.02, 0]))]
    index = StoryIndex(GroupSettings(ann="exact"), ndim=4)
    index.seed(StoryGroup(id="s-earlier", title="t", article_ids=["earlier"]), [earlier])
    first_new = len(index.stories())
    for fp in members:
        index.add(fp)
    assert index.attach_strays(first_new) == 0
    assert ["earlier"] in [s.article_ids for s in index.stories()]


def test_group_one_story_keeps_every_article_together(mixed_articles):
    groups = group_articles(mixed_articles, GroupSettings(one_story=True))
    assert len(groups) == 1 and sorted(groups[0].article_ids) == sorted(a.id for a in mixed_articles)


def test_group_empty_input_gives_no_stories():
    assert group_articles([], GroupSettings()) == []


TRAM_REPORTS = [  # (headline, lead) of one invented event, a tabloid's shouted headline first, a loaded one next
    ("TERROR ON THE TRACKS: TRAM HORROR IN VELLORA", "A tram left the rails in Vellora on Tuesday morning, injuring twelve passengers."),
    ("Brutal commute: anger as city transport chief blamed", "A tram derailed in Vellora on Tuesday, hurting twelve passengers."),
    ("Tram derails in Vellora, twelve passengers hurt", "Twelve passengers were hurt when a tram derailed in central Vellora on Tuesday."),
    ("Tram Operator Suspends Harbour Line After Crash", "The operator of the trams in Vellora suspended the Harbour line after a tram derailed, hurting twelve passengers."),
]


def _tram_articles(reports=TRAM_REPORTS) -> list[CleanArticle]:
    return [CleanArticle(id=f"t{i}", source_path=f"t{i}.txt", title=title, text=lead) for i, (title, lead) in enumerate(reports)]


def test_group_story_title_is_the_calm_headline_the_other_reports_words_share():
    groups = group_articles(_tram_articles(), GroupSettings(one_story=True))
    assert groups[0].title == "Tram derails in Vellora, twelve passengers hurt"


def test_group_story_title_is_not_the_shouting_founders_headline():
    articles = _tram_articles()
    fingerprints = [_fp(a.id, [1, 0.01 * i, 0, 0], names={"vellora"}) for i, a in enumerate(articles)]
    groups = group_articles(articles, GroupSettings(), fingerprints=fingerprints)
    assert len(groups) == 1 and groups[0].article_ids[0] == "t0"
    assert groups[0].title == "Tram derails in Vellora, twelve passengers hurt"


def test_group_story_title_when_every_headline_shouts_is_set_in_the_articles_own_casing():
    reports = [("TRAM DERAILS IN VELLORA", "A tram derailed in Vellora on Tuesday."), ("TRAM CHAOS!", "Chaos in Vellora after a tram crash.")]
    groups = group_articles(_tram_articles(reports), GroupSettings(one_story=True))
    assert groups[0].title == "Tram derails in Vellora"


def test_group_story_title_is_no_live_blogs_kicker_headline():
    """A live blog's "Live: ..." headline names the page's format: another report's headline titles the story,
    so does one over a quoted remark; when every headline has a kicker, the title is the headline without it."""
    reports = [
        ("Live: Tram derails in Vellora, twelve passengers hurt", "Twelve passengers were hurt when a tram derailed in Vellora."),
        ("Twelve hurt as tram leaves the rails", "A tram derailed in Vellora on Tuesday and twelve passengers were hurt."),
        ("Harbour line closed", "The Harbour line in Vellora was closed after a tram derailed, hurting twelve passengers."),
    ]
    assert group_articles(_tram_articles(reports), GroupSettings(one_story=True))[0].title == "Twelve hurt as tram leaves the rails"
    quoted = [reports[0], ('Driver: "The brakes gave way" in Vellora', reports[1][1]), reports[2]]
    assert group_articles(_tram_articles(quoted), GroupSettings(one_story=True))[0].title == "Harbour line closed"
    live_only = [reports[0], ("Live updates: Harbour line closed", reports[2][1])]
    assert group_articles(_tram_articles(live_only), GroupSettings(one_story=True))[0].title == "Tram derails in Vellora, twelve passengers hurt"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Police said the Bank of Norvale raised rates. Tara Quill flew to Malibu on Monday.", {"bank", "norvale", "tara", "quill", "malibu"}),
        ("He said the plan would fail. The minister left.", set()),
        ("Fire hit the Zharkol-Aktau line near a half-built depot.", {"zharkol-aktau", "zharkol", "aktau"}),
        # a bare surname opening a sentence before a reporting verb is the speaker (a later-day
        # report may name the official only so); common nouns and pronouns there are not
        ("Varkonyi said 300 homes must be rebuilt. Nobody told the villagers.", {"varkonyi"}),
        ("Investigators said the weld failed. Officials told reporters the line would reopen.", set()),
        ("Rescuers said the roads were cut. Teams reached the valley, and rescuers dug all night.", set()),
        ("Harbour said the ferry was late, the harbour office wrote.", set()),
        ("Varkonyi visited the camp.", set()),
    ],
)
def test_group_names_skip_function_words_weekdays_and_sentence_starts(text, names):
    assert extract_names(text) == names


def test_group_numbers_and_dates_are_normalised():
    assert extract_numbers("On July 8, 2020 some 1,200 people and 3 dogs paid $4.5 million.") == {"4.5", "1200", "2020", "july-8"}
    assert lead_date("KESSAR, 14 May 2023 - A bomb") == (dt.date(2023, 5, 14), (5, 14))
    assert lead_date("on Sunday, 14 May, police said") == (None, (5, 14))


def test_group_page_clutter_in_removed_parts_is_ignored(mixed_articles):
    from newsprism.models import Removed

    base = mixed_articles[0]
    cluttered = base.model_copy(update={"removed": [Removed(text="Read more: Central bank lifts rates as prices climb", reason="teaser")]})
    vectors = np.ones((1, 384), dtype=np.float32) / np.sqrt(384)
    assert fingerprint_articles([base], vectors)[0].names == fingerprint_articles([cluttered], vectors)[0].names


@pytest.mark.slow
def test_group_cli_analyze_seeds_gives_one_story_with_all_five(seeds_dir, tmp_path):
    result = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    assert [sorted(s["article_ids"]) for s in report["stories"]] == [sorted(a["id"] for a in report["articles"])]


@pytest.mark.slow
def test_group_cli_analyze_mixed_folder_reports_each_event_as_its_own_story(tmp_path):
    result = CliRunner().invoke(app, ["analyze", str(MIXED), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    name = {a["id"]: Path(a["source_path"]).name for a in report["articles"]}
    stories = {frozenset(name[i] for i in s["article_ids"]) for s in report["stories"]}
    assert stories == {frozenset(files) for files in EXPECTED.values()}


def two_batches(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two folders of the mixed set (two events, then one more report of each) and a store path."""
    import shutil

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for name in ("rate_valdoria_herald.txt", "rate_coastline_daily.txt", "ship_valdoria_herald.txt", "ship_coastline_daily.txt"):
        shutil.copy(MIXED / name, first / name)
    for name in ("rate_wire_copy.txt", "ship_northern_post.txt"):
        shutil.copy(MIXED / name, second / name)
    return first, second, tmp_path / "news.duckdb"


def stored_stories(db: Path) -> dict[str, frozenset[str]]:
    """Each stored story's id and the file names of its articles."""
    from newsprism.store import Store

    with Store(db, read_only=True) as store:
        name = {a.id: Path(a.source_path).name for a in store.iter_articles()}
        return {g.id: frozenset(name[i] for i in g.article_ids) for g in store.story_groups()}


def test_group_cli_ingest_in_two_runs_adds_to_stored_stories_with_stable_ids(tmp_path):
    first, second, db = two_batches(tmp_path)

    result = CliRunner().invoke(app, ["ingest", str(first), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    before = stored_stories(db)
    assert set(before.values()) == {
        frozenset({"rate_valdoria_herald.txt", "rate_coastline_daily.txt"}),
        frozenset({"ship_valdoria_herald.txt", "ship_coastline_daily.txt"}),
    }

    result = CliRunner().invoke(app, ["ingest", str(second), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    after = stored_stories(db)
    assert set(after) == set(before)  # no new story, same ids
    for story, files in before.items():
        event = "rate_" if any(f.startswith("rate_") for f in files) else "ship_"
        joined = "rate_wire_copy.txt" if event == "rate_" else "ship_northern_post.txt"
        assert after[story] == files | {joined}

    # a third run with nothing new changes nothing
    result = CliRunner().invoke(app, ["ingest", str(first), str(second), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert stored_stories(db) == after


@pytest.mark.slow
def test_group_cli_ingest_after_analyze_db_joins_the_analysed_stories(tmp_path):
    """Stories saved by `analyze --db` are known to a later `ingest`: no duplicate story is founded."""
    first, second, db = two_batches(tmp_path)

    result = CliRunner().invoke(app, ["analyze", str(first), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    analysed = stored_stories(db)
    assert len(analysed) == 2

    result = CliRunner().invoke(app, ["ingest", str(second), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    after = stored_stories(db)
    assert set(after) == set(analysed)  # the new articles joined; no story was founded twice
    for story, files in after.items():
        event = "rate_" if any(f.startswith("rate_") for f in files) else "ship_"
        joined = "rate_wire_copy.txt" if event == "rate_" else "ship_northern_post.txt"
        assert files == analysed[story] | {joined}


def test_group_cli_ingest_one_story_puts_the_run_in_one_story(tmp_path):
    from newsprism.store import Store

    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(MIXED), "--db", str(db), "--one-story", "--quiet"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        groups = store.story_groups()
    assert len(groups) == 1 and len(groups[0].article_ids) == len(list(MIXED.iterdir()))


EVENTS = TEST_DATA / "group" / "events"
EVENTS_EXPECTED = json.loads((TEST_DATA / "group" / "events_expected.json").read_text(encoding="utf-8"))


def test_group_undated_side_aspect_article_and_short_wire_item_join_their_event_and_a_fire_stays_apart():
    """A blast story holds an undated article about the victims' families and a one-line wire item; a fire in the same country that week is another story."""
    articles, failures = read_and_clean([EVENTS], Settings(), on_error="raise")
    assert not failures
    seen: dict[str, int] = {}
    label = {}
    for article in articles:  # "depot_wire.jsonl#2": the second article of that file
        name = Path(article.source_path).name
        seen[name] = seen.get(name, 0) + 1
        label[article.id] = name if name.endswith(".txt") else f"{name}#{seen[name]}"
    groups = group_articles(articles, GroupSettings())
    assert {frozenset(label[i] for i in g.article_ids) for g in groups} == {frozenset(files) for files in EVENTS_EXPECTED.values()}


def test_group_undated_articles_are_placed_after_the_dated_ones():
    """Dated reports found the stories in time order; an undated follow-up is then placed against all of them."""
    from newsprism.group import arrival_order

    articles = [
        CleanArticle(id="undated-follow-up", source_path="a.jsonl", text="Families wait."),
        CleanArticle(id="second", source_path="b.txt", text="b", published="2026-03-05"),
        CleanArticle(id="first", source_path="c.txt", text="c", published="2026-03-03T11:20:00+00:00"),
    ]
    assert [articles[i].id for i in arrival_order(articles)] == ["first", "second", "undated-follow-up"]


QUARRY_REPORTS = [  # (headline, lead): a quarry blast whose toll the reports dispute (four vs six dead)
    ("Four killed in Brannock quarry blast", "Four workers were killed when explosives went off early at the Brannock quarry on Monday, the operator said."),
    ("Six dead as blast rips through Brannock quarry", "Six workers died in a blast at the Brannock quarry on Monday, their union said."),
    ("Anarchists blamed for Brannock quarry blast; six dead", "A blast at the Brannock quarry killed six workers on Monday."),
    ("Inquiry opened into blast at Brannock quarry", "Prosecutors opened an inquiry into Monday's blast at the Brannock quarry, which killed workers."),
]


def _toll_dispute():
    from newsprism.models import Conflict, Position

    return [Conflict(id="k1", about="number of workers killed", kind="number",
                     positions=[Position(value="Four workers", article_ids=["t0"]), Position(value="Six workers", article_ids=["t1", "t2"])])]


def test_group_story_title_carries_no_side_of_a_disputed_toll():
    """The compared story's title gives neither side's figure of a disputed count: 'Four killed in ...'
    would tell one side as the story's; the headline without a figure titles the story."""
    from newsprism.group.title import neutral_title, story_title

    articles = _tram_articles(QUARRY_REPORTS)
    assert story_title(articles) == "Four killed in Brannock quarry blast"  # grouping's pick, before the dispute is known
    # the next headline's part without a figure ('Six dead as blast rips through Brannock quarry')
    assert neutral_title(story_title(articles), articles, _toll_dispute(), [], []) == "Blast rips through Brannock quarry"
    no_parts = [QUARRY_REPORTS[0], ("Six dead in Brannock quarry blast", QUARRY_REPORTS[1][1]), QUARRY_REPORTS[3]]
    assert neutral_title("x", _tram_articles(no_parts), _toll_dispute(), [], []) == "Inquiry opened into blast at Brannock quarry"
    # without a dispute, grouping's pick stands
    assert neutral_title(story_title(articles), articles, [], [], []) == "Four killed in Brannock quarry blast"


def test_group_story_title_carries_no_label_one_outlet_uses():
    """A headline calling one side by one outlet's label ('Anarchists', 'Massacre') does not title the story;
    when every headline has a figure or a label, a part of one that has neither does; else the summary's lead."""
    from newsprism.group.title import neutral_title
    from newsprism.models import Evidence, FramingEntry, SummarySentence

    reports = [QUARRY_REPORTS[2], ("Massacre at Brannock quarry: owners knew of the risk", QUARRY_REPORTS[1][1]), QUARRY_REPORTS[0]]
    articles = _tram_articles(reports)
    loaded = [FramingEntry(article_id="t1", term="Massacre", category="loaded", evidence=Evidence(article_id="t1", text=reports[1][0], start=0, end=0, in_title=True))]
    assert neutral_title("x", articles, _toll_dispute(), loaded, []) == "Owners knew of the risk"
    only_sides = [QUARRY_REPORTS[0], ("Six dead in Brannock quarry blast", QUARRY_REPORTS[1][1])]
    lead = SummarySentence(text="A blast at the Brannock quarry killed workers on Monday.", article_ids=["t0", "t1"])
    assert neutral_title("x", _tram_articles(only_sides), _toll_dispute(), [], [lead]) == "A blast at the Brannock quarry killed workers on Monday"


def test_lead_weekday_day_counts_back_from_the_publication_day():
    from newsprism.group.fingerprint import lead_weekday_day

    wednesday = dt.date(2046, 4, 25)
    assert lead_weekday_day("Teachers walked out on Tuesday, the union said.", wednesday) == dt.date(2046, 4, 24)
    assert lead_weekday_day("A memo written before Tuesday's strike", wednesday) == dt.date(2046, 4, 24)
    assert lead_weekday_day("Crews worked through the night on Wednesday.", wednesday) == wednesday
    assert lead_weekday_day("The memo, dated last Thursday, names no date.", wednesday) is None  # "last" may be a week back
    assert lead_weekday_day("Teachers walked out on Tuesday.", None) is None  # never invented without a publication day


def test_two_halves_of_one_event_told_on_two_days_join_when_their_leads_name_one_day():
    """A strike told by the union's side and the ministry's side, each side's reports published on the day and the
    next morning, each lead saying "on Tuesday": the second pass eases its bar for one day's event as it does
    for reports all published that day. Leads naming two different days stay two stories."""
    union, ministry = np.eye(384)[0], 0.5 * np.eye(384)[0] + np.sqrt(0.75) * np.eye(384)[1]  # cosine 0.5 between the halves
    tuesday, wednesday = dt.date(2046, 4, 24), dt.date(2046, 4, 25)

    def stories(event_days):
        index = StoryIndex(GroupSettings(ann="exact"))
        for (aid, vector, published), event_day in zip(
            [("u1", union, tuesday), ("u2", union, wednesday), ("m1", ministry, tuesday), ("m2", ministry, wednesday)], event_days
        ):
            fp = _fp(aid, vector, published=published)
            index.add(type(fp)(**{**fp.__dict__, "event_day": event_day}))
        index.attach_strays()
        return sorted(sorted(s.article_ids) for s in index.stories())

    assert stories([tuesday] * 4) == [["m1", "m2", "u1", "u2"]]
    assert stories([None] * 4) == [["m1", "m2"], ["u1", "u2"]]  # published on two days, no day stated: apart
    assert stories([tuesday, tuesday, wednesday, wednesday]) == [["m1", "m2"], ["u1", "u2"]]
