"""What every analysis pane shares: a border with a title, a body, and a message line that
stands in for the body while the analysis runs, or when its extractor failed or is off."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from sitroom.tui.state import ArticleEntry, Status


class PaneMessage(Static):
    DEFAULT_CSS = """
    PaneMessage {
        padding: 0 1;
        color: $text-muted;
        &.-error { color: $error; }
    }
    """


class AnalysisPane(Vertical, can_focus=True):
    """Subclasses set `TITLE`, `RESULT` (the result type they show) and `WHAT`, and
    implement `make_body`, `render_result` and `clear_body`.

    The pane itself takes focus while its body is hidden (analysing, failed), so tab and
    1-5 always land somewhere; once the body is shown, focus passes on to it."""

    TITLE = ""
    WHAT = "results"
    RESULT: type[Any] = object

    def compose(self) -> ComposeResult:
        yield PaneMessage(id=f"{self.id}-message")
        yield self.make_body()

    def on_mount(self) -> None:
        self.border_title = self.TITLE
        self.show(None)

    def on_focus(self) -> None:
        if self.body.display:
            self.body.focus()

    def make_body(self) -> Widget:
        raise NotImplementedError

    @property
    def body(self) -> Widget:
        return self.query_one(".pane-body")

    @property
    def message(self) -> PaneMessage:
        return self.query_one(PaneMessage)

    def say(self, text: str | Content, *, error: bool = False) -> None:
        self.message.update(text)
        self.message.set_class(error, "-error")
        self.message.display = True

    def show(self, entry: ArticleEntry | None) -> None:
        """Draw this pane for `entry` (None: no article selected)."""
        self.message.display = False
        self.border_subtitle = ""
        if entry is None:
            self.clear_body()
            self.say("No article selected.")
            return
        if entry.status in (Status.QUEUED, Status.ANALYSING):
            self.clear_body()
            self.say(f"⋯ {entry.note or 'waiting to be analysed'}")
            return
        if entry.status is Status.FAILED or entry.analysis is None:
            self.clear_body()
            self.say(f"Analysis failed: {entry.error or 'unknown error'}", error=True)
            return
        result = entry.analysis.find(self.RESULT)
        error = entry.analysis.error_for(self.RESULT)
        if result is None:
            self.clear_body()
            if error:
                self.say(f"✖ {error}", error=True)
            else:
                self.say(f"No extractor produces {self.WHAT}; switch one on with ctrl+p.")
            return
        self.render_result(entry, result)
        if error:  # e.g. a second extractor of the same type failed
            self.say(f"✖ {error}", error=True)

    def clear_body(self) -> None:
        raise NotImplementedError

    def render_result(self, entry: ArticleEntry, result: Any) -> None:
        raise NotImplementedError
