"""The `timeline` extractor class: its options, and the order of the work.

This module is the extractor's shell: importing it and building the class stay cheap. The
date resolver (and dateparser) and the entry builder are imported by `load()` or the first
run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitroom.extractors.model import ActorsResult, QuotesResult, TimelineResult

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.model import Article, Results


@dataclass(frozen=True)
class TimelineOptions:
    #: List dated events (clauses with a date expression) besides the quotes.
    events: bool = True
    #: Characters of text in an entry's one-line summary.
    summary_chars: int = 100


class TimelineExtractor:
    """Quotes and dated events in date order."""

    name = "timeline"
    version = "1"
    produces = TimelineResult
    requires: tuple[str, ...] = ("quotes",)
    Options = TimelineOptions

    def __init__(self, options: TimelineOptions | None = None) -> None:
        self.options = options or TimelineOptions()

    def load(self) -> None:
        """Take dateparser's slow import and first call off the first article."""
        from sitroom.extractors.builtin.timeline.dates import warm_up

        warm_up()

    def run(self, doc: Doc, article: Article, results: Results | Any) -> TimelineResult:
        from sitroom.extractors.builtin.timeline.build import entries

        quotes_result = results.find(QuotesResult) if hasattr(results, "find") else None
        actors = results.find(ActorsResult) if hasattr(results, "find") else None
        quotes = quotes_result.quotes if quotes_result is not None else ()
        opts = self.options
        found = entries(doc, article.published, quotes, actors, opts.events, opts.summary_chars)
        return TimelineResult(tuple(found))
