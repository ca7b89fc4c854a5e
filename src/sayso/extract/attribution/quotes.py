"""Attributions: direct, split, multi-paragraph, mixed and indirect, each with its cue.

Order of work, all bounded to one sentence (or one quote and its neighbours):
1. quoted spans from the raw text (``quote_marks``), cue verbs and "according to" from one Matcher pass;
2. each cue verb outside a quote gets content: an adjacent quote ("…,” she said" / "he said: “…”",
   both sides for a split quote), else the child the learned table names (``that``-clause, ``to``-clause,
   object...), widened so it never cuts a quote (a quote inside it makes the attribution "mixed");
3. trailing "…, X reported." clauses and "according to X" become via links of the sentence's other
   attributions, or, when there is none, attributions of their own with X as speaker;
4. a quote no cue claimed continues the previous attribution when it opens its sentence (news style:
   "…,” he said. “More words.”); short quotes inside sentences (scare quotes) and headings are dropped.
"""

from __future__ import annotations

import logging
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from sayso.extract.attribution.filter import features, keep
from sayso.extract.attribution.labels import find_label_attributions
from sayso.extract.attribution.cues import content_child, cue_table, find_cues, is_belief_verb, is_speech_verb
from sayso.extract.attribution.quote_marks import QuoteSpan, find_quote_spans
from sayso.extract.attribution.sources import Trailing, according_clause, according_source, find_trailing, is_hedged
from sayso.extract.attribution.speakers import Speaker, addressee_of, is_media, mention_of, speaker_of
from sayso.extract.attribution.types import Attribution, Source

log = logging.getLogger(__name__)

MAX_GAP_TOKENS = 12  # tokens allowed between a quote and its cue ("…,” Chinese President Xi Jinping said)
MIN_CONTINUATION_WORDS = 3
_STRIP = frozenset({",", ".", ";", ":", "—", "–", "-", "(", ")", "!", "?"})


class _Quotes:
    """The document's quoted spans with lookups by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = find_quote_spans(text)
        self.starts = [q.start for q in self.spans]

    def inside(self, pos: int) -> QuoteSpan | None:
        """The quote whose marks enclose ``pos`` (strictly inside)."""
        i = bisect_left(self.starts, pos) - 1
        if i >= 0 and self.spans[i].start < pos < self.spans[i].end:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        i = max(0, bisect_left(self.starts, start) - 1)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end > start:
                out.append(self.spans[i])
            i += 1
        return out

    def chain(self, q: QuoteSpan) -> list[QuoteSpan]:
        """A quote left open at its paragraph's end, with the paragraphs that reopen it."""
        out = [q]
        while out[-1].open_end:
            nxt = self.next_after(out[-1].end)
            if nxt is None or not self.text[out[-1].end : nxt.start].strip() == "":
                break
            out.append(nxt)
        return out

    def next_after(self, pos: int) -> QuoteSpan | None:
        i = bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) else None


def _tokens_between(doc: Doc, start_char: int, end_char: int) -> Span:
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return span if span is not None else doc[0:0]


def _first_token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _gap_ok(gap: Span, verb: Token) -> bool:
    """Tokens between a quote and its cue: punctuation or words of the cue's own small clause."""
    if len(gap) > MAX_GAP_TOKENS:
        return False
    sub = set(t.i for t in verb.subtree)
    for t in gap:
        if t.is_punct or t.is_space or t.is_quote or t.i == verb.i:
            continue
        if t.i not in sub or (t.pos_ == "VERB" and t.head.i != verb.i and t.i != verb.i):
            return False
    return True


def _quote_before(quotes: _Quotes, doc: Doc, verb: Token) -> QuoteSpan | None:
    """The quote ending just before the cue's clause ("…,” Xi said)."""
    left = verb.left_edge
    sent_start = verb.sent.start_char
    candidates = quotes.overlapping(max(0, sent_start - 3), verb.idx)
    for q in reversed(candidates):
        if q.end > verb.idx:
            continue
        before = q.start - 1
        while before >= 0 and quotes.text[before] in " \t":
            before -= 1
        if q.start > sent_start and before >= 0 and quotes.text[before] not in ":,;—–-\n([":
            return None  # a fragment quoted inside someone's clause ("he was “sure”, adding ...")
        gap = _tokens_between(doc, q.end, verb.idx)
        if _gap_ok(gap, verb) and q.end >= min(left.idx, sent_start) - 1:
            return q
        return None
    return None


