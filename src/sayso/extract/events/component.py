"""The events component, ``sayso_events``: PLOVER events with participants, dates and sources.

Shaped like spaCy's EntityRuler: the config names the lexicon files; the DependencyMatcher of the trigger
rules is built from them; ``to_disk``/``from_disk`` save and restore the lexicons read. Candidate
triggers come from ``sources`` (today one: the rules of ``event_patterns.jsonl``); ``add_source`` plugs in
another, such as a CAMEO dictionary matcher, whose hits the coder treats like the rules' own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sayso.extract.actors.session import MentionSession
from sayso.extract.dates import DateGrammar
from sayso.extract.doc_fields import Findings, attributions
from sayso.extract.events.candidates import PatternTriggers, TriggerSource
from sayso.extract.events.coder import find_events
from sayso.extract.events.lexicon import DEFAULT_FILES, EventLexicon
from sayso.extract.events.patterns import RuleMatcher
from sayso.extract.lexicon_files import LexiconFiles


class EventCoder:
    """Writes ``doc._.sayso_events``."""

    def __init__(self, nlp: Language, name: str, *, lang: str, lexicons: dict[str, str]) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.extra_sources: list[TriggerSource] = []
        self._use(LexiconFiles.read(lexicons, lang))

    def _use(self, files: LexiconFiles) -> None:
        self.files = files
        self.lexicon = EventLexicon.build(files)
        self.rules = RuleMatcher(self.vocab, self.lexicon.rules)
        self.dates = DateGrammar(self.lexicon.date_numbers)

    @property
    def sources(self) -> list[TriggerSource]:
        """Where candidate triggers come from, in priority order (the rules first)."""
        return [PatternTriggers(self.rules, self.lexicon), *self.extra_sources]

    def add_source(self, source: TriggerSource) -> None:
        """Another source of candidate triggers, consulted after the rules (a tie goes to the rules)."""
        self.extra_sources.append(source)

    def __call__(self, doc: Doc) -> Doc:
        session = MentionSession(doc._.sayso_actor_table)
        events = find_events(doc, self.sources, self.lexicon, self.dates, attributions(doc), session,
                             doc._.sayso_published)
        doc._.sayso_events = Findings(tuple(events), tuple(session.log))
        return doc

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Re-read the lexicon files the config names (after they changed on disk)."""
        self._use(LexiconFiles.read(self.files.names, self.files.lang))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.files.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EventCoder:
        self._use(LexiconFiles.from_bytes(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.files.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventCoder:
        self._use(LexiconFiles.from_disk(Path(path)))
        return self


@Language.factory("sayso_events", default_config={"lang": "en", "lexicons": DEFAULT_FILES})
def make_event_coder(nlp: Language, name: str, lang: str, lexicons: dict[str, str]) -> EventCoder:
    return EventCoder(nlp, name, lang=lang, lexicons=dict(lexicons))
