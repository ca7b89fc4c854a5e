"""Articles and the corpus at a glance: the article list, an article's actor ids, quote clusters and
the overview counts."""

from __future__ import annotations

from sayso.query.dates import COUNTED
from sayso.query.filters import ArticleFilter
from sayso.query.records import ArticleRow, ClusterRow, Overview, Page
from sayso.query.sql import Cursor, Where, scalar


def list_articles(cur: Cursor, f: ArticleFilter | None = None) -> Page[ArticleRow]:
    """Stored articles, newest publication first; ``events`` counts counted events only."""
    f = f or ArticleFilter()
    w = Where()
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.story_id is not None:
        w.add("a.story_id = ?", f.story_id)
    w.published(f.since, f.until)
    sql = f"""
        SELECT a.id, a.title, a.published, a.outlet, a.url, a.path, a.story_id,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
               (SELECT count(*) FROM events e WHERE e.article_id = a.id AND {COUNTED})
        FROM articles a{w.sql()}
        ORDER BY a.published DESC NULLS LAST, a.num DESC LIMIT ? OFFSET ?"""
    items = [ArticleRow(*r) for r in cur.execute(sql, [*w.params, f.limit, f.offset]).fetchall()]
    total = scalar(cur, f"SELECT count(*) FROM articles a{w.sql()}", w.params)
    return Page(items, int(total), f.limit, f.offset)


def article_exists(cur: Cursor, article_id: str) -> bool:
    return bool(scalar(cur, "SELECT count(*) FROM articles WHERE id = ?", [article_id]))


def article_actor_ids(cur: Cursor, article_id: str) -> dict[str, int]:
    """Report-local actor id -> corpus actor id, to link an article's mentions to actor pages."""
    return dict(cur.execute("SELECT local_id, actor_id FROM article_actors WHERE article_id = ?", [article_id]).fetchall())


def quote_clusters(cur: Cursor, min_articles: int = 2, limit: int = 50) -> list[ClusterRow]:
    """The same words carried by several articles, most widely carried first."""
    rows = cur.execute(
        "SELECT cluster, text, n_quotes, n_articles, n_outlets, n_stories, first_published FROM quote_clusters"
        " WHERE n_articles >= ? ORDER BY n_articles DESC, n_outlets DESC, cluster LIMIT ?",
        [int(min_articles), int(limit)]).fetchall()
    return [ClusterRow(*r) for r in rows]


def overview(cur: Cursor) -> Overview:
    [row] = cur.execute(f"""
        SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), (SELECT count(*) FROM actors),
               (SELECT count(*) FROM events e WHERE {COUNTED}), (SELECT count(*) FROM claims),
               (SELECT min(published) FROM articles), (SELECT max(published) FROM articles)""").fetchall()
    return Overview(*row)
