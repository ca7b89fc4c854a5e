"""Typed read queries over the store. The CLI (``sayso quotes/actors/sources``) and the web view call
these; their names and record fields are a public interface (docs/store.md).

Names match through ``actor_aliases`` ("Xi", "Xi Jinping", "President Xi" -> one actor), resolved first
into a short list of actor ids so the quote lookup is an index probe on ``quotes.speaker_actor_id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from sayso.store.keys import normalise_name

SourceKind = Literal["state_media", "independent", "unnamed"]


@dataclass
class QuoteFilter:
    speaker: str | None = None
    addressee: str | None = None
    via: str | None = None  # an outlet or person in the source chain
    state_media_only: bool = False
    text: str | None = None  # words that must all occur in the quote
    since: str | None = None  # publication date, inclusive
    until: str | None = None
    article_id: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass
class QuoteRow:
    article_id: str
    quote_id: str
    type: str
    text: str
    start_char: int | None
    speaker: str | None  # canonical actor name, else the mention text
    speaker_actor_id: int | None
    addressee: str | None
    via: list[str] = field(default_factory=list)  # nearest source first
    via_state_media: bool = False
    hedged: bool = False
    cue: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    cluster: str | None = None


@dataclass
class ActorStat:
    actor_id: int
    name: str
    type: str
    country: str | None
    state_media: bool
    quotes: int
    articles: int
    outlets: int


@dataclass
class SourceStat:
    actor_id: int
    speaker: str
    state_media: int  # quotes whose chain passes through a state media outlet
    independent: int  # chain of named sources, none of them state media
    unnamed: int  # no named source between the speaker and the article
    total: int


@dataclass
class ClusterStat:
    cluster: str
    text: str
    n_quotes: int
    n_articles: int
    n_outlets: int
    n_stories: int
    first_published: str | None


def resolve_actor(con: duckdb.DuckDBPyConnection, name: str) -> list[int]:
    """Actor ids whose aliases include the normalised name (or its tail, leading titles dropped);
    failing that, aliases containing it."""
    norm = normalise_name(name)
    if not norm:
        return []
    words = norm.split()
    for i in range(len(words)):  # "President Lula" -> "president lula", then "lula"
        alias = " ".join(words[i:])
        rows = con.execute("SELECT DISTINCT actor_id FROM actor_aliases WHERE alias = ?", [alias]).fetchall()
        if rows:
            return [r[0] for r in rows]
    if len(norm) < 3:  # "a" or "xi" as a substring would match half the corpus
        return []
    rows = con.execute("SELECT DISTINCT actor_id FROM actor_aliases WHERE alias LIKE ?", [f"%{norm}%"]).fetchall()
    return [r[0] for r in rows]


# Two stages: find the page of matching quotes with the fewest columns (the speaker filter probes the
# index on quotes.speaker_actor_id, or scans that one integer column for a very frequent speaker), then
# fetch names and source chains for the page's articles only. One query doing both lets DuckDB build
# the joins over every match before the LIMIT: 3-5x slower on a 1M-quote store.
_QUOTE_PAGE = """
SELECT q.article_id, q.local_id
FROM quotes q JOIN articles a ON a.id = q.article_id
{where}
ORDER BY a.published DESC NULLS LAST, q.article_id, q.ord
LIMIT ? OFFSET ?
"""

_QUOTE_DETAILS = """
WITH page AS (
    SELECT * FROM quotes q WHERE q.article_id IN (SELECT unnest(?::VARCHAR[])) {speaker}
)
SELECT q.article_id, q.local_id, q.type, q.content_text, q.start_char,
       coalesce(sa.name, q.speaker_text) AS speaker, q.speaker_actor_id,
       coalesce(aa.name, q.addressee_text) AS addressee,
       (SELECT list(coalesce(va.name, s.text) ORDER BY s.ord) FROM quote_sources s
          LEFT JOIN actors va ON va.id = s.actor_id
         WHERE s.article_id = q.article_id AND s.item_id = q.local_id) AS via,
       q.via_state_media, q.hedged, q.cue_text, a.published, a.outlet, a.title, a.url, q.cluster
