"""The dashboard app and `make_app`, the one factory the CLI and the tests use.

Module-level imports stay light (Textual, the stdlib, the engine's model and config):
the first frame must not wait for spaCy, the extractors or the cache. Articles are loaded
and analysed in thread workers; their results arrive as messages (`tui/messages.py`).
"""

from __future__ import annotations

import difflib
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.timer import Timer
from textual.widget import MountError, Widget
from textual.widgets import Footer, Tab, Tabs
from textual.worker import get_current_worker

from sitroom.extractors.config import Config
from sitroom.extractors.errors import ConfigError, SitroomError
from sitroom.extractors.model import ActorsResult, Article, Span
from sitroom.tui import bindings
from sitroom.tui.analysis_service import AnalysisService
from sitroom.tui.messages import (
    ActorChosen,
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    ArticlesFiltered,
    ArticlesLoaded,
    ClearFilter,
    CorpusFilterChosen,
    CorpusLoaded,
    JumpTo,
    PointChosen,
    TextClicked,
)
from sitroom.tui.panes.articles import ArticleList, FilterBar
from sitroom.tui.panes.base import AnalysisPane
from sitroom.tui.panes.prompt_list import PromptList
from sitroom.tui.panes.status import StatusBar
from sitroom.tui.panes.text import TextPane
from sitroom.tui.panes.text_view import ArticleText
from sitroom.tui.quiet_gc import QuietCollector
from sitroom.tui.state import ArticleEntry, ArticleFilter, Status
from sitroom.tui.themes import DEFAULT_THEME, DEFAULT_VARIABLES, ThemeSet, load_themes

if TYPE_CHECKING:
    from sitroom.tui.corpus_data import CorpusSnapshot
    from sitroom.tui.panes.actors import ActorsPane
    from sitroom.tui.panes.corpus import CorpusView
    from sitroom.tui.panes.quotes import QuotesPane
    from sitroom.tui.panes.threat import ThreatPane

PANES = ("articles", "text", "actors", "quotes", "threat")
SIDE_PANES = ("text", "actors", "quotes", "threat")
CORPUS_PANES = ("articles", "trend", "top-actors", "speakers")  # tab order in the corpus view
CORPUS_REFRESH = 1.0  # seconds between two corpus queries while analyses keep arriving
FREEZE_EVERY = 200  # analyses between two gc.freeze() calls (see _settle_memory)
MAX_LOAD_NOTICES = 5
NARROW_WIDTH = 120  # below this, one analysis pane at a time (see sitroom.tcss)
PREPARE_AFTER = 0.05  # seconds after a switch before the next article's panes are built
FIRST_FRAME_BUDGET = 0.05  # seconds of loading before the first frame; the rest in a worker


class DashboardScreen(Screen[None], inherit_bindings=False):
    """The main screen; its tab bindings carry ids (Textual's own do not)."""

    BINDINGS = bindings.of(bindings.SCREEN)

    def on_resize(self) -> None:
        for footer in self.query(Footer):
            footer.compact = self.size.width < NARROW_WIDTH


