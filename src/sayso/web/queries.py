"""Read queries the web view needs over the store's tables (schema: store/migrations, docs/store.md).

Why here and not in the store: these are page-shaped reads (a search page with its total, an actor's
profile, the relation graph's edges); the store owns writing and the table layout. Every value reaches
DuckDB as a bound parameter; only fixed SQL fragments chosen by code are joined into the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb

from sayso.store.queries import resolve_actor
from sayso.web.params import ActorQuery, ArticleQuery, EventQuery, QuoteQuery, SourceQuery

if TYPE_CHECKING:
    from sayso.web.corpus import Corpus

Cursor = duckdb.DuckDBPyConnection
Row = dict[str, Any]
MAX_NAME_IDS = 50  # a name matching more actors than this is too vague to filter on each of them


@dataclass
class Where:
    """WHERE clauses and their parameters, built together so they cannot drift apart."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def rows(cur: Cursor, sql: str, params: list[Any] | None = None) -> list[Row]:
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, r)) for r in result.fetchall()]


def one(cur: Cursor, sql: str, params: list[Any] | None = None) -> Row | None:
    found = rows(cur, sql, params)
    return found[0] if found else None


def actor_ids(cur: Cursor, value: str) -> list[int]:
    """An actor id as typed, else the store's alias match ("Xi", "President Xi" -> one actor).
    An empty list means "nobody": the filter then matches nothing."""
    if value.isdigit():
        return [int(value)]
    return resolve_actor(cur, value)[:MAX_NAME_IDS]


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _in(ids: list[int]) -> str:
    """Ids as integer literals (int() leaves no room for injection): DuckDB probes the index for a
    constant IN list, not for bound parameters."""
    return "(" + ",".join(str(int(i)) for i in ids) + ")" if ids else "(NULL)"


def _dates(where: Where, since: Any, until: Any, column: str = "a.published") -> None:
    if since is not None:
        where.add(f"{column} >= ?", since.isoformat())
    if until is not None:
        where.add(f"{column} <= ?", until.isoformat())


# --- overview -------------------------------------------------------------------------------------------

def counts(cur: Cursor) -> Row:
    return one(cur, """
        SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM quotes) AS quotes,
               (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM claims) AS claims,
               (SELECT min(published) FROM articles) AS first, (SELECT max(published) FROM articles) AS last
    """) or {}


def top_speakers(cur: Cursor, limit: int = 10) -> list[Row]:
    return rows(cur, """
        SELECT q.speaker_actor_id AS id, a.name, a.type, a.state_media, count(*) AS quotes
        FROM quotes q JOIN actors a ON a.id = q.speaker_actor_id
        GROUP BY ALL ORDER BY quotes DESC, a.name LIMIT ?
    """, [limit])


# --- articles -------------------------------------------------------------------------------------------

def articles(cur: Cursor, p: ArticleQuery) -> tuple[list[Row], int]:
    where = Where()
    if p.outlet:
        where.add("a.outlet = ?", p.outlet)
    _dates(where, p.since, p.until)
    items = rows(cur, f"""
        SELECT a.id, a.title, a.published, a.outlet, a.url, a.path, a.story_id,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
        FROM articles a{where.sql()}
        ORDER BY a.published DESC NULLS LAST, a.num DESC LIMIT ? OFFSET ?
    """, [*where.params, p.limit, p.offset])
    total = cur.execute(f"SELECT count(*) FROM articles a{where.sql()}", where.params).fetchone()[0]
    return items, int(total)


def article_exists(cur: Cursor, article_id: str) -> bool:
    return cur.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchone()[0] > 0


def article_actor_ids(cur: Cursor, article_id: str) -> dict[str, int]:
    """Report-local actor id -> corpus actor id, to link an article's mentions to actor pages."""
    return dict(cur.execute(
        "SELECT local_id, actor_id FROM article_actors WHERE article_id = ?", [article_id]).fetchall())


# --- quotes ---------------------------------------------------------------------------------------------

def quotes(corpus: Corpus, p: QuoteQuery) -> tuple[list[Row], int]:
    """One page of quotes, newest articles first, each with its source chain, and the total."""
    return corpus.search_quotes(p)


# --- actors ---------------------------------------------------------------------------------------------

def actors(cur: Cursor, p: ActorQuery) -> tuple[list[Row], int]:
    where = Where()
    if p.name:
        where.add("lower(x.name) LIKE ? ESCAPE '\\'", f"%{_like(p.name.lower())}%")
    if p.type:
        where.add("x.type = ?", p.type)
    if p.state_media is not None:
        where.add("x.state_media = ?", p.state_media)
    items = rows(cur, f"""
        WITH said AS (SELECT speaker_actor_id AS id, count(*) AS n FROM quotes
                      WHERE speaker_actor_id IS NOT NULL GROUP BY 1),
             arts AS (SELECT actor_id AS id, count(DISTINCT article_id) AS n FROM article_actors GROUP BY 1)
        SELECT x.id, x.name, x.type, x.country, x.state_media, x.sector,
               coalesce(said.n, 0) AS quotes, coalesce(arts.n, 0) AS articles
        FROM actors x LEFT JOIN said ON said.id = x.id LEFT JOIN arts ON arts.id = x.id{where.sql()}
        ORDER BY quotes DESC, articles DESC, x.name LIMIT ? OFFSET ?
    """, [*where.params, p.limit, p.offset])
    total = cur.execute(f"SELECT count(*) FROM actors x{where.sql()}", where.params).fetchone()[0]
    return items, int(total)


