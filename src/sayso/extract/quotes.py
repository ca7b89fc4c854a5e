"""Quote spans and their cues: direct, split, multi-paragraph, mixed and indirect attributions."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.extract.types import Attribution


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in the document, in text order, with speaker/addressee/via mentions attached."""
    return []
