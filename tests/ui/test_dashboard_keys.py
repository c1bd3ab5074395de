"""The dashboard driven by its keys, on the bundled samples, with the real engine."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest
from conftest import MakeApp, config_text, contrast, settle
from textual.strip import Strip
from textual.widget import Widget

from sitroom.extractors.model import ActorsResult, QuotesResult, Span, Threat
from sitroom.tui import app as app_module
from sitroom.tui.panes.actors import SORTS, ActorsPane
from sitroom.tui.panes.articles import ArticleList
from sitroom.tui.panes.quotes import QuotesPane
from sitroom.tui.panes.text_view import ArticleText
from sitroom.tui.panes.threat import ThreatPane
from sitroom.tui.quiet_gc import NEVER
from sitroom.tui.samples import sample_paths
from sitroom.tui.state import Status


def visible_lines(text: ArticleText) -> range:
    top = int(text.scroll_y)
    return range(top, top + text.scrollable_content_region.height)


async def test_the_list_shows_every_sample_and_each_gets_a_threat_badge(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        titles = [app.entries[i].article.title for i in app.order]
        assert len(titles) == len(sample_paths())
        assert titles[0].startswith("Blinken Tells Russia")
        assert all(app.entries[i].status is Status.DONE for i in app.order)
        assert all(app.entries[i].threat is not None for i in app.order)
        articles = app.query_one(ArticleList)
        prompts = [str(articles.prompt(i)) for i in range(articles.count)]
        assert any(p.startswith(" 3 ") for p in prompts)  # the seed's level as its badge


async def test_brackets_and_ctrl_page_keys_switch_articles(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        first, second = app.order[0], app.order[1]
        assert app.current == first
        await pilot.press("right_square_bracket")
        assert app.current == second
        await pilot.press("left_square_bracket")
        assert app.current == first
        await pilot.press("2")  # the text pane, whose scrolling keys must not swallow these
        await pilot.press("ctrl+pagedown")
        assert app.current == second
        await pilot.press("ctrl+pageup")
        assert app.current == first
        await pilot.press("left_square_bracket")
        assert app.current == app.order[-1]  # wraps around


async def test_each_switch_shows_the_next_analysed_article_in_every_pane_at_once(
    dashboard: MakeApp,
) -> None:
    # how fast: benchmarks/bench_dashboard.py (key press to the new article on screen)
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = app.query_one(ArticleText)
        actors, threat = app.query_one(ActorsPane), app.query_one(ThreatPane)
        for step in range(1, 2 * len(app.order) + 1):
            await pilot.press("right_square_bracket")
            entry = app.entries[app.order[step % len(app.order)]]
            assert app.current == entry.id
            assert text.text == entry.article.text
            assert entry.analysis is not None
            result = entry.analysis.find(ActorsResult)
            assert result is not None
            in_order = sorted(result.actors, key=SORTS[actors.sort])
            assert actors.table.row_ids == [a.id for a in in_order]
            assert threat.gauge.threat == entry.threat
            assert app.query_one(ArticleList).highlighted == step % len(app.order)


async def test_jk_move_in_the_article_list_and_show_that_article(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1", "j")
        assert app.current == app.order[1]
        await pilot.press("k")
        assert app.current == app.order[0]


async def test_enter_on_an_actor_highlights_its_mentions_jumps_and_n_steps(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        entry = app.current_entry
        assert entry is not None and entry.analysis is not None
        actors = entry.analysis.find(ActorsResult)
        assert actors is not None
        pane = app.query_one(ActorsPane)
        await pilot.press("3")
        assert app.focused is pane.table
        # go down to the first actor mentioned more than twice, not in the first screenful
        while True:
            actor = actors.by_id(pane.cursor_actor_id() or "")
            assert actor is not None
            if len(actor.mentions) > 2:
                break
            await pilot.press("j")
        await pilot.press("enter")
        text = app.query_one(ArticleText)
        mentions = sorted(actor.mentions)
        assert list(text.targets) == mentions
        assert text.target_kind == "selected"
        assert text.target_index == 0
        assert text.line_of(mentions[0].start) in visible_lines(text)
        await pilot.press("n")
        assert text.target_index == 1
        assert text.line_of(mentions[1].start) in visible_lines(text)
        await pilot.press("N", "N")
        assert text.target_index == len(mentions) - 1  # wraps to the last
        await pilot.press("escape")
        assert not text.targets


async def test_enter_on_a_quote_scrolls_the_text_to_it(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        entry = app.current_entry
        assert entry is not None and entry.analysis is not None
        quotes = entry.analysis.find(QuotesResult)
        assert quotes is not None and len(quotes.quotes) > 5
        await pilot.press("4", *["j"] * 5, "enter")
        text = app.query_one(ArticleText)
        current = text._layers["current"]
        assert len(current) >= 1
        pane = app.query_one(QuotesPane)
        assert pane.list.highlighted == 5  # the first quote starts highlighted
        row = pane.list.rows[pane.list.highlighted]
        assert current.starts[0] == min(s.start for s in row.spans)
        assert text.line_of(current.starts[0]) in visible_lines(text)


async def test_enter_on_evidence_scrolls_the_text_to_it(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(ThreatPane)
        await pilot.press("5", "G", "enter")
        text = app.query_one(ArticleText)
        evidence = pane.list.evidence[-1]
        assert text._layers["current"].starts == [evidence.span.start]
        assert text.line_of(evidence.span.start) in visible_lines(text)


async def test_evidence_shows_the_sentence_around_its_trigger_within_the_pane(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(ThreatPane)
        text = app.current_entry.article.text  # type: ignore[union-attr]
        width = pane.list.scrollable_content_region.width
        single = 0
        for index, item in enumerate(pane.list.evidence):
            prompt = pane.list.prompt(index)
            lines = str(prompt).split("\n")
            assert all(len(line) <= width for line in lines)
            trigger = " ".join(item.span.text(text).split())
            body = " ".join(line.strip() for line in lines[1:])
            if len(trigger.split()) == 1:  # a lone word: its sentence must come with it
                single += 1
                assert trigger in body and len(body.split()) >= 5
        assert single > 0
        mobilizing = next(
            i for i, e in enumerate(pane.list.evidence) if e.span.text(text) == "mobilizing"
        )
        prompt = str(pane.list.prompt(mobilizing))
        assert "Russia is mobilizing troops along the" in prompt


async def test_slash_searches_the_text_and_n_steps_through_matches(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"russia")
        await pilot.press("enter")
        text = app.query_one(ArticleText)
        body = app.current_entry.article.text  # type: ignore[union-attr]
        assert len(text.targets) == body.lower().count("russia")
        assert text.target_kind == "match"
        assert all(body[s.start : s.end].lower() == "russia" for s in text.targets)
        first = text.target_index
        await pilot.press("n")
        assert text.target_index == (first + 1) % len(text.targets)


async def test_export_writes_json_and_never_overwrites_silently(
    dashboard: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / "000_ed336b92c00c1c33.sitroom.json"
        record = json.loads(written.read_text(encoding="utf-8"))
        assert record["title"].startswith("Blinken Tells Russia")
        assert record["threat"]["level"] == app.current_entry.threat.level  # type: ignore[union-attr]
        written.write_text("mine", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # first enter only warns
        await pilot.pause()
        assert written.read_text(encoding="utf-8") == "mine"
        assert "already exists" in str(app.screen.query_one("#export-warning").render())
        await pilot.press("enter")  # the second confirms
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert json.loads(written.read_text(encoding="utf-8"))["doc"] == "000_ed336b92c00c1c33"


async def test_export_as_markdown(
    dashboard: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#fmt-markdown")
        await pilot.click("#export-go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = (tmp_path / "000_ed336b92c00c1c33.sitroom.md").read_text(encoding="utf-8")
        assert "Blinken" in report


async def test_t_cycles_themes_and_remembers_the_choice_in_the_user_config(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    app = dashboard(remember_theme=True)
    config_file = tmp_path / "config.yaml"
    before = config_file.read_text(encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "sitroom-dark"
        await pilot.press("t")
        assert app.theme == "sitroom-light"
        await pilot.press("t")
        assert app.theme == "sitroom-contrast"
        await pilot.pause(0.8)
        await app.workers.wait_for_complete()
    after = config_file.read_text(encoding="utf-8")
    assert after == before.replace("theme: sitroom-dark", "theme: sitroom-contrast")
    assert after.startswith("# a test config")


async def test_keymap_in_the_config_remaps_a_binding(dashboard: MakeApp) -> None:
    app = dashboard(config_text(keymap='{next_article: "ctrl+n", help: "f1"}'))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        assert app.current == app.order[0]  # "]" no longer switches
        await pilot.press("ctrl+n")
        assert app.current == app.order[1]
        await pilot.press("f1")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text").render())
        assert "next_article" in help_text
        assert "^n" in help_text


async def test_question_mark_lists_every_binding_id(dashboard: MakeApp) -> None:
    from sitroom.tui import bindings

    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text").render())
        for binding_id in ("quit", "next_article", "search", "export", "cycle_theme", "sort"):
            assert binding_id in help_text
        assert set(bindings.known_ids()) <= set(help_text.split()) | {"close", "complete"}
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_a_failing_extractor_shows_its_error_while_the_other_panes_work(
    dashboard: MakeApp, ui_plugins: Path
) -> None:
    app = dashboard(
        config_text(["actors", "quotes", "timeline", "sitroom_ui_plugins:BrokenThreat"])
    )
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        threat_pane = app.query_one(ThreatPane)
        message = str(threat_pane.message.render())
        assert "lexicon exploded on purpose" in message
        assert threat_pane.message.has_class("-error")
        assert app.query_one(ActorsPane).table.row_count > 5
        assert app.query_one(QuotesPane).list.count > 5


async def test_o_opens_more_files_while_running(
    dashboard: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Talks resume in Geneva\n\nThe two delegations met in Geneva on Monday and agreed to "
        "meet again next week, officials said.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        count = len(app.entries)
        await pilot.press("o")
        await pilot.pause()
        path_input = app.screen.query_one("#open-path")
        path_input.value = ""
        await pilot.press(*"mo", "tab")  # completes the folder name
        assert path_input.value == "more" + os.sep
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.entries) == count + 1
        assert app.current_entry.article.title == "Talks resume in Geneva"  # type: ignore[union-attr]


async def test_bad_paths_are_notifications_not_crashes(dashboard: MakeApp, tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    app = dashboard(paths=[str(tmp_path / "missing.txt"), str(binary), sample_paths()[1]])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("missing.txt" in m and "no such file" in m for m in messages)
        assert any("blob.txt" in m and "binary" in m for m in messages)
        assert len(app.entries) == 1


async def test_palette_command_toggles_an_extractor_and_reanalyses(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"toggle extractor threat")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await settle(pilot)
        entry = app.current_entry
        assert entry is not None and entry.analysis is not None
        assert entry.analysis.find(Threat) is None
        assert "No extractor produces" in str(app.query_one(ThreatPane).message.render())
        assert entry.analysis.find(ActorsResult) is not None


async def test_narrow_terminal_shows_one_analysis_pane_at_a_time(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        text_pane = app.query_one("#text-pane")
        actors_pane = app.query_one("#actors-pane")
        assert text_pane.display and text_pane.region.width > 0
        assert actors_pane.region.width == 0
        await pilot.press("3")
        await pilot.pause()
        assert actors_pane.region.width > 40
        assert text_pane.region.width == 0
        await pilot.press("tab")
        await pilot.pause()
        assert app.query_one("#quotes-pane").region.width > 40


async def test_reopening_uses_the_cache(dashboard: MakeApp) -> None:
    text = config_text().replace("cache: false", "cache: true")
    first = dashboard(text, use_cache=True)
    async with first.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert not any(e.from_cache for e in first.entries.values())
    again = dashboard(text, use_cache=True)
    async with again.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert all(e.from_cache for e in again.entries.values())
        assert again.entries[again.order[0]].threat == first.entries[first.order[0]].threat


async def test_switching_back_keeps_each_panes_cursor(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(ActorsPane)
        await pilot.press("3", "j", "j", "j")
        chosen = pane.cursor_actor_id()
        await pilot.press("right_square_bracket")
        assert pane.cursor_actor_id() != chosen
        await pilot.press("left_square_bracket")
        assert pane.cursor_actor_id() == chosen
        assert app.focused is pane.table  # focus follows the pane's body across switches


async def test_s_sorts_the_actors_and_keeps_the_chosen_row(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(ActorsPane)
        await pilot.press("3", "j")
        chosen = pane.cursor_actor_id()
        await pilot.press("s")
        assert pane.sort == "name"
        names = [pane.table.cell(i, "name").plain for i in range(pane.table.row_count)]
        assert names == sorted(names, key=str.lower)
        assert pane.cursor_actor_id() == chosen


async def test_clicking_a_mention_chooses_that_actor(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        entry = app.current_entry
        assert entry is not None and entry.analysis is not None
        actors = entry.analysis.find(ActorsResult)
        assert actors is not None
        text = app.query_one(ArticleText)
        first_line_start, _ = text._lines[0]
        # the first word of the seed's headline, "Blinken", is a mention
        actor = actors.at(Span(first_line_start, first_line_start + 1))
        assert actor is not None
        await pilot.click(ArticleText, offset=(2, 0))
        assert list(text.targets) == sorted(actor.mentions)
        assert app.query_one(ActorsPane).cursor_actor_id() == actor.id


async def test_tab_cycles_the_panes_and_q_quits(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(app._focused_pane())
        assert seen == ["text", "actors", "quotes", "threat", "articles"]
        await pilot.press("shift+tab")
        assert app._focused_pane() == "threat"
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_garbage_collection_is_back_on_once_the_first_frame_is_drawn(
    dashboard: MakeApp,
) -> None:
    before = gc.get_threshold()
    gc.disable()  # as `sitroom` leaves it while the first frame is built
    try:
        app = dashboard()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_threshold()[2] == NEVER  # full passes wait for pauses in typing
        assert gc.get_threshold() == before  # the process gets its collector back
    finally:
        gc.enable()


async def test_long_quote_and_evidence_lists_fill_in_completely_and_in_order(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    # more rows than the first page of a list: the rest are added after the first frames
    paragraphs = [
        f"“Talks on point {n} will go on,” Foreign Minister Ana Lopez said. "
        f"Troops shelled the village of Numbered-{n} overnight."
        for n in range(150)
    ]
    path = tmp_path / "long.txt"
    path.write_text("A long day\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    app = dashboard(paths=[str(path)])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        quotes, threat = app.query_one(QuotesPane).list, app.query_one(ThreatPane).list
        for _ in range(200):
            if quotes.fully_built and threat.fully_built:
                break
            await pilot.pause(0.02)
        assert quotes.fully_built and threat.fully_built  # built a page per frame meanwhile
        assert len(quotes.rows) >= 150 and quotes.count == len(quotes.rows)
        assert len(threat.evidence) >= 150 and threat.count == len(threat.evidence)
        speakers = [str(quotes.prompt(i)).split("\n")[0] for i in range(quotes.count)]
        assert all(row.speaker in line for row, line in zip(quotes.rows, speakers, strict=True))
        await pilot.press("4", "G")
        assert quotes.highlighted == len(quotes.rows) - 1


@pytest.mark.parametrize("theme", ["sitroom-dark", "sitroom-light"])
async def test_muted_cells_are_drawn_dimmer_than_the_names_beside_them(
    dashboard: MakeApp, theme: str
) -> None:
    # "$text-muted" is "auto 60%", which Content drew as pure white (or black): the
    # muted kind and title columns were the loudest text of the pane
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        app.theme = theme
        await settle(pilot)
        table = app.query_one(ActorsPane).table
        line = table.render_line(2)  # the second actor: not under the cursor
        by_text = {segment.text.strip(): segment.style for segment in line if segment.style}
        name = next(s for t, s in by_text.items() if t == "Ukraine")
        kind = by_text["country"]
        assert 0.15 < contrast(kind) < contrast(name)


async def test_a_pause_after_a_switch_builds_the_next_articles_panes_ahead(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket")
        await pilot.pause(0.2)  # the user reads: the next article's panes are built meanwhile
        next_id = app.order[2]
        panes = [app.query_one(ActorsPane), app.query_one(QuotesPane), app.query_one(ThreatPane)]
        ready = [next(b for k, b in pane._bodies.items() if k[0] == next_id) for pane in panes]
        assert all(not body.display for body in ready)  # built hidden, nothing shown early
        await pilot.press("right_square_bracket")
        assert app.current == next_id
        assert [pane._current for pane in panes] == ready  # the switch only swapped them in
        assert app.query_one(ActorsPane).table.row_ids  # and they show the new article
        await pilot.press("left_square_bracket")
        await pilot.pause(0.2)  # stepping back: the one before is prepared now
        before_id = app.order[0]
        assert all(any(k[0] == before_id for k in pane._bodies) for pane in panes)


async def test_clicking_the_actors_header_sorts_and_clicking_a_row_chooses_that_actor(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.query_one(ActorsPane)
        table = pane.table
        await pilot.click(table, offset=(8, 0))  # the "Actor" header
        assert pane.sort == "name"
        await pilot.click(table, offset=(8, 0))  # the header of the new table after refill
        names = [pane.table.cell(i, "name").plain for i in range(pane.table.row_count)]
        assert names == sorted(names, key=str.lower)
        await pilot.click(pane.table, offset=(8, 3))  # the third actor
        await pilot.pause()
        assert pane.table.cursor_row == 2
        text = app.query_one(ArticleText)
        assert text.target_kind and text.targets  # its mentions are marked in the text
        chosen = app.entries[app.current].analysis.find(ActorsResult)
        actor = next(a for a in chosen.actors if a.id == pane.table.row_ids[2])
        assert [s.start for s in text.targets] == sorted(m.start for m in actor.mentions)


def record_drawn_lines(widget: Widget, drawn: list[str]) -> None:
    """From now on, append `id:y` to `drawn` for each content line `widget` draws."""
    draw = widget.render_line

    def counting_draw(y: int) -> Strip:
        drawn.append(f"{widget.id}:{y}")
        return draw(y)

    widget.render_line = counting_draw  # type: ignore[method-assign]


async def test_moving_the_list_cursor_redraws_only_the_two_articles_it_touches(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        drawn: list[str] = []
        record_drawn_lines(app.query_one("#article-list", ArticleList), drawn)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current == app.order[1]
        # two lines per article: the one the cursor left and the one it entered
        assert sorted(set(drawn)) == [f"article-list:{y}" for y in range(4)]


async def test_a_switch_repaints_the_panes_borders_only_where_their_titles_are(
    dashboard: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause(0.3)  # the next article's side panes are built meanwhile
        # and the article after it is not built during the switch looked at below
        monkeypatch.setattr(app_module, "PREPARE_AFTER", 60.0)
        panes = [app.query_one(f"#{name}-pane") for name in ("text", "actors", "quotes", "threat")]
        drawn: list[str] = []
        for pane in panes:
            record_drawn_lines(pane, drawn)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current == app.order[2]
        assert panes[0].border_title == app.entries[app.current].article.title
        # the new titles are on screen, yet no pane drew its inside (the rows under its
        # children) again: only the border lines with the titles changed
        assert drawn == []


async def test_a_switch_to_the_prepared_article_finds_its_lines_already_drawn(
    dashboard: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket")
        await pilot.pause(0.3)  # the next article is prepared meanwhile
        monkeypatch.setattr(app_module, "PREPARE_AFTER", 60.0)  # and not the one after
        following = app.entries[app.order[2]]
        panes = {"actors": ActorsPane, "quotes": QuotesPane, "threat": ThreatPane}
        prepared = {
            name: next(
                b for key, b in app.query_one(pane)._bodies.items() if key[0] == following.id
            )
            for name, pane in panes.items()
        }
        drawn: list[str] = []

        def count(name: str, draw):  # type: ignore[no-untyped-def]
            def counting(*args):  # type: ignore[no-untyped-def]
                drawn.append(name)
                return draw(*args)

            return counting

        for name, body in prepared.items():
            body._draw = count(name, body._draw)
        text = app.query_one(ArticleText)
        text._draw_line = count("text", text._draw_line)  # type: ignore[method-assign]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current == following.id
        assert all(app.query_one(pane).body is prepared[name] for name, pane in panes.items())
        # every line of the first screen was drawn while the reader read the article before
        assert drawn == []


async def test_page_keys_move_the_quote_cursor_a_screen_and_a_click_jumps_to_that_quote(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        quotes = app.query_one(QuotesPane).list
        assert quotes.highlighted == 0
        await pilot.press("pagedown")
        shown = quotes.scrollable_content_region.height
        after_page = quotes.highlighted
        assert after_page is not None and shown // 3 <= after_page <= shown
        await pilot.press("pageup")
        assert quotes.highlighted == 0
        # a click on the first line of the third prompt: the cursor goes there, the text
        # marks that quote
        third_line = sum(len(str(quotes.prompt(i)).split("\n")) for i in range(2))
        await pilot.click(quotes, offset=(10, third_line))
        assert quotes.highlighted == 2
        row = quotes.rows[2]
        text = app.query_one(ArticleText)
        assert text._layers["current"].starts[0] == min(s.start for s in row.spans)


async def test_a_click_on_an_article_in_the_list_opens_it_in_the_text_pane(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        await pilot.click(articles, offset=(8, 4))  # the third article's title line
        await pilot.pause()
        assert app.current == app.order[2]
        assert articles.highlighted == 2
        assert app.focused is app.query_one(ArticleText)
