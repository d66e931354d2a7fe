"""Ingest as a user meets it: every reader on inputs we wrote, URLs against a real local server,
and every kind of bad input through the real command line (message, exit code, good inputs kept)."""

from __future__ import annotations

import gzip
import io
import json
import random
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SHARED, TEST_DATA
from newsprism.cli import app
from newsprism.ingest import read_inputs
from newsprism.models import Article, Failure, content_id
from newsprism.settings import IngestSettings

DATA = TEST_DATA / "ingest"
runner = CliRunner()


def read_all(*inputs, settings: IngestSettings | None = None) -> tuple[list[Article], list[Failure]]:
    items = list(read_inputs([str(i) for i in inputs], settings))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


# --------------------------------------------------------------------------- text, HTML, encodings


def test_ingest_text_file_gives_one_text_article_with_content_id():
    articles, failures = read_all(DATA / "crlf.txt")
    assert failures == []
    [article] = articles
    assert article.format == "text"
    assert article.source_path == str(DATA / "crlf.txt")
    assert article.id == content_id(article.raw)
    assert article.record is None


def test_ingest_crlf_and_cr_become_lf_and_keep_the_same_id_as_the_lf_copy(tmp_path):
    crlf_bytes = (DATA / "crlf.txt").read_bytes()
    assert b"\r\n" in crlf_bytes  # the fixture must really hold Windows line ends
    lf_copy, cr_copy = tmp_path / "lf.txt", tmp_path / "cr.txt"
    lf_copy.write_bytes(crlf_bytes.replace(b"\r\n", b"\n"))
    cr_copy.write_bytes(crlf_bytes.replace(b"\r\n", b"\r"))
    [crlf], _ = read_all(DATA / "crlf.txt")
    [lf], _ = read_all(lf_copy)
    [cr], _ = read_all(cr_copy)
    assert "\r" not in crlf.raw and "\r" not in cr.raw
    assert crlf.id == lf.id == cr.id


@pytest.mark.parametrize(
    "name, expected",
    [
        ("cp1252.txt", ["Café", "“quiet hours”", "€400", "council’s"]),
        ("utf16_bom.txt", ["Skålholm"]),
        ("latin1_meta.html", ["Skålholm", "à la place"]),
    ],
)
def test_ingest_decodes_non_utf8_inputs(name, expected):
    [article], failures = read_all(DATA / name)
    assert failures == []
    for word in expected:
        assert word in article.raw
    assert "\ufeff" not in article.raw and "\r" not in article.raw


def test_ingest_strips_a_utf8_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfA short report about a council vote.\n")
    [article], _ = read_all(path)
    assert article.raw.startswith("A short")


def test_ingest_mhtml_single_file_page():
    [article], failures = read_all(DATA / "saved.mhtml")
    assert failures == []
    assert article.format == "html" and article.url == "https://riverside-post.example/news/lock-gates"
    assert "“weather permitting”" in article.raw and "font-family" not in article.raw


@pytest.mark.parametrize("name", ["page.htm", "latin1_meta.html", "viewsource.txt"])
def test_ingest_html_inputs_are_marked_html(name):
    [article], _ = read_all(DATA / name)
    assert article.format == "html"
    assert "<p>" in article.raw


def _random_bytes(low: int) -> bytes:
    rng = random.Random(3)
    return bytes(rng.randrange(low, 256) for _ in range(4000))


