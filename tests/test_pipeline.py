"""The pipeline as a notebook user calls it: newsprism.analyze over paths or Article objects."""

from __future__ import annotations

import os

import numpy as np
import pytest

import newsprism
from newsprism.errors import StageError
from newsprism.models import Article, content_id

from conftest import REPO, TEST_DATA


def make_article(text: str, **meta) -> Article:
    return Article(id=content_id(text), source_path=meta.pop("source_path", "mem"), raw=text, format="text", **meta)


def test_pipeline_analyze_accepts_article_objects():
    body = "The council approved the new bridge on Monday. Work will start in May, the mayor said."
    report = newsprism.analyze([make_article(body, outlet="Town Crier")], newsprism.Settings())
    assert [a.id for a in report.articles] == [content_id(body)]
    assert report.articles[0].outlet == "Town Crier"
    assert report.schema_version == newsprism.SCHEMA_VERSION
    assert report.stories and report.stories[0].article_ids == [content_id(body)]


def test_pipeline_same_article_twice_is_read_once():
    body = "A storm closed the harbour on Tuesday, officials said."
    report = newsprism.analyze([make_article(body), make_article(body)])
    assert len(report.articles) == 1


def test_pipeline_records_bad_input_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The festival drew 40,000 visitors over the weekend, organisers said.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    report = newsprism.analyze([good, empty])
    assert len(report.articles) == 1
    assert [f.input_ref for f in report.failures] == [str(empty)]
    assert report.failures[0].code == "NP101"


def test_pipeline_raise_mode_stops_at_first_bad_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(StageError):
        newsprism.analyze([empty], on_error="raise")


@pytest.fixture(scope="module")
def demo_report():
    return newsprism.analyze([REPO / "examples"])


def test_pipeline_demo_reads_every_example_article(demo_report):
    report = demo_report
    assert not report.failures
    # five reports by five outlets: the examples README is documentation, not an article
    assert len(report.articles) == 5
    assert all(a.text.strip() for a in report.articles)


def test_pipeline_demo_finds_its_planted_conflicts_and_keeps_them_out_of_the_summary(demo_report):
    """The demo's reports disagree on the ship count, the day, the official and the cause: a new
    user's first run must show all four, and the summary must not state one side as fact."""
    (story,) = demo_report.stories
    by_kind = {c.kind: [p.value for p in c.positions] for c in story.conflicts}
    assert {"number", "date", "actor", "cause"} <= set(by_kind), by_kind
    assert len(by_kind["number"]) == 4
    causes = " | ".join(by_kind["cause"])
    assert "engine" in causes and "wind" in causes and "gust" in causes, causes
    stated = [s.text.lower() for s in story.summary if not s.text.startswith("Reports ")]
    assert not [s for s in stated if "wind" in s or "gust" in s or "engine" in s], stated



# two stories of one week and a singleton (tests/data/group/mixed), small enough for a quick run
SMALL_MIXED = sorted(p for p in (TEST_DATA / "group" / "mixed").iterdir() if p.name.startswith(("rate_", "ship_", "library_")))


def test_pipeline_stories_in_forked_workers_match_one_process_and_keep_a_failure_to_its_story(monkeypatch):
    """Whole stories in forked workers (as `analyze` runs 2+ stories on free cores): the same
    stories in the same order as one process; a story that fails is recorded and the rest kept."""
    import newsprism.pipeline as pipeline
    from newsprism.scale import fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    settings = newsprism.Settings()
    monkeypatch.setattr(pipeline, "story_workers", lambda n_stories, n_articles: 1)
    single = newsprism.analyze(SMALL_MIXED, settings)
    monkeypatch.setattr(pipeline, "story_workers", lambda n_stories, n_articles: 2)
    forked = newsprism.analyze(SMALL_MIXED, settings)
    assert len(single.stories) == 3 and not single.failures and not forked.failures
    assert [s.model_dump() for s in forked.stories] == [s.model_dump() for s in single.stories]
    # Newest first, so a story lists its articles (oldest first) in another order than the input:
    # a worker must read them in input order too, or ties (a fact's wording, a quote's channel) differ.
    from newsprism.models import Article

    newest_first = [Article(id=f"a{k}", source_path=p.name, raw=p.read_text(encoding="utf-8"), format="text",
                            published=f"2025-03-{20 - k:02d}") for k, p in enumerate(SMALL_MIXED)]
    monkeypatch.setattr(pipeline, "story_workers", lambda n_stories, n_articles: 1)
    single_newest_first = newsprism.analyze(newest_first, settings)
    assert any(s.article_ids != sorted(s.article_ids) for s in single_newest_first.stories)
    monkeypatch.setattr(pipeline, "story_workers", lambda n_stories, n_articles: 2)
    forked_newest_first = newsprism.analyze(newest_first, settings)
    assert [s.model_dump() for s in forked_newest_first.stories] == [s.model_dump() for s in single_newest_first.stories]

    failing = single.stories[1].id
    understand = pipeline.understand_story

    def understand_or_fail(group, *args, **kwargs):
        if group.id == failing:
            raise RuntimeError("no parse for this story")
        return understand(group, *args, **kwargs)

    monkeypatch.setattr(pipeline, "understand_story", understand_or_fail)  # the forked workers inherit it
    broken = newsprism.analyze(SMALL_MIXED, settings)
    assert [(f.input_ref, f.code) for f in broken.failures] == [(f"story {failing}", "NP000")]
    assert "no parse for this story" in broken.failures[0].message
    assert [s.id for s in broken.stories] == [s.id for s in single.stories]
    assert broken.stories[1].article_ids == single.stories[1].article_ids and not broken.stories[1].claims
    assert [broken.stories[k].model_dump() for k in (0, 2)] == [single.stories[k].model_dump() for k in (0, 2)]


