"""Shared request dependencies: the store and the page renderer."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, urlsplit

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.report.view import when_label
from newsprism.store import Store


async def get_store(request: Request) -> Store:
    """Return the app's read-only store (tests may override this dependency).

    Async so FastAPI calls it on the event loop instead of handing it to a worker thread."""
    return request.app.state.store


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an http(s) link, else None: article links must never run script."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def outlet_hue(name: str) -> int:
    """Return a stable hue for an outlet, so its colour is the same on every coverage bar."""
    return sum((i + 1) * ord(c) for i, c in enumerate(name)) * 47 % 360


@lru_cache(maxsize=1)
def templates() -> Environment:
    """Return the Jinja2 environment; autoescape is on for every template."""
    env = Environment(
        loader=PackageLoader("newsprism.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["pathpart"] = lambda value: quote(str(value), safe="")
    env.filters["hue"] = outlet_hue
    env.filters["when"] = when_label
    return env
