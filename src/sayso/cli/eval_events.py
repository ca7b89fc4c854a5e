"""Commands registered by the issue that owns them."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
