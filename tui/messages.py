"""Messages between the workers, the panes and the app. All plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.model import Analysis, Article, Span

if TYPE_CHECKING:
    from sitroom.tui.corpus_data import CorpusSnapshot


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
    fraction: float | None = None  # 0..1 when the engine says how far it is

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


@dataclass
class CorpusLoaded(Message):
    """The corpus view's data, asked of the store by a worker (see `corpus_data.py`)."""

    snapshot: CorpusSnapshot


@dataclass
class CorpusFilterChosen(Message):
    """Enter on an actor (`kind` "actor", `key` its id) or a speaker (`kind` "speaker",
    `key` its speaker key) in the corpus view: show only the articles that name it."""

    kind: str
    key: str
    label: str


@dataclass
class ArticlesFiltered(Message):
    """The articles a corpus filter keeps, found by a worker, in no particular order."""

    kind: str
    key: str
    label: str
    ids: frozenset[str]


@dataclass
class PointChosen(Message):
    """Enter on a point of the threat plot: open that article."""

    article_id: str


@dataclass
class ClearFilter(Message):
    """A click on the filter bar: show every article again."""