@pytest.mark.parametrize(
    "name, data",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("archive.html", b"PK\x03\x04" + b"content.xml" * 20),
        ("dump.txt", b"ab\x00cd\x00" * 100),
        ("noise.txt", _random_bytes(1)),
        ("high-noise.html", _random_bytes(128)),
    ],
)
def test_ingest_binary_files_are_np102(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    articles, [failure] = read_all(path)
    assert articles == [] and failure.code == "NP102" and failure.input_ref == str(path)


# --------------------------------------------------------------------------- JSON and JSONL


def test_ingest_jsonl_reads_every_good_line_and_names_each_bad_one():
    articles, failures = read_all(DATA / "articles.jsonl")
    assert [a.record for a in articles] == [1, 2, 6]
    first, second, third = articles
    assert (first.url, first.title, first.outlet, first.byline, first.published) == (
        "https://bay-herald.example/crane", "Crane collapses", "Bay Herald", "R. Okafor", "2026-04-03")
    assert second.outlet == "Coast Wire"  # a {"name": ...} source object
    assert second.byline == "T. Lind, M. Baptiste"  # an authors list
    assert second.url == "https://coastwire.example/strike" and second.published == "2026-04-04T09:30:00Z"
    assert third.format == "html" and third.outlet == "Arnholt Daily"
    by_ref = {f.input_ref: f for f in failures}
    ref = str(DATA / "articles.jsonl")
    assert by_ref[f"{ref}:line 3"].code == "NP104"
    assert by_ref[f"{ref}:line 4"].code == "NP105"
    assert by_ref[f"{ref}:line 7"].code == "NP104"
    assert len(failures) == 3


@pytest.mark.parametrize(
    "name, titles, outlets",
    [
        ("list.json", ["Pass closed", "Pass reopens"], ["Hollin Post", None]),
        ("wrapped.json", ["Boats stay in port"], ["Greyhaven Echo"]),
        ("single.json", ["Sea wall approved"], ["greyhaven-echo.example"]),
    ],
)
def test_ingest_json_files_hold_one_object_a_list_or_a_wrapped_list(name, titles, outlets):
    articles, failures = read_all(DATA / name)
    assert failures == []
    assert [a.title for a in articles] == titles
    assert [a.outlet for a in articles] == outlets
    assert all(a.format == "text" and a.raw.strip() for a in articles)


def test_ingest_json_file_holding_jsonl_is_read_line_by_line(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text('{"text": "First short report."}\n{"text": "Second short report."}\n', encoding="utf-8")
    articles, failures = read_all(path)
    assert [a.raw for a in articles] == ["First short report.", "Second short report."]
    assert failures == []


def test_ingest_json_feed_and_id_mapping_and_schema_org_names(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Harbour Notes", "description": "A feed about the harbour",
        "items": [{"id": "1", "url": "https://harbour-notes.example/1", "title": "Pier repaired", "summary": "Pier news.",
                   "content_html": "<p>The north pier reopened.</p><p>Repairs took a month.</p>",
                   "date_published": "2026-05-02T08:00:00Z", "authors": [{"name": "Lea Moss"}]}],
    }), encoding="utf-8")
    mapping = tmp_path / "by-id.json"
    mapping.write_text(json.dumps({
        "x1": {"headline": "Tunnel opens", "articleBody": "The new rail tunnel under the Fenn opened on Sunday.",
               "datePublished": "2026-05-03", "author": {"name": "J. Ward"}, "publisher": {"name": "Fenn Times"}},
        "x2": {"headline": "No body here"},
    }), encoding="utf-8")
    [item], failures = read_all(feed)
    assert failures == []
    assert (item.format, item.title, item.byline, item.published) == ("html", "Pier repaired", "Lea Moss", "2026-05-02T08:00:00Z")
    assert "Repairs took a month" in item.raw  # the full content, not the summary
    [tunnel], [missing] = read_all(mapping)
    assert (tunnel.title, tunnel.byline, tunnel.outlet, tunnel.published) == ("Tunnel opens", "J. Ward", "Fenn Times", "2026-05-03")
    assert missing.code == "NP105" and missing.input_ref == f"{mapping}#2"


@pytest.mark.parametrize("name", ["page.htm", "articles.jsonl", "feed.rss", "list.json"])
def test_ingest_gzipped_inputs_read_like_the_plain_file(tmp_path, name):
    packed = tmp_path / (name + ".gz")
    packed.write_bytes(gzip.compress((DATA / name).read_bytes()))
    plain_articles, plain_failures = read_all(DATA / name)
    articles, failures = read_all(packed)
    assert [a.id for a in articles] == [a.id for a in plain_articles]
    assert [f.code for f in failures] == [f.code for f in plain_failures]
    assert all(a.source_path == str(packed) for a in articles)


def test_ingest_cut_off_gzipped_jsonl_keeps_the_lines_before(tmp_path):
    lines = "".join(json.dumps({"text": f"Report {i} on the Fenn tunnel works, day {i}."}) + "\n" for i in range(2000))
    packed = gzip.compress(lines.encode("utf-8"))
    cut = tmp_path / "dump.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    articles, failures = read_all(cut)
    assert 0 < len(articles) < 2000
    assert [f.input_ref for f in failures] == [str(cut)] or failures[-1].input_ref == str(cut)


