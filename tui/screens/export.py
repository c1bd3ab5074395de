"""`e`: export the analysis on screen as JSON (the CLI's record) or Markdown.

The file is written atomically and an existing file is never replaced silently: the dialog
says it exists and a second enter (or the Overwrite button) confirms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from sitroom.extractors.model import Analysis, Article
from sitroom.tui import bindings

SUFFIXES = {"json": ".json", "markdown": ".md"}


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    fmt: str
    force: bool


def render_export(article: Article, analysis: Analysis, fmt: str) -> str:
    from sitroom.extractors.export import to_markdown, to_record

    if fmt == "markdown":
        return to_markdown(article, analysis)
    return json.dumps(to_record(article, analysis), ensure_ascii=False, indent=2) + "\n"


def export_analysis(article: Article, analysis: Analysis, request: ExportRequest) -> Path:
    from sitroom.extractors.atomic import write_atomic

    path = request.path.expanduser()
    write_atomic(path, render_export(article, analysis, request.fmt), force=request.force)
    return path


def default_path(article: Article, fmt: str) -> str:
    stem = article.stem or article.id[:12]
    return f"{stem}.sitroom{SUFFIXES[fmt]}"


class ExportScreen(ModalScreen[ExportRequest | None]):
    BINDINGS = bindings.of(bindings.MODAL)

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 80; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen RadioSet { layout: horizontal; border: none; height: auto; }
    ExportScreen #export-warning { color: $warning; height: auto; }
    ExportScreen #export-hint { color: $text-muted; padding: 0 1; }
    ExportScreen Horizontal { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.fmt = "json"
        self._confirm_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Export · {self.article.title or self.article.stem}"
            box.border_subtitle = "enter exports · esc cancels"
            with RadioSet(id="export-format"):
                yield RadioButton(
                    "JSON (same record as sitroom analyze)", value=True, id="fmt-json"
                )
                yield RadioButton("Markdown report", id="fmt-markdown")
            yield Input(value=default_path(self.article, "json"), id="export-path")
            yield Static(
                f"relative to {Path.cwd()}; never overwrites without asking", id="export-hint"
            )
            yield Static(id="export-warning")
            with Horizontal():
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-go")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        fmt = "markdown" if event.pressed.id == "fmt-markdown" else "json"
        path_input = self.query_one("#export-path", Input)
        if path_input.value == default_path(self.article, self.fmt):
            path_input.value = default_path(self.article, fmt)
        self.fmt = fmt
        self._reset_confirm()

    @on(Input.Changed, "#export-path")
    def _reset_confirm(self) -> None:
        self._confirm_for = None
        self.query_one("#export-warning", Static).update("")
        self.query_one("#export-go", Button).label = "Export"

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _go(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.query_one("#export-warning", Static).update("Type a file name.")
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            self.query_one("#export-warning", Static).update(
                f"{path} is a folder; add a file name."
            )
            return
        if path.exists() and self._confirm_for != raw:
            self._confirm_for = raw
            self.query_one("#export-warning", Static).update(
                f"{path} already exists. Press enter again to overwrite it."
            )
            self.query_one("#export-go", Button).label = "Overwrite"
            return
        self.dismiss(ExportRequest(path, self.fmt, force=self._confirm_for == raw))

    @on(Button.Pressed, "#export-cancel")
    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
