"""The Article: what every reader produces and extraction consumes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from sayso.tokenizer_guard import long_run_warning

# Surrogate code points are not characters: a str holding one (a JSON "\ud83d" escape, a UTF-16 code unit
# cut in half, a surrogateescape'd file name) cannot be encoded as UTF-8, so spaCy, the JSON output and the
# store all fail on it. Each one is replaced by U+FFFD, one for one, so offsets into the caller's own
# string still hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
_METADATA_FIELDS = ("title", "url", "outlet", "author", "published", "fetched")


def replace_surrogates(value: str) -> tuple[str, int]:
    """``value`` with every surrogate code point replaced by U+FFFD, and how many there were."""
    try:
        value.encode("utf-8")  # the common case: valid, and faster than a regex scan
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", value)
    return value, 0


@dataclass
class Article:
    """One article. Its text and fields are valid Unicode whoever built it (a reader, ``sayso.extract``,
    the web form): lone surrogates are replaced with U+FFFD at construction, with a warning."""

    text: str
    path: str | None = None  # as given by the user (a file, or "FILE:LINE" / "FILE#RECORD" inside a container)
    published: str | None = None  # ISO date YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    fetched: str | None = None  # when a crawler fetched it (WARC date)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        original = self.text
        self.text, count = replace_surrogates(original)
        if count:
            first = _SURROGATE.search(original).start()  # type: ignore[union-attr]
            self.warnings.append(f"{count} lone surrogate(s) (invalid Unicode) in the text replaced with U+FFFD, "
                                 f"the first at character {first}")
        dirty = []
        for name in _METADATA_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                clean, count = replace_surrogates(value)
                if count:
                    setattr(self, name, clean)
                    dirty.append(name)
        if dirty:
            self.warnings.append(f"lone surrogates (invalid Unicode) in {', '.join(dirty)} replaced with U+FFFD")
        if self.path is not None:  # a file name that is not UTF-8 arrives with surrogate escapes
            self.path = replace_surrogates(self.path)[0]
        self.warnings = [replace_surrogates(w)[0] for w in self.warnings]
        if warning := long_run_warning(self.text):
            self.warnings.append(warning)

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

    def __post_init__(self) -> None:
        # Paths and reasons quote file names and record ids, which may hold surrogate escapes.
        self.path = replace_surrogates(self.path)[0]
        self.reason = replace_surrogates(self.reason)[0]
        if self.record is not None:
            self.record = replace_surrogates(self.record)[0]