def test_ingest_real_benchmark_pages_decode(tmp_path):
    folder = SHARED / "data" / "scrapinghub-article-extraction-benchmark"
    pages = sorted(folder.rglob("*.html.gz"))[:25] if folder.is_dir() else []
    if not pages:
        pytest.skip("../shared/data/scrapinghub-article-extraction-benchmark not present")
    articles, failures = read_all(*pages)
    assert failures == []
    assert len(articles) == len(pages) and all(a.format == "html" and "<" in a.raw for a in articles)


# --------------------------------------------------------------------------- feeds


def test_ingest_rss_entries_with_content_summary_and_none():
    articles, failures = read_all(DATA / "feed.rss")
    assert [a.record for a in articles] == [1, 2]
    bridge, school = articles
    assert "two supports" in bridge.raw and "teaser" not in bridge.raw  # full content beats the summary
    assert bridge.url == "https://valley-courier.example/bridge"
    assert bridge.byline == "Ines Varga" and bridge.outlet == "Valley Courier"
    assert bridge.published and "2026" in bridge.published
    assert "primary school" in school.raw and school.format == "text"  # a summary without tags is plain text
    [empty] = failures
    assert empty.code == "NP105" and empty.input_ref.endswith("feed.rss#3")


def test_ingest_atom_entry_keeps_published_not_updated():
    [entry], failures = read_all(DATA / "feed.atom")
    assert failures == []
    assert entry.format == "html" and "40-turbine" in entry.raw
    assert entry.published == "2026-03-11T09:00:00Z"
    assert entry.byline == "Oskar Brandt" and entry.url == "https://northern-ledger.example/wind"


AGGREGATOR_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour news roundup</title><link>https://roundup.example</link>
<item><title>Ferry fleet grows</title><link>https://tide-post.example/ferry</link>
<source url="https://tide-post.example/rss">Tide Post</source>
<description>The harbour board bought two new ferries for the island route.</description></item>
<item><title>Two ferries bought</title><link>https://quay-herald.example/ferries</link>
<source url="https://quay-herald.example/rss">Quay Herald</source>
<description>Two ferries will join the island route next spring, the board said.</description></item>
<item><title>Board meets</title><link>https://roundup.example/own</link>
<description>The roundup's own note on the board meeting this week.</description></item>
</channel></rss>"""

AGGREGATOR_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour news roundup</title><id>tag:roundup.example,2026:f</id>
<updated>2026-03-11T09:00:00Z</updated>
<entry><title>Ferry fleet grows</title><id>tag:roundup.example,2026:1</id><updated>2026-03-11T09:00:00Z</updated>
<source><id>tag:tide-post.example,2026:feed</id><title>Tide Post</title><updated>2026-03-11T09:00:00Z</updated></source>
<content type="html">&lt;p&gt;The harbour board bought two new ferries for the island route.&lt;/p&gt;</content></entry>
</feed>"""


def test_ingest_aggregator_feed_entry_outlet_is_its_source(tmp_path):
    """One feed, one entry per outlet: each entry's <source> names its outlet; an entry without one is the feed's."""
    (tmp_path / "roundup.rss").write_text(AGGREGATOR_RSS, encoding="utf-8")
    (tmp_path / "roundup.atom").write_text(AGGREGATOR_ATOM, encoding="utf-8")
    rss, failures = read_all(tmp_path / "roundup.rss")
    assert failures == [] and [a.outlet for a in rss] == ["Tide Post", "Quay Herald", "Harbour news roundup"]
    [atom], failures = read_all(tmp_path / "roundup.atom")
    assert failures == [] and atom.outlet == "Tide Post"


def test_ingest_feed_is_sniffed_whatever_its_extension(tmp_path):
    path = tmp_path / "latest"
    path.write_bytes((DATA / "feed.atom").read_bytes())
    [entry], failures = read_all(path)
    assert failures == [] and entry.title == "Wind farm approved"


# --------------------------------------------------------------------------- WARC


def _html(n: int) -> bytes:
    return f"<html><body><p>Report {n}: the dam at Eskholt held after a week of rain.</p></body></html>".encode()


