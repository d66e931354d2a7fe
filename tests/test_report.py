"""Tests for the reports: report.json against the shipped schema, report.md, and report.html as a reader meets it.

The rich fixture (tests/data/report/rich_report.json, built by build_fixture.py) is an
invented story; the seeds' report comes from running newsprism on ../shared/seeds.
Browser tests drive Debian's chromium through Playwright and skip cleanly without it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from conftest import REPO, SHARED, TEST_DATA
from newsprism.errors import NewsprismError
from newsprism.models import (
    CleanArticle,
    Comment,
    Evidence,
    Fact,
    FramingEntry,
    Quote,
    QuoteVariant,
    Removed,
    Report,
    Story,
    SummarySentence,
)
from newsprism.report import render_html, render_json, render_markdown, write_reports
from newsprism.report.html import csp_hashes
from newsprism.report.schema import SCHEMA_PATH, schema_text, shipped_schema
from newsprism.report.view import build_views, place_span, safe_url, when_label

FIXTURE = TEST_DATA / "report" / "rich_report.json"
ARTIFACTS = REPO / "test-artifacts" / "report"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_JS = "window.__pwned = (window.__pwned || 0) + 1"


@pytest.fixture(scope="module")
def rich() -> Report:
    return Report.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile(rich: Report) -> Report:
    """The rich report plus one article (and findings) full of markup that must stay inert."""
    text = (
        f"Harbour staff found a note. <script>{HOSTILE_JS}</script> It read: "
        f'<img src=x onerror="{HOSTILE_JS}"> and <a href="javascript:{HOSTILE_JS}">click</a>.\n\n'
        "The note ended with </textarea></style></script><svg onload=\"alert(1)\">."
    )
    art = CleanArticle(
        id="a_hostile", source_path="inputs/hostile.html", outlet='Evil "><script>alert(1)</script>',
        url=f"javascript:{HOSTILE_JS}", title="<script>alert('title')</script>", byline="<b onmouseover=alert(1)>x</b>",
        published="2026-03-12", text=text,
        comments=[Comment(author="<script>alert(2)</script>", text=f"<img src=x onerror=\"{HOSTILE_JS}\">")],
        removed=[Removed(text="<iframe src='javascript:alert(3)'></iframe>", reason="<script>alert(4)</script>")],
    )
    sentence = text.split(" It read")[0] + " It read: "
    ev = Evidence(article_id=art.id, text=text[text.index("<img"):text.index("</a>.") + 5], start=text.index("<img"), end=text.index("</a>.") + 5)
    story = rich.stories[0]
    story = story.model_copy(update={
        "article_ids": [*story.article_ids, art.id],
        "facts": [*story.facts, Fact(id="f_evil", text=f"<script>{HOSTILE_JS}</script>", article_ids=[art.id], independent_sources=1, evidence=[ev])],
        "quotes": [*story.quotes, Quote(speaker="<img src=x onerror=alert(5)>", channel="<script>alert(6)</script>",
                                        variants=[QuoteVariant(text="<svg onload=alert(7)>", article_ids=[art.id], evidence=[ev])])],
        "framing": [*story.framing, FramingEntry(article_id=art.id, term="<script>alert(8)</script>", category="loaded", evidence=ev)],
        "summary": [*story.summary, SummarySentence(text=sentence + "<img src=x onerror=alert(9)>", article_ids=[art.id], evidence=[ev])],
    })
    return rich.model_copy(update={"articles": [*rich.articles, art], "stories": [story]})


@pytest.fixture(scope="session")
def seeds_report(seeds_dir: Path) -> Report:
    import newsprism

    return newsprism.analyze([seeds_dir])


def _validator():
    schema = shipped_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(report_json: str) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in _validator().iter_errors(json.loads(report_json))]


# --------------------------------------------------------------------------- schema and JSON


def test_report_schema_shipped_equals_generated():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run: .venv/bin/python -m newsprism.report.schema"


def test_report_schema_keeps_contract_names():
    schema = shipped_schema()
    article = schema["$defs"]["CleanArticle"]["properties"]
    story = schema["$defs"]["Story"]["properties"]
    for name in ("id", "source_path", "outlet", "url", "title", "byline", "published", "text", "comments", "removed"):
        assert name in article
    for name in ("id", "title", "article_ids", "entities", "facts", "conflicts", "quotes", "framing", "timeline", "summary"):
        assert name in story


def test_report_json_of_fixture_validates(rich: Report):
    assert _errors(render_json(rich)) == []


@pytest.mark.parametrize("breakage", ["missing_articles_field", "wrong_type", "unknown_field"])
def test_report_schema_rejects_broken_reports(rich: Report, breakage: str):
    data = json.loads(render_json(rich))
    if breakage == "missing_articles_field":
        del data["stories"][0]["article_ids"]
    elif breakage == "wrong_type":
        data["stories"][0]["facts"][0]["independent_sources"] = "three"
    else:
        data["articles"][0]["colour"] = "red"
    assert list(_validator().iter_errors(data))


def test_report_json_round_trips(rich: Report):
    assert Report.model_validate_json(render_json(rich)) == rich


@pytest.mark.slow
def test_report_seeds_validate_and_keep_contract(seeds_report: Report, tmp_path: Path):
    assert _errors(render_json(seeds_report)) == []
    paths = write_reports(seeds_report, tmp_path)
    assert [p.name for p in paths] == ["report.json", "report.md", "report.html"]
    checker = SHARED / "tools" / "check_contract.py"
    if not checker.exists():
        pytest.skip("../shared/tools/check_contract.py not present")
    done = subprocess.run([sys.executable, str(checker), str(tmp_path / "report.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    for article in seeds_report.articles:
        assert f'id="art-{article.id}"' in page
    assert (tmp_path / "report.md").read_text(encoding="utf-8").count("\n#### ") == len(seeds_report.articles)


# --------------------------------------------------------------------------- HTML as markup


def _doc(page: str):
    return lxml_html.fromstring(page)


def _sentence_at(doc, anchor: str) -> str:
    """Read a cited sentence back from the article view, as the page's script does."""
    start = anchor.rsplit("-", 1)[1]
    box = doc.get_element_by_id(anchor).xpath("ancestor::div[@class='art-text']")[0]
    return "".join(n.text_content() for n in box.xpath(".//span[@data-s]") if start in n.get("data-s").split())


def test_report_html_is_self_contained(rich: Report):
    page = render_html(rich)
    doc = _doc(page)
    assert not doc.xpath("//link | //script[@src] | //img | //iframe | //object | //embed")
    assert "@import" not in page and "url(" not in page
    assert len(doc.xpath("//script")) == 1 and len(doc.xpath("//style")) == 1
    hrefs = [a.get("href") for a in doc.xpath("//a[@href]")]
    external = [h for h in hrefs if not h.startswith("#")]
    assert set(external) == {safe_url(a.url) for a in rich.articles if safe_url(a.url)}


