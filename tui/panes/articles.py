"""The article list: every loaded article with its threat badge, date and source."""

from __future__ import annotations

import contextlib

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from sitroom.tui import bindings
from sitroom.tui.panes.badges import status_badge
from sitroom.tui.state import ArticleEntry


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
        (second, "$text-muted"),
    )


class ArticleList(OptionList):
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
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index
