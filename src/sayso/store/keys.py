"""Stable keys: canonical actor ids and quote-cluster keys are hashes, so any process computes the same
id for the same actor without asking the database (parallel-safe, idempotent)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from sayso.read.article import normalise_text
from sayso.report import Actor

_NON_WORD = re.compile(r"[^\w]+")
_MIN_CLUSTER_WORDS = 4
_PRONOUNS = frozenset(
    "he she it they them him her his hers its their theirs we us our i me my you your who whom this that "
    "these those".split()
)


def article_key(text: str) -> str:
    """The deduplication key: sha256 of the normalised text, so the same story saved twice with other
    spacing or case is one article (``Article.key`` computes the same from an Article)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def normalise_name(name: str) -> str:
    """Case-folded words without punctuation: "President Xi," -> "president xi"."""
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", name).casefold()).split())


def hash_id(value: str) -> int:
    """A positive 63-bit integer (fits DuckDB BIGINT and Arrow int64)."""
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & (2**63 - 1)


def actor_key(name: str, country: str | None, actor_type: str | None = None) -> str:
    """Normalised name + country; a person by name alone. A full name names one person across articles
    far more reliably than the country each article happens to state ("Donald Trump" with and without
    "U.S. President"), while an organisation's name often repeats across countries ("Supreme Court")."""
    if actor_type == "person":
        country = None
    return f"{normalise_name(name)}|{country or ''}"


def actor_id(name: str, country: str | None, actor_type: str | None = None) -> int:
    return hash_id(actor_key(name, country, actor_type))


def canonical_actor_id(actor: Actor) -> int:
    """The corpus-wide id of a report's actor."""
    return actor_id(actor.name, actor.country, actor.type)


def is_name_alias(text: str) -> bool:
    """A mention that names the actor (not a pronoun, not "the president"): worth matching on."""
    norm = normalise_name(text)
    if not norm or norm in _PRONOUNS or norm.startswith(("the ", "a ", "an ")):
        return False
    first = text.strip()[:1]
    return first.isupper() or first.isdigit()


def aliases(name: str, actor_type: str, roles: list[str], mention_texts: list[str]) -> set[str]:
    """Normalised name forms a user may type: the name, its surname for persons, "President Xi",
    and the capitalised mention texts of the article ("Xi", "the Kremlin" is skipped)."""
    norm = normalise_name(name)
    found = {norm} if norm else set()
    words = norm.split()
    surname = words[-1] if actor_type == "person" and len(words) > 1 else None
    if surname:
        found.add(surname)
    for role in roles:
        r = normalise_name(role)
        if r and norm:
            found.add(f"{r} {norm}")
            if surname:
                found.add(f"{r} {surname}")
    found.update(normalise_name(t) for t in mention_texts if is_name_alias(t))
    found.discard("")
    return found


def cluster_key(content_text: str) -> str | None:
    """The same words (case, punctuation and spacing aside) in any article: one quote cluster.
    Very short quotes ("no", "we will see") are left unclustered: they repeat by chance."""
    norm = normalise_name(content_text)
    if len(norm.split()) < _MIN_CLUSTER_WORDS:
        return None
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
