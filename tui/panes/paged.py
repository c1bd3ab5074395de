"""An option list that builds its options a page per frame.

A 100,000-word article has thousands of quotes and pieces of threat evidence. Building
every option's prompt, and measuring its height, in the handler that shows the analysis
held the UI thread for about half a second (benchmarks/bench_dashboard.py). The first
page, more than the tallest pane shows, is built at once; the rest follows a page after
each frame, so keys keep working while a long list fills in.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets.option_list import Option

from sitroom.tui.panes.cursor_lines import CursorLinesOptionList

FIRST_PAGE = 30  # built with the list: a 60-row pane of 2-line options; more follow a frame later
PAGE = 60  # options added after each frame, a few milliseconds of work

MakeOption = Callable[[int], Option]


class PagedOptionList(CursorLinesOptionList):
    def __init__(self, count: int, make: MakeOption) -> None:
        self._count = count
        self._make = make
        self._built = min(count, FIRST_PAGE)
        self._generation = 0  # a refill makes the pages still queued for old options moot
        super().__init__(*(make(i) for i in range(self._built)))

    @property
    def fully_built(self) -> bool:
        return self._built >= self._count

    def on_mount(self) -> None:
        self._schedule()

    def replace_options(self, count: int, make: MakeOption) -> None:
        """Other options in this list, the first page at once and the rest as above."""
        self._generation += 1
        self._count, self._make = count, make
        self._built = min(count, FIRST_PAGE)
        self.set_options([make(i) for i in range(self._built)])
        self._schedule()

    def _schedule(self) -> None:
        if not self.fully_built:
            self.call_after_refresh(self._grow, self._generation)

    def _grow(self, generation: int) -> None:
        if generation != self._generation or not self.is_mounted:
            return
        end = min(self._count, self._built + PAGE)
        self.add_options([self._make(i) for i in range(self._built, end)])
        self._built = end
        self._schedule()
