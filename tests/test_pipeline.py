"""The pipeline as a notebook user calls it: newsprism.analyze over paths or Article objects."""

from __future__ import annotations

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
