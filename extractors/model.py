"""The data model every part of sitroom shares.

All types are frozen dataclasses: an analysis is built once and then only read, by the
dashboard, the exporters and the cache. Offsets are code points into `Article.text`, end
exclusive, so they can be used directly as `text[start:end]`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

ActorKind = Literal["person", "country", "government", "organization", "igo", "media", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]

#: The five threat levels of the dashboard's gauge, from DESIGN.md.
THREAT_LABELS: tuple[str, ...] = (
    "cooperative",
    "low tension",
    "verbal hostility",
    "coercive military posture",
    "armed conflict",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range `[start, end)` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


def text_id(text: str) -> str:
    """The article id: sha256 of its text, so the same text is the same article anywhere."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article. `text` is what every offset indexes and is never altered."""

    text: str
    path: str = ""
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    url: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))

    @property
    def stem(self) -> str:
        """The file name without its extension; `doc` in the JSON output."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        if "#" in name:  # one article of a multi-article file: "batch.jsonl#3"
            base, _, index = name.partition("#")
            return f"{base.rsplit('.', 1)[0]}#{index}"
        return name.rsplit(".", 1)[0] if "." in name else name


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor with every surface form it takes in the article."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None  # canonical name of the country/organisation it belongs to
    mentions: tuple[Span, ...] = ()
    salience: float = 0.0


@dataclass(frozen=True, slots=True)
class ActorsResult:
    actors: tuple[Actor, ...] = ()

    def by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, span: Span) -> Actor | None:
        """The actor with a mention overlapping `span`, if any."""
        for actor in self.actors:
            if any(m.overlaps(span) for m in actor.mentions):
                return actor
        return None


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: who said (or wrote, or believes) what."""

    content: tuple[Span, ...]  # one piece, or several when split around "he said"
    kind: QuoteKind
    speaker: str | None = None  # canonical actor name, or the mention's text when unlinked
    speaker_id: str | None = None  # Actor.id when the speaker is a known actor
    speaker_span: Span | None = None  # the mention in the attribution itself ("he", "Blinken")
    cue: Span | None = None  # "said", "told", "according to"
    # who relayed it: Blinken in "President Biden, said Blinken, had told President Putin..."
    nested_speaker: str | None = None
    date: dt.date | None = None
    date_text: str | None = None  # the expression the date was resolved from
    order: int = 0  # position in the article

    @property
    def extent(self) -> Span:
        return Span(self.content[0].start, self.content[-1].end)


@dataclass(frozen=True, slots=True)
class QuotesResult:
    quotes: tuple[Quote, ...] = ()


TimelineKind = Literal["quote", "event"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated (or merely ordered) statement or event."""

    kind: TimelineKind
    span: Span  # the quote content or the event's clause
    summary: str  # one line for the pane
    actor: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_span: Span | None = None
    order: int = 0
    quote_index: int | None = None  # index into QuotesResult.quotes for kind == "quote"


@dataclass(frozen=True, slots=True)
class TimelineResult:
    entries: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One event or cue behind the threat level."""

    span: Span
    weight: float  # signed contribution; 0 for things noticed and deliberately ignored
    reason: str  # "troop mobilization", "denial (ignored)", ...
    code: str | None = None  # CAMEO code of the event, when it has one
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Threat:
    level: int  # 0..4
    score: float  # 0..100
    label: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0  # 0..1

    @property
    def confidence_label(self) -> str:
        return "high" if self.confidence >= 0.67 else "medium" if self.confidence >= 0.34 else "low"


T = TypeVar("T")


class Results(Mapping[str, Any]):
    """Results so far, by extractor name, with a lookup by result type.

    Panes and downstream extractors ask for a type (`results.find(ActorsResult)`), so a user
    can swap the built-in `actors` for their own as long as it returns the same type.
    """

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = dict(items or {})

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def find(self, kind: type[T]) -> T | None:
        for value in self._items.values():
            if isinstance(value, kind):
                return value
        return None

    def _set(self, key: str, value: Any) -> None:
        self._items[key] = value


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the extractors produced for one article."""

    article_id: str
    config_hash: str
    results: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per extractor
    # extractor name -> result type name ("ActorsResult"): lets a pane find the error of
    # whichever extractor should have fed it, even when that extractor failed.
    produces: Mapping[str, str] = field(default_factory=dict)
    # extractor name -> a note that is not a failure ("slow: 7.2 s")
    warnings: Mapping[str, str] = field(default_factory=dict)

    def find(self, kind: type[T]) -> T | None:
        return Results(self.results).find(kind)

    def error_for(self, kind: type[Any]) -> str | None:
        """The error of the extractor that should have produced `kind`, if it failed."""
        for name, type_name in self.produces.items():
            if type_name == kind.__name__ and name in self.errors:
                return self.errors[name]
        return None