def test_report_html_anchors_every_evidence_sentence(rich: Report):
    doc = _doc(render_html(rich))
    articles = {a.id: a for a in rich.articles}
    story = rich.stories[0]
    evidence = [ev for f in story.facts for ev in f.evidence] + [ev for c in story.conflicts for p in c.positions for ev in p.evidence]
    evidence += [e.evidence for e in story.framing]
    assert evidence
    for ev in evidence:
        node = doc.get_element_by_id(f"s-{ev.article_id}-{ev.start}")
        start = int(node.get("data-s").split()[0])
        assert articles[ev.article_id].text.startswith(node.text_content(), start)
        assert ev.text.startswith(node.text_content())


def test_report_html_summary_chips_point_at_source_sentences(rich: Report):
    doc = _doc(render_html(rich))
    chips = doc.xpath("//ol[@class='sum']/li[1]//a[@data-cites]")
    outlets = {a.id: a.outlet for a in rich.articles}
    assert [c.text_content() for c in chips] == [outlets[a] for a in rich.stories[0].summary[0].article_ids]
    for chip, ev in zip(chips, rich.stories[0].summary[0].evidence):
        cites = json.loads(chip.get("data-cites"))
        assert cites[0]["a"] == chip.get("href")[1:] == f"s-{ev.article_id}-{ev.start}"
        assert _sentence_at(doc, cites[0]["a"]) == ev.text


def test_report_html_finds_summary_source_without_given_evidence(rich: Report):
    """A summary sentence with only article ids still cites the closest fact sentence of each article."""
    doc = _doc(render_html(rich))
    chips = doc.xpath("//ol[@class='sum']/li[2]//a[@data-cites]")
    texts = [_sentence_at(doc, json.loads(c.get("data-cites"))[0]["a"]) for c in chips]
    assert any("21 crew" in t for t in texts) and any("About 20" in t for t in texts)


def test_report_html_shows_removed_parts_and_comments_apart(rich: Report):
    doc = _doc(render_html(rich))
    for art in rich.articles:
        box = doc.get_element_by_id(f"art-{art.id}")
        body = box.xpath(".//div[@class='art-text']")[0].text_content()
        assert body == art.text
        removed = [p.text_content() for p in box.xpath(".//*[@class='rm']")]
        assert len(removed) == len(art.removed) and all(r.text in got for r, got in zip(art.removed, removed))
        comments = box.xpath(".//div[@class='comment']")
        assert len(comments) == len(art.comments)
        assert all(c.text not in body for c in art.comments)


def test_report_html_coverage_matrix_marks_states_contradicts_omits(rich: Report):
    views, _ = build_views(rich)
    view = views[0]
    by_fact = {row["fact"].id: dict(zip(view.outlets, row["cells"])) for row in view.coverage}
    # the cause conflict puts the outlet blaming the wind against the engine-failure fact
    assert by_fact["f_engine"]["Coastline Daily"] == "contradicts"
    assert by_fact["f_engine"]["Harbour Ledger"] == "states"
    # the unnamed article is listed as omitting the grounding itself
    assert by_fact["f_aground"]["unnamed outlet: blog.txt"] == "omits"
    assert by_fact["f_2019"]["Coastline Daily"] == "silent"
    page = render_html(rich)
    assert page.count('<td class="cell contradicts"') == 1


def test_coverage_does_not_set_a_fact_against_a_conflict_it_only_shares_a_sentence_with(rich: Report):
    """A fact resting on a conflict's sentence but not stating the disputed value is no side of it."""
    story = rich.stories[0]
    engine = next(f for f in story.facts if f.id == "f_engine")
    other = Fact(id="f_master", text="Ilse Varga is the harbour master.", article_ids=engine.article_ids[:1],
                 independent_sources=1, evidence=engine.evidence[:1])
    report = rich.model_copy(update={"stories": [story.model_copy(update={"facts": [*story.facts, other]})]})
    views, _ = build_views(report)
    by_fact = {row["fact"].id: dict(zip(views[0].outlets, row["cells"])) for row in views[0].coverage}
    assert by_fact["f_engine"]["Coastline Daily"] == "contradicts"
    assert "contradicts" not in by_fact["f_master"].values()


def test_report_html_escapes_hostile_article(hostile: Report):
    page = render_html(hostile)
    doc = _doc(page)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].text_content()
    assert not doc.xpath("//img | //iframe | //svg//*[@onload] | //*[@onerror] | //*[@onload] | //*[@onmouseover]")
    assert not [a for a in doc.xpath("//a[@href]") if a.get("href").strip().lower().startswith("javascript:")]
    body = doc.get_element_by_id("art-a_hostile").xpath(".//div[@class='art-text']")[0].text_content()
    assert "<script>" in body and "onerror=" in body  # shown as text, not run


def test_report_markdown_neutralises_markup(hostile: Report):
    text = render_markdown(hostile)
    assert "<script" not in text and "<img" not in text and "&lt;script&gt;" in text


def test_report_html_carries_nonce_for_the_web_app(rich: Report):
    page = render_html(rich, csp_nonce="r4nd0mN0nce")
    doc = _doc(page)
    assert [s.get("nonce") for s in doc.xpath("//script | //style")] == ["r4nd0mN0nce", "r4nd0mN0nce"]
    assert not doc.xpath("//meta[@http-equiv]")
    assert not doc.xpath("//*[@style]"), "style attributes break under a nonce-only style-src"


def test_report_html_standalone_declares_its_own_policy(rich: Report):
    doc = _doc(render_html(rich))
    policy = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    hashes = csp_hashes()
    assert "default-src 'none'" in policy and hashes["script"] in policy and hashes["style"] in policy


def test_report_story_id_selects_one_story(rich: Report):
    other = Story(id="s_other", title="A second, unrelated story", article_ids=[rich.articles[-1].id])
    first = rich.stories[0].model_copy(update={"article_ids": [a.id for a in rich.articles[:-1]]})
    two = rich.model_copy(update={"stories": [first, other]})
    both = render_html(two)
    assert "A second, unrelated story" in both and 'href="#story-s_other"' in both
    one = render_html(two, story_id="s_other")
    assert "A second, unrelated story" in one and rich.stories[0].title not in one
    assert "A second, unrelated story" in render_markdown(two, story_id="s_other")
    with pytest.raises(NewsprismError) as err:
        render_html(two, story_id="s_missing")
    assert err.value.code == "NP401"


@pytest.mark.parametrize("report", [
    Report(),
    Report(articles=[CleanArticle(id="a1", source_path="x.txt", text="Only text, nothing found.")],
           stories=[Story(id="s1", title="Bare story", article_ids=["a1", "a_not_in_report"])]),
], ids=["no_stories", "no_findings"])
def test_report_renders_empty_reports(report: Report):
    page = render_html(report)
    text = render_markdown(report)
    assert "</html>" in page and text.startswith("# newsprism report")
    if report.stories:
        assert "No summary was produced" in page and "Bare story" in text
        assert "Only text, nothing found." in page


