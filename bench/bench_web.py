"""Web app under load: story list, search and story API latency (p50, p99) and requests/s.

Run from the repo root:  .venv/bin/python -m bench.bench_web [--stories 10000] [--seconds 20]

1. Generates (once, cached in bench/out/) a store of 100,000 invented articles in 10,000
   analysed stories (10 articles each, from templates: facts, conflicts, quotes, framing,
   timeline, summary), through the public `Store.save_report` API.
2. Starts `newsprism serve` on a free loopback port (one uvicorn process, as a user runs it).
3. For each endpoint, 20 keep-alive connections send requests back to back for N seconds
   (a closed loop, so load is bounded); every non-200 answer counts as an error.
4. As a reference for server overhead, the same store calls are timed in-process.

Targets (issue 9): p99 < 100 ms for the story list and a story, >= 300 requests/s for the
story API, 0 errors, on 2 cores. The load generator shares those 2 cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from bench.results import write_section
from newsprism.models import (
    CleanArticle,
    Conflict,
    Entity,
    Evidence,
    Fact,
    FramingEntry,
    Position,
    Quote,
    QuoteVariant,
    Report,
    Story,
    SummarySentence,
    TimelineEvent,
    content_id,
)
from newsprism.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

SYLLABLES = ["ka", "lo", "mer", "vin", "dor", "sa", "tel", "ri", "bo", "nan", "quel", "ist", "gar", "po", "len", "ux"]
EVENTS = [
    ("fire", "A fire broke out at the {place} {site} on {day}", "firefighters", "buildings"),
    ("flood", "Floodwater covered parts of {place} after the {site} overflowed on {day}", "rescuers", "homes"),
    ("strike", "Workers at the {place} {site} walked out on {day}", "union members", "shifts"),
    ("vote", "The {place} council voted on the {site} plan on {day}", "councillors", "votes"),
    ("crash", "Two trains collided near the {place} {site} on {day}", "passengers", "carriages"),
    ("storm", "A storm tore roofs off near the {place} {site} on {day}", "residents", "roofs"),
]
SITES = ["harbour", "depot", "bridge", "market", "mill", "station", "stadium", "dam", "school", "refinery"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ATTRIBUTION = ["said", "claimed", "insisted", "admitted", "warned"]
LABELS = ["reckless", "embattled", "veteran", "controversial", "respected", "hardline"]


def word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_story(n: int, rng: random.Random, outlets: list[str], per_story: int) -> Report:
    """Return one invented analysed story with `per_story` articles from distinct outlets."""
    kind, lead, actors, things = rng.choice(EVENTS)
    place, site, day = word(rng), rng.choice(SITES), rng.choice(DAYS)
    official = f"{word(rng, 2)} {word(rng)}"
    month, dom = 1 + n % 12, 1 + rng.randrange(27)
    chosen = rng.sample(outlets, per_story)
    articles, evidence = [], []
    for i, outlet in enumerate(chosen):
        count = rng.choice([12, 14, 15, 20, 40])
        sentences = [
            lead.format(place=place, site=site, day=day) + ".",
            f"{official}, who speaks for the {place} authorities, {rng.choice(ATTRIBUTION)} that {count} {actors} were at the scene.",
            f"At least {count * 3} {things} were affected, according to early figures.",
            f"The {rng.choice(LABELS)} {official} promised a full inquiry into what happened at the {site}.",
            f"Local {actors} described the morning as chaotic, and traffic around {place} stayed closed for hours.",
            f"Story {n} report {i}: officials expect to publish a fuller account later in the week.",
        ]
        text = " ".join(sentences)
        article = CleanArticle(
            id=content_id(f"{n}/{i}/{text}"), source_path=f"generated/{n:05d}/{i}.txt", outlet=outlet,
            title=f"{place} {site} {kind}: {count} {actors} at the scene", published=f"2025-{month:02d}-{dom:02d}T{8 + i:02d}:00:00",
            text=text, url=f"https://{outlet.lower().replace(' ', '-')}.example/{n}/{i}",
        )
        articles.append(article)
        first = sentences[0]
        evidence.append(Evidence(article_id=article.id, text=first, start=0, end=len(first)))
    ids = [a.id for a in articles]
    entity = Entity(id="e1", name=official, type="PERSON", aliases=[official.split()[-1]])
    facts = [
        Fact(id=f"f{k}", text=f"Fact {k} about the {place} {site} {kind}.", article_ids=rng.sample(ids, rng.randint(1, len(ids))),
             independent_sources=rng.randint(1, len(ids)), evidence=evidence[:2])
        for k in range(8)
    ]
    story = Story(
        id=f"s_{n:06d}", title=f"{kind.capitalize()} at the {place} {site}", article_ids=ids, entities=[entity],
        facts=facts, exclusives=[f.id for f in facts if len(f.article_ids) == 1],
        conflicts=[Conflict(id=f"c{k}", about=f"number of {actors}", kind="number", positions=[
            Position(value="12", article_ids=ids[:3], evidence=evidence[:1]), Position(value="40", article_ids=ids[3:5], evidence=evidence[3:4])])
            for k in range(2)],
        quotes=[Quote(id=f"q{k}", speaker=official, speaker_entity_id="e1",
                      variants=[QuoteVariant(text="a full inquiry", article_ids=ids[:4], evidence=evidence[:1])]) for k in range(3)],
        framing=[FramingEntry(article_id=ids[k], term=rng.choice(LABELS), category="label", target_entity_id="e1", evidence=evidence[k])
                 for k in range(len(ids))],
        timeline=[TimelineEvent(date=f"2025-{month:02d}-{dom:02d}", event=lead.format(place=place, site=site, day=day), article_ids=ids[:2], evidence=evidence[:1])],
        summary=[SummarySentence(text=lead.format(place=place, site=site, day=day) + ".", article_ids=ids[:3], evidence=evidence[:3])],
    )
    return Report(articles=articles, stories=[story])


def build_store(path: Path, stories: int, per_story: int, seed: int = 7) -> float:
    """Write the generated store; return seconds taken."""
    rng = random.Random(seed)
    outlets = [f"{word(rng, 2)} {rng.choice(['Times', 'Post', 'Herald', 'Wire', 'Courier', 'Gazette'])}" for _ in range(40)]
    started = time.perf_counter()
    path.unlink(missing_ok=True)
    with Store(path) as store:
        batch: list[Report] = []
        for n in range(stories):
            batch.append(make_story(n, rng, outlets, per_story))
            if len(batch) == 250 or n == stories - 1:
                store.save_report(Report(articles=[a for r in batch for a in r.articles], stories=[r.stories[0] for r in batch]))
                batch.clear()
                print(f"  {n + 1} stories stored", file=sys.stderr, flush=True)
        print("  building the search index", file=sys.stderr, flush=True)
    return time.perf_counter() - started


# ------------------------------------------------------------------ load


async def _worker(port: int, paths, deadline: float, latencies: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            path = next(paths)
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = re.search(rb"content-length:\s*(\d+)", head, re.I)
            if not length:
                errors.append(f"no content-length for {path}")
                return
            await reader.readexactly(int(length.group(1)))
            latencies.append(time.perf_counter() - started)
            if head[9:12] != b"200":
                errors.append(f"{head[9:12].decode()} for {path}")
    finally:
        writer.close()


def load(port: int, make_path, seconds: float, connections: int) -> dict:
    """Run `connections` closed-loop clients for `seconds`; return latency figures and errors."""
    rng = random.Random(11)

    def paths():
        while True:
            yield make_path(rng)

    latencies: list[float] = []
    errors: list[str] = []

    async def run() -> None:
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(_worker(port, paths(), deadline, latencies, errors) for _ in range(connections)))

    started = time.perf_counter()
    asyncio.run(run())
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "rps": len(latencies) / elapsed, "errors": len(errors), "first_error": errors[0] if errors else "",
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan"),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
                            cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"GET /api/stories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if sock.recv(12).endswith(b"200"):
                    time.sleep(2 * workers)  # let every worker finish starting
                    return proc, port
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("newsprism serve did not start")


def in_process(db: Path, story_ids: list[str], terms: list[str], repeats: int = 100) -> dict[str, float]:
    """Median ms of the store calls behind each endpoint, without HTTP (the floor the server adds to),
    and of the obvious alternatives (baselines): a story parsed into models and serialised again
    instead of served as stored JSON, and DuckDB's match_bm25 macro instead of our BM25 query."""
    rng = random.Random(3)
    with Store(db, threads=1) as store:  # opened for writing: a writer keeps no answer cache, so each call reads DuckDB
        calls = {
            "story list": lambda: store.stories(page=rng.randint(1, 400)),
            "story (stored JSON, as served)": lambda: store.story_report_json(rng.choice(story_ids)),
            "story (baseline: models, re-serialised)": lambda: store.story_report(rng.choice(story_ids)).model_dump_json(),
            "search (our BM25 query)": lambda: store.search(rng.choice(terms)),
            "search (baseline: match_bm25 macro)": lambda: store._q(
                "search_fts_reference", {"q": rng.choice(terms), "limit": 20}).fetchall(),
        }
        figures = {}
        for name, call in calls.items():
            call()
            times = []
            for _ in range(repeats if "search" not in name else 5):
                started = time.perf_counter()
                call()
                times.append(time.perf_counter() - started)
            figures[name] = statistics.median(times) * 1000
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server processes (`newsprism serve --workers`)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the store even if cached")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"web-{args.stories}x{args.per_story}.duckdb"
    built = db.with_suffix(".seconds")  # how long generating it took, kept beside the cached store
    if args.rebuild or not db.exists() or not built.exists():
        print(f"generating {args.stories} stories x {args.per_story} articles into {db}", file=sys.stderr)
        built.write_text(f"{build_store(db, args.stories, args.per_story):.0f}")
    build_seconds = float(built.read_text())
    with Store(db, read_only=True) as store:
        n_articles, n_stories = store.count_articles(), store.count_stories()
        groups = store.story_groups()
    story_ids = [g.id for g in groups]
    # search for "<place> <site>" of 2,000 stories, so most searches are not answered from the cache
    terms = [re.sub(r"^\w+ at the ", "", g.title) for g in random.Random(5).sample(groups, min(2000, len(groups)))]
    db_mb = db.stat().st_size / 1e6
    pages = max(1, n_stories // 20)
    endpoints = [
        ("story list (API)", lambda rng: f"/api/stories?page={rng.randint(1, pages)}"),
        ("story list (HTML page)", lambda rng: f"/?page={rng.randint(1, min(pages, 400))}"),
        ("story (API)", lambda rng: f"/api/stories/{quote(rng.choice(story_ids))}"),
        ("search (API)", lambda rng: "/api/search?" + urlencode({"q": rng.choice(terms)})),
    ]
    reference = in_process(db, story_ids, terms)
    load_before = os.getloadavg()[0]
    proc, port = serve(db, args.workers)
    try:
        load(port, endpoints[0][1], 2, 4)  # warm up
        results = []
        for name, make_path in endpoints:
            print(f"loading {name} for {args.seconds:.0f} s", file=sys.stderr, flush=True)
            results.append((name, load(port, make_path, args.seconds, args.connections)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    load_avg = os.getloadavg()[0]

    targets = {"story list (API)": "p99 < 100 ms", "story list (HTML page)": "p99 < 100 ms", "story (API)": "p99 < 100 ms, ≥ 300 req/s"}
    rows = ["| endpoint | requests | req/s | p50 ms | p99 ms | errors | target | met |", "|---|---:|---:|---:|---:|---:|---|---|"]
    for name, r in results:
        target = targets.get(name, "(none)")
        met = ""
        if name in targets:
            met = "yes" if r["p99"] < 100 and r["errors"] == 0 and (name != "story (API)" or r["rps"] >= 300) else "**no**"
        rows.append(f"| {name} | {r['requests']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {target} | {met} |")
    ref_rows = ["| store call (in process, median of repeats) | ms |", "|---|---:|"] + [f"| {k} | {v:.2f} |" for k, v in reference.items()]
    errors = [f"{name}: {r['first_error']}" for name, r in results if r["errors"]]
    markdown = "\n".join([
        f"Store: {n_articles:,} generated articles in {n_stories:,} analysed stories ({args.per_story} outlets each), "
        f"{db_mb:.0f} MB DuckDB file, generated through `Store.save_report` in {build_seconds:.0f} s (incl. the search index).",
        f"Load: {args.connections} keep-alive connections, closed loop, {args.seconds:.0f} s per endpoint, against "
        f"`newsprism serve --workers {args.workers}` on loopback; the load generator runs on the same 2 cores. Random story "
        f"pages (1–{pages}), random stories (of {n_stories:,}), searches for 2,000 different place names; a served store is "
        "read-only, so each worker keeps its last 2,048 answers (story list pages fill it quickly, single stories mostly miss).",
        "",
        *rows,
        "",
        "The same store calls in process, without HTTP, beside the obvious alternatives (baselines):",
        "",
        *ref_rows,
        "",
        f"1-minute load average before / after the load: {load_before:.1f} / {load_avg:.1f} (on 2 cores; other sessions' "
        "work on this machine shares them, so these figures are a floor, not what the code does on an idle machine).",
        *(["", "Errors: " + "; ".join(errors)] if errors else []),
    ])
    print(markdown)
    write_section("web: API latency under load", markdown)


if __name__ == "__main__":
    main()
