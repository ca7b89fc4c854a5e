"""Compile the PETRARCH2 dictionaries into sayso lexicons: deterministic, re-runnable, licence carried.

``compile_all(petrarch_dir, plover_dir, out_dir)`` reads CAMEO.2.0.txt, the three Phoenix actor files
and Phoenix.agents.txt (``petrarch_dir``) and CAMEO2PLOVER-2021.txt (``plover_dir``), and writes
``cameo_verbs.jsonl``, ``phoenix_actors.tsv``, ``phoenix_agents.tsv`` and the licence note
``LICENSE-petrarch-dictionaries.txt`` into ``out_dir``. Each file opens with ``#`` lines naming its
sources (with their sha256) and the MIT notice from ``petrarch_dir/LICENSE``, which must be there: the
licence travels with the data or nothing is written. The same inputs give byte-identical outputs.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sayso.dictionaries.actor_compiler import ACTOR_COLUMNS, AGENT_COLUMNS, actor_rows, agent_rows
from sayso.dictionaries.actor_reader import read_actor_file, read_agent_file
from sayso.dictionaries.cameo_codes import CameoCoder
from sayso.dictionaries.cameo_reader import read_verb_dictionary
from sayso.dictionaries.verb_compiler import compile_verbs
from sayso.errors import InputError

VERB_FILE = "CAMEO.2.0.txt"
ACTOR_FILES = (("c", "Phoenix.Countries.actors.txt"), ("i", "Phoenix.International.actors.txt"),
               ("m", "Phoenix.MilNonState.actors.txt"))
AGENT_FILE = "Phoenix.agents.txt"
PLOVER_FILE = "CAMEO2PLOVER-2021.txt"
LICENSE_FILE = "LICENSE"
LICENSE_NOTE = "LICENSE-petrarch-dictionaries.txt"
OUTPUTS = ("cameo_verbs.jsonl", "phoenix_actors.tsv", "phoenix_agents.tsv", LICENSE_NOTE)

_PROVENANCE = (
    "Compiled by scripts/compile_dictionaries.py (sayso.dictionaries) from the PETRARCH2 dictionaries of the\n"
    "Open Event Data Alliance (github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/). Do not edit\n"
    "by hand: rerun the compiler. The dictionary content is Copyright (c) 2014, 2015 Open Event Data Alliance,\n"
    f"under the MIT licence below (full notice also in {LICENSE_NOTE} beside this file)."
)
_PLOVER_NOTE = (
    "PLOVER type and mode come from CAMEO2PLOVER-2021.txt (Open Event Data Alliance, CC BY-SA 4.0) with the\n"
    "overrides in lexicons/shared/cameo_plover_overrides.tsv; Goldstein scores from cameo_plover.tsv."
)
_SECTOR_NOTE = "Country, entity and PLOVER sector decode the CAMEO codes through lexicons/shared/cameo_sectors.tsv."


@dataclass
class CompileSummary:
    counts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _require(path: Path) -> Path:
    if not path.is_file():
        raise InputError(f"missing dictionary file: {path}")
    return path


def _comment(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def _header(title: str, sources: list[Path], licence: str, notes: tuple[str, ...]) -> str:
    listed = "\n".join(f"  {p.name} sha256 {_sha256(p)}" for p in sources)
    parts = [title, _PROVENANCE, "Sources:\n" + listed, *notes, licence]
    return _comment("\n".join(parts)) + "\n"


def _write(path: Path, header: str, lines: list[str], summary: CompileSummary) -> None:
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    summary.written.append(path)


def compile_all(petrarch_dir: Path, plover_dir: Path, out_dir: Path) -> CompileSummary:
    summary = CompileSummary()
    licence = _require(petrarch_dir / LICENSE_FILE).read_text(encoding="utf-8").strip()
    verb_path = _require(petrarch_dir / VERB_FILE)
    plover_path = _require(plover_dir / PLOVER_FILE)
    actor_paths = [(letter, _require(petrarch_dir / name)) for letter, name in ACTOR_FILES]
    agent_path = _require(petrarch_dir / AGENT_FILE)
    out_dir.mkdir(parents=True, exist_ok=True)

    dictionary = read_verb_dictionary(verb_path)
    records, counts = compile_verbs(dictionary, CameoCoder(plover_path))
    summary.counts.update(counts)
    summary.counts["verb blocks"] = len(dictionary.blocks)
    summary.counts["transformations (not compiled)"] = dictionary.transformations
    summary.warnings += [f"{VERB_FILE} {w}" for w in dictionary.warnings]
    header = _header("CAMEO verb patterns for sayso's dictionary event matcher (sayso.extract.events.cameo); "
                     "record kinds in sayso/dictionaries/verb_compiler.py.", [verb_path, plover_path], licence,
                     (_PLOVER_NOTE,))
    _write(out_dir / OUTPUTS[0], header, [json.dumps(r, ensure_ascii=False) for r in records], summary)

    rows: list[tuple[str, ...]] = []
    for letter, path in actor_paths:
        read = read_actor_file(path)
        summary.warnings += read.warnings
        summary.counts["actor name groups given the next group's codes"] += read.borrowed
        file_rows, file_counts = actor_rows(read.actors, letter)
        rows += file_rows
        summary.counts.update({f"{k} ({path.name})": v for k, v in file_counts.items()})
        summary.counts.update(file_counts)
    header = _header("Phoenix actors: names, date-bounded CAMEO codes, country, entity and PLOVER sector; "
                     "loaded by sayso.dictionaries.phoenix.", [p for _, p in actor_paths], licence, (_SECTOR_NOTE,))
    _write(out_dir / OUTPUTS[1], header, ["\t".join(ACTOR_COLUMNS)] + ["\t".join(r) for r in rows], summary)

    agents, warnings = read_agent_file(agent_path)
    summary.warnings += warnings
    arows, acounts = agent_rows(agents)
    summary.counts.update(acounts)
    header = _header("Phoenix agent nouns (police, protester, minister...) with their CAMEO code and PLOVER sector; "
                     "loaded by sayso.dictionaries.phoenix.", [agent_path], licence, (_SECTOR_NOTE,))
    _write(out_dir / OUTPUTS[2], header, ["\t".join(AGENT_COLUMNS)] + ["\t".join(r) for r in arows], summary)

    note = (
        "The files cameo_verbs.jsonl, phoenix_actors.tsv and phoenix_agents.tsv in this folder are derived from\n"
        "the PETRARCH2 coding dictionaries of the Open Event Data Alliance (CAMEO.2.0.txt and the Phoenix actor\n"
        "and agent dictionaries, github.com/openeventdata/petrarch2) and are distributed under the MIT licence\n"
        "of those dictionaries, reproduced here. sayso's own code and data are under sayso's licence.\n\n"
    )
    path = out_dir / LICENSE_NOTE
    path.write_text(note + licence + "\n", encoding="utf-8")
    summary.written.append(path)
    return summary
