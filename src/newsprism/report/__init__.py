"""Report: Report -> report.json, report.md, report.html.

STUB: minimal renderers; the rich Markdown and HTML reports replace these.
"""

from __future__ import annotations

import html
from pathlib import Path

from newsprism.models import Report


def render_json(report: Report) -> str:
    """Return the report as JSON (the contract other tools read)."""
    return report.model_dump_json(indent=2)


def render_markdown(report: Report) -> str:
    """Return the report as Markdown."""
    lines = ["# newsprism report", ""]
    for story in report.stories:
        lines += [f"## {story.title}", "", f"{len(story.article_ids)} articles", ""]
    return "\n".join(lines)


def render_html(report: Report) -> str:
    """Return the report as one self-contained HTML page."""
    body = "".join(f"<h2>{html.escape(s.title)}</h2>" for s in report.stories)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>newsprism report</title></head><body>{body}</body></html>"


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    """Write report.json, report.md and report.html into `out_dir` and return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, render in (("report.json", render_json), ("report.md", render_markdown), ("report.html", render_html)):
        path = out / name
        path.write_text(render(report), encoding="utf-8")
        paths.append(path)
    return paths
