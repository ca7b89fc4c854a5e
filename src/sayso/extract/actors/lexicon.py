"""The actor lexicons as one typed, immutable object: countries, outlets, organisations, roles, group
nouns, regions, pronouns, honorifics and the word sets of recognition and resolution.

Built by the ``sayso_actors`` component from the files its config names (``DEFAULT_FILES``) and handed to
every function that needs a word list, so a component saved with its lexicons behaves the same when
reloaded. The gazetteer (EntityRuler patterns) is built from the same object, so what the NER is taught
and what resolution canonicalises never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sayso.extract.actors.countries import CountryTables
from sayso.extract.lexicon_files import LexiconFiles

# What each file is for -> the file (in lexicons/<lang>/, else lexicons/shared/).
DEFAULT_FILES: dict[str, str] = {
    "countries": "countries.tsv",
    "outlets": "outlets.tsv",
    "organizations": "organizations.tsv",
    "roles": "roles.tsv",
    "group_nouns": "group_nouns.tsv",
    "regions": "regions.tsv",
    "pronouns": "pronouns.tsv",
    "honorifics": "honorifics.txt",
    "words": "actor_words.tsv",
    "org_sectors": "org_sectors.tsv",
    "ambiguous_places": "ambiguous_places.tsv",
    "entity_labels": "entity_label_sets.tsv",
}


@dataclass(frozen=True)
class Named:
    """An outlet or organisation: its canonical name, how texts write it, its country and sector."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    state_media: bool = False
    media: bool = False


@dataclass(frozen=True)
class Role:
    role: str
    sector: str | None


@dataclass(frozen=True)
class Region:
    adjective: str
    group: str
    nouns: tuple[str, ...]


@dataclass(frozen=True)
class Pronoun:
    refers: str  # "person" or "thing"
    gender: str | None  # "m", "f" or None


@dataclass(frozen=True)
class ActorLexicon:
    countries: CountryTables
    outlets: tuple[Named, ...]
    organizations: tuple[Named, ...]
    named_by_text: Mapping[str, Named]  # every name and alias (case-sensitive); outlets win ties
    roles: Mapping[str, Role]  # role words in lower case ("prime minister") -> canonical role and sector
    role_words: frozenset[str]  # every word of a role phrase ("prime", "minister"), stripped from names
    max_role_tokens: int  # tokens in the longest role phrase ("secretary - general": 3)
    group_nouns: Mapping[str, str | None]  # plural group nouns ("officials") -> PLOVER sector
    regions: Mapping[str, Region]  # region adjectives ("Western") -> the group they name
    pronouns: Mapping[str, Pronoun]  # third-person pronouns (lower case)
    honorifics: frozenset[str]
    words: Mapping[str, frozenset[str]]  # the named word sets of actor_words.tsv
    org_sectors: tuple[tuple[str, str], ...]  # name word -> sector, first match wins
    ambiguous_places: frozenset[str]  # place names the gazetteer leaves to the model
    not_actor_labels: frozenset[str]  # entity labels that never name an actor

    @classmethod
    def load(cls, files: Mapping[str, str] | None = None, lang: str = "en") -> ActorLexicon:
        return cls.build(LexiconFiles.read(files or DEFAULT_FILES, lang))

    @classmethod
    def build(cls, files: LexiconFiles) -> ActorLexicon:
        outlets = tuple(
            Named(name, _split(aliases), country or None, "JRN", state_media=flag == "1", media=True)
            for name, aliases, country, flag in (_cells(r, 4) for r in files.tsv("outlets"))
        )
        organizations = tuple(
            Named(name, _split(aliases), country or None, sector or None)
            for name, aliases, country, sector in (_cells(r, 4) for r in files.tsv("organizations"))
        )
        named: dict[str, Named] = {}
        for item in (*outlets, *organizations):
            for text in (item.name, *item.aliases):
                named.setdefault(text, item)
        roles = {word: Role(role, sector or None) for word, role, sector in (_cells(r, 3) for r in files.tsv("roles"))}
        labels = files.word_sets("entity_labels")
        return cls(
            countries=CountryTables.build(files.tsv("countries")),
            outlets=outlets,
            organizations=organizations,
            named_by_text=MappingProxyType(named),
            roles=MappingProxyType(roles),
            role_words=frozenset(w for phrase in roles for w in phrase.split()),
            max_role_tokens=max((len(phrase.replace("-", " - ").split()) for phrase in roles), default=1),
            group_nouns=MappingProxyType({noun: sector or None for noun, sector in (_cells(r, 2) for r in files.tsv("group_nouns"))}),
            regions=MappingProxyType({adj: Region(adj, group, _split(nouns))
                                      for adj, group, nouns in (_cells(r, 3) for r in files.tsv("regions"))}),
            pronouns=MappingProxyType({word: Pronoun(refers, gender or None)
                                       for word, refers, gender in (_cells(r, 3) for r in files.tsv("pronouns"))}),
            honorifics=files.words("honorifics"),
            words=MappingProxyType(files.word_sets("words")),
            org_sectors=tuple((word, sector) for word, sector in (_cells(r, 2) for r in files.tsv("org_sectors"))),
            ambiguous_places=frozenset(row[0] for row in files.tsv("ambiguous_places")),
            not_actor_labels=labels["not_actor"],
        )

    def word_set(self, name: str) -> frozenset[str]:
        return self.words[name]


def _cells(row: tuple[str, ...], n: int) -> list[str]:
    """The first ``n`` cells of a row, empty strings for missing trailing cells."""
    return (list(row) + [""] * n)[:n]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())