def write_warc(path: Path, gz: bool) -> None:
    """A small crawl: warcinfo, a DNS lookup, a request, three HTML pages, an image, a 404, a redirect, an HTML resource."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsprism tests"}))
        writer.write_record(writer.create_warc_record("dns:news.example", "response", warc_content_type="text/dns",
                                                      payload=io.BytesIO(b"20260301 news.example. 300 IN A 192.0.2.7\n")))

        def response(url, status, ctype, body):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record("https://news.example/1", "request", payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n")))
        response("https://news.example/1", "200 OK", "text/html; charset=utf-8", _html(1))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        response("https://news.example/2", "200 OK", "text/html", _html(2))
        response("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>Not here</body></html>")
        response("https://news.example/old", "301 Moved Permanently", "text/html", b"")
        response("https://news.example/3", "200 OK", "application/xhtml+xml", _html(3))
        writer.write_record(writer.create_warc_record("https://news.example/4", "resource", warc_content_type="text/html",
                                                      payload=io.BytesIO(_html(4))))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_warc_yields_every_html_response_with_its_url(tmp_path, name):
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    articles, failures = read_all(path)
    assert failures == []
    assert [a.url for a in articles] == [f"https://news.example/{n}" for n in (1, 2, 3, 4)]
    assert all(a.format == "html" and a.published is None for a in articles)  # WARC-Date is the capture time
    assert len({a.record for a in articles}) == 4


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_truncated_warc_keeps_records_before_the_damage(tmp_path, name):
    whole = tmp_path / ("whole-" + name)
    write_warc(whole, gz=name.endswith(".gz"))
    data = whole.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) - 40])  # inside the last page
    articles, failures = read_all(cut)
    assert [a.url for a in articles] == [f"https://news.example/{n}" for n in (1, 2, 3)]
    [failure] = failures
    assert failure.code == "NP106" and failure.input_ref == str(cut)


# --------------------------------------------------------------------------- folders and streaming


def test_ingest_folder_is_walked_sorted_skipping_hidden_project_and_saved_page_asset_files():
    articles, failures = read_all(DATA / "folder")
    assert failures == []  # saved-page_files/*.js and *.css would be NP103 if they were walked
    assert [Path(a.source_path).relative_to(DATA / "folder").as_posix() for a in articles] == [
        "01_first.txt", "saved-page.html", "sub/02_second.md"]


def test_ingest_explicit_readme_is_read():
    [article], _ = read_all(DATA / "folder" / "README.md")
    assert "describes this folder" in article.raw


def test_ingest_seed_folder_gives_exactly_the_five_articles(seeds_dir):
    articles, failures = read_all(seeds_dir)
    assert failures == []
    assert len(articles) == 5
    assert all(Path(a.source_path).suffix == ".txt" and not Path(a.source_path).name.startswith("README") for a in articles)


def test_ingest_reads_lazily_one_input_at_a_time():
    consumed = []

    def inputs():
        for name in ["crlf.txt", "page.htm"]:
            consumed.append(name)
            yield str(DATA / name)

    stream = read_inputs(inputs())
    first = next(stream)
    assert isinstance(first, Article) and consumed == ["crlf.txt"]


# --------------------------------------------------------------------------- URLs against a real server

PAGE = b"<html><head><title>Harbour</title></head><body><p>The harbour at Selsby froze for the first time in 40 years.</p></body></html>"
PLAIN = "The ice at Selsby harbour was 12 cm thick, the coastguard said. Fishermen’s boats stayed in.".encode("cp1252")


class _Handler(BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        type(self).user_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", PAGE),
            "/plain.txt": (200, "text/plain; charset=windows-1252", PLAIN),
            "/feed": (200, "application/rss+xml", (DATA / "feed.rss").read_bytes()),
            "/big.html": (200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>"),
            "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
        }
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/stream-big":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>" + b"y" * 4096 + b"</p>")
            self.close_connection = True
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self._send(404, "text/html", b"<html><body>No such page</body></html>")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def refused_url() -> str:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"


SMALL_FETCH = IngestSettings(fetch_max_bytes=20_000, fetch_timeout=5)


def test_ingest_url_html_and_text_by_content_type_with_user_agent(server):
    articles, failures = read_all(f"{server}/article.html", f"{server}/plain.txt", settings=SMALL_FETCH)
    assert failures == []
    page, plain = articles
    assert page.format == "html" and "froze" in page.raw
    assert page.source_path == f"{server}/article.html" and page.url == f"{server}/article.html"
    assert plain.format == "text" and "Fishermen’s" in plain.raw  # decoded by the header's charset
    assert SMALL_FETCH.user_agent in _Handler.user_agents


def test_ingest_url_redirect_keeps_given_and_final_address(server):
    [article], _ = read_all(f"{server}/moved", settings=SMALL_FETCH)
    assert article.source_path == f"{server}/moved"
    assert article.url == f"{server}/article.html"


def test_ingest_url_feed_gives_its_entries(server):
    articles, failures = read_all(f"{server}/feed", settings=SMALL_FETCH)
    assert [a.title for a in articles] == ["Bridge inspection finds cracks", "School roof repaired"]
    assert [f.code for f in failures] == ["NP105"]


@pytest.mark.parametrize(
    "path, code, words",
    [
        ("/missing.html", "NP107", "404"),
        ("/big.html", "NP108", "too large"),
        ("/stream-big", "NP108", "too large"),
        ("/image.png", "NP102", "binary"),
    ],
)
def test_ingest_url_failures(server, path, code, words):
    articles, [failure] = read_all(f"{server}{path}", settings=SMALL_FETCH)
    assert articles == []
    assert failure.code == code and failure.input_ref == f"{server}{path}"
    assert words in failure.message


def test_ingest_refused_port_is_np107():
    url = refused_url()
    _, [failure] = read_all(url, settings=SMALL_FETCH)
    assert failure.code == "NP107" and failure.input_ref == url


def test_ingest_urls_file_fetches_each_line_and_names_bad_lines(server, tmp_path):
    listing = tmp_path / "today.urls"
    listing.write_text(f"# morning pages\n\n{server}/article.html\n   \n{server}/plain.txt\nnot a url\n{server}/gone\n", encoding="utf-8")
    articles, failures = read_all(listing, settings=SMALL_FETCH)
    assert [a.source_path for a in articles] == [f"{server}/article.html", f"{server}/plain.txt"]
    codes = {f.input_ref: f.code for f in failures}
    assert codes == {f"{listing}:line 6": "NP114", f"{server}/gone": "NP107"}


@pytest.mark.parametrize("content, code", [("", "NP101"), ("# nothing to fetch today\n\n", "NP112")])
def test_ingest_urls_file_without_urls_is_reported(tmp_path, content, code):
    listing = tmp_path / "none.urls"
    listing.write_text(content, encoding="utf-8")
    articles, [failure] = read_all(listing)
    assert articles == [] and failure.code == code and failure.input_ref == str(listing)


# --------------------------------------------------------------------------- bad inputs through the CLI

GOOD_TEXT = "The Orrin valley school reopened on Monday after flood repairs, the district said. About 300 pupils returned.\n"


def _bad_input(kind: str, tmp_path: Path, server: str) -> tuple[str, str, list[str]]:
    """Make one bad input; return (argument, input_ref in the message, words the message must hold)."""
    if kind == "empty":
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        return str(path), str(path), ["empty"]
    if kind == "binary":
        path = tmp_path / "scan.txt"
        path.write_bytes(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4)
        return str(path), str(path), ["binary"]
    if kind == "unknown_extension":
        path = tmp_path / "notes.docx"
        path.write_text("A document in a format newsprism does not read.", encoding="utf-8")
        return str(path), str(path), ["unsupported", ".docx"]
    if kind == "malformed_jsonl":
        path = tmp_path / "batch.jsonl"
        path.write_text('{"text": "The bakery on Mill Road closed after 80 years."}\n{"text": broken\n', encoding="utf-8")
        return str(path), f"{path}:line 2", ["malformed JSON"]
    if kind == "record_without_text":
        path = tmp_path / "meta.jsonl"
        path.write_text('{"title": "Only a title", "url": "https://example.org/x"}\n', encoding="utf-8")
        return str(path), f"{path}:line 1", ["no article text"]
    if kind == "truncated_warc":
        whole = tmp_path / "whole.warc.gz"
        write_warc(whole, gz=True)
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(whole.read_bytes()[:-40])
        return str(path), str(path), ["truncated"]
    if kind == "unreachable_url":
        url = refused_url()
        return url, url, ["could not fetch"]
    if kind == "http_error":
        return f"{server}/nothing-here", f"{server}/nothing-here", ["could not fetch", "404"]
    if kind == "too_large":
        return f"{server}/big.html", f"{server}/big.html", ["too large"]
    if kind == "missing_path":
        path = tmp_path / "not-there.txt"
        return str(path), str(path), ["does not exist"]
    raise AssertionError(kind)


BAD_KINDS = ["empty", "binary", "unknown_extension", "malformed_jsonl", "record_without_text", "truncated_warc",
             "unreachable_url", "http_error", "too_large", "missing_path"]


@pytest.fixture(scope="module")
def cli_run(server, tmp_path_factory):
    """One `newsprism analyze` over a good article and every kind of bad input (the pipeline loads once)."""
    tmp_path = tmp_path_factory.mktemp("cli")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    bad = {}
    for kind in BAD_KINDS:
        folder = tmp_path / kind
        folder.mkdir()
        bad[kind] = _bad_input(kind, folder, server)
    config = tmp_path / "newsprism.toml"
    config.write_text("[ingest]\nfetch_max_bytes = 20000\nfetch_timeout = 5\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["analyze", str(good), *[argument for argument, _, _ in bad.values()], "--out", str(out), "--quiet", "--config", str(config)]
    result = runner.invoke(app, args)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return result, report, good, bad


def test_ingest_cli_with_bad_inputs_exits_1_and_keeps_the_good(cli_run):
    result, report, good, _ = cli_run
    assert result.exit_code == 1, result.output
    sources = [a["source_path"] for a in report["articles"]]
    assert str(good) in sources
    assert any(s.endswith("batch.jsonl") for s in sources)  # the good line of the file with a malformed one


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_ingest_cli_names_each_bad_input_and_reason_on_one_line(cli_run, kind):
    result, report, _, bad = cli_run
    _, ref, words = bad[kind]
    lines = [line for line in result.output.splitlines() if f" {ref}: " in line]
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]
    assert ref in [f["input_ref"] for f in report["failures"]]


def test_ingest_cli_usage_error_exits_2():
    result = runner.invoke(app, ["ingest", "--db"])
    assert result.exit_code == 2


def test_ingest_feed_outlet_is_the_part_of_its_title_the_domain_spells(tmp_path):
    """'Varrow Weekly - Latest': the feed's kind after the outlet's name is no part of it; a title without a part the domain spells stays whole."""
    from newsprism.ingest.feed import feed_outlet

    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Varrow Weekly - Latest</title><link>https://www.varrowweekly.test/</link>'
        "<item><title>Ferry freed</title><link>https://www.varrowweekly.test/ferry</link>"
        "<description>Tugs pulled the ferry Aurel off the sandbank at high tide on Tuesday.</description></item></channel></rss>"
    )
    (tmp_path / "latest.rss").write_text(rss, encoding="utf-8")
    [entry], failures = read_all(tmp_path / "latest.rss")
    assert failures == [] and entry.outlet == "Varrow Weekly"
    assert feed_outlet("Top stories | Quay Herald", "https://quayherald.test/feed") == "Quay Herald"
    assert feed_outlet("Harbour news roundup", "https://roundup.test/") == "Harbour news roundup"
    assert feed_outlet("News - Latest", "https://tidepost.test/") == "News - Latest"


def test_ingest_atom_feed_with_only_its_own_address_on_a_desk_subdomain_names_its_outlet(tmp_path):
    """An Atom feed linking only to itself, on a 'wire.' host: the registered name (harlowpress) spells the
    outlet, not the desk word 'wire' that its title's other part also holds."""
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Harlow Press - Regional wire</title><link rel='self' href='https://wire.harlowpress.test/feeds/regional.atom'/>"
        "<id>tag:harlowpress.test,2031:regional</id><updated>2031-04-02T10:00:00Z</updated>"
        "<entry><title>Ferry freed</title><link rel='alternate' href='https://wire.harlowpress.test/2031/04/02/ferry'/>"
        "<id>tag:harlowpress.test,2031:1</id><updated>2031-04-02T10:00:00Z</updated>"
        "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>Tugs pulled the ferry Aurel off the sandbank at high tide on Tuesday.</p>"
        "<p>Nobody was hurt, the harbour master said.</p></div></content></entry></feed>"
    )
    (tmp_path / "regional.atom").write_text(atom, encoding="utf-8")
    [entry], failures = read_all(tmp_path / "regional.atom")
    assert failures == [] and entry.outlet == "Harlow Press" and entry.format == "html"
    assert "<p>Nobody was hurt" in entry.raw