@pytest.mark.parametrize("shift", [0, 7, -3, 10_000])
def test_report_places_evidence_when_offsets_drift(rich: Report, shift: int):
    art = rich.articles[0]
    sentence = "All 21 crew members were taken off the ship by lifeboat crews before dawn."
    start = art.text.index(sentence)
    ev = Evidence(article_id=art.id, text=sentence, start=start + shift, end=start + shift + len(sentence))
    assert place_span(art, ev) == (start, start + len(sentence))


def test_report_ignores_evidence_that_fits_nowhere(rich: Report):
    art = rich.articles[0]
    assert place_span(art, Evidence(article_id=art.id, text="Not in the article.", start=10_000, end=10_020)) is None
    story = rich.stories[0].model_copy(update={"facts": [Fact(id="f_x", text="x", article_ids=[art.id, "a_unknown"], independent_sources=1,
                                                              evidence=[Evidence(article_id=art.id, text="nowhere", start=-5, end=99_999),
                                                                        Evidence(article_id="a_unknown", text="ghost", start=0, end=5)])]})
    page = render_html(rich.model_copy(update={"stories": [story]}))
    assert "ghost" in page and "</html>" in page


@pytest.mark.parametrize("url,linked", [
    ("https://example.org/a", True), ("http://example.org/a", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,hi", False), ("//example.org/a", False), ("ftp://example.org", False),
])
def test_report_links_only_web_urls(url: str, linked: bool):
    assert (safe_url(url) is not None) is linked


def test_report_markdown_carries_the_same_content(rich: Report):
    text = render_markdown(rich)
    story = rich.stories[0]
    for fact in story.facts:
        assert fact.text.replace("_", "\\_") in text
    for conflict in story.conflicts:
        assert conflict.about in text and all(f"**{p.value}**" in text for p in conflict.positions)
    for quote in story.quotes:
        assert all(v.text in text for v in quote.variants)
        assert all(f"speaker named as “{v.speaker_text}”" in text for v in quote.variants if v.speaker_text)
    for event in story.timeline:
        assert f"| {when_label(event.date)} |" in text
    for entry in story.framing:
        assert entry.term in text
    for art in rich.articles:
        assert all(r.text.replace("|", "\\|") in text for r in art.removed)
        assert all(c.text in text for c in art.comments)
    assert "copies" in text and "97% alike" in text
    # every table row has as many cells as its header
    for block in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(widths) == 1, block


# --------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed (./run setup installs it)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


def _open(browser, url: str, **context):
    """Open a page and record console errors, page errors, dialogs and every request it makes."""
    page = browser.new_page(**context)
    seen = {"console": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["console"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["console"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(url)
    return page, seen


def _tap_first_summary_chip(page, tap: bool = False):
    """Tap the first source of the summary; return what it cites (outlet, anchor) and the popover."""
    chip = page.locator("ol.sum a.cite").first
    expected = json.loads(chip.get_attribute("data-cites"))[0]
    chip.tap() if tap else chip.click()
    pop = page.locator("#np-pop")
    pop.wait_for(state="visible")
    return expected, pop


@pytest.mark.slow
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_report_browser_chip_shows_source_sentence(browser, rich: Report, tmp_path: Path, device: str):
    path = tmp_path / "report.html"
    path.write_text(render_html(rich), encoding="utf-8")
    context = {"viewport": {"width": 1280, "height": 900}} if device == "desktop" else \
        {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
    page, seen = _open(browser, path.as_uri(), **context)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"fixture-{device}-top.png"))
    expected, pop = _tap_first_summary_chip(page, tap=device == "phone")
    source = rich.stories[0].summary[0].evidence[0]
    assert source.text in pop.inner_text() and expected["o"] in pop.inner_text()
    hit = page.locator(".art-text .ev.hit").first
    assert hit.is_visible() and "".join(page.locator(".art-text .ev.hit").all_inner_texts()) == source.text
    box, view = hit.bounding_box(), page.viewport_size
    assert 0 <= box["y"] <= view["height"], "the cited sentence is scrolled into view"
    assert page.evaluate("document.documentElement.scrollWidth") <= view["width"], "no sideways scrolling of the page"
    page.screenshot(path=str(ARTIFACTS / f"fixture-{device}-chip.png"))
    page.screenshot(path=str(ARTIFACTS / f"fixture-{device}-full.png"), full_page=True)
    assert seen["console"] == []
    assert seen["requests"] == [path.as_uri()]
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("policy", ["own_policy", "no_policy"])
def test_report_browser_hostile_article_runs_nothing(browser, hostile: Report, tmp_path: Path, policy: str):
    """Inert both with the page's own CSP and without any policy (escaping alone must hold)."""
    path = tmp_path / "report.html"
    path.write_text(render_html(hostile) if policy == "own_policy" else render_html(hostile, csp_nonce="unused"), encoding="utf-8")
    page, seen = _open(browser, path.as_uri(), viewport={"width": 1280, "height": 900})
    page.locator("#art-a_hostile").scroll_into_view_if_needed()
    for chip in page.locator("a[data-cites]").all()[-3:]:
        chip.click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned === undefined")
    assert seen["dialogs"] == []
    assert page.locator("img, iframe").count() == 0
    assert "<script>" in page.locator("#art-a_hostile .art-text").inner_text()
    assert seen["requests"] == [path.as_uri()]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#art-a_hostile").screenshot(path=str(ARTIFACTS / f"hostile-article-{policy}.png"))
    page.close()


@pytest.mark.slow
def test_report_browser_works_under_nonce_csp(browser, rich: Report):
    """Served as the web app serves it (a nonce-only policy), the chips still work and nothing is blocked."""
    nonce = "dGVzdC1ub25jZQ"
    body = render_html(rich, csp_nonce=nonce)
    policy = f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:"
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("http://report.test/**", lambda route: route.fulfill(
        status=200, body=body, headers={"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy}))
    page.goto("http://report.test/story")
    _, pop = _tap_first_summary_chip(page)
    assert rich.stories[0].summary[0].evidence[0].text in pop.inner_text()
    assert page.locator(".card").first.evaluate("e => getComputedStyle(e).borderRadius") != "0px", "styles applied"
    assert errors == []
    page.close()


@pytest.mark.slow
def test_report_browser_seed_report(browser, seeds_report: Report, tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(render_html(seeds_report), encoding="utf-8")
    page, seen = _open(browser, path.as_uri(), viewport={"width": 1280, "height": 900})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seeds-top.png"))
    if page.locator("ol.sum a.cite").count():
        expected, pop = _tap_first_summary_chip(page)
        assert expected["o"] in pop.inner_text()
        page.screenshot(path=str(ARTIFACTS / "seeds-chip.png"))
    assert seen["console"] == []
    assert seen["requests"] == [path.as_uri()]
    page.close()


@pytest.mark.slow
def test_report_browser_prints_every_article(browser, rich: Report, tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(render_html(rich), encoding="utf-8")
    page, seen = _open(browser, path.as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = false; })")
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "fixture-print.pdf"))
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)"), "folded articles open for print"
    assert page.locator("header.top").evaluate("e => getComputedStyle(e).display") == "none"
    assert seen["console"] == []
    page.close()


@pytest.mark.parametrize("dates", [
    ["2026-03-11", "sometime", "2019", "2026-03"],
    ["2026-03-11T09:00:00", "2026-03-11"],
    ["undated only"],
])
def test_report_timeline_orders_dated_events_and_keeps_undated_last(rich: Report, dates: list[str]):
    from newsprism.models import TimelineEvent

    art = rich.articles[0].id
    story = rich.stories[0].model_copy(update={"timeline": [TimelineEvent(date=d, event=f"event {i}", article_ids=[art]) for i, d in enumerate(dates)]})
    doc = _doc(render_html(rich.model_copy(update={"stories": [story]})))
    shown = [li.xpath(".//time")[0].get("data-date") for li in doc.xpath("//ol[@class='events']/li")]
    dated = [d for d in dates if d[:4].isdigit()]
    assert shown[:len(dated)] == sorted(dated) and set(shown[len(dated):]) == set(dates) - set(dated)
    assert len(doc.xpath("//svg[@class='timeline']//circle")) == len(dated)


def test_report_markdown_matches_expected_file(rich: Report):
    """report.md of the fixture, reviewed by hand; regenerate with NEWSPRISM_UPDATE_EXPECTED=1 after a deliberate change."""
    import os

    expected = TEST_DATA / "report" / "expected" / "rich_report.md"
    text = render_markdown(rich)
    if os.environ.get("NEWSPRISM_UPDATE_EXPECTED") == "1":
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


def test_report_quote_renderings_name_their_own_channels_when_they_differ(rich: Report):
    """One remark relayed by state TV in one outlet and by a news agency in another: each rendering
    says which; the remark's heading claims no single channel."""
    from newsprism.models import QuoteVariant

    story = rich.stories[0]
    ids = story.article_ids[:2]
    quote = Quote(id="q_relay", speaker="Ada Brill", channel="state television", variants=[
        QuoteVariant(text="The roads will reopen by Friday", article_ids=[ids[0]], channel="state television"),
        QuoteVariant(text="Roads are to reopen on Friday", article_ids=[ids[1]], channel="the Norland News Agency"),
    ])
    text = render_markdown(rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [quote]})]}))
    assert "- **Ada Brill**\n" in text
    assert "via state television" in text and "via the Norland News Agency" in text


