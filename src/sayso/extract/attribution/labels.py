"""Speaker labels: a line that opens with a name and a colon ("Pence: Flowers won't be at debate",
"WALLACE: Let's start with the news").

Why: headlines and interview transcripts attribute words without any verb; PolNeAR marks the name as
Source, the colon as Cue and the rest of the line as Content. Only short labels that name someone (a
person/organisation entity, or a capitalised name) count; page furniture such as "UPDATE:" is
listed in ``lexicons/en/label_words.txt``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sayso.extract.attribution.types import Attribution
from sayso.lexicons import read_words

MAX_LABEL_TOKENS = 4
MIN_CONTENT_WORDS = 3
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _is_label(label: Span) -> bool:
    if not 1 <= len(label) <= MAX_LABEL_TOKENS or label.text.lower() in read_words("label_words.txt"):
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
    while end > start and text[end - 1] in " \t\r.":
        end -= 1
    return end


def find_label_attributions(doc: Doc, text: str) -> list[Attribution]:
    """One attribution per line that opens with "Name:" and carries at least a few words after it."""
    out: list[Attribution] = []
    for sent in doc.sents:
        first = sent[0]
        line_start = text.rfind("\n", 0, first.idx) + 1
        if text[line_start : first.idx].strip(" \t\"“'‘") != "":
            continue  # not the first words of a line
        colon = next((t for t in sent[: MAX_LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None or not _is_label(doc[sent.start : colon.i]):
            continue
        start = colon.idx + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        end = _line_end(text, start)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        label = doc[sent.start : colon.i]
        while len(label) > 1 and label[0].is_punct:
            label = label[1:]
        out.append(Attribution(type="indirect", content=[(start, end)], sentence=sent, cue=doc[colon.i : colon.i + 1],
                               speaker=label, speaker_phrase=label))
    return out
