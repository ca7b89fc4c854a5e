"""The golden report of the flagship article: the whole report pinned, without any of the article's text.

    python scripts/golden.py check     # diff today's report against the golden file (exit 1 if it differs)
    python scripts/golden.py update    # rewrite the golden file from today's report (review the diff!)

The article (``../shared/seed/xi-putin-reelection.txt``, published 2024-03-18) is third-party text, so the
golden file keeps what the report says about it and never the text: every ``text`` field (the article
itself, quote contents, cue, trigger, mention, date and place words, claim words) and the title are
dropped; offsets, labels, actor names, types, countries, roles, sectors, cue lemmas, event types, modes and
dates stay, with the text's sha256 (``article.id``) to tie it to the article. The test suite runs the
check (tests/test_golden.py); only ``update`` changes the file, and its diff is reviewed like code.
Known errors of the pinned report are listed beside it (``*.known-errors.md``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "xi-putin-reelection.txt"
PUBLISHED = "2024-03-18"
GOLDEN = ROOT / "tests" / "golden" / "xi-putin-reelection.json"
_DROPPED = frozenset({"text", "title"})


def redact(value: Any) -> Any:
    """The report without any words of the article (see the module docstring)."""
    if isinstance(value, dict):
        return {k: (Path(v).name if k == "path" and v else redact(v)) for k, v in value.items() if k not in _DROPPED}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def golden_text(report: dict[str, Any]) -> str:
    """JSON with one record a line, so a diff shows which quote, actor or event changed."""
    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    redacted = redact(report)
    parts = []
    for key in sorted(redacted):
        value = redacted[key]
        if isinstance(value, list) and value:
            items = ",\n".join(f"  {line(item)}" for item in value)
            parts.append(f' {line(key)}: [\n{items}\n ]')
        else:
            parts.append(f" {line(key)}: {line(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def current() -> str:
    import sayso

    text = SEED.read_text(encoding="utf-8")
    return golden_text(sayso.extract(text, published=PUBLISHED, path=str(SEED)).to_dict())


def diff(expected: str, actual: str) -> list[str]:
    return list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "today", lineterm="", n=2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "update"])
    args = parser.parse_args(argv)
    if not SEED.is_file():
        print(f"the flagship article is not at {SEED}", file=sys.stderr)
        return 2
    actual = current()
    if args.command == "update":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
        print(f"wrote {GOLDEN.relative_to(ROOT)}: review its diff before committing")
        return 0
    lines = diff(GOLDEN.read_text(encoding="utf-8"), actual)
    print("\n".join(lines) if lines else "the report matches the golden file")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
