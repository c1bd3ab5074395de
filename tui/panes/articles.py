"""The article list: every loaded article with its threat badge, date and source."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from sitroom.tui import bindings
from sitroom.tui.messages import ClearFilter
from sitroom.tui.panes.badges import ellipsize, status_badge
from sitroom.tui.panes.prompt_list import PromptList
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


class ArticleList(PromptList):
    """Every loaded article (or those a filter keeps), two lines each, built at once: the
    list is the reader's map of the whole folder, so its scroll bar must be whole too."""

    BINDINGS = bindings.of(bindings.LIST)
    BUILT_AT_ONCE = 1 << 30

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        border: none;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        self._entries: list[ArticleEntry] = []
        self._index: dict[str, int] = {}
        super().__init__(0, self._prompt, id=id)

    def _prompt(self, index: int) -> Content:
        return article_prompt(self._entries[index])

    @property
    def ids(self) -> list[str]:
        """The articles listed, in order."""
        return [entry.id for entry in self._entries]

    def id_at(self, index: int) -> str:
        return self._entries[index].id

    @property
    def highlighted_id(self) -> str | None:
        index = self.highlighted
        return None if index is None or index >= len(self._entries) else self._entries[index].id

    def set_entries(self, entries: list[ArticleEntry]) -> None:
        """List these instead; the cursor stays on its article if that is still listed."""
        highlighted = self.highlighted_id
        self._entries = list(entries)
        self._index = {entry.id: i for i, entry in enumerate(self._entries)}
        self.refill(len(self._entries), self._prompt)
        if highlighted is not None:
            self.highlight_id(highlighted)

    def add_entries(self, entries: list[ArticleEntry]) -> None:
        for entry in entries:
            self._index[entry.id] = len(self._entries)
            self._entries.append(entry)
        self.extend(len(self._entries))

    def refresh_entry(self, entry: ArticleEntry) -> None:
        index = self._index.get(entry.id)
        if index is not None:  # not listed: filtered out, or the list was rebuilt meanwhile
            self.remake(index)

    def highlight_id(self, article_id: str) -> None:
        """Put the cursor on an article without announcing it (the app chose it)."""
        index = self._index.get(article_id)
        if index is not None:
            self.highlight(index)


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