def test_report_a_speakers_remarks_through_one_channel_share_one_heading(rich: Report):
    """A speaker heard directly, then through a radio station, then directly again: her heading is
    printed once for the direct remarks and once for the radio, not three times."""
    from newsprism.models import QuoteVariant

    story = rich.stories[0]
    ids = story.article_ids[:2]
    quotes = [Quote(id=f"q_{n}", speaker="Ada Brill", speaker_entity_id="e_brill", channel=channel,
                    variants=[QuoteVariant(text=text, article_ids=[ids[n % 2]], channel=channel)])
              for n, (text, channel) in enumerate([("The roads will reopen by Friday", None),
                                                  ("The bridge is safe", "Radio Kell"),
                                                  ("We have done what we could", None)])]
    text = render_markdown(rich.model_copy(update={"stories": [story.model_copy(update={"quotes": quotes})]}))
    assert text.count("- **Ada Brill**\n") == 1 and text.count("- **Ada Brill** (via Radio Kell)") == 1


def test_report_html_counts_one_conflict_in_the_singular(rich: Report):
    story = rich.stories[0]
    one = rich.model_copy(update={"stories": [story.model_copy(update={"conflicts": story.conflicts[:1], "facts": story.facts[:1]})]})
    meta = lxml_html.fromstring(render_html(one)).xpath("string(//p[@class='meta'])")
    assert "1 fact ·" in meta and meta.rstrip().endswith("1 conflict"), meta


def test_report_paraphrase_is_never_put_in_quotation_marks(rich: Report):
    """Quotation marks say 'these are the speaker's words': report.md and report.html put them
    around a direct quote only, never around an outlet's paraphrase."""
    from newsprism.models import QuoteVariant

    story = rich.stories[0]
    ids = story.article_ids[:2]
    quote = Quote(id="q_said", speaker="Ada Brill", variants=[
        QuoteVariant(text="The roads will reopen by Friday", article_ids=[ids[0]], direct=True),
        QuoteVariant(text="the roads would reopen within days", article_ids=[ids[1]], direct=False),
    ])
    report = rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [quote]})]})
    text = render_markdown(report)
    assert "  - “The roads will reopen by Friday” (direct" in text
    assert "  - the roads would reopen within days (paraphrase" in text
    shown = [b.text_content() for b in _doc(render_html(report)).xpath("//div[@class='quote']//blockquote")]
    assert shown == ["“The roads will reopen by Friday”", "the roads would reopen within days"]


def test_report_one_speakers_remarks_sit_together_under_one_heading(rich: Report):
    """A minister heard three times among other speakers is one heading with three remarks,
    in report.md and report.html alike; a different speaker keeps a heading of their own."""
    from newsprism.models import QuoteVariant

    story = rich.stories[0]
    art = story.article_ids[0]

    def remark(qid: str, speaker: str, text: str) -> Quote:
        return Quote(id=qid, speaker=speaker, variants=[QuoteVariant(text=text, article_ids=[art], direct=True)])

    quotes = [remark("q1", "Ada Brill", "The roads will reopen"), remark("q2", "Tomas Ek", "We were not warned"),
              remark("q3", "Ada Brill", "Nobody will be spared"), remark("q4", "Tomas Ek", "The water rose fast")]
    report = rich.model_copy(update={"stories": [story.model_copy(update={"quotes": quotes})]})
    text = render_markdown(report)
    section = text[text.index("### Quotes"):text.index("### Timeline")]
    assert section.count("**Ada Brill**") == 1 and section.count("**Tomas Ek**") == 1
    assert section.index("The roads will reopen") < section.index("Nobody will be spared") < section.index("**Tomas Ek**")
    doc = _doc(render_html(report))
    assert [h.text_content() for h in doc.xpath("//div[contains(@class, 'quote')]/h3")] == ["Ada Brill", "Tomas Ek"]
    remarks = [b.text_content() for b in doc.xpath("//div[contains(@class, 'quote')]//blockquote")]
    assert remarks == ["“The roads will reopen”", "“Nobody will be spared”", "“We were not warned”", "“The water rose fast”"]


def test_report_browser_timeline_markers_of_one_weekend_do_not_hide_each_other(browser, rich: Report, tmp_path: Path):
    """Seven events of one weekend and one from years before: every numbered marker is drawn
    apart from the others, inside the chart, so each number can be read and clicked."""
    from newsprism.models import TimelineEvent

    art = rich.articles[0].id
    dates = ["2018-05-02"] + [f"2026-11-0{d}" for d in (7, 7, 7, 8, 8, 8, 9)]
    story = rich.stories[0].model_copy(update={"timeline": [TimelineEvent(date=d, event=f"event {i}", article_ids=[art]) for i, d in enumerate(dates)]})
    path = tmp_path / "report.html"
    path.write_text(render_html(rich.model_copy(update={"stories": [story]})), encoding="utf-8")
    page, seen = _open(browser, path.as_uri(), viewport={"width": 1280, "height": 900})
    chart = page.locator("svg.timeline").bounding_box()
    boxes = [page.locator("svg.timeline g.dot circle").nth(i).bounding_box() for i in range(len(dates))]
    page.close()
    for box in boxes:
        assert chart["y"] <= box["y"] and box["y"] + box["height"] <= chart["y"] + chart["height"] + 0.5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a["x"] + a["width"] <= b["x"] + 0.5 or b["x"] + b["width"] <= a["x"] + 0.5 \
                or a["y"] + a["height"] <= b["y"] + 0.5 or b["y"] + b["height"] <= a["y"] + 0.5
            assert apart, (a, b)
    assert not seen["console"]


