"""Benchmark the reports: report.html size, render time, and time to first render in Chromium.

Two stories: the seed story (newsprism run on ../shared/seeds) and a generated 200-article
story (invented text, 40 outlets, facts, conflicts, quotes and framing in the proportions the
seeds show). Baseline in the same run: a bare page of the same articles (each article's
text escaped in a <pre>, no analysis), which is the floor any report of those articles pays.

    .venv/bin/python -m bench.bench_report [--runs 5]
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.results import write_section
from newsprism.models import (
    CleanArticle,
    Conflict,
    CopyRelation,
    Entity,
    Evidence,
    Fact,
    FramingEntry,
    Mention,
    Omission,
    Position,
    Quote,
    QuoteVariant,
    Removed,
    Report,
    Story,
    SummarySentence,
    TimelineEvent,
)
from newsprism.report import render_html

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CHROMIUM = "/usr/bin/chromium"

SUBJECTS = ["The port authority", "The coast guard", "The shipping ministry", "A local union", "The operator", "Rescue teams"]
VERBS = ["said", "confirmed", "reported", "announced", "claimed", "denied"]
OBJECTS = ["the vessel had lost power", "the crew were safe", "fuel had reached the shore", "an inquiry would open",
           "tugs were on their way", "the channel would close", "the cargo was grain", "winds had risen overnight"]
TERMS = [("label", "operator"), ("loaded", "reckless"), ("hedge", "allegedly"), ("attribution_verb", "insisted"),
         ("channel", "state radio"), ("scare_quote", "safety plan"), ("loaded", "fiasco"), ("label", "officials")]


def synthetic_report(n_articles: int = 200, n_outlets: int = 40, seed: int = 7) -> Report:
    """Return one invented story of `n_articles` articles with findings spread over them."""
    rng = random.Random(seed)
    articles: list[CleanArticle] = []
    sentences: dict[str, list[Evidence]] = {}
    for i in range(n_articles):
        aid = f"a_bench{i:05d}"
        parts, evs, pos = [], [], 0
        for p in range(rng.randint(5, 9)):
            para = []
            for _ in range(rng.randint(2, 4)):
                s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(OBJECTS)} on day {rng.randint(1, 9)}, with {rng.randint(2, 400)} people involved."
                para.append(s)
            text = " ".join(para)
            for s in para:
                start = pos + text.index(s)
                evs.append(Evidence(article_id=aid, text=s, start=start, end=start + len(s)))
            parts.append(text)
            pos += len(text) + 2
        body = "\n\n".join(parts)
        sentences[aid] = evs
        articles.append(CleanArticle(
            id=aid, source_path=f"bench/{i}.txt", outlet=f"Outlet {i % n_outlets:02d}", url=f"https://outlet{i % n_outlets}.example/{i}",
            title=f"Report {i} on the grounding", published=f"2026-03-{10 + i % 5:02d}", text=body,
            removed=[Removed(text="Subscribe to our newsletter", reason="newsletter")] if i % 3 == 0 else [],
        ))
    ids = [a.id for a in articles]

    def pick(k: int) -> list[str]:
        return rng.sample(ids, k)

    def ev(aid: str) -> Evidence:
        return rng.choice(sentences[aid])

    facts = []
    for f in range(60):
        members = pick(rng.choice([1, 2, 5, 20, 60, 150]))
        facts.append(Fact(id=f"f{f}", text=f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(OBJECTS)}.",
                          article_ids=members, independent_sources=min(len(members), n_outlets), evidence=[ev(a) for a in members]))
    conflicts = [Conflict(id=f"c{c}", about=f"number of people involved ({c})", kind="number",
                          positions=[Position(value=str(rng.randint(2, 400)), article_ids=(m := pick(10)), evidence=[ev(a) for a in m]) for _ in range(3)])
                 for c in range(8)]
    quotes = [Quote(id=f"q{q}", speaker=f"Speaker {q}", channel=rng.choice([None, "state radio", "a news agency"]),
                    variants=[QuoteVariant(text=f"We will {rng.choice(OBJECTS)}", article_ids=(m := pick(8)), evidence=[ev(a) for a in m]) for _ in range(3)])
                for q in range(20)]
    entities = [Entity(id=f"e{e}", name=f"Actor {e}", type=rng.choice(["PERSON", "ORG", "GPE"]),
                       mentions=[Mention(article_id=a, text=f"Actor {e}") for a in pick(30)]) for e in range(25)]
    framing = []
    for aid in ids:
        for _ in range(3):
            cat, term = rng.choice(TERMS)
            framing.append(FramingEntry(article_id=aid, term=term, category=cat, target_entity_id=rng.choice([None, "e1", "e2", "e3", "e4"]),
                                        voice=rng.choice(["outlet", "outlet", "quote"]), evidence=ev(aid)))
    timeline = [TimelineEvent(date=f"2026-03-{d:02d}", event=f"Event on day {d}", article_ids=(m := pick(5)), evidence=[ev(a) for a in m]) for d in range(1, 15)]
    summary = [SummarySentence(text=facts[s].text, article_ids=facts[s].article_ids[:8], evidence=facts[s].evidence[:8]) for s in range(6)]
    story = Story(
        id="s_bench", title=f"A generated {n_articles}-article story", article_ids=ids, entities=entities, facts=facts,
        conflicts=conflicts, quotes=quotes, framing=framing, timeline=timeline, summary=summary,
        exclusives=[f.id for f in facts if len(f.article_ids) == 1],
        omissions=[Omission(article_id=a, fact_ids=[facts[0].id]) for a in ids if a not in facts[0].article_ids][:40],
        copies=[CopyRelation(article_id=ids[i], copy_of=ids[i + 1], similarity=0.95) for i in range(0, 20, 2)],
    )
    return Report(articles=articles, stories=[story])


def baseline_html(report: Report) -> str:
    """The floor: the same articles as a bare escaped page, no analysis views, no script."""
    body = "".join(f"<h2>{html.escape(a.title or a.id)}</h2><pre>{html.escape(a.text)}</pre>" for a in report.articles)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>articles</title></head><body>{body}</body></html>"


FIRST_FRAME_JS = """() => new Promise(resolve => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
  if (document.readyState !== 'loading') { done(); } else { document.addEventListener('DOMContentLoaded', done); }
})"""


def first_render_ms(browser, path: Path, runs: int) -> dict[str, float]:
    """Return medians over `runs` fresh pages (ms from navigation start): DOM ready, first frame, FCP, load."""
    samples: dict[str, list[float]] = {"dom": [], "frame": [], "fcp": [], "load": []}
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri(), wait_until="commit")
        samples["frame"].append(page.evaluate(FIRST_FRAME_JS))
        page.wait_for_load_state("load")
        page.wait_for_function("performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')", timeout=10_000)
        samples["fcp"].append(page.evaluate("performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint').startTime"))
        nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()")
        samples["dom"].append(nav[0])
        samples["load"].append(nav[1])
        page.close()
    return {k: statistics.median(v) for k, v in samples.items()}


def measure(name: str, report: Report, browser, runs: int, out: Path) -> list[str]:
    rows = []
    for variant, render in (("report.html", render_html), ("baseline (bare page)", baseline_html)):
        render(report)  # warm: the template compiles once per process
        t0 = time.perf_counter()
        page = render(report)
        render_s = time.perf_counter() - t0
        path = out / f"{name.replace(' ', '_')}-{variant.split()[0]}.html"
        path.write_text(page, encoding="utf-8")
        size = len(page.encode("utf-8"))
        gz = len(gzip.compress(page.encode("utf-8")))
        t = first_render_ms(browser, path, runs) if browser else dict.fromkeys(("dom", "frame", "fcp", "load"), float("nan"))
        rows.append(f"| {name} | {variant} | {len(report.articles)} | {size / 1024:.0f} KiB | {gz / 1024:.0f} KiB | {render_s * 1000:.0f} ms "
                    f"| {t['dom']:.0f} ms | {t['frame']:.0f} ms | {t['fcp']:.0f} ms | {t['load']:.0f} ms |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Page loads per measurement (median reported).")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    stories = []
    if SEEDS.is_dir():
        import newsprism

        stories.append(("seed story", newsprism.analyze([SEEDS])))
    stories.append(("generated 200-article story", synthetic_report(200)))

    from playwright.sync_api import sync_playwright

    header = ["| story | page | articles | size | gzipped | Python render (warm) | DOM ready | first frame | FCP (Chromium) | load event |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]) \
            if Path(CHROMIUM).exists() else None
        for name, report in stories:
            rows += measure(name, report, browser, args.runs, Path(tmp))
        if browser:
            browser.close()
    note = (f"Headless Debian Chromium, file:// page, viewport 1280×900, median of {args.runs} fresh loads; times in ms "
            "from navigation start. FCP (Chromium's first-contentful-paint) is the time to first render: the page is "
            "parsed incrementally, so its top paints before the rest is parsed. 'DOM ready' and 'first frame' (the first "
            "animation frame after the whole document is parsed) are when every section is on screen. "
            "The seed story is all stories newsprism found in ../shared/seeds, rendered as one page. "
            "Baseline: the same articles as a bare escaped page with no analysis (the floor). "
            "No target is set in the issue. Measured on the shared 2-core machine while other work ran "
            f"(load average {os.getloadavg()[0]:.1f}), so single figures vary by tens of percent between runs.")
    write_section("report: report.html size and time to first render", "\n".join([note, "", *header, *rows]))


if __name__ == "__main__":
    main()
