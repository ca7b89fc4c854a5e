"""The DuckDB corpus store: numbered migrations, one batch writer, typed queries, export.

Public names (kept stable for the web view and the events commands; see docs/store.md)::

    connect(path, read_only=False)         open + migrate
    store_reports(con, reports)            write hand-built or extracted reports
    rebuild_report(con, article_id)        the stored report, exactly
    iter_reports(con)
    find_quotes(con, QuoteFilter(...))     -> list[QuoteRow]
    top_actors(con, top, actor_type)       -> list[ActorStat]
    source_breakdown(con, speaker)         -> list[SourceStat]
    quote_clusters(con, min_articles)      -> list[ClusterStat]
    list_articles(con, limit, offset)      -> list[ArticleRow]
    resolve_actor(con, name)               -> list[int] (actors.id)
"""

from sayso.store.db import connect, default_db_path, migrate, schema_version
from sayso.store.queries import (
    ActorStat, ArticleRow, ClusterStat, QuoteFilter, QuoteRow, SourceStat, counts, find_quotes, list_articles,
    quote_clusters, resolve_actor, source_breakdown, top_actors,
)
from sayso.store.rebuild import iter_reports, rebuild_report
from sayso.store.writer import StoredReport, StoreWriter, store_reports

__all__ = [
    "ActorStat", "ArticleRow", "ClusterStat", "QuoteFilter", "QuoteRow", "SourceStat", "StoreWriter",
    "StoredReport", "connect", "counts", "default_db_path", "find_quotes", "iter_reports", "list_articles",
    "migrate", "quote_clusters", "rebuild_report", "resolve_actor", "schema_version", "source_breakdown",
    "store_reports", "top_actors",
]
