"""Border titles that repaint only the border line they sit on.

Textual repaints a whole widget when its `border_title` or `border_subtitle` is set, even
to the same text. Every pane's titles change on each article switch ("Actors 13",
"Threat 3 · ..."), so each switch drew every bordered pane's inside again: the text pane's
46 rows and the side panes' 15 each, about 2.5 ms of a 20 ms frame at 160x48, for four
lines of new text. Here a changed title repaints its own line and an unchanged one nothing.
"""

from __future__ import annotations

from textual.content import Content, ContentType
from textual.geometry import Region
from textual.widget import Widget


class EdgeTitle:
    """A border title or subtitle: stored as Textual stores it, repainted on its line."""

    def __init__(self, *, bottom: bool = False) -> None:
        self._bottom = bottom

    def __set_name__(self, owner: type[Widget], name: str) -> None:
        self._internal_name = f"_{name}"  # where Textual's renderer looks for it

    def __set__(self, widget: Widget, title: ContentType | None) -> None:
        new = None if title is None else widget.render_str(title).expand_tabs(4).split()[0]
        old: Content | None = getattr(widget, self._internal_name, None)
        if new == old:
            return
        setattr(widget, self._internal_name, new)
        width, height = widget.outer_size
        if not (width and height):
            widget.refresh()  # not laid out yet: nothing to keep
            return
        line = Region(0, height - 1 if self._bottom else 0, width, 1)
        # refresh() takes regions counted from inside the border and padding
        widget.refresh(line.translate(-widget.content_offset))

    def __get__(self, widget: Widget | None, owner: type[Widget] | None = None) -> str | None:
        title: Content | None = getattr(widget, self._internal_name, None)
        return None if title is None else title.markup


class EdgeTitled:
    """Mix in before the widget class: `class Pane(EdgeTitled, Vertical)`."""

    border_title = EdgeTitle()
    border_subtitle = EdgeTitle(bottom=True)
