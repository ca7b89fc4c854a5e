"""HTML pages. Each handler validates its parameters (pydantic), runs one or two functions of the query
layer (``sayso.query``, the CLI's too) and renders one template; the article page is built from a
Report, stored or pasted, by the same template."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sayso import query
from sayso.errors import InputError, SaysoError
from sayso.query.filters import event_types
from sayso.report import Actor, Report
from sayso.web import charts
from sayso.web.deps import cursor, run_extract
from sayso.web.params import QuoteQuery, RelationQuery, SourceQuery
from sayso.web.render import article_view

router = APIRouter(include_in_schema=False)
Cursor = Annotated[Any, Depends(cursor)]


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def _query_string(p: Any, drop: tuple[str, ...] = ("offset",)) -> str:
    """The current filters as a query string, for pager links (defaults and blanks left out)."""
    values = {k: v for k, v in p.model_dump().items() if k not in drop and v not in (None, False, "")}
    return urlencode({k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()})


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    corpus = request.app.state.corpus
    if not corpus.available:
        return _render(request, "index.html", {"counts": None, "db": corpus.path})
    cur = corpus.cursor()
    try:
        return _render(request, "index.html", {
            "counts": query.overview(cur), "latest": query.list_articles(cur, query.ArticleFilter(limit=10)).items,
            "speakers": query.list_actors(cur, query.ActorFilter(limit=10)).items, "db": corpus.path,
        })
    finally:
        cur.close()


def _article_page(request: Request, report: Report, ids: dict[str, int] | None, stored: bool,
                  status: int = 200) -> HTMLResponse:
    def href(actor: Actor) -> str | None:
        if ids is None or actor.id not in ids:
            return None
        return f"/actors/{ids[actor.id]}"

    return _render(request, "article.html", {
        "article": report.article, "view": article_view(report, href), "stored": stored,
        "article_id": report.article.id if stored else None,
    }, status)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(article_id: Annotated[str, Path(max_length=64, pattern="^[0-9a-f]+$")], cur: Cursor,
            request: Request) -> HTMLResponse:
    from sayso.store.rebuild import rebuild_report

    if not query.article_exists(cur, article_id):
        raise HTTPException(404, f"No article with id {article_id}.")
    report = rebuild_report(cur, article_id)
    return _article_page(request, report, query.article_actor_ids(cur, article_id), stored=True)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: Annotated[int, Path(ge=0)], cur: Cursor, request: Request,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    profile = query.actor_profile(cur, actor_id)
    if profile is None:
        raise HTTPException(404, f"No actor with id {actor_id}.")
    said = request.app.state.corpus.find_quotes(query.QuoteFilter(speaker=str(actor_id), limit=25, offset=offset))
    events = query.find_events(cur, query.EventFilter(involving=str(actor_id), limit=25))
    return _render(request, "actor.html", {
        "actor": profile.actor, "profile": profile, "quotes": said.items, "page": said, "base_query": "",
        "events": events.items, "n_events": events.total,
    })


@router.get("/search", response_class=HTMLResponse)
def search(p: Annotated[QuoteQuery, Query()], request: Request) -> HTMLResponse:
    found = request.app.state.corpus.find_quotes(p.to_filter())
    return _render(request, "search.html", {
        "p": p, "quotes": found.items, "page": found, "base_query": _query_string(p),
    })


@router.get("/sources", response_class=HTMLResponse)
def sources(p: Annotated[SourceQuery, Query()], cur: Cursor, request: Request) -> HTMLResponse:
    found = query.rank_sources(cur, p.to_filter())
    top = max((s.quotes for s in found.items), default=1)
    return _render(request, "sources.html", {
        "p": p, "sources": found.items, "top": top, "page": found, "base_query": _query_string(p, ("offset", "by")),
    })


@router.get("/relations", response_class=HTMLResponse)
def relations_page(p: Annotated[RelationQuery, Query()], cur: Cursor, request: Request) -> HTMLResponse:
    found = query.edges(cur, p.to_filter())
    timeline = query.timeline(cur, p.a, p.b, p.event_filter()) if p.a and p.b else []
    return _render(request, "relations.html", {
        "p": p, "edges": found, "network": charts.network_svg(found), "timeline": charts.timeline_svg(timeline),
        "timeline_rows": timeline, "event_types": sorted(event_types()),
    })


# --- paste -----------------------------------------------------------------------------------------------

def _paste_form(request: Request, error: str | None = None, status: int = 200, **values: Any) -> HTMLResponse:
    limit_kb = request.app.state.settings.max_request_bytes // 1024
    return _render(request, "paste.html", {"error": error, "max_kb": limit_kb, **values}, status)


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return _paste_form(request)


@router.post("/paste", response_class=HTMLResponse)
async def paste(
    request: Request,
    text: Annotated[str, Form(max_length=6_000_000)] = "",
    file: Annotated[UploadFile | None, File()] = None,
    published: Annotated[str, Form(max_length=20)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    store: Annotated[bool, Form()] = False,
) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sayso.read.text import article_from_bytes

    values = {"text": text, "published": published, "title": title}
    if published.strip():
        try:
            date.fromisoformat(published.strip())
        except ValueError:
            return _paste_form(request, f"{published!r} is not a date (YYYY-MM-DD).", 422, **values)
    if file is not None and file.filename:
        data = await file.read()
        try:
            text = article_from_bytes(data, file.filename).text
        except InputError as exc:
            return _paste_form(request, str(exc), 422, **values)
    if not text.strip():
        return _paste_form(request, "Paste some text or choose a file.", 422, **values)
    report = await run_in_threadpool(run_extract, request, text, published=published.strip() or None,
                                     title=title.strip() or None)
    if store:
        try:
            await run_in_threadpool(request.app.state.corpus.store, report)
        except SaysoError as exc:
            return _paste_form(request, f"Not saved: {exc}", 503, **values)
        return RedirectResponse(f"/articles/{report.article.id}", status_code=303)
    return _article_page(request, report, None, stored=False)
