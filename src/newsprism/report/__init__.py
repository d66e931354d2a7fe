"""Report: Report -> report.json, report.md, report.html.

    render_json      the contract other tools read (validates against schema/report.schema.json)
    render_markdown  the same content as tables and lists
    render_html      one self-contained page; the web app's story page renders it too
"""

from __future__ import annotations

from pathlib import Path

from newsprism.models import Report
from newsprism.report.html import csp_hashes, render_html
from newsprism.report.json import render_json
from newsprism.report.markdown import render_markdown

__all__ = ["csp_hashes", "render_html", "render_json", "render_markdown", "write_reports"]


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
