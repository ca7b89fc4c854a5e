"""The claims component, ``sayso_claims``: numeric claims with their speakers and sources.

Shaped like spaCy's EntityRuler: the config names the lexicon files and the one threshold; the figure
Matcher is built from them; ``to_disk``/``from_disk`` save and restore the lexicons read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.session import MentionSession
from sayso.extract.claims.finder import ClaimRules, find_claims
from sayso.extract.claims.lexicon import DEFAULT_FILES, ClaimLexicon
from sayso.extract.doc_fields import Findings, attributions
from sayso.extract.lexicon_files import LexiconFiles


class ClaimExtractor:
    """Writes ``doc._.sayso_claims``."""

    def __init__(self, nlp: Language, name: str, *, lang: str, lexicons: dict[str, str], max_of_phrase: int) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.max_of_phrase = max_of_phrase
        self._use(LexiconFiles.read(lexicons, lang))

    def _use(self, files: LexiconFiles) -> None:
        self.files = files
        self.rules = ClaimRules.build(self.vocab, ClaimLexicon.build(files), self.max_of_phrase)

    def __call__(self, doc: Doc) -> Doc:
        session = MentionSession(doc._.sayso_actor_table)
        claims = find_claims(self.rules, doc, attributions(doc), session)
        doc._.sayso_claims = Findings(tuple(claims), tuple(session.log))
        return doc

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Re-read the lexicon files the config names (after they changed on disk)."""
        self._use(LexiconFiles.read(self.files.names, self.files.lang))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.files.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ClaimExtractor:
        self._use(LexiconFiles.from_bytes(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.files.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimExtractor:
        self._use(LexiconFiles.from_disk(Path(path)))
        return self


@Language.factory("sayso_claims", default_config={"lang": "en", "lexicons": DEFAULT_FILES, "max_of_phrase": 8})
def make_claim_extractor(nlp: Language, name: str, lang: str, lexicons: dict[str, str],
                         max_of_phrase: int) -> ClaimExtractor:
    return ClaimExtractor(nlp, name, lang=lang, lexicons=dict(lexicons), max_of_phrase=max_of_phrase)