def test_ingest_feed_outlet_spells_out_the_initials_its_domain_gives(tmp_path):
    """'TNS - Tessary News Service - Politics' on tns-news.test: the domain spells the initials, and the
    title gives the name they stand for beside them: the outlet is the name a reader knows."""
    from newsprism.ingest.feed import feed_outlet

    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>TNS - Tessary News Service - Politics</title><link href='https://tns-news.test/politics/'/>"
        "<id>https://tns-news.test/politics/feed</id><updated>2042-03-12T00:35:00+01:00</updated>"
        "<entry><title>Budget passes</title><link href='https://tns-news.test/politics/budget'/>"
        "<id>https://tns-news.test/politics/budget</id><published>2042-03-12T00:35:00+01:00</published>"
        "<content type='html'>&lt;p&gt;The budget passed by 90 votes to 84 on Tuesday.&lt;/p&gt;</content></entry></feed>"
    )
    (tmp_path / "politics.atom").write_text(atom, encoding="utf-8")
    [entry], failures = read_all(tmp_path / "politics.atom")
    assert failures == [] and entry.outlet == "Tessary News Service"
    assert feed_outlet("TNS - Latest", "https://tns-news.test/") == "TNS"  # no name beside the initials: they stay


# --------------------------------------------------------------------------- capture time (when the page was saved)