# An invented story: three outlets on one bridge closure (every name, place and figure made up).
BRIDGE_STORY = [
    "The Tallow Bridge in Verrin was closed on Tuesday after inspectors found a crack in its main span. "
    "About 14,000 drivers cross the bridge every day, the city's transport office said. "
    "Repairs could take six weeks, according to chief engineer Odile Marsk. Live updates. Thanks for following.",
    "Verrin shut its Tallow Bridge on Tuesday when a crack was found in the main span. "
    "Chief engineer Odile Marsk said the repairs would take at least two months. "
    "Buses will be sent over the Osk ferry route while the bridge is closed.",
    "Inspectors in Verrin closed the Tallow Bridge on Tuesday. A crack had opened in the main span, officials said. "
    "Some 15,000 vehicles use the crossing daily. \"We will not reopen it until it is safe,\" Odile Marsk said.",
]


def _bridge_story():
    from newsprism.models import CleanArticle, StoryGroup

    articles = [CleanArticle(id=f"bridge{k}", source_path=f"bridge{k}.txt", outlet=outlet, published="2031-04-08", text=text)
                for k, (outlet, text) in enumerate(zip(["Verrin Courier", "Osk Valley News", "The Daily Lantern"], BRIDGE_STORY))]
    return StoryGroup(id="s_bridge", title="Tallow Bridge closed", article_ids=[a.id for a in articles]), articles


def test_pipeline_claim_texts_read_off_the_parse_are_the_claims_understanding_makes():
    """The claim sentences encoded ahead are read off the docs before understanding: they must be
    the texts of the claims `understand_story` makes (a sentence without a verb, a page's sign-off
    left out), or the comparison's first call would differ and the work ahead be wasted."""
    from newsprism.pipeline import claim_texts
    from newsprism.understand import understand_story
    from newsprism.understand.nlp import parse

    group, articles = _bridge_story()
    docs = parse([a.text for a in articles])
    understanding = understand_story(group, articles, docs=docs)
    expected = list(dict.fromkeys(c.text for c in understanding.claims))
    assert claim_texts(docs) == expected
    assert not any("Thanks for following" in t or t == "Live updates." for t in expected)


def test_pipeline_claim_texts_join_a_quotation_over_two_sentences_as_the_comparison_does():
    """The comparison reads a quotation over several sentences as one claim (`views.whole_quotes`):
    the texts encoded ahead must be joined the same way, or the comparison asks for other texts and
    the helper's work (a third of a large story's encoding) is thrown away."""
    from newsprism.compare.views import build_views
    from newsprism.models import CleanArticle, StoryGroup
    from newsprism.pipeline import claim_texts
    from newsprism.understand import understand_story
    from newsprism.understand.nlp import parse

    text = ("The Orwen ferry resumed sailing on Monday after a week-long strike. "
            '"No sailing was cancelled after noon. The crews came back one by one," the port manager Edda Lund told reporters. '
            "Tickets bought for last week will be honoured until the end of the month.")
    article = CleanArticle(id="orwen1", source_path="orwen.txt", outlet="Orwen Gazette", published="2031-06-10", text=text)
    group = StoryGroup(id="s_orwen", title="Ferry sails again", article_ids=[article.id])
    docs = parse([text])
    understanding = understand_story(group, [article], docs=docs)
    expected = list(dict.fromkeys(v.claim.text for v in build_views(understanding)))
    assert any("No sailing was cancelled" in t and "one by one" in t for t in expected)
    assert claim_texts(docs) == expected


def test_pipeline_a_story_too_small_for_a_helper_does_not_wait_for_the_machine_s_load(monkeypatch):
    """Whether a core is free for the encoding helper is read off a 0.1 s sample of /proc/stat, a
    wait in wall time: a story with fewer claim sentences than a helper is worth (ENCODE_AHEAD_FROM)
    is not made to wait for it. A story with enough is: the helper is asked for then."""
    from collections import OrderedDict

    import newsprism.pipeline as pipeline
    from newsprism import embed, scale
    from newsprism.understand.nlp import parse

    if not scale.fork_available():
        pytest.skip("no fork on this platform")
    group, articles = _bridge_story()
    docs = parse([a.text for a in articles])
    samples: list[float] = []
    monkeypatch.setattr(scale, "sampled_busy_cores", lambda seconds=scale.CPU_SAMPLE_S: samples.append(seconds) or float(os.cpu_count() or 1))
    monkeypatch.setattr(embed, "_cache", OrderedDict())  # every claim text still to encode
    n_texts = len(pipeline.claim_texts(docs))
    assert 2 <= n_texts < pipeline.ENCODE_AHEAD_FROM
    assert pipeline.encode_claims_ahead(docs) is None
    assert samples == []  # too few texts: the load was never sampled
    assert pipeline.encode_claims_ahead(docs, least=n_texts) is None  # enough texts, but every core busy
    assert len(samples) == 1


