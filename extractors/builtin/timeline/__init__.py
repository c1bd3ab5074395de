"""The built-in `timeline` extractor: every statement and dated event placed in time.

Design: quote dates are resolved once, by the quotes extractor, with this package's
`anchors` and `dates` modules (so `Quote.date` / `Quote.date_text` are set where quotes are
made, and the frozen `Quote` never needs changing). The timeline then lists one
`TimelineEntry(kind="quote", quote_index=i)` per quote, carrying the same date, and one
`kind="event"` entry per remaining date expression, for the clause it dates.

Entries are sorted by date, then by position in the article. An entry without a date sorts
as if dated on the publication day (news reports undated statements as current), or after
all dated entries when the article has no date; the entry's own `date` stays None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sitroom.extractors.builtin.timeline.anchors import (
    DateMention,
    date_mentions,
    date_statements,
    doc_text,
)
from sitroom.extractors.builtin.timeline.dates import warm_up
from sitroom.extractors.builtin.timeline.events import clause_range, event_actor, summarize
from sitroom.extractors.model import (
    ActorsResult,
    Quote,
    QuotesResult,
    Span,
    TimelineEntry,
    TimelineResult,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.model import Article, Results

__all__ = ["TimelineExtractor"]


class TimelineExtractor:
    """Quotes and dated events in date order."""

    name = "timeline"
    version = "1"
    produces = TimelineResult
    requires: tuple[str, ...] = ("quotes",)

    @dataclass(frozen=True)
    class Options:
        #: List dated events (clauses with a date expression) besides the quotes.
        events: bool = True
        #: Characters of text in an entry's one-line summary.
        summary_chars: int = 100

    def __init__(self, options: TimelineExtractor.Options | None = None) -> None:
        self.options = options or self.Options()

    def load(self) -> None:
        """Take dateparser's slow import and first call off the first article."""
        warm_up()

    def run(self, doc: Doc, article: Article, results: Results | Any) -> TimelineResult:
        quotes_result = results.find(QuotesResult) if hasattr(results, "find") else None
        actors = results.find(ActorsResult) if hasattr(results, "find") else None
        quotes = quotes_result.quotes if quotes_result is not None else ()
        text = doc_text(doc)
        mentions = date_mentions(doc, article.published)
        dated = date_statements(doc, article.published, [(q.cue, q.content) for q in quotes])
        entries = self._quote_entries(text, quotes, dated)
        if self.options.events:
            used = {(m.start, m.end) for m in dated if m is not None}
            entries += self._event_entries(doc, mentions, used, actors)
        return TimelineResult(tuple(_ordered(entries, article.published)))

    def _quote_entries(
        self, text: str, quotes: tuple[Quote, ...], dated: list[DateMention | None]
    ) -> list[TimelineEntry]:
        entries = []
        for i, (q, m) in enumerate(zip(quotes, dated, strict=True)):
            said = " … ".join(" ".join(s.text(text).split()) for s in q.content)
            who = q.speaker or "unattributed"
            entries.append(
                TimelineEntry(
                    kind="quote",
                    span=q.extent,
                    summary=summarize(f"{who}: {said}", self.options.summary_chars),
                    actor=q.speaker,
                    date=q.date if q.date is not None else (m.date if m else None),
                    date_text=q.date_text or (m.text if m else None),
                    date_span=Span(m.start, m.end) if m else None,
                    quote_index=i,
                )
            )
        return entries

    def _event_entries(
        self,
        doc: Doc,
        mentions: list[DateMention],
        used: set[tuple[int, int]],
        actors: ActorsResult | None,
    ) -> list[TimelineEntry]:
        seen_verbs: set[int] = set()
        entries = []
        for m in mentions:
            span = Span(m.start, m.end)
            if (m.start, m.end) in used or m.governor is None or m.governor in seen_verbs:
                continue
            seen_verbs.add(m.governor)
            verb = doc[m.governor]
            start, end = clause_range(doc, verb)
            if end <= start:
                continue
            entries.append(
                TimelineEntry(
                    kind="event",
                    span=Span(start, end),
                    summary=summarize(doc_text(doc)[start:end], self.options.summary_chars),
                    actor=event_actor(doc, verb, actors),
                    date=m.date,
                    date_text=m.text,
                    date_span=span,
                )
            )
        return entries


def _ordered(entries: list[TimelineEntry], published: dt.date | None) -> list[TimelineEntry]:
    by_position = sorted(entries, key=lambda e: (e.span.start, e.span.end))
    fallback = published or dt.date.max
    ranked = [_with_order(e, k) for k, e in enumerate(by_position)]
    return sorted(ranked, key=lambda e: (e.date or fallback, e.order))


def _with_order(entry: TimelineEntry, order: int) -> TimelineEntry:
    return replace(entry, order=order)
