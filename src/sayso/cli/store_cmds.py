"""Store commands: ``ingest``, ``quotes``, ``actors``, ``sources``, ``export``, ``sql``. Each parses its
options and calls one function of ``sayso.store``; StoreError reaches the user as one line (main.run)."""

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


class ActorType(str, Enum):
    person = "person"
    organization = "organization"
    country = "country"
    media = "media"
    group = "group"


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


def quotes_command(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or alias ('Xi', 'President Xi').")] = None,
    addressee: Annotated[str | None, typer.Option(help="Addressee name or alias.")] = None,
    via: Annotated[str | None, typer.Option(help="An outlet or person in the source chain.")] = None,
    state_media_only: Annotated[bool, typer.Option("--state-media-only", help="Only quotes carried by state media.")] = False,
    text: Annotated[str | None, typer.Option(help="Words that must all occur in the quote.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    format: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    db: DbOption = None,
) -> None:
    """Search stored quotes by speaker, addressee, source, words and date."""
    from sayso.cli.store_render import render_records
    from sayso.store import QuoteFilter, connect, find_quotes

    for name, value in (("--since", since), ("--until", until)):
        _check_date(name, value)
    con = connect(_db(db), read_only=True)
    try:
        rows = find_quotes(con, QuoteFilter(speaker=speaker, addressee=addressee, via=via,
                                            state_media_only=state_media_only, text=text, since=since,
                                            until=until, limit=limit))
    finally:
        con.close()
    cols = ["published", "outlet", "speaker", "addressee", "via", "text"]
    typer.echo(render_records(rows, format.value, cols, title=f"{len(rows)} quotes"))


def _check_date(name: str, value: str | None) -> None:
    from sayso.read.fields import iso_day

    if value is not None and iso_day(value) != value:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=name)


def actors_command(
    top: Annotated[int, typer.Option(min=1, help="How many actors.")] = 20,
    type: Annotated[ActorType | None, typer.Option("--type", help="person, media, country, organization, group.")] = None,
    format: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    db: DbOption = None,
) -> None:
    """Who is quoted most, in how many articles and outlets."""
    from sayso.cli.store_render import render_records
    from sayso.store import connect, top_actors

    con = connect(_db(db), read_only=True)
    try:
        rows = top_actors(con, top, type.value if type else None)
    finally:
        con.close()
    cols = ["name", "type", "country", "state_media", "quotes", "articles", "outlets"]
    typer.echo(render_records(rows, format.value, cols, title="actors"))


def sources_command(
    speaker: Annotated[str | None, typer.Option(help="One speaker (name or alias); default: every speaker.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    format: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    db: DbOption = None,
) -> None:
    """Per speaker: quotes reaching the reader through state media, independent sources, or no named source."""
    from sayso.cli.store_render import render_records
    from sayso.store import connect, source_breakdown

    con = connect(_db(db), read_only=True)
    try:
        rows = source_breakdown(con, speaker, limit)
    finally:
        con.close()
    cols = ["speaker", "state_media", "independent", "unnamed", "total"]
    typer.echo(render_records(rows, format.value, cols, title="how quotes reach the reader"))


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
    app.command("quotes")(quotes_command)
    app.command("actors")(actors_command)
    app.command("sources")(sources_command)
    app.command("export")(export_command)
    app.command("sql")(sql_command)


