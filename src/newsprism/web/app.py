"""The FastAPI app: pages, the JSON API, security headers and error pages.

Article text is untrusted. Templates escape everything (Jinja2 autoescape), links from
articles are kept only when they are http(s), and every response carries a
Content-Security-Policy that runs only our own script files; the story page, which embeds
the report template's inline script, allows it by a per-response nonce. Errors become
404/422 pages or JSON, never a stack trace.
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.store import Store
from newsprism.web.deps import templates

log = logging.getLogger(__name__)

BASE_CSP = (
    "default-src 'none'; script-src 'self'{script_nonce}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def content_security_policy(nonce: str | None = None) -> str:
    """Return the CSP header value: our script files only, plus inline scripts carrying `nonce` if given."""
    return BASE_CSP.format(script_nonce=f" 'nonce-{nonce}'" if nonce else "")


class SecurityHeaders:
    """ASGI middleware adding CSP and friends to every response that does not set its own CSP."""

    def __init__(self, app) -> None:
        self.app = app
        self.csp = content_security_policy().encode()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", self.csp))
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_page(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    html = templates().get_template("error.html").render(status=status, title=title, detail=detail)
    return HTMLResponse(html, status_code=status)


def create_app(db_path: str | Path, store: Store | None = None) -> FastAPI:
    """Return the web app serving the store at `db_path`, opened read-only (or `store`, if given)."""
    store = store or Store(db_path, read_only=True, threads=1)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="newsprism",
        summary="Stories, articles, outlets and their comparison, from a newsprism store.",
        version="1.0",
        docs_url=None,  # the interactive docs load scripts from a CDN; OpenAPI stays at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if _wants_json(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return error_page(request, exc.status_code, "Not found" if exc.status_code == 404 else "Error", detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        text = "; ".join(f"{'.'.join(p['loc'][1:]) or 'request'}: {p['msg']}" for p in problems)
        return error_page(request, 422, "Bad request", text)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        if _wants_json(request):
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return error_page(request, 500, "Error", "Something went wrong on our side.")

    from newsprism.web.routes import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("newsprism.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(SecurityHeaders)
    return app


DB_ENV = "NEWSPRISM_SERVE_DB"


def app_from_env() -> FastAPI:
    """App factory for multi-process serving (`uvicorn --factory`): each worker opens the store named by $NEWSPRISM_SERVE_DB."""
    return create_app(os.environ[DB_ENV])
