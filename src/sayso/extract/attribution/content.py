"""Where an attribution's content lies: token ranges turned into character spans that never cut a
quote, and the clause shapes the parser gives reported content (bounded to one sentence, or to the
paragraph after a closing colon).

Shared by the candidate generators; nothing here decides whether something is an attribution.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.extract.attribution.lexicon import AttributionLexicon
from sayso.extract.attribution.quote_marks import QuoteIndex
from sayso.extract.attribution.thresholds import Thresholds
from sayso.report import QuoteType

Content = tuple[QuoteType, list[tuple[int, int]]]

_STRIP = frozenset({",", ".", ";", ":", "—", "–", "-", "(", ")", "!", "?"})
_SIBLING_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "acomp", "attr"})
_STATEMENT_PREPS = ("in", "on", "during")  # "says in a statement that ..."
_FINAL_STOPS = (".", "!", "?", ".”", "?”", '."')
_SENTENCE_STOPS = (".", "!", "?")
AS_SAYING = ("as", "say")  # "was quoted as saying": the preposition and the participle's lemma


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without punctuation (other than quote marks) or spaces at its edges."""
    while start < end and (doc[start].is_space or doc[start].text in _STRIP):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _STRIP):
        end -= 1
    return start, end


def tokens_between(doc: Doc, start_char: int, end_char: int) -> Span:
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return span if span is not None else doc[0:0]


def first_token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def after_full_stop(text: str, pos: int) -> bool:
    """A sentence ended just before ``pos`` (spaces aside)."""
    return text[:pos].rstrip().endswith(_SENTENCE_STOPS)


def is_heading(text: str, sent: Span, max_words: int) -> bool:
    """A short line standing alone without a final full stop ("‘Build up’ relations")."""
    line = text[sent.start_char : sent.end_char].strip()
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    para_end = text.find("\n", sent.end_char - 1)
    para = text[para_start : para_end if para_end >= 0 else len(text)].strip()
    return para == line and len(line.split()) <= max_words and not line.endswith(_FINAL_STOPS)


def clause_content(quotes: QuoteIndex, doc: Doc, start: int, end: int) -> Content | None:
    """A token range as content: widened over any quote it cuts; "direct" when it lies inside one quote."""
    start, end = trim(doc, start, end)
    if end <= start:
        return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    holder = quotes.inside(s + 1)
    if holder is not None and holder.start <= s and e <= holder.end:
        return "direct", quotes.chain_spans(holder)
    kind: QuoteType = "indirect"
    for q in quotes.overlapping(s, e):
        kind = "mixed"
        s, e = min(s, q.start), max(e, q.end)
    return kind, [(s, e)]


def cue_span(verb: Token) -> Span:
    """The cue verb with a particle ("pointed out") or "as saying" ("was reported as saying")."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt":
            end = max(end, child.i + 1)
        if child.lower_ == AS_SAYING[0] and child.dep_ == "prep":
            pcomp = next((c for c in child.children if c.dep_ == "pcomp" and c.lemma_ == AS_SAYING[1]), None)
            if pcomp is not None:
                end = max(end, pcomp.i + 1)
                aux = next((c for c in verb.lefts if c.dep_ == "auxpass" and c.i == verb.i - 1), None)
                start = aux.i if aux is not None else start  # "was quoted as saying": the passive is the hedge
    return doc[start:end]


def is_as_saying(verb: Token) -> bool:
    """The "saying" of "was reported as saying" / "quoted X as saying": its reporting verb speaks for it."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == AS_SAYING[0] and verb.head.head.pos_ == "VERB"


def as_saying(verb: Token) -> Token | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == AS_SAYING[0]:
            return next((c for c in prep.children if c.dep_ == "pcomp" and c.lemma_ == AS_SAYING[1]), None)
    return None


def _has_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def statement_clause(verb: Token) -> Token | None:
    """"says in a statement that ...": the that-clause the parser hung on the noun."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _STATEMENT_PREPS:
            continue
        for obj in prep.children:
            for c in obj.children if obj.dep_ == "pobj" else ():
                if c.dep_ in ("acl", "ccomp", "relcl") and _has_that(c):
                    return c
    return None


def clause_on_object(verb: Token) -> Token | None:
    """"telling his counterpart that ...": the parser hung the that-clause on the object (as a relative
    clause); the clause is what was said and the object whom it was said to."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < verb.i:
            continue
        for c in obj.rights:
            if c.dep_ in ("acl", "relcl", "ccomp") and _has_that(c):
                return c
    return None


