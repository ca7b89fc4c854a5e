"""The JSON API under /api/v1. Lists answer ``{"items": [...], "total": N}``; every parameter is a pydantic
field (422 with a message when malformed); unknown ids answer 404."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from sayso.report import Report
from sayso.web import queries
from sayso.web.deps import cursor, run_extract
from sayso.web.params import ActorQuery, ArticleQuery, EventQuery, ExtractRequest, QuoteQuery, SourceQuery

router = APIRouter(prefix="/api/v1", tags=["api"])

ArticleId = Annotated[str, Path(min_length=1, max_length=64, pattern="^[0-9a-f]+$", description="sha256 of the text")]
ActorId = Annotated[int, Path(ge=0, description="corpus actor id")]
Cursor = Annotated[Any, Depends(cursor)]


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(p: Annotated[ArticleQuery, Query()], cur: Cursor) -> dict[str, Any]:
    items, total = queries.articles(cur, p)
    return _page(items, total, p.limit, p.offset)


@router.get("/articles/{article_id}", summary="One article with its report")
def get_article(article_id: ArticleId, cur: Cursor) -> dict[str, Any]:
    from sayso.store.rebuild import rebuild_report

    if not queries.article_exists(cur, article_id):
        raise HTTPException(404, f"no article {article_id}")
    report: Report = rebuild_report(cur, article_id)
    return {"id": article_id, "actor_ids": queries.article_actor_ids(cur, article_id), "report": report.to_dict()}


@router.get("/quotes", summary="Search quotes", response_class=Response,
            responses={200: {"content": {"application/json": {}}, "description": '{"items": [quote...], "total": N}'}})
async def list_quotes(p: Annotated[QuoteQuery, Query()], request: Request) -> Response:
    # the hot path: runs on the event loop (a search is a few milliseconds of numpy; a hop to the thread
    # pool costs more than it gains under the GIL), no cursor unless a name must be looked up, and the
    # page serialised directly
    items, total = queries.quotes(request.app.state.corpus, p)
    body = json.dumps(_page(items, total, p.limit, p.offset), ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


@router.get("/actors", summary="Actors, most quoted first")
def list_actors(p: Annotated[ActorQuery, Query()], cur: Cursor) -> dict[str, Any]:
    items, total = queries.actors(cur, p)
    return _page(items, total, p.limit, p.offset)


@router.get("/actors/{actor_id}", summary="One actor: profile, latest quotes and events")
def get_actor(actor_id: ActorId, cur: Cursor, request: Request) -> dict[str, Any]:
    found = queries.actor(cur, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    corpus = request.app.state.corpus
    said, n_said = queries.quotes(corpus, QuoteQuery(speaker=str(actor_id), limit=50))
    events, n_events = queries.events(cur, EventQuery(actor=str(actor_id), limit=50))
    return {**found, **queries.actor_profile(corpus, cur, actor_id), "quotes_page": {"items": said, "total": n_said},
            "events_page": {"items": events, "total": n_events}}


@router.get("/sources", summary="Sources ranked by the quotes that reach readers through them")
def list_sources(p: Annotated[SourceQuery, Query()], cur: Cursor) -> dict[str, Any]:
    items, total = queries.sources(cur, p)
    return _page(items, total, p.limit, p.offset)


@router.get("/events", summary="PLOVER events, newest first")
def list_events(p: Annotated[EventQuery, Query()], cur: Cursor) -> dict[str, Any]:
    items, total = queries.events(cur, p)
    return _page(items, total, p.limit, p.offset)


@router.post("/extract", summary="Extract the report of one text (not stored)")
def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    published = body.published.isoformat() if body.published else None
    report = run_extract(request, body.text, published=published, title=body.title)
    return report.to_dict()
