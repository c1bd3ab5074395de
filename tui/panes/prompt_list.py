"""A list of prompts of one or more lines with a cursor, drawn with the Line API.

The quote and evidence lists were Textual OptionLists. An OptionList lays its options out
and renders them only once it is on screen with a size, and again after the resize event
that showing it sends, so every article switch drew each new list twice, 0.1 ms a line
(2.4 ms of the first frame for the two lists at 160x48). Here the prompts come already
wrapped to the width they are shown at (one Content, lines split by newlines), and
`prerender` draws the first screen of them while the list is still hidden: the next article
is prepared while the reader reads, so its switch finds its lines drawn. The article list
is one too: stepping through a long folder scrolls it on most switches, and OptionList drew
each of its lines through its style lookups again (2.3 ms; 1.2 here).

A long article has thousands of prompts: the first page is built at once and the rest a
page after each frame, so keys keep working while the list fills in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from sitroom.tui.panes.drawn_lines import DrawnLines

FIRST_PAGE = 30  # prompts built with the list: more than the tallest pane shows
PAGE = 60  # prompts added after each frame, a few milliseconds of work
PAD = 1  # a blank cell left and right of each prompt

MakePrompt = Callable[[int], Content]


class PromptList(DrawnLines):
    """Prompts made by `make(index)`, each a Content of one or more lines (a line wider than
    the list ends in an ellipsis); enter or a click selects the prompt under the cursor, and
    a move of the cursor by a key or a click is announced with `Highlighted`."""

    BUILT_AT_ONCE = FIRST_PAGE  # prompts built when the list is filled; the rest page by page

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "select", show=False),
    ]

    class _PromptMessage(Message):
        def __init__(self, prompt_list: PromptList, index: int) -> None:
            super().__init__()
            self.prompt_list = prompt_list
            self.index = index

        @property
        def control(self) -> PromptList:
            return self.prompt_list

    class Selected(_PromptMessage):
        """Enter, or a click, on the prompt at `index`."""

    class Highlighted(_PromptMessage):
        """The reader moved the cursor to the prompt at `index` (not sent when the program
        moves it with `highlight`)."""

    def __init__(
        self, count: int, make: MakePrompt, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._generation = 0  # a refill makes the pages still queued for old prompts moot
        self._prompts: list[Content] = []
        self._line_count = 0
        self._split: dict[int, list[Content]] = {}  # the lines of prompts drawn so far
        self._first_line: list[int] = []  # per prompt
        self.highlighted: int | None = None
        self._fill(count, make)

    # -- content ------------------------------------------------------------------------
    @property
    def count(self) -> int:
        """How many prompts the list has, built or still to come."""
        return self._count

    @property
    def fully_built(self) -> bool:
        return len(self._prompts) >= self._count

    def prompt(self, index: int) -> Content:
        self._build_to(index)
        return self._prompts[index]

    def refill(self, count: int, make: MakePrompt) -> None:
        """Other prompts in this list, as a new one would show them: cursor on the first."""
        self._fill(count, make)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        if self.is_mounted:
            self._schedule()

    def _fill(self, count: int, make: MakePrompt) -> None:
        self._generation += 1
        self._count, self._make = count, make
        self._prompts, self._first_line, self._line_count = [], [], 0
        self._drop_drawn()
        self.highlighted = 0 if count else None
        self._build_to(min(count, self.BUILT_AT_ONCE) - 1)

    def extend(self, count: int) -> None:
        """More prompts after those there are, `make` covering the new indexes too."""
        if count <= self._count:
            return
        self._count = count
        self._build_to(min(count, self.BUILT_AT_ONCE) - 1)
        if self.is_mounted:
            self._schedule()

    def remake(self, index: int) -> None:
        """Build prompt `index` again (what it shows changed)."""
        if index >= len(self._prompts):
            return  # not built yet: it will be built as it is now
        prompt = self._make(index)
        old_height = self._lines_of(index)[1]
        self._prompts[index] = prompt
        self._split.pop(index, None)
        self._strips = {k: v for k, v in self._strips.items() if self._prompt_at(k[0]) != index}
        shift = prompt.plain.count("\n") + 1 - old_height
        if shift:  # later prompts move down or up: every line after it is drawn again
            for later in range(index + 1, len(self._first_line)):
                self._first_line[later] += shift
            self._line_count += shift
            self._strips.clear()
            self.virtual_size = Size(self.virtual_size.width, self._line_count)
            self.refresh()
        else:
            self._repaint(index)

    def _build_to(self, index: int) -> None:
        """Build the prompts up to `index` (no further than there are)."""
        for i in range(len(self._prompts), min(index + 1, self._count)):
            prompt = self._make(i)
            self._prompts.append(prompt)
            self._first_line.append(self._line_count)
            self._line_count += prompt.plain.count("\n") + 1
        self.virtual_size = Size(self.virtual_size.width, self._line_count)

    def on_mount(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if not self.fully_built:
            self.call_after_refresh(self._grow, self._generation)

    def _grow(self, generation: int) -> None:
        if generation != self._generation or not self.is_mounted:
            return
        self._build_to(len(self._prompts) + PAGE - 1)
        self._schedule()

    # -- cursor -------------------------------------------------------------------------
    def highlight(self, index: int) -> None:
        """Put the cursor on prompt `index` (clamped to the list) and scroll it into view."""
        if not self._count:
            return
        index = max(0, min(index, self._count - 1))
        self._build_to(index)
        previous, self.highlighted = self.highlighted, index
        if previous != index:
            self._repaint(previous)
            self._repaint(index)
        self._scroll_to_prompt(index)

    def _lines_of(self, index: int) -> tuple[int, int]:
        """First line and line count of a built prompt."""
        first = self._first_line[index]
        last = index + 1 >= len(self._first_line)
        end = self._line_count if last else self._first_line[index + 1]
        return first, end - first

    def _repaint(self, index: int | None) -> None:
        if index is not None and index < len(self._prompts):
            self.refresh_lines(*self._lines_of(index))

    def _scroll_to_prompt(self, index: int) -> None:
        first, height = self._lines_of(index)
        width = self.scrollable_content_region.width
        self.scroll_to_region(Region(0, first, width, height), animate=False, immediate=True)

    def _page_to(self, pages: int) -> None:
        """Move the cursor a screen of lines up (-1) or down (1), to the prompt there."""
        if self.highlighted is None:
            return
        first, _ = self._lines_of(self.highlighted)
        line = first + pages * max(self.scrollable_content_region.height, 1)
        self._build_to_line(line)
        line = max(0, min(line, self._line_count - 1))
        self._move(self._prompt_at(line))

    def _build_to_line(self, line: int) -> None:
        while self._line_count <= line and not self.fully_built:
            self._build_to(len(self._prompts) + PAGE - 1)

    def _move(self, index: int) -> None:
        """The reader moves the cursor: as `highlight`, and say so when it moved."""
        before = self.highlighted
        self.highlight(index)
        if self.highlighted is not None and self.highlighted != before:
            self.post_message(self.Highlighted(self, self.highlighted))

    def action_cursor_up(self) -> None:
        self._move((self.highlighted or 0) - 1)

    def action_cursor_down(self) -> None:
        self._move((self.highlighted or 0) + 1)

    def action_page_up(self) -> None:
        self._page_to(-1)

    def action_page_down(self) -> None:
        self._page_to(1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(self._count - 1)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_y) + event.y
        if 0 <= line < self._line_count:
            index = self._prompt_at(line)
            self._move(index)
            self.post_message(self.Selected(self, index))

    def on_resize(self) -> None:
        if self.highlighted is not None:
            self._scroll_to_prompt(self.highlighted)

    # -- drawing ------------------------------------------------------------------------
    def prerender(self, width: int, height: int) -> None:
        """Draw the top `height` lines at `width` now, unfocused, while the list is hidden,
        so that showing it later finds them drawn."""
        for line in range(min(height, self._line_count)):
            self._strip(line, width, focused=False)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        if line >= self._line_count:
            return Strip.blank(width, self.rich_style)
        return self._strip(line, width, focused=self.has_focus)

    def _cursor_at(self, line: int) -> bool:
        return self._prompt_at(line) == self.highlighted

    def _drop_drawn(self) -> None:
        super()._drop_drawn()
        self._split.clear()

    def _prompt_at(self, line: int) -> int:
        return bisect_right(self._first_line, line) - 1

    def _line_of(self, index: int, line: int) -> Content:
        # split only the prompts that get drawn: a long article has thousands of them, and
        # a Content per line of each was twice the objects every full collection scans
        lines = self._split.get(index)
        if lines is None:
            lines = self._split[index] = self._prompts[index].split("\n")
        offset = line - self._first_line[index]
        return lines[offset] if offset < len(lines) else Content("")

    def _draw(self, line: int, cursor: bool, width: int) -> Strip:
        content = self._line_of(self._prompt_at(line), line)
        return self._content_strip(content, self._line_style(cursor), width, pad=PAD, ellipsis=True)