def passive_subject(verb: Token, child: Token | None) -> Span | None:
    """"Trump is expected to speak tonight": with no agent, the passive subject opens the content (what is
    expected is "Trump ... to speak tonight") and nobody is named as holding the expectation."""
    if child is None or child.dep_ != "xcomp" or child.i < verb.i:
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    start, end = trim(verb.doc, subj.left_edge.i, subj.right_edge.i + 1)
    return verb.doc[start:end] if end > start else None


def content_end(child: Token, verb: Token, lexicon: AttributionLexicon, thresholds: Thresholds) -> int:
    """End of the content clause: over the right siblings that complete it ("called voters “stupid”",
    "criticized the pope as ...", "accused Trump of ...", "announced his engagement to ..."), stopping
    before a nested reporting participle the parser hung inside it ("noted that he had met Putin 42 times,
    saying they had ..." : the "saying" clause is its own)."""
    end = child.right_edge.i + 1
    if child.dep_ in ("dobj", "oprd", "dative"):
        for sib in verb.rights:
            if sib.i <= child.i:
                continue
            # a prepositional phrase after the object belongs to what was said when its preposition
            # often holds content ("to", "as", "of"; not "in", "on", "at")
            if sib.dep_ in _SIBLING_DEPS or (
                sib.dep_ == "prep" and lexicon.preps.get(sib.lower_, 0.0) >= thresholds.min_sibling_prep_rate
            ):
                end = max(end, sib.right_edge.i + 1)
    for tok in child.subtree:
        if tok.i > child.i and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and lexicon.is_speech_verb(tok):
            left = tok.left_edge.i
            while left > child.i and (tok.doc[left - 1].is_punct or tok.doc[left - 1].dep_ == "cc"):
                left -= 1
            end = min(end, left)
    return end


def _is_inside_commas(verb: Token) -> bool:
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    sent = verb.sent
    return left > sent.start and doc[left - 1].text == "," and right + 1 < sent.end and doc[right + 1].text == ","


def parenthetical_content(quotes: QuoteIndex, doc: Doc, verb: Token) -> Content | None:
    """"In the three years since, Barden says, far too many lives were lost": the sentence around the
    cue's own small clause, as up to two spans."""
    if verb.dep_ != "parataxis" and not (verb.dep_ == "ROOT" and _is_inside_commas(verb)):
        return None
    sent = verb.sent
    left, right = verb.left_edge.i, verb.right_edge.i + 1
    pieces = []
    for a, b in ((sent.start, left), (right, sent.end)):
        got = clause_content(quotes, doc, a, b)
        if got is not None and b - a >= 2:
            pieces.append(got)
    if not pieces:
        return None
    kind: QuoteType = "mixed" if any(k != "indirect" for k, _ in pieces) else "indirect"
    return kind, [span for _, spans in pieces for span in spans]


def rest_of_sentence(quotes: QuoteIndex, doc: Doc, verb: Token, min_tokens: int) -> Content | None:
    """"McCain says the movement ... appeals to ...": the parser made the clause's subject an object;
    what follows the verb (and its addressee) to the sentence's end is the content."""
    sent = verb.sent
    start = verb.i + 1
    while start < sent.end and doc[start].dep_ in ("prt", "dobj", "dative", "advmod") and doc[start].head.i == verb.i \
            and doc[start].pos_ in ("PRON", "ADV", "ADP"):
        start += 1
    rest = doc[start : sent.end]
    if len(rest) < min_tokens or not any(t.pos_ in ("VERB", "AUX") and t.head.i != verb.i for t in rest):
        return None
    return clause_content(quotes, doc, start, sent.end)


def colon_content(quotes: QuoteIndex, doc: Doc, verb: Token) -> Content | None:
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
        return "direct", quotes.chain_spans(q)
    return "indirect", [(start, end)]
