"""CAMEO verb dictionary records -> the JSON records of ``lexicons/en/cameo_verbs.jsonl``.

One record a line, three kinds:

- ``synset``: ``name`` ("&ceasefire") and its ``words`` (a phrase is its words joined by spaces);
- ``verb``: a verb ``lemma`` (with ``particles`` for "call off", irregular ``forms``), its ``block`` and the
  event of the bare verb (``cameo``/``type``/``mode``/``goldstein``; all null when the bare verb is no event);
- ``pattern``: a block's pattern over the verb's dependents: ``subject`` and ``object`` terms (a term is
  a noun or a phrase whose last word is its head; ``a/b`` alternatives, ``&set`` a synonym set, a trailing
  ``_`` an exact word), ``preps`` (``prep`` + the ``object`` terms it governs), where the ``actor`` and
  ``recipient`` are when the pattern says so (``subject``, ``object``, ``prep:with``), ``joint``, the
  event (``type`` null = no event: a ``[---]`` exclusion or a CAMEO 01 statement), ``reverse_cameo`` (the
  code PETRARCH gives the same words read the other way, ``[042:043]``; ``[040:040]``, the same code
  both ways, is a joint act) and ``swap`` (``[:054]``: only the other way, the subject is the
  recipient). ``text`` and ``line`` point back to the source pattern. Verbs carry the same code fields.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sayso.dictionaries.cameo_codes import NULL_CODE, CameoCoder, clean_code
from sayso.dictionaries.cameo_reader import Pattern, Prep, Term, Verb, VerbDictionary


def term_text(term: Term) -> str:
    return " ".join(term.words)


def _synsets_used(terms: list[Term]) -> set[str]:
    return {w for t in terms for w in t.words if w.startswith("&")}


def _event(coder: CameoCoder, cameo: str | None) -> dict[str, Any]:
    if cameo is None:
        return {"cameo": None, "type": None, "mode": None, "goldstein": None}
    coded = coder.code(cameo)
    return {"cameo": cameo, "type": coded.type, "mode": coded.mode, "goldstein": coded.goldstein}


def split_code(raw: str) -> tuple[str | None, str | None, bool] | None:
    """A dictionary code as (cameo, reverse_cameo, swap): '---' -> no event, '042:043' -> read both ways,
    ':054' -> only the other way (swap); None when no valid code is written."""
    active, _, passive = raw.strip().partition(":")
    if active.strip() == NULL_CODE:
        return None, None, False
    first, second = clean_code(active), clean_code(passive) if passive else None
    if first is None and second is None:
        return None
    return (first, second, False) if first is not None else (second, None, True)


def verb_record(verb: Verb, coder: CameoCoder) -> dict[str, Any] | None:
    codes = split_code(verb.code)
    if codes is None:
        return None
    cameo, reverse, swap = codes
    return {
        "kind": "verb", "lemma": verb.word, "particles": list(verb.particles), "forms": list(verb.forms),
        "block": verb.block, **_event(coder, cameo), "reverse_cameo": reverse, "swap": swap, "line": verb.line,
    }


def _prep_record(prep: Prep) -> dict[str, Any]:
    return {"prep": prep.prep, "object": [term_text(t) for t in prep.objects], "role": prep.marker}


def _roles(pattern: Pattern) -> tuple[str | None, str | None, bool]:
    """(actor slot, recipient slot, joint) from the pattern's $ + % markers."""
    actor: str | None = None
    recipient: str | None = None
    markers = [("subject", pattern.upper_marker), ("object", pattern.lower_marker)]
    markers += [(f"prep:{p.prep}", p.marker) for p in (*pattern.upper_preps, *pattern.lower_preps)]
    for slot, marker in markers:
        if marker == "actor" and actor is None:
            actor = slot
        elif marker == "recipient" and recipient is None:
            recipient = slot
    joint = any(marker == "joint" for _, marker in markers)
    return actor, recipient, joint


def pattern_record(pattern: Pattern, coder: CameoCoder) -> tuple[dict[str, Any] | None, str]:
    """The record of one pattern, or None and the reason it is dropped."""
    codes = split_code(pattern.code)
    if codes is None:
        return None, "no valid CAMEO code"
    cameo, reverse, swap = codes
    actor, recipient, joint = _roles(pattern)
    return {
        "kind": "pattern", "block": pattern.block,
        "subject": [term_text(t) for t in pattern.upper],
        "object": [term_text(t) for t in pattern.lower],
        "preps": [_prep_record(p) for p in (*pattern.upper_preps, *pattern.lower_preps)],
        "actor": actor, "recipient": recipient, "joint": joint,
        **_event(coder, cameo), "reverse_cameo": reverse, "swap": swap,
        "line": pattern.line, "text": pattern.text,
    }, ""


def compile_verbs(dictionary: VerbDictionary, coder: CameoCoder) -> tuple[list[dict[str, Any]], Counter[str]]:
    """All records in a fixed order (synsets by name, then verbs and patterns in file order) and counts."""
    counts: Counter[str] = Counter()
    records: list[dict[str, Any]] = []
    for name in sorted(dictionary.synsets):
        words = [term_text(t) for t in dictionary.synsets[name]]
        records.append({"kind": "synset", "name": name, "words": words, "exact": name in dictionary.exact_synsets})
        counts["synsets"] += 1
    for verb in dictionary.verbs:
        rec = verb_record(verb, coder)
        if rec is None:
            counts["verbs dropped: no valid code"] += 1
            continue
        records.append(rec)
        counts["verbs"] += 1
        counts["verbs with an event of their own"] += rec["type"] is not None
    known = set(dictionary.synsets)
    for pattern in dictionary.patterns:
        terms = [*pattern.upper, *pattern.lower, *(t for p in (*pattern.upper_preps, *pattern.lower_preps) for t in p.objects)]
        missing = _synsets_used(terms) - known
        if missing:  # PETRARCH ignores a pattern with an undefined set
            counts["patterns dropped: undefined synonym set"] += 1
            continue
        rec, reason = pattern_record(pattern, coder)
        if rec is None:
            counts[f"patterns dropped: {reason}"] += 1
            continue
        records.append(rec)
        counts["patterns"] += 1
        if rec["type"] is None:
            counts["patterns that exclude (no event)"] += 1
    return records, counts
