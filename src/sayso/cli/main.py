"""The ``sayso`` command. Each command module registers its commands on ``app``; library errors become
one clear line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import logging
import sys

import typer

from sayso.errors import SaysoError

app = typer.Typer(
    name="sayso",
    help="Who said what, to whom, on whose say-so, and what political actors did to each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main_callback() -> None:
    """Who said what, to whom, on whose say-so, and what political actors did to each other."""


def _register() -> None:
    from sayso.cli import eval_cmds, extract_cmd, query_cmds, serve_cmd, store_cmds

    for module in (extract_cmd, store_cmds, query_cmds, eval_cmds, serve_cmd):
        module.register(app)


_register()


def run() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except SaysoError as exc:
        typer.echo(f"sayso: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("sayso: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    run()
