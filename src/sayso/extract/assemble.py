"""The report of one article, assembled from what the components wrote on its Doc (``doc_fields``).

The only place where extraction records become report records: actor keys become local ids, spans
become offsets, and quotes, claims and events are numbered.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sayso.extract.actors.component import AttributionActors
from sayso.extract.actors.keys import ActorMention, SourceRef
from sayso.extract.actors.links import LinkedActors
from sayso.extract.attribution.types import Attribution
from sayso.extract.claims.finder import ClaimFinding
from sayso.extract.doc_fields import attributions
from sayso.extract.events.coded import CodedEvent
from sayso.language import guess_language
from sayso.read.article import Article
from sayso.report import (
    ActorRef,
    ArticleInfo,
    Claim,
    Content,
    Cue,
    Event,
    Quote,
    Report,
    Via,
)

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


def build_report(doc: Doc, article: Article) -> Report:
    """The report of a Doc every sayso component has run on."""
    linked: LinkedActors = doc._.sayso_actors
    text = doc.text  # built anew on every access: once per document, not once per quote
    quotes = [
        _quote(i, att, actors, linked, text)
        for i, (att, actors) in enumerate(zip(attributions(doc), doc._.sayso_attribution_actors, strict=True), start=1)
    ]
    claims = [_claim(i, found, linked) for i, found in enumerate(doc._.sayso_claims.items, start=1)]
    events = [_event(i, found, linked) for i, found in enumerate(doc._.sayso_events.items, start=1)]
    return Report(article=article_info(article), actors=list(linked.actors), quotes=quotes, claims=claims,
                  events=events)


def _ref(mention: ActorMention | None, linked: LinkedActors) -> ActorRef | None:
    return None if mention is None else ActorRef(linked.id_of(mention.key), mention.text, mention.span)


def _via(source: SourceRef, linked: LinkedActors) -> Via:
    m = source.mention
    return Via(linked.id_of(m.key), m.text, m.span, source.cue)


def _quote(index: int, att: Attribution, actors: AttributionActors, linked: LinkedActors, text: str) -> Quote:
    cue = None
    if att.cue is not None:
        lemma = " ".join(t.lemma_.lower() for t in att.cue if not t.is_punct)
        cue = Cue(att.cue.text, lemma, (att.cue.start_char, att.cue.end_char))
    return Quote(
        id=f"q{index}",
        type=att.type,
        content=Content(" ".join(text[s:e] for s, e in att.content), [tuple(s) for s in att.content]),  # type: ignore[misc]
        cue=cue,
        speaker=_ref(actors.speaker, linked),
        addressee=_ref(actors.addressee, linked),
        via=[_via(v, linked) for v in actors.via],
        hedged=att.hedged,
        sentence=(att.sentence.start_char, att.sentence.end_char),
    )


def _claim(index: int, found: ClaimFinding, linked: LinkedActors) -> Claim:
    return Claim(
        id=f"c{index}", text=found.text, span=found.span, value=found.value, unit=found.unit,
        about=linked.id_of(found.about), speaker=_ref(found.speaker, linked),
        via=[_via(v, linked) for v in found.via], hedged=found.hedged,
    )


def _event(index: int, found: CodedEvent, linked: LinkedActors) -> Event:
    return Event(
        id=f"e{index}", type=found.type, mode=found.mode,
        actor=[linked.ids[k] for k in found.actor], recipient=[linked.ids[k] for k in found.recipient],
        trigger=found.trigger, sentence=found.sentence, date=found.date, location=found.location,
        negated=found.negated, modality=found.modality, via=[_via(v, linked) for v in found.via],
        hedged=found.hedged, cameo=found.cameo, intensity=found.intensity, count=found.count,
    )
