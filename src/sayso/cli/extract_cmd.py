"""``sayso extract``: one or more articles to reports (json, jsonl or a readable table)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from sayso.api import extract_many
from sayso.cli.options import published_option
from sayso.errors import InputError
from sayso.read.article import Article, ReadError
from sayso.read.text import article_from_bytes
from sayso.report import Report
from sayso.settings import Settings


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def read_inputs(paths: list[str], published: str | None) -> Iterator[Article | ReadError]:
    """Text files and ``-`` (stdin); other formats go through the corpus readers when available."""
    from sayso.read import iter_articles

    for path in paths:
        if path == "-":
            try:
                article = article_from_bytes(sys.stdin.buffer.read(), "<stdin>")
                article.path = None
            except InputError as exc:
                yield ReadError("-", str(exc))
                continue
            if published:
                article.published = published
            yield article
            continue
        for item in iter_articles([path]):
            if isinstance(item, Article) and published:
                item.published = published
            yield item


def render_table(report: Report) -> str:
    """speaker -> addressee, via which sources, the words: one block per quote."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    table = Table(title=report.article.title or report.article.path or report.article.id[:12], show_lines=True)
    for col in ("speaker", "→ addressee", "via", "type", "words"):
        table.add_column(col, overflow="fold")

    def name(ref) -> str:  # noqa: ANN001
        if ref is None:
            return "—"
        actor = report.actor(ref.actor)
        return actor.name if actor else ref.text

    for q in report.quotes:
        chain = " ← ".join(
            name(v) + (" [state media]" if (a := report.actor(v.actor)) and a.state_media else "") for v in q.via
        )
        kind = q.type + (" (hedged)" if q.hedged else "")
        table.add_row(name(q.speaker), name(q.addressee), chain or "—", kind, q.content.text)
    out = StringIO()
    Console(file=out, width=120, force_terminal=False).print(table)
    if report.claims:
        out.write("claims: " + "; ".join(f"{c.text} ({c.unit})" for c in report.claims) + "\n")
    if report.events:
        for ev in report.events:
            who = ", ".join(a.name for i in ev.actor if (a := report.actor(i)))
            whom = ", ".join(a.name for i in ev.recipient if (a := report.actor(i)))
            flags = [f for f, on in (("negated", ev.negated), (ev.modality, bool(ev.modality)),
                                     (f"x{ev.count}", bool(ev.count)), ("hedged", ev.hedged)) if on]
            when = f" {ev.date.start}" + (f"..{ev.date.end}" if ev.date.end != ev.date.start else "") if ev.date else ""
            note = f" [{', '.join(str(f) for f in flags)}]" if flags else ""
            out.write(f"event: {who or '?'} -> {whom or '?'}: {ev.type} ({ev.mode}) '{ev.trigger.text}'{when}{note}\n")
    for w in report.article.warnings:
        out.write(f"warning: {w}\n")
    return out.getvalue()


def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Article files (txt, html, jsonl, warc); '-' reads stdin.")],
    format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="json (one input), jsonl (several), table.")] = None,
    published: Annotated[str | None, published_option("Publication date YYYY-MM-DD (resolves 'on Monday').")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package (else SAYSO_MODEL, else en_core_web_sm).")] = None,
    n_process: Annotated[int, typer.Option("--processes", "-j", min=1, help="Worker processes.")] = 1,
) -> None:
    """Extract who said what to whom, on whose say-so, from articles."""
    settings = Settings.from_env(model=model)
    fmt = format or (OutputFormat.json if len(paths) == 1 else OutputFormat.jsonl)
    failures: list[ReadError] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, published):
            if isinstance(item, ReadError):
                failures.append(item)
                where = "" if item.reason.startswith(item.path) else f" {item.path}"
                where += f" (record {item.record})" if item.record else ""
                typer.echo(f"sayso: skipped{where}: {item.reason}", err=True)
            else:
                yield item

    for report in extract_many(articles(), n_process=n_process, settings=settings):
        if fmt is OutputFormat.json:
            typer.echo(report.to_json(indent=2))
        elif fmt is OutputFormat.jsonl:
            typer.echo(report.to_json())
        else:
            typer.echo(render_table(report))
    if failures:
        typer.echo(f"sayso: {len(failures)} input(s) failed", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
