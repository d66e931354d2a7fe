"""The DuckDB store: the only module that opens a DuckDB connection.

Layout and history live in numbered migrations (`sql/0001_init.sql`, ...), applied in
order and recorded in `schema_migrations`; every query lives in `sql/queries.sql`.

Write rules:
- articles are keyed by a hash of their content, so storing one twice keeps one row;
- each call that writes runs in one transaction, so a process killed halfway leaves
  either all of a batch or none of it, and the next run simply stores what is missing;
- each story also keeps its full `Report` JSON, so `story_report()` returns exactly what
  `save_report()` was given.

Full-text search uses DuckDB's `fts` extension, loaded from the `duckdb-ext-fts` wheel
(nothing is downloaded). Its index does not follow inserts, so a writer marks it stale and
rebuilds it when it closes; until then searches fall back to substring matching.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import duckdb

from newsprism.errors import StoreError
from newsprism.models import (
    ActorLabel,
    CleanArticle,
    Failure,
    OutletFact,
    OutletProfile,
    OutletSummary,
    Report,
    SearchHit,
    SearchPage,
    Story,
    StoryGroup,
    StoryPage,
    StorySummary,
)

EXPORT_TABLES = ("facts", "conflicts", "quotes", "framing")
ANALYSIS_TABLES = ("entities", "facts", "conflicts", "quotes", "framing", "claims", "timeline", "summary")
LABEL_CATEGORIES = ["label", "loaded", "scare_quote"]
MAX_PAGE_SIZE = 200
PAGE_CACHE_SIZE = 2048  # answers a read-only store remembers (story pages, reports, searches)


# ------------------------------------------------------------------ SQL files


@lru_cache(maxsize=1)
def queries() -> dict[str, str]:
    """Return the named queries of `sql/queries.sql`."""
    text = resources.files("newsprism.store").joinpath("sql/queries.sql").read_text(encoding="utf-8")
    named: dict[str, str] = {}
    for block in re.split(r"^-- name: ", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        named[name.strip()] = body.strip()
    return named


@lru_cache(maxsize=1)
def migrations() -> list[tuple[int, str, str]]:
    """Return (version, name, sql) for every numbered migration file, in order."""
    found = []
    for entry in resources.files("newsprism.store").joinpath("sql").iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def fts_extension_path() -> Path:
    """Return the path of the fts extension shipped by the duckdb-ext-fts wheel."""
    try:
        import duckdb_ext  # the duckdb-ext-fts wheel's package
    except ImportError as err:
        raise StoreError("NP301", error="the duckdb-ext-fts package is not installed") from err
    roots = [Path(p) for p in duckdb_ext.__path__]
    version = duckdb.__version__
    for root in roots:
        for path in sorted(root.glob(f"extensions/v{version}/*/fts.duckdb_extension")):
            return path
    raise StoreError("NP301", error=f"no fts extension for DuckDB {version} in {', '.join(map(str, roots))}")


# ------------------------------------------------------------------ value helpers


def parse_timestamp(value: str | None) -> str | None:
    """Return an ISO 8601 date or datetime as a naive UTC timestamp string, or None if unparsable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed.isoformat(sep=" ")


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()


def _clamp_page(page: int, page_size: int) -> tuple[int, int]:
    return max(1, int(page)), max(1, min(int(page_size), MAX_PAGE_SIZE))


