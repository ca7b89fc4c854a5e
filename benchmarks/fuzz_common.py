"""The loop behind the fuzzing jobs (``fuzz_extract.py``, ``fuzz_readers.py``): run Hypothesis properties
in rounds with fresh random seeds until the time is up, count the inputs tried, and collect every
distinct failure (with Hypothesis's shrunk example) instead of stopping at the first.

Not run in CI (tests/test_fuzz_quick.py keeps a few of the same properties at small example counts).
"""

from __future__ import annotations

import argparse
import json
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.reporting import with_reporter

ROOT = Path(__file__).resolve().parents[1]

# Any code point, surrogates included (Hypothesis leaves category Cs out unless asked), plus the
# characters news text and attribution rules care about, so that generated text reaches the rules.
ANY_CHAR = st.one_of(
    st.characters(codec=None, categories=None, exclude_categories=[]),
    st.characters(categories=["Cs"]),
    st.sampled_from(list(" \n\t\r\u00a0\u2028\u200b\ufeff\ufffd\"'“”‘’«»—–-.,:;!?()[]{}<>&@#/\\0123456789")),
)
NEWS_FRAGMENTS = st.sampled_from([
    " said", " told reporters", " according to ", " the minister", " President ", " Ana Ruiz", " Reuters",
    " TASS reported", ' "We will win," ', " “It is over,” ", " she said.", " he added.", " on Monday",
    " in March 2024", " 4.5 percent", " $3 billion", " 1,200 people", " China", " the United States",
    " the talks.", "\n\n", ". ", " (", ") ", " who ", " that ", " Mr. Lee", " The agency", " sources said",
    " warned ", " accused ", " met ", " signed ", " attacked ", " rejected ", " 'No comment,' ",
])
NEWSY_TEXT = st.lists(st.one_of(NEWS_FRAGMENTS, st.text(ANY_CHAR, max_size=12)), max_size=80).map("".join)
# Sentences shaped like attributions (direct, indirect, relayed), with junk inside, so the rules fire.
_SPEAKERS = st.sampled_from(["the minister", "President Xi Jinping", "Ana Ruiz", "a spokesman", "she", "he",
                             "the Kremlin", "Mr. Lee, the mayor,", "officials", "TASS"])
_VERBS = st.sampled_from(["said", "told reporters", "warned", "added", "wrote", "said in a statement",
                          "told TASS", "insisted", "claimed", "accused Moscow"])
_WORDS = st.one_of(st.text(ANY_CHAR, max_size=30), NEWSY_TEXT.map(lambda t: t[:60]),
                   st.sampled_from(["We will win", "the talks failed", "prices rose 5 percent", "no comment"]))
_DIRECT = st.builds(lambda o, w, c, who, verb: f"{o}{w},{c} {who} {verb}.", st.sampled_from(['"', "“", "«", "'", ""]),
                    _WORDS, st.sampled_from(['"', "”", "»", "'", ""]), _SPEAKERS, _VERBS)
_INDIRECT = st.builds(lambda who, verb, w, tail: f"{who.capitalize()} {verb} that {w}{tail}", _SPEAKERS, _VERBS, _WORDS,
                      st.sampled_from([".", ", according to Reuters.", " on Monday, TASS reported.", ""]))
ARTICLE_TEXT = st.lists(st.one_of(_DIRECT, _INDIRECT, NEWSY_TEXT), min_size=1, max_size=12).flatmap(
    lambda parts: st.sampled_from([" ", "\n", "\n\n", ""]).map(lambda sep: sep.join(parts)))
ANY_TEXT = st.one_of(st.text(ANY_CHAR, max_size=400), NEWSY_TEXT, ARTICLE_TEXT)


@dataclass
class FuzzRun:
    """What one job tried and found, written as JSON beside the console summary."""

    target: str
    inputs: int = 0
    rounds: int = 0
    seconds: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)  # signature -> Hypothesis report and traceback

    def tick(self) -> None:
        self.inputs += 1


def _signature(exc: BaseException) -> str:
    """Failures that differ only in their input are one finding: type, message head, innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''} @ {where}"


def run_for(run: FuzzRun, prop: Callable[[], None], minutes: float, examples_per_round: int = 200) -> FuzzRun:
    """Call a ``@given`` property in rounds of ``examples_per_round`` until ``minutes`` have passed."""
    deadline = time.monotonic() + minutes * 60
    start = time.monotonic()
    fuzz_settings = settings(max_examples=examples_per_round, deadline=None, database=None, derandomize=False,
                             suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink],
                             print_blob=False)
    wrapped = fuzz_settings(prop)
    while time.monotonic() < deadline:
        run.rounds += 1
        report: list[str] = []
        try:
            with with_reporter(report.append):
                wrapped()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding to record, not a reason to stop
            key = _signature(exc)
            if key not in run.failures:
                run.failures[key] = "\n".join(report) + "\n" + "".join(traceback.format_exception(exc))[-3000:]
                print(f"[{run.target}] new failure: {key}", flush=True)
    run.seconds = time.monotonic() - start
    return run


def parse_args(description: str, targets: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--minutes", type=float, default=1.0, help="Time per target.")
    parser.add_argument("--target", choices=[*targets, "all"], default="all")
    parser.add_argument("--out", type=Path, default=None, help="Write the findings as JSON here.")
    return parser.parse_args()


def report(runs: list[FuzzRun], out: Path | None) -> int:
    """Print the summary; exit status 1 when anything failed."""
    for run in runs:
        rate = run.inputs / run.seconds if run.seconds else 0.0
        print(f"{run.target}: {run.inputs:,} inputs in {run.seconds / 60:.1f} min ({rate:.0f}/s), "
              f"{len(run.failures)} distinct failure(s)")
        for key, detail in run.failures.items():
            print(f"  - {key}\n{detail}")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps([run.__dict__ for run in runs], indent=2), encoding="utf-8")
    return 1 if any(run.failures for run in runs) else 0
