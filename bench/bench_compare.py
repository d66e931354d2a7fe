"""Benchmark the comparison stage: claim alignment on NAnCo, end-to-end time and memory.

Run from the repository root:

    .venv/bin/python -m bench.bench_compare            # everything
    .venv/bin/python -m bench.bench_compare nanco      # one part: nanco | seeds | large

Sections written to bench/RESULTS.md:
    compare: NAnCo alignment   balanced accuracy of newsprism's alignment probability vs a plain
                               cosine threshold on the same embeddings (the paper's protocol:
                               threshold chosen on validation questions Q2, Q3, Q5, Q6 as the mean
                               of per-question best thresholds, scored on test questions Q4, Q7-Q9)
    compare: end to end        the seed story (5 articles) through the CLI in a fresh process, and a
                               200-article story (ECB+ articles forced into one story), time and peak memory
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.results import write_section  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NANCO = SHARED / "data" / "nanco-discord-questions" / "salesforce__discord_questions" / "nanco_dataset.json"
SEEDS = SHARED / "seeds"
ECB = SHARED / "data" / "ecbplus" / "anastasia-zhukova__Diverse_CDCR_datasets" / "ECBplus-prep" / "output_data" / "test_parsing"
VALIDATION = ["Q2", "Q3", "Q5", "Q6"]
TEST = ["Q4", "Q7", "Q8", "Q9"]
PYTHON = sys.executable


# --------------------------------------------------------------------------- NAnCo


def balanced_accuracy(labels: np.ndarray, predicted: np.ndarray) -> float:
    recalls = [float((predicted[labels == c] == c).mean()) for c in (0, 1) if (labels == c).any()]
    return float(np.mean(recalls))


def answer_views(question: dict, answers: list[dict]):
    """Read each answer as a one-sentence article of one story, through the understanding
    stage, and return the comparison's views of them (numbers, dates, entities, reported words)."""
    from newsprism.compare.views import attach_contents, build_views
    from newsprism.models import Claim, CleanArticle, StoryGroup
    from newsprism.understand import understand_story

    articles = [CleanArticle(id=f"a{k}", source_path=a["Article URL"], url=a["Article URL"], text=a["Answer"]) for k, a in enumerate(answers)]
    u = understand_story(StoryGroup(id="s_nanco", title=question["question"], article_ids=[a.id for a in articles]), articles)
    # One claim per answer, whatever its length (the understanding stage keeps only sentences).
    claims = [
        Claim(
            id=f"c{k}", article_id=a.id, sentence_index=0, text=a.text, start=0, end=len(a.text),
            entity_ids=[e.id for e in u.entities if any(m.article_id == a.id for m in e.mentions)],
            numbers=[n for n in u.numbers if n.article_id == a.id], dates=[d for d in u.dates if d.article_id == a.id],
        )
        for k, a in enumerate(articles)
    ]
    views = build_views(u.model_copy(update={"claims": claims}))
    attach_contents(views, u.quotes)
    return views, u.entities


def nanco_scores() -> dict[str, dict[str, np.ndarray]]:
    """Per question: labels, plain cosine, newsprism's alignment probability and the facts
    code's pair decision (probability and anchor vetoes) for every answer pair."""
    from newsprism.compare.facts import Alignment, alignment_probability, cross_stats, entity_states, vetoed
    from newsprism.compare.views import TextVectors
    from newsprism.settings import CompareSettings

    settings = CompareSettings()
    out = {}
    for question in json.loads(NANCO.read_text(encoding="utf-8")):
        answers = question["answers"]
        qid = answers[0]["qid"]
        views, entities = answer_views(question, answers)
        vectors = TextVectors()
        emb = vectors.matrix([a["Answer"] for a in answers])
        sims = emb @ emb.T
        # Answers to one question are the items compared, as a story's claims are.
        mu, sd = cross_stats(sims, np.arange(len(answers)), settings)
        types, states = {e.id: e.type for e in entities}, entity_states(entities)
        al = Alignment(views, emb, mu, sd, settings, types=types, states=states, vectors=vectors, sims=sims)
        labels, cosines, probs, facts, features = [], [], [], [], []
        for i, j in itertools.combinations(range(len(answers)), 2):
            same_text = answers[i]["Answer"] == answers[j]["Answer"]
            cos = 1.0 if same_text else float(sims[i, j])
            labels.append(int(answers[i]["cluster_global"] == answers[j]["cluster_global"]))
            cosines.append(cos)
            p = float(alignment_probability(np.float32(cos), np.float32((cos - mu) / sd), np.float32(al.overlap(i, j)), settings))
            probs.append(p)
            features.append((cos, (cos - mu) / sd, al.overlap(i, j)))
            facts.append(float(p >= 0.5 and not vetoed(views[i], views[j], cos, al)))
        out[qid] = {"labels": np.array(labels), "cosine": np.array(cosines), "newsprism": np.array(probs), "facts": np.array(facts), "features": np.array(features)}
    return out


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    grid = np.arange(0.0, 1.0, 0.01)
    accs = [balanced_accuracy(labels, (scores > t).astype(int)) for t in grid]
    return float(grid[int(np.argmax(accs))])