FROM page q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actors sa ON sa.id = q.speaker_actor_id
LEFT JOIN actors aa ON aa.id = q.addressee_actor_id
"""


def _id_list(ids: list[int]) -> str:
    """Literal ids (ints only, so no injection): DuckDB probes the index for constant IN lists."""
    return ", ".join(str(int(i)) for i in ids) or "NULL"


def quotes_sql(con: duckdb.DuckDBPyConnection, f: QuoteFilter) -> tuple[str, list[Any]] | None:
    """The SQL and parameters that find one page of matching quotes (article_id, local_id), in order;
    None when a named actor matches nobody."""
    where: list[str] = []
    params: list[Any] = []
    if f.speaker:
        ids = resolve_actor(con, f.speaker)
        if not ids:
            return None
        where.append(f"q.speaker_actor_id IN ({_id_list(ids)})")
    if f.addressee:
        ids = resolve_actor(con, f.addressee)
        if not ids:
            return None
        where.append(f"q.addressee_actor_id IN ({_id_list(ids)})")
    if f.via:
        ids = resolve_actor(con, f.via)
        cond = "lower(s.text) LIKE ?"
        params.append(f"%{f.via.lower()}%")
        if ids:
            cond = f"(s.actor_id IN ({_id_list(ids)}) OR {cond})"
        where.append("EXISTS (SELECT 1 FROM quote_sources s WHERE s.article_id = q.article_id"
                     f" AND s.item_id = q.local_id AND {cond})")
    if f.state_media_only:
        where.append("q.via_state_media")
    for word in (f.text or "").split():
        where.append("q.content_text ILIKE ?")
        params.append(f"%{word}%")
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(f.until)
    if f.article_id:
        where.append("q.article_id = ?")
        params.append(f.article_id)
    sql = _QUOTE_PAGE.format(where=("WHERE " + " AND ".join(where)) if where else "")
    return sql, [*params, int(f.limit), int(f.offset)]


def find_quotes(con: duckdb.DuckDBPyConnection, f: QuoteFilter | None = None) -> list[QuoteRow]:
    f = f or QuoteFilter()
    built = quotes_sql(con, f)
    if built is None:
        return []
    page = [tuple(r) for r in con.execute(*built).fetchall()]
    if not page:
        return []
    speaker = ""
    if f.speaker:  # keeps the details scan as selective as the page query
        speaker = f"AND q.speaker_actor_id IN ({_id_list(resolve_actor(con, f.speaker))})"
    articles = sorted({art for art, _ in page})
    found = {}
    for r in con.execute(_QUOTE_DETAILS.format(speaker=speaker), [articles]).fetchall():
        found[(r[0], r[1])] = QuoteRow(
            article_id=r[0], quote_id=r[1], type=r[2], text=r[3], start_char=r[4], speaker=r[5],
            speaker_actor_id=r[6], addressee=r[7], via=list(r[8] or []), via_state_media=r[9], hedged=r[10],
            cue=r[11], published=r[12], outlet=r[13], title=r[14], url=r[15], cluster=r[16])
    return [found[key] for key in page if key in found]


def top_actors(con: duckdb.DuckDBPyConnection, top: int = 20, actor_type: str | None = None) -> list[ActorStat]:
    """Who is quoted most, and by how many articles and outlets."""
    params: list[Any] = []
    cond = ""
    if actor_type:
        cond = "WHERE ac.type = ?"
        params.append(actor_type)
    sql = f"""
        SELECT ac.id, ac.name, ac.type, ac.country, ac.state_media,
               count(q.local_id) AS n_quotes, count(DISTINCT q.article_id) AS n_articles,
               count(DISTINCT a.outlet) AS n_outlets
        FROM actors ac
        LEFT JOIN quotes q ON q.speaker_actor_id = ac.id
        LEFT JOIN articles a ON a.id = q.article_id
        {cond}
        GROUP BY ac.id, ac.name, ac.type, ac.country, ac.state_media
        ORDER BY n_quotes DESC, n_outlets DESC, ac.name
        LIMIT ?"""
    params.append(int(top))
    return [ActorStat(*r) for r in con.execute(sql, params).fetchall()]


def source_breakdown(con: duckdb.DuckDBPyConnection, speaker: str | None = None, limit: int = 50) -> list[SourceStat]:
    """Per speaker: quotes reaching the reader only through state media, through independent named
    sources, or with no named source at all."""
    cond = "q.speaker_actor_id IS NOT NULL"
    if speaker:
        ids = resolve_actor(con, speaker)
        if not ids:
            return []
        cond = f"q.speaker_actor_id IN ({_id_list(ids)})"
    sql = f"""
        SELECT q.speaker_actor_id, any_value(ac.name),
               count(*) FILTER (WHERE q.via_state_media),
               count(*) FILTER (WHERE NOT q.via_state_media AND q.n_via > 0),
               count(*) FILTER (WHERE q.n_via = 0),
               count(*) AS total
        FROM quotes q JOIN actors ac ON ac.id = q.speaker_actor_id
        WHERE {cond}
        GROUP BY q.speaker_actor_id
        ORDER BY total DESC, any_value(ac.name)
        LIMIT ?"""
    return [SourceStat(*r) for r in con.execute(sql, [int(limit)]).fetchall()]


def quote_clusters(con: duckdb.DuckDBPyConnection, min_articles: int = 2, limit: int = 50) -> list[ClusterStat]:
    """The same words carried by several articles, most widely carried first."""
    rows = con.execute(
        "SELECT cluster, text, n_quotes, n_articles, n_outlets, n_stories, first_published FROM quote_clusters"
        " WHERE n_articles >= ? ORDER BY n_articles DESC, n_outlets DESC, cluster LIMIT ?",
        [int(min_articles), int(limit)]).fetchall()
    return [ClusterStat(*r) for r in rows]


@dataclass
class ArticleRow:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    path: str | None
    story_id: int | None
    n_quotes: int
    n_events: int


def list_articles(con: duckdb.DuckDBPyConnection, limit: int = 50, offset: int = 0,
                  story_id: int | None = None) -> list[ArticleRow]:
    """Stored articles, newest publication first (the web view's index)."""
    cond, params = "", []
    if story_id is not None:
        cond, params = "WHERE a.story_id = ?", [story_id]
    sql = f"""
        SELECT a.id, a.title, a.published, a.outlet, a.url, a.path, a.story_id,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
               (SELECT count(*) FROM events e WHERE e.article_id = a.id)
        FROM articles a {cond}
        ORDER BY a.published DESC NULLS LAST, a.num DESC LIMIT ? OFFSET ?"""
    return [ArticleRow(*r) for r in con.execute(sql, [*params, int(limit), int(offset)]).fetchall()]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables (a store summary)."""
    tables = ("articles", "stories", "actors", "quotes", "claims", "events", "errors")
    return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]
