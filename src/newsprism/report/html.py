"""Report HTML: Report -> one self-contained report.html (inline CSS, JS and SVG; nothing fetched).

Jinja2 renders `templates/report.html.j2` with autoescape on, so every piece of article
text is escaped; the article views are built here from escaped pieces. The page's own
<style> and <script> carry `csp_nonce` when the web app sends a nonce-based
Content-Security-Policy; a standalone report carries its own policy (hashes of its one
style and one script), so even a rendering mistake could run nothing and fetch nothing.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsprism.errors import NewsprismError
from newsprism.models import Report
from newsprism.report.view import CATEGORY_NAMES, ArticleView, build_views, segments, when_label

OPEN_ARTICLES_UP_TO = 8
"""Stories with more articles start with them folded, so a 200-article page stays scannable."""

SYMBOLS = {"states": "✓", "contradicts": "✕", "differs": "≠", "omits": "−", "silent": "·"}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when_label
    return env


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """Return one of the inlined static files (report.css, report.js)."""
    return files("newsprism.report").joinpath("static", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def csp_hashes() -> dict[str, str]:
    """Return the CSP source expressions ('sha256-...') of the page's inline script and style."""
    return {"script": _sha256(asset("report.js")), "style": _sha256(asset("report.css"))}


def standalone_csp() -> str:
    """Return the policy a standalone report.html declares for itself: its own script and style, nothing else."""
    h = csp_hashes()
    return f"default-src 'none'; script-src {h['script']}; style-src {h['style']}; img-src data:; base-uri 'none'; form-action 'none'"


def article_html(view: ArticleView) -> Markup:
    """Return the article's clean text, escaped, with each evidence span marked and anchored (s-<article>-<start>)."""
    parts = []
    aid = escape(view.id)
    for seg in segments(view.article.text, view.spans):
        text = escape(seg.text)
        if not seg.marked:
            parts.append(str(text))
            continue
        anchor = f' id="s-{aid}-{seg.anchors[0]}"' if seg.anchors else ""
        starts = " ".join(str(s) for s in seg.starts)
        parts.append(f'<span class="ev"{anchor} data-s="{starts}">{text}</span>')
    return Markup("".join(parts))


def render_html(report: Report, story_id: str | None = None, *, csp_nonce: str | None = None) -> str:
    """Return the report (or one story of it) as one self-contained HTML page.

    Raises NewsprismError NP401 when `story_id` names no story of the report.
    """
    if story_id is not None and not any(s.id == story_id for s in report.stories):
        raise NewsprismError("NP401", story_id=story_id)
    views, loose = build_views(report, story_id)
    html_by_article = {a.id: article_html(a) for v in views for a in v.articles}
    if len(views) == 1:
        title = f"{views[0].story.title} · newsprism"
    else:
        title = f"newsprism report: {len(views)} stories"
    return _env().get_template("report.html.j2").render(
        report=report,
        views=views,
        loose=loose,
        article_html=html_by_article,
        page_title=title,
        css=Markup(asset("report.css")),
        js=Markup(asset("report.js")),
        nonce=csp_nonce,
        meta_csp=None if csp_nonce else standalone_csp(),
        symbols=SYMBOLS,
        category_names=CATEGORY_NAMES,
        open_limit=OPEN_ARTICLES_UP_TO,
    )
