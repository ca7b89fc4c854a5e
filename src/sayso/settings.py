"""One typed settings object: defaults, environment variables and CLI flags all meet here."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB = "sayso.duckdb"
DEFAULT_BATCH_SIZE = 16  # articles per batch: nlp.pipe batch and the unit sent to a worker; it drives
# memory (NLP-NOTES: 247 MiB at 8, 512 MiB at 32)


@dataclass(frozen=True)
class Settings:
    model: str | None = None  # spaCy package name; None = SAYSO_MODEL, then the first installed default
    batch_size: int = DEFAULT_BATCH_SIZE
    db_path: str = DEFAULT_DB
    max_request_bytes: int = 2 * 1024 * 1024  # web: POST bodies above this get 413
    host: str = "127.0.0.1"
    port: int = 8000

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        if os.environ.get("SAYSO_MODEL"):
            values["model"] = os.environ["SAYSO_MODEL"]
        if os.environ.get("SAYSO_DB"):
            values["db_path"] = os.environ["SAYSO_DB"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
