"""Plain text files and stdin: decode robustly, refuse what is not text, warn about what is odd."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article

MAX_FILE_BYTES = 20 * 1024 * 1024

# A byte-order mark names the encoding for sure (UTF-32 first: its little-endian BOM starts like UTF-16's).
# Windows tools (Notepad's "Unicode", PowerShell's ">") write UTF-16 with a BOM; the codecs drop the BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


# A character that only a valid UTF-8 multi-byte sequence can have produced (not ASCII, not U+FFFD).
_UTF8_MULTIBYTE = re.compile("[^\x00-\x7f\ufffd]")
_ASCII_PROBE = b'<meta charset="x"> The minister said.'


def bom_encoding(data: bytes) -> str | None:
    """The codec named by the byte-order mark at the start of ``data``, if any."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text article."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """UTF-8, or the UTF-16/32 a byte-order mark names. Bytes that are not valid UTF-8 are read as the
    ``declared`` charset (an HTML page's), or, when not one valid multi-byte sequence is in them, as
    Windows-1252, the legacy default for Western text, whose curly quotes would otherwise become U+FFFD
    and take the quotations with them. Otherwise invalid bytes are replaced; a warning says which."""
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    text = data.decode(encoding, errors="replace")
    if encoding == "utf-8":
        guess = None if _UTF8_MULTIBYTE.search(text) else "cp1252"
        for legacy in (declared, guess):
            if legacy and _ascii_compatible(legacy):
                try:
                    return data.decode(legacy), [f"{source}: not UTF-8 (invalid byte at {bad_at}); read as {legacy}"]
                except UnicodeDecodeError:
                    continue
    name = encoding.removesuffix("-sig").upper()
    return text, [f"{source}: invalid {name} at byte {bad_at}; undecodable bytes replaced with U+FFFD"]


def _ascii_compatible(encoding: str) -> bool:
    """Only a codec that reads ASCII as ASCII may stand in for UTF-8 (not UTF-16, not an unknown name)."""
    try:
        return _ASCII_PROBE.decode(encoding) == _ASCII_PROBE.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        return False


def article_from_bytes(data: bytes, source: str, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    if not data.strip():
        raise InputError(f"{source}: empty input")
    if len(data) > max_bytes:
        raise InputError(f"{source}: {len(data):,} bytes is over the {max_bytes:,}-byte limit for one article")
    has_bom = bom_encoding(data) is not None
    if not has_bom and looks_binary(data):
        raise InputError(f"{source}: looks like a binary file, not text")
    text, warnings = decode_text(data, source)
    if not text.strip():
        raise InputError(f"{source}: empty input")
    if has_bom and looks_binary(text[:8192].encode("utf-8")):  # a BOM followed by something that is not text
        raise InputError(f"{source}: looks like a binary file, not text")
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
