"""The app factory: one FastAPI app serving the HTML pages and the JSON API over one corpus database.

Why a factory: tests and the benchmark build apps over their own temporary databases; nothing is read
from module globals. The database is opened read-only and lazily (see ``web/corpus.py``), so the Paste
page and ``POST /api/v1/extract`` work without any database.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from sayso import __version__
from sayso.errors import SaysoError
from sayso.query import QueryError
from sayso.settings import Settings
from sayso.web.corpus import Corpus
from sayso.web.limits import BodyLimitMiddleware

log = logging.getLogger(__name__)

_HEADINGS = {400: "Bad request", 404: "Not found", 413: "Too large", 422: "Invalid parameters",
             500: "Server error", 503: "No corpus"}


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("sayso.web").joinpath(name)))


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | None = None, settings: Settings | None = None) -> FastAPI:
    """An app over the corpus at ``db_path`` (default: the settings' ``db_path``)."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="sayso",
        version=__version__,
        description="Who said what, to whom, on whose say-so: quotes, sources, actors and events from news.",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.corpus = Corpus(db_path or settings.db_path)
    templates = Jinja2Templates(directory=str(_package_dir("templates")))
    templates.env.globals["version"] = __version__
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(_package_dir("static"))), name="static")
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse | JSONResponse:
        if _wants_html(request):
            return templates.TemplateResponse(
                request, "error.html",
                {"status": status, "heading": _HEADINGS.get(status, "Error"), "message": message},
                status_code=status,
            )
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> HTMLResponse | JSONResponse:
        return error_page(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse | JSONResponse:
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(QueryError)
    async def on_query_error(request: Request, exc: QueryError) -> HTMLResponse | JSONResponse:
        # a filter value that means nothing (an unknown event type): the reader's to fix
        return error_page(request, 422, str(exc))

    @app.exception_handler(SaysoError)
    async def on_sayso_error(request: Request, exc: SaysoError) -> HTMLResponse | JSONResponse:
        # a missing or unreadable database, a missing model: the user's setup, said in one line
        return error_page(request, 503, str(exc))

    from sayso.web import api_routes, pages

    app.include_router(api_routes.router)
    app.include_router(pages.router)
    return app
