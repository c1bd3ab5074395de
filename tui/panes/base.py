"""What every analysis pane shares: a border with a title, a body, and a message line that
stands in for the body while the analysis runs, or when its extractor failed or is off.

Bodies (the table or list of one article's results) are built once and kept, the last few
mounted but hidden: switching back to an article only swaps which body is displayed, with
its cursor where the reader left it and its lines already rendered. Rebuilding them on every
switch cost more than the 30 ms a switch may take.

Once MAX_BODIES are mounted, a new article refills the least recently shown body in place
instead of mounting another and removing the oldest: a mount is finished only after the
key's frame, so the new results came one or two frames later, each a full re-render of the
screen (the largest cost of a switch to an article not seen before, with 1,000 loaded).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from sitroom.tui.panes.badges import progress_bar
from sitroom.tui.panes.edge_titles import EdgeTitled
from sitroom.tui.state import ArticleEntry, Status


@runtime_checkable
class Prerenders(Protocol):
    """A body that can draw its first screen while hidden."""

    def prerender(self, width: int, height: int) -> None: ...


MAX_BODIES = 8  # per pane; older ones are unmounted
NARROW_GUESS = 28  # the article list and the borders, in the narrow layout


class PaneMessage(Static):
    DEFAULT_CSS = """
    PaneMessage {
        padding: 0 1;
        color: $text-muted;
        &.-error { color: $error; }
    }
    """


class AnalysisPane(EdgeTitled, Vertical, can_focus=True):
    """Subclasses set `TITLE`, `RESULT` (the result type they show) and `WHAT`, and
    implement `build_body` (a filled widget for one article) and `describe` (titles).

    The pane itself takes focus while no body is shown (analysing, failed), so tab and 1-5
    always land somewhere; once a body is shown, focus passes on to it."""

    TITLE = ""
    WHAT = "results"
    RESULT: type[Any] = object

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._bodies: OrderedDict[Hashable, Widget] = OrderedDict()
        self._current: Widget | None = None
        self._entry: ArticleEntry | None = None

    def compose(self) -> ComposeResult:
        yield PaneMessage(id=f"{self.id}-message")

    def on_mount(self) -> None:
        self.border_title = self.TITLE
        self.show(None)

    def on_focus(self) -> None:
        if self._current is not None:
            self.screen.set_focus(self._current)

    @property
    def body(self) -> Any:
        """The body on display, or None."""
        return self._current

    @property
    def message(self) -> PaneMessage:
        return self.query_one(PaneMessage)

    def say(self, text: str | Content, *, error: bool = False) -> None:
        self.message.update(text)
        self.message.set_class(error, "-error")
        self.message.display = True

    # -- what subclasses provide -------------------------------------------------------
    def view_key(self) -> Hashable:
        """Pane state that changes what a body shows (a sort order)."""
        return ()

    def build_body(self, entry: ArticleEntry, result: Any, width: int) -> Widget:
        raise NotImplementedError

    def refill_body(self, body: Widget, entry: ArticleEntry, result: Any, width: int) -> bool:
        """Show another article's results in an existing body, as `build_body` would have
        built it; False when this pane cannot (then a new body is built and mounted)."""
        return False

    def describe(self, entry: ArticleEntry, result: Any, body: Widget) -> None:
        """Set the titles (and any message) for a body being shown."""

    def hide_result(self) -> None:
        """Called when no result is shown (subclasses clear extra widgets)."""

    # -- showing -------------------------------------------------------------------------
    @property
    def content_width(self) -> int:
        """Cells a body has for its text: the pane's inside less the scrollbar gutter.

        A hidden pane (narrow layout) has no size yet; it guesses the width it will get
        beside the article list, so keys typed ahead reach a body at once."""
        width = self.size.width or self.app.size.width - NARROW_GUESS
        return max(width - 2, 24)

    def show(self, entry: ArticleEntry | None) -> None:
        """Draw this pane for `entry` (None: no article selected)."""
        self._entry = entry
        self.message.display = False
        self.border_subtitle = ""
        self.border_title = self.TITLE
        if entry is None:
            self._display(None)
            self.say("No article selected.")
            return
        if entry.status in (Status.QUEUED, Status.ANALYSING):
            self._display(None)
            note = f"⋯ {entry.note or 'waiting to be analysed'}"
            if entry.progress is not None:
                note += f"\n  {progress_bar(entry.progress)}"
            self.say(note)
            return
        if entry.status is Status.FAILED or entry.analysis is None:
            self._display(None)
            self.say(f"Analysis failed: {entry.error or 'unknown error'}", error=True)
            return
        result = entry.analysis.find(self.RESULT)
        error = entry.analysis.error_for(self.RESULT)
        if result is None:
            self._display(None)
            if error:
                self.say(f"✖ {error}", error=True)
            else:
                self.say(f"No extractor produces {self.WHAT}; switch one on with ctrl+p.")
            return
        body = self._body_for(entry, result)
        self._display(body)
        self.describe(entry, result, body)
        if error:  # e.g. a second extractor of the same type failed
            self.say(f"✖ {error}", error=True)

    def prepare(self, entry: ArticleEntry) -> None:
        """Build, hidden, the body `entry` will need, so that showing it later only
        swaps bodies (called for the article a switch is likely to go to next)."""
        if entry.status is not Status.DONE or entry.analysis is None:
            return
        result = entry.analysis.find(self.RESULT)
        if result is None:
            return
        body = self._body_for(entry, result)
        if isinstance(body, Prerenders):
            body.prerender(self.content_width, self.size.height)

    def _body_for(self, entry: ArticleEntry, result: Any) -> Widget:
        """The pooled body showing `entry` at this width and view, made if need be."""
        width = self.content_width
        key = (entry.id, entry.version, width, self.view_key())
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
            return body
        body = self._recycle(entry, result, width)
        if body is None:
            body = self.build_body(entry, result, width)
            body.add_class("pane-body")
            body.display = False
            self.mount(body)
        self._bodies[key] = body
        self._evict()
        return body

    def refresh_view(self) -> None:
        """Show the current article again (after a sort change or a resize)."""
        self.show(self._entry)

    def _display(self, body: Widget | None) -> None:
        previous = self._current
        had_focus = previous.has_focus if previous is not None else self.has_focus
        if previous is not None and previous is not body:
            previous.display = False
        if body is not None:
            body.display = True
        else:
            self.hide_result()
        self._current = body
        if had_focus and (body is not None or previous is not None):
            self.screen.set_focus(body or self)

    def _recycle(self, entry: ArticleEntry, result: Any, width: int) -> Widget | None:
        """The least recently shown body, refilled for `entry`, once the pool is full."""
        if len(self._bodies) < MAX_BODIES:
            return None
        for key, body in self._bodies.items():
            if body is self._current or not body.is_mounted:
                continue
            if self.refill_body(body, entry, result, width):
                del self._bodies[key]
                return body
            return None
        return None

    def _evict(self) -> None:
        while len(self._bodies) > MAX_BODIES:
            key, old = next(iter(self._bodies.items()))
            if old is self._current:
                self._bodies.move_to_end(key)
                continue
            del self._bodies[key]
            old.remove()

    def forget(self) -> None:
        """Drop every kept body (the analyses they showed are gone)."""
        for body in self._bodies.values():
            body.remove()
        self._bodies.clear()
        self._current = None

    def on_resize(self) -> None:
        if self._entry is not None and self.size.width:
            self.refresh_view()
