"""``sayso eval polnear DIR``: precision / recall / F1 of attributions against a PolNeAR split."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sayso.errors import SaysoError


def polnear(
    directory: Annotated[str, typer.Argument(help="A PolNeAR split: DIR/text/*.txt and DIR/attributions/*.ann")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles (by file name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    n_process: Annotated[int, typer.Option("--n-process", help="Worker processes for extraction.")] = 1,
) -> None:
    """Score content, cue and source spans (exact and soft) and whole attributions."""
    from sayso.eval.polnear import evaluate, format_scores

    try:
        scores = evaluate(directory, limit=limit, n_process=n_process)
    except SaysoError as exc:
        typer.echo(f"sayso: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(json.dumps(scores.as_dict(), indent=2) if as_json else format_scores(scores))


def register(app: typer.Typer) -> None:
    app.command("polnear")(polnear)
