"""NAnCo: embedding-space ideas for claim alignment (issue #6, task N), by the paper's protocol.

Every idea changes how two answers' similarity is read from all-MiniLM-L6-v2 embeddings
(the product's model), or how the yes/no threshold is set per question. Each is measured by
leave-one-question-out on the validation questions only (choose or fit on three, score the
fourth; mean balanced accuracy). The single best idea, and the product's own scores beside
it, is then fitted on all four validation questions and scored on the test questions once.

Used by bench/bench_compare.py (section "compare: NAnCo alignment"); not part of the product.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# Clause breaks inside a short answer ("X, Y and Z"): looser than compare.facts.CLAUSE_BREAK,
# whose five-word parts no NAnCo answer (median 2-9 words) has.
ANSWER_CLAUSE_BREAK = re.compile(r",|;|\s(?:and|or|but|to)\s")
# Question words removed from answers: words of four letters or more (skips "the", "did", "how").
QUESTION_WORD = re.compile(r"[A-Za-z']{4,}")
LOGISTIC_C = 0.1  # as the product's alignment logistic (settings.align_*)
Z_GRID = np.round(np.arange(0.0, 3.0, 0.05), 2)
SHARE_GRID = np.round(np.arange(0.02, 0.62, 0.02), 2)


def balanced_accuracy(labels: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.mean([(predicted[labels == c] == c).mean() for c in (0, 1) if (labels == c).any()]))


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def pair_values(matrix: np.ndarray) -> np.ndarray:
    """Upper triangle, in itertools.combinations order (the order of the labels)."""
    return matrix[np.triu_indices(len(matrix), 1)]


def zscore(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def cosines(rows: np.ndarray) -> np.ndarray:
    rows = unit(rows)
    return pair_values(rows @ rows.T)


# --------------------------------------------------------------------------- views of the answers


def centred(emb: np.ndarray, components: int = 0, share: float = 1.0) -> np.ndarray:
    """Subtract `share` of the question's mean answer vector, then its top principal components."""
    c = emb - share * emb.mean(0)
    if components:
        _, _, vt = np.linalg.svd(c, full_matrices=False)
        c = c - (c @ vt[:components].T) @ vt[:components]
    return c


def whitened(emb: np.ndarray, shrink: float) -> np.ndarray:
    """Centre, then scale each principal direction of the question's answers by 1/sqrt(variance + shrink)."""
    c = emb - emb.mean(0)
    _, s, vt = np.linalg.svd(c, full_matrices=False)
    inside = (c @ vt.T) / np.sqrt(s**2 / len(c) + shrink)
    outside = (c - (c @ vt.T) @ vt) / np.sqrt(shrink)
    return np.hstack([inside, outside])


def without_direction(emb: np.ndarray, direction: np.ndarray) -> np.ndarray:
    d = direction / np.linalg.norm(direction)
    return emb - np.outer(emb @ d, d)


def without_question_words(answers: list[str], question: str) -> list[str]:
    words = {w.lower() for w in QUESTION_WORD.findall(question)}
    out = []
    for a in answers:
        kept = [t for t in a.split() if re.sub(r"[^a-z']", "", t.lower()) not in words]
        out.append(" ".join(kept) or a)
    return out


def clause_max(answers: list[str]) -> np.ndarray:
    """Per pair, the best cosine between any clause of one answer (the whole answer included) and any of the other."""
    from newsprism.embed import embed

    parts = [[a, *[p.strip() for p in ANSWER_CLAUSE_BREAK.split(a) if len(p.split()) >= 2 and p.strip() != a]] for a in answers]
    rows = embed([p for ps in parts for p in ps])
    bounds = np.cumsum([0, *map(len, parts)])
    n = len(answers)
    best = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            best[i, j] = best[j, i] = float((rows[bounds[i] : bounds[i + 1]] @ rows[bounds[j] : bounds[j + 1]].T).max())
    return pair_values(best)


@dataclass
class Question:
    """One NAnCo question's answers and the pair signals the ideas read."""

    labels: np.ndarray
    signals: dict[str, np.ndarray]  # pair values (itertools.combinations order)
    emb: np.ndarray
    n: int


