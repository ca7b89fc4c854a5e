"""Read PETRARCH2's CAMEO verb-pattern dictionary (CAMEO.2.0.txt) into plain records.

The format, as ``PETRreader.read_verb_dictionary`` reads it:

- ``&NAME`` opens a synonym set whose members follow as ``+WORD`` lines (``_`` joins the words of a
  phrase; a member ending in ``_``, or a set whose name ends in ``_``, takes no plural: an exact word);
- ``--- NAME [CODE] ---`` opens a verb block; ``CODE`` (``---`` = no event) is the default of its verbs;
- a verb line is ``WORD {IRREGULAR FORMS} [CODE]``; ``+CALL_OFF`` is a verb with a particle (the ``+``
  marks the word the parser calls the verb), and the first block that lists a verb owns it;
- a pattern line is ``- UPPER * LOWER [CODE]``: UPPER are the nouns before the verb (the subject),
  LOWER the nouns after it (objects); ``(PREP NOUN ...)`` is a prepositional phrase, ``{MOD ... HEAD}``
  a noun phrase whose last word is its head, ``&NAME`` a synonym set, ``A/B`` alternatives (TABARI);
  ``$`` marks where the actor is, ``+`` the recipient, ``^`` any actor to skip, ``%`` a joint actor;
- a code ``[A:B]`` is A read actively and B read the other way (``[:B]``: only the other way);
- ``~`` lines after ``TRANSFORMATIONS`` combine two verbs' codes (read, counted, not compiled).

Everything is lower-cased here; words keep a trailing ``_`` when they must match exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MARKERS = {"$": "actor", "+": "recipient", "^": "skip", "%": "joint"}
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Term:
    """A noun or noun phrase: words in order, the last is the head; ``&name`` is a synonym set."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Prep:
    """A prepositional phrase: the preposition (``a/b`` alternatives) and the nouns it governs."""

    prep: str
    objects: tuple[Term, ...]
    marker: str | None  # "actor" | "recipient" | "skip" | "joint" when a marker stands in it


@dataclass(frozen=True)
class Pattern:
    block: str
    line: int
    text: str
    upper: tuple[Term, ...]
    upper_preps: tuple[Prep, ...]
    lower: tuple[Term, ...]
    lower_preps: tuple[Prep, ...]
    code: str  # as written: "190", "042:043", ":054", "---"
    upper_marker: str | None  # a marker among the upper nouns (the subject)
    lower_marker: str | None  # a marker among the lower nouns (the object)


@dataclass(frozen=True)
class Verb:
    block: str
    line: int
    word: str  # the verb itself, lower case
    forms: tuple[str, ...]  # irregular forms as listed (lower case, verb word only)
    particles: tuple[str, ...]  # words after the verb in a multi-word verb ("call off" -> ("off",))
    code: str  # the verb's own code, else its block's


@dataclass
class VerbDictionary:
    synsets: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    exact_synsets: set[str] = field(default_factory=set)
    blocks: dict[str, str] = field(default_factory=dict)  # block name -> default code, file order
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    transformations: int = 0
    warnings: list[str] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    """PETRARCH drops a line starting with '#' and anything after ' #'."""
    if line.lstrip().startswith("#"):
        return ""
    cut = line.find(" #")
    if cut < 0:
        cut = line.find("\t#")
    return (line if cut < 0 else line[:cut]).strip()


def _words(token: str) -> list[str]:
    """One dictionary token as words: ``AIR_STRIKE`` -> ["air", "strike"], ``CASH_`` -> ["cash_"]."""
    token = token.lower()
    exact = token.endswith("_")
    parts = [p for p in token.strip("_").split("_") if p]
    if exact and parts:
        parts[-1] += "_"
    return parts


def _term(token: str) -> Term:
    return Term(tuple(_words(token)))


@dataclass
class _Side:
    """The nouns, phrases and prepositional phrases of one side of a pattern's ``*``."""

    terms: list[Term] = field(default_factory=list)
    preps: list[Prep] = field(default_factory=list)
    marker: str | None = None


