"""The real PETRARCH2 dictionaries (../shared): the compile's counts, known entries, and that the packaged
lexicons are exactly what the compiler makes of them."""

from __future__ import annotations

import json
from importlib import resources

from tests.conftest import SHARED, needs_shared
from sayso.dictionaries.compile import OUTPUTS, compile_all

PETRARCH = SHARED / "data" / "petrarch"
PLOVER = SHARED / "data" / "plover"


@needs_shared
def test_real_dictionaries_compile_to_the_packaged_lexicons(tmp_path):
    summary = compile_all(PETRARCH, PLOVER, tmp_path)
    counts = summary.counts
    assert counts["verb blocks"] == 397 and counts["verbs"] == 1779 and counts["synsets"] == 40
    assert counts["patterns"] == 4666 and counts["patterns dropped: undefined synonym set"] == 2
    assert counts["actors"] > 27000 and counts["codes"] > 37000 and counts["agent nouns"] > 5000
    packaged = resources.files("sayso.lexicons").joinpath("en")
    for name in OUTPUTS:  # the shipped files are the compiler's output, byte for byte
        assert (tmp_path / name).read_bytes() == packaged.joinpath(name).read_bytes(), name

    records = [json.loads(line) for line in (tmp_path / "cameo_verbs.jsonl").read_text().splitlines()
               if not line.startswith("#")]
    verbs = {(r["lemma"], tuple(r["particles"])): r for r in records if r["kind"] == "verb"}
    assert verbs[("attack", ())]["type"] == "ASSAULT" and verbs[("attack", ())]["cameo"] == "190"
    assert verbs[("call", ("off",))]["type"] == "SANCTION"
    impose = [r for r in records if r["kind"] == "pattern" and r["text"].startswith("- * SANCTIONS ")]
    assert impose and all(r["type"] == "SANCTION" for r in impose if r["cameo"] == "163")

    putin = [line.split("\t") for line in (tmp_path / "phoenix_actors.tsv").read_text().splitlines()
             if line.startswith("c39559\t")]
    assert putin[0][1] == "vladimir putin"
    assert ["RUSGOV", "RUS", "", "GOV", "", "2008-05-08", ""] == putin[3][3:]
