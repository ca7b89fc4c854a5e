"""Compare two runs of sayso over the same articles: what changed, article by article.

Why: a refactor must not change what the product says, and a rule change must show exactly what it
changed. Reports are matched by article id; local actor ids are replaced by the actor they name
(name, type, country) so that a renumbering alone is not a difference.

    python scripts/diff_reports.py before.jsonl after.jsonl [--show 20] [--ids]

Each file holds reports as JSON lines (``sayso extract -f jsonl``) or one JSON report.
``--ids`` also compares the local ids themselves. Exit code 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def read_reports(path: Path) -> dict[str, dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n{" not in stripped.rstrip():
        items = [json.loads(text)]
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {r["article"]["id"]: r for r in items}


def _actor_names(report: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: f"{a['name']}|{a['type']}|{a.get('country') or ''}" for a in report.get("actors", [])}


def _swap_ids(value: Any, names: dict[str, str], keep_ids: bool) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in ("actor", "about", "recipient"):
                if isinstance(v, list):
                    out[k] = [names.get(x, x) for x in v]
                else:
                    out[k] = names.get(v, v) if v is not None else None
            elif k == "id" and not keep_ids:
                continue
            else:
                out[k] = _swap_ids(v, names, keep_ids)
        return out
    if isinstance(value, list):
        return [_swap_ids(v, names, keep_ids) for v in value]
    return value


def canonical(report: dict[str, Any], keep_ids: bool = False) -> dict[str, list[str]]:
    """Each record kind as a sorted list of canonical JSON strings."""
    names = _actor_names(report)
    out: dict[str, list[str]] = {}
    for kind in ("actors", "quotes", "claims", "events"):
        items = [_swap_ids(item, names, keep_ids) for item in report.get(kind, [])]
        out[kind] = sorted(json.dumps(i, sort_keys=True, ensure_ascii=False) for i in items)
    art = dict(report["article"])
    out["article"] = [json.dumps(art, sort_keys=True, ensure_ascii=False)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=10, help="differences printed in full (default 10)")
    parser.add_argument("--ids", action="store_true", help="also compare local ids")
    args = parser.parse_args(argv)
    before, after = read_reports(args.before), read_reports(args.after)
    changed: Counter[str] = Counter()
    shown = 0
    for art_id in sorted(set(before) | set(after)):
        if art_id not in before or art_id not in after:
            changed["article missing"] += 1
            print(f"{art_id[:12]}: only in {'after' if art_id in after else 'before'}")
            continue
        a, b = canonical(before[art_id], args.ids), canonical(after[art_id], args.ids)
        for kind in a:
            gone = sorted(set(a[kind]) - set(b[kind]))
            new = sorted(set(b[kind]) - set(a[kind]))
            if not gone and not new:
                continue
            changed[kind] += len(gone) + len(new)
            if shown < args.show:
                shown += 1
                path = before[art_id]["article"].get("path") or ""
                print(f"--- {art_id[:12]} {path} {kind}: -{len(gone)} +{len(new)}")
                for g in gone:
                    print(f"  - {g}")
                for n in new:
                    print(f"  + {n}")
    total = {k: sum(len(canonical(r)[k]) for r in before.values()) for k in ("actors", "quotes", "claims", "events")}
    print(f"\n{len(before)} / {len(after)} articles; records before: {total}")
    if not changed:
        print("identical")
        return 0
    print("changed records (removed + added):", dict(changed))
    return 1


if __name__ == "__main__":
    sys.exit(main())
