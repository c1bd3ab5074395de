"""A table of one-line rows under a pinned header, drawn with the Line API.

The actors pane used Textual's DataTable. Refilled for every article switch, it drew each
cell through Rich on a cache miss (4 ms of a 20 ms frame for 13 rows, measured in
benchmarks/bench_dashboard.py's dashboard), and its per-table render caches (10,000 cells,
1,000 lines) filled up across switches, some megabytes per pooled table. Here a row is one
Content assembled when the rows are set; drawing a line renders only that Content (13
rows in 0.7 ms), and the strips kept are those of the rows drawn since the last refill.
The corpus view's tables use it too: DataTable drew a Content cell without the app's style
variables, so their muted columns came out in the plain text colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from sitroom.tui.panes.drawn_lines import DrawnLines

PAD = 1  # blank cells on each side of a cell, as DataTable draws them


class Column(NamedTuple):
    key: str
    label: str
    width: int


class _TableMessage(Message):
    def __init__(self, table: RowsTable) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> RowsTable:
        return self.table


class RowsTable(DrawnLines):
    """Rows of fixed-width cells with a row cursor; enter or a click selects a row, a
    click on a column's header selects that column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
        Binding("enter", "select_cursor", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = DrawnLines.COMPONENT_CLASSES | {"rows-table--header"}

    DEFAULT_CSS = """
    RowsTable {
        & > .rows-table--header { text-style: bold; background: $panel; color: $foreground; }
    }
    """

    class RowSelected(_TableMessage):
        def __init__(self, table: RowsTable, row: int) -> None:
            super().__init__(table)
            self.row = row

    class HeaderSelected(_TableMessage):
        def __init__(self, table: RowsTable, key: str) -> None:
            super().__init__(table)
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns: list[Column] = []
        self._header = Content("")
        self._cells: list[Sequence[Content]] = []
        self._rows: list[Content] = []
        self.cursor_row = 0

    # -- content ----------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, columns: Sequence[Column], rows: Sequence[Sequence[Content]]) -> None:
        """New columns and rows (each a cell per column); the cursor goes to the first."""
        self.columns = list(columns)
        self._header = _line([Content(c.label) for c in self.columns], self.columns)
        self._cells = list(rows)
        self._rows = [_line(cells, self.columns) for cells in rows]
        self.cursor_row = 0
        self._strips.clear()
        width = sum(c.width + 2 * PAD for c in self.columns)
        self.virtual_size = Size(width, len(self._rows) + 1)  # the header is line 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def cell(self, row: int, key: str) -> Content:
        """The cell of `row` in the column `key`, as given to set_rows."""
        index = next(i for i, c in enumerate(self.columns) if c.key == key)
        return self._cells[row][index]

    # -- cursor -------------------------------------------------------------------------
    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        if not self._rows:
            return
        row = max(0, min(row, len(self._rows) - 1))
        if row != self.cursor_row:
            self.cursor_row = row
            self.refresh()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        shown = max(self.scrollable_content_region.height - 1, 1)  # rows under the header
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + shown:
            self.scroll_to(y=self.cursor_row - shown + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 2, 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor_row - self._page())

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor_row + self._page())

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + int(self.scroll_x)
            for column in self.columns:
                x -= column.width + 2 * PAD
                if x < 0:
                    self.post_message(self.HeaderSelected(self, column.key))
                    return
            return
        row = int(self.scroll_y) + event.y - 1
        if 0 <= row < len(self._rows):
            self.move_cursor(row=row)
            self.post_message(self.RowSelected(self, row))

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # -- drawing ------------------------------------------------------------------------
    def prerender(self, width: int, height: int) -> None:
        """Draw the header and the top rows at `width`, unfocused, while the table is
        hidden, so that showing it later finds them drawn."""
        for index in range(-1, min(height - 1, len(self._rows))):
            self._strip(index, width, focused=False)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = -1 if y == 0 else int(self.scroll_y) + y - 1  # the header is line 0
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        return self._strip(index, width, focused=self.has_focus)

    def _cursor_at(self, line: int) -> bool:
        return line == self.cursor_row

    def _draw(self, line: int, cursor: bool, width: int) -> Strip:
        if line < 0:
            return self._content_strip(
                self._header, self._line_style(False, "rows-table--header"), width
            )
        return self._content_strip(self._rows[line], self._line_style(cursor), width)


def _line(cells: Sequence[Content], columns: Sequence[Column]) -> Content:
    """One row: each cell cut or padded to its column, with PAD blanks either side."""
    gap = Content(" " * PAD)
    parts: list[Content] = []
    for cell, column in zip(cells, columns, strict=True):
        parts += [gap, cell.truncate(column.width, pad=True), gap]
    return Content.assemble(*parts)
