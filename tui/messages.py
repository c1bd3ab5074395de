"""Messages between the workers, the panes and the app. All plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.model import Analysis, Article, Span


@dataclass
class ArticlesLoaded(Message):
    """A batch of articles (and load errors) from a loading worker."""

    articles: list[Article]
    errors: list[ArticleError]
    done: bool
    select_first: bool = False


@dataclass
class AnalysisProgress(Message):
    """What the analysis worker is doing now, for the status line."""

    article_id: str
    note: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisReady(Message):
    article_id: str
    analysis: Analysis
    generation: int
    from_cache: bool = False
    seconds: float = 0.0


@dataclass
class AnalysisFailed(Message):
    """The whole analysis of one article failed (not one extractor: those are in
    `Analysis.errors`). `fatal` when the pipeline itself cannot be built."""

    article_id: str
    message: str
    generation: int
    fatal: bool = False


@dataclass
class ActorChosen(Message):
    """Enter on an actor: highlight its mentions and jump to the first."""

    actor_id: str


@dataclass
class JumpTo(Message):
    """Enter on a quote or an evidence line: show these spans in the text."""

    spans: list[Span] = field(default_factory=list)
    label: str = ""


@dataclass
class TextClicked(Message):
    """A click in the article text, as a character offset."""

    offset: int
