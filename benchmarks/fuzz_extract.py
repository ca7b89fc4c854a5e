"""Fuzz ``sayso.extract`` with any Unicode text, lone surrogates included, for minutes (not in CI).

    nice -n 10 python benchmarks/fuzz_extract.py --minutes 5 [--out benchmarks/out/fuzz_extract.json]

Properties, on every input: ``extract`` returns (never raises); the report's text is the input with
surrogates replaced one for one; every span reproduces its text (``sayso.report.offset_errors``); the
report validates against the published schema and survives a JSON round trip.
"""

from __future__ import annotations

import json
import sys

from fuzz_common import ANY_TEXT, FuzzRun, parse_args, report, run_for
from hypothesis import given

import sayso
from sayso.read.article import replace_surrogates
from sayso.report import offset_errors, validate

RUN = FuzzRun("extract")


def check_extract(text: str) -> None:
    """The properties every report of every text must have."""
    result = sayso.extract(text)
    assert result.article.text == replace_surrogates(text)[0], "the report's text is not the (cleaned) input"
    errors = offset_errors(result)
    assert not errors, errors[:3]
    validate(result)
    assert json.loads(result.to_json())["article"]["id"] == result.article.id


@given(ANY_TEXT)
def prop_extract(text: str) -> None:
    RUN.tick()
    check_extract(text)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], ["extract"])
    sayso.extract("Warm up, the minister said.")  # model load outside the clock
    run_for(RUN, prop_extract, args.minutes, examples_per_round=100)
    return report([RUN], args.out)


if __name__ == "__main__":
    sys.exit(main())
