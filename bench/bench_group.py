"""Benchmark story grouping: quality on ECB+, speed and memory on a generated stream, Dask throughput.

Run from the repository root:

    .venv/bin/python -m bench.bench_group            # everything
    .venv/bin/python -m bench.bench_group ecb        # one part: ecb | mixed | ann | scale | dask

Sections written to bench/RESULTS.md:
    group: ECB+        B-cubed P/R/F1 of newsprism vs TF-IDF cosine + single-link (best threshold)
    group: invented stories, mixed
                       bench/sets/stories' invented events copied into one folder: B-cubed and
                       every article put in the wrong story or alone
    group: ANN index   usearch vs exact search: build/query time and recall@k
    group: scale       generated 10k..100k stream with known stories: articles/s, peak memory
    group: Dask        full pipeline (clean + fingerprint + group) with 1 and 2 local Dask workers
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.results import write_section  # noqa: E402
from newsprism.group import StoryIndex, fingerprint_articles  # noqa: E402
from newsprism.models import CleanArticle, content_id  # noqa: E402
from newsprism.scoring import b_cubed  # noqa: E402
from newsprism.settings import GroupSettings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ECB = REPO.parent / "shared" / "data" / "ecbplus" / "anastasia-zhukova__Diverse_CDCR_datasets" / "ECBplus-prep" / "output_data" / "test_parsing"


# --------------------------------------------------------------------------- ECB+


def load_ecb() -> tuple[list[CleanArticle], list[str], list[int]]:
    """Return ECB+ articles, their gold event cluster (folder) and topic number."""
    articles, gold, topics = [], [], []
    for folder in sorted(p for p in ECB.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            text = doc["text"].strip()
            articles.append(CleanArticle(id=content_id(path.name + text), source_path=str(path), title=doc.get("title") or None, text=text))
            gold.append(folder.name)
            topics.append(int("".join(itertools.takewhile(str.isdigit, folder.name))))
    return articles, gold, topics


VECTOR_CACHE = Path(os.environ.get("NEWSPRISM_BENCH_CACHE", "/tmp")) / "newsprism-bench-ecb-lead-vectors.npz"


def cached_lead_vectors(articles: list[CleanArticle]) -> np.ndarray:
    """Return lead embeddings, reusing the ones of an earlier run when the lead texts are identical.

    Embedding 982 leads takes minutes on 2 shared cores; the vectors depend only on
    the lead text and the model, so re-runs that tune clustering reuse them.
    """
    import hashlib

    from newsprism.embed import embed
    from newsprism.group.fingerprint import lead_text

    leads = [lead_text(a, sentences=GroupSettings().lead_sentences) for a in articles]
    digest = hashlib.sha1("\x00".join(leads).encode()).hexdigest()
    if VECTOR_CACHE.exists():
        cached = np.load(VECTOR_CACHE)
        if str(cached["digest"]) == digest:
            return cached["vectors"]
    vectors = embed(leads)
    np.savez(VECTOR_CACHE, digest=digest, vectors=vectors)
    return vectors


def clusters_of(labels: list) -> list[set[int]]:
    out: dict = {}
    for i, label in enumerate(labels):
        out.setdefault(label, set()).add(i)
    return list(out.values())


def run_index(fps, titles, settings: GroupSettings) -> list[int]:
    """Group fingerprints in input order; return the story position of each."""
    index = StoryIndex(settings)
    for fp, t in zip(fps, titles):
        index.add(fp, t)
    index.attach_strays()
    story_of = {a: k for k, story in enumerate(index.stories()) for a in story.article_ids}
    return [story_of[fp.article_id] for fp in fps]


class without_second_pass:
    """Group as before `StoryIndex.attach_strays` (the baseline beside it in one run): no stray passes the score."""

    def __enter__(self):
        from newsprism.group import cluster

        self._saved, cluster.STRAY_SCORE = cluster.STRAY_SCORE, float("inf")

    def __exit__(self, *exc):
        from newsprism.group import cluster

        cluster.STRAY_SCORE = self._saved


def tfidf_single_link(texts: list[str], threshold: float) -> list[int]:
    """Baseline: TF-IDF cosine, pairs above threshold linked, connected components."""
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    sims = (matrix @ matrix.T).toarray()
    _, labels = connected_components(sims >= threshold, directed=False)
    return labels.tolist()


def score(gold: list, labels: list, keep: list[int] | None = None):
    keep = keep if keep is not None else list(range(len(gold)))
    return b_cubed(clusters_of([gold[i] for i in keep]), clusters_of([labels[i] for i in keep]))


def bench_ecb() -> None:
    articles, gold, topics = load_ecb()
    titles = [a.title or "" for a in articles]
    t0 = time.perf_counter()
    fps = fingerprint_articles(articles, vectors=cached_lead_vectors(articles), lead_sentences=GroupSettings().lead_sentences)
    print(f"fingerprints: {time.perf_counter() - t0:.1f} s", flush=True)
    t_fp = time.perf_counter() - t0
    # Grouping runs per subset so that tuning never sees the held-out topics.
    odd = [i for i, t in enumerate(topics) if t % 2 == 1]
    even = [i for i, t in enumerate(topics) if t % 2 == 0]

    def run_subset(keep, settings):
        labels = run_index([fps[i] for i in keep], [titles[i] for i in keep], settings)
        return b_cubed(clusters_of([gold[i] for i in keep]), clusters_of(labels))

    grid = []
    for threshold in np.arange(0.7, 1.31, 0.05):
        for name_weight in (0.5, 1.0, 1.5, 2.0):
            for number_weight in (0.0, 0.15):
                for link in ("single", "average"):
                    s = GroupSettings(threshold=float(round(threshold, 2)), name_weight=name_weight, number_weight=number_weight, link=link, ann="exact")
                    grid.append((run_subset(odd, s).f1, s))
    best_single = max((g for g in grid if g[1].link == "single"), key=lambda g: g[0])[1]
    best_f1_odd, best = max(grid, key=lambda g: g[0])
    default = GroupSettings()
    rows = []
    for label, s in (("best single-link on odd topics", best_single), ("tuned on odd topics", best), ("shipped defaults (usearch)", default)):
        t0 = time.perf_counter()
        all_score = run_subset(list(range(len(articles))), s)
        t_group = time.perf_counter() - t0
        rows.append((label, s, run_subset(odd, s), run_subset(even, s), all_score, t_group))
    with without_second_pass():
        t0 = time.perf_counter()
        all_score = run_subset(list(range(len(articles))), default)
        rows.append(("shipped defaults without the second pass (before)", default, run_subset(odd, default), run_subset(even, default), all_score, time.perf_counter() - t0))

    # a folder holding exactly two look-alike events (one ECB+ topic): the second pass has no third story as runner-up there
    per_topic = {"with": [], "without": []}
    one_group = {"with": 0, "without": 0}
    for topic in sorted(set(topics)):
        keep = [i for i, t in enumerate(topics) if t == topic]
        for label in ("without", "with"):
            if label == "without":
                with without_second_pass():
                    labels = run_index([fps[i] for i in keep], [titles[i] for i in keep], default)
            else:
                labels = run_index([fps[i] for i in keep], [titles[i] for i in keep], default)
            per_topic[label].append(b_cubed(clusters_of([gold[i] for i in keep]), clusters_of(labels)).f1)
            one_group[label] += len(set(labels)) == 1
    topics_worse = sum(b < a - 1e-9 for a, b in zip(per_topic["without"], per_topic["with"]))

    texts = [f"{a.title or ''} {a.text}" for a in articles]
    baseline = []
    for threshold in np.arange(0.05, 0.95, 0.025):
        labels = tfidf_single_link(texts, float(threshold))
        baseline.append((score(gold, labels), float(threshold)))
    base_score, base_t = max(baseline, key=lambda b: b[0].f1)
    lead_only = []
    for threshold in np.arange(0.05, 0.95, 0.025):
        labels = tfidf_single_link([f"{a.title or ''} {' '.join(a.text.split()[:80])}" for a in articles], float(threshold))
        lead_only.append((score(gold, labels), float(threshold)))
    lead_score, lead_t = max(lead_only, key=lambda b: b[0].f1)

    lines = [
        f"ECB+ ({len(articles)} articles, {len(set(gold))} event clusters in {len(set(topics))} topics, each topic two look-alike events). "
        "B-cubed over articles. Weights swept on the odd topics only (grid of threshold 0.70–1.30 x name weight x number weight x link, "
        f"{len(grid)} settings), then scored on the held-out even topics and on all. ECB+ has no publication dates: the time terms use the first date a lead states "
        f"({sum(1 for f in fps if f.published)} articles with a full date, {sum(1 for f in fps if f.month_day)} with a day and month).",
        "",
        "| method | settings | P | R | F1 (all) | F1 odd (tuning) | F1 even (held out) | grouping time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, s, s_odd, s_even, s_all, t in rows:
        lines.append(
            f"| newsprism, {label} | {s.link} link, threshold {s.threshold}, names {s.name_weight}, numbers {s.number_weight}, {s.ann} "
            f"| {s_all.precision:.3f} | {s_all.recall:.3f} | **{s_all.f1:.4f}** | {s_odd.f1:.4f} | {s_even.f1:.4f} | {t:.2f} s |"
        )
    lines.append(f"| baseline: TF-IDF cosine + single-link, full text, best threshold on all ({base_t:.3f}) | — | {base_score.precision:.3f} | {base_score.recall:.3f} | {base_score.f1:.4f} | — | — | — |")
    lines.append(f"| baseline: TF-IDF cosine + single-link, headline + first 80 words, best threshold ({lead_t:.3f}) | — | {lead_score.precision:.3f} | {lead_score.recall:.3f} | {lead_score.f1:.3f} | — | — | — |")
    lines += ["", f"Fingerprinting (names, numbers, dates, MinHash; lead embeddings from the bench cache when the leads are unchanged): {t_fp:.1f} s for {len(articles)} articles. "
              "Embedding the 982 leads with MiniLM took 563 s on the 2 shared cores (load average about 10).", "Target: B-cubed F1 ≥ 0.85 and above the baseline.",
              "Before the side-aspect rule and the name changes of c8b62f6 (same bench, same cached vectors, at 1a037df): shipped defaults F1 0.8496 "
              "(P 0.850, R 0.849; odd 0.8477, even 0.8682); tuned on odd was average link, names 2.0, numbers 0.0: F1 0.8462 (odd 0.8611, even 0.8663); "
              "best single-link 0.8168 (odd 0.8358, even 0.8271). With the rule, names 2.0 / numbers 0.0 falls to odd 0.8385, even 0.8576 "
              "(the fixed +0.15 merges more ECB+ look-alikes when names weigh more), so the sweep now picks the shipped weights.",
              "A sentence's first word before a reporting verb ('Ghasemi said') read as a name (62528cb), measured beside the old name "
              "reading in one run on the same cached vectors: shipped defaults F1 0.8476 -> 0.8481 (P 0.818 both, R 0.879 -> 0.880; odd 0.8503 -> 0.8513, even 0.8701 both).",
              "Second pass (`StoryIndex.attach_strays`, session 9): a story of at most 3 articles joins the story whose mean score with its members "
              "is at least 0.6 and beats the next story's by 0.25. Score and margin were read off the singletons of this set (all topics) and of the "
              "mixed set, so neither figure is held out for them. Story size, same harness and cached vectors (all / odd / even F1): singletons only "
              "0.8503 / 0.8530 / 0.8714; up to 2: 0.8491 / 0.8560 / 0.8714; up to 3: 0.8537 / 0.8560 / 0.8801; up to 4: 0.8565 / 0.8560 / 0.8801 "
              "(a story moves only into one at least as large). "
              "The odd (tuning) topics tie from 2 up; 3 was taken as the smallest size that also joins the mixed set's 2 + 2 split, looking at "
              "all topics too, so the even figure is not fully held out for it. The row 'without the second pass' is the same run with the pass off. "
              "Before it, reading the names of the first 1,400 characters instead of 800 (to join the mixed set's strays) lowered F1 0.8481 -> 0.8407 and was dropped.",
              "Session 10: the second pass sweeps until no story moves and asks 0.45 instead of 0.6 when every member of both stories is of one day "
              "(`SAME_DAY_EASING`, for one event told from several angles, G-angles); same harness and cached vectors, before -> after: all / odd / even F1 "
              "0.8537 / 0.8560 / 0.8801 both (ECB+ has no publication dates; at the shipped weights the sweeps moved the same stories, each topic alone too). The sweep of other weights found better odd-topic settings with the repeated sweeps: tuned on odd 0.8441 / 0.8626 / 0.8465 (threshold 1.15) -> 0.8446 / 0.8631 / 0.8489 (threshold 1.2); best single-link 0.8100 / 0.8467 / 0.8077 (threshold 1.05, names 1.0) -> 0.8116 / 0.8483 / 0.8126 (threshold 1.2, names 1.5). The mixed set below was absent in session 10 "
              "(its folders in /tmp are gone); the nine session-10 stories in one folder went 10 -> 9 stories, B-cubed F1 0.972 -> 1.000.",
              f"Each topic alone (a folder of exactly two look-alike events, where the second pass has no third story as runner-up), shipped defaults: "
              f"mean F1 {np.mean(per_topic['without']):.4f} without the pass, {np.mean(per_topic['with']):.4f} with it; topics put in one group "
              f"{one_group['without']} -> {one_group['with']} of {len(per_topic['with'])}; topics with a lower F1 with the pass: {topics_worse}.",
              "The shipped defaults were picked in an exploratory sweep over all 982 articles before this split was set up, so their all-topic figure is optimistic; the honest held-out figure is the even-topic F1 of the setting tuned on odd topics."]
    print("\n".join(lines))
    write_section("group: ECB+", "\n".join(lines))


# --------------------------------------------------------------------------- invented stories, mixed

STORIES_DIR = Path(__file__).resolve().parent / "sets" / "stories"
MIXED_STORIES = {folder.name: folder for folder in sorted(STORIES_DIR.iterdir()) if folder.is_dir()}
"""Each invented event's folder in bench/sets/stories (written in session 10; a file's story is the folder it
came from, except `OTHER_STORY`). Sessions 1-9 scored 32 other invented events kept only in /tmp, now gone:
their figures below are not comparable with this set's."""

