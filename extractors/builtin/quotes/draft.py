"""A quote under construction, before it is frozen into a `Quote`."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass
class Draft:
    content: list[Range]
    kind: str  # "direct", "mixed" or "indirect"
    cue: Range | None = None
    cue_token: int | None = None  # token index of the cue's head word
    speaker_token: int | None = None  # token index of the speaker mention's head
    speaker: Range | None = None  # the speaker mention, as written
    nested_token: int | None = None  # who relayed it, for nested attributions
    nested: Range | None = None
    regions: list[int] = field(default_factory=list)  # quoted regions it took
    how: str = ""  # which rule found it (for debugging and tests)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    def size(self) -> int:
        return sum(e - s for s, e in self.content)
