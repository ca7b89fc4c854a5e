"""Field values from records (JSONL lines, page metadata) cleaned into the Article's forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class FieldMap:
    """Which JSONL keys hold which Article fields (``--text-field body`` and friends)."""

    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    outlet: str = "outlet"
    author: str = "author"


def iso_day(value: object) -> str | None:
    """"2025-03-14 20:30:26Z" -> "2025-03-14"; anything that is not a real date -> None."""
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without "www.": a fair outlet name when the record gives none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
