"""Mentions: a token range that refers to an actor, before mentions become actors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.gazetteer import Entry
from sitroom.extractors.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Where a mention came from; pronouns and "the minister" weigh less in salience.
Source = str  # "gazetteer" | "ner" | "sweep" | "pronoun" | "nominal" | "group"


@dataclass(slots=True)
class Mention:
    start: int  # first token
    end: int  # one past the last token
    kind: ActorKind
    name: str  # the name this mention proposes for its actor
    source: Source
    entry: Entry | None = None
    key: str = ""  # the actor it belongs to, set when mentions are grouped
    affiliation: str | None = None  # an organisation's country ("U.S. Senate")

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    @property
    def is_reference(self) -> bool:
        """A pronoun or a description, not a name: not an alias, lighter in salience."""
        return self.source in ("pronoun", "nominal")


class Coverage:
    """Which tokens already belong to a mention, so no token is claimed twice."""

    def __init__(self, size: int) -> None:
        self._taken = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)