def _parse_side(text: str) -> _Side:
    side = _Side()
    phrase: list[str] | None = None
    prep: list[str] | None = None  # [prep, words...]
    prep_terms: list[Term] = []
    prep_marker: str | None = None
    for raw in text.split():
        token = raw
        opens_prep = token.startswith("(")
        token = token.lstrip("(")
        opens_phrase = token.startswith("{")
        token = token.lstrip("{")
        closes_prep = token.endswith(")")
        token = token.rstrip(")")
        closes_phrase = token.endswith("}")
        token = token.rstrip("}")
        if opens_prep:
            prep, prep_terms, prep_marker = [token.lower()], [], None
            token = ""
        if opens_phrase:
            phrase = []
        if token in MARKERS:
            if prep is not None:
                prep_marker = MARKERS[token]
            else:
                side.marker = MARKERS[token]
        elif token:
            if phrase is not None:
                phrase.extend(_words(token))
            elif prep is not None:
                prep_terms.append(_term(token))
            else:
                side.terms.append(_term(token))
        if closes_phrase and phrase is not None:
            (prep_terms if prep is not None else side.terms).append(Term(tuple(phrase)))
            phrase = None
        if closes_prep and prep is not None:
            side.preps.append(Prep(prep[0], tuple(prep_terms), prep_marker))
            prep = None
    return side


def _parse_verb(line: str, block: str, default: str, n: int) -> Verb | None:
    code_match = _CODE.search(line)
    code = code_match.group(1).strip() if code_match else default
    body = _CODE.sub("", line)
    forms_text = ""
    if "{" in body:
        forms_text = body[body.index("{") + 1 : body.index("}")] if "}" in body else body[body.index("{") + 1 :]
        body = body[: body.index("{")]
    head = body.split()
    if not head:
        return None
    word = head[0].lower()
    particles: tuple[str, ...] = ()
    if "_" in word:  # "+call_off": the '+' word is the verb, the others follow it
        parts = [p for p in word.split("_") if p]
        verb_at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        particles = tuple(p.lstrip("+") for p in parts[verb_at + 1 :])
        word = parts[verb_at].lstrip("+")
    forms = tuple(f.lstrip("+").split("_")[0].lower() for f in forms_text.split() if f.strip("+"))
    return Verb(block, n, word.lstrip("+"), forms, particles, code)


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """All synonym sets, verbs and patterns of a CAMEO verb dictionary, in file order."""
    result = VerbDictionary()
    block, default = "", "---"
    synset: str | None = None
    seen_verbs: dict[tuple[str, tuple[str, ...]], str] = {}
    in_transformations = False
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("########") and "TRANSFORMATIONS" in raw:
            in_transformations = True
        line = _strip_comment(raw)
        if not line or line.startswith("<!"):
            continue
        if in_transformations:
            result.transformations += line.startswith("~")
            continue
        if line.startswith("&"):
            name = line.split()[0].lower()
            synset = name.rstrip("_")
            if name.endswith("_"):
                result.exact_synsets.add(synset)
            result.synsets.setdefault(synset, ())
            continue
        if line.startswith("+") and synset is not None:  # members follow their set's name directly
            result.synsets[synset] += (_term(line[1:].strip().replace(" ", "_")),)
            continue
        synset = None
        if line.startswith("---"):
            parts = line.strip("- ").split()
            block = parts[0].lower() if parts else ""
            code_match = _CODE.search(line)
            default = code_match.group(1).strip() if code_match else "---"
            result.blocks.setdefault(block, default)
            continue
        if line.startswith("-"):
            _add_pattern(result, line, block, n)
            continue
        verb = _parse_verb(line, block, default, n)
        if verb is None:
            continue
        key = (verb.word, verb.particles)
        if key in seen_verbs:  # PETRARCH keeps the first block's entry
            if seen_verbs[key] != block:
                result.warnings.append(f"line {n}: verb {' '.join(key[:1] + key[1])!r} already in block {seen_verbs[key]}; kept there")
            continue
        seen_verbs[key] = block
        result.verbs.append(verb)
    return result


def _add_pattern(result: VerbDictionary, line: str, block: str, n: int) -> None:
    codes = _CODE.findall(line)
    if not codes or "*" not in line:
        result.warnings.append(f"line {n}: pattern without a code or a '*': skipped")
        return
    body = line[1 : line.rindex("[")]
    upper_text, _, lower_text = body.partition("*")
    upper, lower = _parse_side(upper_text), _parse_side(lower_text)
    result.patterns.append(Pattern(
        block=block, line=n, text=" ".join(line.split()), upper=tuple(upper.terms), upper_preps=tuple(upper.preps),
        lower=tuple(lower.terms), lower_preps=tuple(lower.preps), code=codes[-1].strip(),
        upper_marker=upper.marker, lower_marker=lower.marker,
    ))
