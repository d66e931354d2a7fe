"""Report schema: models.Report -> schema/report.schema.json, the JSON Schema shipped with newsprism.

Regenerate after changing models.py::

    .venv/bin/python -m newsprism.report.schema
"""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.models import SCHEMA_VERSION, Report

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "report.schema.json"
SCHEMA_ID = "https://newsprism.invalid/schema/report.schema.json"


def report_schema() -> dict:
    """Return the JSON Schema of report.json, generated from the pydantic models."""
    schema = Report.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "description": f"newsprism report.json, schema_version {SCHEMA_VERSION}; generated from newsprism.models.Report.",
        **schema,
    }


def schema_text() -> str:
    """Return the schema as the exact text shipped in the repository."""
    return json.dumps(report_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def shipped_schema() -> dict:
    """Return the schema file shipped in the package."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def main() -> None:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
