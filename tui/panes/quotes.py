"""The quote timeline: who said what, when; enter shows the quote in the text.

Fed by `QuotesResult` and, when a timeline extractor ran, ordered by its `TimelineResult`
(which also dates statements and adds events). `s` switches between time and article order.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget

from sitroom.extractors.model import (
    Article,
    Quote,
    QuotesResult,
    Span,
    TimelineEntry,
    TimelineResult,
)
from sitroom.tui import bindings
from sitroom.tui.messages import JumpTo
from sitroom.tui.panes.badges import ellipsize, short_date, wrap_lines
from sitroom.tui.panes.base import AnalysisPane
from sitroom.tui.panes.prompt_list import MakePrompt, PromptList
from sitroom.tui.state import ArticleEntry

INDENT = 8
QUOTE_MARKS = '"“”«»„ '  # double marks only: a final ’ may be an apostrophe
KIND_STYLES = {
    "direct": "$success",
    "indirect": "$warning",
    "mixed": "$accent",
    "event": "$secondary",
}


@dataclass(frozen=True, slots=True)
class Row:
    when: str
    speaker: str
    kind: str
    text: str
    cue: str
    spans: tuple[Span, ...]
    order: int


def quote_rows(
    article: Article, quotes: QuotesResult, timeline: TimelineResult | None
) -> list[Row]:
    text = article.text
    rows: list[Row] = []
    dated: dict[int, TimelineEntry] = {}
    events: list[TimelineEntry] = []
    for entry in timeline.entries if timeline else ():
        if entry.kind == "quote" and entry.quote_index is not None:
            dated[entry.quote_index] = entry
        elif entry.kind == "event":
            events.append(entry)
    for index, quote in enumerate(quotes.quotes):
        rows.append(_quote_row(article, quote, dated.get(index), index))
    for entry in events:
        rows.append(
            Row(
                when=_when(article, entry.date, entry.order, entry.date_text),
                speaker=entry.actor or "",
                kind="event",
                text=entry.summary or entry.span.text(text),
                cue="",
                spans=(entry.span,),
                order=entry.order,
            )
        )
    return rows


def _quote_row(article: Article, quote: Quote, entry: TimelineEntry | None, index: int) -> Row:
    text = article.text
    date = entry.date if entry and entry.date else quote.date
    date_text = entry.date_text if entry and entry.date_text else quote.date_text
    order = entry.order if entry else quote.order
    speaker = quote.speaker or (quote.speaker_span.text(text) if quote.speaker_span else "")
    if quote.nested_speaker:
        speaker = f"{speaker} (via {quote.nested_speaker})" if speaker else quote.nested_speaker
    return Row(
        when=_when(article, date, order, date_text),
        speaker=speaker or "unattributed",
        kind=quote.kind,
        text=" … ".join(piece.text(text) for piece in quote.content),
        cue=quote.cue.text(text) if quote.cue else "",
        spans=quote.content,
        order=order if entry else index,
    )


def _when(article: Article, date: Any, order: int, date_text: str | None) -> str:
    if date is not None:
        return short_date(date, article.published)
    return f"#{order + 1}"


def row_prompt(row: Row, width: int) -> Content:
    """Two or three lines: when, who, kind and cue; then the quote, indented under them."""
    # an event with no actor has no speaker: no name and no gap for one
    who = ellipsize(row.speaker, max(width - 30, 12))
    head = Content.assemble(
        (
            f"{row.when:>7} ",
            "bold $accent" if not row.when.startswith("#") else "$foreground-muted",
        ),
        (who, "bold"),
        " " if who else "",
        (row.kind, KIND_STYLES.get(row.kind, "")),
        (f" · {row.cue}" if row.cue else "", "$foreground-muted"),
    )
    # the content span may or may not include the article's own quote marks: show ours
    quoted = row.text if row.kind == "event" else f"“{row.text.strip(QUOTE_MARKS)}”"
    lines = wrap_lines(quoted, width - INDENT, 2)
    body = Content("\n").join(
        Content.assemble(" " * INDENT, (line, "italic $sr-quote")) for line in lines
    )
    return Content("\n").join([head, body])


class QuoteList(PromptList):
    BINDINGS = bindings.of(bindings.QUOTES)

    DEFAULT_CSS = """
    QuoteList {
        height: 1fr;
        border: none;
        background: $surface;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, rows: list[Row], width: int) -> None:
        self.rows = rows
        super().__init__(len(rows), self._maker(rows, width))

    @staticmethod
    def _maker(rows: list[Row], width: int) -> MakePrompt:
        width -= 2  # the prompts' own padding
        return lambda i: row_prompt(rows[i], width)

    def refill_rows(self, rows: list[Row], width: int) -> None:
        """Other rows in this list, as a new one would show them."""
        self.rows = rows
        self.refill(len(rows), self._maker(rows, width))

    def action_cycle_sort(self) -> None:
        for pane in self.ancestors:
            if isinstance(pane, QuotesPane):
                pane.cycle_sort()
                return


class QuotesPane(AnalysisPane):
    TITLE = "Quotes"
    WHAT = "quotes"
    RESULT = QuotesResult

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.by_time = True

    @property
    def list(self) -> QuoteList:
        body = self.body
        assert isinstance(body, QuoteList), "no quotes on display"
        return body

    def view_key(self) -> Hashable:
        return self.by_time

    def cycle_sort(self) -> None:
        self.by_time = not self.by_time
        self.refresh_view()
        self.notify(f"Quotes in {'time' if self.by_time else 'article'} order", timeout=1.5)

    def build_body(self, entry: ArticleEntry, result: QuotesResult, width: int) -> Widget:
        return QuoteList(sorted_rows(entry, result, self.by_time), width)

    def refill_body(
        self, body: Widget, entry: ArticleEntry, result: QuotesResult, width: int
    ) -> bool:
        if not isinstance(body, QuoteList):
            return False
        body.refill_rows(sorted_rows(entry, result, self.by_time), width)
        return True

    def describe(self, entry: ArticleEntry, result: QuotesResult, body: Widget) -> None:
        assert entry.analysis is not None and isinstance(body, QuoteList)
        has_timeline = entry.analysis.find(TimelineResult) is not None
        quotes = sum(1 for r in body.rows if r.kind != "event")
        events = len(body.rows) - quotes
        self.border_title = f"Quotes {quotes}" + (f" · events {events}" if events else "")
        order = "time" if self.by_time and has_timeline else "article"
        self.border_subtitle = f"{order} order · s" if has_timeline else ""
        problem = entry.analysis.error_for(TimelineResult)
        if problem:
            self.say(f"timeline: {problem}", error=True)

    @on(PromptList.Selected)
    def _chosen(self, event: PromptList.Selected) -> None:
        event.stop()
        body = event.prompt_list
        if isinstance(body, QuoteList):
            row = body.rows[event.index]
            self.post_message(JumpTo(list(row.spans), label=f"quote by {row.speaker}"))


def sorted_rows(entry: ArticleEntry, result: QuotesResult, by_time: bool) -> list[Row]:
    """The rows of an article in time order (when a timeline ran) or article order."""
    assert entry.analysis is not None
    timeline = entry.analysis.find(TimelineResult)
    rows = quote_rows(entry.article, result, timeline)
    if by_time and timeline is not None:
        rows.sort(key=lambda r: r.order)
    else:
        rows.sort(key=lambda r: r.spans[0].start if r.spans else 0)
    return rows
