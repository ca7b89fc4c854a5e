"""Store commands: ``ingest``, ``export``, ``sql``. Each parses its options and calls one function of
``sayso.store``; StoreError reaches the user as one line (main.run). The query commands are in
``cli/query_cmds.py``."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from sayso.cli.options import DbOption, Fmt, published_option


class ExportFmt(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def _db(db: str | None) -> str:
    from sayso.store import default_db_path

    return db or default_db_path()


def _progress_bar(total: int | None):  # noqa: ANN202 - a rich Progress and its update callback
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), TextColumn("{task.fields[status]}"), transient=False,
    )
    task = progress.add_task("ingest", total=total, rate=0.0, status="")
    import time

    start = time.perf_counter()

    def update(summary) -> None:  # noqa: ANN001 - IngestSummary
        elapsed = max(time.perf_counter() - start, 1e-6)
        progress.update(task, completed=summary.processed, rate=summary.processed / elapsed,
                        status=f"new {summary.ingested} dup {summary.duplicates} failed {summary.failed}")

    return progress, update


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders: .txt, .html/.htm, .jsonl(.gz), .warc(.gz).")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Extraction worker processes.")] = 1,
    published: Annotated[str | None, published_option(
        "Publication date YYYY-MM-DD for documents that state none (resolves 'on Monday').")] = None,
    published_from_metadata: Annotated[bool, typer.Option(
        "--published-from-metadata", help="No date in the document: use the WARC fetch date or file date.")] = False,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSONL field holding the title.")] = "title",
    url_field: Annotated[str, typer.Option(help="JSONL field holding the URL.")] = "url",
    published_field: Annotated[str, typer.Option(help="JSONL field holding the publication date.")] = "published",
    outlet_field: Annotated[str, typer.Option(help="JSONL field holding the outlet name.")] = "outlet",
    model: Annotated[str | None, typer.Option(help="spaCy model package.")] = None,
    write_batch: Annotated[int, typer.Option(min=1, help="Articles per transaction (a crash loses at most one batch).")] = 64,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")] = None,
) -> None:
    """Read articles, extract their reports and store them (idempotent; failures go to `errors`)."""
    from sayso.read import FieldMap, ReadOptions, estimate_count
    from sayso.settings import Settings
    from sayso.ingest import IngestOptions, ingest

    fields = FieldMap(text=text_field, title=title_field, url=url_field, published=published_field, outlet=outlet_field)
    options = IngestOptions(db_path=_db(db), workers=workers, write_batch=write_batch, settings=Settings.from_env(model=model),
                            read=ReadOptions(fields=fields, published=published,
                                                     published_from_metadata=published_from_metadata))
    show = sys.stderr.isatty() if progress is None else progress
    if show:
        bar, update = _progress_bar(estimate_count(paths))
        with bar:
            summary = ingest(paths, options, update)
    else:
        summary = ingest(paths, options)
    typer.echo(
        f"ingested {summary.ingested} (of them {summary.linked} linked to a story already stored), "
        f"duplicates skipped {summary.duplicates}, failed {summary.failed}, "
        f"time {summary.seconds:.1f}s -> {options.db_path}", err=True)
    for failure in summary.failures[:20]:
        where = f" (record {failure.record})" if failure.record else ""
        reason = failure.reason if failure.reason.startswith(failure.path) else f"{failure.path}: {failure.reason}"
        typer.echo(f"  failed{where}: {reason}", err=True)
    if summary.failed > 20:
        typer.echo(f"  ... {summary.failed - 20} more in the errors table", err=True)
    if summary.failed:
        raise typer.Exit(1)


def export_command(
    out: Annotated[str, typer.Option("--out", help="Output folder.")],
    format: Annotated[ExportFmt, typer.Option("--format", "-f")] = ExportFmt.parquet,
    db: DbOption = None,
) -> None:
    """Write every table (parquet, csv) or every article's report (jsonl) to a folder."""
    from sayso.store.export import export_store

    files = export_store(_db(db), format.value, out)
    typer.echo(f"wrote {len(files)} file(s) to {out}", err=True)


def sql_command(
    query: Annotated[str, typer.Argument(help="One SELECT statement (the database is opened read-only).")],
    format: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    db: DbOption = None,
) -> None:
    """Run a read-only SQL query on the store."""
    from sayso.cli.store_render import render
    from sayso.store.export import run_sql

    result = run_sql(_db(db), query)
    typer.echo(render(result.columns, result.rows, format.value))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("export")(export_command)
    app.command("sql")(sql_command)


