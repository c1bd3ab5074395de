"""What the dashboard knows about each loaded article."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from sitroom.extractors.model import Analysis, Article, Threat

if TYPE_CHECKING:
    from sitroom.tui.highlight import ArticleMarks


class Status(Enum):
    QUEUED = "queued"
    ANALYSING = "analysing"
    DONE = "done"
    FAILED = "failed"


@dataclass
class ArticleEntry:
    article: Article
    status: Status = Status.QUEUED
    analysis: Analysis | None = None
    error: str | None = None  # the whole analysis failed
    note: str = ""  # what the worker is doing with it now
    progress: float | None = None  # how far its analysis is, 0..1, when the engine says
    seconds: float = 0.0
    from_cache: bool = False
    # derived once per analysis, on first display, then reused by every switch back
    _marks: ArticleMarks | None = None
    _words: int = -1
    version: int = 0  # bumped whenever the analysis changes, so panes rebuild their bodies
    # where the reader left it: first visible character, chosen actor, search
    view_state: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def words(self) -> int:
        """Counted once: splitting a long article on every switch would cost milliseconds."""
        if self._words < 0:
            self._words = len(self.article.text.split())
        return self._words

    @property
    def threat(self) -> Threat | None:
        return self.analysis.find(Threat) if self.analysis is not None else None

    @property
    def marks(self) -> ArticleMarks:
        if self._marks is None:
            from sitroom.tui.highlight import ArticleMarks

            self._marks = ArticleMarks.build(self.article, self.analysis)
        return self._marks

    def set_analysis(self, analysis: Analysis, seconds: float, from_cache: bool) -> None:
        self.analysis, self.status, self.error = analysis, Status.DONE, None
        self.seconds, self.from_cache, self.note = seconds, from_cache, ""
        self.progress = None
        self._marks = None
        self.version += 1

    def requeue(self) -> None:
        self.analysis, self.status, self.error, self.note = None, Status.QUEUED, None, ""
        self.progress = None
        self._marks = None
        self.version += 1


@dataclass(frozen=True)
class ArticleFilter:
    """The article list narrowed, from the corpus view, to the articles naming someone."""

    kind: str  # "actor" (mentioned) or "speaker" (quoted)
    key: str  # actor id or speaker key
    label: str  # the name as the corpus view showed it
    ids: frozenset[str]

    @property
    def description(self) -> str:
        return f"{'quoting' if self.kind == 'speaker' else 'mentioning'} {self.label}"
