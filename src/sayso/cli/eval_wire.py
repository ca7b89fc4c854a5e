"""``sayso eval wire``: recall, precision, speaker, addressee and via of attributions on wire copy."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sayso.errors import SaysoError


def wire(
    gold: Annotated[str | None, typer.Option(help="A wire gold file (JSONL); default: the packaged gold.")] = None,
    voa: Annotated[str | None, typer.Option(help="The VOA stories (JSONL); default: ../shared/data/voa/voa_stories.jsonl.")] = None,
    split: Annotated[str, typer.Option(help="dev (tune on it), holdout (score once) or all.")] = "dev",
    details: Annotated[bool, typer.Option("--details", help="List every miss and error with its offsets.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    n_process: Annotated[int, typer.Option("--n-process", help="Worker processes for extraction.")] = 1,
) -> None:
    """Score the product's quotes, speakers, addressees and via chains against the hand-checked wire gold."""
    from sayso.eval.wire import SPLITS, default_voa_path
    from sayso.eval.wire_scores import evaluate, format_details, format_scores

    if split not in SPLITS:
        typer.echo(f"sayso: --split must be one of {', '.join(SPLITS)}, not {split!r}", err=True)
        raise typer.Exit(2)
    try:
        scores, results, warnings = evaluate(split, gold_path=gold, voa_path=voa or default_voa_path(),
                                             n_process=n_process)
    except SaysoError as exc:
        typer.echo(f"sayso: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    for line in warnings:
        typer.echo(f"sayso: {line}", err=True)
    if not results:
        typer.echo("sayso: no gold story of this split could be scored", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
        return
    typer.echo(format_scores(scores, split))
    if details:
        typer.echo("")
        typer.echo(format_details(results))


def register(app: typer.Typer) -> None:
    app.command("wire")(wire)
