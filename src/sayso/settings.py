"""One typed settings object: defaults, environment variables and CLI flags all meet here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "sayso.duckdb"


@dataclass(frozen=True)
class Settings:
    model: str | None = None  # spaCy package name; None = SAYSO_MODEL, then the first installed default
    batch_size: int = 16  # nlp.pipe batch: it drives memory (NLP-NOTES: 247 MiB at 8, 512 MiB at 32)
    n_process: int = 1
    max_chars: int = 6_000_000  # a longer text is cut, with a warning (a 5 MB article must still pass)
    db_path: str = DEFAULT_DB
    max_request_bytes: int = 2 * 1024 * 1024  # web: POST bodies above this get 413
    host: str = "127.0.0.1"
    port: int = 8000
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        if os.environ.get("SAYSO_MODEL"):
            values["model"] = os.environ["SAYSO_MODEL"]
        if os.environ.get("SAYSO_DB"):
            values["db_path"] = os.environ["SAYSO_DB"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
