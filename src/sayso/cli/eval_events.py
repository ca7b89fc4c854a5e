"""``sayso eval events [FILE]``: per-type P/R/F1 of PLOVER events, country accuracy and swap rate."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sayso.errors import SaysoError


def events(
    path: Annotated[str | None, typer.Argument(help="An event set (JSONL); default: the packaged dev set.")] = None,
    split: Annotated[str | None, typer.Option(help="Score only this split (dev, test).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the sentences scored wrong.")] = False,
    n_process: Annotated[int, typer.Option("--n-process", help="Worker processes for extraction.")] = 1,
) -> None:
    """Score event types, actor/recipient countries and swaps against a sentence set."""
    from sayso.eval.events import evaluate, format_scores, read_set

    try:
        sentences = read_set(path)
        if split:
            sentences = [s for s in sentences if s.split == split]
        scores = evaluate(sentences, n_process=n_process)
    except SaysoError as exc:
        typer.echo(f"sayso: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    if as_json:
        typer.echo(json.dumps({k: v.to_dict() for k, v in scores.items()}, indent=2))
    else:
        typer.echo(format_scores(scores, show_errors=errors))


def register(app: typer.Typer) -> None:
    app.command("events")(events)
