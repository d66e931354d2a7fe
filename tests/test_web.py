"""The web app as a reader uses it: pages, JSON API, exports, hostile articles, errors.

Fast checks go through FastAPI's TestClient; the rest start `newsprism serve` as a real
process on a random loopback port and drive Debian's chromium with Playwright (skipped when
/usr/bin/chromium is absent). Screenshots land in test-artifacts/web/.
"""

from __future__ import annotations

import itertools
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from fastapi.testclient import TestClient

from newsprism.models import (
    CleanArticle,
    Conflict,
    Entity,
    Evidence,
    Fact,
    FramingEntry,
    OutletProfile,
    Position,
    Quote,
    QuoteVariant,
    Report,
    SearchPage,
    Story,
    StoryGroup,
    StoryPage,
    SummarySentence,
    TimelineEvent,
    content_id,
)
from newsprism.store import Store
from newsprism.web import create_app

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")

# An invented event: a ferry runs aground off an invented island, told by three invented outlets.
FERRY = {
    "Island Gazette": ("Ferry runs aground off Kestrel Island",
                       "The ferry Morning Star ran aground off Kestrel Island on Sunday night. "
                       "All 212 passengers were taken ashore by lifeboats. The harbour master blamed a failed rudder."),
    "Coastal Times": ("Passengers rescued after ferry grounding",
                      "Lifeboats brought 212 passengers ashore after the Morning Star grounded on Sunday. "
                      "The operator said fog, not a mechanical fault, caused the accident."),
    "Northern Wire": ("Morning Star ferry grounded",
                      "The Morning Star grounded near Kestrel Island late on Sunday. "
                      "Some 200 people were on board, officials said."),
}
PWN = "window.__pwned = (window.__pwned || 0) + 1"
HOSTILE_TEXT = (
    f"Breaking <script>{PWN}</script> news. "
    f'An image <img src="x" onerror="{PWN}"> and a link <a href="javascript:{PWN}">click me</a> appeared. '
    "The council met on Monday."
)


def _sentence_evidence(article: CleanArticle, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article_id=article.id, text=sentence, start=start, end=start + len(sentence))


def ferry_report() -> Report:
    articles = [
        CleanArticle(id=content_id(text), source_path=f"{outlet}.txt", outlet=outlet, title=title,
                     url=f"https://{outlet.lower().replace(' ', '')}.example/ferry", published=f"2024-09-0{i + 2}", text=text)
        for i, (outlet, (title, text)) in enumerate(FERRY.items())
    ]
    gazette, times, wire = articles
    rescue_g = _sentence_evidence(gazette, "All 212 passengers were taken ashore by lifeboats.")
    rescue_t = _sentence_evidence(times, "Lifeboats brought 212 passengers ashore after the Morning Star grounded on Sunday.")
    rudder = _sentence_evidence(gazette, "The harbour master blamed a failed rudder.")
    fog = _sentence_evidence(times, "The operator said fog, not a mechanical fault, caused the accident.")
    story = Story(
        id="s_ferry", title="Morning Star ferry runs aground", article_ids=[a.id for a in articles],
        entities=[Entity(id="e_master", name="harbour master", type="PERSON")],
        facts=[Fact(id="f_rescue", text="212 passengers were brought ashore by lifeboats.", article_ids=[gazette.id, times.id],
                    independent_sources=2, evidence=[rescue_g, rescue_t])],
        conflicts=[Conflict(id="c_cause", about="cause of the grounding", kind="cause", positions=[
            Position(value="failed rudder", article_ids=[gazette.id], evidence=[rudder]),
            Position(value="fog", article_ids=[times.id], evidence=[fog])])],
        quotes=[Quote(id="q_fog", speaker="the operator", variants=[QuoteVariant(text="fog, not a mechanical fault", article_ids=[times.id], direct=False, evidence=[fog])])],
        framing=[FramingEntry(article_id=gazette.id, term="blamed", category="attribution_verb", target_entity_id="e_master", evidence=rudder)],
        timeline=[TimelineEvent(date="2024-09-01", event="The Morning Star runs aground.", article_ids=[gazette.id, times.id], evidence=[rescue_g])],
        summary=[SummarySentence(text="Lifeboats brought all 212 passengers of the Morning Star ashore.", article_ids=[gazette.id, times.id],
                                 evidence=[rescue_g, rescue_t])],
    )
    return Report(articles=articles, stories=[story])