def _snippet(text: str, terms: list[str], width: int = 160) -> str:
    """Return a passage of `text` around the first query term found, cut at word edges.

    A term is looked for as a whole word first: the 'el' of 'el-Tawil' must not place the
    passage at 'travelled', where the reader sees none of the words searched for.
    """
    lower = text.lower()
    found = [m.start() for t in terms for m in [re.search(rf"(?<!\w){re.escape(t)}(?!\w)", lower)] if m]
    found = found or [i for i in (lower.find(t) for t in terms) if i >= 0]
    at = min(found) if found else 0
    start = max(0, at - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _terms(q: str) -> list[str]:
    return [t for t in re.findall(r"\w+", q.lower()) if t][:20]


def _article_row(article: CleanArticle) -> dict:
    return {
        "id": article.id, "source_path": article.source_path, "record": article.record, "outlet": article.outlet,
        "url": article.url, "title": article.title, "byline": article.byline, "published": article.published,
        "published_at": parse_timestamp(article.published), "text": article.text,
        "comments": [c.model_dump() for c in article.comments], "removed": [r.model_dump() for r in article.removed],
        "captured": article.captured, "entries": [e.model_dump() for e in article.entries],
    }


def _article_from_row(row: tuple) -> CleanArticle:
    keys = ("id", "source_path", "record", "outlet", "url", "title", "byline", "published", "text")
    data = dict(zip(keys, row[:9]))
    data["comments"] = json.loads(row[9]) if row[9] else []
    data["removed"] = json.loads(row[10]) if row[10] else []
    data["captured"] = row[11]
    data["entries"] = json.loads(row[12]) if row[12] else []
    return CleanArticle.model_validate(data)


def _summary_from_row(row: tuple) -> StorySummary:
    return StorySummary(
        id=row[0], title=row[1], first_published=_iso(row[2]), last_published=_iso(row[3]), articles=row[4],
        outlets=json.loads(row[5]) if row[5] else [], facts=row[6], conflicts=row[7], quotes=row[8], analysed=row[9],
    )


def _story_rows(story: Story, outlet_of: dict[str, str | None]) -> dict[str, list[dict]]:
    """Flatten one analysed story into rows of each analysis table (`outlet_of` maps article id to outlet)."""
    exclusive = set(story.exclusives)
    sid = story.id
    return {
        "entities": [
            {"story_id": sid, "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "data": e.model_dump()}
            for e in {e.id: e for e in story.entities}.values()
        ],
        "facts": [
            {"story_id": sid, "id": f.id, "text": f.text, "article_ids": f.article_ids,
             "independent_sources": f.independent_sources, "claim_of": f.claim_of, "exclusive": f.id in exclusive,
             "data": f.model_dump(), "outlets": sorted({o for a in f.article_ids if (o := outlet_of.get(a))})}
            for f in {f.id: f for f in story.facts}.values()
        ],
        "conflicts": [
            {"story_id": sid, "id": c.id, "about": c.about, "kind": c.kind,
             "positions": "; ".join(f"{p.value} [{len(p.article_ids)} articles]" for p in c.positions),
             "data": c.model_dump()}
            for c in {c.id: c for c in story.conflicts}.values()
        ],
        "quotes": [
            {"story_id": sid, "seq": i, "id": q.id, "speaker": q.speaker, "speaker_entity_id": q.speaker_entity_id,
             "channel": q.channel, "variants": len(q.variants),
             "first_variant": q.variants[0].text if q.variants else None, "data": q.model_dump()}
            for i, q in enumerate(story.quotes)
        ],
        "framing": [
            {"story_id": sid, "seq": i, "article_id": f.article_id, "term": f.term, "category": f.category,
             "target_entity_id": f.target_entity_id, "voice": f.voice, "speaker_entity_id": f.speaker_entity_id,
             "evidence_text": f.evidence.text, "evidence_start": f.evidence.start, "evidence_end": f.evidence.end}
            for i, f in enumerate(story.framing)
        ],
        "claims": [
            {"story_id": sid, "id": c.id, "article_id": c.article_id, "sentence_index": c.sentence_index,
             "text": c.text, "attributed_to": c.attributed_to, "data": c.model_dump()}
            for c in {c.id: c for c in story.claims}.values()
        ],
        "timeline": [
            {"story_id": sid, "seq": i, "date": t.date, "event": t.event, "article_ids": t.article_ids,
             "data": t.model_dump()}
            for i, t in enumerate(story.timeline)
        ],
        "summary": [
            {"story_id": sid, "seq": i, "text": s.text, "article_ids": s.article_ids}
            for i, s in enumerate(story.summary)
        ],
    }


# ------------------------------------------------------------------ the store


class Store:
    """A newsprism DuckDB file. Use as a context manager.

    Writers apply pending migrations on open; readers (`read_only=True`, as the web app
    opens it) refuse a store whose layout is older or newer than this code knows.
    Reads are safe from many threads: each thread gets its own cursor.
    """

    def __init__(self, path: str | Path, read_only: bool = False, threads: int | None = None) -> None:
        """Open the store; `threads` caps DuckDB's threads per query (the web app uses 1 and serves
        requests in parallel instead, which keeps small queries fast under load)."""
        self.path = Path(path)
        self.read_only = read_only
        self._local = threading.local()
        self._tmp: str | None = None
        self._cache: OrderedDict[object, object] = OrderedDict()  # read-only stores only: answers that cannot change
        self._cache_lock = threading.Lock()
        if read_only and not self.path.is_file():
            raise StoreError("NP302", path=self.path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(
                str(self.path), read_only=read_only,
                config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
            )
        except duckdb.Error as err:
            raise StoreError("NP303", path=self.path, error=str(err).splitlines()[0]) from err
        try:
            self._con.execute("SET enable_progress_bar = false")  # DuckDB would draw on the user's terminal
            if threads:
                self._con.execute(f"SET threads = {int(threads)}")
            self._con.execute(f"LOAD '{str(fts_extension_path()).replace(chr(39), chr(39) * 2)}'")
            self._migrate()
            self._search_ready = self._index_ready()
        except Exception:
            self._con.close()
            raise

    # -------------------------------------------------------------- plumbing

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Rebuild a stale search index (writers only) and close the file."""
        if getattr(self, "_con", None) is None:
            return
        try:
            if not self.read_only and self._meta("search_index_stale") == "1":
                self.refresh_search_index()
        finally:
            self._con.close()
            self._con = None
            if self._tmp:
                shutil.rmtree(self._tmp, ignore_errors=True)

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """Return this thread's cursor (DuckDB connections are not shared across threads)."""
        if self._con is None:
            raise StoreError("NP301", error="the store is closed")
        if threading.current_thread() is threading.main_thread():
            return self._con
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._con.cursor()
        return cursor

    def _q(self, name: str, params: dict | None = None, **fmt: str) -> duckdb.DuckDBPyConnection:
        sql = queries()[name]
        if fmt:
            sql = sql.format(**fmt)
        return self._cursor().execute(sql, params or {})

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("NP301", error=f"{self.path} is open read-only")

    def _migrate(self) -> None:
        known = migrations()
        latest = known[-1][0] if known else 0
        con = self._con
        if self.read_only:
            has_table = con.execute(queries()["migrations_table_exists"]).fetchone()[0]
            version = con.execute(queries()["schema_version"]).fetchone()[0] if has_table else 0
        else:
            con.execute(queries()["create_migrations_table"])
            version = con.execute(queries()["schema_version"]).fetchone()[0]
        if version > latest:
            raise StoreError("NP304", path=self.path, found=version, supported=latest)
        if version == latest:
            return
        if self.read_only:
            raise StoreError("NP305", path=self.path, found=version, supported=latest)
        for number, name, sql in known:
            if number <= version:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute(queries()["record_migration"], {"version": number, "name": name})
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
        # Write the new layout into the file itself: DuckDB 1.4 cannot replay schema changes from the
        # write-ahead log when a killed writer left one and the next open is read-only.
        con.execute("CHECKPOINT")

    def _meta(self, key: str) -> str | None:
        row = self._q("get_meta", {"key": key}).fetchone()
        return row[0] if row else None

    def _index_ready(self) -> bool:
        return bool(self._q("search_index_exists").fetchone()[0]) and self._meta("search_index_stale") != "1"

    def _bulk(self, query: str, rows: list[dict]) -> None:
        """Insert `rows` with the named read_json query (far faster than executemany)."""
        if not rows:
            return
        if self._tmp is None:
            self._tmp = tempfile.mkdtemp(prefix="newsprism-store-")
        path = os.path.join(self._tmp, f"{query}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=True, default=str))
                out.write("\n")
        self._q(query, {"path": path})

    def _transaction(self):
        store = self

        class _Tx:
            def __enter__(self):
                store._con.execute("BEGIN TRANSACTION")

            def __exit__(self, kind, err, tb):
                if kind is None:
                    store._con.execute("COMMIT")
                else:
                    store._con.execute("ROLLBACK")
                    if isinstance(err, duckdb.Error):
                        raise StoreError("NP301", error=str(err).splitlines()[0]) from err
                return False

        return _Tx()

    # -------------------------------------------------------------- writes

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return which of `ids` are already stored (lets a resumed ingest skip them)."""
        ids = list(ids)
        if not ids:
            return set()
        # One joined string: DuckDB converts a Python list parameter element by element (slow).
        # Article ids are hex digests with a prefix, so they never contain a comma.
        return {row[0] for row in self._q("known_ids", {"ids": ",".join(ids)}).fetchall()}

    def add_articles(self, articles: list[CleanArticle], failures: list[Failure] | None = None) -> int:
        """Store articles (once each, keyed by content hash) and failures in one transaction; return how many were new."""
        self._require_writable()
        unique = list({a.id: a for a in articles}.values())
        with self._transaction():
            known = self.known_ids(a.id for a in unique)
            new = [a for a in unique if a.id not in known]
            self._bulk("insert_articles", [_article_row(a) for a in new])
            self._bulk("insert_failures", [f.model_dump() for f in failures or []])
            if new:
                self._q("set_meta", {"key": "search_index_stale", "value": "1"})
        if new:
            self._search_ready = False
        return len(new)

    def save_groups(self, groups: list[StoryGroup]) -> None:
        """Store story membership without analysis (an article belongs to one story).

        A story whose members are unchanged keeps its analysis; one whose members changed
        is marked not analysed until `save_report` stores a new analysis.
        """
        self._require_writable()
        with self._transaction():
            self._bulk("upsert_groups", [g.model_dump() for g in groups])
            self._set_memberships(groups)

    def save_grouping(self, groups: list[StoryGroup], state: bytes | None = None, key: str = "story_index") -> None:
        """Store story memberships (as `save_groups`) and the grouping state under `key`, in one transaction."""
        self._require_writable()
        with self._transaction():
            if groups:
                self._bulk("upsert_groups", [g.model_dump() for g in groups])
                self._set_memberships(groups)
            if state is not None:
                self._q("set_blob", {"key": key, "value": state})

    def blob(self, key: str) -> bytes | None:
        """Return the binary state stored under `key` (see `save_grouping`), or None."""
        row = self._q("get_blob", {"key": key}).fetchone()
        return bytes(row[0]) if row else None

    def _set_memberships(self, groups: list[StoryGroup]) -> None:
        story_ids = [g.id for g in groups]
        article_ids = [a for g in groups for a in g.article_ids]
        losing = [r[0] for r in self._q("stories_losing_articles", {"article_ids": article_ids, "story_ids": story_ids}).fetchall()]
        self._q("delete_memberships", {"story_ids": story_ids, "article_ids": article_ids})
        self._bulk("insert_memberships", [{"story_id": g.id, "article_id": a} for g in groups for a in g.article_ids])
        self._q("refresh_story_stats", {"story_ids": story_ids + losing})
        if losing:
            self._q("delete_empty_stories", {"story_ids": losing})
        self._q("refresh_recency")

    def save_report(self, report: Report) -> None:
        """Store a report's articles, stories and failures, replacing earlier analyses of the same stories.

        Each story keeps a Report of its own (its articles and itself) so it can be served
        and round-tripped exactly; its findings also go into one table each for queries.
        """
        self._require_writable()
        by_id = {a.id: a for a in report.articles}
        stories = list({s.id: s for s in report.stories}.values())
        with self._transaction():
            if by_id:
                self._bulk("replace_articles", [_article_row(a) for a in by_id.values()])
                self._q("set_meta", {"key": "search_index_stale", "value": "1"})
            self._bulk("insert_failures", [f.model_dump() for f in report.failures])
            if stories:
                story_ids = [s.id for s in stories]
                for table in ANALYSIS_TABLES:
                    self._q("delete_story_rows", {"story_ids": story_ids}, table=table)
                story_rows = []
                table_rows: dict[str, list[dict]] = {t: [] for t in ANALYSIS_TABLES}
                outlet_of = {a.id: a.outlet for a in by_id.values()}
                missing = {a for s in stories for a in s.article_ids if a not in outlet_of}
                outlet_of.update({a.id: a.outlet for a in self.articles(sorted(missing))} if missing else {})
                for story in stories:
                    own = Report(
                        schema_version=report.schema_version, generated_by=report.generated_by,
                        articles=[by_id[a] for a in story.article_ids if a in by_id], stories=[story],
                    )
                    story_rows.append({
                        "id": story.id, "title": story.title, "n_facts": len(story.facts),
                        "n_conflicts": len(story.conflicts), "n_quotes": len(story.quotes), "analysed": True,
                        "report": own.model_dump(mode="json"),
                    })
                    for table, rows in _story_rows(story, outlet_of).items():
                        table_rows[table].extend(rows)
                self._bulk("upsert_stories", story_rows)
                for table, rows in table_rows.items():
                    self._bulk(f"insert_{table}", rows)
                self._set_memberships([StoryGroup(id=s.id, title=s.title, article_ids=s.article_ids) for s in stories])
        if by_id:
            self._search_ready = False

    def refresh_search_index(self) -> None:
        """Rebuild the full-text index over article titles and texts (DuckDB's index is not incremental)."""
        self._require_writable()
        self._q("rebuild_search_index")
        self._q("set_meta", {"key": "search_index_stale", "value": "0"})
        self._search_ready = True

    # -------------------------------------------------------------- reads: articles and stories

    def article(self, article_id: str) -> CleanArticle | None:
        """Return one stored article, or None."""
        rows = self._q("articles_by_ids", {"ids": [article_id]}).fetchall()
        return _article_from_row(rows[0]) if rows else None

    def articles(self, article_ids: list[str]) -> list[CleanArticle]:
        """Return the stored articles among `article_ids`, in the order given."""
        found = {r[0]: _article_from_row(r) for r in self._q("articles_by_ids", {"ids": list(article_ids)}).fetchall()}
        return [found[a] for a in article_ids if a in found]

    def iter_articles(self, batch_size: int = 1000) -> Iterator[CleanArticle]:
        """Yield every stored article, a batch at a time (bounded memory)."""
        offset = 0
        while True:
            rows = self._q("article_page", {"limit": batch_size, "offset": offset}).fetchall()
            if not rows:
                return
            yield from (_article_from_row(r) for r in rows)
            offset += len(rows)

    def article_story_ids(self, article_id: str) -> list[str]:
        return [r[0] for r in self._q("article_story_ids", {"id": article_id}).fetchall()]

    def count_articles(self) -> int:
        return self._q("count_articles").fetchone()[0]

    def count_stories(self) -> int:
        return self._q("count_stories").fetchone()[0]

    def failures(self, limit: int = 1000) -> list[Failure]:
        rows = self._q("list_failures", {"limit": limit}).fetchall()
        return [Failure(input_ref=r[0], stage=r[1], code=r[2], message=r[3]) for r in rows]

    def story_groups(self) -> list[StoryGroup]:
        """Return every stored story's membership (for incremental grouping)."""
        return [StoryGroup(id=r[0], title=r[1], article_ids=r[2]) for r in self._q("all_groups").fetchall()]

    def story_report_json(self, story_id: str) -> str | None:
        """Return a story's Report as JSON text (served as is by the API), or None if unknown."""
        return self._cached(("story", story_id), lambda: self._story_report_json(story_id))

    def _story_report_json(self, story_id: str) -> str | None:
        row = self._q("story_report", {"id": story_id}).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            return row[0]
        return self._unanalysed_report(story_id).model_dump_json()

    def story_report(self, story_id: str) -> Report | None:
        """Return a story's Report (its articles and the story), or None if unknown."""
        text = self.story_report_json(story_id)
        return Report.model_validate_json(text) if text is not None else None

    def _unanalysed_report(self, story_id: str) -> Report:
        title = self._q("story_exists", {"id": story_id}).fetchone()[0]
        ids = [r[0] for r in self._q("story_member_ids", {"id": story_id}).fetchall()]
        articles = sorted(self.articles(ids), key=lambda a: (a.published or "", a.id))
        return Report(articles=articles, stories=[Story(id=story_id, title=title, article_ids=[a.id for a in articles])])

    def stories(
        self,
        outlet: str | None = None,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> StoryPage:
        """Return one page of stories, newest first, filtered by outlet, text and date (inclusive days)."""
        params, page, page_size = self._story_params(outlet, q, date_from, date_to, page, page_size)
        if params is None:  # nothing searchable (only punctuation): nothing matches
            return StoryPage(items=[], total=0, page=page, page_size=page_size)
        return self._story_page(params, page, page_size)

    def stories_json(
        self,
        outlet: str | None = None,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        page: int = 1,
        page_size: int = 20,
        *,
        cached_only: bool = False,
    ) -> bytes | None:
        """Return the same page as stories(), as its JSON (what the API serves), remembered like it.

        With cached_only, return None instead of reading DuckDB when the page is not remembered,
        so a caller on an event loop can answer a repeated page without leaving the loop.
        """
        params, page, page_size = self._story_params(outlet, q, date_from, date_to, page, page_size)
        if params is None:
            return StoryPage(items=[], total=0, page=page, page_size=page_size).model_dump_json().encode()
        key = ("stories_json", self._story_key(params))
        if cached_only:
            return self._peek(key)
        return self._cached(key, lambda: self._story_page(params, page, page_size).model_dump_json().encode())

    def _story_params(
        self, outlet: str | None, q: str | None, date_from: str | None, date_to: str | None, page: int, page_size: int,
    ) -> tuple[dict | None, int, int]:
        page, page_size = _clamp_page(page, page_size)
        terms = _terms(q or "")
        if q and not terms:
            return None, page, page_size
        params = {
            "outlet": outlet or None, "exclude_outlet": None, "min_outlets": 0,
            "q_fts": " ".join(terms) if terms and self._search_ready else None,
            "terms_like": terms if terms and not self._search_ready else None,
            "date_from": parse_timestamp(date_from) if date_from else None,
            "date_to": _day_after(date_to) if date_to else None,
            "limit": page_size, "offset": (page - 1) * page_size,
        }
        return params, page, page_size

    def _list_stories(self, params: dict) -> list[tuple]:
        """Run list_stories with only the filters that are set (a filter given as None or 0 is off)."""
        used = {k: v for k, v in params.items() if k in ("limit", "offset") or v not in (None, 0)}
        if len(used) == 2:
            total = self._cached("count_stories", self.count_stories)
            return self._q("list_stories_unfiltered", {**used, "total": total}).fetchall()
        where = [queries()[f"story_filter_{k}"] for k in used if k not in ("limit", "offset")]
        # the filter blocks name their parameters after themselves, except the two text filters
        renamed = {{"q_fts": "q", "terms_like": "terms"}.get(k, k): v for k, v in used.items()}
        return self._q("list_stories", renamed, where=" AND ".join(where) or "true").fetchall()

    @staticmethod
    def _story_key(params: dict) -> tuple:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))

    def _story_page(self, params: dict, page: int, page_size: int) -> StoryPage:
        return self._cached(("stories", self._story_key(params)), lambda: self._read_story_page(params, page, page_size))

    def _read_story_page(self, params: dict, page: int, page_size: int) -> StoryPage:
        rows = self._list_stories(params)
        total = rows[0][10] if rows else self._count_beyond(params)
        return StoryPage(items=[_summary_from_row(r) for r in rows], total=total, page=page, page_size=page_size)

    def _count_beyond(self, params: dict) -> int:
        """Count matches when the page asked for lies past the last one."""
        if params["offset"] == 0:
            return 0
        rows = self._list_stories({**params, "limit": 1, "offset": 0})
        return rows[0][10] if rows else 0

    def search(self, q: str, page: int = 1, page_size: int = 20) -> SearchPage:
        """Full-text search over article titles and texts (BM25), best first."""
        page, page_size = _clamp_page(page, page_size)
        return self._cached(("search", q, page, page_size), lambda: self._search(q, page, page_size))

    def _search(self, q: str, page: int, page_size: int) -> SearchPage:
        terms = _terms(q)
        if not terms:
            return SearchPage(q=q, items=[], total=0, page=page, page_size=page_size)
        offset = (page - 1) * page_size
        if self._search_ready:
            rows = self._q("search_fts", {"q": " ".join(terms), "limit": page_size, "offset": offset}).fetchall()
        else:
            rows = self._q("search_like", {"terms": terms, "limit": page_size, "offset": offset}).fetchall()
        hits = [
            SearchHit(article_id=r[0], title=r[1], outlet=r[2], published=r[3], story_id=r[5], score=float(r[6]),
                      snippet=_snippet(r[4], terms))
            for r in rows
        ]
        return SearchPage(q=q, items=hits, total=rows[0][7] if rows else 0, page=page, page_size=page_size)

    # -------------------------------------------------------------- reads: outlets

    def _peek(self, key: object):
        """Return a remembered answer, or None (never computes; only a read-only store remembers)."""
        if not self.read_only:
            return None
        with self._cache_lock:
            value = self._cache.get(key)
            if value is not None:
                self._cache.move_to_end(key)
            return value

    def _cached(self, key: object, compute):
        """Return compute(), remembered while a read-only store is open (nothing can change it).

        The most recently used PAGE_CACHE_SIZE answers are kept, so a busy story list or a
        popular story is read from DuckDB once.
        """
        if not self.read_only:
            return compute()
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._cache_lock:
            self._cache[key] = value
            if len(self._cache) > PAGE_CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def outlets(self) -> list[OutletSummary]:
        """Return every outlet in the store, most articles first."""
        return list(self._cached("outlets", lambda: [
            OutletSummary(name=r[0], articles=r[1], stories=r[2], first_published=_iso(r[3]), last_published=_iso(r[4]))
            for r in self._q("list_outlets").fetchall()
        ]))

    def outlet(self, name: str, page: int = 1, page_size: int = 20, limit: int = 50) -> OutletProfile | None:
        """Return an outlet's stories, its labels for recurring actors, its exclusives and its blindspots.

        Blindspots are facts backed by at least half of a story's outlets (and two or more) that
        this outlet's articles in the story leave out, and stories at least half of all outlets
        covered (two or more) that it did not.
        """
        articles = self._q("outlet_article_count", {"outlet": name}).fetchone()[0]
        if not articles:
            return None
        page, page_size = _clamp_page(page, page_size)
        base = {"outlet": None, "date_from": None, "date_to": None, "exclude_outlet": None, "min_outlets": 0}
        stories = self._story_page({**base, "outlet": name, "limit": page_size, "offset": (page - 1) * page_size}, page, page_size)
        labels = [
            ActorLabel(actor=r[0], actor_type=r[1], term=r[2], category=r[3], count=r[4], stories=r[5])
            for r in self._q("outlet_labels", {"outlet": name, "categories": LABEL_CATEGORIES, "limit": limit * 2}).fetchall()
        ]

        def facts(query: str) -> list[OutletFact]:
            rows = self._q(query, {"outlet": name, "limit": limit}).fetchall()
            return [OutletFact(story_id=r[0], story_title=r[1], fact_id=r[2], text=r[3], independent_sources=r[4], outlets=r[5])
                    for r in rows]

        total_outlets = self._cached("count_outlets", lambda: self._q("count_outlets").fetchone()[0])
        blind_stories = self._list_stories({
            **base, "exclude_outlet": name, "min_outlets": max(2, (total_outlets + 1) // 2), "limit": limit, "offset": 0,
        })
        return OutletProfile(
            name=name, articles=articles, stories=stories, labels=labels,
            exclusive_facts=facts("outlet_exclusive_facts"), blindspot_facts=facts("outlet_blindspot_facts"),
            blindspot_stories=[_summary_from_row(r) for r in blind_stories],
        )

    # -------------------------------------------------------------- exports

    def export(self, table: str, fmt: Literal["csv", "parquet"], out: str | Path, story_id: str | None = None) -> Path:
        """Write the flat `table` (facts, conflicts, quotes or framing) as CSV or Parquet, via DuckDB COPY."""
        if table not in EXPORT_TABLES:
            raise StoreError("NP301", error=f"cannot export '{table}' (choose from {', '.join(EXPORT_TABLES)})")
        if fmt not in ("csv", "parquet"):
            raise StoreError("NP301", error=f"unknown export format '{fmt}'")
        out = Path(out)
        options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
        target = str(out).replace("'", "''")
        sql = f"COPY ({queries()['export_' + table].rstrip(';')}) TO '{target}' ({options})"
        self._cursor().execute(sql, {"story_id": story_id})
        return out


def _day_after(day: str) -> str | None:
    """Return the timestamp just after `day` ends, so a date_to filter includes that whole day."""
    stamp = parse_timestamp(day)
    if stamp is None:
        return None
    parsed = datetime.fromisoformat(stamp)
    step = timedelta(days=1) if len(day.strip()) <= 10 else timedelta(microseconds=1)  # a bare date: the whole day
    return (parsed + step).isoformat(sep=" ")
