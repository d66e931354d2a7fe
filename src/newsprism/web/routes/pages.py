"""HTML pages: story list, search, story (the report template), outlets, articles."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import HTMLResponse

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
)
from newsprism.store import MAX_PAGE_SIZE, Store
from newsprism.web.app import content_security_policy
from newsprism.web.deps import get_store, templates

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
PageQ = Annotated[int, Query(ge=1, le=100_000)]
PageSizeQ = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]
TextQ = Annotated[str, Query(max_length=500)]

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def _page(name: str, **context) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**context))


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
def story_list(
    store: StoreDep,
    q: TextQ = "",
    outlet: TextQ = "",
    date_from: TextQ = "",
    date_to: TextQ = "",
    page: PageQ = 1,
    page_size: PageSizeQ = 25,
) -> HTMLResponse:
    filters = {"q": _clean(q), "outlet": _clean(outlet), "date_from": _day(date_from, "date_from"), "date_to": _day(date_to, "date_to")}
    result = store.stories(**filters, page=page, page_size=page_size)
    params = {k: v for k, v in filters.items() if v} | {"page_size": page_size}
    return _page("index.html", result=result, filters=filters, outlets=store.outlets(), params=params)


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: TextQ = "", page: PageQ = 1, page_size: PageSizeQ = 20) -> HTMLResponse:
    query = _clean(q)
    result = store.search(query, page=page, page_size=page_size) if query else None
    return _page("search.html", q=query or "", result=result)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: IdPath, store: StoreDep) -> HTMLResponse:
    """The story rendered by the report template, with a bar linking back into the app."""
    from newsprism.report import render_html

    report = store.story_report(story_id)
    if report is None:
        raise HTTPException(404, "no such story")
    html = render_html(report)
    nav = templates().get_template("story_nav.html").render(story_id=story_id)
    html, count = re.subn(r"(<body\b[^>]*>)", lambda m: m.group(1) + nav, html, count=1, flags=re.I)
    if not count:
        html = nav + html
    allowed = trusted_script_hashes()
    hashes = sorted({h for h in inline_script_hashes(html) if h in allowed})
    return HTMLResponse(html, headers={"Content-Security-Policy": content_security_policy(hashes)})


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


# ------------------------------------------------------------------ CSP for the report's inline scripts


def inline_script_hashes(html: str) -> list[str]:
    """Return the base64 sha256 of every inline JavaScript block in `html`, as CSP wants them."""
    hashes = []
    for attrs, body in SCRIPT_TAG.findall(html):
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
        if kind and kind.group(1).lower() not in JS_TYPES:
            continue  # data blocks (application/json) never run
        hashes.append(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode())
    return hashes


@lru_cache(maxsize=1)
def trusted_script_hashes() -> frozenset[str]:
    """Hashes of the report template's own scripts, found by rendering an invented report.

    Only scripts the template emits whatever the data are allowed to run; a script whose
    text depends on article content (or was injected through it) gets no hash and is blocked.
    """
    from newsprism.report import render_html

    return frozenset(inline_script_hashes(render_html(canary_report())))


def canary_report() -> Report:
    """A tiny invented report touching every section the report template renders."""
    a1, a2 = "a_canary0000000001", "a_canary0000000002"
    text1 = "The ferry reached the harbour at dawn. The mayor said repairs would take two weeks."
    text2 = "The ferry arrived late in the morning. Officials said repairs would last a month."
    ev1 = Evidence(article_id=a1, text="The ferry reached the harbour at dawn.", start=0, end=37)
    ev2 = Evidence(article_id=a2, text="The ferry arrived late in the morning.", start=0, end=38)
    articles = [
        CleanArticle(id=a1, source_path="canary-1.txt", outlet="Outlet One", title="Ferry arrives", published="2024-01-02", text=text1),
        CleanArticle(id=a2, source_path="canary-2.txt", outlet="Outlet Two", title="Ferry late", published="2024-01-02", text=text2),
    ]
    story = Story(
        id="s_canary", title="Ferry arrives", article_ids=[a1, a2],
        entities=[Entity(id="e1", name="Mayor", type="PERSON")],
        facts=[Fact(id="f1", text="The ferry reached the harbour.", article_ids=[a1, a2], independent_sources=2, evidence=[ev1, ev2])],
        conflicts=[Conflict(id="c1", about="repair time", kind="number", positions=[
            Position(value="two weeks", article_ids=[a1], evidence=[ev1]), Position(value="a month", article_ids=[a2], evidence=[ev2])])],
        quotes=[Quote(id="q1", speaker="Mayor", speaker_entity_id="e1", variants=[QuoteVariant(text="repairs would take two weeks", article_ids=[a1], evidence=[ev1])])],
        framing=[FramingEntry(article_id=a1, term="said", category="attribution_verb", target_entity_id="e1", evidence=ev1)],
        timeline=[TimelineEvent(date="2024-01-02", event="The ferry reached the harbour.", article_ids=[a1], evidence=[ev1])],
        summary=[SummarySentence(text="The ferry reached the harbour.", article_ids=[a1, a2])],
        exclusives=[],
    )
    return Report(articles=articles, stories=[story])
