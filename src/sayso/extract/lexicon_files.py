"""The lexicon files one component reads, held as read: what its ``to_disk`` saves and ``from_disk``
restores, so a saved pipeline keeps behaving the same whatever the installed package's files say.

Components name their files in their config (``lexicons``: what each file is for -> file name), read
them through ``sayso.lexicons`` (the language's folder, then ``shared/``) and build their typed tables
from this object only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sayso.lexicons import read_jsonl, read_tsv, read_words

Rows = tuple[tuple[str, ...], ...]
_FILE = "lexicons.json"


@dataclass(frozen=True)
class LexiconFiles:
    lang: str
    names: Mapping[str, str]  # what a file is for ("roles") -> its file name ("roles.tsv")
    content: Mapping[str, Any]  # file name -> rows (.tsv), words (.txt) or records (.jsonl)

    @classmethod
    def read(cls, names: Mapping[str, str], lang: str) -> LexiconFiles:
        content: dict[str, Any] = {}
        for name in names.values():
            if name.endswith(".tsv"):
                content[name] = read_tsv(name, lang)
            elif name.endswith(".txt"):
                content[name] = read_words(name, lang)
            elif name.endswith(".jsonl"):
                content[name] = read_jsonl(name, lang)
            else:
                raise ValueError(f"lexicon {name!r}: expected a .tsv, .txt or .jsonl file")
        return cls(lang, MappingProxyType(dict(names)), MappingProxyType(content))

    def tsv(self, what: str) -> Rows:
        return self.content[self.names[what]]

    def words(self, what: str) -> frozenset[str]:
        return self.content[self.names[what]]

    def jsonl(self, what: str) -> tuple[dict[str, Any], ...]:
        return self.content[self.names[what]]

    def word_sets(self, what: str) -> dict[str, frozenset[str]]:
        """A two-column table of named word sets (``set<TAB>word``) as {set name: words}."""
        sets: dict[str, set[str]] = {}
        for row in self.tsv(what):
            sets.setdefault(row[0], set()).add(row[1])
        return {name: frozenset(words) for name, words in sets.items()}

    # ----- serialisation (a component's to_disk / from_disk, to_bytes / from_bytes) -----------------

    def to_bytes(self) -> bytes:
        content = {name: sorted(value) if isinstance(value, frozenset) else value for name, value in self.content.items()}
        data = {"lang": self.lang, "names": dict(self.names), "content": content}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> LexiconFiles:
        loaded = json.loads(data.decode("utf-8"))
        content: dict[str, Any] = {}
        for name, value in loaded["content"].items():
            if name.endswith(".tsv"):
                content[name] = tuple(tuple(row) for row in value)
            elif name.endswith(".txt"):
                content[name] = frozenset(value)
            else:
                content[name] = tuple(value)
        return cls(loaded["lang"], MappingProxyType(loaded["names"]), MappingProxyType(content))

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        (path / _FILE).write_bytes(self.to_bytes())

    @classmethod
    def from_disk(cls, path: Path) -> LexiconFiles:
        return cls.from_bytes((path / _FILE).read_bytes())
