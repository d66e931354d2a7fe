"""HTML cleaning: main text vs plain trafilatura on two public benchmarks, in the same run.

1. ScrapingHub article-extraction-benchmark (181 news pages): our `clean_article(...).text`
   and plain `trafilatura.extract(include_comments=False)` are written as `output/*.json`
   in a scratch folder and scored by the benchmark's own `evaluate.py` (run from the shared
   data folder, not copied).
2. trafilatura's evaluation set (990 pages with must-have / must-not-have segments): ours vs
   trafilatura with its published options, scored as trafilatura's tests/evaluate.py does
   (a `with` segment found is a true positive, a `without` segment found a false positive).
3. Speed: CPU seconds of this process per page for both, each page's time the least of
   `--repeats` runs (other jobs on the shared machine only ever add time), side by side.

Run from the repo root: `.venv/bin/python -m bench.bench_clean_html [--limit N] [--only scrapinghub|trafeval] [--repeats N]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from bench.results import write_section
from newsprism.clean import clean_article
from newsprism.models import Article, content_id

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SCRAPINGHUB = DATA / "scrapinghub-article-extraction-benchmark" / "scrapinghub__article-extraction-benchmark"
TRAFEVAL = DATA / "trafilatura-eval" / "adbar__trafilatura"
PUBLISHED_OPTIONS = {"include_comments": False, "include_tables": True, "include_formatting": False, "fast": False}


def as_article(html: str) -> Article:
    """Return the page as the reader hands it to clean (its id, a content hash, is the reader's work)."""
    return Article(id=content_id(html), source_path="bench", raw=html, format="html")


def ours(html: str) -> str:
    return clean_article(as_article(html)).text


def least_cpu(function, repeats: int):
    """Return (result of the first call, least CPU seconds of `repeats` calls) of `function()`."""
    result, best = None, float("inf")
    for run in range(repeats):
        start = time.process_time()
        value = function()
        best = min(best, time.process_time() - start)
        if run == 0:
            result = value
    return result, best


def run_scrapinghub(limit: int | None, repeats: int = 3) -> tuple[str, dict]:
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {k: decode_file(gzip.decompress((SCRAPINGHUB / "html" / f"{k}.html.gz").read_bytes())) for k in keys}
    outputs: dict[str, dict] = {"newsprism": {}, "trafilatura_same_run": {}}
    seconds = {"newsprism": 0.0, "trafilatura_same_run": 0.0}
    same_jobs = 0.0  # trafilatura asked for what newsprism returns: text, metadata and comments (timed, not scored)
    for key, html in pages.items():
        text, cpu = least_cpu(lambda: trafilatura.extract(html, include_comments=False) or "", repeats)
        seconds["trafilatura_same_run"] += cpu
        same_jobs += least_cpu(lambda: trafilatura.bare_extraction(html, include_comments=True, with_metadata=True), repeats)[1]
        outputs["trafilatura_same_run"][key] = {"articleBody": text}
        article = as_article(html)
        clean, cpu = least_cpu(lambda: clean_article(article), repeats)
        outputs["newsprism"][key] = {"articleBody": clean.text}
        seconds["newsprism"] += cpu
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        (scratch_dir / "output").mkdir()
        subset = {k: truth[k] for k in keys}
        (scratch_dir / "ground-truth.json").write_text(json.dumps(subset), encoding="utf-8")
        for name, output in outputs.items():
            (scratch_dir / "output" / f"{name}.json").write_text(json.dumps(output), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(SCRAPINGHUB / "evaluate.py"), "--n-bootstrap", "200"],
            cwd=scratch_dir, capture_output=True, text=True, check=True,
        )
    print(result.stdout)
    scores = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(\S+)\s+(?:\S+\s+)?([\d.]+) ± [\d.]+\s+([\d.]+) ± [\d.]+\s+([\d.]+) ± [\d.]+", line)
        if match and match.group(1) in outputs:
            scores[match.group(1)] = tuple(float(x) for x in match.group(2, 3, 4))
    per_page = {name: seconds[name] / len(pages) for name in seconds}
    rows = [
        f"**ScrapingHub article-extraction-benchmark** ({len(pages)} pages, scored by its own evaluate.py; "
        "trafilatura 2.3.1 published here: F1 0.960 with include_comments=False; target ≥ 0.965 and above trafilatura)",
        "",
        "| extractor | F1 | precision | recall | CPU ms/page |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, (f1, p, r) in scores.items():
        rows.append(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {per_page[name] * 1000:.1f} |")
    ratio = per_page["newsprism"] / per_page["trafilatura_same_run"]
    same_ratio = per_page["newsprism"] / (same_jobs / len(pages))
    rows += ["", f"Speed (CPU time of this process, each page the least of {repeats} runs, so other jobs on the machine skew it less): newsprism takes **{ratio:.2f}×** the time of trafilatura alone (target ≤ 1.10×); newsprism also reads metadata and comments and lists every dropped part in removed[].",
             "", f"For reference, trafilatura asked for the text, metadata and comments (`bare_extraction(include_comments=True, with_metadata=True)`) takes {same_jobs / len(pages) * 1000:.1f} ms/page; newsprism takes {same_ratio:.2f}× that."]
    return "\n".join(rows), {"scores": scores, "ratio": ratio, "same_jobs_ratio": same_ratio}


def _trafeval_pages(limit: int | None) -> list[tuple[dict, str]]:
    cache = Path(tempfile.gettempdir()) / "newsprism-trafeval"
    if not (cache / "tests").is_dir():
        with tarfile.open(TRAFEVAL / "tests_eval_html_and_annotations.tar.xz") as tar:
            tar.extractall(cache, filter="data")
    evaldata = json.loads((TRAFEVAL / "evaldata.json").read_text(encoding="utf-8"))
    items = list(evaldata.values())[:limit] if limit else list(evaldata.values())
    pages = []
    for item in items:
        path = next(p for p in (cache / "tests" / "eval" / item["file"], cache / "tests" / "cache" / item["file"]) if p.exists())
        pages.append((item, decode_file(path.read_bytes())))
    return pages


def _count(text: str, item: dict, counts: list[int]) -> None:
    for segment in item.get("with", []):
        if segment is not None:
            counts[0 if segment in text else 1] += 1  # true positive / false negative
    for segment in item.get("without", []):
        if segment is not None:
            counts[2 if segment in text else 3] += 1  # false positive / true negative


def _prf(tp: int, fn: int, fp: int, tn: int) -> tuple[float, float, float, float]:
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r), (tp + tn) / (tp + tn + fp + fn)


def run_trafeval(limit: int | None, repeats: int = 3) -> tuple[str, dict]:
    pages = _trafeval_pages(limit)
    names = ("newsprism", "trafilatura_published_options")
    # halves by page order (even / odd index): the vocabulary added for issue 4 was written from
    # misses seen on the whole set, so neither half is a clean hold-out; both are shown
    counts = {(name, half): [0, 0, 0, 0] for name in names for half in ("all", 0, 1)}
    seconds = dict.fromkeys(names, 0.0)
    for index, (item, html) in enumerate(pages):
        text, cpu = least_cpu(lambda: trafilatura.extract(html, **PUBLISHED_OPTIONS) or "", repeats)
        seconds["trafilatura_published_options"] += cpu
        for half in ("all", index % 2):
            _count(text, item, counts["trafilatura_published_options", half])
        article = as_article(html)
        clean, cpu = least_cpu(lambda: clean_article(article), repeats)
        text = clean.text
        seconds["newsprism"] += cpu
        for half in ("all", index % 2):
            _count(text, item, counts["newsprism", half])
    rows = [
        f"**trafilatura evaluation set** ({len(pages)} pages; a `with` segment found = TP, a `without` segment found = FP; "
        "trafilatura 2.3.1 published here: F 0.926; target ≥ 0.935)",
        "",
        "| extractor | pages | precision | recall | F | accuracy |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    figures = {}
    for half, label in (("all", "all"), (0, "even-numbered half"), (1, "odd-numbered half")):
        for name in names:
            p, r, f, a = _prf(*counts[name, half])
            figures[name, half] = f
            rows.append(f"| {name} | {label} | {p:.3f} | {r:.3f} | {f:.3f} | {a:.3f} |")
    ratio = seconds["newsprism"] / seconds["trafilatura_published_options"]
    rows += ["", f"CPU time on these pages (least of {repeats} runs a page): newsprism {seconds['newsprism'] / len(pages) * 1000:.1f} ms/page, "
             f"trafilatura {seconds['trafilatura_published_options'] / len(pages) * 1000:.1f} ms/page ({ratio:.2f}×)."]
    return "\n".join(rows), figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (development runs)")
    parser.add_argument("--only", choices=["scrapinghub", "trafeval"])
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--repeats", type=int, default=3, help="runs per page; each page's CPU time is the least of them")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    parts = []
    if args.only in (None, "scrapinghub"):
        parts.append(run_scrapinghub(args.limit, args.repeats)[0])
    if args.only in (None, "trafeval"):
        parts.append(run_trafeval(args.limit, args.repeats)[0])
    load = os.getloadavg()[0]
    parts.append(
        f"Machine load average {load_before:.1f} before and {load:.1f} after the run (2 cores shared with other "
        "work). Earlier rounds on ScrapingHub: 1.35× (commit 0678c14), 1.25× (5be080c), 1.17× (ab2c4e9), 1.02× (3cb3df9), "
        "1.09× after session 10's rules for unseen templates (2850e23: comment sections found by their rows of reader "
        "buttons, table layouts, h1/h2 titles, desk bylines). Session 11 (906c736): those rules and the clutter patterns "
        "skip what cannot match before their costly test (an element's credit label read from its first words, not all its "
        "text; comment-button rows picked by a text's first character; 'By' blocks by their opening; a table without a "
        "heading frames no story; a clutter row's own hints looked for, not all of them; a left-out block with a word the "
        "kept text lacks not searched for in it). Output (text, removed, comments, metadata) is identical on all 1,171 "
        "pages, the bench/sets/stories and the seeds before and after."
    )
    markdown = "\n\n".join(parts)
    if args.limit:
        markdown = f"_Subset: first {args.limit} pages of each set._\n\n" + markdown
    print(markdown)
    if not args.no_write:
        write_section("clean: HTML main text vs trafilatura", markdown)


if __name__ == "__main__":
    main()
