"""The quote timeline: who said what, when; enter shows the quote in the text.

Fed by `QuotesResult` and, when a timeline extractor ran, ordered by its `TimelineResult`
(which also dates statements and adds events). `s` switches between time and article order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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
from sitroom.tui.state import ArticleEntry

INDENT = 8
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
        entry = dated.get(index)
        rows.append(_quote_row(article, quote, entry, index))
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
    head = Content.assemble(
        (f"{row.when:>7} ", "bold $accent" if not row.when.startswith("#") else "$text-muted"),
        (ellipsize(row.speaker, max(width - 30, 12)), "bold"),
        " ",
        (row.kind, KIND_STYLES.get(row.kind, "")),
        (f" · {row.cue}" if row.cue else "", "$text-muted"),
    )
    quoted = row.text if row.kind == "event" else f"“{row.text}”"
    lines = wrap_lines(quoted, width - INDENT, 2)
    body = Content("\n").join(
        Content.assemble(" " * INDENT, (line, "italic $sr-quote")) for line in lines
    )
    return Content("\n").join([head, body])


class QuoteList(OptionList):
    BINDINGS = bindings.QUOTES

    DEFAULT_CSS = """
    QuoteList {
        height: 1fr;
        border: none;
        background: $surface;
        scrollbar-gutter: stable;
    }
    """

    def action_cycle_sort(self) -> None:
        pane = self.parent
        if isinstance(pane, QuotesPane):
            pane.cycle_sort()


class QuotesPane(AnalysisPane):
    TITLE = "Quotes"
    WHAT = "quotes"
    RESULT = QuotesResult

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.by_time = True
        self._rows: list[Row] = []
        self._shown: tuple[str, Any] | None = None

    def make_body(self) -> Widget:
        return QuoteList(classes="pane-body", id="quotes-list")

    @property
    def list(self) -> QuoteList:
        return self.query_one(QuoteList)

    def clear_body(self) -> None:
        self._shown = None
        self._rows = []
        self.list.display = False
        self.list.clear_options()

    def cycle_sort(self) -> None:
        self.by_time = not self.by_time
        if self._shown is not None:
            self._fill()
        self.notify(f"Quotes in {'time' if self.by_time else 'article'} order", timeout=1.5)

    def render_result(self, entry: ArticleEntry, result: QuotesResult) -> None:
        assert entry.analysis is not None
        timeline = entry.analysis.find(TimelineResult)
        self.list.display = True
        key = (entry.id, (result, timeline))
        if self._shown == key:
            return
        self._shown = key
        self._all = quote_rows(entry.article, result, timeline)
        self._has_timeline = timeline is not None
        self._fill()
        problem = entry.analysis.error_for(TimelineResult)
        if problem:
            self.say(f"timeline: {problem}", error=True)

    def _fill(self) -> None:
        rows = list(self._all)
        if self.by_time and self._has_timeline:
            rows.sort(key=lambda r: r.order)
        else:
            rows.sort(key=lambda r: r.spans[0].start if r.spans else 0)
        self._rows = rows
        width = max(self.size.width - 4, 24)
        self.list.set_options(Option(row_prompt(r, width), id=str(i)) for i, r in enumerate(rows))
        quotes = sum(1 for r in rows if r.kind != "event")
        events = len(rows) - quotes
        self.border_title = f"Quotes {quotes}" + (f" · events {events}" if events else "")
        order = "time" if self.by_time and self._has_timeline else "article"
        self.border_subtitle = f"{order} order · s" if self._has_timeline else ""

    def on_resize(self) -> None:
        if self._shown is not None:
            highlighted = self.list.highlighted
            self._fill()
            self.list.highlighted = highlighted

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._rows[event.option_index]
        self.post_message(JumpTo(list(row.spans), label=f"quote by {row.speaker}"))
