"""CAMEO event codes -> PLOVER type and mode, with the code's Goldstein score.

The mapping is PLOVER's CAMEO2PLOVER-2021.txt (read from the PLOVER folder given to the compiler) with
sayso's documented overrides (``lexicons/shared/cameo_plover_overrides.tsv``: appeals are REQUEST, sanctions
are SANCTION). A code the table does not list takes its parent's mapping (``1824`` -> ``182``); CAMEO 01
(statements) maps to no type: PLOVER dropped it. Goldstein scores come from the packaged
``cameo_plover.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sayso.lexicons import read_tsv

_MAP_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")
_CODE = re.compile(r"^\d{2,4}$")
NULL_CODE = "---"


@dataclass(frozen=True)
class Coded:
    """What one CAMEO code means in PLOVER; ``type`` None = no event (a statement)."""

    cameo: str
    type: str | None
    mode: str | None
    goldstein: float | None


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER-2021.txt; the first line wins."""
    mapping: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _MAP_LINE.match(line.strip())
        if m and m.group(1) not in mapping:
            mapping[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    return mapping


def clean_code(raw: str) -> str | None:
    """A dictionary code as a CAMEO code: digits only ('080!' -> '080'); None when it is none."""
    digits = re.sub(r"[^0-9]", "", raw)
    return digits if _CODE.match(digits) else None


class CameoCoder:
    """Translate CAMEO codes through the PLOVER table, the overrides and the Goldstein scores."""

    def __init__(self, cameo2plover: Path) -> None:
        self.mapping = read_cameo2plover(cameo2plover)
        for row in read_tsv("cameo_plover_overrides.tsv"):
            self.mapping[row[0]] = (row[1], row[2] if len(row) > 2 else "")
        self.goldstein = {row[0]: float(row[2]) for row in read_tsv("cameo_plover.tsv") if len(row) > 2 and row[2]}

    def code(self, cameo: str) -> Coded:
        if cameo.startswith("01"):
            return Coded(cameo, None, None, self._score(cameo))
        key = cameo
        while key and key not in self.mapping:
            key = key[:-1] if len(key) > 2 else ""
        ptype, mode = self.mapping.get(key, ("", ""))
        if "_" in mode:  # 175: the table puts a context ("pro_autocracy") in the mode column
            mode = ""
        return Coded(cameo, ptype or None, mode or None, self._score(cameo))

    def _score(self, cameo: str) -> float | None:
        key = cameo
        while key and key not in self.goldstein:
            key = key[:-1] if len(key) > 2 else ""
        return self.goldstein.get(key)