def refit_weights(per_q: dict, questions: list[str]) -> tuple[np.ndarray, float] | None:
    """Refit the alignment logistic (settings.align_*) on `questions`, as it was fitted:
    features cosine, z-score, content-word overlap; balanced classes; C=0.1."""
    try:
        from sklearn.linear_model import LogisticRegression  # installed with sentence-transformers; bench only
    except ImportError:
        return None
    X = np.vstack([per_q[q]["features"] for q in questions])
    y = np.concatenate([per_q[q]["labels"] for q in questions])
    model = LogisticRegression(C=0.1, class_weight="balanced").fit(X, y)
    return model.coef_[0], float(model.intercept_[0])


def oracle_cosine(d: dict) -> float:
    """Balanced accuracy of the best cosine threshold for this question alone (an upper bound
    for any rule that thresholds the cosine, however well calibrated)."""
    grid = np.unique(np.round(d["cosine"], 3))
    return max(balanced_accuracy(d["labels"], (d["cosine"] >= t).astype(int)) for t in grid)


def bench_nanco() -> None:
    if not NANCO.exists():
        print("NAnCo data not present; skipped")
        return
    started = time.perf_counter()
    per_q = nanco_scores()
    # Baseline threshold as in the paper's notebook: mean of the best per-question thresholds on validation.
    baseline_t = float(np.mean([best_threshold(per_q[q]["cosine"], per_q[q]["labels"]) for q in VALIDATION]))

    def scores(q: str) -> tuple[float, float, float, float]:
        d = per_q[q]
        return (
            balanced_accuracy(d["labels"], (d["cosine"] > baseline_t).astype(int)),
            balanced_accuracy(d["labels"], (d["newsprism"] >= 0.5).astype(int)),
            balanced_accuracy(d["labels"], d["facts"].astype(int)),
            oracle_cosine(d),
        )

    rows = []
    for q in TEST:
        d = per_q[q]
        rows.append(f"| {q} | {len(d['labels'])} | {d['labels'].mean():.2f} | " + " | ".join(f"{x:.3f}" for x in scores(q)) + " |")
    test = np.mean([scores(q) for q in TEST], axis=0)
    val = np.mean([scores(q) for q in VALIDATION], axis=0)
    refit = refit_weights(per_q, VALIDATION)
    from newsprism.settings import CompareSettings

    settings = CompareSettings()
    refit_line = (
        f"Refitting the logistic on the validation questions today gives weights cos {refit[0][0]:.2f}, z {refit[0][1]:.2f}, "
        f"overlap {refit[0][2]:.2f}, bias {refit[1]:.2f} (settings: {settings.align_w_cos}, {settings.align_w_z}, "
        f"{settings.align_w_overlap}, {settings.align_bias})."
        if refit else ""
    )
    md = "\n".join([
        "Claim alignment on NAnCo (`../shared/data/nanco-discord-questions`): is a pair of answers to one question",
        "the same claim? Balanced accuracy over all answer pairs of each test question, averaged over questions.",
        "Embeddings: all-MiniLM-L6-v2 (`newsprism.embed`) for every row. Baseline = plain cosine, threshold chosen on the",
        f"validation questions (Q2, Q3, Q5, Q6) as in the paper's notebook (mean of per-question best thresholds = {baseline_t:.2f}).",
        "newsprism probability = `compare.facts.alignment_probability` (cosine, its z-score among the question's answers,",
        "content-word overlap; weights fitted on the validation questions), same at p >= 0.5 (balanced prior).",
        "newsprism facts code = the pair decision `compare.facts` takes: that probability and the anchor vetoes",
        "(numbers, event dates, actors, reported words), each answer read by the understanding stage as a one-sentence article.",
        "Best cosine threshold per question = the best any single cosine threshold could do on that question alone (chosen on",
        "the test labels: an upper bound, not a result).",
        "",
        "| test question | pairs | share same | cosine baseline | newsprism probability | newsprism facts code | best cosine threshold per question |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        f"| **mean** | | | **{test[0]:.3f}** | **{test[1]:.3f}** | **{test[2]:.3f}** | {test[3]:.3f} |",
        f"| validation questions (fitted on) | | | {val[0]:.3f} | {val[1]:.3f} | {val[2]:.3f} | {val[3]:.3f} |",
        "",
        "Target >= 0.80 on the test questions (published: consolidation RoBERTa-large 0.813, STS-BERT 0.733): missed.",
        "The best per-question cosine threshold reaches only about 0.80 on the test questions, so with these embeddings the",
        "gap is mostly in how the threshold suits each question. Tried and not kept (features chosen by leave-one-question-out",
        "on the validation questions, then scored once on the test questions): the cosine's z-score against each answer's own",
        "neighbours, and word overlap weighted by rarity among the answers (no better on validation; 0.78 on test either way),",
        "and clustering the answers with the facts code's merging (0.728 on test: chaining joins neighbouring answer groups).",
        refit_line,
        f"Time {time.perf_counter() - started:.1f} s (model loads included).",
    ])
    print(md)
    write_section("compare: NAnCo alignment", md)


