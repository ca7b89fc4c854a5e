"""Report -> table rows. One function per record kind; ``report_rows`` gathers them per table.

Every field of the report lands in a column so ``rebuild.py`` can give the report back exactly; a few
derived columns (canonical actor ids, chain length, state-media flag, cluster key) make queries cheap.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sayso.read.article import normalise_text
from sayso.report import ActorRef, Report, Via
from sayso.store.keys import actor_id, actor_key, aliases, cluster_key, hash_id

Row = dict[str, Any]
Rows = dict[str, list[Row]]


def article_key(text: str) -> str:
    import hashlib

    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def _ref_cols(prefix: str, ref: ActorRef | None, ids: dict[str, int]) -> Row:
    if ref is None:
        return {f"{prefix}_local": None, f"{prefix}_actor_id": None, f"{prefix}_text": None,
                f"{prefix}_start": None, f"{prefix}_end": None, f"has_{prefix}": False}
    return {f"{prefix}_local": ref.actor, f"{prefix}_actor_id": ids.get(ref.actor) if ref.actor else None,
            f"{prefix}_text": ref.text, f"{prefix}_start": ref.span[0], f"{prefix}_end": ref.span[1],
            f"has_{prefix}": True}


def _source_rows(article_id: str, item_id: str, vias: list[Via], ids: dict[str, int]) -> list[Row]:
    return [
        {"article_id": article_id, "item_id": item_id, "ord": i, "local_actor": v.actor,
         "actor_id": ids.get(v.actor) if v.actor else None, "text": v.text,
         "start_char": v.span[0], "end_char": v.span[1],
         "cue_text": v.cue.text if v.cue else None,
         "cue_start": v.cue.span[0] if v.cue else None, "cue_end": v.cue.span[1] if v.cue else None}
        for i, v in enumerate(vias)
    ]


def _actor_rows(report: Report, out: Rows) -> dict[str, int]:
    """Canonical actors + aliases + the report's own actor rows; returns local id -> canonical id."""
    art_id, text = report.article.id, report.article.text
    ids: dict[str, int] = {}
    ref_texts: dict[str, list[str]] = defaultdict(list)
    for q in report.quotes:
        for ref in (q.speaker, q.addressee, *q.via):
            if ref is not None and ref.actor:
                ref_texts[ref.actor].append(ref.text)
    for ord_, a in enumerate(report.actors):
        gid = actor_id(a.name, a.country, a.type)
        ids.setdefault(a.id, gid)
        mention_texts = [text[s:e] for s, e in a.mentions]
        out["actors"].append({"id": gid, "actor_key": actor_key(a.name, a.country, a.type), "name": a.name,
                              "type": a.type, "country": a.country, "state_media": a.state_media,
                              "sector": a.sector})
        for alias in aliases(a.name, a.type, a.roles, mention_texts + ref_texts.get(a.id, [])):
            out["actor_aliases"].append({"actor_id": gid, "alias": alias})
        out["article_actors"].append({"article_id": art_id, "local_id": a.id, "ord": ord_, "actor_id": gid,
                                      "name": a.name, "type": a.type, "country": a.country,
                                      "roles": list(a.roles), "state_media": a.state_media, "sector": a.sector})
        for i, (s, e) in enumerate(a.mentions):
            out["mentions"].append({"article_id": art_id, "local_actor": a.id, "actor_id": gid, "ord": i,
                                    "start_char": s, "end_char": e, "text": text[s:e]})
    return ids


def report_rows(report: Report, *, fetched: str | None = None, story_id: int | None = None) -> Rows:
    """All rows of one report, keyed by table name (articles row included)."""
    out: Rows = defaultdict(list)
    art = report.article
    out["articles"].append({
        "id": art.id, "key": article_key(art.text), "story_id": story_id, "text": art.text, "path": art.path,
        "published": art.published, "title": art.title, "language": art.language, "url": art.url,
        "outlet": art.outlet, "author": art.author, "fetched": fetched, "warnings": list(art.warnings),
        "schema": report.schema,
    })
    ids = _actor_rows(report, out)
    state_media = {a.id for a in report.actors if a.state_media}
    for ord_, q in enumerate(report.quotes):
        out["quotes"].append({
            "article_id": art.id, "local_id": q.id, "ord": ord_, "type": q.type,
            "content_text": q.content.text, "content_spans": [list(s) for s in q.content.spans],
            "start_char": q.content.spans[0][0] if q.content.spans else None,
            "cue_text": q.cue.text if q.cue else None, "cue_lemma": q.cue.lemma if q.cue else None,
            "cue_start": q.cue.span[0] if q.cue else None, "cue_end": q.cue.span[1] if q.cue else None,
            **_ref_cols("speaker", q.speaker, ids), **_ref_cols("addressee", q.addressee, ids),
            "hedged": q.hedged,
            "sentence_start": q.sentence[0] if q.sentence else None,
            "sentence_end": q.sentence[1] if q.sentence else None,
            "n_via": len(q.via), "via_state_media": any(v.actor in state_media for v in q.via),
            "cluster": cluster_key(q.content.text),
        })
        out["quote_sources"].extend(_source_rows(art.id, q.id, q.via, ids))
    for ord_, c in enumerate(report.claims):
        out["claims"].append({
            "article_id": art.id, "local_id": c.id, "ord": ord_, "text": c.text,
            "start_char": c.span[0], "end_char": c.span[1], "value": float(c.value), "unit": c.unit,
            "about_local": c.about, "about_actor_id": ids.get(c.about) if c.about else None,
            **_ref_cols("speaker", c.speaker, ids), "hedged": c.hedged,
        })
        out["claim_sources"].extend(_source_rows(art.id, c.id, c.via, ids))
    for ord_, e in enumerate(report.events):
        d, loc = e.date, e.location
        out["events"].append({
            "article_id": art.id, "local_id": e.id, "ord": ord_, "type": e.type, "mode": e.mode,
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.span[0], "trigger_end": e.trigger.span[1],
            "sentence_start": e.sentence[0], "sentence_end": e.sentence[1],
            "date_start": d.start if d else None, "date_end": d.end if d else None,
            "date_precision": d.precision if d else None, "date_text": d.text if d else None,
            "date_span_start": d.span[0] if d and d.span else None,
            "date_span_end": d.span[1] if d and d.span else None, "has_date": d is not None,
            "location_text": loc.text if loc else None, "location_start": loc.span[0] if loc else None,
            "location_end": loc.span[1] if loc else None, "location_country": loc.country if loc else None,
            "has_location": loc is not None, "negated": e.negated, "modality": e.modality, "hedged": e.hedged,
            "cameo": e.cameo, "intensity": e.intensity, "count": e.count,
        })
        for role, locals_ in (("actor", e.actor), ("recipient", e.recipient)):
            out["event_actors"].extend(
                {"article_id": art.id, "event_id": e.id, "role": role, "ord": i, "local_actor": la,
                 "actor_id": ids.get(la)}
                for i, la in enumerate(locals_)
            )
        out["event_sources"].extend(_source_rows(art.id, e.id, e.via, ids))
    return out


def story_id_for(article_id: str) -> int:
    """A new story's id: a hash of the article that opened it (stable across runs and processes)."""
    return hash_id("story:" + article_id)
