"""How long the CAMEO dictionary matcher takes against the parse it runs on.

    python benchmarks/bench_cameo.py [--corpus FILE.jsonl] [--repeat N] [--batch-size N]

Parses the corpus once with bare ``nlp.pipe`` (the stock model, timed), then times
``sayso.extract.events.cameo.find_candidates`` over the same Docs, and for reference the hand-written
rules' trigger matching (``events.coder._hits``). Loading the compiled dictionary (and the Phoenix tables the
verbal-attack rule reads) is timed apart: it happens once per process. Target (issue 11): event matching
<= 10% of parse time. The default corpus is the 89 VOA stories in ../shared (never copied into the
repository). Timings on a shared machine are noisy: compare the ratio, which is measured in one run.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    import spacy

    from sayso.dictionaries.phoenix import phoenix_actors
    from sayso.dictionaries.verb_index import verb_index
    from sayso.extract.events.cameo import find_candidates
    from sayso.extract.events.coder import _hits
    from sayso.nlp import resolve_model_name

    texts = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [f"Copy {i}.\n\n{t}" if i else t for i in range(args.repeat) for t in texts]
    words = sum(len(t.split()) for t in texts)

    nlp = spacy.load(resolve_model_name())
    nlp("Warm up the pipeline, said the engineer.")
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    parse = time.perf_counter() - start

    start = time.perf_counter()
    verb_index()
    phoenix_actors()
    load = time.perf_counter() - start

    start = time.perf_counter()
    candidates = sum(len(find_candidates(doc)) for doc in docs)
    cameo = time.perf_counter() - start

    start = time.perf_counter()
    hits = sum(len(_hits(doc)) for doc in docs)
    rules = time.perf_counter() - start

    print(f"{len(texts)} documents, {words:,} words")
    print(f"bare nlp.pipe            {parse:8.2f} s")
    print(f"dictionary load (once)   {load:8.2f} s")
    print(f"CAMEO matcher            {cameo:8.2f} s  = {100 * cameo / parse:5.1f}% of parse  ({candidates} candidates)")
    print(f"rule triggers (reference){rules:8.2f} s  = {100 * rules / parse:5.1f}% of parse  ({hits} hits)")


if __name__ == "__main__":
    main()
