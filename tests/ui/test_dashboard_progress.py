"""A long analysis reports how far it is: from the engine process, over the pipe, to the
status line, the article's badge and the panes' loading state."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeApp, settle
from textual.message import Message

from sitroom.tui.app import SitroomApp, progress_note
from sitroom.tui.engine_process import REPORT_SECONDS, Reporter
from sitroom.tui.messages import AnalysisProgress
from sitroom.tui.panes.actors import ActorsPane
from sitroom.tui.panes.articles import ArticleList
from sitroom.tui.panes.status import StatusBar
from sitroom.tui.state import Status

PARAGRAPH = (
    "The defence ministers of both countries met in Vienna on Tuesday to discuss the "
    "withdrawal of troops from the border region, officials said. Talks will resume next "
    "week, according to a statement from the foreign ministry."
)


def long_text(chars: int) -> str:
    paragraphs = []
    total = 0
    while total < chars:
        paragraphs.append(PARAGRAPH)
        total += len(PARAGRAPH) + 2
    return "Border talks, at length\n\n" + "\n\n".join(paragraphs) + "\n"


async def test_a_long_article_shows_its_parsing_percentage_then_its_analysis(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_text(120_000), encoding="utf-8")  # three pieces of 50,000 characters
    seen: list[AnalysisProgress] = []
    shown: list[tuple[str, str, str]] = []

    def hook(message: Message) -> None:
        if isinstance(message, AnalysisProgress):
            seen.append(message)

    app = dashboard(paths=[str(path)])
    async with app.run_test(size=(160, 48), message_hook=hook) as pilot:
        entry = None
        while entry is None or entry.status is not Status.DONE:
            await pilot.pause(0.02)
            entry = app.current_entry
            if entry is not None and entry.progress is not None and app.ui_ready:
                status = str(app.query_one(StatusBar).query_one("#status-left").render())
                badge = str(app.query_one(ArticleList).prompt(0))[:3]
                pane = str(app.query_one(ActorsPane).message.render())
                shown.append((status, badge, pane))
        await settle(pilot)
        assert isinstance(app, SitroomApp)
        fractions = [m.fraction for m in seen if m.fraction is not None]
        assert fractions == sorted(fractions) and 0 < fractions[-1] <= 1
        steps = [m.note for m in seen if m.fraction is not None]
        assert "parsing" in steps
        assert steps[-1] == "threat"  # the last extractor of the config
        # (one "parsing" report per 50,000-character piece leaves the engine, but spaCy's
        # nlp.pipe parses its whole batch before yielding, so today they come together)
        assert shown, "the progress never reached the screen"
        status, badge, pane = shown[-1]
        assert "%" in status and "%" in badge and "%" in pane and "▰" in pane
        # done: the badge is the threat level again, the status line says nothing pending
        assert "%" not in str(app.query_one(ArticleList).prompt(0))[:3]
        assert "analysing" not in str(app.query_one(StatusBar).query_one("#status-left").render())


def test_the_engine_coalesces_progress_to_ten_a_second_but_never_drops_a_new_step() -> None:
    sent: list[object] = []
    now = [0.0]
    reporter = Reporter(sent.append, lambda: now[0])
    for piece in range(1, 101):  # a hundred pieces parsed within one report period
        now[0] += REPORT_SECONDS / 200
        reporter(piece / 100 * 0.9, "parsing")
    assert len(sent) == 1
    now[0] += REPORT_SECONDS
    reporter(0.9, "parsing")
    reporter(0.95, "actors")  # a new step goes out at once
    reporter(1.0, "quotes")
    assert [m[1][1] for m in sent] == ["parsing", "parsing", "actors", "quotes"]  # type: ignore[index]
    assert all(0 <= m[1][0] <= 1 for m in sent)  # type: ignore[index]


def test_progress_notes_say_the_step_and_never_claim_100_percent_early() -> None:
    assert progress_note("parsing", 0.423) == "parsing 42%"
    assert progress_note("actors", 0.925) == "actors done, 92%"
    assert progress_note("threat", 1.0) == "threat done, 99%"
    assert progress_note("loading the spaCy model en_core_web_sm", None) == (
        "loading the spaCy model en_core_web_sm"
    )