def test_pipeline_claims_encoded_ahead_in_a_forked_helper_give_the_same_story(monkeypatch):
    """With a free core, a story's claim sentences are encoded in a forked helper while this process
    understands the story: the comparison takes those vectors (it encodes no more than the batches
    the helper had not reached when it asked, never the whole call) and the story is exactly the one
    analysed without the helper, on a busy machine."""
    from collections import OrderedDict

    import newsprism.pipeline as pipeline
    from newsprism import embed
    from newsprism.scale import fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    group, articles = _bridge_story()
    settings = newsprism.Settings()
    encode = embed._encode
    calls: list[list[str]] = []

    def recording(texts, batch_size, one_thread=False):
        calls.append(list(texts))
        return encode(texts, batch_size, one_thread)

    monkeypatch.setattr(embed, "_encode", recording)

    def run(helper: bool):
        monkeypatch.setattr(embed, "_cache", OrderedDict())  # each run encodes from nothing
        monkeypatch.setattr(pipeline, "can_fork_helper", lambda: helper)
        monkeypatch.setattr(pipeline, "ENCODE_AHEAD_FROM", 1)
        calls.clear()
        story = pipeline.analyze_story(group, articles, settings)
        return story, [list(c) for c in calls]

    busy, busy_calls = run(helper=False)
    idle, idle_calls = run(helper=True)
    assert idle.model_dump() == busy.model_dump()
    claims = list(dict.fromkeys(c.text for c in busy.claims))
    assert claims in busy_calls  # on a busy machine this process encodes the claims itself
    # with a free core, the helper did, but for the batches this process took from the other end
    assert claims not in idle_calls and all(len(c) <= 64 for c in idle_calls if set(claims) & set(c))
    assert not embed._offers  # nothing left offered after the story


def test_pipeline_the_comparison_encodes_its_claims_in_one_call_on_one_thread(monkeypatch):
    """The call `encode_claims_ahead` makes in a helper: all the claim texts, each once, in view
    order, on one thread (so its vectors are the ones the helper computes). It is made by
    `embed_views` itself, with no call before it."""
    from collections import OrderedDict

    from newsprism import embed
    from newsprism.compare.views import TextVectors, build_views, embed_views
    from newsprism.understand import understand_story

    group, articles = _bridge_story()
    views = build_views(understand_story(group, articles))
    calls: list[tuple[list[str], bool]] = []
    monkeypatch.setattr(embed, "_cache", OrderedDict())
    monkeypatch.setattr(embed, "_encode", lambda texts, batch_size, one_thread=False: (
        calls.append((list(texts), one_thread)) or np.ones((len(texts), embed.DIMENSIONS), dtype=np.float32)))
    matrix = embed_views(views, TextVectors(), one_thread=True)
    assert matrix.shape == (len(views), embed.DIMENSIONS)
    assert calls == [(list(dict.fromkeys(v.claim.text for v in views)), True)]


def test_pipeline_the_comparison_s_further_calls_follow_the_cores_free_after_its_claims(monkeypatch):
    """A large story's comparison samples the free cores once, after its claims call (the claims
    helper is done by then), and its further calls (clauses, windows, reported words) run by what it
    found (`embed.cores_free`); the claims call itself stays on one thread. A small story does not
    wait for the sample."""
    from collections import OrderedDict

    import newsprism.compare as compare
    from newsprism import embed
    from newsprism.understand import understand_story

    group, articles = _bridge_story()
    understanding = understand_story(group, articles)
    found: list[tuple[bool, float | None]] = []
    sampled: list[float] = []
    monkeypatch.setattr(compare, "free_cores", lambda: sampled.append(1.7) or 1.7)
    monkeypatch.setattr(embed, "_cache", OrderedDict())
    monkeypatch.setattr(embed, "_encode", lambda texts, batch_size, one_thread=False: (
        found.append((one_thread, embed._free_cores)) or np.ones((len(texts), embed.DIMENSIONS), dtype=np.float32)))
    compare.compare_story(understanding)
    assert not sampled and all(free is None for _, free in found)

    found.clear()
    embed._cache.clear()
    monkeypatch.setattr(compare, "SAMPLE_CORES_FROM", 1)
    compare.compare_story(understanding)
    assert sampled == [1.7]
    assert found[0] == (True, None)  # the claims
    assert len(found) > 1 and all(free == 1.7 for _, free in found[1:])
    assert embed._free_cores is None  # put back after the story
