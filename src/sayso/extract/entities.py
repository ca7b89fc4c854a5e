"""Entity lookups by token, from the tokens' IOB tags.

``doc.ents`` builds a fresh tuple of every entity on each access, so scanning it per token is quadratic
on long texts; walking the IOB tags around one token costs the entity's own length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def entity_at(token: Token) -> Span | None:
    """The named entity holding ``token`` (as ``doc.ents`` would give it), or None."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def entity_starting(doc: Doc, i: int) -> Span | None:
    """The entity that begins at token ``i``, or None."""
    if i < len(doc) and doc[i].ent_iob_ == "B":
        return entity_at(doc[i])
    return None


def entities_within(span: Span) -> list[Span]:
    """Entities lying wholly inside ``span``, in order."""
    found = []
    for tok in span:
        if tok.ent_iob_ == "B":
            ent = entity_at(tok)
            if ent is not None and ent.end <= span.end:
                found.append(ent)
    return found
