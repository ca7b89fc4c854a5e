"""How a typed name finds actors, and how typed words find quotes: whole words, never parts of words.

The name rule (every actor filter: speaker, addressee, via, actor, recipient, involving, the actor list):

1. digits are an actor id ("4417...", what the web's links carry);
2. three capitals that are an ISO 3166-1 alpha-3 code are every actor of that country ("RUS");
3. otherwise the name, normalised as the store normalises aliases ("President Xi," -> "president xi"),
   is looked up among ``actor_aliases``: the whole name, then with leading words dropped one at a time
   ("president lula" -> "lula"); failing that, aliases that contain the name as whole words
   ("xi" finds "xi jinping", never "xinhua", "mexico" or "brexit") — unless every word of the name is
   a function word ("the", "of", "and": spaCy's English stop words), which would find every long
   alias.

The word rule (the ``text`` filter): the quote, lower-cased and cut at every character that is not a
letter, digit or underscore, contains each typed word as one of its words; a typed word ending in ``*``
is a prefix ("sanction*" finds "sanctions", "sanctioned").
"""

from __future__ import annotations

import re
from functools import lru_cache

import duckdb

from sayso.store.keys import normalise_name

# A word boundary that DuckDB's and Arrow's RE2 and Python's re read the same way.
WORD_CHARS = r"\p{L}\p{N}_"
_TYPED_WORD = re.compile(r"\w+\*?")
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


def words(text: str | None) -> list[str]:
    """The typed words (at most 8), lower-cased, cut as the quotes are cut, a prefix keeping its ``*``
    ("U.S. sanction*," -> ["u", "s", "sanction*"])."""
    return _TYPED_WORD.findall((text or "").lower())[:8]


def word_pattern(word: str) -> str:
    """An RE2 pattern matching a typed word in a lower-cased text: the whole word, or for ``stem*`` a
    word starting with the stem (word characters only, none of them special to a regular expression)."""
    if word.endswith("*"):
        return f"(^|[^{WORD_CHARS}]){word[:-1]}"
    return f"(^|[^{WORD_CHARS}]){word}([^{WORD_CHARS}]|$)"


def normalised_sql(column: str) -> str:
    """SQL for a text's words joined by single spaces, with a space at each end: the form in which a
    normalised name is looked for as whole words (``LIKE '% name %'``)."""
    return f"(' ' || trim(regexp_replace(lower({column}), '[^{WORD_CHARS}]+', ' ', 'g')) || ' ')"


def padded_name(value: str) -> str:
    """The value as whole words between spaces, for ``normalised_sql`` and the index's equivalent."""
    norm = normalise_name(value)
    return f" {norm} " if norm else ""


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_country_code(value: str) -> bool:
    return bool(_COUNTRY_CODE.match(value)) and value in _country_codes()


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_ids(cur: duckdb.DuckDBPyConnection, value: str) -> list[int]:
    """Actor ids for a typed actor (the name rule above), ascending; empty when nobody matches, and a
    filter on nobody matches nothing."""
    value = value.strip()
    if value.isdigit():
        return [int(value)]
    if is_country_code(value):
        return [r[0] for r in cur.execute("SELECT id FROM actors WHERE country = ? ORDER BY id", [value]).fetchall()]
    norm = normalise_name(value)
    if not norm:
        return []
    parts = norm.split()
    for i in range(len(parts)):
        alias = " ".join(parts[i:])
        found = cur.execute("SELECT DISTINCT actor_id FROM actor_aliases WHERE alias = ? ORDER BY 1", [alias]).fetchall()
        if found:
            return [r[0] for r in found]
    if all(part in _function_words() for part in parts):
        return []
    found = cur.execute("SELECT DISTINCT actor_id FROM actor_aliases WHERE (' ' || alias || ' ') LIKE ? ESCAPE '\\'"
                        " ORDER BY 1", [f"% {_like_escape(norm)} %"]).fetchall()
    return [r[0] for r in found]


def id_list(ids: list[int]) -> str:
    """Ids as integer literals for ``IN (...)`` (``int()`` leaves no room for injection): DuckDB probes
    an index for a constant list, not for bound parameters."""
    return "(" + ",".join(str(int(i)) for i in ids) + ")" if ids else "(NULL)"