def test_report_left_out_facts_link_to_their_rows_and_no_copies_is_said(rich: Report):
    """Each fact an outlet leaves out links to its coverage row (its sources and sentences); a story
    without copies says so in report.html and report.md rather than leave the heading out."""
    story = rich.stories[0].model_copy(update={"copies": []})
    report = rich.model_copy(update={"stories": [story]})
    doc = _doc(render_html(report))
    facts = {f.id: f.text for f in story.facts}
    links = doc.xpath("//section[contains(@id, '-exclusives')]//ul//ul/li/a")
    assert len(links) == sum(len(om.fact_ids) for om in story.omissions)
    for link in links:
        row = doc.xpath(f"//tr[@id='{link.get('href')[1:]}']")
        assert row and facts[row[0].get("id").rsplit("-fact-", 1)[1]] == link.text_content()
        assert link.text_content() in row[0].xpath("./th")[0].text_content()
    assert doc.xpath("//section[contains(@id, '-actors')]//p[@class='empty']")[0].text_content() == "No article copies another."
    assert "### Copies\n\n_No article copies another._\n" in render_markdown(report)


def test_report_remark_without_speaker_names_the_channel_that_reported_it(rich: Report):
    """'... Radio Tormen reported': no person is named, so the channel is who says it; the heading
    reads 'Reported by Radio Kestrel', not 'Unattributed' beside 'via Radio Kestrel'."""
    from newsprism.models import QuoteVariant

    story = rich.stories[0]
    quote = Quote(id="q_radio", channel="Radio Kestrel", variants=[
        QuoteVariant(text="The mayor won 51 percent of the vote", article_ids=[story.article_ids[0]], direct=False, channel="Radio Kestrel")])
    report = rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [quote]})]})
    assert "- **Reported by Radio Kestrel**\n" in render_markdown(report)
    heading = _doc(render_html(report)).xpath("//div[contains(@class, 'quote')]/h3")[0].text_content()
    assert heading == "Reported by Radio Kestrel"


def test_report_markdown_coverage_table_reads_in_a_terminal(rich: Report):
    """report.md shown by a terminal Markdown viewer (rich, 100 columns): the coverage table keeps
    the facts readable (outlet columns are letters, named in a key line above the table)."""
    import io

    from rich.console import Console
    from rich.markdown import Markdown

    text = render_markdown(rich)
    from newsprism.report.view import build_views

    view = build_views(rich)[0][0]
    key = next(line for line in text.splitlines() if line.startswith("Columns: "))
    assert all(f"**{letter}** {outlet}" in key for letter, outlet in zip("ABCDEFGH", view.outlets))
    console = Console(width=100, no_color=True, record=True, file=io.StringIO())
    console.print(Markdown(text))
    shown = console.export_text()
    for row in view.coverage:
        opening = " ".join(row["fact"].text.split()[:6])  # the fact's first words stay on one line
        assert opening in shown, opening


@pytest.mark.slow
def test_report_browser_many_stories_keep_readable_titles_in_the_top_bar(browser, rich: Report, tmp_path: Path):
    """Thirteen stories: each link in the top bar shows a readable part of its title (the bar
    scrolls sideways), not five letters and an ellipsis; the page itself never scrolls sideways."""
    story = rich.stories[0]
    titles = [f"Story number {i} about a harbour strike and its long aftermath" for i in range(13)]
    report = rich.model_copy(update={"stories": [story.model_copy(update={"id": f"s_{i:04d}", "title": t}) for i, t in enumerate(titles)]})
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    page, seen = _open(browser, path.as_uri(), viewport={"width": 1280, "height": 900})
    widths = page.evaluate("Array.from(document.querySelectorAll('nav.stories a')).map(a => a.getBoundingClientRect().width)")
    em = page.evaluate("parseFloat(getComputedStyle(document.querySelector('nav.stories a')).fontSize)")
    assert len(widths) == 13 and min(widths) >= 12 * em
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert seen["console"] == []
    page.close()


# --------------------------------------------------------------------------- word choices (task W)


def _with_word_choice(report: Report, words: tuple[str, str]) -> Report:
    """The rich report with one word choice: two outlets' words for the crew in their sentences of one fact."""
    from newsprism.models import WordChoice, WordingUse

    story = report.stories[0]
    fact = next(f for f in story.facts if f.id == "f_crew")
    outlet = {a.id: a.outlet for a in report.articles}
    uses = [WordingUse(outlet=outlet[ev.article_id], article_id=ev.article_id, words=w, evidence=ev) for ev, w in zip(fact.evidence[:2], words)]
    choice = WordChoice(id="w_crew", fact_id=fact.id, role="who were taken off the ship", uses=uses)
    return report.model_copy(update={"stories": [story.model_copy(update={"word_choices": [choice]})]})