def test_ingest_capture_time_comes_from_the_input_never_the_file(tmp_path):
    """A WARC-Date, an MHTML Date header, a page-saving tool's stamp and a JSONL capture field say when
    a page was saved; a page without any stays None (the file's mtime is no capture time)."""
    warc = tmp_path / "crawl.warc"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://tarnby-echo.example/ferry", "response", payload=io.BytesIO(_html(1)),
                                           http_headers=headers, warc_headers_dict={"WARC-Date": "2031-03-13T09:20:11Z"})
        writer.write_record(record)
    mhtml = tmp_path / "saved.mhtml"
    mhtml.write_bytes(
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://tarnby-echo.example/ferry\r\n"
        b"Subject: Ferry\r\nDate: Thu, 13 Mar 2031 09:20:11 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n"
        b"------B\r\nContent-Type: text/html\r\nContent-Location: https://tarnby-echo.example/ferry\r\n\r\n"
        + _html(2) + b"\r\n------B--\r\n"
    )
    singlefile = tmp_path / "singlefile.html"
    singlefile.write_text(
        "<!DOCTYPE html> <html lang=en><!--\n Page saved with SingleFile \n url: https://tarnby-echo.example/ferry \n"
        " saved date: Thu Mar 13 2031 09:20:11 GMT+0100 (Central European Standard Time)\n-->"
        "<head><title>Ferry</title></head><body><p>The ferry at Tarnby was late again.</p></body></html>"
    )
    plain = tmp_path / "plain.html"
    plain.write_text("<html><body><p>The ferry at Tarnby was late again.</p><p>Nobody was hurt.</p></body></html>")
    jsonl = tmp_path / "crawl.jsonl"
    jsonl.write_text(json.dumps({"text": "The ferry at Tarnby was late again.", "date_download": "2031-03-13 09:20:11"}) + "\n")
    articles, failures = read_all(warc, mhtml, singlefile, plain, jsonl)
    assert failures == []
    assert [a.captured for a in articles] == [
        "2031-03-13T09:20:11Z", "2031-03-13T09:20:11+01:00", "2031-03-13T09:20:11+01:00", None, "2031-03-13 09:20:11",
    ]
    assert all(a.published is None for a in articles)  # a capture time is no publication date


def test_ingest_url_capture_time_is_the_servers_date_header(server):
    """A fetched page was captured when the server sent it (its Date header), which is no publication date."""
    import datetime as dt

    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(seconds=2)
    articles, failures = read_all(f"{server}/article.html", f"{server}/plain.txt", settings=SMALL_FETCH)
    after = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)
    assert failures == [] and len(articles) == 2
    for article in articles:
        captured = dt.datetime.fromisoformat(article.captured.replace("Z", "+00:00"))
        assert before <= captured <= after
        assert article.published is None
