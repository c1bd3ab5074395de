"""PromptList on its own, in a bare Textual app: a very long list stays cheap to hold."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from sitroom.tui.panes.drawn_lines import KEPT_LINES
from sitroom.tui.panes.prompt_list import PromptList


class OneList(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield PromptList(self.count, lambda i: Content(f"prompt {i}\n  second line of {i}"))


async def test_scrolling_through_thousands_of_prompts_keeps_a_bounded_set_of_drawn_lines() -> None:
    app = OneList(6_000)
    async with app.run_test(size=(40, 200)) as pilot:
        prompts = app.query_one(PromptList)
        prompts.focus()
        for _ in range(100):  # a page (100 prompts) at a time: 12,000 lines drawn
            await pilot.press("pagedown")
        assert prompts.highlighted == 5_999
        assert len(prompts._strips) <= KEPT_LINES
        await pilot.press("home")
        await pilot.pause()
        assert prompts.highlighted == 0
        assert "prompt 0" in prompts.render_line(0).text
        assert "second line of 0" in prompts.render_line(1).text
