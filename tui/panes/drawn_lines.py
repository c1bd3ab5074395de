"""What the dashboard's own Line API widgets share: lines drawn from Content once, kept.

The actors and corpus tables (`RowsTable`) and the article, quote and evidence lists
(`PromptList`) draw each line from a Content straight to segments, and keep the strip by
line, whether the cursor is on it, focus and width. The cursor looks the same in all of
them, and a theme change drops what was drawn.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

KEPT_LINES = 4_000  # drawn lines kept; past that they are dropped and drawn again


class DrawnLines(ScrollView, can_focus=True):
    """Subclasses say which lines the cursor is on (`_cursor_at`) and draw a line
    (`_draw`, usually through `_content_strip`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"drawn-lines--cursor"}

    DEFAULT_CSS = """
    DrawnLines {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .drawn-lines--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .drawn-lines--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._strips: dict[tuple[int, bool, bool, int], Strip] = {}

    def _cursor_at(self, line: int) -> bool:
        raise NotImplementedError

    def _draw(self, line: int, cursor: bool, width: int) -> Strip:
        raise NotImplementedError

    def _drop_drawn(self) -> None:
        """Forget every drawn line (subclasses also drop what they keep for drawing)."""
        self._strips.clear()

    def notify_style_update(self) -> None:
        self._drop_drawn()
        super().notify_style_update()

    def _strip(self, line: int, width: int, *, focused: bool) -> Strip:
        # the widget's own style follows its :focus rules; `focused` only keys the kept lines
        cursor = self._cursor_at(line)
        key = (line, cursor, focused, width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= KEPT_LINES:  # scrolled through a very long list
                self._drop_drawn()
            strip = self._draw(line, cursor, width)
            self._strips[key] = strip
        return strip

    def _line_style(self, cursor: bool, component: str = "") -> Style:
        style = self.visual_style
        if component:
            style += self.get_visual_style(component)
        if cursor:
            style += self.get_visual_style("drawn-lines--cursor")
        return style

    def _content_strip(
        self, content: Content, style: Style, width: int, *, pad: int = 0, ellipsis: bool = False
    ) -> Strip:
        """One line of Content as a strip `width` cells wide after `pad` blanks; with
        `ellipsis`, a line too long for `pad` blanks either side ends in "…".

        Content.render straight to segments: a third of the cost of Visual.to_strips, which
        would lay out, wrap and align what is already one line."""
        room = width - 2 * pad
        if ellipsis and content.cell_length > room:
            content = content.truncate(max(room, 1), ellipsis=True)
        parse = self._get_style  # resolves $variables, as Content needs
        segments = [Segment(" " * pad, style.rich_style)] if pad else []
        segments += [Segment(t, s.rich_style) for t, s in content.render(style, "", parse)]
        return Strip(segments).crop_extend(0, width, style.rich_style)
