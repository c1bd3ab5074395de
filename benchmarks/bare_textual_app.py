"""The baseline for start-up benchmarks: the smallest Textual app that draws a line."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("BARE-TEXTUAL-READY")


if __name__ == "__main__":
    Bare().run()
