"""JSON API under /api/: the same pydantic models as report.json, paginated, plus flat exports."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic import BeforeValidator
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse

from newsprism.models import CleanArticle, Failure, OutletProfile, OutletSummary, Report, SearchPage, StoryPage
from newsprism.store import MAX_PAGE_SIZE, Store
from newsprism.web.deps import get_store

router = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(get_store)]
PageQ = Annotated[int, Query(ge=1, le=100_000, description="1-based page number.")]
PageSizeQ = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Items per page (at most {MAX_PAGE_SIZE}).")]
# No control characters: Starlette's path pattern stops at a line break ("/outlets/%0A" matched an empty name).
IdPath = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]
TextQ = Annotated[str | None, Query(max_length=500)]


def _iso_day(value: object) -> object:
    """Refuse anything but YYYY-MM-DD (pydantic alone would read a number as a Unix time)."""
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


DayQ = Annotated[dt.date | None, BeforeValidator(_iso_day)]

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def _text(value: str | None) -> str | None:
    """Drop NUL characters (no article holds them; DuckDB strings may not) and blank filters."""
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    return value or None


@router.get("/stories", response_model=StoryPage, summary="Stories, newest first")
async def list_stories(
    store: StoreDep,
    outlet: TextQ = None,
    q: TextQ = None,
    date_from: Annotated[DayQ, Query(description="Stories with articles on or after this day (YYYY-MM-DD).")] = None,
    date_to: Annotated[DayQ, Query(description="Stories with articles on or before this day (YYYY-MM-DD).")] = None,
    page: PageQ = 1,
    page_size: PageSizeQ = 20,
) -> Response:
    """One page of stories with their time span, outlets (coverage) and counts of facts and conflicts."""
    args = dict(outlet=_text(outlet), q=_text(q), date_from=date_from.isoformat() if date_from else None,
                date_to=date_to.isoformat() if date_to else None, page=page, page_size=page_size)
    # A page the store remembers is answered on the event loop, without a worker thread or pydantic;
    # only a page it has to read from DuckDB goes to the thread pool.
    body = store.stories_json(**args, cached_only=True)
    if body is None:
        body = await run_in_threadpool(store.stories_json, **args)
    return Response(content=body, media_type="application/json")  # StoryPage's JSON, as the store wrote it


@router.get("/stories/{story_id}", response_model=Report, summary="One story's report",
            responses={404: {"description": "No such story"}})
def get_story(story_id: IdPath, store: StoreDep) -> Response:
    """The story's report: the same JSON as report.json, holding this story and its articles."""
    text = store.story_report_json(story_id)
    if text is None:
        raise HTTPException(404, "no such story")
    return Response(content=text, media_type="application/json")  # stored JSON, served as is


@router.get("/articles/{article_id}", response_model=CleanArticle, summary="One article",
            responses={404: {"description": "No such article"}})
def get_article(article_id: IdPath, store: StoreDep) -> CleanArticle:
    """The clean article: body, reader comments apart, removed parts, metadata."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, "no such article")
    return article


@router.get("/search", response_model=SearchPage, summary="Full-text search over articles")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to look for (BM25 ranking).")],
    page: PageQ = 1,
    page_size: PageSizeQ = 20,
) -> SearchPage:
    """Articles matching the words, best first, each with the story it belongs to and a snippet."""
    return store.search(_text(q) or "", page=page, page_size=page_size)


@router.get("/outlets", response_model=list[OutletSummary], summary="Every outlet in the store")
def list_outlets(store: StoreDep) -> list[OutletSummary]:
    return store.outlets()


@router.get("/outlets/{name:path}", response_model=OutletProfile, summary="One outlet",
            responses={404: {"description": "No such outlet"}})
def get_outlet(name: IdPath, store: StoreDep, page: PageQ = 1, page_size: PageSizeQ = 20) -> OutletProfile:
    """The outlet's stories, its labels for recurring actors, the facts only it reports, and its blindspots."""
    profile = store.outlet(_text(name) or "", page=page, page_size=page_size)
    if profile is None:
        raise HTTPException(404, "no such outlet")
    return profile


@router.get("/failures", response_model=list[Failure], summary="Inputs that could not be processed")
def list_failures(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[Failure]:
    return store.failures(limit=limit)


@router.get(
    "/export/{table}",
    summary="Export facts, conflicts, quotes or framing as CSV or Parquet",
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPES["csv"]: {}, MEDIA_TYPES["parquet"]: {}}, "description": "The table"}},
)
def export(
    table: Literal["facts", "conflicts", "quotes", "framing"],
    store: StoreDep,
    format: Literal["csv", "parquet"] = "csv",
    story_id: TextQ = None,
) -> Response:
    """A flat table for researchers, written by DuckDB (all stories, or one with `story_id`)."""
    handle, path = tempfile.mkstemp(prefix=f"newsprism-{table}-", suffix=f".{format}")
    os.close(handle)
    try:
        store.export(table, format, path, story_id=_text(story_id))
    except Exception:
        os.unlink(path)
        raise
    name = f"{table}.{format}"
    return FileResponse(path, media_type=MEDIA_TYPES[format], filename=name, background=BackgroundTask(os.unlink, path))
