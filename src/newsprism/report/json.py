"""Report JSON: Report -> report.json, the contract other tools read (names fixed by the foundation issue)."""

from __future__ import annotations

from newsprism.models import Report


def render_json(report: Report) -> str:
    """Return the report as indented JSON; it validates against schema/report.schema.json."""
    return report.model_dump_json(indent=2) + "\n"
