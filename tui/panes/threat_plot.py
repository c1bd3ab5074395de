"""The threat level over time: one bar per article, in publication order, with a cursor.

Why not Textual's `Sparkline`: it scales its bars between the smallest and largest value
shown, so a corpus whose articles are all at level 2 would draw them as empty, or as full,
depending on the neighbours; threat levels are an absolute 0-4 scale and must read the same
in every corpus. It also cannot mark one point, and the reader must be able to walk the
points and open one. So this is a small widget of our own: five rows for the levels 0-4,
each bar in its level's theme colour, and under them the dates and a caret at the cursor.

With more articles than columns, each column stands for a run of consecutive articles and
shows the highest level among them (a peak must never be averaged away); the cursor still
moves one article at a time, and the border names the article under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from sitroom.tui import bindings
from sitroom.tui.messages import PointChosen
from sitroom.tui.panes.badges import ellipsize, short_date

if TYPE_CHECKING:
    from sitroom.extractors.corpus import ThreatPoint

LEVELS = 5
AXIS = 3  # "4 ┤" left of the bars
MAX_CELL = 6  # cells per article when there are few of them
CURSOR_STRIPE = "on $accent 30%"


@dataclass(frozen=True)
class PlotLayout:
    """Which articles each column group of the plot stands for."""

    cell: int  # screen cells per group (the last one a gap when more than one)
    groups: tuple[range, ...]
    column: tuple[int, ...]  # article index -> group

    @classmethod
    def fit(cls, count: int, width: int) -> PlotLayout:
        width = max(width, 1)
        if count <= width:
            cell = max(1, min(MAX_CELL, width // max(count, 1)))
            return cls(cell, tuple(range(i, i + 1) for i in range(count)), tuple(range(count)))
        column = tuple(i * width // count for i in range(count))
        starts = [0] + [i for i in range(1, count) if column[i] != column[i - 1]]
        ends = [*starts[1:], count]
        return cls(1, tuple(range(s, e) for s, e in zip(starts, ends, strict=True)), column)


def bar_cell(level: int, row: int) -> str:
    """The character of a bar of `level` in plot row `row` (0 at the bottom)."""
    if row == 0:
        return "█" if level > 0 else "▁"  # level 0 is a floor line, not nothing
    return "█" if level >= row else " "


class ThreatPlot(Widget, can_focus=True):
    BINDINGS = bindings.of(bindings.PLOT)

    DEFAULT_CSS = """
    ThreatPlot {
        height: 8;
        padding: 0 1;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.points: list[ThreatPoint] = []
        self.titles: dict[str, str] = {}  # article id -> title as the dashboard shows it
        self.cursor = 0
        self.border_title = "Threat over time"

    # -- data ---------------------------------------------------------------------------
    def set_points(
        self, points: Sequence[ThreatPoint], titles: dict[str, str], keep: str | None = None
    ) -> None:
        """New points; the cursor stays on article `keep` (else the one it was on)."""
        keep = keep or self.cursor_id
        self.points = list(points)
        self.titles = titles
        ids = [p.id for p in self.points]
        self.cursor = ids.index(keep) if keep in ids else min(self.cursor, len(ids) - 1)
        self.cursor = max(self.cursor, 0)
        self._describe()
        self.refresh()

    @property
    def cursor_id(self) -> str | None:
        return self.points[self.cursor].id if 0 <= self.cursor < len(self.points) else None

    def point_at(self, article_id: str) -> bool:
        """Move the cursor to an article's point; False when it has none."""
        for index, point in enumerate(self.points):
            if point.id == article_id:
                self._move_to(index)
                return True
        return False

    # -- keys ---------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_jump(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(10, len(self.points) // 20))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.points) - 1)

    def action_open_point(self) -> None:
        article_id = self.cursor_id
        if article_id is not None:
            self.post_message(PointChosen(article_id))

    def _move_to(self, index: int) -> None:
        if not self.points:
            return
        index = max(0, min(index, len(self.points) - 1))
        if index != self.cursor:
            self.cursor = index
            self._describe()
            self.refresh()

    def _describe(self) -> None:
        """The border names the article under the cursor."""
        if not self.points:
            self.border_subtitle = ""
            return
        point = self.points[self.cursor]
        when = point.published.isoformat() if point.published else "undated"
        title = self.titles.get(point.id) or point.title or point.path
        room = max(self.size.width - 30, 12)
        self.border_subtitle = (
            f"{self.cursor + 1}/{len(self.points)} · {when} · level {point.level} · "
            f"{ellipsize(title, room)}"
        )

    def on_resize(self) -> None:
        self._describe()

    # -- drawing ------------------------------------------------------------------------
    def render(self) -> RenderResult:
        width = self.size.width
        if not self.points:
            return Content.styled("No threat levels yet.", "$foreground-muted")
        plot_width = max(width - AXIS, 1)
        layout = PlotLayout.fit(len(self.points), plot_width)
        levels = [max(self.points[i].level for i in group) for group in layout.groups]
        levels = [max(0, min(level, LEVELS - 1)) for level in levels]
        cursor_group = layout.column[self.cursor]
        rows: list[Content] = []
        for row in range(LEVELS - 1, -1, -1):
            parts: list[tuple[str, str]] = [(f"{row} ┤", "$foreground-muted")]
            for group, level in enumerate(levels):
                char = bar_cell(level, row)
                style = f"$sr-threat-{level}" if char != " " else ""
                if group == cursor_group:
                    style = f"{style} {CURSOR_STRIPE}".strip()
                bar = char * (layout.cell - 1 if layout.cell > 1 else 1)
                parts.append((bar, style))
                if layout.cell > 1:
                    parts.append((" ", CURSOR_STRIPE if group == cursor_group else ""))
            rows.append(_assemble(parts))
        rows.append(self._date_row(layout, cursor_group, plot_width))
        return Content("\n").join(rows)

    def _date_row(self, layout: PlotLayout, cursor_group: int, plot_width: int) -> Content:
        """Date labels where they fit, oldest first, and a caret under the cursor."""
        cells = [" "] * plot_width
        free = 0
        previous = None
        undated_shown = False
        for group, members in enumerate(layout.groups):
            x = group * layout.cell
            point = self.points[members.start]
            if point.published is None:
                if undated_shown:
                    continue
                label = "undated"
                undated_shown = True
            elif previous is not None and point.published == previous:
                continue
            else:
                label = short_date(point.published, previous)
            if x < free or x + len(label) > plot_width:
                continue
            cells[x : x + len(label)] = list(label)
            free = x + len(label) + 2
            if point.published is not None:
                previous = point.published
        caret = cursor_group * layout.cell
        parts: list[tuple[str, str]] = [("   ", "")]
        before, after = "".join(cells[:caret]), "".join(cells[caret + 1 :])
        parts += [
            (before, "$foreground-muted"),
            ("▲", "bold $accent"),
            (after, "$foreground-muted"),
        ]
        return _assemble(parts)


def _assemble(parts: list[tuple[str, str]]) -> Content:
    """Runs of one style joined, so a 1,000-column row is a few spans, not 1,000."""
    merged: list[tuple[str, str]] = []
    for text, style in parts:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return Content.assemble(*[(text, style) if style else text for text, style in merged])
