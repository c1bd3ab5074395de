"""The top line: what is loaded and running on the left, the article's threat on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from sitroom.tui.panes.badges import level_style, threat_label
from sitroom.tui.state import ArticleEntry, Status


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        & > #status-left { width: 1fr; padding: 0 1; color: $text; }
        & > #status-right { width: auto; padding: 0 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="status-left")
        yield Static(id="status-right")

    def set_counts(self, total: int, pending: int, note: str = "") -> None:
        parts: list[Content | str] = [Content.styled("sitroom", "bold $accent")]
        noun = "article" if total == 1 else "articles"
        parts.append(Content.styled(f" · {total} {noun}", "$text"))
        if pending:
            parts.append(Content.styled(f" · analysing {pending}", "$foreground-muted"))
            if note:
                parts.append(Content.styled(f": {note}", "$foreground-muted"))
        self.query_one("#status-left", Static).update(Content.assemble(*parts))

    def set_entry(self, entry: ArticleEntry | None) -> None:
        right = self.query_one("#status-right", Static)
        if entry is None:
            right.update("")
            return
        if entry.status is Status.DONE:
            threat = entry.threat
            if threat is None:
                right.update(Content.styled("no threat level", "$foreground-muted"))
                return
            level = max(0, min(threat.level, 4))
            right.update(
                Content.assemble(
                    (f" ▲ THREAT {level} ", level_style(level)),
                    (f" {threat_label(threat)}", f"bold $sr-threat-{level}"),
                )
            )
        elif entry.status is Status.FAILED:
            right.update(Content.styled("analysis failed", "bold $error"))
        else:
            right.update(Content.styled("analysing…", "$foreground-muted"))
