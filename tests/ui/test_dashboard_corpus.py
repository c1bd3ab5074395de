"""The corpus view (`c`): top actors, speakers and the threat trend of the loaded articles,
with the real engine, real files and a real SQLite store (the cache, or the throwaway store
the dashboard keeps when the cache is off)."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import MakeApp, config_text, contrast, settle
from textual.pilot import Pilot

from sitroom.extractors.model import ActorsResult, QuotesResult
from sitroom.tui.app import SitroomApp
from sitroom.tui.panes.articles import ArticleList, FilterBar
from sitroom.tui.panes.corpus import CorpusView
from sitroom.tui.panes.text_view import ArticleText
from sitroom.tui.samples import sample_paths


async def open_corpus(pilot: Pilot[None], loaded: int | None = None) -> CorpusView:
    """Press c and wait until the view shows what the store holds for every article."""
    app = pilot.app
    assert isinstance(app, SitroomApp)
    await pilot.press("c")
    deadline = time.monotonic() + 60
    while True:
        view = app._corpus
        snapshot = view.snapshot if view is not None else None
        want = loaded if loaded is not None else len(app.entries)
        if snapshot is not None and snapshot.stored == want and not app._corpus_running:
            break
        assert time.monotonic() < deadline, "the corpus view never filled in"
        await pilot.pause(0.05)
    await pilot.pause()
    assert view is not None
    return view


def mentioning(app: SitroomApp, actor_id: str) -> set[str]:
    """From the analyses in memory: the loaded articles that mention an actor."""
    found = set()
    for article_id, entry in app.entries.items():
        actors = entry.analysis.find(ActorsResult) if entry.analysis else None
        if actors and any(a.id == actor_id and a.mentions for a in actors.actors):
            found.add(article_id)
    return found


async def test_c_shows_the_top_actors_of_every_loaded_article_and_c_goes_back(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        assert app.query_one("#corpus-pane").display
        assert app.query_one("#text-pane").region.width == 0  # the view stands in for it
        snapshot = view.snapshot
        assert snapshot is not None and snapshot.loaded == snapshot.stored == len(sample_paths())
        # the article counts agree with the analyses themselves, counted here in memory
        in_memory: Counter[str] = Counter()
        for entry in app.entries.values():
            assert entry.analysis is not None
            actors = entry.analysis.find(ActorsResult)
            assert actors is not None
            in_memory.update({a.id for a in actors.actors})
        top = snapshot.actors[0]
        assert top.articles == max(in_memory.values())
        assert {a.id: a.articles for a in snapshot.actors} == dict(in_memory)
        table = view.actors_table
        assert table.row_count == len(snapshot.actors)
        assert table.keys[0] == top.id
        assert app.focused is view.plot
        await pilot.press("c")
        assert not app.query_one("#corpus-pane").display
        assert app.query_one("#text-pane").region.width > 0


async def test_the_plot_orders_articles_by_date_and_enter_opens_the_one_under_the_cursor(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        plot = view.plot
        points = plot.points
        assert len(points) == len(sample_paths())
        dated = [p.published for p in points if p.published is not None]
        assert dated == sorted(dated)
        assert points[-1].published is None  # the seed has no date: last
        assert [p.level for p in points] == [
            app.entries[p.id].threat.level  # type: ignore[union-attr]
            for p in points
        ]
        assert plot.cursor_id == app.current  # the cursor starts on the article on screen
        await pilot.press("home")
        assert plot.cursor == 0
        await pilot.press("right", "l", "left")
        assert plot.cursor == 1
        assert "2/5" in str(plot.border_subtitle)
        chosen = plot.cursor_id
        await pilot.press("enter")
        await pilot.pause()
        assert app.current == chosen
        assert not app.query_one("#corpus-pane").display
        assert app.focused is app.query_one(ArticleText)
        assert app.query_one(ArticleText).text == app.entries[chosen].article.text  # type: ignore[index]


async def test_enter_on_an_actor_filters_the_list_and_esc_shows_every_article_again(
    dashboard: MakeApp,
) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        await pilot.press("tab")  # the plot, then the actors table
        assert app.focused is view.actors_table
        await pilot.press("j")  # the second actor: one that is in fewer articles
        actor_id = view.actors_table.cursor_key
        assert actor_id is not None
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.filter is not None)
        expected = mentioning(app, actor_id)
        assert app.filter is not None and app.filter.ids == expected
        assert 0 < len(expected) < len(app.entries)
        article_list = app.query_one(ArticleList)
        shown = article_list.ids
        assert shown == [i for i in app.order if i in expected]  # list order kept
        bar = app.query_one(FilterBar)
        assert bar.display and "mentioning" in str(bar.render())
        assert f"{len(expected)}/{len(app.entries)}" in str(
            app.query_one("#articles-pane").border_title
        )
        assert app.focused is article_list
        # ] and [ walk the filtered articles only, even back in the article view
        await pilot.press("c")
        seen = set()
        for _ in range(len(expected) + 1):
            await pilot.press("right_square_bracket")
            seen.add(app.current)
        assert seen == expected
        await pilot.press("escape")
        assert app.filter is None
        assert not bar.display
        assert article_list.count == len(app.entries)


async def test_enter_on_a_speaker_keeps_the_articles_that_quote_them(dashboard: MakeApp) -> None:
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        table = view.speakers_table
        assert table.row_count == len(view.snapshot.speakers) > 0  # type: ignore[union-attr]
        top = view.snapshot.speakers[0]  # type: ignore[union-attr]
        await pilot.press("tab", "tab")  # from the plot past the actors to the speakers
        assert app.focused is table
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.filter is not None)
        quoting = set()
        for article_id, entry in app.entries.items():
            quotes = entry.analysis.find(QuotesResult) if entry.analysis else None
            names = {q.speaker_id or q.speaker for q in (quotes.quotes if quotes else ())}
            if top.actor_id in names or top.name in names:
                quoting.add(article_id)
        assert app.filter is not None and app.filter.ids == quoting
        assert "quoting" in str(app.query_one(FilterBar).render())
        await pilot.press("escape")  # in the corpus view, esc clears the filter at once
        assert app.filter is None


async def test_the_corpus_view_reads_the_cache_and_a_second_start_shows_the_same(
    dashboard: MakeApp,
) -> None:
    text = config_text().replace("cache: false", "cache: true")
    first = dashboard(text, use_cache=True)
    async with first.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        before = view.snapshot
        assert first.service._scratch is None  # no throwaway store beside a working cache
    again = dashboard(text, use_cache=True)
    async with again.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert all(e.from_cache for e in again.entries.values())
        view = await open_corpus(pilot)
        after = view.snapshot
        assert before is not None and after is not None
        assert (after.actors, after.speakers, after.points) == (
            before.actors,
            before.speakers,
            before.points,
        )


async def test_without_the_cache_the_view_uses_a_throwaway_store_deleted_on_exit(
    dashboard: MakeApp,
) -> None:
    app = dashboard()  # the test config says cache: false
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        assert view.snapshot is not None and view.snapshot.stored == len(app.entries)
        folder = app.service._scratch_dir
        assert folder is not None and Path(folder).is_dir()
    assert not Path(folder).exists()


async def test_a_thousand_cached_articles_fill_the_view_and_filter(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    """1,000 distinct articles (the samples with a counter line appended, so the real
    analysis of each sample holds for its copies) stored as a first run would store them."""
    from sitroom.extractors.cache import AnalysisCache
    from sitroom.extractors.config import load_config
    from sitroom.extractors.loaders import load_paths
    from sitroom.extractors.model import Article
    from sitroom.extractors.pipeline import Pipeline

    text = config_text().replace("cache: false", "cache: true")
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    pipeline = Pipeline(load_config(str(tmp_path / "config.yaml")))
    bases = [a for a in load_paths(sample_paths()) if isinstance(a, Article)]
    analysed = [(a, pipeline.analyze(a)) for a in bases]
    folder = tmp_path / "news"
    folder.mkdir()
    cache = AnalysisCache.open()
    for i in range(1000):
        base, analysis = analysed[i % len(analysed)]
        body = f"{base.text.rstrip()}\n\n[copy {i}]\n"
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 300)
        path = folder / f"{i:04}.md"
        path.write_text(f"---\ntitle: {json.dumps(base.title)}\ndate: {day}\n---\n{body}", "utf-8")
        (article,) = load_paths([str(path)])
        assert isinstance(article, Article)
        cache.put(article, pipeline.cache_key, analysis)
    cache.close()
    pipeline.close()

    app = dashboard(text, [str(folder)], use_cache=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert len(app.entries) == 1000 and all(e.from_cache for e in app.entries.values())
        view = await open_corpus(pilot, loaded=1000)
        snapshot = view.snapshot
        assert snapshot is not None
        assert len(view.plot.points) == 1000
        assert snapshot.actors[0].articles == len(mentioning(app, snapshot.actors[0].id))
        await pilot.press("end")
        assert view.plot.cursor == 999
        await pilot.press("tab", "G", "enter")  # the last actor in the table
        await wait_for(pilot, lambda: app.filter is not None)
        assert app.filter is not None
        assert app.filter.ids == mentioning(app, app.filter.key)
        assert app.query_one(ArticleList).count == len(app.filter.ids)


@pytest.mark.parametrize("size", [(80, 24)])
async def test_the_narrow_layout_has_a_corpus_tab(
    dashboard: MakeApp, size: tuple[int, int]
) -> None:
    app = dashboard()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_corpus(pilot)
        assert app.query_one("#pane-tabs").active == "tab-corpus"  # type: ignore[attr-defined]
        assert app.query_one("#corpus-pane").region.width > 40
        await pilot.press("3")  # a pane key leaves the corpus view for that pane
        await pilot.pause()
        assert not app.query_one("#corpus-pane").display
        assert app.query_one("#actors-pane").region.width > 40


async def test_the_corpus_key_is_remappable_and_in_the_palette(dashboard: MakeApp) -> None:
    app = dashboard(config_text(keymap='{corpus: "ctrl+o"}'))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app._corpus is None  # c is no longer bound
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app._corpus is not None and app.query_one("#corpus-pane").display
        await pilot.press("ctrl+o")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"corpus view")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.query_one("#corpus-pane").display


async def wait_for(pilot: Pilot[None], condition: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)
    await pilot.pause()


async def test_the_corpus_tables_draw_their_muted_cells_dimmer_than_the_names(
    dashboard: MakeApp,
) -> None:
    # DataTable drew a Content cell without the app's style variables: "muted" came out
    # in the plain text colour
    app = dashboard()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = await open_corpus(pilot)
        table = view.actors_table
        top = view.snapshot.actors[1]  # type: ignore[union-attr]
        line = table.render_line(2)  # the second actor: not under the cursor
        styles = {segment.text.strip(): segment.style for segment in line if segment.style}
        name = styles[top.name]
        kind = styles[top.kind]
        assert name is not None and kind is not None
        assert 0.15 < contrast(kind) < contrast(name)
