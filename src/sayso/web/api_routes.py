"""The JSON API under /api/v1. Lists answer ``{"items": [...], "total": N, "limit": L, "offset": O}``; every
parameter is a pydantic field (422 with a message when malformed); unknown ids answer 404. Each route
calls one function of the query layer (``sayso.query``), the one the CLI calls for the same question."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from sayso import query
from sayso.web.deps import cursor, run_extract
from sayso.web.params import ActorQuery, ArticleQuery, DyadQuery, EventQuery, ExtractRequest, QuoteQuery, SourceQuery

router = APIRouter(prefix="/api/v1", tags=["api"])

ArticleId = Annotated[str, Path(min_length=1, max_length=64, pattern="^[0-9a-f]+$", description="sha256 of the text")]
ActorId = Annotated[int, Path(ge=0, description="corpus actor id")]
Cursor = Annotated[Any, Depends(cursor)]
_JSON = {200: {"content": {"application/json": {}}, "description": "JSON"}}


def as_json(value: Any) -> Response:
    """Query records straight to JSON: a dataclass is its fields (``vars``), no schema pass on the way."""
    return Response(json.dumps(value, default=vars, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


@router.get("/articles", summary="Stored articles, newest first", response_class=Response, responses=_JSON)
def list_articles(p: Annotated[ArticleQuery, Query()], cur: Cursor) -> Response:
    return as_json(query.list_articles(cur, p.to_filter()))


@router.get("/articles/{article_id}", summary="One article with its report")
def get_article(article_id: ArticleId, cur: Cursor) -> dict[str, Any]:
    from sayso.store.rebuild import rebuild_report

    if not query.article_exists(cur, article_id):
        raise HTTPException(404, f"no article {article_id}")
    report = rebuild_report(cur, article_id)
    return {"id": article_id, "actor_ids": query.article_actor_ids(cur, article_id), "report": report.to_dict()}


@router.get("/quotes", summary="Search quotes", response_class=Response, responses=_JSON)
async def list_quotes(p: Annotated[QuoteQuery, Query()], request: Request) -> Response:
    # the hot path: runs on the event loop (a search is a few milliseconds of numpy; a hop to the thread
    # pool costs more than it gains under the GIL), no cursor unless a name must be looked up
    return as_json(request.app.state.corpus.find_quotes(p.to_filter()))


@router.get("/actors", summary="Actors, most quoted first", response_class=Response, responses=_JSON)
def list_actors(p: Annotated[ActorQuery, Query()], cur: Cursor) -> Response:
    return as_json(query.list_actors(cur, p.to_filter()))


@router.get("/actors/{actor_id}", summary="One actor: profile, latest quotes and events", response_class=Response,
            responses=_JSON)
def get_actor(actor_id: ActorId, cur: Cursor, request: Request) -> Response:
    profile = query.actor_profile(cur, actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor {actor_id}")
    said = request.app.state.corpus.find_quotes(query.QuoteFilter(speaker=str(actor_id), limit=50))
    events = query.find_events(cur, query.EventFilter(involving=str(actor_id), limit=50))
    return as_json({**vars(profile), "quotes_page": said, "events_page": events})


@router.get("/sources", summary="Sources ranked by the quotes reaching readers through them, or each speaker's sourcing",
            response_class=Response, responses=_JSON)
def list_sources(p: Annotated[SourceQuery, Query()], cur: Cursor) -> Response:
    if p.by == "speaker":
        return as_json(query.speaker_sources(cur, p.to_filter()))
    return as_json(query.rank_sources(cur, p.to_filter()))


@router.get("/events", summary="PLOVER events, latest first", response_class=Response, responses=_JSON)
def list_events(p: Annotated[EventQuery, Query()], cur: Cursor) -> Response:
    return as_json(query.find_events(cur, p.to_filter()))


@router.get("/dyads", summary="Event counts per actor country, recipient country, type (and period)",
            response_class=Response, responses=_JSON)
def list_dyads(p: Annotated[DyadQuery, Query()], cur: Cursor) -> Response:
    rows = query.dyads(cur, p.to_filter(), p.by)
    return as_json({"items": rows, "total": len(rows)})


@router.post("/extract", summary="Extract the report of one text (not stored)")
def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    published = body.published.isoformat() if body.published else None
    report = run_extract(request, body.text, published=published, title=body.title)
    return report.to_dict()
