"""The Article: what every reader produces and extraction consumes."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Article:
    text: str
    path: str | None = None  # as given by the user (a file, or "FILE:LINE" / "FILE#RECORD" inside a container)
    published: str | None = None  # ISO date YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    fetched: str | None = None  # when a crawler fetched it (WARC date)
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """sha256 of the exact text: the report's article id."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def key(self) -> str:
        """sha256 of the normalised text (NFKC, whitespace collapsed, case folded): the store's
        deduplication key, so the same story saved twice with other spacing is one article."""
        return hashlib.sha256(normalise_text(self.text).encode("utf-8", "surrogatepass")).hexdigest()


def normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass
class ReadError:
    """A document that could not be read; batches carry on past it."""

    path: str
    reason: str
    record: str | None = None  # a line number, a WARC record id
