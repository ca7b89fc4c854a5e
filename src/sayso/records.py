"""How the report's dataclasses describe themselves, so that everything else is derived from them.

The dataclasses in ``report.py`` are the one description of the record. Their type hints say what each
field holds; ``Annotated`` marks add what a type alone cannot say (a JSON Schema keyword such as a
pattern, or that a string names one of the report's actors). From that one description come the JSON
form (``to_json_value``/``from_dict`` here), the published JSON Schema (``report_schema.py``) and the
store's tables, rows and Arrow schemas (``store/tables.py``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin

OPTIONAL_IN_JSON = "sayso.optional_in_json"  # field metadata: the JSON form may lack the field


class JsonSchema:
    """JSON Schema keywords a type adds to the published schema: ``Annotated[str, JsonSchema(pattern=...)]``."""

    def __init__(self, **keywords: Any) -> None:
        self.keywords = keywords

    def __repr__(self) -> str:
        return f"JsonSchema({self.keywords!r})"


class ActorLink:
    """Marks a string that is the id of one of the same report's actors ("a1"). The store keeps it and
    adds the corpus-wide id of that actor beside it."""

    def __repr__(self) -> str:
        return "ActorLink()"


ACTOR_LINK = ActorLink()


@dataclass(frozen=True)
class TypeInfo:
    """A field type taken apart: ``base`` is the type without ``None`` and ``Annotated`` (str, int, float,
    bool, a Literal, a tuple, a list, or a dataclass)."""

    base: Any
    optional: bool
    marks: tuple[Any, ...]

    @property
    def schema_keywords(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for mark in self.marks:
            if isinstance(mark, JsonSchema):
                out.update(mark.keywords)
        return out

    @property
    def links_actor(self) -> bool:
        return any(isinstance(mark, ActorLink) for mark in self.marks)

    @property
    def origin(self) -> Any:
        return get_origin(self.base)

    @property
    def args(self) -> tuple[Any, ...]:
        return get_args(self.base)

    @property
    def is_record(self) -> bool:
        return dataclasses.is_dataclass(self.base)


def describe(tp: Any) -> TypeInfo:
    """Take ``Annotated[X | None, ...]`` (in any nesting) apart into base, optional and marks."""
    marks: list[Any] = []
    optional = False
    while True:
        if get_origin(tp) is typing.Annotated:
            marks.extend(tp.__metadata__)
            tp = tp.__origin__
        elif get_origin(tp) in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"only X | None unions are supported in a record, not {tp}")
            optional = True
            tp = args[0]
        else:
            return TypeInfo(tp, optional, tuple(marks))


@dataclass(frozen=True)
class RecordField:
    name: str
    type: TypeInfo
    field: dataclasses.Field

    @property
    def optional_in_json(self) -> bool:
        return bool(self.field.metadata.get(OPTIONAL_IN_JSON))

    def default(self) -> Any:
        if self.field.default is not dataclasses.MISSING:
            return self.field.default
        if self.field.default_factory is not dataclasses.MISSING:
            return self.field.default_factory()
        raise KeyError(self.name)


@cache
def record_fields(cls: type) -> tuple[RecordField, ...]:
    """The fields of a record dataclass with their resolved types (a class is described once)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(RecordField(f.name, describe(hints[f.name]), f) for f in dataclasses.fields(cls))


# --- the JSON form ---

def to_json_value(value: Any) -> Any:
    """A record as plain JSON values (tuples become lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """The record ``cls`` from its JSON form. A field the data lacks takes its default (reports written
    before the field existed); a key the record does not know is ignored (a newer writer's field)."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    values = {}
    for f in record_fields(cls):
        if f.name in data:
            values[f.name] = _from_json(f.type, data[f.name], f"{cls.__name__}.{f.name}")
        else:
            try:
                values[f.name] = f.default()
            except KeyError:
                raise ValueError(f"{cls.__name__}: the field {f.name!r} is missing") from None
    return cls(**values)


def _from_json(info: TypeInfo, value: Any, where: str) -> Any:
    if value is None:
        if info.optional:
            return None
        raise ValueError(f"{where}: null is not allowed")
    if info.is_record:
        return from_dict(info.base, value)
    if info.origin is list:
        return [_from_json(describe(info.args[0]), v, where) for v in value]
    if info.origin is tuple:
        if len(value) != len(info.args):
            raise ValueError(f"{where}: expected {len(info.args)} items, got {len(value)}")
        return tuple(_from_json(describe(a), v, where) for a, v in zip(info.args, value))
    return value  # str, int, float, bool, Literal: JSON holds them as they are