def hostile_report() -> Report:
    article = CleanArticle(
        id=content_id(HOSTILE_TEXT), source_path="hostile.html", outlet='Evil <b onmouseover="x()">Outlet</b>',
        title=f"<script>{PWN}</script>Council meets", byline='"><script>alert(1)</script>', url=f"javascript:{PWN}",
        published="2024-09-03", text=HOSTILE_TEXT,
    )
    ev = _sentence_evidence(article, "The council met on Monday.")
    story = Story(
        id="s_hostile", title=f"<img src=x onerror=\"{PWN}\">Council meets", article_ids=[article.id],
        facts=[Fact(id="f_met", text=f"<script>{PWN}</script> The council met.", article_ids=[article.id], independent_sources=1, evidence=[ev])],
        summary=[SummarySentence(text=f"<a href=\"javascript:{PWN}\">The council met</a> on Monday.", article_ids=[article.id], evidence=[ev])],
    )
    return Report(articles=[article], stories=[story])


@pytest.fixture(scope="module")
def web_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    filler = [CleanArticle(id=content_id(f"filler {i}"), source_path=f"f{i}.txt", outlet="Northern Wire", title=f"Weather note {i}",
                           published=f"2024-08-{i + 1:02d}", text=f"Light rain is expected on day {i} across the islands.") for i in range(30)]
    with Store(db) as store:
        store.save_report(ferry_report())
        store.save_report(hostile_report())
        store.add_articles(filler)
        store.save_groups([StoryGroup(id=f"s_weather_{i:02d}", title=a.title, article_ids=[a.id]) for i, a in enumerate(filler)])
    return db


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db), raise_server_exceptions=False) as test_client:
        yield test_client


# ------------------------------------------------------------------ pages and API (in process)


