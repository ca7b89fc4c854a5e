"""The VOA event gold set: hand-coded PLOVER events of real news sentences, stored without their text.

``events-voa-gold.jsonl`` holds, per sentence, the VOA story id, the sentence's character offsets in the
story text and the sha256 of that text; the text itself stays in ``../shared/data/voa`` (project rule: no
third-party text in the repository). ``read_voa_gold`` joins the two and refuses a sentence whose text no
longer hashes to the stored value, so a changed corpus cannot silently shift the offsets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.eval.events import GoldEvent

GOLD_FILE = "events-voa-gold.jsonl"


@dataclass(frozen=True)
class VoaGoldEvent(GoldEvent):
    mode: str | None = None
    recipient_sector: str | None = None
    background: bool = False


@dataclass(frozen=True)
class VoaSentence:
    story: str
    split: str
    published: str | None
    index: int  # the sentence's position in its story
    start: int
    end: int
    text: str
    events: tuple[VoaGoldEvent, ...]

    @property
    def id(self) -> str:
        return f"{self.story}:{self.index}"


def _event(d: dict[str, Any]) -> VoaGoldEvent:
    return VoaGoldEvent(
        type=d["type"], actor=d.get("actor"), recipient=d.get("recipient"), actor_sector=d.get("actor_sector"),
        mode=d.get("mode"), recipient_sector=d.get("recipient_sector"), background=bool(d.get("background")),
    )


def gold_records(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The gold lines as dicts (offsets, hashes and labels; no text)."""
    if path is None:
        text = resources.files("sayso.eval").joinpath("data", GOLD_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_stories(voa_path: str | Path) -> dict[str, str]:
    """Story id -> text of the VOA JSONL file."""
    stories: dict[str, str] = {}
    try:
        with Path(voa_path).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    stories[str(d["id"])] = d["text"]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read VOA stories from {voa_path}: {exc}") from exc
    return stories


def read_voa_gold(voa_path: str | Path, path: str | Path | None = None) -> list[VoaSentence]:
    """The gold sentences with their text cut from the VOA stories (checked against the stored sha256)."""
    stories = read_stories(voa_path)
    sentences = []
    for rec in gold_records(path):
        story = stories.get(rec["story"])
        if story is None:
            raise InputError(f"VOA story {rec['story']} is not in {voa_path}")
        text = story[rec["start"] : rec["end"]]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["sha256"]:
            raise InputError(f"VOA story {rec['story']}: the text at {rec['start']}-{rec['end']} does not match the gold hash")
        sentences.append(VoaSentence(
            story=rec["story"], split=rec["split"], published=rec.get("published"), index=rec["sentence"],
            start=rec["start"], end=rec["end"], text=text, events=tuple(_event(e) for e in rec["events"]),
        ))
    return sentences
