"""Plain text files and stdin: decode robustly, refuse what is not text, warn about what is odd."""

from __future__ import annotations

from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article

MAX_FILE_BYTES = 20 * 1024 * 1024


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text article."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM); invalid bytes are replaced and a warning says so."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        warnings.append(f"{source}: invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD")
    return text, warnings


def article_from_bytes(data: bytes, source: str, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    if not data.strip():
        raise InputError(f"{source}: empty input")
    if len(data) > max_bytes:
        raise InputError(f"{source}: {len(data):,} bytes is over the {max_bytes:,}-byte limit for one article")
    if looks_binary(data):
        raise InputError(f"{source}: looks like a binary file, not text")
    text, warnings = decode_text(data, source)
    return Article(text=text, path=source, warnings=warnings)


def read_text_file(path: str | Path) -> Article:
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return article_from_bytes(data, source)
