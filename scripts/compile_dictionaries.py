"""Compile the PETRARCH2 CAMEO verb dictionary and the Phoenix actor dictionaries into sayso lexicons.

Run: python scripts/compile_dictionaries.py --petrarch ../shared/data/petrarch --plover ../shared/data/plover
Writes cameo_verbs.jsonl, phoenix_actors.tsv, phoenix_agents.tsv and LICENSE-petrarch-dictionaries.txt into
src/sayso/lexicons/en (or --out DIR) and prints what it compiled. Re-running on the same inputs gives the
same bytes. The work is done by sayso.dictionaries.compile.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from sayso.dictionaries.compile import compile_all
from sayso.errors import SaysoError

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, required=True, help="folder with CAMEO.2.0.txt, the Phoenix files, LICENSE")
    parser.add_argument("--plover", type=Path, required=True, help="folder with CAMEO2PLOVER-2021.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "sayso" / "lexicons" / "en")
    parser.add_argument("--warnings", action="store_true", help="list every line the compiler skipped or fixed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        summary = compile_all(args.petrarch, args.plover, args.out)
    except (SaysoError, OSError) as exc:
        print(f"compile_dictionaries: {exc}", file=sys.stderr)
        return 1
    for key in sorted(summary.counts):
        print(f"{summary.counts[key]:>8}  {key}")
    print(f"{len(summary.warnings):>8}  warnings" + ("" if args.warnings else " (--warnings lists them)"))
    if args.warnings:
        for warning in summary.warnings:
            print("  " + warning)
    for path in summary.written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
