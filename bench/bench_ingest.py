"""Ingest benchmark: read_inputs throughput and peak memory per reader, and read + clean + store.

Generates N articles (default 10,000) per reader format in a temporary folder, with invented
text of news-article length (~2.5 KB, ~400 words):

    txt   N files                       html  N files (page with nav, article, footer)
    jsonl 1 file of N lines             warc  1 .warc.gz of N HTML responses (+ a request each)
    feed  N/1000 RSS files of 1,000 items each (real feeds are small; one 10,000-item feed
          would measure feedparser on an unusual document)

Each measurement runs in a fresh subprocess, so peak RSS (ru_maxrss) belongs to that reader
alone; "growth" is the peak minus the RSS after imports. Baseline, measured in the same run:
a bare loop of Path.read_text + content_id over the same text files (what the stub did).
Then, for plain text: read_inputs + Store.add_articles without cleaning (ingest and store
alone); `pipeline.read_and_clean` + `Store(path).add_articles` (target: at least 500
articles/s on 2 cores, from the foundation issue); and `store.stream_ingest` (what
`newsprism ingest` runs: batched, resumable).

Run from the repo root:  .venv/bin/python -m bench.bench_ingest [--n 10000]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import write_section

TARGET_READ_STORE = 500  # plain-text articles/s, read + clean + store (foundation issue)

# Invented vocabulary: the generated articles are nonsense with the shape of news copy.
_PLACES = ["Velden", "Ostrava Lane", "Kessel Point", "Hollin", "Greyhaven", "Ardmore", "Selsby", "Tarn", "Orlen", "Dunmore"]
_ACTORS = ["the council", "the port authority", "the transport office", "a spokesperson", "the mayor", "union leaders",
           "the county engineer", "residents", "the operator", "the ministry"]
_VERBS = ["said", "announced", "confirmed", "warned", "told reporters", "denied", "estimated", "reported"]
_EVENTS = ["the bridge would close", "repairs would take six weeks", "fares would rise by 4 percent",
           "about 300 homes lost power", "the ferry service was suspended", "a new school would open in June",
           "the budget had grown to 12 million", "flooding had damaged the main road", "talks would resume on Monday",
           "inspectors found cracks in two supports"]
_DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "on Friday", "at the weekend"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_ACTORS).capitalize()} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} {rng.choice(_DAYS)} that {rng.choice(_EVENTS)}."


def article_text(rng: random.Random, i: int) -> tuple[str, str]:
    """Return (title, body) of invented article number `i`: ~6 paragraphs of ~4 sentences."""
    title = f"Report {i}: {rng.choice(_EVENTS).capitalize()} in {rng.choice(_PLACES)}"
    paragraphs = [" ".join(_sentence(rng) for _ in range(4)) for _ in range(6)]
    return title, "\n\n".join(paragraphs)


def _page(title: str, body: str, i: int) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright Example Press {i}</footer></body></html>")


def generate(root: Path, n: int) -> dict[str, Path]:
    """Write the corpus for every format under `root`; return the input path of each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(7)
    texts = [article_text(rng, i) for i in range(n)]
    paths = {k: root / k for k in ("txt", "html", "jsonl", "warc", "feed")}
    for p in paths.values():
        p.mkdir()
    with (paths["jsonl"] / "articles.jsonl").open("w", encoding="utf-8") as jsonl:
        for i, (title, body) in enumerate(texts):
            (paths["txt"] / f"{i:06d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            (paths["html"] / f"{i:06d}.html").write_text(_page(title, body, i), encoding="utf-8")
            jsonl.write(json.dumps({"title": title, "text": body, "url": f"https://news.example/{i}",
                                    "outlet": "Example Press", "published": "2026-03-01"}) + "\n")
    with (paths["warc"] / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, (title, body) in enumerate(texts):
            url = f"https://news.example/{i}"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = io.BytesIO(_page(title, body, i).encode("utf-8"))
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    per_feed = 1000
    for start in range(0, n, per_feed):
        items = "".join(
            f"<item><title>{t}</title><link>https://news.example/{start + j}</link><pubDate>Sun, 01 Mar 2026 08:00:00 GMT</pubDate>"
            f"<description><![CDATA[{''.join(f'<p>{p}</p>' for p in b.split(chr(10) * 2))}]]></description></item>"
            for j, (t, b) in enumerate(texts[start:start + per_feed])
        )
        (paths["feed"] / f"feed-{start // per_feed:03d}.rss").write_text(
            f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Example Press</title>{items}</channel></rss>",
            encoding="utf-8")
    return paths


# --------------------------------------------------------------------------- workers (one subprocess each)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _work(kind: str, target: str, db: str | None) -> dict:
    # Import only what the measured run needs, so "growth" is not hidden behind model libraries.
    from newsprism.ingest import read_inputs
    from newsprism.models import Article, content_id

    if kind in {"read_clean_store", "stream_ingest", "read_store"}:
        from newsprism.models import CleanArticle
        from newsprism.pipeline import read_and_clean
        from newsprism.settings import load_settings
        from newsprism.store import Store
        from newsprism.store.stream import stream_ingest

    base = _rss_mb()
    start = time.perf_counter()
    n = failed = 0
    split = {}
    if kind == "baseline":
        for path in sorted(Path(target).iterdir()):
            content_id(path.read_text(encoding="utf-8"))
            n += 1
    elif kind == "read":
        for item in read_inputs([target]):
            if isinstance(item, Article):
                n += 1
            else:
                failed += 1
    elif kind == "read_clean_store":
        settings = load_settings()
        articles, failures = read_and_clean([target], settings)
        split["read_clean_s"] = time.perf_counter() - start
        with Store(db) as store:
            store.add_articles(articles, failures)
        n, failed = len(articles), len(failures)
    elif kind == "read_store":
        # Reading and storing alone: each Article passed through as its own clean text.
        with Store(db) as store:
            batch = []
            for item in read_inputs([target]):
                if not isinstance(item, Article):
                    failed += 1
                    continue
                batch.append(CleanArticle(id=item.id, source_path=item.source_path, text=item.raw))
                if len(batch) == 500:
                    n += store.add_articles(batch)
                    batch = []
            n += store.add_articles(batch)
    elif kind == "stream_ingest":
        with Store(db) as store:
            stats = stream_ingest([target], load_settings(), store)
        n, failed = stats.new, len(stats.failures)
    seconds = time.perf_counter() - start
    return {"articles": n, "failed": failed, "seconds": seconds, "peak_mb": _rss_mb(), "base_mb": base, **split}


def measure(kind: str, target: Path, db: Path | None = None) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    cmd = [sys.executable, "-m", "bench.bench_ingest", "--worker", kind, str(target)]
    if db:
        cmd += ["--db", str(db)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench worker {kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _row(name: str, r: dict, note: str = "") -> str:
    rate = r["articles"] / r["seconds"] if r["seconds"] else 0
    growth = r["peak_mb"] - r["base_mb"]
    return f"| {name} | {r['articles']:,} | {r['failed']} | {r['seconds']:.2f} | {rate:,.0f} | {r['peak_mb']:.0f} | {growth:+.0f} | {note} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles per format")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "TARGET"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_work(args.worker[0], args.worker[1], args.db)))
        return

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-ingest-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        paths = generate(root, args.n)
        print(f"generated {args.n:,} articles per format in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        rows = []
        baseline = measure("baseline", paths["txt"])
        rows.append(_row("baseline: Path.read_text + content_id (txt)", baseline, "the stub's loop, no decoding checks"))
        notes = {"feed": f"{max(1, args.n // 1000)} RSS files of 1,000 items", "warc": "1 .warc.gz, request + response per article",
                 "jsonl": "1 file", "txt": "1 file each", "html": "1 file each"}
        for fmt in ("txt", "html", "jsonl", "warc", "feed"):
            result = measure("read", paths[fmt])
            rows.append(_row(f"read_inputs: {fmt}", result, notes[fmt]))
            print(rows[-1], file=sys.stderr)
        read_store = measure("read_store", paths["txt"], root / "r.duckdb")
        rows.append(_row("read + store: txt (read_inputs + Store.add_articles, batches of 500, no cleaning)", read_store,
                         "ingest and store alone"))
        print(rows[-1], file=sys.stderr)
        store_run = measure("read_clean_store", paths["txt"], root / "a.duckdb")
        read_clean = store_run.get("read_clean_s", 0.0)
        rows.append(_row("read + clean + store: txt (read_and_clean + Store.add_articles)", store_run,
                         f"read+clean {read_clean:.1f} s, store {store_run['seconds'] - read_clean:.1f} s"))
        print(rows[-1], file=sys.stderr)
        stream_run = measure("stream_ingest", paths["txt"], root / "b.duckdb")
        rows.append(_row("read + clean + store: txt (store.stream_ingest, batches of 500)", stream_run, "what `newsprism ingest` runs"))
        print(rows[-1], file=sys.stderr)

    load_after = os.getloadavg()[0]
    rate = store_run["articles"] / store_run["seconds"]
    bare = read_store["articles"] / read_store["seconds"]
    verdict = "meets" if rate >= TARGET_READ_STORE else "misses"
    bare_verdict = "meets" if bare >= TARGET_READ_STORE else "misses"
    table = "\n".join([
        f"{args.n:,} generated articles per format (~2.5 KB of invented text each); each row a fresh process. "
        f"Machine load average {load_before:.1f} before and {load_after:.1f} after the run (2 cores shared with "
        "other work: figures are wall-clock and scale down with load).",
        "",
        "| run | articles | failed | seconds | articles/s | peak RSS MB | growth MB | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        *rows,
        "",
        f"Read + clean + store of plain text: {rate:,.0f} articles/s, which {verdict} the target of "
        f"{TARGET_READ_STORE} articles/s on 2 cores; reading and storing without cleaning: {bare:,.0f} articles/s, "
        f"which {bare_verdict} it. Growth = peak RSS minus RSS after imports: readers "
        "stream, so it stays flat for read_inputs; read_and_clean keeps every clean article in a list.",
    ])
    write_section("ingest: throughput and memory per reader", table)
    print(table)


if __name__ == "__main__":
    main()
