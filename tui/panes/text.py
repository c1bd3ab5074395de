"""The article pane: the text, its highlight legend, and the search box."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from sitroom.extractors.model import Span
from sitroom.tui import bindings
from sitroom.tui.highlight import Layer
from sitroom.tui.panes.edge_titles import EdgeTitled
from sitroom.tui.panes.text_view import ArticleText
from sitroom.tui.state import ArticleEntry, Status

LEGEND = (
    ("actor", "bold $sr-actor"),
    ("quote", "italic $sr-quote"),
    ("evidence", "on $sr-evidence"),
    ("chosen actor", "bold underline on $sr-selected"),
    ("search", "on $sr-match"),
    ("here", "bold #000000 on $sr-current"),
)


class Legend(Static):
    DEFAULT_CSS = """
    Legend { height: 1; padding: 0 1; background: $surface; color: $text-muted; }
    """

    def on_mount(self) -> None:
        self.update(
            Content.assemble(
                *[part for name, style in LEGEND for part in ((f" {name} ", style), " ")]
            )
        )


class SearchBox(Input):
    BINDINGS = bindings.of(bindings.MODAL)

    DEFAULT_CSS = """
    SearchBox { dock: bottom; display: none; border: tall $accent; height: 3; }
    SearchBox.-shown { display: block; }
    """

    def action_dismiss_modal(self) -> None:
        self.remove_class("-shown")
        self.value = ""
        self.screen.set_focus(self.screen.query_one(ArticleText))


class TextPane(EdgeTitled, Vertical):
    def compose(self) -> ComposeResult:
        yield ArticleText(id="article-text")

    async def mount_rest(self) -> None:
        """The search box and the legend, after the first frame (see SitroomApp.compose)."""
        await self.mount(
            SearchBox(placeholder="search the text (enter: find, esc: close)", id="search"),
            Legend(id="legend"),
        )

    @property
    def view(self) -> ArticleText:
        return self.query_one(ArticleText)

    def show(self, entry: ArticleEntry | None, *, anchor: int = 0) -> None:
        if entry is None:
            self.border_title = "Article"
            self.border_subtitle = ""
            self.view.show_placeholder("No article: press o to open files.")
            return
        article = entry.article
        self.border_title = article.title or article.stem
        self.view.show_text(article.text, self._layers(entry), anchor=anchor)
        self._subtitle(entry)

    def prepare(self, entry: ArticleEntry) -> None:
        """Wrap and draw, unseen, the top of the article `show` is likely to get next."""
        self.view.prepare(entry.article.text, self._layers(entry), self.size.height)

    def refresh_analysis(self, entry: ArticleEntry) -> None:
        """The analysis of the article on screen arrived: add its highlights in place."""
        self.view.set_layers(self._layers(entry))
        self._subtitle(entry)

    def _layers(self, entry: ArticleEntry) -> dict[str, Layer]:
        return entry.marks.layers if entry.status is Status.DONE else {}

    def _subtitle(self, entry: ArticleEntry) -> None:
        article = entry.article
        parts = [f"{entry.words:,} words"]
        if article.published:
            parts.insert(0, article.published.isoformat())
        if article.source:
            parts.insert(1 if article.published else 0, article.source)
        if entry.status in (Status.QUEUED, Status.ANALYSING):
            parts.append(entry.note or "analysing…")
        self.border_subtitle = " · ".join(parts)

    def describe_target(self) -> None:
        """Which mention or match the reader is on, in the border."""
        view = self.view
        if not view.targets:
            return
        what = "mention" if view.target_kind == "selected" else "match"
        self.border_subtitle = (
            f"{what} {view.target_index + 1}/{len(view.targets)} · n/N next/previous · esc clears"
        )

    def open_search(self) -> None:
        box = self.query_one(SearchBox)
        box.add_class("-shown")
        box.value = ""
        self.screen.set_focus(box)  # now, so keys typed right after "/" land in the box

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.remove_class("-shown")
        self.screen.set_focus(self.view)
        self.search(event.value)

    def search(self, query: str) -> int:
        """Highlight every match of `query` (case-insensitive unless it has capitals) and
        go to the first one at or after the top of the screen. Returns the count."""
        spans = find_all(self.view.text, query)
        if not spans:
            self.view.clear_targets()
            self.notify(f"No match for {query!r}", severity="warning", timeout=3)
            return 0
        start = self.view.first_visible_offset()
        self.view.set_targets(spans, "match", index=0)
        self.view.goto_target(self.view.first_target_after(start))
        self.describe_target()
        return len(spans)


def find_all(text: str, query: str) -> list[Span]:
    query = query.strip()
    if not query:
        return []
    haystack, needle = (
        (text, query) if any(c.isupper() for c in query) else (text.lower(), query.lower())
    )
    if len(haystack) != len(text):  # lower() changed lengths (rare scripts): search as typed
        haystack, needle = text, query
    spans: list[Span] = []
    pos = haystack.find(needle)
    while pos != -1:
        spans.append(Span(pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle))
    return spans
