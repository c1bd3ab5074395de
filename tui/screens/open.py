"""`o`: open more files, folders or globs while the dashboard runs, with path completion."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from sitroom.tui import bindings

MAX_LISTED = 12


def _split_last(value: str) -> tuple[str, str]:
    """(everything before the last path, the last path) of what was typed."""
    cut = value.rfind(" ") + 1 if not value.endswith("\\ ") else 0
    return value[:cut], value[cut:]


def candidates(partial: str, limit: int = 200) -> list[str]:
    """Completions of one typed path: entries of its folder starting with what follows the
    last slash, folders first and marked with a trailing slash; hidden ones only on request."""
    expanded = os.path.expanduser(partial) if partial else ""
    folder, _, prefix = expanded.rpartition(os.sep)
    directory = Path(folder or ("/" if expanded.startswith(os.sep) else "."))
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name.lower())
    except OSError:
        return []
    found: list[tuple[int, str]] = []
    for entry in entries:
        if not entry.name.startswith(prefix) or (
            entry.name.startswith(".") and not prefix.startswith(".")
        ):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        head = partial[: len(partial) - len(prefix)]
        found.append((0 if is_dir else 1, head + entry.name + (os.sep if is_dir else "")))
        if len(found) >= limit:
            break
    return [name for _, name in sorted(found)]


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        head, last = _split_last(value)
        if not last:
            return None
        found = candidates(last, limit=50)
        return head + found[0] if found else None


class PathInput(Input):
    BINDINGS = bindings.of(bindings.COMPLETE)

    def action_complete(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)


class OpenScreen(ModalScreen[list[str] | None]):
    """Returns the paths typed (shell-style quoting for spaces), or None when cancelled."""

    BINDINGS = bindings.of(bindings.MODAL)

    DEFAULT_CSS = """
    OpenScreen { align: center middle; }
    OpenScreen > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    OpenScreen #open-hint { color: $text-muted; }
    OpenScreen #open-matches { color: $text-muted; height: auto; max-height: 14; }
    """

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Open files, folders or globs"
            box.border_subtitle = "tab completes · enter opens · esc cancels"
            yield PathInput(
                value=self._start_value(),
                placeholder="~/news/*.md  reports/",
                suggester=PathSuggester(),
                id="open-path",
            )
            yield Static(id="open-matches")

    @staticmethod
    def _start_value() -> str:
        cwd = Path.cwd()
        home = Path.home()
        try:
            return "~/" + str(cwd.relative_to(home)) + "/" if cwd != home else "~/"
        except ValueError:
            return str(cwd) + os.sep

    def on_mount(self) -> None:
        self._list(self.query_one(PathInput).value)

    @on(Input.Changed, "#open-path")
    def _changed(self, event: Input.Changed) -> None:
        self._list(event.value)

    def _list(self, value: str) -> None:
        _, last = _split_last(value)
        found = candidates(last, limit=MAX_LISTED + 1)
        more = "  …" if len(found) > MAX_LISTED else ""
        names = [
            Path(name.rstrip(os.sep)).name + (os.sep if name.endswith(os.sep) else "")
            for name in found[:MAX_LISTED]
        ]
        text = "   ".join(names) + more if names else "(nothing here matches)"
        self.query_one("#open-matches", Static).update(Content(text))

    @on(Input.Submitted, "#open-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            paths = shlex.split(event.value)
        except ValueError as exc:
            self.notify(f"Cannot read that: {exc}", severity="error")
            return
        if not paths:
            self.notify("Type a file, folder or glob to open", severity="warning")
            return
        self.dismiss(paths)

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