class SitroomApp(App[None]):
    CSS_PATH = "sitroom.tcss"
    TITLE = "sitroom"
    BINDINGS = bindings.of(bindings.APP)
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it a plain attribute
        (0, "-narrow"),
        (NARROW_WIDTH, "-wide"),
    ]

    def __init__(
        self,
        config: Config,
        paths: Sequence[str] = (),
        *,
        use_cache: bool = True,
        themes: ThemeSet | None = None,
        theme: str = DEFAULT_THEME,
        keymap: dict[str, str] | None = None,
        notices: Sequence[str] = (),
        remember_theme: bool = True,
    ) -> None:
        super().__init__()
        self.config = config
        self.paths = list(paths)
        self.service = AnalysisService(config, use_cache=use_cache)
        self.themes = themes or load_themes()
        self.initial_theme = theme
        self.keymap = dict(keymap or {})
        self.notices = list(notices)
        self.remember_theme = remember_theme
        self.entries: dict[str, ArticleEntry] = {}
        self.order: list[str] = []
        self.current: str | None = None
        self.startup_error: str | None = None
        self.switch_times: list[float] = []  # seconds per article switch, for benchmarks
        self.loading = 0  # load workers still running
        self._progress_note = ""
        self._progress_step = ""
        self._progress_since = time.monotonic()
        self._analysed_once = False
        self._theme_timer: Any = None
        self._seen_failures: set[str] = set()
        self._view = "text"
        self._view_before_corpus = "text"
        self._focus_before_corpus = "articles"
        self.ui_ready = False
        self.filter: ArticleFilter | None = None
        self._visible: list[str] | None = None  # self.order narrowed by the filter
        self._corpus: CorpusView | None = None
        self._corpus_serial = 0
        self._corpus_running = False
        self._corpus_stale = True  # the store has changed since the last query
        self._corpus_asked = 0.0  # when the last query started
        self._corpus_timer: Any = None
        self._unfrozen = 0  # analyses arrived since the last gc.freeze()
        self._collector = QuietCollector()
        self._prepare_timer: Timer | None = None
        self._last_step = 1  # the direction of the last article step: the next is likely
        self._last_input = time.monotonic()
        self._terminal: int | None = None  # the tty we draw on (none when headless)
        self._held: list[Article] = []
        for loaded in self.themes.themes:
            self.register_theme(loaded)
        # Set before the stylesheet is first parsed: setting it in on_mount made Textual
        # parse every rule twice before the first frame.
        self.theme = self.initial_theme

    # -- setup ----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        return DashboardScreen(id="_default")

    @property
    def dashboard(self) -> Screen[Any]:
        """The main screen. `App.query_one` searches whatever screen is on top, which is a
        dialog while one is open; results arriving meanwhile must still find the panes."""
        return self.screen_stack[0]

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(DEFAULT_VARIABLES)

    def compose(self) -> ComposeResult:
        # Only what the first frame needs; the rest is mounted right after it (`_mount_rest`):
        # the tables and lists of the side panes cost more CSS work than the whole first frame.
        yield StatusBar(id="status")
        with Horizontal(id="main", classes="-view-text"):
            with Vertical(id="articles-pane", classes="pane"):
                yield ArticleList(id="article-list")
            yield TextPane(id="text-pane", classes="pane")

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_keymap(self.keymap)
        self.dashboard.query_one("#articles-pane").border_title = "Articles"
        self.dashboard.query_one(TextPane).show(None)
        self.dashboard.query_one(ArticleList).focus()
        if self.paths:
            paths = self.paths
        else:
            from sitroom.tui.samples import sample_paths

            paths = sample_paths()
        # titles for the first frame: load in place for a few milliseconds, then in a worker
        self.open_paths(paths, select_first=True, budget=FIRST_FRAME_BUDGET)
        self._update_status()
        self.call_after_refresh(self._mount_rest)
        self.set_interval(1.0, self._tick)
        self.set_interval(0.2, self._collect_when_quiet)
        self._terminal = None if self.is_headless else _terminal_fd()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _collect_when_quiet(self) -> None:
        self._collector.tick(time.monotonic() - self._last_input)

    def _tick(self) -> None:
        if self._terminal is not None and not os.isatty(self._terminal):
            self._terminal_gone()
            return
        if self._progress_note and not self.all_analysed:
            self._update_status()

    def _terminal_gone(self) -> None:
        """The terminal hung up (window closed, tmux server killed) and no SIGHUP came:
        without this the app lived on unseen, Textual's input thread reading end-of-file
        in a loop at full CPU. Nothing is lost by leaving now: finished analyses are in
        the cache (each written in its own transaction), and there is no screen to
        restore, so skip the driver's goodbye, which would only fail writing to it."""
        try:
            self.service.close()  # stops the engine's child process
        finally:
            os._exit(0)

    async def _mount_rest(self) -> None:
        # `sitroom` turned the collector off for the first frame (see cli.py); from now on
        # its full passes wait for a pause in typing (see quiet_gc.py)
        self._collector.start()
        try:
            await self._mount_side()
        except MountError:
            if not self._exit:  # quitting in the first frame leaves nothing to mount into
                raise

    async def _mount_side(self) -> None:
        from sitroom.tui.panes.actors import ActorsPane
        from sitroom.tui.panes.quotes import QuotesPane
        from sitroom.tui.panes.threat import ThreatPane

        await self.dashboard.query_one(TextPane).mount_rest()
        tabs = Tabs(
            Tab("Text", id="tab-text"),
            Tab("Actors", id="tab-actors"),
            Tab("Quotes", id="tab-quotes"),
            Tab("Threat", id="tab-threat"),
            Tab("Corpus", id="tab-corpus"),
            id="pane-tabs",
        )
        tabs.can_focus = False
        side = Vertical(
            ActorsPane(id="actors-pane", classes="pane"),
            QuotesPane(id="quotes-pane", classes="pane"),
            ThreatPane(id="threat-pane", classes="pane"),
            id="side",
        )
        dashboard = self.dashboard
        await dashboard.query_one("#articles-pane").mount(
            FilterBar(id="filter-bar"), before=dashboard.query_one(ArticleList)
        )
        await dashboard.mount(tabs, before=dashboard.query_one("#main"))
        await dashboard.query_one("#main").mount(side)
        await dashboard.mount(Footer(compact=dashboard.size.width < NARROW_WIDTH))
        self.ui_ready = True
        self._set_view(self._view)
        entry = self.current_entry
        if entry is not None:
            self._show_panes(entry)
        for notice in self.notices:
            self.notify(notice, title="Theme", severity="warning", timeout=10)
        for error in self.themes.errors:
            if all(error.file not in n for n in self.notices):
                self.notify(str(error), title="Theme not loaded", severity="warning", timeout=10)
        self._submit(self._held)
        self._held = []

    def on_unmount(self) -> None:
        self.service.cancel_all()
        self.service.close()
        self._collector.stop()

    # -- loading --------------------------------------------------------------------------
    def open_paths(
        self, paths: Sequence[str], *, select_first: bool = False, budget: float = 0.0
    ) -> None:
        """Load files, folders and globs; the first `budget` seconds of it right here."""
        from sitroom.extractors.errors import ArticleError
        from sitroom.extractors.loaders import load_paths

        items = iter(load_paths(list(paths)))
        self.loading += 1
        if budget > 0:
            articles: list[Article] = []
            errors: list[ArticleError] = []
            deadline = time.perf_counter() + budget
            finished = True
            for item in items:
                (errors if isinstance(item, ArticleError) else articles).append(item)  # type: ignore[arg-type]
                if time.perf_counter() > deadline:
                    finished = False
                    break
            self._articles_loaded(ArticlesLoaded(articles, errors, finished, select_first))
            if finished:
                return
        self._load_worker(items, select_first)

    @work(thread=True, group="load")
    def _load_worker(self, items: Iterator[Any], select_first: bool) -> None:
        from sitroom.extractors.errors import ArticleError

        worker = get_current_worker()
        batch: list[Article] = []
        errors: list[ArticleError] = []
        last = time.monotonic()
        first_batch = True
        for item in items:
            if worker.is_cancelled:
                return
            if isinstance(item, ArticleError):
                errors.append(item)
            else:
                batch.append(item)
            # the first article goes out at once so the list draws; then batches
            if (first_batch and batch) or len(batch) >= 200 or time.monotonic() - last > 0.05:
                self.post_message(ArticlesLoaded(batch, errors, False, select_first))
                batch, errors, last, first_batch = [], [], time.monotonic(), False
        self.post_message(ArticlesLoaded(batch, errors, True, select_first))

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        new: list[ArticleEntry] = []
        for article in message.articles:
            if article.id in self.entries:
                continue  # the same text twice (a copy, or opened again)
            entry = ArticleEntry(article)
            self.entries[article.id] = entry
            self.order.append(article.id)
            new.append(entry)
        if new:
            if self.filter is None:  # a filtered list keeps what the filter chose
                self.dashboard.query_one(ArticleList).add_entries(new)
            self._visible = None
            self._submit(e.article for e in new)
            if self.current is None or (message.select_first and not self._selected_from_batch):
                if self.ui_ready:
                    self.select_article(new[0].id)
                elif not self._first_selection:
                    # Before the first frame: draw the list now and the text just after it
                    # (wrapping and highlighting the text would delay the first frame).
                    self._first_selection = new[0].id
                    self.call_after_refresh(self.select_article, new[0].id)
            if message.select_first:
                self._selected_from_batch = True
        self._report_load_errors(message.errors)
        if new:
            self._corpus_changed()
        if message.done:
            self.loading -= 1
            self._selected_from_batch = False
            if not self.loading:
                self._report_hidden_load_errors()
            if not self.entries:
                self.dashboard.query_one(TextPane).view.show_placeholder(
                    "No articles loaded. Press o to open files or folders."
                )
        self._update_status()

    _selected_from_batch = False
    _first_selection = ""  # the article whose text is shown right after the first frame
    _load_errors = 0  # per open: the first few are shown, the rest counted

    def _report_load_errors(self, errors: list[Any]) -> None:
        for error in errors:
            self._load_errors += 1
            if self._load_errors <= MAX_LOAD_NOTICES:
                self.notify(str(error), title="Not loaded", severity="error", timeout=8)

    def _report_hidden_load_errors(self) -> None:
        hidden = self._load_errors - MAX_LOAD_NOTICES
        if hidden > 0:
            self.notify(
                f"{hidden} more {'file' if hidden == 1 else 'files'} could not be loaded; "
                "`sitroom analyze` lists every one",
                title="Not loaded",
                severity="error",
                timeout=8,
            )
        self._load_errors = 0

    # -- analysis -------------------------------------------------------------------------
    def _submit(self, articles: Iterable[Article]) -> None:
        if not self.ui_ready:  # analysis starts once the whole screen is up
            self._held.extend(articles)
            return
        if self.service.submit(articles):
            self._analysis_worker()

    @work(thread=True, group="analysis")
    def _analysis_worker(self) -> None:
        worker = get_current_worker()
        service = self.service
        while True:
            job = service.next_job()
            if job is None:
                return
            if worker.is_cancelled:
                service.cancel_all()
                continue
            article_id = job.article.id

            def progress(
                note: str, fraction: float | None = None, article_id: str = article_id
            ) -> None:
                # the child sends at most ten a second, and a message still queued is
                # replaced by the next one (AnalysisProgress.can_replace): never a flood
                self.post_message(AnalysisProgress(article_id, note, fraction))

            progress("waiting for the engine")
            started = time.perf_counter()
            try:
                analysis, cached = service.analyze(job, progress, lambda: worker.is_cancelled)
            except ConfigError as exc:  # the pipeline cannot be built: no article can succeed
                service.cancel_all()
                self.post_message(AnalysisFailed(article_id, str(exc), job.generation, fatal=True))
            except SitroomError as exc:
                self.post_message(AnalysisFailed(article_id, str(exc), job.generation))
            except Exception as exc:  # engine bug: show it in the panes, keep the app alive
                self.post_message(
                    AnalysisFailed(article_id, f"{type(exc).__name__}: {exc}", job.generation)
                )
            else:
                self.post_message(
                    AnalysisReady(
                        article_id, analysis, job.generation, cached, time.perf_counter() - started
                    )
                )

    @on(AnalysisProgress)
    def _analysis_progress(self, message: AnalysisProgress) -> None:
        entry = self.entries.get(message.article_id)
        if entry is None or entry.status is Status.DONE:
            return
        entry.status, entry.note = Status.ANALYSING, progress_note(message.note, message.fraction)
        entry.progress = message.fraction
        if message.note != self._progress_step:  # the clock counts per step, not per percent
            self._progress_step, self._progress_since = message.note, time.monotonic()
        self._progress_note = entry.note
        self.dashboard.query_one(ArticleList).refresh_entry(entry)
        if message.article_id == self.current:
            self._show_panes(entry)
        self._update_status()

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        entry = self.entries.get(message.article_id)
        if entry is None or message.generation != self.service.generation:
            return
        self._analysed_once = True
        entry.set_analysis(message.analysis, message.seconds, message.from_cache)
        self._settle_memory()
        self.dashboard.query_one(ArticleList).refresh_entry(entry)
        if message.article_id == self.current:
            self.dashboard.query_one(TextPane).refresh_analysis(entry)
            self._show_panes(entry)
        self._update_status()
        self._corpus_changed()

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        if message.generation != self.service.generation:
            return
        if message.fatal:
            if not self._analysed_once and message.generation == 0:
                # a broken extractor entry in the config: refuse to go on, like a bad keymap
                self.startup_error = message.message
                self.exit(return_code=2)
                return
            self.notify(message.message, title="Extractors", severity="error", timeout=10)
        elif message.message not in self._seen_failures:
            self._seen_failures.add(message.message)
            self.notify(message.message, title="Analysis failed", severity="error", timeout=8)
        for entry in (
            self.entries.values() if message.fatal else [self.entries.get(message.article_id)]
        ):
            if entry is None or entry.status is Status.DONE:
                continue
            entry.status, entry.error, entry.note = Status.FAILED, message.message, ""
            self.dashboard.query_one(ArticleList).refresh_entry(entry)
            if entry.id == self.current:
                self.dashboard.query_one(TextPane).refresh_analysis(entry)
                self._show_panes(entry)
        self._update_status()

    def _settle_memory(self) -> None:
        """Keep the analyses out of the garbage collector's full passes.

        With 1,000 analyses in memory (some 400,000 tracked objects, all long-lived and
        free of reference cycles) each full collection took up to 200 ms and came every few
        switches: the worst article switches were garbage collections. Freezing moves the
        objects alive now into a generation the collector never scans; acyclic objects are
        still freed by reference counting when they go. Done after every FREEZE_EVERY
        analyses and when the queue empties, never per analysis (it walks every object)."""
        self._unfrozen += 1
        if self._unfrozen >= FREEZE_EVERY or not self.service.pending_count():
            self._collector.freeze()
            self._unfrozen = 0

    def _update_status(self) -> None:
        pending = sum(
            1 for e in self.entries.values() if e.status in (Status.QUEUED, Status.ANALYSING)
        )
        note = self._progress_note if pending else ""
        elapsed = time.monotonic() - self._progress_since
        if note and elapsed >= 2:  # a long article: show that it is still going
            note = f"{note} · {elapsed:.0f} s"
        if self.loading:
            note = "loading files" + (f", {note}" if note else "")
        self.dashboard.query_one(StatusBar).set_counts(len(self.entries), pending, note)
        title = f"Articles {len(self.entries)}"
        if self.filter is not None:
            title = f"Articles {len(self.visible_order)}/{len(self.entries)}"
        self.dashboard.query_one("#articles-pane").border_title = title

    @property
    def all_analysed(self) -> bool:
        """No article is waiting for analysis and no file is being loaded."""
        return not self.loading and all(
            e.status in (Status.DONE, Status.FAILED) for e in self.entries.values()
        )

    # -- switching ------------------------------------------------------------------------
    @property
    def current_entry(self) -> ArticleEntry | None:
        return self.entries.get(self.current) if self.current else None

    def select_article(self, article_id: str) -> None:
        """Show an article in every pane. Analysed ones draw from data already computed."""
        started = time.perf_counter()
        entry = self.entries.get(article_id)
        if entry is None:
            return
        text_pane = self.dashboard.query_one(TextPane)
        previous = self.current_entry
        if previous is not None and previous is not entry:
            previous.view_state["anchor"] = text_pane.view.first_visible_offset()
        self.current = article_id
        self.service.prioritize(article_id)
        self.dashboard.query_one(ArticleList).highlight_id(article_id)
        text_pane.show(entry, anchor=entry.view_state.get("anchor", 0))
        self._show_panes(entry)
        if self._view == "corpus" and self._corpus is not None:
            self._corpus.plot.point_at(article_id)
        self._schedule_prepare()
        self.switch_times.append(time.perf_counter() - started)

    def _schedule_prepare(self) -> None:
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_AFTER, self._prepare_next)

    def _prepare_next(self) -> None:
        """While the user reads, build the side panes of the article the next step in
        the same direction shows, and draw the top of each pane: that switch then only
        swaps bodies (about 4 of the 6 ms the switch handler took, measured with 1,000
        articles) and finds most lines of its first frame drawn (its render fell from 16.0 to
        11.2 ms). Then the middle generation's collection, if half due, runs here too."""
        self._prepare_timer = None
        order = self.visible_order
        if not self.ui_ready or self.current not in order or len(order) < 2:
            return
        index = order.index(self.current)
        entry = self.entries.get(order[(index + self._last_step) % len(order)])
        if entry is None:
            return
        for name in ("actors", "quotes", "threat"):
            cast("AnalysisPane", self.dashboard.query_one(f"#{name}-pane")).prepare(entry)
        self.dashboard.query_one(TextPane).prepare(entry)
        self._collector.spare_moment()

    def _show_panes(self, entry: ArticleEntry) -> None:
        self.dashboard.query_one(StatusBar).set_entry(entry)
        if not self.ui_ready:
            return
        cast("ActorsPane", self.dashboard.query_one("#actors-pane")).show(entry)
        cast("QuotesPane", self.dashboard.query_one("#quotes-pane")).show(entry)
        cast("ThreatPane", self.dashboard.query_one("#threat-pane")).show(entry)
        text_pane = self.dashboard.query_one(TextPane)
        if entry.status is not Status.DONE:
            text_pane._subtitle(entry)

    @on(PromptList.Highlighted, "#article-list")
    def _list_moved(self, event: PromptList.Highlighted) -> None:
        article_id = self.dashboard.query_one(ArticleList).id_at(event.index)
        if article_id != self.current:
            self.select_article(article_id)

    @on(PromptList.Selected, "#article-list")
    def _list_chosen(self, event: PromptList.Selected) -> None:
        article_id = self.dashboard.query_one(ArticleList).id_at(event.index)
        if article_id != self.current:
            self.select_article(article_id)
        self.hide_corpus("text")
        self.action_focus_pane("text")

    @property
    def visible_order(self) -> list[str]:
        """The articles the list shows: every one, or those the filter keeps."""
        if self.filter is None:
            return self.order
        if self._visible is None:
            ids = self.filter.ids
            self._visible = [i for i in self.order if i in ids]
        return self._visible

    def _step_article(self, step: int) -> None:
        order = self.visible_order
        if not order:
            return
        index = order.index(self.current) if self.current in order else (-1 if step > 0 else 0)
        self._last_step = 1 if step > 0 else -1
        self.select_article(order[(index + step) % len(order)])

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_prev_article(self) -> None:
        self._step_article(-1)

    # -- panes and focus ------------------------------------------------------------------
    def _pane_widget(self, name: str) -> Widget:
        if name == "articles":
            return self.dashboard.query_one(ArticleList)
        if name == "text":
            return self.dashboard.query_one(ArticleText)
        if name == "top-actors":
            return self.dashboard.query_one("#top-actors")
        if name == "speakers":
            return self.dashboard.query_one("#top-speakers")
        return self.dashboard.query_one(f"#{name}-pane")

    def action_focus_pane(self, name: str) -> None:
        if not self.ui_ready:
            return
        if name == "corpus":
            self.run_worker(self.show_corpus(), group="corpus-view")
            return
        if name in SIDE_PANES:
            self._set_view(name)
        # set_focus acts now; Widget.focus() would wait its turn behind keys already typed
        widget = self._pane_widget(name)
        if isinstance(widget, AnalysisPane) and widget.body is not None:
            widget = widget.body
        self.dashboard.set_focus(widget)

    def action_cycle_pane(self, step: int) -> None:
        panes = CORPUS_PANES if self._view == "corpus" else PANES
        name = self._focused_pane()
        index = panes.index(name) if name in panes else 0
        self.action_focus_pane(panes[(index + step) % len(panes)])

    def _focused_pane(self) -> str | None:
        focused = self.screen_stack[0].focused
        if focused is None:
            return None
        for node in focused.ancestors_with_self:
            node_id = getattr(node, "id", None) or ""
            if node_id.endswith("-pane") and node_id[:-5] in (*PANES, *CORPUS_PANES):
                return node_id[:-5]
        return None

    def _set_view(self, name: str) -> None:
        """Which of text/actors/quotes/threat the narrow layout shows, or the corpus view
        (in both layouts: it stands in for the text and the analysis panes)."""
        if name == "corpus" and self._view != "corpus":
            self._view_before_corpus = self._view
        self._view = name
        if not self.ui_ready:
            return
        main = self.dashboard.query_one("#main")
        for pane in (*SIDE_PANES, "corpus"):
            main.set_class(pane == name, f"-view-{pane}")
        tabs = self.dashboard.query_one("#pane-tabs", Tabs)
        if tabs.active != f"tab-{name}":
            tabs.active = f"tab-{name}"

    def on_descendant_focus(self, event: Any) -> None:
        name = self._focused_pane()
        if name in SIDE_PANES and self._view != "corpus":
            self._set_view(name)

    @on(Tabs.TabActivated, "#pane-tabs")
    def _tab_chosen(self, event: Tabs.TabActivated) -> None:
        name = (event.tab.id or "tab-text").removeprefix("tab-")
        if name != self._view:  # a click on the strip, not our own update
            self.action_focus_pane(name)

    @property
    def narrow(self) -> bool:
        return self.screen_stack[0].has_class("-narrow")

    # -- marks: actors, quotes, evidence, search ----------------------------------------------
    @on(ActorChosen)
    def _actor_chosen(self, message: ActorChosen) -> None:
        entry = self.current_entry
        if entry is None or entry.analysis is None:
            return
        spans = entry.marks.mentions.get(message.actor_id, [])
        text = self.dashboard.query_one(ArticleText)
        if not spans:
            self.notify("This actor has no mentions to show.", severity="warning")
            return
        text.set_targets(spans, "selected", index=0)
        self._describe_target()
        if self.narrow:
            self.action_focus_pane("text")

    @on(TextClicked)
    def _text_clicked(self, message: TextClicked) -> None:
        """A click on an actor's mention chooses that actor, as enter in its pane would."""
        entry = self.current_entry
        if entry is None or entry.analysis is None:
            return
        actors = entry.analysis.find(ActorsResult)
        if actors is None:
            return
        spot = Span(message.offset, message.offset + 1)
        for actor in actors.actors:
            mentions = sorted(actor.mentions)
            for index, mention in enumerate(mentions):
                if mention.overlaps(spot):
                    text = self.dashboard.query_one(ArticleText)
                    text.set_targets(mentions, "selected", index=index)
                    self._describe_target()
                    cast("ActorsPane", self.dashboard.query_one("#actors-pane")).point_at(actor.id)
                    return

    @on(JumpTo)
    def _jump(self, message: JumpTo) -> None:
        if not message.spans:
            return
        self.dashboard.query_one(ArticleText).mark_current(message.spans)
        if self.narrow:
            self.action_focus_pane("text")

    def _describe_target(self) -> None:
        self.dashboard.query_one(TextPane).describe_target()

    def action_next_mention(self) -> None:
        self._step_mark(1)

    def action_prev_mention(self) -> None:
        self._step_mark(-1)

    def _step_mark(self, step: int) -> None:
        text = self.dashboard.query_one(ArticleText)
        if not text.targets:
            self.notify(
                "Nothing to step through: press enter on an actor, or / to search.", timeout=3
            )
            return
        text.step_target(step)
        self._describe_target()

    def action_clear_marks(self) -> None:
        text = self.dashboard.query_one(ArticleText)
        current = text._layers.get("current")
        marked = bool(text.targets) or bool(current)
        if self.filter is not None and (self._view == "corpus" or not marked):
            self.clear_filter()
            return
        text.clear_targets()
        text.mark_current([])
        entry = self.current_entry
        if entry is not None:
            self.dashboard.query_one(TextPane)._subtitle(entry)

    def action_search(self) -> None:
        if self.narrow:
            self._set_view("text")
        self.dashboard.query_one(TextPane).open_search()

    # -- corpus view ------------------------------------------------------------------------
    async def action_toggle_corpus(self) -> None:
        if self._view == "corpus":
            self.hide_corpus()
        else:
            await self.show_corpus()

    async def show_corpus(self) -> None:
        """Show the corpus view in place of the text and analysis panes."""
        if not self.ui_ready or self._view == "corpus":
            return
        if self._corpus is None:
            from sitroom.tui.panes.corpus import CorpusView

            self._corpus = CorpusView(id="corpus-pane")
            await self.dashboard.query_one("#main").mount(self._corpus)
        self._focus_before_corpus = self._focused_pane() or "articles"
        self._set_view("corpus")
        self.dashboard.set_focus(self._corpus.plot)
        if self.current is not None:
            self._corpus.plot.point_at(self.current)
        self._ask_corpus()

    def hide_corpus(self, view: str | None = None) -> None:
        """Back to the article (the pane shown before, or `view`); the filter stays."""
        if self._view != "corpus":
            return
        focused = self._focused_pane()
        target = view or self._view_before_corpus
        self._set_view(target)
        if view is not None:  # an article was chosen: read it
            self.action_focus_pane(view)
        elif focused != "articles":  # back where the reader was before `c`
            before = self._focus_before_corpus
            self.action_focus_pane(before if before in PANES else target)

    def _corpus_changed(self) -> None:
        """The store gained analyses (or the list articles): ask again, at most once every
        CORPUS_REFRESH seconds, and only while the view is on screen."""
        self._corpus_stale = True
        if self._view == "corpus":
            self._ask_corpus()

    def _ask_corpus(self) -> None:
        if self._corpus_running or not self._corpus_stale:
            return
        wait = self._corpus_asked + CORPUS_REFRESH - time.monotonic()
        if wait > 0:
            if self._corpus_timer is None:
                self._corpus_timer = self.set_timer(wait, self._corpus_timer_fired)
            return
        self._corpus_running, self._corpus_stale = True, False
        self._corpus_asked = time.monotonic()
        self._corpus_serial += 1
        self._corpus_worker(list(self.order), self._corpus_serial)

    def _corpus_timer_fired(self) -> None:
        self._corpus_timer = None
        if self._view == "corpus":
            self._ask_corpus()

    @work(thread=True, group="corpus")
    def _corpus_worker(self, ids: list[str], serial: int) -> None:
        from sitroom.tui.corpus_data import CorpusSnapshot, ask

        try:
            corpus = self.service.corpus()
        except SitroomError as exc:  # the pipeline cannot be built; the panes say so too
            snapshot = CorpusSnapshot(len(ids), 0, problem=str(exc), serial=serial)
        else:
            if corpus is None:
                problem = (
                    "No corpus store: the cache is off and no temporary store could be made "
                    f"({self.service.cache_warning or 'no temporary folder'})."
                )
                snapshot = CorpusSnapshot(len(ids), 0, problem=problem, serial=serial)
            else:
                snapshot = ask(corpus, ids, serial)
        self.post_message(CorpusLoaded(snapshot))

    @on(CorpusLoaded)
    def _corpus_loaded(self, message: CorpusLoaded) -> None:
        self._corpus_running = False
        if self._corpus is not None and message.snapshot.serial == self._corpus_serial:
            self._show_corpus_snapshot(message.snapshot)
        if self._view == "corpus":
            self._ask_corpus()  # analyses arrived meanwhile

    def _show_corpus_snapshot(self, snapshot: CorpusSnapshot) -> None:
        assert self._corpus is not None
        titles = {
            p.id: (e.article.title or e.article.stem)
            for p in snapshot.points
            if (e := self.entries.get(p.id)) is not None
        }
        self._corpus.show(snapshot, titles, self.current)

    @on(CorpusFilterChosen)
    def _corpus_filter_chosen(self, message: CorpusFilterChosen) -> None:
        self._filter_worker(message.kind, message.key, message.label, list(self.order))

    @work(thread=True, group="corpus-filter", exclusive=True)
    def _filter_worker(self, kind: str, key: str, label: str, ids: list[str]) -> None:
        try:
            corpus = self.service.corpus()
        except SitroomError:
            corpus = None
        if corpus is None:
            found: frozenset[str] = frozenset()
        elif kind == "speaker":
            found = frozenset(ref.id for ref in corpus.articles_quoting(key, ids))
        else:
            found = frozenset(ref.id for ref in corpus.articles_mentioning(key, ids))
        if not get_current_worker().is_cancelled:
            self.post_message(ArticlesFiltered(kind, key, label, found))

    @on(ArticlesFiltered)
    def _articles_filtered(self, message: ArticlesFiltered) -> None:
        verb = "quotes" if message.kind == "speaker" else "mentions"
        if not message.ids:
            self.notify(f"No loaded article {verb} {message.label}.", severity="warning")
            return
        self.set_filter(ArticleFilter(message.kind, message.key, message.label, message.ids))
        self.action_focus_pane("articles")

    def set_filter(self, article_filter: ArticleFilter | None) -> None:
        """Narrow the article list (None: show every article again)."""
        self.filter = article_filter
        self._visible = None
        visible = self.visible_order
        article_list = self.dashboard.query_one(ArticleList)
        article_list.set_entries([self.entries[i] for i in visible])
        bar = self.dashboard.query_one(FilterBar)
        bar.show_filter(article_filter, len(visible))
        if visible and self.current not in (article_filter.ids if article_filter else visible):
            self.select_article(visible[0])
        elif self.current is not None:
            article_list.highlight_id(self.current)
        self._update_status()

    @on(ClearFilter)
    def clear_filter(self) -> None:
        if self.filter is not None:
            self.set_filter(None)

    @on(PointChosen)
    def _point_chosen(self, message: PointChosen) -> None:
        if message.article_id not in self.entries:
            return
        if self.filter is not None and message.article_id not in self.filter.ids:
            self.clear_filter()  # the list must show the article being read
        self.select_article(message.article_id)
        self.hide_corpus("text")

    # -- dialogs ----------------------------------------------------------------------------
    def action_help(self) -> None:
        from sitroom.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open(self) -> None:
        from sitroom.tui.screens.open import OpenScreen

        def opened(paths: list[str] | None) -> None:
            if paths:
                self.open_paths(paths, select_first=True)

        self.push_screen(OpenScreen(), opened)

    def action_export(self) -> None:
        from sitroom.tui.screens.export import ExportRequest, ExportScreen

        entry = self.current_entry
        if entry is None:
            self.notify("No article to export.", severity="warning")
            return
        if entry.analysis is None:
            self.notify(
                "This article is still being analysed; export when it is done.", severity="warning"
            )
            return

        def chosen(request: ExportRequest | None) -> None:
            if request is not None and entry.analysis is not None:
                self._export_worker(entry.article, entry.analysis, request)

        self.push_screen(ExportScreen(entry.article), chosen)

    @work(thread=True, group="export")
    def _export_worker(self, article: Article, analysis: Any, request: Any) -> None:
        from sitroom.tui.screens.export import export_analysis

        try:
            path = export_analysis(article, analysis, request)
        except SitroomError as exc:
            self.call_from_thread(self.notify, str(exc), title="Export", severity="error")
        except OSError as exc:
            self.call_from_thread(
                self.notify,
                f"{request.path}: {exc.strerror or exc}",
                title="Export",
                severity="error",
            )
        else:
            self.call_from_thread(self.notify, f"Wrote {path}", title="Export")

    # -- themes -----------------------------------------------------------------------------
    def action_cycle_theme(self) -> None:
        names = self.themes.names
        if not names:
            return
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=1.5)

    def _theme_changed(self, theme: Any) -> None:
        if not self.remember_theme:
            return
        if self._theme_timer is not None:
            self._theme_timer.stop()
        self._theme_timer = self.set_timer(0.5, lambda: self._remember_worker(self.theme))

    @work(thread=True, group="theme", exclusive=True)
    def _remember_worker(self, name: str) -> None:
        from sitroom.tui.user_config import remember_theme

        try:
            remember_theme(self.config, name)
        except SitroomError as exc:
            self.call_from_thread(
                self.notify, str(exc), title="Theme not remembered", severity="warning"
            )

    # -- extractors -------------------------------------------------------------------------
    def action_toggle_extractor(self, index: int) -> None:
        try:
            enabled = self.service.toggle(index)
        except KeyError:
            return
        name = next(use for i, use, _ in self.service.extractor_states() if i == index)
        for entry in self.entries.values():
            entry.requeue()
        for pane in ("actors", "quotes", "threat"):
            cast("AnalysisPane", self.dashboard.query_one(f"#{pane}-pane")).forget()
        # a filter found under the old extractors might not hold under the new ones
        self.filter, self._visible = None, None
        self.dashboard.query_one(FilterBar).show_filter(None, 0)
        self.dashboard.query_one(ArticleList).set_entries([self.entries[i] for i in self.order])
        self._corpus_changed()
        if self.current:
            self.select_article(self.current)
        self._submit(self.entries[i].article for i in self.order)
        self._update_status()
        self.notify(f"{name} {'on' if enabled else 'off'}: analysing again", timeout=3)

    # -- command palette --------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = [
            ("Next article", "Show the next article in the list", self.action_next_article),
            ("Previous article", "Show the previous article", self.action_prev_article),
            ("Search the text", "Find words in the article (/)", self.action_search),
            (
                "Next mark",
                "Next mention of the chosen actor, or next search hit (n)",
                self.action_next_mention,
            ),
            ("Previous mark", "Previous mention or search hit (N)", self.action_prev_mention),
            ("Clear marks", "Remove actor and search highlights (esc)", self.action_clear_marks),
            ("Open files", "Open more files, folders or globs (o)", self.action_open),
            (
                "Export analysis",
                "Save this article's analysis as JSON or Markdown (e)",
                self.action_export,
            ),
            ("Cycle theme", "Switch to the next sitroom theme (t)", self.action_cycle_theme),
            ("Help: keys", "List every key binding and its id (?)", self.action_help),
            (
                "Corpus view",
                "Top actors, speakers and the threat trend of every loaded article (c)",
                self.action_toggle_corpus,
            ),
            (
                "Clear the article filter",
                "Show every loaded article in the list again (esc)",
                self.clear_filter,
            ),
            (
                "Sort actors",
                "Change the order of the actors pane",
                lambda: cast("ActorsPane", self.dashboard.query_one("#actors-pane")).cycle_sort(),
            ),
            (
                "Quote order",
                "Switch the quotes between time and article order",
                lambda: cast("QuotesPane", self.dashboard.query_one("#quotes-pane")).cycle_sort(),
            ),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)
        for name in PANES:
            yield SystemCommand(
                f"Focus {name} pane",
                f"Move the keyboard focus to the {name} pane",
                lambda name=name: self.action_focus_pane(name),
            )
        for index, use, enabled in self.service.extractor_states():
            state = "on → off" if enabled else "off → on"
            yield SystemCommand(
                f"Toggle extractor: {use} ({state})",
                "Switch this extractor and analyse every article again",
                lambda index=index: self.action_toggle_extractor(index),
            )


