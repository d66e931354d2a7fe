"""Scale: the same results on a Dask cluster as in one process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import InputError
from newsprism.group import fingerprint_articles, group_articles
from newsprism.pipeline import analyze, read_and_clean
from newsprism.scale import LocalRunner, Outcome, PARTITION_SIZE, apply_each, current_runner, open_cluster, using
from newsprism.settings import Settings

from conftest import TEST_DATA

MIXED = TEST_DATA / "group" / "mixed"
# a small corpus: two stories of the same week and a singleton (keeps the two-cluster run short)
SMALL = sorted(str(p) for p in MIXED.iterdir() if p.name.startswith(("rate_", "ship_", "library_")))


def _halve(x: int) -> float:
    if x == 3:
        raise InputError("NP101")
    if x == 5:
        raise ValueError("five")
    return x / 2


def test_scale_apply_each_keeps_order_and_turns_errors_into_coded_outcomes():
    outcomes = apply_each(_halve, [1, 3, 5, 8])
    assert [o.value for o in outcomes if o.ok] == [0.5, 4.0]
    assert [o.code for o in outcomes] == [None, "NP101", "NP000", None]
    assert "five" in outcomes[2].message
    assert outcomes[1].error().code == "NP101"


def test_scale_local_runner_partitions_like_a_cluster_and_keeps_input_order():
    items = list(range(PARTITION_SIZE * 2 + 5))
    seen_sizes = []

    def doubled(part):
        seen_sizes.append(len(part))
        return [x * 2 for x in part]

    assert LocalRunner().map_batches(doubled, items) == [x * 2 for x in items]
    assert seen_sizes == [PARTITION_SIZE, PARTITION_SIZE, 5]
    assert [o.value for o in LocalRunner().map_each(_halve, [2, 4])] == [1.0, 2.0]


def test_scale_without_workers_or_scheduler_runs_in_process():
    with open_cluster() as runner:
        assert runner is None
    with using(LocalRunner()) as runner:
        assert current_runner() is runner
    assert current_runner() is None


def test_scale_outcome_pickles():
    import pickle

    outcome = Outcome(code="NP201", message="no article text left after cleaning (3 chars in)")
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def _memberships(report):
    name = {a.id: Path(a.source_path).name for a in report.articles}
    return sorted(sorted(name[i] for i in s.article_ids) for s in report.stories)


@pytest.mark.slow
def test_scale_local_cluster_gives_the_single_process_result():
    settings = Settings()
    single_articles, single_failures = read_and_clean(SMALL, settings)
    single_report = analyze(SMALL, settings)
    with open_cluster(workers=2) as runner:
        assert runner.workers == 2
        cluster_articles, cluster_failures = read_and_clean(SMALL, settings, scale=runner)
        cluster_fps = runner.map_batches(fingerprint_articles, cluster_articles, (None, settings.group.lead_sentences))
        cluster_report = analyze(SMALL, settings, scale=runner)
    assert cluster_articles == single_articles
    assert cluster_failures == single_failures
    single_fps = fingerprint_articles(single_articles, lead_sentences=settings.group.lead_sentences)
    assert all(np.allclose(a.vector, b.vector, atol=1e-5) and a.names == b.names for a, b in zip(cluster_fps, single_fps))
    assert group_articles(cluster_articles, settings.group, fingerprints=cluster_fps) == group_articles(single_articles, settings.group)
    assert cluster_report.articles == single_report.articles
    assert [s.id for s in cluster_report.stories] == [s.id for s in single_report.stories]
    assert _memberships(cluster_report) == _memberships(single_report)
    assert len(cluster_report.stories) == 3


def test_scale_story_parts_pack_stories_by_articles_in_order():
    from newsprism.pipeline import story_parts

    jobs = [(f"s{k}", ["a"] * n) for k, n in enumerate([5, 30, 2, 40, 3, 1])]
    parts = story_parts(jobs, articles_per_part=32)
    # every story once, in order; a part closes once it holds 32 articles or more
    assert [j for part in parts for j in part] == jobs
    assert [[name for name, _ in part] for part in parts] == [["s0", "s1"], ["s2", "s3"], ["s4", "s5"]]
    # many small stories spread over several tasks (one task for 64 stories had left a worker idle)
    assert len(story_parts([(k, ["a"] * 5) for k in range(12)], articles_per_part=32)) == 2


def test_scale_local_runner_analyses_each_story_of_a_part_and_keeps_their_order():
    settings = Settings()
    single = analyze(SMALL, settings)
    scaled = analyze(SMALL, settings, scale=LocalRunner())
    assert [s.id for s in scaled.stories] == [s.id for s in single.stories]
    assert [s.model_dump() for s in scaled.stories] == [s.model_dump() for s in single.stories]


def test_scale_part_size_gives_every_worker_a_share_of_a_small_run():
    from newsprism.pipeline import STORY_PART_ARTICLES, part_size

    assert part_size(60, 2) == 30
    assert part_size(10_000, 4) == STORY_PART_ARTICLES
    assert part_size(3, 8) == 1


def _halve_part_or_die(part):
    """One value per item; a part holding 99 kills its worker process outright."""
    import os

    if 99 in part:
        os._exit(3)
    return apply_each(_halve, part)


def test_scale_fork_runner_keeps_part_order_and_loses_only_the_part_whose_worker_dies():
    from newsprism.scale import ForkRunner, fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    parts = [[2, 4], [3, 6], [99, 8], [10], [12, 14]]
    outcomes = ForkRunner(workers=2).map_parts(_halve_part_or_die, parts)
    assert len(outcomes) == 9
    assert [o.value for o in outcomes[:4]] == [1.0, 2.0, None, 3.0]
    assert outcomes[2].code == "NP101"  # an item's own error, as in one process
    # the dead worker's part: one error per item, naming the lost worker; the parts after it are kept
    assert [o.code for o in outcomes[4:6]] == ["NP000", "NP000"] and "worker process" in outcomes[4].message
    assert [o.value for o in outcomes[6:]] == [5.0, 6.0, 7.0]


def test_scale_fork_runner_maps_items_like_the_local_runner():
    from newsprism.scale import ForkRunner

    items = list(range(PARTITION_SIZE + 7)) + [3, 5]
    forked, local = ForkRunner(workers=2).map_each(_halve, items), LocalRunner().map_each(_halve, items)
    assert forked == local


def _collector_settings(part):
    """Each item's view of the worker's garbage collector: its first threshold, and whether anything is frozen."""
    import gc

    return [(gc.get_threshold()[0], gc.get_freeze_count() > 0) for _ in part]


def test_scale_fork_runner_workers_collect_garbage_less_often_and_leave_the_parent_alone():
    import gc

    from newsprism.scale import FORKED_GC_THRESHOLD, ForkRunner, fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    before = gc.get_threshold()
    assert ForkRunner(workers=2).map_parts(_collector_settings, [[1], [2, 3]]) == [(FORKED_GC_THRESHOLD, True)] * 3
    assert gc.get_threshold() == before


def test_scale_fork_runner_workers_end_after_the_results_are_back():
    import multiprocessing

    from newsprism.scale import ForkRunner, fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    assert ForkRunner(workers=2).map_parts(_collector_settings, [[1], [2]])  # the pool waits for its workers to exit
    for child in multiprocessing.active_children():
        child.join(timeout=30)
    assert multiprocessing.active_children() == []


def test_scale_balanced_parts_deal_stories_by_their_text():
    from types import SimpleNamespace

    from newsprism.pipeline import balanced_parts, fork_parts

    def story(name, *chars):
        return (name, [SimpleNamespace(text="x" * c) for c in chars])

    jobs = [story("a", 900), story("b", 300), story("c", 300), story("d", 100, 100), story("e", 200), story("f", 100)]
    parts = balanced_parts(jobs, 2)
    # every story once, each part in input order; the text splits 1000 | 1000 (a cut between consecutive stories gives 900 | 1100 at best)
    assert sorted(j for part in parts for j in part) == sorted(jobs)
    assert all(part == sorted(part, key=jobs.index) for part in parts)
    assert sorted(sum(len(a.text) for _, members in part for a in members) for part in parts) == [1000, 1000]
    assert balanced_parts(jobs[:1], 2) == [jobs[:1]]
    # 130 articles for 2 workers: 6 parts (3 each), so no part holds much more than one 32-doc spaCy batch
    many = [story(f"s{k}", *[500] * 5) for k in range(26)]
    assert len(fork_parts(many, 2)) == 6


def _names(part):
    return [name for name, _ in part]


def test_scale_run_in_parts_gives_results_in_story_order():
    from types import SimpleNamespace

    from newsprism.pipeline import run_in_parts
    from newsprism.scale import ForkRunner

    jobs = [(f"s{k}", [SimpleNamespace(text="x" * size)]) for k, size in enumerate([50, 900, 10, 400, 400, 70, 600])]
    assert run_in_parts(ForkRunner(workers=2), _names, jobs) == [name for name, _ in jobs]


@pytest.mark.parametrize(
    "stories, articles, free, expected",
    [(12, 60, 2.0, 2), (12, 60, 1.6, 2), (12, 60, 1.2, 1), (1, 60, 2.0, 1), (2, 4, 2.0, 1), (2, 10, 4.0, 2), (12, 60, 0.3, 1)],
)
def test_scale_analyze_forks_story_workers_only_for_two_stories_on_two_free_cores(monkeypatch, stories, articles, free, expected):
    import newsprism.pipeline as pipeline

    monkeypatch.setattr(pipeline, "free_cores", lambda: free)
    assert pipeline.story_workers(stories, articles) == expected


def test_scale_free_cores_do_not_count_this_process_as_someone_elses_load(monkeypatch, tmp_path):
    import newsprism.scale as scale

    monkeypatch.setattr(scale, "PROC_STAT", str(tmp_path / "no-proc-stat"))  # not Linux: the load average stands in
    monkeypatch.setattr(scale.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(scale.os, "getloadavg", lambda: (1.0, 1.0, 1.0))
    monkeypatch.setattr(scale.time, "process_time", lambda: 0.0)  # idle so far: the load is another job's
    assert scale.free_cores() == pytest.approx(1.0)
    monkeypatch.setattr(scale.time, "process_time", lambda: 600.0)  # busy for minutes: the load is this process
    assert scale.free_cores() == pytest.approx(2.0, abs=0.01)


def _fake_proc_stat(monkeypatch, tmp_path, ticks_before: list[int], ticks_after: list[int], own_cpu_s: float = 0.0):
    """Point scale at a /proc/stat whose counters move as from `ticks_before` to `ticks_after`
    (user nice system idle iowait irq softirq steal) each time `free_cores` sleeps, this process
    using `own_cpu_s` of CPU meanwhile."""
    import newsprism.scale as scale

    stat = tmp_path / "stat"

    def write(ticks):
        stat.write_text("cpu  " + " ".join(map(str, ticks)) + " 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n")

    now = list(ticks_before)
    write(now)
    clock = {"cpu": 100.0}

    def sleep(seconds):  # each sample sees the counters move by the same amount
        now[:] = [t + after - before for t, before, after in zip(now, ticks_before, ticks_after)]
        write(now)
        clock["cpu"] += own_cpu_s

    monkeypatch.setattr(scale, "PROC_STAT", str(stat))
    monkeypatch.setattr(scale.time, "sleep", sleep)
    monkeypatch.setattr(scale.time, "process_time", lambda: clock["cpu"])
    monkeypatch.setattr(scale.os, "cpu_count", lambda: 2)


def test_scale_free_cores_see_a_machine_gone_idle_though_the_load_average_lags(monkeypatch, tmp_path):
    """Straight after a heavy run the 1-minute load average still reads about 2 on 2 cores, but
    the cores are idle now: the claims helper and the parse workers may fork."""
    import newsprism.scale as scale

    monkeypatch.setattr(scale.os, "getloadavg", lambda: (1.9, 1.2, 0.6))
    # 20 ticks of 2 cores over the sample: 1 busy (user), 19 idle
    _fake_proc_stat(monkeypatch, tmp_path, [500, 0, 100, 900, 10, 0, 0, 0], [501, 0, 100, 918, 11, 0, 0, 0])
    assert scale.free_cores() == pytest.approx(1.9)
    assert scale.can_fork_helper()


def test_scale_free_cores_see_busy_cores_the_load_average_has_not_caught_up_with(monkeypatch, tmp_path):
    """Other jobs that have just started keep both cores busy (user, system, steal all count; idle and
    waiting for the disk do not) while the load average still reads low: no helper."""
    import newsprism.scale as scale

    monkeypatch.setattr(scale.os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    _fake_proc_stat(monkeypatch, tmp_path, [500, 0, 100, 900, 10, 0, 0, 0], [510, 2, 105, 900, 10, 1, 1, 1])
    assert scale.free_cores() == pytest.approx(0.0)
    assert not scale.can_fork_helper()


def test_scale_free_cores_do_not_count_this_process_s_own_threads_in_the_sample(monkeypatch, tmp_path):
    """One core busy over the sample, all of it this process's own threads (0.1 CPU s in 0.1 s):
    both cores are free for what this process would fork."""
    import newsprism.scale as scale

    monkeypatch.setattr(scale.os, "getloadavg", lambda: (1.9, 1.9, 1.9))
    _fake_proc_stat(monkeypatch, tmp_path, [500, 0, 100, 900, 0, 0, 0, 0], [510, 0, 100, 910, 0, 0, 0, 0], own_cpu_s=scale.CPU_SAMPLE_S)
    assert scale.free_cores() == pytest.approx(2.0)


def _pid_and_square(n: int) -> tuple[int, int]:
    import os

    return os.getpid(), n * n


def _fail() -> None:
    raise RuntimeError("the helper fails")


def _sleep_long() -> None:
    import time

    time.sleep(600)


def test_scale_forked_call_computes_in_another_process_and_fails_to_none():
    """`ForkedCall`: the value comes back from a child process; a call that raises gives None (the
    caller then does the work itself); a child whose result is not wanted is ended at once."""
    import os
    import time

    from newsprism.scale import ForkedCall, fork_available

    if not fork_available():
        pytest.skip("no fork on this platform")
    call = ForkedCall(_pid_and_square, (12,))
    pid, square = call.result()
    assert square == 144 and pid != os.getpid()
    assert call.result() == (pid, 144) and call.cpu_s >= 0.0
    assert ForkedCall(_fail).result() is None
    started = time.monotonic()
    sleeper = ForkedCall(_sleep_long)
    sleeper.close()
    assert time.monotonic() - started < 30
    sleeper.close()  # twice is harmless


def test_scale_forked_call_is_not_used_inside_a_forked_worker(monkeypatch):
    """A worker forked by ForkRunner (the cores already taken by it and its siblings) forks no
    helper of its own, whatever the load average says."""
    import newsprism.scale as scale

    if not scale.fork_available():
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(scale, "free_cores", lambda: 2.0)
    assert scale.can_fork_helper()
    assert scale.ForkRunner(workers=1).map_parts(_can_fork_helper_part, [[0]]) == [False]
    monkeypatch.setattr(scale, "free_cores", lambda: 0.9)
    assert not scale.can_fork_helper()


def _can_fork_helper_part(part: list) -> list:
    from newsprism.scale import can_fork_helper

    return [can_fork_helper() for _ in part]
