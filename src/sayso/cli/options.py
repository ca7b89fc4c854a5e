"""Options shared by the commands that read the corpus store."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: $SAYSO_DB, else sayso.duckdb).")]


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
