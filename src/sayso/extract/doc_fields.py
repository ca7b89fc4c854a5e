"""What sayso's components write on a Doc (``doc._.NAME``), in one place.

Each field is registered with ``default=None`` (never a shared mutable default) and set once per Doc by
the component that owns it; later components and the report assembly only read them.

- ``sayso_published`` (str | None): the publication day (ISO), set by the runner before the components
  run; events are dated against it.
- ``sayso_attributions`` (list of ``Attribution``): the attributions, merged, in text order (component
  ``sayso_attribution``).
- ``sayso_actor_table`` (``ActorTable``): the actors the text names (component ``sayso_actors``).
- ``sayso_claims`` (``Findings[ClaimFinding]``): numeric claims (``sayso_claims``).
- ``sayso_events`` (``Findings[CodedEvent]``): PLOVER events (``sayso_events``).
- ``sayso_actors`` (``LinkedActors``): the finished actors with local ids (``sayso_actor_links``).
- ``sayso_attribution_actors`` (tuple of ``AttributionActors``, one per attribution): the actors of
  each attribution's speaker, addressee and sources (``sayso_actor_links``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc

from sayso.extract.actors.session import LateOp
from sayso.extract.attribution.types import Attribution

FIELDS = ("sayso_published", "sayso_attributions", "sayso_actor_table", "sayso_claims", "sayso_events",
          "sayso_actors", "sayso_attribution_actors")

for _name in FIELDS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

T = TypeVar("T")


@dataclass(frozen=True)
class Findings(Generic[T]):
    """One step's records, and the late mentions it bound while finding them (for the final pass)."""

    items: Sequence[T]
    late: Sequence[LateOp]


def release(doc: Doc) -> None:
    """Clear every field once the report is built. The fields hold spans and tokens of the Doc, so a Doc
    carrying them is a reference cycle that only a full garbage collection frees; cleared, it is freed
    as soon as the runner lets go of it (peak memory of a long batch stays that of one Doc)."""
    for name in FIELDS:
        setattr(doc._, name, None)


def attributions(doc: Doc) -> list[Attribution]:
    """The attributions of a Doc (component ``sayso_attribution``)."""
    found: list[Attribution] | None = doc._.sayso_attributions
    if found is None:
        raise ValueError("the document has not been through the sayso_attribution component")
    return found
