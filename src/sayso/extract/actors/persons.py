"""Person names: clean the model's PERSON entities, read titles and appositions for roles and country.

The model's PERSON spans are noisy on news: a title-case headline becomes one long "person", titles and
possessives ride along ("President Xi", "Putin’s"). Names are cleaned here; ``actors`` clusters them
("Xi" is "Xi Jinping") and finds the short forms the model missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sayso.extract.actors.lexicon import ActorLexicon
from sayso.extract.actors.settings import ActorSettings

_NAME_PUNCT = frozenset({".", "-", "'", "’"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass
class Title:
    """What the words around a name say about the person."""

    roles: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    country: str | None = None


def is_headline(sent: Span, settings: ActorSettings) -> bool:
    """A title-case line without a final full stop: the model's entities there are not trusted."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sent.text.rstrip().endswith((".", "”", '"')):
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) >= settings.headline_capitalised


def clean_name(lex: ActorLexicon, settings: ActorSettings, ent: Span) -> Span | None:
    """The name inside a PERSON entity: titles, honorifics, demonyms and possessives stripped; None when
    what is left does not look like a name (quotes, lower-case words, too long)."""
    doc, start, end = ent.doc, ent.start, ent.end
    particles = lex.word_set("name_particle")
    strip = lex.honorifics | lex.role_words | {"the"}
    while start < end and (doc[start].lower_ in strip or doc[start].ent_type_ == "NORP" and start + 1 < end):
        start += 1
    cut = next((t.i for t in doc[start:end] if t.text in _POSSESSIVE), end)  # "Al-Sharaa’s HTS" -> "Al-Sharaa"
    end = cut
    while start < end < len(doc) and doc[end - 1].lower_ in particles and doc[end].is_alpha \
            and (doc[end].lower_ in particles or doc[end].text[:1].isupper()):
        end += 1  # the model stops at "Ursula von der" and leaves "Leyen" out
    half = (end - start) // 2
    if half and (end - start) % 2 == 0 and [t.text for t in doc[start : start + half]] == [t.text for t in doc[start + half : end]]:
        end = start + half  # a photo caption glued to the text: "David Gee David Gee migrated..."
    if start >= end or end - start > settings.max_name_tokens:
        return None
    span = doc[start:end]
    for tok in span:
        if tok.is_quote or (tok.is_punct and tok.text not in _NAME_PUNCT):
            return None
        if tok.is_alpha and tok.text[0].islower() and tok.lower_ not in particles:
            return None
        if tok.like_num:
            return None
    return span


def name_key_tokens(lex: ActorLexicon, name: Span) -> tuple[str, ...]:
    """The tokens that identify a person: capitalised words, particles and punctuation dropped."""
    particles = lex.word_set("name_particle")
    return tuple(t.text for t in name if t.is_alpha and t.lower_ not in particles and len(t.text) > 1)


def read_roles(lex: ActorLexicon, tokens: list[Token]) -> Title:
    """Roles, sectors and country named by a run of title words ("Chinese President", "China’s foreign
    minister")."""
    title = Title()
    lowers = [t.lower_ for t in tokens]
    table = lex.roles
    i = 0
    while i < len(tokens):
        for n in range(min(lex.max_role_tokens, len(tokens) - i), 0, -1):
            phrase = " ".join(lowers[i : i + n]).replace(" - ", "-")
            if phrase in table:
                role = table[phrase]
                if role.role not in title.roles and role.role != "Counterpart":
                    title.roles.append(role.role)
                    if role.sector:
                        title.sectors.append(role.sector)
                i += n
                break
        else:
            tok = tokens[i]
            named = lex.named_by_text.get(tok.text) if tok.ent_type_ == "ORG" else None
            if named is not None and named.sector and named.sector not in title.sectors:
                title.sectors.insert(0, named.sector)  # "UN Secretary-General": the body's sector
            code = _country_of_token(lex, tok)
            if code and title.country is None:
                title.country = code
            i += 1
    return title


def _country_of_token(lex: ActorLexicon, tok: Token) -> str | None:
    if tok.ent_id_.startswith("demonym:"):
        return tok.ent_id_.split(":", 1)[1]
    if tok.ent_id_.startswith("country:"):
        return tok.ent_id_.split(":", 1)[1]
    if tok.ent_type_ in ("NORP", "GPE") or tok.pos_ in ("PROPN", "ADJ"):
        countries = lex.countries
        return countries.demonym(tok.text) or (countries.code(tok.text) if tok.text[:1].isupper() else None)
    return None


def title_before(lex: ActorLexicon, name: Span) -> Title:
    """Title words right before a name: "Chinese President Xi Jinping", "China’s Xi"."""
    doc = name.doc
    allowed = lex.role_words | lex.honorifics
    i = name.start - 1
    while i >= name.sent.start:
        tok = doc[i]
        if tok.lower_ in allowed or tok.text in _POSSESSIVE or tok.text == "-" or _country_of_token(lex, tok) \
                or tok.ent_id_.startswith("org:"):
            i -= 1
            continue
        break
    tokens = [t for t in doc[i + 1 : name.start] if t.text not in _POSSESSIVE]
    return read_roles(lex, tokens)


