"""Assemble one report from one parsed Doc: the extraction steps in order, then ids and offsets."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span

from sayso.extract.actors.resolver import ActorResolver
from sayso.extract.claims.finder import find_claims
from sayso.extract.events.coder import find_events
from sayso.extract.attribution.component import EXTENSION as ATTRIBUTIONS
from sayso.extract.attribution.types import Attribution
from sayso.language import guess_language
from sayso.read.article import Article
from sayso.report import ActorRef, ArticleInfo, Content, Cue, Quote, Report, TextRef, Via

log = logging.getLogger(__name__)

_HEADLINE_MAX = 200


def detect_title(text: str) -> str | None:
    """A first line standing alone (a blank line after it), short and without a final full stop."""
    m = re.match(r"\s*([^\r\n]{3,%d})\r?\n[ \t]*\r?\n" % _HEADLINE_MAX, text)  # CRLF from web forms too
    if not m:
        return None
    line = m.group(1).strip()
    return None if line.endswith((".", ":", ";")) or len(line.split()) < 2 else line


def article_info(article: Article) -> ArticleInfo:
    warnings = list(article.warnings)
    language = guess_language(article.text)
    if language == "other":
        warnings.append("the text does not look like English; results will be poor")
    return ArticleInfo(
        id=article.id,
        text=article.text,
        path=article.path,
        published=article.published,
        title=article.title or detect_title(article.text),
        language=language,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        warnings=warnings,
    )


def empty_report(article: Article, warning: str | None = None) -> Report:
    info = article_info(article)
    if warning:
        info.warnings.append(warning)
    return Report(article=info)


def _ref(span: Span | None, actors: ActorResolver) -> ActorRef | None:
    if span is None:
        return None
    return ActorRef(actors.resolve(span), span.text, (span.start_char, span.end_char))


def _speaker_ref(att: Attribution, actors: ActorResolver) -> ActorRef | None:
    """The speaker's evidence is the whole noun phrase ("Vermont Sen. Bernie Sanders", PolNeAR's Source);
    the actor is resolved from the naming mention inside it ("Bernie Sanders")."""
    if att.speaker is None:
        return None
    phrase = att.speaker_phrase if att.speaker_phrase is not None else att.speaker
    return ActorRef(actors.resolve(att.speaker), phrase.text, (phrase.start_char, phrase.end_char))


def _text_ref(span: Span | None) -> TextRef | None:
    return None if span is None else TextRef(span.text, (span.start_char, span.end_char))


def vias(attribution: Attribution, actors: ActorResolver) -> list[Via]:
    return [
        Via(actors.resolve(src.mention), src.mention.text, (src.mention.start_char, src.mention.end_char),
            _text_ref(src.cue))
        for src in attribution.via
    ]


def to_quote(index: int, att: Attribution, actors: ActorResolver, text: str) -> Quote:
    cue = None
    if att.cue is not None:
        lemma = " ".join(t.lemma_.lower() for t in att.cue if not t.is_punct)
        cue = Cue(att.cue.text, lemma, (att.cue.start_char, att.cue.end_char))
    return Quote(
        id=f"q{index}",
        type=att.type,
        content=Content(" ".join(text[s:e] for s, e in att.content), [tuple(s) for s in att.content]),  # type: ignore[misc]
        cue=cue,
        speaker=_speaker_ref(att, actors),
        addressee=_ref(att.addressee, actors),
        via=vias(att, actors),
        hedged=att.hedged,
        sentence=(att.sentence.start_char, att.sentence.end_char),
    )


def build_report(doc: Doc, article: Article) -> Report:
    """Run every extraction step over one parsed document."""
    info = article_info(article)
    attributions: list[Attribution] | None = doc._.get(ATTRIBUTIONS)
    if attributions is None:
        raise ValueError("the document has not been through the sayso_attribution component")
    actors = ActorResolver(doc)
    text = doc.text  # built anew on every access: once per document, not once per quote
    quotes = [to_quote(i, att, actors, text) for i, att in enumerate(attributions, start=1)]
    claims = find_claims(doc, attributions, actors)
    events = find_events(doc, attributions, actors, article.published)
    return Report(article=info, actors=actors.actors(), quotes=quotes, claims=claims, events=events)