def question_data(d: dict, corpus_mean: np.ndarray) -> Question:
    """Signals for one question; `corpus_mean` is the mean answer vector of the questions fitted on."""
    from newsprism.embed import embed

    emb, texts, question = d["emb"], d["texts"], d["question"]
    s = {"cos": d["cosine"], "z": d["features"][:, 1], "overlap": d["features"][:, 2]}
    views = {
        "centred": cosines(centred(emb)),
        "half_centred": cosines(centred(emb, share=0.5)),
        "centred_pc1": cosines(centred(emb, 1)),
        "centred_pc2": cosines(centred(emb, 2)),
        "whitened": cosines(whitened(emb, 0.03)),
        "corpus_centred": cosines(emb - corpus_mean),
        "question_out": cosines(without_direction(emb, embed([question])[0])),
        "with_question": cosines(embed([f"{question} {a}" for a in texts])),
        "question_words_out": cosines(embed(without_question_words(texts, question))),
        "clause_max": clause_max(texts),
    }
    for name, x in views.items():
        s[f"cos_{name}"], s[f"z_{name}"] = x, zscore(x)
    s["z_views"] = (zscore(s["cos"]) + s["z_question_out"] + s["z_corpus_centred"] + s["z_clause_max"]) / 4
    return Question(d["labels"], s, emb, len(texts))


# --------------------------------------------------------------------------- deciders


def square(q: Question, x: np.ndarray) -> np.ndarray:
    m = np.eye(q.n)
    iu = np.triu_indices(q.n, 1)
    m[iu] = x
    m[(iu[1], iu[0])] = x
    return m


def mutual_neighbours(q: Question, share: float) -> np.ndarray:
    """Pairs each among the other's nearest round(share * answers) answers by cosine."""
    m = square(q, q.signals["cos"])
    np.fill_diagonal(m, -np.inf)
    k = max(1, round(share * q.n))
    near = np.argsort(np.argsort(-m, axis=1, kind="stable"), axis=1) < k
    return pair_values(near & near.T).astype(int)


def gmm_same(q: Question, p: float) -> np.ndarray:
    """Two-component Gaussian mixture on the question's pair cosines; same when the upper component's posterior >= p."""
    from sklearn.mixture import GaussianMixture  # installed with sentence-transformers; bench only

    x = q.signals["cos"].reshape(-1, 1)
    g = GaussianMixture(2, random_state=0).fit(x)
    return (g.predict_proba(x)[:, int(np.argmax(g.means_.ravel()))] >= p).astype(int)


def otsu_threshold(x: np.ndarray, bins: int = 64) -> float:
    """Otsu's cut of a histogram (hand-written: 15 lines, against importing scikit-image for it)."""
    h, edges = np.histogram(x, bins=bins)
    w, mid = h / h.sum(), (edges[:-1] + edges[1:]) / 2
    best, cut = -1.0, float(edges[1])
    for k in range(1, bins):
        w0, w1 = w[:k].sum(), w[k:].sum()
        if w0 and w1:
            between = w0 * w1 * ((w[:k] * mid[:k]).sum() / w0 - (w[k:] * mid[k:]).sum() / w1) ** 2
            if between > best:
                best, cut = between, float(edges[k])
    return cut


@dataclass
class Idea:
    """A named way to decide 'same answer' for every pair of a question, fitted on some questions."""

    name: str
    fit: Callable[[list[Question]], Callable[[Question], np.ndarray]]


def logistic(*names: str) -> Callable:
    def fit(train: list[Question]) -> Callable[[Question], np.ndarray]:
        from sklearn.linear_model import LogisticRegression  # installed with sentence-transformers; bench only

        X = np.vstack([np.column_stack([q.signals[n] for n in names]) for q in train])
        y = np.concatenate([q.labels for q in train])
        model = LogisticRegression(C=LOGISTIC_C, class_weight="balanced", max_iter=2000).fit(X, y)
        return lambda q: model.predict(np.column_stack([q.signals[n] for n in names]))

    return fit


def one_parameter(rule: Callable[[Question, float], np.ndarray], grid) -> Callable:
    """A rule with one parameter, chosen as the best mean balanced accuracy over the training questions."""

    def fit(train: list[Question]) -> Callable[[Question], np.ndarray]:
        best = max(grid, key=lambda g: np.mean([balanced_accuracy(q.labels, rule(q, g)) for q in train]))
        return lambda q: rule(q, best)

    return fit


def view(name: str) -> tuple[str, str, str]:
    return f"cos_{name}", f"z_{name}", "overlap"


