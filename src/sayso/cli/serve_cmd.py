"""``sayso serve``: the web view and HTTP API over a corpus database (read-only)."""

from __future__ import annotations

from typing import Annotated

import typer

from sayso.errors import SaysoError
from sayso.settings import Settings


def serve_command(
    db: Annotated[str | None, typer.Option("--db", help="Corpus database (else SAYSO_DB, else sayso.duckdb).")] = None,
    host: Annotated[str, typer.Option(help="Interface to bind; the default keeps the server on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web view and the JSON API (pages at /, API under /api/v1, OpenAPI at /docs)."""
    import uvicorn

    from sayso.web import create_app

    settings = Settings.from_env(db_path=db, host=host, port=port)
    app = create_app(settings.db_path, settings)
    try:  # index the quotes now rather than on the first request
        size = app.state.corpus.quote_index().size
        typer.echo(f"sayso: {settings.db_path}: {size:,} quotes indexed", err=True)
    except SaysoError as exc:
        typer.echo(f"sayso: {exc}; serving the Paste page and the extract API only", err=True)
    typer.echo(f"sayso: serving {settings.db_path} on http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