def test_report_word_choices_side_by_side_with_their_sentences(rich: Report):
    report = _with_word_choice(rich, ("crew members", "sailors"))
    text = render_markdown(report)
    section = text.split("### Different words for the same people", 1)[1].split("\n### ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| who were taken off the ship"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    header = next(line for line in section.splitlines() if line.startswith("| Role"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    assert cells[columns.index("Harbour Ledger")] == "crew members" and cells[columns.index("Coastline Daily")] == "sailors"
    assert "- Coastline Daily, “sailors”: About 20 sailors were rescued, according to the coast guard." in section

    page = lxml_html.fromstring(render_html(report))
    table = page.xpath("//table[contains(@class, 'word-choices')]")[0]
    chips = {a.text_content().strip(): a for a in table.xpath(".//a[contains(@class, 'chip')]")}
    assert set(chips) == {"crew members", "sailors"}
    # each word links to its own sentence in its article
    target = page.get_element_by_id(chips["sailors"].get("href")[1:])
    assert "About 20 sailors were rescued" in target.text_content()


def test_report_word_choices_change_nothing_else_and_stay_inert(rich: Report):
    plain = render_markdown(rich)
    assert "_No different words for the same people were found" in plain
    report = _with_word_choice(rich, ("<script>alert(1)</script>", "sailors"))
    with_choice = render_markdown(report)
    cut = lambda t: re.sub(r"### Different words for the same people\n.*?(?=\n### )", "", t, flags=re.S)  # noqa: E731
    assert cut(with_choice) == cut(plain)
    page = render_html(report)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert _errors(render_json(report)) == []


def test_coverage_marks_an_outlet_inside_a_fact_but_on_another_side_of_its_value_as_contradicting(rich: Report):
    """A fact holding the sentence of an outlet that gives another side of the value its text states (one
    event's reports merged across the disputed detail) shows that outlet contradicting it, not stating it."""
    story = rich.stories[0]
    engine = next(f for f in story.facts if f.id == "f_engine")
    cause = next(c for c in story.conflicts if c.kind == "cause")
    other_side = next(p for p in cause.positions if not set(p.article_ids) & set(engine.article_ids))
    merged = engine.model_copy(update={"article_ids": [*engine.article_ids, *other_side.article_ids],
                                       "evidence": [*engine.evidence, *other_side.evidence]})
    report = rich.model_copy(update={"stories": [story.model_copy(update={"facts": [merged if f.id == "f_engine" else f for f in story.facts]})]})
    views, _ = build_views(report)
    by_fact = {row["fact"].id: dict(zip(views[0].outlets, row["cells"])) for row in views[0].coverage}
    assert by_fact["f_engine"]["Coastline Daily"] == "contradicts"
    assert by_fact["f_engine"]["Harbour Ledger"] == "states"


def test_coverage_reads_a_position_value_in_another_spelling_in_the_facts_text(rich: Report):
    """"Defence Minister Arno Vell" in the fact's text states the side written "defense minister Arno Vell":
    the outlet on the other side is contradicting, not stating (spellings compared as the understanding does)."""
    story = rich.stories[0]
    engine = next(f for f in story.facts if f.id == "f_engine")
    cause = next(c for c in story.conflicts if c.kind == "cause")
    stated = next(p for p in cause.positions if set(p.article_ids) & set(engine.article_ids))
    other_side = next(p for p in cause.positions if p is not stated)
    actor = cause.model_copy(update={"kind": "actor", "about": "who signed", "positions": [
        stated.model_copy(update={"value": "defense minister Arno Vell"}),
        other_side.model_copy(update={"value": "president Ida Rask"})]})
    merged = engine.model_copy(update={"text": "The accord was signed with Defence Minister Arno Vell, the harbour master said.",
                                       "article_ids": [*engine.article_ids, *other_side.article_ids],
                                       "evidence": [*engine.evidence, *other_side.evidence]})
    report = rich.model_copy(update={"stories": [story.model_copy(update={
        "facts": [merged if f.id == "f_engine" else f for f in story.facts],
        "conflicts": [actor if c is cause else c for c in story.conflicts]})]})
    views, _ = build_views(report)
    by_fact = {row["fact"].id: dict(zip(views[0].outlets, row["cells"])) for row in views[0].coverage}
    assert by_fact["f_engine"]["Coastline Daily"] == "contradicts"
    assert by_fact["f_engine"]["Harbour Ledger"] == "states"


def test_coverage_an_outlet_whose_own_sentence_in_the_fact_says_its_value_states_it(rich: Report):
    """An outlet on another side of a conflict elsewhere, whose own sentence inside the fact says the
    fact's value ("Three dead" from an outlet also counted on a side "six"), states the fact: no ✕ on its own words."""
    story = rich.stories[0]
    engine = next(f for f in story.facts if f.id == "f_engine")
    cause = next(c for c in story.conflicts if c.kind == "cause")
    stated = next(p for p in cause.positions if set(p.article_ids) & set(engine.article_ids))
    other_side = next(p for p in cause.positions if not set(p.article_ids) & set(engine.article_ids))
    own = other_side.evidence[0]
    saying = own.model_copy(update={"text": f"Officials later agreed: {stated.written()}."})
    merged = engine.model_copy(update={"article_ids": [*engine.article_ids, own.article_id],
                                       "evidence": [*engine.evidence, saying]})
    report = rich.model_copy(update={"stories": [story.model_copy(update={"facts": [merged if f.id == "f_engine" else f for f in story.facts]})]})
    views, _ = build_views(report)
    by_fact = {row["fact"].id: dict(zip(views[0].outlets, row["cells"])) for row in views[0].coverage}
    assert by_fact["f_engine"]["Coastline Daily"] == "states"
    assert by_fact["f_engine"]["Harbour Ledger"] == "states"


def test_report_timeline_says_clock_times_as_a_reader_does_and_ticks_the_days_it_spans(rich: Report):
    """An invented night at sea: '2031-04-05T23:50' is shown as 'Sat 5 Apr 2031, 23:50', the day's
    end '24:00' ('shortly before midnight') as midnight, and the chart's ticks are the days the
    events span, each under its own day (one tick in the middle named after the first event
    read as the date of whatever sat there)."""
    from newsprism.models import TimelineEvent

    art = rich.articles[0].id
    dates = ["2031-04-04", "2031-04-05T23:50", "2031-04-05T24:00", "2031-04-06T03:40", "2031-04-07"]
    story = rich.stories[0].model_copy(update={"timeline": [TimelineEvent(date=d, event=f"event {i}", article_ids=[art]) for i, d in enumerate(dates)]})
    report = rich.model_copy(update={"stories": [story]})
    doc = _doc(render_html(report))
    shown = [li.xpath(".//time")[0].text_content() for li in doc.xpath("//ol[@class='events']/li")]
    assert shown == ["Fri 4 Apr 2031", "Sat 5 Apr 2031, 23:50", "Sat 5 Apr 2031, midnight (end of day)", "Sun 6 Apr 2031, 03:40", "Mon 7 Apr 2031"]
    assert "T23:50" not in render_markdown(report) and "| Sat 5 Apr 2031, 23:50 |" in render_markdown(report)
    ticks = {t.text_content(): float(t.get("x")) for t in doc.xpath("//svg[@class='timeline']//text[@class='tick-label']")}
    assert list(ticks) == ["Fri 4 Apr", "Sat 5 Apr", "Sun 6 Apr", "Mon 7 Apr"]
    dots = [float(c.get("cx")) for c in doc.xpath("//svg[@class='timeline']//circle")]
    assert ticks["Sat 5 Apr"] < dots[1] < dots[2] <= ticks["Sun 6 Apr"] < dots[3] < ticks["Mon 7 Apr"]


def test_report_a_speaker_left_unresolved_that_spells_an_actors_name_sits_under_that_actor(rich: Report):
    """'The harbour authority' (no entity) and 'Harbour authority' said things the actor 'harbour
    authority' also said: one heading, the actor's, not three; 'a spokesperson' names no actor and
    keeps its own heading."""
    from newsprism.models import Entity

    story = rich.stories[0]
    ids = story.article_ids[:2]
    actor = Entity(id="e_harbour", name="harbour authority", type="ORG", aliases=["Port of Ellesby harbour authority"])
    quotes = [
        Quote(id="q_1", speaker="harbour authority", speaker_entity_id="e_harbour",
              variants=[QuoteVariant(text="the channel is closed", article_ids=[ids[0]])]),
        Quote(id="q_2", speaker="a spokesperson", variants=[QuoteVariant(text="two tugs were sent", article_ids=[ids[1]])]),
        Quote(id="q_3", speaker="The harbour authority", variants=[QuoteVariant(text="divers found no leak", article_ids=[ids[1]])]),
        Quote(id="q_4", speaker="Harbour authority", variants=[QuoteVariant(text="the channel reopens at noon", article_ids=[ids[0]])]),
    ]
    text = render_markdown(rich.model_copy(update={"stories": [story.model_copy(update={"entities": [*story.entities, actor], "quotes": quotes})]}))
    section = text[text.index("### Quotes"):text.index("### Timeline")]
    assert section.count("- **harbour authority**\n") == 1 and "**The harbour authority**" not in section and "**Harbour authority**" not in section
    assert section.index("the channel is closed") < section.index("divers found no leak") < section.index("the channel reopens at noon") < section.index("**a spokesperson**")


def test_report_attribution_verbs_are_counted_per_outlet_not_shown_as_words_about_actors(rich: Report):
    """'said' introduces a remark and describes nobody: it is counted in the outlet's profile, while
    the actor table keeps what describes actors ('rioters', an invented label)."""
    story = rich.stories[0]
    art = next(a for a in rich.articles if a.id == story.article_ids[0])
    sentence = art.text.split(". ")[0]
    ev = Evidence(article_id=art.id, text=sentence, start=0, end=len(sentence))
    framing = [FramingEntry(article_id=art.id, term="said", category="attribution_verb", evidence=ev),
               FramingEntry(article_id=art.id, term="said", category="attribution_verb", evidence=ev),
               FramingEntry(article_id=art.id, term="rioters", category="loaded", evidence=ev)]
    report = rich.model_copy(update={"stories": [story.model_copy(update={"framing": framing})]})
    doc = _doc(render_html(report))
    actor_chips = [c.text_content() for c in doc.xpath("//table[@class='framing']//*[contains(@class, 'chip')]")]
    profile_chips = " ".join(c.text_content() for c in doc.xpath("//table[@class='profiles']//*[contains(@class, 'chip')]"))
    assert actor_chips and not any("said" in c for c in actor_chips) and any("rioters" in c for c in actor_chips)
    assert "said" in profile_chips and "rioters" in profile_chips
    only_verbs = rich.model_copy(update={"stories": [story.model_copy(update={"framing": framing[:2]})]})
    doc = _doc(render_html(only_verbs))
    assert not doc.xpath("//table[@class='framing']") and "said" in doc.xpath("string(//table[@class='profiles'])")
    assert "| Outlet |" in render_markdown(only_verbs) and "_No framing was found._" not in render_markdown(only_verbs)


def test_report_marks_a_word_for_an_actor_that_one_outlet_alone_uses(rich: Report):
    """Two outlets call an actor 'harbour master', a third 'disgraced official': only the third's word is
    marked as that outlet's alone; a word no other outlet could differ from (the actor described by one
    outlet only) and a word inside a quote are not marked."""
    story = rich.stories[0]
    by_outlet = {}
    for a in rich.articles:
        if a.id in story.article_ids and a.outlet and a.outlet not in by_outlet:
            by_outlet[a.outlet] = a
    first, second, third = list(by_outlet.values())[:3]

    def entry(art, term, target, voice="outlet"):
        sentence = art.text.split(". ")[0]
        return FramingEntry(article_id=art.id, term=term, category="label", target_entity_id=target, voice=voice,
                            evidence=Evidence(article_id=art.id, text=sentence, start=0, end=len(sentence)))

    actor, loner = story.entities[0], story.entities[1]
    framing = [entry(first, "harbour master", actor.id), entry(second, "Harbour master", actor.id),
               entry(third, "disgraced official", actor.id), entry(second, "old fool", actor.id, voice="quote"),
               entry(first, "veteran skipper", loner.id)]
    report = rich.model_copy(update={"stories": [story.model_copy(update={"framing": framing})]})
    doc = _doc(render_html(report))
    marked = [c.text_content() for c in doc.xpath("//table[@class='framing']//a[contains(@class, 'only-outlet')]")]
    assert marked == ["disgraced official"]
    text = render_markdown(report)
    assert "disgraced official (label, only this outlet)" in text and "harbour master (label)" in text
    assert "veteran skipper (label)" in text


def test_report_a_quote_told_to_the_outlet_that_prints_it_is_not_shown_as_relayed(rich: Report):
    """'he told the Ledger' in the Ledger's own article gave the remark 'via Ledger'; the outlet heard
    it first hand. A rendering another outlet prints through a radio station keeps its 'via'."""
    story = rich.stories[0]
    by_outlet = {}
    for a in rich.articles:
        if a.id in story.article_ids and a.outlet and a.outlet not in by_outlet:
            by_outlet[a.outlet] = a
    (first_outlet, first), (_, second) = list(by_outlet.items())[:2]
    short = first_outlet.split()[-1]
    quote = Quote(id="q_told", speaker="Ada Brill", channel=short, variants=[
        QuoteVariant(text="We did not want to sell", article_ids=[first.id], channel=short),
        QuoteVariant(text="We never wanted to sell", article_ids=[second.id], channel="Radio Kell")])
    text = render_markdown(rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [quote]})]}))
    section = text[text.index("### Quotes"):text.index("### Timeline")]
    assert f"via {short}" not in section and "via Radio Kell" in section