# --------------------------------------------------------------------------- end to end

STAGE_SCRIPT = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from newsprism.pipeline import read_and_clean
from newsprism.group import group_articles
from newsprism.understand import understand_story
from newsprism.compare import compare_story
from newsprism.settings import load_settings
settings = load_settings(group={"one_story": True})
articles, failures = read_and_clean([sys.argv[1]], settings)
group = group_articles(articles, settings.group)[0]
t1 = time.perf_counter()
u = understand_story(group, articles, settings.understand)
t2 = time.perf_counter()
from newsprism.embed import load_encoder
load_encoder()
t3 = time.perf_counter()
cpu3 = time.process_time()
c = compare_story(u, settings.compare)
t4 = time.perf_counter()
cpu4 = time.process_time()
print(json.dumps({"articles": len(articles), "claims": len(u.claims), "facts": len(c.facts), "conflicts": len(c.conflicts),
    "read_clean_s": t1 - t0, "understand_s": t2 - t1, "encoder_load_s": t3 - t2, "compare_s": t4 - t3, "total_s": t4 - t0,
    "compare_cpu_s": cpu4 - cpu3, "total_cpu_s": cpu4,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_cli_seeds() -> tuple[float, float]:
    """Time `newsprism analyze seeds --one-story` in a fresh process; return (seconds, peak MB)."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "newsprism.cli", "analyze", str(SEEDS), "--one-story", "-q", "-o", out], check=False, cwd=REPO,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        elapsed = time.perf_counter() - started
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return elapsed, peak


def run_stages(folder: Path) -> dict:
    result = subprocess.run([PYTHON, "-c", STAGE_SCRIPT, str(folder)], capture_output=True, text=True, cwd=REPO, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(lines[-1])


def write_large_story(folder: Path, n: int = 200) -> int:
    """Write `n` ECB+ articles (real news text, several events) as .txt files to be read as one story."""
    paths = sorted(p for d in sorted(ECB.iterdir()) if d.is_dir() for p in sorted(d.glob("*.json")))
    written = 0
    for path in paths[:n]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        (folder / f"{written:03d}_{path.stem}.txt").write_text(doc["text"].strip() + "\n", encoding="utf-8")
        written += 1
    return written


def bench_end_to_end(parts: set[str]) -> None:
    rows = []
    if "seeds" in parts and SEEDS.exists():
        cli_s, cli_mb = run_cli_seeds()
        stages = run_stages(SEEDS)
        rows.append(("seed story (5 articles), CLI `analyze --one-story`, fresh process", cli_s, cli_mb, "< 15 s", stages))
    if "large" in parts and ECB.exists():
        with tempfile.TemporaryDirectory() as tmp:
            n = write_large_story(Path(tmp))
            stages = run_stages(Path(tmp))
        rows.append((f"{n}-article story (ECB+ articles, --one-story), stages in a fresh process", stages["total_s"], stages["peak_mb"], "< 60 s", stages))
    if not rows:
        return
    load = os.getloadavg()[0]
    lines = [
        "End to end on this machine (2 cores, shared with other jobs; load average "
        f"{load:.1f} at the end of the run, so times are upper bounds). Stage times from a second fresh process.",
        "",
        "CPU columns are the process's CPU seconds (all threads), less sensitive to the other jobs than wall time.",
        "",
        "| run | wall time | peak memory | target | claims | facts | conflicts | read+clean | understand | encoder load | compare | compare CPU | all stages CPU |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, seconds, mb, target, s in rows:
        lines.append(
            f"| {name} | {seconds:.1f} s | {mb:.0f} MB | {target} | {s['claims']} | {s['facts']} | {s['conflicts']} | "
            f"{s['read_clean_s']:.1f} s | {s['understand_s']:.1f} s | {s['encoder_load_s']:.1f} s | {s['compare_s']:.1f} s | "
            f"{s['compare_cpu_s']:.1f} s | {s['total_cpu_s']:.1f} s |"
        )
    md = "\n".join(lines)
    print(md)
    write_section("compare: end to end", md)


def main(argv: list[str]) -> None:
    parts = set(argv) or {"nanco", "seeds", "large"}
    if "nanco" in parts:
        bench_nanco()
    if parts & {"seeds", "large"}:
        bench_end_to_end(parts)


if __name__ == "__main__":
    main(sys.argv[1:])