def actor(cur: Cursor, actor_id: int) -> Row | None:
    return one(cur, "SELECT id, name, type, country, state_media, sector FROM actors WHERE id = ?", [actor_id])


def actor_profile(corpus: Corpus, cur: Cursor, actor_id: int) -> Row:
    """Whom the actor addressed, who addressed them, who carried their words, their state-media share."""
    addressed = rows(cur, """
        SELECT q.addressee_actor_id AS id, coalesce(x.name, any_value(q.addressee_text)) AS name, count(*) AS n
        FROM quotes q LEFT JOIN actors x ON x.id = q.addressee_actor_id
        WHERE q.speaker_actor_id = ? AND q.has_addressee GROUP BY q.addressee_actor_id, x.name
        ORDER BY n DESC LIMIT 20
    """, [actor_id])
    addressed_by = rows(cur, """
        SELECT q.speaker_actor_id AS id, x.name, count(*) AS n
        FROM quotes q JOIN actors x ON x.id = q.speaker_actor_id
        WHERE q.addressee_actor_id = ? GROUP BY ALL ORDER BY n DESC LIMIT 20
    """, [actor_id])
    carried_by = rows(cur, """
        SELECT s.actor_id AS id, coalesce(x.name, any_value(s.text)) AS name,
               coalesce(x.state_media, false) AS state_media, count(*) AS n
        FROM quotes q JOIN quote_sources s ON s.article_id = q.article_id AND s.item_id = q.local_id
        LEFT JOIN actors x ON x.id = s.actor_id
        WHERE q.speaker_actor_id = ? GROUP BY s.actor_id, x.name, x.state_media ORDER BY n DESC LIMIT 20
    """, [actor_id])
    share = corpus.quote_index().speaker_share(actor_id)
    return {"addressed": addressed, "addressed_by": addressed_by, "carried_by": carried_by, **share}


# --- sources --------------------------------------------------------------------------------------------

def sources(cur: Cursor, p: SourceQuery) -> tuple[list[Row], int]:
    """Outlets and people ranked by how many quotes reach readers through them (any link of a chain)."""
    where = Where()
    _dates(where, p.since, p.until)
    base = f"""
        SELECT s.actor_id AS id, coalesce(x.name, any_value(s.text)) AS name, coalesce(x.type, '') AS type,
               coalesce(x.state_media, false) AS state_media, count(*) AS quotes,
               count(DISTINCT s.article_id) AS articles, count(*) FILTER (WHERE s.ord = 0) AS nearest
        FROM quote_sources s JOIN articles a ON a.id = s.article_id LEFT JOIN actors x ON x.id = s.actor_id
        {where.sql()}
        GROUP BY s.actor_id, x.name, x.type, x.state_media, CASE WHEN s.actor_id IS NULL THEN lower(s.text) END
    """
    items = rows(cur, f"{base} ORDER BY quotes DESC, name LIMIT ? OFFSET ?", [*where.params, p.limit, p.offset])
    total = cur.execute(f"SELECT count(*) FROM ({base})", where.params).fetchone()[0]
    return items, int(total)


# --- events ---------------------------------------------------------------------------------------------

def events(cur: Cursor, p: EventQuery) -> tuple[list[Row], int]:
    where = Where()
    if p.type:
        where.add("e.type = ?", p.type.upper())
    if p.actor:
        ids = actor_ids(cur, p.actor)
        where.add(f"""EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = e.article_id
                      AND ea.event_id = e.local_id AND ea.actor_id IN {_in(ids)})""")
    _dates(where, p.since, p.until, "coalesce(e.date_start, a.published)")
    items = rows(cur, f"""
        SELECT e.article_id, e.local_id AS event_id, e.type, e.mode, e.trigger_text AS trigger,
               coalesce(e.date_start, a.published) AS date, e.negated, e.modality, e.hedged, e.cameo,
               e.intensity, a.title,
               substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence,
               (SELECT list({{'id': ea.actor_id, 'name': coalesce(x.name, ea.local_actor)}} ORDER BY ea.ord)
                  FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id
                  WHERE ea.article_id = e.article_id AND ea.event_id = e.local_id AND ea.role = 'actor') AS actor,
               (SELECT list({{'id': ea.actor_id, 'name': coalesce(x.name, ea.local_actor)}} ORDER BY ea.ord)
                  FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id
                  WHERE ea.article_id = e.article_id AND ea.event_id = e.local_id AND ea.role = 'recipient') AS recipient
        FROM events e JOIN articles a ON a.id = e.article_id{where.sql()}
        ORDER BY date DESC NULLS LAST, e.article_id, e.ord LIMIT ? OFFSET ?
    """, [*where.params, p.limit, p.offset])
    total = cur.execute(f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where.sql()}",
                        where.params).fetchone()[0]
    for item in items:
        item["actor"] = item["actor"] or []
        item["recipient"] = item["recipient"] or []
    return items, int(total)
