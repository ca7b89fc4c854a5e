"""Actor resolution and claim extraction: time over the parse, failures, and what they find.

    python benchmarks/bench_actors.py [--corpus FILE.jsonl] [--limit N] [--show N]

Figures printed: parse time (bare ``nlp.pipe``) vs ActorResolver + resolving every pronoun/name token +
find_claims time on the same docs (the actors share of extraction overhead), documents whose actor step
raised (target 0), actors and claims per document, the share of third-person pronouns ("he", "she",
"his", "her") bound to an actor, and with ``--show`` the actors of the first N documents for eyeballing.
The default corpus is the VOA stories in ../shared (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
PRONOUNS = {"he", "she", "his", "her", "him"}
log = logging.getLogger("bench_actors")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()

    from sayso.extract.actors.links import link
    from sayso.extract.actors.recognize import build_table
    from sayso.extract.actors.session import MentionSession
    from sayso.extract.claims.finder import find_claims
    from sayso.nlp import SAYSO_COMPONENTS, load_pipeline

    logging.basicConfig(level=logging.WARNING)
    lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = [json.loads(ln)["text"] for ln in lines][: args.limit or None]
    nlp = load_pipeline()
    nlp("Warm-up sentence for the model.")

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16, disable=list(SAYSO_COMPONENTS)))
    parse_s = time.perf_counter() - t0

    failures = 0
    n_actors: list[int] = []
    n_claims: list[int] = []
    types: Counter[str] = Counter()
    pron_total = pron_bound = 0
    t0 = time.perf_counter()
    results = []
    for doc in docs:
        try:
            table = build_table(doc)
            session = MentionSession(table)
            claims = find_claims(doc, [], session)
        except Exception:
            log.exception("actors or claims failed")
            failures += 1
            continue
        results.append((doc, table, link(table, [session.log]), claims))
    actors_s = time.perf_counter() - t0
    for doc, table, linked, claims in results:
        actors = linked.actors
        n_actors.append(len(actors))
        n_claims.append(len(claims))
        types.update(a.type for a in actors)
        for tok in doc:
            if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
                pron_total += 1
                pron_bound += table.key_at(tok) is not None
    words = sum(len(d) for d in docs)
    print(f"documents: {len(docs)}  tokens: {words}")
    print(f"parse (nlp.pipe): {parse_s:.2f}s  actors+claims: {actors_s:.2f}s "
          f"({100 * actors_s / parse_s:.1f}% of parse time)")
    print(f"failures: {failures}")
    if n_actors:
        print(f"actors/doc: mean {sum(n_actors) / len(n_actors):.1f} max {max(n_actors)}  by type: {dict(types)}")
        print(f"claims/doc: mean {sum(n_claims) / len(n_claims):.1f} max {max(n_claims)}")
    if pron_total:
        print(f"third-person pronouns bound to an actor: {pron_bound}/{pron_total} ({100 * pron_bound / pron_total:.0f}%)")
    for doc, _, linked, claims in results[: args.show]:
        print("\n---", doc.text[:80].replace("\n", " "))
        for a in linked.actors:
            shown = [doc.text[s:e] for s, e in a.mentions][:6]
            print(f"  {a.id} {a.name!r} {a.type} {a.country} {a.roles} sm={a.state_media} {a.sector} {shown}")
        for c in claims:
            print(f"  {c.text!r} {c.value} {c.unit} about={linked.id_of(c.about)}")


if __name__ == "__main__":
    main()