def test_report_article_header_says_its_publication_time_as_a_reader_does(rich: Report):
    """An article published '2031-04-05T23:50:00+02:00' is headed 'Sat 5 Apr 2031, 23:50 +02:00' in
    report.html and report.md, not in the ISO form."""
    art = rich.articles[0].model_copy(update={"published": "2031-04-05T23:50:00+02:00"})
    report = rich.model_copy(update={"articles": [art, *rich.articles[1:]]})
    doc = _doc(render_html(report))
    assert "Sat 5 Apr 2031, 23:50 +02:00" in [t.text_content() for t in doc.xpath("//details[contains(@class, 'article')]//summary/time")]
    text = render_markdown(report)
    assert "Sat 5 Apr 2031, 23:50 +02:00 ·" in text and "2031-04-05T23:50" not in text


def test_report_coverage_says_its_sources_count_a_copy_once(rich: Report):
    """Five ticks beside 'Sources 4' read as an error where one article copies another: the legend
    says what the count is, in report.html and report.md."""
    said = "independent sources, an article that copies another counted once"
    assert said in _doc(render_html(rich)).xpath("string(//section[contains(@id, '-coverage')]//p[@class='legend'])")
    md_text = render_markdown(rich)
    assert said in md_text[md_text.index("### Coverage"):]


def test_report_timeline_of_one_month_named_without_days_has_one_tick_for_it(rich: Report):
    """Two events dated only 'March 2031': one marker point, one tick 'March 2031' under it."""
    from newsprism.models import TimelineEvent

    art = rich.articles[0].id
    story = rich.stories[0].model_copy(update={"timeline": [TimelineEvent(date="2031-03", event=f"event {i}", article_ids=[art]) for i in range(2)]})
    doc = _doc(render_html(rich.model_copy(update={"stories": [story]})))
    assert [t.text_content() for t in doc.xpath("//svg[@class='timeline']//text[@class='tick-label']")] == ["March 2031"]