def test_web_story_list_shows_titles_coverage_and_counts(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "Morning Star ferry runs aground" in html
    assert "3 outlets" in html and "1 conflict" in html and "1 fact" in html
    assert 'title="Coastal Times: 1 article"' in html  # one coverage-bar segment per outlet
    assert "32 stories" in html
    assert 'rel="next"' in html  # 32 stories do not fit one page of 25


@pytest.mark.parametrize("params, expected, absent", [
    ({"outlet": "Coastal Times"}, ["Morning Star"], ["Weather note"]),
    ({"q": "lifeboats"}, ["Morning Star"], ["Weather note"]),
    ({"date_from": "2024-08-05", "date_to": "2024-08-05"}, ["Weather note 4"], ["Morning Star", "Weather note 5"]),
    ({"date_from": "", "date_to": "", "outlet": "", "q": ""}, ["Morning Star"], []),  # an empty form is no filter
])
def test_web_story_list_filters(client, params, expected, absent):
    html = client.get("/", params=params).text
    for text in expected:
        assert text in html
    for text in absent:
        assert text not in html


def test_web_story_list_pages_stay_apart_when_repeated(client):
    """The server remembers rendered list pages; each filter and page must still get its own."""
    first = client.get("/").text
    filtered = client.get("/", params={"outlet": "Coastal Times"}).text
    second_page = client.get("/", params={"page": 2}).text
    assert client.get("/").text == first
    assert client.get("/", params={"outlet": "Coastal Times"}).text == filtered
    assert client.get("/", params={"page": 2}).text == second_page
    assert len({first, filtered, second_page}) == 3
    assert "Weather note" in first and "Weather note" not in filtered


def test_web_search_page_finds_articles(client):
    html = client.get("/search", params={"q": "rudder"}).text
    assert "Ferry runs aground off Kestrel Island" in html
    assert "/stories/s_ferry" in html and "rudder" in html


def test_web_story_not_yet_analysed_says_so_instead_of_finding_nothing(client):
    """A grouped story nobody analysed has empty sections; the page must not read as "nothing found"."""
    waiting = client.get("/stories/s_weather_03").text
    assert "not analysed yet" in waiting and "newsprism analyze ARTICLES... --db STORE" in waiting
    assert "not analysed yet" not in client.get("/stories/s_ferry").text


def test_web_api_returns_the_report_models(client, web_db):
    stories = StoryPage.model_validate(client.get("/api/stories", params={"page_size": 5}).json())
    assert stories.total == 32 and len(stories.items) == 5
    report = Report.model_validate(client.get("/api/stories/s_ferry").json())
    with Store(web_db, read_only=True) as store:
        assert report == store.story_report("s_ferry")
    hits = SearchPage.model_validate(client.get("/api/search", params={"q": "fog"}).json())
    assert [h.outlet for h in hits.items] == ["Coastal Times"]
    gazette = OutletProfile.model_validate(client.get("/api/outlets/Island Gazette").json())
    assert [s.id for s in gazette.stories.items] == ["s_ferry"]
    article = CleanArticle.model_validate(client.get(f"/api/articles/{report.articles[0].id}").json())
    assert article == report.articles[0]
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search", "/api/export/{table}"} <= set(spec["paths"])


def test_web_outlet_and_article_pages(client):
    outlet = client.get("/outlets/Coastal Times")
    assert outlet.status_code == 200 and "Morning Star ferry runs aground" in outlet.text
    article_id = content_id(FERRY["Coastal Times"][1])
    article = client.get(f"/articles/{article_id}")
    assert article.status_code == 200
    assert "The operator said fog" in article.text and 'href="https://coastaltimes.example/ferry"' in article.text


def test_web_article_page_says_its_date_as_a_reader_does(client):
    """'2024-09-03' is shown as 'Tue 3 Sep 2024', the stored form kept in the title attribute."""
    page = client.get(f"/articles/{content_id(FERRY['Coastal Times'][1])}")
    assert '<span title="2024-09-03">Tue 3 Sep 2024</span>' in page.text


def test_web_article_shows_when_it_was_saved_beside_when_it_was_published(tmp_path):
    """A page saved by the user keeps its capture time through the store: the JSON API and the page show it."""
    text = "The Morning Star was towed back to Kestrel harbour on Monday."
    article = CleanArticle(id=content_id(text), source_path="saved.html", outlet="Island Gazette", title="Ferry towed home",
                           published="2024-09-02", captured="2024-09-03T07:15:00+01:00", text=text)
    db = tmp_path / "saved.duckdb"
    with Store(db) as store:
        store.add_articles([article])
    with TestClient(create_app(db), raise_server_exceptions=False) as web:
        shown = web.get(f"/api/articles/{article.id}").json()
        assert shown["published"] == "2024-09-02" and shown["captured"] == "2024-09-03T07:15:00+01:00"
        page = web.get(f"/articles/{article.id}").text
    assert 'title="2024-09-03T07:15:00+01:00">saved Tue 3 Sep 2024, 07:15 +01:00</span>' in page


@pytest.mark.parametrize("table", ["facts", "conflicts", "quotes", "framing"])
def test_web_exports_csv_and_parquet(client, table):
    csv = client.get(f"/api/export/{table}", params={"story_id": "s_ferry"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    rows = csv.text.splitlines()
    assert rows[0].startswith("story_id,") and len(rows) == 2 and rows[1].startswith("s_ferry,")
    parquet = client.get(f"/api/export/{table}", params={"format": "parquet"})
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"


@pytest.mark.parametrize("path", [
    "/stories/s_nothing", "/articles/a_nothing", "/outlets/Nobody", "/api/stories/s_nothing",
    "/api/articles/a_nothing", "/api/outlets/Nobody", "/no/such/page",
])
def test_web_unknown_ids_are_404_without_trace(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Traceback" not in response.text and "File \"" not in response.text


@pytest.mark.parametrize("path", [
    "/?page=0", "/?page_size=201", "/?date_from=yesterday", "/search?page=x", "/api/stories?page_size=100000",
    "/api/stories?date_to=2024-13-40", "/api/search", "/api/search?q=" + "x" * 600, "/api/export/facts?format=xlsx", "/api/export/articles",
])
def test_web_bad_parameters_are_422_without_trace(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/", "/search?q=council", "/stories/s_hostile", "/outlets", "/outlets/Evil <b onmouseover=\"x()\">Outlet</b>"])
def test_web_hostile_article_is_escaped(client, web_db, path):
    html = client.get(path).text
    assert "<script>window.__pwned" not in html
    assert "<img src=x onerror" not in html and '<img src="x" onerror' not in html
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)


def test_web_hostile_article_json_is_served_as_data(client):
    response = client.get("/api/stories/s_hostile")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"  # never sniffed into HTML
    assert Report.model_validate(response.json()).articles[0].text == HOSTILE_TEXT


def test_web_hostile_article_page_drops_javascript_link(client):
    html = client.get(f"/articles/{content_id(HOSTILE_TEXT)}").text
    assert "&lt;script&gt;" in html  # shown as text, not run
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)


@pytest.mark.parametrize("path", ["/", "/search?q=ferry", "/stories/s_ferry", "/outlets", "/api/stories", "/no/such/page"])
def test_web_csp_allows_only_our_scripts(client, path):
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert set(script_src) <= {"'self'"} | {s for s in script_src if s.startswith("'nonce-")}
    if path.startswith("/stories/"):  # the report's inline script carries this response's nonce
        nonce = next(s for s in script_src if s.startswith("'nonce-"))[7:-1]
        assert f'<script nonce="{nonce}">' in response.text


# ------------------------------------------------------------------ a real server, a real browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """`newsprism serve` as a user starts it, on a random loopback port."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", "serve", "--db", str(web_db), "--port", str(port)],
        cwd=REPO, env={**os.environ, "HF_HUB_OFFLINE": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"newsprism serve exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("newsprism serve did not answer within 90 s")
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, page errors and dialogs."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: msg.type == "error" and tab.problems.append(f"console: {msg.text}"))
    tab.on("pageerror", lambda err: tab.problems.append(f"pageerror: {err}"))
    tab.on("response", lambda r: r.status >= 400 and tab.problems.append(f"HTTP {r.status}: {r.url}"))
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()


def _shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.slow
def test_web_browser_list_search_story_and_citation(server, page):
    page.goto(server + "/")
    assert page.locator("li.story").count() == 25
    _shot(page, "story-list")

    page.fill("header input[name=q]", "lifeboats")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=lifeboats"))
    assert page.locator("li.hit").count() == 2
    _shot(page, "search")

    page.locator("li.hit a", has_text="open its story").first.click()
    page.wait_for_url(re.compile(r"/stories/s_ferry$"))
    assert "Morning Star ferry runs aground" in page.title()
    _shot(page, "story")

    chip = page.locator("a.cite").first
    chip.click()
    popover = page.locator("#np-pop")
    popover.wait_for(state="visible", timeout=5000)
    assert "212 passengers" in popover.inner_text()
    _shot(page, "story-citation")

    page.goto(server + "/outlets/Island Gazette")
    _shot(page, "outlet")
    page.goto(server + f"/articles/{content_id(FERRY['Island Gazette'][1])}")
    assert "harbour master blamed a failed rudder" in page.inner_text("article")
    _shot(page, "article")
    assert page.problems == []


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/search?q=council", "/stories/s_hostile", "/outlets", f"/articles/{content_id(HOSTILE_TEXT)}"])
def test_web_browser_hostile_article_runs_nothing(server, page, path):
    page.goto(server + path)
    page.wait_for_load_state("load")
    for link in page.locator("a").all()[:40]:  # hovering and clicking every visible link runs nothing either
        if link.is_visible() and not (link.get_attribute("href") or "").startswith("/"):
            link.hover()
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
    assert page.problems == []  # not even a script blocked by the CSP: nothing tried to run
    _shot(page, "hostile-" + re.sub(r"\W+", "-", path).strip("-") or "list")


@pytest.mark.slow
def test_web_api_fuzzed_from_openapi_has_no_server_error(server):
    """schemathesis generates requests (valid and invalid) for every API operation; none may get a 5xx
    or a response that breaks the published schema."""
    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7
    for operation, mode in itertools.product(operations, list(schemathesis.GenerationMode)):

        @settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case):
            case.call_and_validate()

        try:
            check()
        except Unsatisfiable:
            assert mode is schemathesis.GenerationMode.NEGATIVE  # an operation without parameters has no invalid request


@pytest.mark.slow
def test_web_browser_outlet_fact_links_to_its_row_with_evidence(server, page):
    """A fact on an outlet page (here a blindspot of Northern Wire) opens its story at that fact's
    coverage row, where the reader finds the outlets that state it and their sentences."""
    page.goto(server + "/outlets/Northern Wire")
    link = page.locator("#blindspots ul.facts li", has_text="212 passengers were brought ashore").locator("a")
    link.click()
    page.wait_for_url(re.compile(r"/stories/s_ferry#"))
    row = page.locator("tr:target")
    assert row.count() == 1
    assert "212 passengers were brought ashore by lifeboats." in row.locator("th").inner_text()
    assert row.locator("a.cite").count() == 2  # Island Gazette and Coastal Times, each with its sentence
    assert row.is_visible() and page.evaluate("document.querySelector('tr:target').getBoundingClientRect().top") < 900
    assert page.problems == []


def test_web_api_path_with_a_line_break_is_invalid_by_the_published_schema(server):
    """Starlette's path pattern stops at a line break, so "/api/outlets/%0A" reached the handler as an
    empty name: the published schema must say such a name is invalid, as the 422 answer does."""
    schema = httpx.get(server + "/openapi.json").json()
    (param,) = [p for p in schema["paths"]["/api/outlets/{name}"]["get"]["parameters"] if p["name"] == "name"]
    pattern = re.compile(param["schema"]["pattern"])
    assert pattern.search("Northern Wire") and not pattern.search("\n")
    assert httpx.get(server + "/api/outlets/%0A").status_code == 422
