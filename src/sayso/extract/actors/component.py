"""The actor components: ``sayso_actors`` (the actors the text names, as an immutable table) and
``sayso_actor_links`` (the final pass: every step's late mentions folded in, local ids given).

``sayso_actors`` is shaped like spaCy's EntityRuler: its config names its lexicon files and thresholds,
it builds its matchers from them, and ``to_disk``/``from_disk`` save and restore the lexicons it read, so
a saved pipeline behaves the same whatever the installed package's files say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.keys import ActorMention, SourceRef
from sayso.extract.actors.lexicon import DEFAULT_FILES, ActorLexicon
from sayso.extract.actors.links import link
from sayso.extract.actors.phrases import PhraseFinder
from sayso.extract.actors.recognize import build_table
from sayso.extract.actors.session import MentionSession
from sayso.extract.actors.settings import ActorSettings
from sayso.extract.doc_fields import attributions
from sayso.extract.lexicon_files import LexiconFiles


class AttributionActors(NamedTuple):
    """The actors of one attribution: its speaker (shown as the whole noun phrase), addressee, sources."""

    speaker: ActorMention | None
    addressee: ActorMention | None
    via: tuple[SourceRef, ...]


class ActorRecognizer:
    """Writes ``doc._.sayso_actor_table``."""

    def __init__(self, nlp: Language, name: str, *, lang: str, lexicons: dict[str, str],
                 settings: ActorSettings) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.settings = settings
        self._use(LexiconFiles.read(lexicons, lang))

    def _use(self, files: LexiconFiles) -> None:
        self.files = files
        self.lexicon = ActorLexicon.build(files)
        self.finder = PhraseFinder(self.vocab, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.sayso_actor_table = build_table(self.finder, self.settings, doc)
        return doc

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Re-read the lexicon files the config names (after they changed on disk)."""
        self._use(LexiconFiles.read(self.files.names, self.files.lang))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.files.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ActorRecognizer:
        self._use(LexiconFiles.from_bytes(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.files.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorRecognizer:
        self._use(LexiconFiles.from_disk(Path(path)))
        return self


class ActorLinker:
    """Resolves the attributions' speakers, addressees and sources, replays every step's late mentions
    into the table (attribution, claims, events: one fixed order) and numbers the actors. Writes
    ``doc._.sayso_actors`` and ``doc._.sayso_attribution_actors``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = doc._.sayso_actor_table
        session = MentionSession(table)
        doc._.sayso_attribution_actors = tuple(
            AttributionActors(
                session.mention(att.speaker, att.speaker_phrase),
                session.mention(att.addressee),
                tuple(session.source(src.mention, src.cue) for src in att.via),
            )
            for att in attributions(doc)
        )
        doc._.sayso_actors = link(table, [session.log, doc._.sayso_claims.late, doc._.sayso_events.late])
        return doc


@Language.factory(
    "sayso_actors",
    default_config={"lang": "en", "lexicons": DEFAULT_FILES, **asdict(ActorSettings())},
)
def make_actor_recognizer(nlp: Language, name: str, lang: str, lexicons: dict[str, str], lookback_sentences: int,
                          near_sentences: int, max_name_tokens: int, headline_capitalised: float) -> ActorRecognizer:
    settings = ActorSettings(lookback_sentences, near_sentences, max_name_tokens, headline_capitalised)
    return ActorRecognizer(nlp, name, lang=lang, lexicons=dict(lexicons), settings=settings)


@Language.factory("sayso_actor_links")
def make_actor_linker(nlp: Language, name: str) -> ActorLinker:
    return ActorLinker(nlp, name)