def _quote_after(quotes: _Quotes, doc: Doc, verb: Token) -> QuoteSpan | None:
    """The quote opening just after the cue ("he said: “…" / "…,” he said, “…”)."""
    q = quotes.next_after(verb.idx + len(verb))
    if q is None:
        return None
    if "\n" in quotes.text[verb.idx : q.start]:
        return None
    gap = _tokens_between(doc, verb.idx + len(verb), q.start)
    if len(gap) > MAX_GAP_TOKENS:
        return None
    sub = set(t.i for t in verb.subtree)
    for t in gap:
        if t.is_punct or t.is_space or t.is_quote:
            continue
        if t.i not in sub or t.dep_ == "mark":
            return None
    return q


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without punctuation (other than quote marks) or spaces at its edges."""
    while start < end and (doc[start].is_space or doc[start].text in _STRIP):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _STRIP):
        end -= 1
    return start, end


def _clause_content(quotes: _Quotes, doc: Doc, start: int, end: int) -> tuple[str, list[tuple[int, int]]] | None:
    """A token range as content: widened over any quote it cuts; "direct" when it lies inside one quote."""
    start, end = _trim(doc, start, end)
    if end <= start:
        return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    holder = quotes.inside(s + 1)
    if holder is not None and holder.start <= s and e <= holder.end:
        return "direct", [(q.start, q.end) for q in quotes.chain(holder)]
    kind = "indirect"
    for q in quotes.overlapping(s, e):
        kind = "mixed"
        s, e = min(s, q.start), max(e, q.end)
    return kind, [(s, e)]


_SIBLING_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "acomp", "attr"})
MIN_SIBLING_PREP_RATE = 0.2  # learned content_preps rate; chosen on PolNeAR train


def _completes(sib: Token) -> bool:
    """A prepositional phrase after the object that belongs to what was said ("announced his engagement
    to ...", "criticized the pope as ..."): its preposition often holds content (not "in", "on", "at")."""
    return sib.dep_ == "prep" and cue_table().preps.get(sib.lower_, 0.0) >= MIN_SIBLING_PREP_RATE


def _content_end(child: Token, verb: Token | None = None) -> int:
    """End of the content clause: over the right siblings that complete it ("called voters “stupid”",
    "criticized the pope as ...", "accused Trump of ...", "announced his engagement to ..."), stopping
    before a nested reporting participle the parser hung inside it ("noted that he had met Putin 42 times,
    saying they had ..." : the "saying" clause is its own)."""
    end = child.right_edge.i + 1
    if verb is not None and child.dep_ in ("dobj", "oprd", "dative"):
        for sib in verb.rights:
            if sib.i > child.i and (sib.dep_ in _SIBLING_DEPS or _completes(sib)):
                end = max(end, sib.right_edge.i + 1)
    for tok in child.subtree:
        if tok.i > child.i and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and is_speech_verb(tok):
            left = tok.left_edge.i
            while left > child.i and (tok.doc[left - 1].is_punct or tok.doc[left - 1].dep_ == "cc"):
                left -= 1
            end = min(end, left)
    return end


EVIDENCE_VERBS = frozenset({"show", "find", "indicate", "reveal", "estimate", "conclude", "suggest"})


def _reports(verb: Token) -> bool:
    """A verb that carries words or findings (so "according to" beside it names who passed them on)."""
    return is_speech_verb(verb) or verb.lemma_.lower() in EVIDENCE_VERBS


def _is_as_saying(verb: Token) -> bool:
    """The "saying" of "was reported as saying" / "quoted X as saying": its reporting verb speaks for it."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.pos_ == "VERB"


def _as_saying(verb: Token) -> Token | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pcomp" and c.lemma_ == "say"), None)
    return None


def _statement_clause(verb: Token) -> Token | None:
    """"says in a statement that ...": the that-clause the parser hung on the noun."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "during"):
            continue
        for obj in prep.children:
            for c in obj.children if obj.dep_ == "pobj" else ():
                if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return c
    return None


def _parenthetical_content(quotes: _Quotes, doc: Doc, verb: Token) -> tuple[str, list[tuple[int, int]]] | None:
    """"In the three years since, Barden says, far too many lives were lost": the sentence around the
    cue's own small clause, as up to two spans."""
    if verb.dep_ != "parataxis" and not (verb.dep_ == "ROOT" and _is_inside_commas(verb)):
        return None
    sent = verb.sent
    left, right = verb.left_edge.i, verb.right_edge.i + 1
    pieces = []
    for a, b in ((sent.start, left), (right, sent.end)):
        got = _clause_content(quotes, doc, a, b)
        if got is not None and b - a >= 2:
            pieces.append(got)
    if not pieces:
        return None
    kind = "mixed" if any(k != "indirect" for k, _ in pieces) else "indirect"
    return kind, [span for _, spans in pieces for span in spans]


def _rest_of_sentence(quotes: _Quotes, doc: Doc, verb: Token) -> tuple[str, list[tuple[int, int]]] | None:
    """"McCain says the movement ... appeals to ...": the parser made the clause's subject an object;
    what follows the verb (and its addressee) to the sentence's end is the content."""
    sent = verb.sent
    start = verb.i + 1
    while start < sent.end and doc[start].dep_ in ("prt", "dobj", "dative", "advmod") and doc[start].head.i == verb.i \
            and doc[start].pos_ in ("PRON", "ADV", "ADP"):
        start += 1
    rest = doc[start : sent.end]
    if len(rest) < 4 or not any(t.pos_ in ("VERB", "AUX") and t.head.i != verb.i for t in rest):
        return None
    return _clause_content(quotes, doc, start, sent.end)


def _is_inside_commas(verb: Token) -> bool:
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    sent = verb.sent
    return left > sent.start and doc[left - 1].text == "," and right + 1 < sent.end and doc[right + 1].text == ","


def _colon_content(quotes: _Quotes, doc: Doc, verb: Token) -> tuple[str, list[tuple[int, int]]] | None:
    """"Reporter Jane Doe says:" closing its paragraph: the next paragraph is what was said."""
    sent = verb.sent
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = doc[last.i - 1]
    if last.text != ":" or last.i <= verb.i:
        return None
    text = quotes.text
    start = last.idx + 1
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    if end <= start:
        return None
    q = quotes.inside(start + 1)
    if q is not None and q.start == start:
        return "direct", [(c.start, c.end) for c in quotes.chain(q)]
    return "indirect", [(start, end)]


def _cue_span(verb: Token) -> Span:
    """The cue verb with a particle ("pointed out") or "as saying" ("was reported as saying")."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt":
            end = max(end, child.i + 1)
        if child.lower_ == "as" and child.dep_ == "prep":
            pcomp = next((c for c in child.children if c.dep_ == "pcomp" and c.lemma_ == "say"), None)
            if pcomp is not None:
                end = max(end, pcomp.i + 1)
                aux = next((c for c in verb.lefts if c.dep_ == "auxpass" and c.i == verb.i - 1), None)
                start = aux.i if aux is not None else start  # "was quoted as saying": the passive is the hedge
    return doc[start:end]


def _outgrows_quote(quotes: _Quotes, child: Token) -> bool:
    """The content clause has words outside any quote ("says Obama is “obsessed” with ..."): the quote is
    a fragment of indirect speech, not the whole of what was said."""
    holder = quotes.inside(child.idx)
    if holder is None:
        return True
    return any(not (t.is_punct or t.is_space) and not holder.start < t.idx < holder.end for t in child.subtree)


def _passive_subject(verb: Token, child: Token | None) -> Span | None:
    """"Trump is expected to speak tonight": with no agent, the passive subject opens the content (what is
    expected is "Trump ... to speak tonight") and nobody is named as holding the expectation."""
    if child is None or child.dep_ != "xcomp" or child.i < verb.i:
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    start, end = _trim(verb.doc, subj.left_edge.i, subj.right_edge.i + 1)
    return verb.doc[start:end] if end > start else None


def _clause_on_object(verb: Token) -> Token | None:
    """"telling his counterpart that ...": the parser hung the that-clause on the object (as a relative
    clause); the clause is what was said and the object whom it was said to."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < verb.i:
            continue
        for c in obj.rights:
            if c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return c
    return None


def _verb_attribution(quotes: _Quotes, doc: Doc, verb: Token) -> Attribution | None:
    """The cue verb's attribution, with the features the learned filter judges (none when it must stay)."""
    content: list[tuple[int, int]] = []
    kind = "indirect"
    how = "child"
    child = content_child(verb)
    saying = _as_saying(verb)
    if saying is not None:  # the verb's own children are the "as saying" phrase and who was quoted
        child = content_child(saying)
    if is_speech_verb(verb) and (child is None or child.dep_ in ("dobj", "dative")):
        child = _clause_on_object(verb) or child
    right_clause = child is not None and child.i > verb.i and _outgrows_quote(quotes, child)
    if (is_speech_verb(verb) or saying is not None) and not right_clause:
        before = _quote_before(quotes, doc, verb)
        after = _quote_after(quotes, doc, verb)
        if before is not None:
            content = [(q.start, q.end) for q in quotes.chain(before)]
            kind, how = "direct", "quote_before"
            if after is not None and after.start > before.end:
                content += [(q.start, q.end) for q in quotes.chain(after)]
        elif after is not None and (child is None or child.idx >= after.start):
            content = [(q.start, q.end) for q in quotes.chain(after)]
            kind, how = "direct", "quote_after"
    if not content and child is None:
        child = _statement_clause(verb)
        how = "statement"
    subject = _passive_subject(verb, child)
    if not content and child is not None:
        got = _clause_content(quotes, doc, child.left_edge.i, _content_end(child, verb))
        if got is None:
            return None
        kind, content = got
        how = f"{how}:{child.dep_}"
        if subject is not None:
            content = [(subject.start_char, subject.end_char)] + content
            how = "passive"
    if not content and is_speech_verb(verb):
        got = _parenthetical_content(quotes, doc, verb)
        how = "parenthetical"
        if got is None:
            got, how = _colon_content(quotes, doc, verb), "colon"
        if got is None:
            got, how = _rest_of_sentence(quotes, doc, verb), "rest"
        if got is not None:
            kind, content = got
    if not content:
        return None
    att = Attribution(type=kind, content=content, sentence=verb.sent, cue=_cue_span(verb))  # type: ignore[arg-type]
    speaker = speaker_of(verb, outside=lambda t: quotes.inside(t.idx) is None)
    _set_speaker(att, speaker)
    addressee = addressee_of(verb, child)
    if addressee is not None:
        if is_media(addressee):
            if addressee.root.tag_ != "NNS":  # "told Reuters" is a channel; "told reporters" names nobody
                att.via.append(Source(mention_of(addressee), doc[verb.i : verb.i + 1]))
        else:
            att.addressee = mention_of(addressee)
    att.hedged = att.hedged or is_hedged(verb)
    if att.speaker is None and not is_speech_verb(verb) and how != "passive":
        return None  # "The so-called offer was rejected": an act without anyone saying anything
    # The filter learned PolNeAR's habits; the forms sayso promises always stay: "quoted X as saying",
    # hedged passives ("is said to"), beliefs and intentions from the hand-written list.
    if saying is not None or att.hedged or is_belief_verb(verb):
        return att
    att.features = tuple(features(verb, att, how))
    return att


def _kept(att: Attribution) -> bool:
    return not att.features or keep(list(att.features))


def _relayed(att: Attribution, tr: Trailing) -> bool:
    """A reporting verb's attribution the filter dropped that "…, X reported." vouches for: speaker,
    cue and content all lie before the trailing clause ("Modi told Lula that ..., Doordarshan reported")."""
    comma = tr.comma.idx + 1
    return (att.cue is not None and att.cue.end <= tr.comma.i and is_speech_verb(att.cue.root)
            and att.speaker is not None and att.speaker.end <= tr.comma.i and att.content[-1][1] <= comma)


def _set_speaker(att: Attribution, speaker: Speaker | None) -> None:
    if speaker is None:
        return
    att.speaker, att.speaker_phrase = speaker.mention, speaker.phrase
    att.hedged = att.hedged or speaker.hedged
    if speaker.via_quoter is not None:
        att.via.append(Source(speaker.via_quoter, speaker.via_cue))


def _cut_at(att: Attribution, doc: Doc, tok: Token) -> None:
    """End the content before a token the parser left inside it ("..., according to TRT")."""
    s, e = att.content[-1]
    if not s < tok.idx < e:
        return
    first = doc.char_span(s, tok.idx, alignment_mode="expand")
    if first is None or not len(first):
        return
    a, b = _trim(doc, first.start, first.end)
    if b > a:
        att.content[-1] = (s, doc[b - 1].idx + len(doc[b - 1]))


def _fits_trailing(att: Attribution, tr: Trailing) -> bool:
    """The parse already found the trailing verb's content before the clause and its speaker there."""
    comma = tr.comma.idx + 1
    return att.content[-1][1] <= comma + 1 and (att.speaker is None or att.speaker.start >= tr.comma.i)


def _trailing_attribution(quotes: _Quotes, doc: Doc, tr: Trailing) -> Attribution | None:
    """"<content>, X reported." as an attribution of its own."""
    sent = tr.verb.sent
    got = _clause_content(quotes, doc, sent.start, tr.comma.i)
    if got is None:
        return None
    kind, content = got
    att = Attribution(type=kind, content=content, sentence=sent, cue=_cue_span(tr.verb))  # type: ignore[arg-type]
    att.speaker, att.speaker_phrase = tr.mention(), tr.reporter
    att.hedged = is_hedged(tr.verb)
    return att


def _according_attribution(quotes: _Quotes, doc: Doc, according: Token, to: Token) -> Attribution | None:
    sent = according.sent
    source = according_source(to)
    a_start, a_end = according_clause(according, to, sent)
    before, after = _trim(doc, sent.start, a_start), _trim(doc, a_end, sent.end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    got = _clause_content(quotes, doc, start, end)
    if got is None:
        return None
    kind, content = got
    att = Attribution(type=kind, content=content, sentence=sent, cue=doc[according.i : to.i + 1])  # type: ignore[arg-type]
    if source is not None:
        att.speaker, att.speaker_phrase = mention_of(source), source
    return att


def _is_heading(text: str, sent: Span) -> bool:
    """A short line standing alone without a final full stop ("‘Build up’ relations")."""
    line = text[sent.start_char : sent.end_char].strip()
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    para_end = text.find("\n", sent.end_char - 1)
    para = text[para_start : para_end if para_end >= 0 else len(text)].strip()
    return para == line and len(line.split()) <= 12 and not line.endswith((".", "!", "?", ".”", "?”", '."'))


def _covered(att: Attribution, q: QuoteSpan) -> bool:
    return any(s <= q.start and q.end <= e for s, e in att.content)


def find_attributions(doc: Doc, *, keep_all: bool = False) -> list[Attribution]:
    """Every attribution in the document, in text order, with speaker/addressee/via mentions attached.
    ``keep_all`` skips the learned filter (to train it)."""
    if not len(doc):
        return []
    quotes = _Quotes(doc.text)
    cues = find_cues(doc)
    trailing = find_trailing(doc)
    by_sentence: dict[int, list[Attribution]] = {}
    out: list[Attribution] = []

    own: dict[int, Attribution] = {}
    dropped: dict[int, list[Attribution]] = {}  # by sentence: what the filter rejected, for trailing clauses
    for verb in sorted(cues.verbs, key=lambda t: t.i):
        if quotes.inside(verb.idx) is not None or _is_heading(quotes.text, verb.sent) or _is_as_saying(verb):
            continue
        att = _verb_attribution(quotes, doc, verb)
        if att is None:
            continue
        if keep_all or _kept(att):
            own[verb.i] = att
            by_sentence.setdefault(att.sentence.start, []).append(att)
        else:
            dropped.setdefault(att.sentence.start, []).append(att)

    for tr in trailing.values():
        if quotes.inside(tr.verb.idx) is not None or _is_heading(quotes.text, tr.verb.sent):
            continue
        sent = tr.verb.sent
        mine = own.get(tr.verb.i)
        group = by_sentence.setdefault(sent.start, [])
        inner = [a for a in group if a is not mine and a.cue is not None and a.cue.start < tr.comma.i
                 and is_speech_verb(a.cue.root)]
        if not inner:
            inner = [a for a in dropped.get(sent.start, []) if a.cue is not None and a.cue.root is not tr.verb
                     and _relayed(a, tr)]
            group.extend(inner)
        if mine is not None and (inner or not _fits_trailing(mine, tr)):
            group.remove(mine)
        if inner:
            for a in inner:
                a.via.append(Source(tr.mention(), doc[tr.verb.i : tr.verb.i + 1]))
                _cut_at(a, doc, tr.comma)  # content that ran on over the clause ("saying in a letter the ...")
        elif mine is not None and _fits_trailing(mine, tr):
            if mine.speaker is None:
                mine.speaker, mine.speaker_phrase = tr.mention(), tr.reporter
        elif (att := _trailing_attribution(quotes, doc, tr)) is not None:
            group.append(att)

    for according, to in cues.according:
        sent = according.sent
        source = according_source(to)
        # "X told Y ..., according to Z": Z carried X's words. With no reporting verb beside it, "according
        # to Z" is an attribution of its own ("The economy grew 3%, according to the ministry").
        others = [a for a in by_sentence.get(sent.start, [])
                  if a.cue is not None and a.cue.start != according.i and _reports(a.cue.root)]
        if others and source is not None:
            for a in others:
                a.via.insert(0, Source(mention_of(source), doc[according.i : to.i + 1]))
                _cut_at(a, doc, according)
        elif not others and (att := _according_attribution(quotes, doc, according, to)) is not None:
            by_sentence.setdefault(sent.start, []).append(att)

    for att in find_label_attributions(doc, quotes.text):
        group = by_sentence.setdefault(att.sentence.start, [])
        if not group:
            group.append(att)

    for atts in by_sentence.values():
        seen: set[tuple[tuple[int, int], ...]] = set()
        for att in atts:
            key = tuple(att.content)
            if key not in seen:
                seen.add(key)
                out.append(att)
    out.sort(key=lambda a: a.content[0][0])
    return _add_uncued_quotes(doc, quotes, out)


def _add_uncued_quotes(doc: Doc, quotes: _Quotes, atts: list[Attribution]) -> list[Attribution]:
    """Quotes no cue claimed: a sentence-opening quote continues the attribution just before it."""
    claimed = [(s, e) for a in atts for s, e in a.content]
    starts = [a.content[0][0] for a in atts]
    for q in quotes.spans:
        if not q.double or any(s <= q.start and q.end <= e for s, e in claimed):
            continue
        tok = _first_token_at(doc, q.start)
        if tok is None or _is_heading(quotes.text, tok.sent):
            continue
        short = len(quotes.text[q.start : q.end].split()) < MIN_CONTINUATION_WORDS
        if short or not _opens_sentence(quotes.text, tok, q.start):
            continue  # a scare quote or a fragment inside a sentence
        i = bisect_left(starts, q.start) - 1
        if i < 0:
            continue
        prev = atts[i]
        if not _continues(quotes.text, prev, q.start):
            continue
        if prev.type == "indirect":
            prev.type = "mixed"
        prev.content.append((q.start, q.end))
        claimed.append((q.start, q.end))
    return atts


def _after_full_stop(text: str, pos: int) -> bool:
    return text[:pos].rstrip().endswith((".", "!", "?"))


def _opens_sentence(text: str, tok: Token, quote_start: int) -> bool:
    """The quote opens a sentence, though the parser may have left its opening mark at the end of the one
    before ("…,'' he added. ''The system ...": the ``''`` token closes "he added.")."""
    if tok.is_sent_start or _after_full_stop(text, quote_start):
        return True
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_sent_start


def _continues(text: str, prev: Attribution, quote_start: int) -> bool:
    """Only the rest of the previous attribution's sentence and blank space (at most one paragraph
    break, or two when that paragraph was a quote too) lie between its content and the quote."""
    last_end = max(prev.content[-1][1], prev.sentence.end_char if prev.sentence.end_char <= quote_start else 0)
    if prev.sentence.start_char < quote_start < prev.sentence.end_char and _after_full_stop(text, quote_start):
        last_end = quote_start  # the quote's opening mark was parsed into the attribution's own sentence
    between = text[last_end:quote_start]
    return between.strip(" \t\r\n,.;:”\"’") == "" and between.count("\n") <= 3