def _quotes_section(report: Report) -> str:
    text = render_markdown(report)
    return text[text.index("### Quotes"):text.index("### Timeline")]


def test_report_an_outlet_named_by_its_initials_is_no_channel_of_its_own_rendering(rich: Report):
    """'..., according to a TNA translation' in the Tarvik News Agency's own report: the agency
    translated the remark itself, so neither its rendering nor the remark is 'via TNA'. The same
    initials in another outlet's report name the agency it relays."""
    story = rich.stories[0]
    first, second = (a for a in rich.articles if a.id in story.article_ids[:2])
    agency = first.model_copy(update={"outlet": "Tarvik News Agency"})
    quote = Quote(id="q_tna", speaker="Ada Brill", channel="TNA", variants=[
        QuoteVariant(text="We will not take lessons from the harbour board", article_ids=[agency.id], channel="TNA"),
        QuoteVariant(text="I will not accept lectures from the harbour board", article_ids=[second.id])])
    articles = [agency if a.id == agency.id else a for a in rich.articles]
    own = rich.model_copy(update={"articles": articles, "stories": [story.model_copy(update={"quotes": [quote]})]})
    assert "via TNA" not in _quotes_section(own)
    relayed = quote.model_copy(update={"variants": [quote.variants[0].model_copy(update={"article_ids": [second.id]}), quote.variants[1]]})
    other = rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [relayed]})]})
    assert "via TNA" in _quotes_section(other)


def test_report_a_channel_only_one_rendering_came_through_is_not_the_whole_remarks(rich: Report):
    """One outlet heard the remark on Radio Kell, another in the chamber: 'via Radio Kell' goes on the
    radio's rendering only, not over the remark's heading (which said every rendering came through it)."""
    story = rich.stories[0]
    ids = story.article_ids[:2]
    quote = Quote(id="q_radio_one", speaker="Ada Brill", channel="Radio Kell", variants=[
        QuoteVariant(text="The board gave this house a false number", article_ids=[ids[0]]),
        QuoteVariant(text="They gave us a number they knew was false", article_ids=[ids[1]], channel="Radio Kell")])
    report = rich.model_copy(update={"stories": [story.model_copy(update={"quotes": [quote]})]})
    section = _quotes_section(report)
    assert "- **Ada Brill**\n" in section and "(via Radio Kell)" not in section
    lines = {line.split("”")[0].lstrip(" -“"): line for line in section.splitlines() if "”" in line}
    assert "via Radio Kell" in lines["They gave us a number they knew was false"]
    assert "via" not in lines["The board gave this house a false number"]
    heading = _doc(render_html(report)).xpath("//div[contains(@class, 'quote')]/h3")[0].text_content()
    assert heading == "Ada Brill"


def test_report_a_word_of_the_headline_is_cited_as_the_headline(rich: Report):
    """Framing reads the headline apart from the clean text (evidence marked `in_title`, without
    offsets in it): the receipt says it is the headline, in report.md and in the chip's data of
    report.html, and report.json keeps the mark."""
    story = rich.stories[0]
    art = next(a for a in rich.articles if a.id == story.article_ids[0])
    title = "BLAZE HORROR AT DEATH TRAP MILL"
    art = art.model_copy(update={"title": title})
    entry = FramingEntry(article_id=art.id, term="DEATH TRAP", category="loaded",
                         evidence=Evidence(article_id=art.id, text=title, start=0, end=0, in_title=True))
    report = rich.model_copy(update={"articles": [art if a.id == art.id else a for a in rich.articles],
                                     "stories": [story.model_copy(update={"framing": [entry]})]})
    assert f"“DEATH TRAP”: {title} (headline)" in render_markdown(report)
    assert f"{title} (headline)" in render_html(report)
    assert Report.model_validate_json(report.model_dump_json()).stories[0].framing[0].evidence.in_title


def test_report_a_sentence_of_the_text_is_not_cited_as_the_headline(rich: Report):
    """Evidence placed in the clean text is no headline, though its article has one."""
    story = rich.stories[0]
    art = next(a for a in rich.articles if a.id == story.article_ids[0])
    first = art.text.split(".")[0] + "."
    entry = FramingEntry(article_id=art.id, term=first.split()[0], category="loaded",
                         evidence=Evidence(article_id=art.id, text=first, start=0, end=len(first)))
    report = rich.model_copy(update={"stories": [story.model_copy(update={"framing": [entry]})]})
    assert "(headline)" not in render_markdown(report)


def test_report_a_rendering_two_outlets_print_alike_is_via_a_channel_only_where_one_relays_it(rich: Report):
    """'Ada Brill told Radio Kell: "This is not over."' in Radio Kell, and 'Brill said: "This is not
    over."' in the Harbour Courier: one rendering of both outlets, heard first hand by each, so no
    'via Radio Kell'. Where the Courier's own sentence says she told Radio Kell, it relays the radio."""
    story = rich.stories[0]
    first, second = (a for a in rich.articles if a.id in story.article_ids[:2])
    radio_text = 'Ada Brill told Radio Kell: "This is not over." The count ended at dawn.'
    radio = first.model_copy(update={"outlet": "Radio Kell", "text": radio_text})

    def report(courier_text: str) -> Report:
        courier = second.model_copy(update={"outlet": "Harbour Courier", "text": courier_text})
        evidence = [Evidence(article_id=a.id, text=a.text.split(" The count")[0], start=0, end=len(a.text.split(" The count")[0]))
                    for a in (radio, courier)]
        quote = Quote(id="q_alike", speaker="Ada Brill", channel="Radio Kell", variants=[
            QuoteVariant(text="This is not over.", article_ids=[radio.id, courier.id], channel="Radio Kell", evidence=evidence)])
        articles = [radio if a.id == radio.id else courier if a.id == courier.id else a for a in rich.articles]
        return rich.model_copy(update={"articles": articles, "stories": [story.model_copy(update={"quotes": [quote]})]})

    assert "via Radio Kell" not in _quotes_section(report('Ada Brill said: "This is not over." The count ended at dawn.'))
    assert "via Radio Kell" in _quotes_section(report('Ada Brill later told Radio Kell: "This is not over." The count ended at dawn.'))


def test_an_article_whose_page_names_no_outlet_is_shown_as_an_unnamed_outlet_with_its_file():
    """A file name is no outlet: the report says the outlet is unnamed and which file it is."""
    from newsprism.models import CleanArticle, article_label, content_id

    bare = CleanArticle(id=content_id("x"), source_path="/tmp/in/007_page.txt", text="A ferry ran aground.")
    assert article_label(bare) == "unnamed outlet: 007_page.txt"
    named = bare.model_copy(update={"outlet": "Harbour Ledger"})
    assert article_label(named) == "Harbour Ledger"
    hosted = bare.model_copy(update={"url": "https://www.ledger.test/ferry"})
    assert article_label(hosted) == "ledger.test"
