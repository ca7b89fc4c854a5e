"""The attribution step as a registered spaCy component: candidates -> scorer -> merge.

Modelled on spaCy's ``SpanRuler``: a small factory whose config holds the thresholds
(``thresholds.Thresholds``), the lexicon names and the scorer; the Matchers are built from the
loaded lexicon when the component is made (and again by ``initialize`` and ``from_disk``); ``to_disk``
writes the lexicon and the scorer's weights, so a saved pipeline reloads with identical behaviour even if
the package's lexicons later change. The result goes to ``doc._.sayso_attributions``: the final
attributions, merged, in text order.

Long texts are parsed in chunks joined with ``Doc.from_docs``, which drops Doc extensions; so the
runner parses with this component disabled and applies it to each joined Doc (``sayso.api``).
"""

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path
from spacy.vocab import Vocab

from sayso.extract.attribution.candidate import Candidate, Context
from sayso.extract.attribution.candidates import generate
from sayso.extract.attribution.filter import make_rule_scorer
from sayso.extract.attribution.lexicon import AttributionLexicon, LexiconNames
from sayso.extract.attribution.matchers import AttributionMatchers
from sayso.extract.attribution.merge import Merged, merge
from sayso.extract.attribution.quote_marks import QuoteIndex
from sayso.extract.attribution.scorer import AttributionScorer
from sayso.extract.attribution.thresholds import Thresholds
from sayso.extract.attribution.types import Attribution

FACTORY = "sayso_attribution"
EXTENSION = "sayso_attributions"
_LEXICON_FILE = "lexicon.json"
_SCORER_DIR = "scorer"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)  # None = not run; a list once the component ran

DEFAULT_CONFIG: dict[str, Any] = {
    "lang": "en",
    "lexicons": LexiconNames().as_config(),
    "thresholds": Thresholds().as_config(),
    "scorer": {"@misc": "sayso.attribution_filter.v1", "weights": "attribution_filter.tsv", "threshold": None,
               "lang": "en"},
}


class AttributionComponent:
    """Finds the document's attributions (see the module docstring)."""

    def __init__(
        self,
        vocab: Vocab,
        name: str = FACTORY,
        *,
        lang: str = "en",
        lexicons: LexiconNames | None = None,
        thresholds: Thresholds | None = None,
        scorer: AttributionScorer | None = None,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self.lang = lang
        self.lexicon_names = lexicons or LexiconNames()
        self.thresholds = thresholds or Thresholds()
        self.scorer: AttributionScorer = scorer if scorer is not None else make_rule_scorer(lang=lang)
        self._use(AttributionLexicon.load(self.lexicon_names, lang, self.thresholds.min_cue_rate))

    def _use(self, lexicon: AttributionLexicon) -> None:
        self.lexicon = lexicon
        self.matchers = AttributionMatchers(self.vocab, lexicon)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Reload the lexicon from the package's files (the config's names) and rebuild the Matchers."""
        self._use(AttributionLexicon.load(self.lexicon_names, self.lang, self.thresholds.min_cue_rate))

    # --- the three stages, public so that training and evaluation can run them one by one ---

    def context(self, doc: Doc) -> Context:
        return Context(doc, QuoteIndex(doc.text), self.lexicon, self.thresholds)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every candidate the generators propose, before any scorer has judged them."""
        return generate(self.context(doc), self.matchers(doc))

    def merged(self, doc: Doc, scorer: AttributionScorer | None = None) -> list[Merged]:
        """Candidates, judged by ``scorer`` (default: the component's), merged; each remembers its candidate."""
        if not len(doc):
            return []
        ctx = self.context(doc)
        candidates = generate(ctx, self.matchers(doc))
        return merge(ctx, (scorer or self.scorer)(doc, candidates))

    def attributions(self, doc: Doc) -> list[Attribution]:
        return [m.attribution for m in self.merged(doc)]

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, self.attributions(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # --- serialisation: the lexicon as loaded, and whatever the scorer learned ---

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        # stdlib json: it writes floats as repr, so every rate reads back exactly (srsly's ujson does not)
        (path / _LEXICON_FILE).write_text(json.dumps(self.lexicon.to_json(), indent=1), encoding="utf-8")
        self.scorer.to_disk(path / _SCORER_DIR)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "AttributionComponent":
        path = ensure_path(path)
        self._use(AttributionLexicon.from_json(json.loads((path / _LEXICON_FILE).read_text(encoding="utf-8"))))
        self.scorer.from_disk(path / _SCORER_DIR)
        return self


@Language.factory(
    FACTORY,
    assigns=[f"doc._.{EXTENSION}"],
    requires=["token.dep", "token.pos", "token.lemma", "token.tag"],
    default_config=DEFAULT_CONFIG,
)
def make_attribution(
    nlp: Language,
    name: str,
    lang: str,
    lexicons: dict[str, str],
    thresholds: dict[str, float],
    scorer: AttributionScorer,
) -> AttributionComponent:
    return AttributionComponent(nlp.vocab, name, lang=lang, lexicons=LexiconNames(**lexicons),
                                thresholds=Thresholds(**thresholds), scorer=scorer)
