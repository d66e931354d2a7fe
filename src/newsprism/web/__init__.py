"""Web: the store served as pages and a JSON API (FastAPI), read-only.

    create_app(db_path) -> FastAPI     pages at /, JSON under /api/, OpenAPI at /openapi.json
"""

from __future__ import annotations

from newsprism.web.app import create_app

__all__ = ["create_app"]
