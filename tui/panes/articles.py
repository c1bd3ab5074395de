"""The article list: every loaded article with its threat badge, date and source."""

from __future__ import annotations

import contextlib

from textual import events
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from sitroom.tui import bindings
from sitroom.tui.messages import ClearFilter
from sitroom.tui.panes.badges import ellipsize, status_badge
from sitroom.tui.panes.cursor_lines import CursorLinesOptionList
from sitroom.tui.state import ArticleEntry, ArticleFilter


def article_prompt(entry: ArticleEntry) -> Content:
    article = entry.article
    title = article.title or article.stem or "(untitled)"
    meta = [
        part
        for part in (
            article.published.isoformat() if article.published else "",
            article.source,
        )
        if part
    ]
    second = " · ".join(meta) if meta else article.stem
    return Content.assemble(
        status_badge(entry),
        " ",
        (title, "bold"),
        "\n    ",
        (second, "$foreground-muted"),
    )


class ArticleList(CursorLinesOptionList):
    BINDINGS = bindings.of(bindings.LIST)

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        border: none;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option { padding: 0 0; }
    }
    """

    def set_entries(self, entries: list[ArticleEntry]) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.set_options(Option(article_prompt(e), id=e.id) for e in entries)
        if highlighted is not None:
            self.highlight_id(highlighted)

    def add_entries(self, entries: list[ArticleEntry]) -> None:
        self.add_options(Option(article_prompt(e), id=e.id) for e in entries)

    def refresh_entry(self, entry: ArticleEntry) -> None:
        with contextlib.suppress(OptionDoesNotExist):  # the list was rebuilt meanwhile
            self.replace_option_prompt(entry.id, article_prompt(entry))

    def highlight_id(self, article_id: str) -> None:
        try:
            index = self.get_option_index(article_id)
        except OptionDoesNotExist:
            return
        if self.highlighted != index:
            with self.prevent(CursorLinesOptionList.OptionHighlighted):
                self.highlighted = index


class FilterBar(Static):
    """Above the list while it is filtered: by what, and how to undo it (esc, or a click)."""

    DEFAULT_CSS = """
    FilterBar {
        display: none;
        height: 2;
        padding: 0 1;
        background: $accent 20%;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_filter(self, article_filter: ArticleFilter | None, count: int) -> None:
        self.display = article_filter is not None
        if article_filter is None:
            self.update("")
            return
        room = max((self.size.width or 26) - 2, 10)
        noun = "article" if count == 1 else "articles"
        self.update(
            Content.assemble(
                ("▼ ", "bold $accent"),
                (ellipsize(article_filter.description, room - 2), "bold"),
                "\n",
                (f"  {count:,} {noun} · esc: all", "$foreground-muted"),
            )
        )

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ClearFilter())
