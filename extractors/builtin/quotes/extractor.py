"""The `quotes` extractor class: its options, and the order of the work.

This module is the extractor's shell: importing it and building the class stay cheap (a
config is checked, and the class built, before the dashboard's first frame and for every
cached analysis). The passes in `pipeline.py` are imported by `load()` or the first run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitroom.extractors.model import ActorsResult, QuotesResult

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.builtin.quotes.draft import Draft
    from sitroom.extractors.model import Article, Quote, Results


@dataclass(frozen=True)
class QuotesOptions:
    #: Report indirect speech and belief ("X said that ...") as well as quotations.
    indirect: bool = True
    #: Give quoted paragraphs without a cue to the previous paragraph's speaker.
    continuation: bool = True
    #: Date each quote from a date expression on its cue ("told reporters Friday").
    dates: bool = True


class QuotesExtractor:
    """Direct, mixed and indirect attributions with their speakers and cues."""

    name = "quotes"
    version = "17"  # 17: "threaten" no longer takes a nominal object as content
    produces = QuotesResult
    requires: tuple[str, ...] = ("actors",)
    Options = QuotesOptions

    def __init__(self, options: QuotesOptions | None = None) -> None:
        self.options = options or QuotesOptions()

    def load(self) -> None:
        """Read the cue lexicon and warm up the date resolver, before the first article."""
        from sitroom.extractors.builtin.quotes import pipeline

        pipeline.warm_up(self.options.dates)

    def run(self, doc: Doc, article: Article, results: Results | Any) -> QuotesResult:
        from sitroom.extractors.builtin.quotes import pipeline

        actors = results.find(ActorsResult) if hasattr(results, "find") else None
        quotes = self.extract(doc, actors)
        if self.options.dates:
            quotes = pipeline.dated(doc, article.published, quotes)
        return QuotesResult(tuple(quotes))

    def extract(self, doc: Doc, actors: ActorsResult | None = None) -> list[Quote]:
        """The quotes of `doc`, undated, with speakers linked to `actors` when given."""
        from sitroom.extractors.builtin.quotes import pipeline

        return pipeline.to_quotes(doc, self.drafts(doc), actors)

    def drafts(self, doc: Doc) -> list[Draft]:
        """The attributions before speakers are named, each with the rule that found it."""
        from sitroom.extractors.builtin.quotes import pipeline

        opts = self.options
        return pipeline.find_drafts(doc, indirect=opts.indirect, continuation=opts.continuation)
