"""Option lists that repaint only the options the cursor leaves and enters.

OptionList's `highlighted` repaints the whole list when it changes, so every article switch
drew all 44 lines of the article list again (2.2 ms of a 20 ms frame at 160x48) to move a
two-line cursor. Here a cursor move marks just those lines dirty; scrolling, new options and
resizes still repaint everything, as OptionList does itself.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList


class CursorLinesOptionList(OptionList):
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        # Textual calls this beside OptionList's own watch_highlighted (scroll, message)
        for index in (old, new):
            self._repaint_option(index)

    def _repaint_option(self, index: int | None) -> None:
        if index is None:
            return
        first_line = self._index_to_line.get(index)
        height = self._heights.get(index)
        if first_line is None or height is None:  # not measured yet: the next full paint draws it
            return
        self.refresh_lines(first_line, height)
