"""Columns from record fields: the naming and typing rules that turn a report dataclass into table columns.

One row holds one record (a quote, a claim, ...). Its scalar fields become columns of the same name; a
nested record's fields get its name as a prefix (``speaker`` -> ``speaker_text``); a span becomes two
integer columns; a string naming one of the report's actors becomes the local id plus a column with the
corpus-wide actor id. The rules reproduce the names of store version 1 exactly (docs/store.md), so every
column keeps the path of the field it comes from, which is what rows and rebuild walk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import pyarrow as pa

from sayso.records import TypeInfo, describe, record_fields

Path = tuple[str | int, ...]

# A derived column's value: derive(item, parent, context) -> value (see store/rows.py for the context).
Derive = Callable[[Any, Any, Any], Any]

_SQL_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
                "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us")}


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # DuckDB type: VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, VARCHAR[], INTEGER[][]
    not_null: bool = False
    path: Path | None = None  # where the value sits in the row's record; None: not a record field
    links_actor: bool = False  # holds the corpus-wide id of the actor whose local id sits at ``path``
    derive: Derive | None = None  # a declared derived column's value
    options: str = ""  # SQL after the type: "PRIMARY KEY", "UNIQUE", "DEFAULT ..."
    written: bool = True  # False: the database fills it (a DEFAULT); rows never carry it

    def ddl(self, constraints: bool = True) -> str:
        parts = [self.name, self.sql]
        if constraints and self.not_null and "PRIMARY KEY" not in self.options:
            parts.append("NOT NULL")
        if self.options:
            parts.append(self.options)
        return " ".join(parts)

    def arrow_type(self) -> pa.DataType:
        base, depth = self.sql, 0
        while base.endswith("[]"):
            base, depth = base[:-2], depth + 1
        arrow = _ARROW_TYPES[base]
        for _ in range(depth):
            arrow = pa.list_(arrow)
        return arrow


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    record: type | None = None  # the record one row holds (None: a plain value, or a corpus table)
    owner: type | None = None  # the record whose list fields fill this table (None: not a list's table)
    fields: tuple[str, ...] = ()  # those list fields
    parent_key: str | None = None  # the column holding the owner's local id (None under the report)
    role: bool = False  # a ``role`` column says which of ``fields`` a row comes from
    copy_of: str | None = None  # created as an empty copy of that table (no constraints)
    primary_key: tuple[str, ...] = ()  # a key over several columns

    def arrow_schema(self) -> pa.Schema:
        """The columns rows carry (not those the database fills), as Arrow types: what a batch of rows
        is converted with before it is written, here or to Parquet."""
        return pa.schema([pa.field(c.name, c.arrow_type(), nullable=not c.not_null) for c in self.columns if c.written])


@dataclass(frozen=True)
class ListTable:
    """Where the items of one list field go, when not to the default table."""

    table: str
    parent_key: str = "item_id"  # the column holding the owning record's local id
    role: str | None = None  # two fields in one table: this field's value of the ``role`` column
    copy_of: str | None = None  # created as an empty copy of that table (store version 1 did so)


@dataclass(frozen=True)
class Derived:
    """A column beside the record's own, placed after the column ``after`` (None: at the end)."""

    column: Column
    after: str | None = None


def sql_type(info: TypeInfo) -> str:
    if info.origin is list:
        return sql_type(describe(info.args[0])) + "[]"
    if info.origin is tuple:
        return sql_type(describe(info.args[0])) + "[]"
    if info.origin is Literal:  # the report's literals are all strings
        return "VARCHAR"
    return _SQL_TYPES[info.base]


def is_span(info: TypeInfo) -> bool:
    return info.origin is tuple


def join(prefix: str, name: str) -> str:
    return f"{prefix}_{name}" if prefix else name


def span_columns(prefix: str, name: str, siblings: set[str], path: Path, not_null: bool) -> list[Column]:
    """``span`` alone -> start_char/end_char; a nested ``span`` -> cue_start/cue_end (date_span_start
    when the record has its own ``start``); any other span -> sentence_start/sentence_end."""
    if name == "span" and not prefix:
        start, end = "start_char", "end_char"
    elif name == "span" and not {"start", "end"} & siblings:
        start, end = f"{prefix}_start", f"{prefix}_end"
    else:
        start, end = f"{join(prefix, name)}_start", f"{join(prefix, name)}_end"
    return [Column(start, "INTEGER", not_null, path + (0,)), Column(end, "INTEGER", not_null, path + (1,))]


def actor_link_columns(prefix: str, name: str, path: Path, not_null: bool) -> list[Column]:
    """A local actor id and the corpus-wide id beside it: ``actor`` alone -> local_actor/actor_id,
    ``speaker.actor`` -> speaker_local/speaker_actor_id, ``about`` -> about_local/about_actor_id."""
    if name == "actor" and not prefix:
        local, canonical = "local_actor", "actor_id"
    else:
        base = prefix if name == "actor" else join(prefix, name)
        local, canonical = f"{base}_local", f"{base}_actor_id"
    return [Column(local, "VARCHAR", not_null, path), Column(canonical, "BIGINT", False, path, links_actor=True)]


def record_columns(cls: type, *, skip: Callable[[type, str], bool], own_id: str = "id",
                   inline: frozenset[str] = frozenset(), prefix: str = "", path: Path = (),
                   nullable: bool = False) -> list[Column]:
    """The columns of one record, in field order. ``skip(cls, field)`` is true for the list fields held
    by a table of their own; ``own_id`` names the column of the record's ``id`` field; the records named
    in ``inline`` add their columns without a prefix (the report's ``article``)."""
    fields = record_fields(cls)
    siblings = {f.name for f in fields}
    out: list[Column] = []
    for f in fields:
        if skip(cls, f.name):
            continue
        here = path + (f.name,)
        not_null = not (nullable or f.type.optional)
        if f.type.is_record:
            if f.type.optional and all(g.type.optional for g in record_fields(f.type.base)):
                raise TypeError(f"{cls.__name__}.{f.name}: an optional record needs a required field, "
                                "or a stored None and an empty record would look the same")
            nested = prefix if f.name in inline else join(prefix, f.name)
            out += record_columns(f.type.base, skip=skip, prefix=nested, path=here, nullable=not not_null)
        else:
            out += value_columns(f.type, prefix, f.name, siblings, here, not_null, own_id)
    return out


def value_columns(info: TypeInfo, prefix: str, name: str, siblings: set[str], path: Path, not_null: bool,
                  own_id: str = "id") -> list[Column]:
    """The columns of one value that is not a record: a span, an actor link, a scalar or a list of them."""
    if is_span(info):
        return span_columns(prefix, name, siblings, path, not_null)
    if info.links_actor:
        return actor_link_columns(prefix, name, path, not_null)
    column = own_id if name == "id" and not prefix else join(prefix, name)
    return [Column(column, sql_type(info), not_null, path)]


def element_columns(info: TypeInfo, skip: Callable[[type, str], bool]) -> list[Column]:
    """The columns of one item of a list held in its own table: a record's fields, or the item itself
    (a span -> start_char/end_char, an actor link -> local_actor/actor_id)."""
    if info.is_record:
        return record_columns(info.base, skip=skip, own_id="local_id")
    name = "actor" if info.links_actor else "span" if is_span(info) else "value"
    return value_columns(info, "", name, set(), (), True)