def title_in_apposition(lex: ActorLexicon, name: Span) -> Title:
    """Roles from an apposition: "Wang Yi, China’s foreign minister," or "China’s foreign minister, Wang Yi"."""
    root = name.root
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        heads.append(root.head)
    table = lex.roles
    for head in heads:
        if head.lower_ not in table and head.lemma_.lower() not in table:
            continue
        owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}  # "Trump’s envoy, X"
        tokens = [t for t in head.subtree if t.i < head.i + 1 and not (name.start <= t.i < name.end) and t.i not in owner]
        tokens = [t for t in tokens if t.i >= head.left_edge.i and not t.is_punct or t.text in _POSSESSIVE]
        title = read_roles(lex, tokens)
        if title.roles:
            return title
    return Title()


def doc_headlines(doc: Doc, settings: ActorSettings) -> set[int]:
    """Sentence start indices of title-case lines."""
    return {s.start for s in doc.sents if is_headline(s, settings)}


@dataclass
class NameCluster:
    """One person: the longest name seen and the tokens that identify them."""

    name: str
    tokens: tuple[str, ...]
    last: int  # token index of the latest mention, for picking between namesakes


def cluster_names(lex: ActorLexicon, doc: Doc, names: list[Span], taken: set[int]) -> list[tuple[Span, NameCluster]]:
    """Group person names ("Xi" joins "Xi Jinping"; "Joe Biden" and "Hunter Biden" stay apart), then find
    the short forms the model missed (a sentence-initial "Xi", a surname inside a headline)."""
    clusters: list[NameCluster] = []
    assigned: list[tuple[Span, NameCluster]] = []
    for name in names:
        toks = name_key_tokens(lex, name)
        matches = [c for c in clusters if set(toks) <= set(c.tokens) or set(c.tokens) <= set(toks)]
        cluster = max(matches, key=lambda c: c.last) if matches else None
        if cluster is None and len(toks) == 1 and toks[0].isupper():
            cluster = next((c for c in clusters if _initials(c.name) == toks[0]), None)
            if cluster is not None:
                toks = cluster.tokens
        if cluster is None:
            cluster = NameCluster(" ".join(name.text.split()), toks, name.start)
            clusters.append(cluster)
        elif len(toks) > len(cluster.tokens):
            cluster.name, cluster.tokens = " ".join(name.text.split()), toks
        cluster.last = name.start
        assigned.append((name, cluster))
    if not clusters:
        return assigned
    matcher = PhraseMatcher(doc.vocab)
    for word in {w for c in clusters for w in c.tokens}:
        matcher.add(word, [Doc(doc.vocab, words=[word])])
    initials = {_initials(c.name): c for c in clusters if len(c.name.split()) >= 3}  # "MBS"
    for word in initials:
        matcher.add(word, [Doc(doc.vocab, words=[word])])
    used = set(taken) | {t.i for n, _ in assigned for t in n}
    for _, start, _end in matcher(doc):
        if doc[start].text in initials and start not in used:
            assigned.append((doc[start : start + 1], initials[doc[start].text]))
            used.add(start)
            continue
        if start in used:
            continue
        word = doc[start].text
        owners = [c for c in clusters if word in c.tokens]
        earlier = [(n.start, c) for n, c in assigned if n.start < start and c in owners]
        cluster = max(earlier, key=lambda x: x[0])[1] if earlier else owners[0]
        assigned.append((doc[start : start + 1], cluster))
        used.add(start)
    return assigned


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split()).upper()


def not_names(lex: ActorLexicon, names: list[Span], quoted: set[int]) -> list[Span]:
    """Drop one-word "names" that are something else: a word that also sits inside another kind of
    entity ("Schengen" of "the Schengen Agreement"), or one seen only inside quotes and never in a
    longer name and capitalised only by its position ("“Cherry picking is not an option”")."""
    doc = names[0].doc if names else None
    if doc is None:
        return names
    in_longer = {w for n in names if len(name_key_tokens(lex, n)) > 1 for w in name_key_tokens(lex, n)}
    in_other = {t.text for e in doc.ents if e.label_ != "PERSON" and len(e) > 1 for t in e}
    singles: dict[str, list[Span]] = {}
    for n in names:
        if len(name_key_tokens(lex, n)) == 1:
            singles.setdefault(name_key_tokens(lex, n)[0], []).append(n)
    bad = {w for w, spans in singles.items() if w not in in_longer
           and (w in in_other or all(s.start in quoted and _capitalised_by_position(s) for s in spans))}
    return [n for n in names if not (len(name_key_tokens(lex, n)) == 1 and name_key_tokens(lex, n)[0] in bad)]


def _capitalised_by_position(name: Span) -> bool:
    """Sentence- or quote-initial and followed by a lower-case word: "Cherry picking"."""
    doc = name.doc
    after = doc[name.end] if name.end < len(doc) else None
    before = doc[name.start - 1] if name.start > 0 else None
    initial = name[0].is_sent_start or (before is not None and before.is_quote)
    return initial and after is not None and after.is_alpha and after.text[:1].islower() and after.pos_ != "VERB"