IDEAS = [
    Idea("product (cosine, z-score, word overlap)", logistic("cos", "z", "overlap")),
    Idea("centred: the question's mean answer subtracted", logistic(*view("centred"))),
    Idea("half the mean answer subtracted", logistic(*view("half_centred"))),
    Idea("centred, top principal component removed", logistic(*view("centred_pc1"))),
    Idea("centred, top two principal components removed", logistic(*view("centred_pc2"))),
    Idea("whitened per question (shrinkage 0.03)", logistic(*view("whitened"))),
    Idea("corpus-centred (mean answer of the questions fitted on)", logistic(*view("corpus_centred"))),
    Idea("product + centred z-score", logistic("cos", "z", "overlap", "z_centred")),
    Idea("question's embedding projected out", logistic(*view("question_out"))),
    Idea("question and answer encoded together", logistic(*view("with_question"))),
    Idea("question's words removed before encoding", logistic(*view("question_words_out"))),
    Idea("best clause pair (clause max)", logistic(*view("clause_max"))),
    Idea("product + clause max z-score", logistic("cos", "z", "overlap", "z_clause_max")),
    Idea("threshold on z-score alone (per-question scale)", one_parameter(lambda q, t: (q.signals["z"] >= t).astype(int), Z_GRID)),
    Idea("threshold on clause max z-score", one_parameter(lambda q, t: (q.signals["z_clause_max"] >= t).astype(int), Z_GRID)),
    Idea("Gaussian mixture of the question's cosines (posterior cut chosen)", one_parameter(gmm_same, np.round(np.arange(0.05, 1.0, 0.05), 2))),
    Idea("Otsu cut of the question's cosines (+ offset chosen)", one_parameter(lambda q, o: (q.signals["cos"] >= otsu_threshold(q.signals["cos"]) + o).astype(int), np.round(np.arange(-0.2, 0.2, 0.01), 2))),
    Idea("mutual nearest neighbours (share of answers chosen)", one_parameter(mutual_neighbours, SHARE_GRID)),
    Idea("four views' z-scores averaged (raw, question out, corpus-centred, clause max) + overlap", logistic("z_views", "overlap")),
    Idea("four views' z-scores, each weighted, + overlap", logistic("z", "z_question_out", "z_corpus_centred", "z_clause_max", "overlap")),
]


def ideas_section(per_q: dict, validation: list[str], test: list[str]) -> tuple[list[str], dict]:
    """Markdown rows: every idea by leave-one-question-out on validation; the best one and the
    product's scored on test (one scoring). Returns the rows and the chosen idea's figures."""
    def questions(names: list[str], fitted_on: list[str]) -> list[Question]:
        mean = np.vstack([per_q[q]["emb"] for q in fitted_on]).mean(0)
        return [question_data(per_q[q], mean) for q in names]

    folds = {}
    for held in validation:  # the corpus mean comes from the three questions fitted on
        train = [q for q in validation if q != held]
        folds[held] = (questions(train, train), questions([held], train)[0])
    loqo = []
    for idea in IDEAS:
        per = [balanced_accuracy(h.labels, idea.fit(train)(h)) for train, h in folds.values()]
        loqo.append((float(np.mean(per)), per, idea))
    best = max(loqo, key=lambda t: t[0])
    fitted_val, test_qs = questions(validation, validation), questions(test, validation)

    def test_score(idea: Idea) -> list[float]:
        decide = idea.fit(fitted_val)
        return [balanced_accuracy(q.labels, decide(q)) for q in test_qs]

    rows = [
        "| idea | validation, leave one question out (" + ", ".join(validation) + ") | test (only the chosen idea and the product's) |",
        "| --- | --- | --- |",
    ]
    chosen = {}
    for acc, per, idea in loqo:
        shown = idea is best[2] or idea is IDEAS[0]
        cell = "—"
        if shown:
            t = test_score(idea)
            cell = f"**{np.mean(t):.3f}** ({', '.join(f'{q} {x:.3f}' for q, x in zip(test, t))})"
            if idea is best[2]:
                chosen = {"name": idea.name, "validation": acc, "test": float(np.mean(t))}
        per_cell = ", ".join(f"{x:.3f}" for x in per)
        rows.append(f"| {idea.name}{' (chosen)' if idea is best[2] else ''} | {acc:.3f} ({per_cell}) | {cell} |")
    return rows, chosen