OTHER_STORY: dict[str, str] = {}
"""Articles filed in another story's folder (none in this set)."""


SHUFFLES = 30


def build_mixed_folder(target: Path) -> None:
    """Copy every story's files into one folder, each name prefixed with its story (`ferry__wire.jsonl`)."""
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    for story, folder in MIXED_STORIES.items():
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                shutil.copy(path, target / f"{story}__{path.name}")


def misplaced(gold: list[str], labels: list, names: list[str]) -> list[str]:
    """Return a line for every article not in its story's main group: in another story's group, or alone.

    A story's main group is the predicted group holding most of its articles.
    """
    main = {}
    for story in set(gold):
        counts = {}
        for g, lab in zip(gold, labels):
            if g == story:
                counts[lab] = counts.get(lab, 0) + 1
        main[story] = max(counts, key=lambda lab: (counts[lab], -labels.index(lab)))
    out = []
    for g, lab, name in zip(gold, labels, names):
        if lab == main[g]:
            continue
        with_ = sorted({gold[k] for k, other in enumerate(labels) if other == lab and names[k] != name})
        out.append(f"`{name}` ({g}): " + (f"put with {', '.join(with_)}" if with_ else "alone"))
    return out


def bench_mixed() -> None:
    """Group the invented stories from one mixed folder as `newsprism analyze` does; score against the folders."""
    import tempfile

    from newsprism.group import group_articles
    from newsprism.pipeline import read_and_clean
    from newsprism.settings import Settings

    absent = [str(p) for p in MIXED_STORIES.values() if not p.is_dir()]
    if absent:
        print(f"group: invented stories, mixed: SKIPPED, story folders absent: {', '.join(absent)}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "mixed"
        build_mixed_folder(folder)
        articles, failures = read_and_clean([folder], Settings())
        assert not failures, failures
        cpu0, t0 = time.process_time(), time.perf_counter()
        groups = group_articles(articles, Settings().group)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
        fingerprints = fingerprint_articles(articles, lead_sentences=Settings().group.lead_sentences)
        with without_second_pass():
            before_groups = group_articles(articles, Settings().group, fingerprints=fingerprints)
    story_of = {a: k for k, g in enumerate(groups) for a in g.article_ids}
    names, gold, labels = [], [], []
    seen: dict[str, int] = {}
    for a in articles:
        file = Path(a.source_path).name
        seen[file] = seen.get(file, 0) + 1
        names.append(file if seen[file] == 1 else f"{file}#{seen[file]}")
        gold.append(file.split("__")[0])
        labels.append(story_of[a.id])
    for k, name in enumerate(names):  # number the first article of a file too when the file holds several
        if seen.get(name, 0) > 1:
            names[k] = f"{name}#1"
        gold[k] = OTHER_STORY.get(names[k], gold[k])
    ours = score(gold, labels)
    before_of = {a: k for k, g in enumerate(before_groups) for a in g.article_ids}
    before_labels = [before_of[a.id] for a in articles]
    before = score(gold, before_labels)
    texts = [f"{a.title or ''} {a.text}" for a in articles]
    base_score, base_t = max(((score(gold, tfidf_single_link(texts, float(t))), float(t)) for t in np.arange(0.05, 0.95, 0.025)), key=lambda b: b[0].f1)
    wrong = misplaced(gold, labels, names)
    # a folder's order is arbitrary (file names), and grouping is online: score shuffled input orders too
    shuffled_f1, shuffled_wrong = [], {}
    for seed in range(SHUFFLES):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        placed = group_articles([articles[i] for i in order], Settings().group, fingerprints=[fingerprints[i] for i in order])
        where = {a: k for k, g in enumerate(placed) for a in g.article_ids}
        shuffled_labels = [where[a.id] for a in articles]
        shuffled_f1.append(score(gold, shuffled_labels).f1)
        for w in misplaced(gold, shuffled_labels, names):
            shuffled_wrong[w] = shuffled_wrong.get(w, 0) + 1
    load = os.getloadavg()
    lines = [
        f"The invented stories of bench/sets/stories ({len(MIXED_STORIES)} events: {', '.join(MIXED_STORIES)}) copied into one folder, "
        f"{len(articles)} articles from their files, read and cleaned as `newsprism analyze` does, "
        "then grouped with the shipped defaults. Gold: the folder each file came from. B-cubed over articles.",
        "",
        f"| method | stories found (gold {len(MIXED_STORIES)}) | P | R | F1 |",
        "| --- | --- | --- | --- | --- |",
        f"| newsprism, shipped defaults | {len(groups)} | {ours.precision:.3f} | {ours.recall:.3f} | **{ours.f1:.4f}** |",
        f"| newsprism, without the second pass (before) | {len(before_groups)} | {before.precision:.3f} | {before.recall:.3f} | {before.f1:.4f} |",
        f"| baseline: TF-IDF cosine + single-link, full text, best threshold on this set ({base_t:.3f}) | {len(set(tfidf_single_link(texts, base_t)))} "
        f"| {base_score.precision:.3f} | {base_score.recall:.3f} | {base_score.f1:.4f} |",
        "",
        f"Grouping (fingerprints with embeddings + clustering): {cpu:.1f} CPU s, {wall:.1f} s wall; load average {load[0]:.1f}.",
        "",
        "Articles not in their story's main group: " + ("none." if not wrong else ""),
    ]
    lines += [f"- {w}" for w in wrong]
    lines += ["", "Without the second pass: " + ("none." if not misplaced(gold, before_labels, names) else "")]
    lines += [f"- {w}" for w in misplaced(gold, before_labels, names)]
    lines += [
        "",
        f"Over {SHUFFLES} shuffled input orders (same fingerprints): F1 mean {np.mean(shuffled_f1):.4f}, min {min(shuffled_f1):.4f}; "
        f"orders with every article in its story's main group: {sum(f == 1.0 for f in shuffled_f1)} of {SHUFFLES}. Articles misplaced in some order: "
        + ("none." if not shuffled_wrong else ""),
    ]
    lines += [f"- {w} — in {n} of {SHUFFLES} orders" for w, n in sorted(shuffled_wrong.items(), key=lambda kv: -kv[1])]
    lines += [
        "",
        "History: sessions 1-9 scored 32 other invented events (128 articles) kept only in /tmp folders, since lost; at the end of "
        "session 9 the shipped defaults put every one of them in its story (F1 1.000; figures in git history of this file and RESULTS.md). "
        "From session 10 the set lives in the repository (bench/sets/stories, with each event's expected findings beside it). "
        "`G-angles` (one blackout told from four angles on one day) split 2 + 2 before 27d985e (second pass repeated until no story moves, "
        "0.45 instead of 0.6 when every article of both stories is of one day); that change was written for it, so it is not held out. "
        "Session 16: `R-teachstrike` (a strike told by the union's side and the ministry's, two articles a side, published on the day and "
        "the next morning, leads sharing no name) split 2 + 2 (F1 0.9947 over the 47 events, 48 stories, at 751fb5a's parent); the second "
        "pass now also eases its bar when every lead names one day by weekday (\"on Tuesday\", \"Tuesday's strike\", "
        "`fingerprint.lead_weekday_day`, counted back from the publication day; 7cf9b16). Written for that story, so not held out; "
        "ECB+ carries no publication dates, so it cannot move.",
    ]
    print("\n".join(lines))
    write_section("group: invented stories, mixed", "\n".join(lines))


# --------------------------------------------------------------------------- generated stream

SYLLABLES = "ka lo mi ren tor vas bel du fin gar hol jes kur lin mor nal pex quo ris sul tam ulv wen yor zed".split()


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def _unit(nprng, ndim: int) -> np.ndarray:
    v = nprng.standard_normal(ndim).astype(np.float32)
    return v / np.linalg.norm(v)


def generate_stream(n: int, seed: int = 7, ndim: int = 384):
    """Return (articles, vectors, story labels): n template articles in stories of 1-12 reports.

    Vectors stand in for lead embeddings (precomputed): a topic direction shared by
    look-alike stories, plus a story direction, plus per-article noise (same-story
    cosine about 0.75, look-alike stories about 0.25, unrelated about 0).
    """
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    topics = nprng.standard_normal((max(1, n // 200), ndim)).astype(np.float32)
    articles, vectors, labels = [], [], []
    start = dt.date(2024, 1, 1)
    story = 0
    while len(articles) < n:
        size = min(n - len(articles), rng.choice([1, 1, 2, 3, 4, 6, 8, 12]))
        topic = topics[rng.randrange(len(topics))]
        base = 0.7 * topic / np.linalg.norm(topic) + _unit(nprng, ndim)
        base /= np.linalg.norm(base)
        names = [_word(rng) for _ in range(4)] + [_word(rng, 2) for _ in range(2)]
        place, count = _word(rng, 2), rng.randrange(10, 5000)
        day = start + dt.timedelta(days=len(articles) * 365 // n)
        for k in range(size):
            vector = base + 0.6 * _unit(nprng, ndim)
            vector /= np.linalg.norm(vector)
            who = rng.sample(names, 3)
            title = f"{who[0]} {who[1]} says {count} affected in {place}"
            body = (
                f"{place.upper()} - {who[0]} {who[1]} told reporters on {day:%d %B} that {count} people were affected in {place}. "
                f"{who[2]} of the {_word(rng)} agency said more help would come. "
                + " ".join(_word(rng, 2).lower() for _ in range(40))
                + f". {rng.choice(names)} is expected to speak again."
            )
            published = (day + dt.timedelta(days=rng.randrange(0, 3))).isoformat()
            articles.append(CleanArticle(id=content_id(f"{story}-{k}-{body}"), source_path="generated", title=title, text=body, published=published))
            vectors.append(vector)
            labels.append(story)
        story += 1
    return articles, np.stack(vectors).astype(np.float32), labels


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_one(n: int) -> dict:
    """Group a generated stream of n articles in this process; return timings, memory and quality."""
    articles, vectors, labels = generate_stream(n)
    gc.collect()
    t0 = time.perf_counter()
    fps = fingerprint_articles(articles, vectors=vectors, lead_sentences=GroupSettings().lead_sentences)
    t_fp = time.perf_counter() - t0
    index = StoryIndex(GroupSettings())
    t0 = time.perf_counter()
    for article, fp in zip(articles, fps):
        index.add(fp, article.title or "")
    t_group = time.perf_counter() - t0
    position = {a: i for i, a in enumerate(a.id for a in articles)}
    predicted = [0] * n
    for s_i, group in enumerate(index.stories()):
        for a in group.article_ids:
            predicted[position[a]] = s_i
    quality = b_cubed(clusters_of(labels), clusters_of(predicted))
    return {"n": n, "stories": len(set(labels)), "found": len(index.stories()), "fingerprint_s": t_fp, "group_s": t_group,
            "peak_mb": _peak_rss_mb(), "f1": quality.f1}


def bench_scale(sizes=(10_000, 30_000, 100_000)) -> None:
    import subprocess

    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "bench.bench_group", "scale_one", str(n)], capture_output=True, text=True, check=True, cwd=REPO)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(rows[-1], flush=True)
    base = rows[0]
    lines = [
        "Generated stream (bench/bench_group.py `generate_stream`): template articles in stories of 1–12 reports, look-alike stories sharing a topic "
        "direction, dated over a year. Lead embeddings are **precomputed stand-ins** (random topic + story + noise vectors, 384-d), because embedding "
        "100k texts with MiniLM on 2 shared cores takes hours; names, numbers, dates and MinHash are computed from the text as in production. "
        "Each size runs in a fresh process (peak RSS = whole process, data included). Shipped defaults (usearch, average link).",
        "",
        "| articles | true stories | stories found | B-cubed F1 | fingerprints (no embedding) | grouping | grouping articles/s | time vs 10k (linear = n/10k) | peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['stories']:,} | {r['found']:,} | {r['f1']:.3f} | {r['fingerprint_s']:.1f} s | {r['group_s']:.1f} s "
            f"| **{r['n'] / r['group_s']:,.0f}** | {r['group_s'] / base['group_s']:.1f}x (n {r['n'] / base['n']:.0f}x) | {r['peak_mb']:,.0f} MB |"
        )
    last = rows[-1]
    lines += ["", f"Per-article grouping cost: {base['group_s'] / base['n'] * 1e3:.2f} ms at {base['n']:,}, {last['group_s'] / last['n'] * 1e3:.2f} ms at {last['n']:,} "
              "(HNSW search and insert grow with log n, and the larger index leaves the CPU caches); there is no quadratic term."]
    lines += ["", "Targets: ≥ 200 articles/s grouping with embeddings precomputed, peak memory < 4 GB, near-linear growth 10k → 100k. "
              "Measured on 2 cores shared with other jobs, so absolute times are pessimistic."]
    write_section("group: scale", "\n".join(lines))


# --------------------------------------------------------------------------- ANN


def bench_ann(n: int = 10_000, k: int = 20) -> None:
    """Sequential add + search as grouping does it: usearch vs exact brute force, recall@k against exact."""
    from newsprism.group.index import VECTOR_INDEXES

    _, vectors, _ = generate_stream(n)
    results, times = {}, {}
    for name in ("exact", "usearch"):
        index = VECTOR_INDEXES[name](vectors.shape[1])
        found = []
        t0 = time.perf_counter()
        for key, vector in enumerate(vectors):
            found.append({h for h, _ in index.search(vector, k)})
            index.add(key, vector)
        times[name] = time.perf_counter() - t0
        results[name] = found
    recall = np.mean([len(a & b) / len(b) for a, b in zip(results["usearch"], results["exact"]) if b])
    big = 100_000
    _, vectors_big, _ = generate_stream(big)
    index = VECTOR_INDEXES["usearch"](vectors_big.shape[1])
    t0 = time.perf_counter()
    for key, vector in enumerate(vectors_big):
        index.search(vector, k)
        index.add(key, vector)
    t_big = time.perf_counter() - t0
    lines = [
        f"Each new vector is searched (top {k}) then added, as grouping does, over the generated stream's 384-d vectors.",
        "",
        "| index | articles | time | per article | recall@20 vs exact |",
        "| --- | --- | --- | --- | --- |",
        f"| exact (numpy brute force) | {n:,} | {times['exact']:.1f} s | {times['exact'] / n * 1e3:.2f} ms | 1.000 |",
        f"| usearch 2.26.6 HNSW (f16, M=16, ef_add=64, ef_search=64) | {n:,} | {times['usearch']:.1f} s | {times['usearch'] / n * 1e3:.2f} ms | {recall:.3f} |",
        f"| usearch, same | {big:,} | {t_big:.1f} s | {t_big / big * 1e3:.2f} ms | — |",
        "",
        "Exact search grows with the index (quadratic overall: about "
        f"{times['exact'] / n * 1e3 * big / n:.1f} ms per article at {big:,} by extrapolation); usearch stays near-flat, so it is the default. "
        "faiss-cpu and hnswlib were not measured (not installed; usearch already meets the target and ships as one wheel). "
        "`GroupSettings.ann = \"exact\"` remains for small batches.",
    ]
    print("\n".join(lines))
    write_section("group: ANN index", "\n".join(lines))


# --------------------------------------------------------------------------- Dask


def bench_dask(n: int = 128) -> None:
    """Full pipeline (read, clean, fingerprint, group, understand, compare, frame) in-process and on 1 and 2 local workers."""
    import tempfile

    from newsprism.pipeline import analyze
    from newsprism.scale import PARTITION_SIZE, open_cluster
    from newsprism.settings import Settings

    articles, gold, _ = load_ecb()
    rng = random.Random(3)
    sample = rng.sample(range(len(articles)), n)
    with tempfile.TemporaryDirectory() as tmp:
        path, warm = Path(tmp) / "sample.jsonl", Path(tmp) / "warm.jsonl"
        lines_out = [json.dumps({"title": articles[i].title, "text": articles[i].text}) + "\n" for i in sample]
        path.write_text("".join(lines_out), encoding="utf-8")
        warm.write_text("".join(lines_out[:4]), encoding="utf-8")
        rows = []
        memberships = {}
        for workers in (None, 1, 2):
            with open_cluster(workers=workers) as runner:
                analyze([path], Settings(), scale=runner)  # warm up every worker (imports, models) outside the timing
                t0 = time.perf_counter()
                report = analyze([path], Settings(), scale=runner)
                elapsed = time.perf_counter() - t0
            memberships[workers] = sorted(sorted(s.article_ids) for s in report.stories)
            rows.append((workers, elapsed, len(report.articles), len(report.stories)))
            print(rows[-1], flush=True)
    same = all(m == memberships[None] for m in memberships.values())
    lines = [
        f"Full `newsprism.analyze` (read JSONL, clean, fingerprint with embeddings, group, then understand, compare and frame each story) on {n} "
        "ECB+ articles; Dask runs use a LocalCluster (processes, 1 thread each), timed after an identical warm-up run so worker start-up and model loading are not counted (the single-process run is warmed the same way).",
        "",
        "| run | time | articles/s | stories |",
        "| --- | --- | --- | --- |",
    ]
    for workers, elapsed, n_articles, n_stories in rows:
        label = "single process (no Dask)" if workers is None else f"Dask LocalCluster, {workers} worker{'s' if workers > 1 else ''}"
        lines.append(f"| {label} | {elapsed:.1f} s | {n_articles / elapsed:.2f} | {n_stories} |")
    lines += ["", f"Story memberships identical across the three runs: {'yes' if same else 'NO'}. The machine has 2 cores shared with other jobs; "
              f"work is cut into partitions of {PARTITION_SIZE} articles (one task each) and one task per story, and in-process torch already uses both cores "
              "for embeddings, so Dask pays off on more cores or machines, not on this box."]
    print("\n".join(lines))
    write_section("group: Dask", "\n".join(lines))


# --------------------------------------------------------------------------- main

PARTS = {"ecb": bench_ecb, "mixed": bench_mixed, "ann": bench_ann, "scale": bench_scale, "dask": bench_dask}

if __name__ == "__main__":
    if sys.argv[1:2] == ["scale_one"]:
        print(json.dumps(scale_one(int(sys.argv[2]))))
        sys.exit(0)
    wanted = sys.argv[1:] or list(PARTS)
    for part in wanted:
        PARTS[part]()