def progress_note(step: str, fraction: float | None) -> str:
    """What the engine is doing, for the status line and the panes: `parsing 42%`.

    The engine names the step it has just finished after each extractor ("actors"), and
    "parsing" while it parses; anything else is a sentence of its own (loading the model)."""
    if fraction is None:
        return step
    percent = min(int(fraction * 100), 99)  # 100% only once the analysis is on screen
    if step == "parsing":
        return f"parsing {percent}%"
    return f"{step} done, {percent}%"


def resolve_theme(config: Config, themes: ThemeSet) -> tuple[str, list[str]]:
    """The theme to start with and any notices. An unknown name is a config error; a name
    whose user theme file is broken falls back to the default with a notice."""
    name = config.theme or DEFAULT_THEME
    if name in themes.names or name in BUILTIN_THEMES:
        return name, []
    broken = themes.broken.get(name) or next(
        (err for stem, err in themes.broken.items() if stem.lower() == name.lower()), None
    )
    if broken is not None:
        return DEFAULT_THEME, [f"{broken} — using {DEFAULT_THEME} instead"]
    known = [*themes.names, *BUILTIN_THEMES]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (themes: {', '.join(themes.names)})"
    raise config.error(f"unknown theme {name!r}{hint}", "theme")


def _terminal_fd() -> int | None:
    """The descriptor of the terminal the dashboard reads keys from, if it is one."""
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def make_app(
    config: Config,
    paths: Sequence[str] = (),
    use_cache: bool = True,
    *,
    user_themes: Path | None = None,
    remember_theme: bool = True,
) -> SitroomApp:
    """Build the dashboard, refusing (ConfigError, one line) a keymap or theme it cannot use."""
    keymap = bindings.validate_keymap(config)
    themes = load_themes(user_themes)
    theme, notices = resolve_theme(config, themes)
    return SitroomApp(
        config,
        paths,
        use_cache=use_cache,
        themes=themes,
        theme=theme,
        keymap=keymap,
        notices=notices,
        remember_theme=remember_theme,
    )
