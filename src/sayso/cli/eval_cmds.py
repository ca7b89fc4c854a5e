"""``sayso eval ...``: scorers against public corpora and our own development sets."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from sayso.cli import eval_events, eval_polnear, eval_wire

    eval_app = typer.Typer(help="Measure accuracy against annotated corpora.", no_args_is_help=True)
    eval_polnear.register(eval_app)
    eval_events.register(eval_app)
    eval_wire.register(eval_app)
    app.add_typer(eval_app, name="eval")
