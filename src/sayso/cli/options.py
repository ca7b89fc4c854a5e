"""Options shared by the commands that read the corpus store."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


def _iso_date(value: str | None) -> str | None:
    if value:
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None
    return value


DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: $SAYSO_DB, else sayso.duckdb).")]


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def published_option(help: str) -> object:  # noqa: A002 - typer's own parameter name
    """``--published YYYY-MM-DD``, checked before any work starts."""
    return typer.Option("--published", help=help, callback=_iso_date)
