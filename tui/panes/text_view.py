"""The article text: wrapped by offsets, drawn line by line, highlights looked up per line.

Built on the Line API (`ScrollView.render_line`): only the lines on screen are ever styled,
so a 100,000-word article costs the same to draw as a short one. Wrapping is a list of
`(start, end)` offsets into the text, which is also how a span (a mention, a quote, a
search hit) is turned into the line to scroll to.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sitroom.extractors.model import Span
from sitroom.tui import bindings
from sitroom.tui.highlight import Layer, pieces
from sitroom.tui.messages import TextClicked
from sitroom.tui.wrap import wrap

# tabs and other control characters would break the cell arithmetic: draw them as spaces
_CONTROL = {i: " " for i in (*range(32), 127)}
MARGIN = 1  # blank columns left of the text
PROVISIONAL_WIDTH = 76
DYNAMIC = ("selected", "match", "current")


class ArticleText(ScrollView, can_focus=True):
    BINDINGS = bindings.of(bindings.TEXT)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-text--actor",
        "article-text--quote",
        "article-text--evidence",
        "article-text--selected",
        "article-text--match",
        "article-text--current",
        "article-text--placeholder",
    }

    DEFAULT_CSS = """
    ArticleText {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        background: $surface;
        & > .article-text--actor { color: $sr-actor; text-style: bold; }
        & > .article-text--quote { color: $sr-quote; text-style: italic; }
        & > .article-text--evidence { background: $sr-evidence; }
        & > .article-text--selected { background: $sr-selected; text-style: bold underline; }
        & > .article-text--match { background: $sr-match; }
        & > .article-text--current { background: $sr-current; color: #000000; text-style: bold; }
        & > .article-text--placeholder { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._placeholder = "No article"
        self._layers: dict[str, Layer] = {}
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._starts: list[int] = [0]
        self._wrap_width = 0
        self._strips: dict[int, Strip] = {}
        self._styles: dict[tuple[str, ...], Style] = {}
        self._targets: list[Span] = []
        self._target_kind = ""
        self.target_index = -1
        self._pending_anchor: int | None = None
        self._prepared: _Prepared | None = None

    # -- content ----------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def targets(self) -> Sequence[Span]:
        return self._targets

    @property
    def target_kind(self) -> str:
        return self._target_kind

    def show_text(self, text: str, layers: dict[str, Layer], anchor: int = 0) -> None:
        """Show a new text, scrolled so the character at `anchor` is on the top line."""
        self._text = text
        self._layers = dict(layers)
        self._targets, self._target_kind, self.target_index = [], "", -1
        self._wrap_width = 0  # force a rewrap
        ready = self._prepared
        self._prepared = None
        if ready is not None and ready.fits(text, layers, self._content_width()):
            self._wrap_width = ready.width
            self._lines, self._starts = ready.lines, [start for start, _ in ready.lines]
        self._rewrap(anchor)
        if ready is not None and self._wrap_width == ready.width and self._lines is ready.lines:
            self._strips.update(ready.strips)

    def prepare(self, text: str, layers: dict[str, Layer], height: int) -> None:
        """Wrap `text` and draw its first `height` lines now, for a `show_text` of the same
        text and layers that is likely to follow (the next article, while the reader reads
        this one): that switch then finds them done."""
        if not self.size.width or not text:
            return
        width = self._content_width()
        lines = wrap(text, width)
        full_width = self.scrollable_content_region.width
        strips = {
            index: self._draw_line(text, lines[index], layers, full_width)
            for index in range(min(height, len(lines)))
        }
        self._prepared = _Prepared(text, layers, width, lines, strips)

    def show_placeholder(self, message: str) -> None:
        self._placeholder = message
        self.show_text("", {})

    def set_layers(self, layers: dict[str, Layer]) -> None:
        """New highlights for the same text (its analysis arrived); keeps the scroll."""
        kept = {k: v for k, v in self._layers.items() if k in DYNAMIC}
        self._layers = {**layers, **kept}
        self._invalidate()

    def first_visible_offset(self) -> int:
        index = min(int(self.scroll_y), len(self._lines) - 1)
        return self._lines[index][0] if self._lines else 0

    # -- targets: an actor's mentions, search hits --------------------------------------
    def set_targets(self, spans: Sequence[Span], kind: str, index: int = 0) -> None:
        self._targets = sorted(spans)
        self._target_kind = kind
        for name in DYNAMIC:
            self._layers.pop(name, None)
        if self._targets:
            self._layers[kind] = Layer((s.start, s.end) for s in self._targets)
            self.goto_target(index)
        else:
            self.target_index = -1
            self._invalidate()

    def clear_targets(self) -> None:
        self.set_targets([], "")

    def goto_target(self, index: int) -> Span | None:
        if not self._targets:
            return None
        self.target_index = index % len(self._targets)
        span = self._targets[self.target_index]
        self.mark_current([span])
        return span

    def step_target(self, step: int) -> Span | None:
        if not self._targets:
            return None
        if self.target_index < 0:
            # start from what is on screen rather than from the top
            top = self.first_visible_offset()
            after = [i for i, s in enumerate(self._targets) if s.start >= top]
            start = after[0] if after else 0
            return self.goto_target(start if step > 0 else start - 1)
        return self.goto_target(self.target_index + step)

    def first_target_after(self, offset: int) -> int:
        for i, span in enumerate(self._targets):
            if span.start >= offset:
                return i
        return 0

    def mark_current(self, spans: Sequence[Span]) -> None:
        """Mark `spans` as the current place and scroll the first into view."""
        self._layers["current"] = Layer((s.start, s.end) for s in spans)
        self._invalidate()
        if spans:
            self.scroll_to_offset(min(s.start for s in spans))

    def scroll_to_offset(self, offset: int) -> None:
        line = self.line_of(offset)
        height = max(self.scrollable_content_region.height, 1)
        top = int(self.scroll_y)
        if top + 1 <= line < top + height - 1:
            return  # already comfortably on screen
        self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def offset_at(self, x: int, y: int) -> int | None:
        """The character under screen cell (x, y) of this widget, or None."""
        index = int(self.scroll_y) + y
        if not self._text or not 0 <= index < len(self._lines):
            return None
        start, end = self._lines[index]
        column = x - MARGIN
        if column < 0:
            return None
        used = 0
        for offset in range(start, end):
            used += max(cell_len(self._text[offset]), 1)
            if used > column:
                return offset
        return None

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self.post_message(TextClicked(offset))

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    # -- wrapping -----------------------------------------------------------------------
    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width - MARGIN - 1, 10)

    def _rewrap(self, anchor: int | None = None) -> None:
        if not self.size.width:
            # Hidden (the narrow layout shows another pane): wrap at a provisional width so
            # the lines always belong to the text on hand; the resize on showing rewraps.
            self._pending_anchor = anchor or 0
            self._lines = wrap(self._text, PROVISIONAL_WIDTH) if self._text else [(0, 0)]
            self._starts = [start for start, _ in self._lines]
            self._wrap_width = -1
            self._invalidate()
            return
        width = self._content_width()
        if anchor is None:
            anchor = self.first_visible_offset()
        if width != self._wrap_width:
            self._wrap_width = width
            self._lines = wrap(self._text, width) if self._text else [(0, 0)]
            self._starts = [start for start, _ in self._lines]
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self._invalidate()
        self.scroll_to(y=self.line_of(anchor) if anchor else 0, animate=False, immediate=True)

    def on_resize(self) -> None:
        anchor = self._pending_anchor
        self._pending_anchor = None
        if self._content_width() != self._wrap_width or anchor is not None:
            self._rewrap(anchor)

    # -- drawing ------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        self._prepared = None
        super().notify_style_update()

    def _style(self, active: tuple[str, ...]) -> Style:
        style = self._styles.get(active)
        if style is None:
            style = self.rich_style
            for name in active:
                style += self.get_component_rich_style(f"article-text--{name}", partial=True)
            self._styles[active] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if not self._text:
            if y == 1:
                style = self._style(("placeholder",))
                return Strip(
                    [Segment(" " * (MARGIN + 1) + self._placeholder, style)]
                ).adjust_cell_length(width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_text_line(index, width)
            self._strips[index] = strip
        return strip

    def _render_text_line(self, index: int, width: int) -> Strip:
        return self._draw_line(self._text, self._lines[index], self._layers, width)

    def _draw_line(
        self, text: str, line: tuple[int, int], layers: dict[str, Layer], width: int
    ) -> Strip:
        start, end = line
        base = self.rich_style
        segments = [Segment(" " * MARGIN, base)]
        for a, b, active in pieces(start, end, layers):
            segments.append(Segment(text[a:b].translate(_CONTROL), self._style(active)))
        return Strip(segments).adjust_cell_length(width, base)


@dataclass(frozen=True)
class _Prepared:
    """A text wrapped, and its first lines drawn, ahead of being shown."""

    text: str
    layers: dict[str, Layer]
    width: int
    lines: list[tuple[int, int]]
    strips: dict[int, Strip]

    def fits(self, text: str, layers: dict[str, Layer], width: int) -> bool:
        # the same objects the article's entry hands out, at the width the view has now
        return text is self.text and layers is self.layers and width == self.width
