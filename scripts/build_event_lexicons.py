"""Rebuild the PLOVER/CAMEO lexicons in src/sayso/lexicons from the source tables in ../shared/data.

Run: python scripts/build_event_lexicons.py [--shared PATH]
Writes cameo_plover.tsv (CAMEO code -> name, Goldstein score, PLOVER type and mode) and plover_types.tsv
(PLOVER type/mode -> PLOVER conflict-cooperation score). Only codes, names, scores and mappings are
copied; no example sentences or manual text.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "sayso" / "lexicons" / "shared"

CAMEO_HEADER = """# CAMEO event codes with their Goldstein scores and the PLOVER type and mode each maps to.
# Derived by scripts/build_event_lexicons.py from:
#   - cameo-codes.csv of the icews R package by Andreas Beger (MIT licence): code, name, goldstein;
#   - CAMEO2PLOVER-2021.txt of the Open Event Data Alliance's PLOVER (CC BY-SA 4.0): type, mode.
# This file is therefore shared under CC BY-SA 4.0. Do not edit by hand: rerun the script.
"""

PLOVER_HEADER = """# PLOVER event types and modes with the PLOVER conflict-cooperation score (-10..10).
# Derived by scripts/build_event_lexicons.py from the score table of PLOVER_MANUAL.tex (Draft 2.0),
# Open Event Data Alliance, CC BY-SA 4.0. An empty mode is the type's default score.
# This file is therefore shared under CC BY-SA 4.0. Do not edit by hand: rerun the script.
"""

_MAP_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)")
_SCORE_CELL = re.compile(r"(?:\\cellcolor\{[^}]*\})?\s*([A-Z]+)(?::\s*([A-Za-z-]+))?\s*$")


def read_mapping(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode); the first line wins when a code is listed twice."""
    mapping: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _MAP_LINE.match(line.strip())
        if m and m.group(1) not in mapping:
            mapping[m.group(1)] = (m.group(2), m.group(3).strip())
    return mapping


def read_scores(path: Path) -> list[tuple[str, str, float]]:
    """Rows of the manual's score table: cells come in (category[: mode], score) pairs."""
    text = path.read_text(encoding="utf-8")
    start = text.index("caption{PLOVER conflict--cooperation scores}", text.index("Numeric conflict/cooperation"))
    start = text.index("\\hline", text.index("\\textbf{Score}", start))
    table = text[start : text.index("\\end{tabular}", start)]
    rows: list[tuple[str, str, float]] = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().rstrip("\\").split("&")]
        for name, score in zip(cells[0::2], cells[1::2]):
            m = _SCORE_CELL.match(name.strip())
            value = re.sub(r"\\cellcolor\{[^}]*\}", "", score).strip()
            if m and value:
                rows.append((m.group(1), (m.group(2) or "").lower(), float(value)))
    return rows


def build(shared: Path) -> None:
    mapping = read_mapping(shared / "plover" / "CAMEO2PLOVER-2021.txt")
    out = [CAMEO_HEADER + "cameo\tname\tgoldstein\troot\tplover_type\tplover_mode"]
    with (shared / "cameo" / "cameo-codes.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            ptype, mode = mapping.get(code, ("", ""))
            out.append("\t".join([code, row["name"].strip(), row["goldstein"], row["root_code"], ptype, mode]))
    (LEXICONS / "cameo_plover.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    scores = read_scores(shared / "plover" / "PLOVER_MANUAL.tex")
    lines = [PLOVER_HEADER + "type\tmode\tscore"] + [f"{t}\t{m}\t{s:g}" for t, m, s in scores]
    (LEXICONS / "plover_types.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(out) - 1} CAMEO codes and {len(scores)} PLOVER scores to {LEXICONS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    build(parser.parse_args().shared)


if __name__ == "__main__":
    main()
