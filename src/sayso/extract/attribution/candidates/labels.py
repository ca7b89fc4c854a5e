"""Speaker labels: a line that opens with a name and a colon ("Pence: Flowers won't be at debate",
"WALLACE: Let's start with the news").

Why: headlines and interview transcripts attribute words without any verb; PolNeAR marks the name as
Source, the colon as Cue and the rest of the line as Content. Only short labels that name someone (a
person/organisation entity, or a capitalised name) count; page furniture such as "UPDATE:" is
listed in ``lexicons/en/label_words.txt``.
"""

from __future__ import annotations

from spacy.tokens import Span

from sayso.extract.attribution.candidate import Candidate, Context, Origin, Provenance
from sayso.extract.attribution.types import Attribution

NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LINE_OPENERS = " \t\"“'‘"  # what may stand before a label at a line's start
_LINE_END_STRIP = " \t\r."


def _is_label(label: Span, ctx: Context) -> bool:
    if not 1 <= len(label) <= ctx.thresholds.max_label_tokens or label.text.lower() in ctx.lexicon.label_words:
        return False
    words = [t for t in label if not t.is_punct]
    if not words or any(t.pos_ not in ("PROPN", "NOUN") for t in words):
        return False
    if all(t.ent_type_ in NAME_ENTS for t in words):
        return True
    # headline and transcript names the model did not tag: "Pence:", "Poll:", "WALLACE:"
    return all((t.is_title or t.is_upper) and t.is_alpha and len(t) >= 2 for t in words)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1] in _LINE_END_STRIP:
        end -= 1
    return end


def label_candidates(ctx: Context) -> list[Candidate]:
    """One candidate per line that opens with "Name:" and carries at least a few words after it."""
    doc, text = ctx.doc, ctx.text
    max_tokens = ctx.thresholds.max_label_tokens
    out: list[Candidate] = []
    for sent in doc.sents:
        first = sent[0]
        line_start = text.rfind("\n", 0, first.idx) + 1
        if text[line_start : first.idx].strip(_LINE_OPENERS) != "":
            continue  # not the first words of a line
        colon = next((t for t in sent[: max_tokens + 1] if t.text == ":"), None)
        if colon is None or not _is_label(doc[sent.start : colon.i], ctx):
            continue
        start = colon.idx + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        end = _line_end(text, start)
        if len(text[start:end].split()) < ctx.thresholds.min_label_words:
            continue
        label = doc[sent.start : colon.i]
        while len(label) > 1 and label[0].is_punct:
            label = label[1:]
        att = Attribution(type="indirect", content=[(start, end)], sentence=sent, cue=doc[colon.i : colon.i + 1],
                          speaker=label, speaker_phrase=label)
        out.append(Candidate(Origin.LABEL, Provenance.LINE, att))
    return out
