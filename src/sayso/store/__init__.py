"""The DuckDB corpus store: numbered migrations, one batch writer, export. Reading questions (quotes,
actors, sources, events) are the query layer's: ``sayso.query`` (docs/query.md).

Public names (see docs/store.md)::

    connect(path, read_only=False)         open + migrate
    store_reports(con, reports)            write hand-built or extracted reports
    rebuild_report(con, article_id)        the stored report, exactly
    iter_reports(con)
"""

from sayso.store.db import connect, default_db_path, migrate, schema_version
from sayso.store.rebuild import iter_reports, rebuild_report
from sayso.store.writer import StoredReport, StoreWriter, store_reports

__all__ = [
    "StoreWriter", "StoredReport", "connect", "default_db_path", "iter_reports", "migrate", "rebuild_report",
    "schema_version", "store_reports",
]
