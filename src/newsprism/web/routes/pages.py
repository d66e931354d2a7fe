"""HTML pages: story list, search, story (the report template), outlets, articles."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from newsprism.store import MAX_PAGE_SIZE, Store
from newsprism.web.app import content_security_policy
from newsprism.web.deps import get_store, templates

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
PageQ = Annotated[int, Query(ge=1, le=100_000)]
PageSizeQ = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
# No control characters: Starlette's path pattern stops at a line break ("/outlets/%0A" matched an empty name).
IdPath = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]
TextQ = Annotated[str, Query(max_length=500)]


def _render(name: str, **context) -> str:
    return templates().get_template(name).render(**context)


def _page(name: str, **context) -> HTMLResponse:
    return HTMLResponse(_render(name, **context))


REMEMBERED_PAGES = 1024  # rendered list pages are ~20-40 KB: at most a few tens of MB per worker
_remembered: weakref.WeakKeyDictionary[Store, OrderedDict] = weakref.WeakKeyDictionary()
_remembered_lock = threading.Lock()


def _recall_page(store: Store, key: tuple) -> str | None:
    """Return a page rendered earlier for a read-only store, or None.

    A read-only store cannot change under the server, so a page once rendered stays
    right; filling the template costs more than the store's own (remembered) answer,
    and under load that is what queues requests.
    """
    if not store.read_only:
        return None
    with _remembered_lock:
        pages = _remembered.get(store)
        html = pages.get(key) if pages is not None else None
        if html is not None:
            pages.move_to_end(key)
    return html


def _render_and_remember(store: Store, key: tuple, render: Callable[[], str]) -> str:
    html = render()
    if store.read_only:
        with _remembered_lock:
            pages = _remembered.setdefault(store, OrderedDict())
            pages[key] = html
            while len(pages) > REMEMBERED_PAGES:
                pages.popitem(last=False)
    return html


def _day(value: str, field: str) -> str | None:
    """Parse a YYYY-MM-DD form field; an empty field is no filter, a bad one is a 422."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{field}: expected a date as YYYY-MM-DD") from None


def _clean(value: str) -> str | None:
    value = value.replace("\x00", "").strip()
    return value or None


@router.get("/", response_class=HTMLResponse)
async def story_list(
    store: StoreDep,
    q: TextQ = "",
    outlet: TextQ = "",
    date_from: TextQ = "",
    date_to: TextQ = "",
    page: PageQ = 1,
    page_size: PageSizeQ = 25,
) -> HTMLResponse:
    filters = {"q": _clean(q), "outlet": _clean(outlet), "date_from": _day(date_from, "date_from"), "date_to": _day(date_to, "date_to")}
    params = {k: v for k, v in filters.items() if v} | {"page_size": page_size}

    def render() -> str:
        result = store.stories(**filters, page=page, page_size=page_size)
        return _render("index.html", result=result, filters=filters, outlets=store.outlets(), params=params)

    # A remembered page is answered on the event loop; only rendering a new one goes to the thread pool.
    key = ("index", tuple(sorted(filters.items(), key=lambda kv: kv[0])), page, page_size)
    html = _recall_page(store, key)
    if html is None:
        html = await run_in_threadpool(_render_and_remember, store, key, render)
    return HTMLResponse(html)


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for it on every page, the report page included; answer rather than log a 404."""
    icon = resources.files("newsprism.web").joinpath("static/favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: TextQ = "", page: PageQ = 1, page_size: PageSizeQ = 20) -> HTMLResponse:
    query = _clean(q)
    result = store.search(query, page=page, page_size=page_size) if query else None
    return _page("search.html", q=query or "", result=result)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: IdPath, store: StoreDep) -> HTMLResponse:
    """The story rendered by the report template, with a bar linking back into the app.

    The template's own script carries a fresh nonce and the policy allows only that nonce
    and our script files, so markup that slipped in through article text could not run.
    """
    from newsprism.report import render_html

    report = store.story_report(story_id)
    if report is None:
        raise HTTPException(404, "no such story")
    nonce = secrets.token_urlsafe(18)
    html = render_html(report, csp_nonce=nonce)
    nav = templates().get_template("story_nav.html").render(story_id=story_id, analysed=_analysed(report))
    html, count = re.subn(r"(<body\b[^>]*>)", lambda m: m.group(1) + nav, html, count=1, flags=re.I)
    if not count:
        html = nav + html
    return HTMLResponse(html, headers={"Content-Security-Policy": content_security_policy(nonce=nonce)})


def _analysed(report) -> bool:
    """True when the story carries any analysis. The store serves a grouped but not yet analysed
    story as its bare articles; every section would then say "nothing found", which is not true,
    so the page says that no analysis ran (an analysis of any real text finds at least its actors)."""
    return any(s.entities or s.facts or s.summary or s.quotes or s.framing or s.timeline or s.claims for s in report.stories)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(store: StoreDep) -> HTMLResponse:
    return _page("outlets.html", outlets=store.outlets())


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(name: IdPath, store: StoreDep, page: PageQ = 1, page_size: PageSizeQ = 25) -> HTMLResponse:
    profile = store.outlet(name, page=page, page_size=page_size)
    if profile is None:
        raise HTTPException(404, "no such outlet")
    return _page("outlet.html", profile=profile)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: IdPath, store: StoreDep) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, "no such article")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", article.text) if p.strip()]
    return _page("article.html", article=article, paragraphs=paragraphs, story_ids=store.article_story_ids(article_id))
