"""The corpus view (`c`): every loaded article at once.

The threat level over time (`ThreatPlot`), the actors that appear in the most articles and
the most-quoted speakers. Enter on an actor or a speaker narrows the article list to the
articles that name them (the app does the narrowing); enter on a point of the plot opens
that article. The view draws finished data only (`CorpusSnapshot`, asked of the store by a
worker), so it never waits on SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from sitroom.tui import bindings
from sitroom.tui.messages import CorpusFilterChosen
from sitroom.tui.panes.badges import KIND_ICONS, KIND_STYLES, ellipsize
from sitroom.tui.panes.rows_table import Column, RowsTable
from sitroom.tui.panes.threat_plot import ThreatPlot

if TYPE_CHECKING:
    from sitroom.extractors.corpus import ActorTotal, SpeakerTotal
    from sitroom.tui.corpus_data import CorpusSnapshot


class CorpusTable(RowsTable):
    """A table whose rows stand for actors or speakers; enter asks for a filter."""

    BINDINGS = bindings.of(bindings.CORPUS_TABLE)
    KIND = ""  # "actor" or "speaker", for the filter message

    DEFAULT_CSS = """
    CorpusTable {
        height: 1fr;
        scrollbar-gutter: stable;
        & > .rows-table--header { background: $surface; color: $text-muted; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: list[str] = []
        self.labels: list[str] = []
        self._width = 0
        self._items: Sequence[Any] = ()

    def show(self, items: Sequence[Any]) -> None:
        """Rows for these actors or speakers, laid out for the width the table has now."""
        self._items = items
        self._width = self.available_width()
        self.fill(self.table_rows(items, self._width), self._width)

    def available_width(self) -> int:
        """Cells the columns may take: the pane's inside less the scrollbar gutter. Before
        the first layout the pane has no size; the resize that follows lays it out again."""
        parent = self.parent
        width = parent.size.width if isinstance(parent, Widget) else 0
        return max((width or 60) - 2, 24)

    def on_resize(self) -> None:
        if self._items and self.available_width() != self._width:
            self.show(self._items)

    def table_rows(self, items: Sequence[Any], width: int) -> list[tuple[str, str, list[Content]]]:
        raise NotImplementedError

    @property
    def cursor_key(self) -> str | None:
        row = self.cursor_row
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def fill(self, rows: Sequence[tuple[str, str, list[Content]]], width: int) -> None:
        """Rows of (key, label, cells); the cursor stays on the same key when it can."""
        keep = self.cursor_key
        self.keys = [key for key, _, _ in rows]
        self.labels = [label for _, label, _ in rows]
        self.set_rows(self.columns_for(width), [cells for _, _, cells in rows])
        if keep in self.keys:
            self.move_cursor(row=self.keys.index(keep))

    def columns_for(self, width: int) -> list[Column]:
        raise NotImplementedError

    @on(RowsTable.RowSelected)
    def _chosen(self, event: RowsTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.row < len(self.keys):
            row = event.row
            self.post_message(CorpusFilterChosen(self.KIND, self.keys[row], self.labels[row]))


NUMBER = 8  # "Articles", "Mentions": the widest header of a count column


class TopActorsTable(CorpusTable):
    KIND = "actor"
    KIND_WIDTH = 12
    WIDE = 56  # below this, the kind column goes (the icon still tells it)

    def name_width(self, width: int) -> int:
        # icon 1, name, kind, two counts; 2 cells of padding per column
        kind = self.KIND_WIDTH + 2 if width >= self.WIDE else 0
        return max(width - 1 - kind - 2 * NUMBER - 8, 8)

    def columns_for(self, width: int) -> list[Column]:
        columns = [Column("icon", "", 1), Column("name", "Actor", self.name_width(width))]
        if width >= self.WIDE:
            columns.append(Column("kind", "Kind", self.KIND_WIDTH))
        columns.append(Column("articles", "Articles", NUMBER))
        columns.append(Column("mentions", "Mentions", NUMBER))
        return columns

    def table_rows(self, items: Sequence[Any], width: int) -> list[tuple[str, str, list[Content]]]:
        actors: Sequence[ActorTotal] = items
        name_w = self.name_width(width)
        rows = []
        for a in actors:
            cells = [
                Content.styled(KIND_ICONS.get(a.kind, "?"), KIND_STYLES.get(a.kind, "")),
                Content(ellipsize(a.name, name_w)),
            ]
            if width >= self.WIDE:
                cells.append(
                    Content.styled(ellipsize(a.kind, self.KIND_WIDTH), "$foreground-muted")
                )
            cells.append(Content(f"{a.articles:,}".rjust(NUMBER)))
            cells.append(Content.styled(f"{a.mentions:,}".rjust(NUMBER), "$foreground-muted"))
            rows.append((a.id, a.name, cells))
        return rows


class SpeakersTable(CorpusTable):
    KIND = "speaker"

    def name_width(self, width: int) -> int:
        return max(width - 2 * NUMBER - 6, 8)

    def columns_for(self, width: int) -> list[Column]:
        return [
            Column("name", "Speaker", self.name_width(width)),
            Column("quotes", "Quotes", NUMBER),
            Column("articles", "Articles", NUMBER),
        ]

    def table_rows(self, items: Sequence[Any], width: int) -> list[tuple[str, str, list[Content]]]:
        from sitroom.extractors.corpus import is_unlinked

        speakers: Sequence[SpeakerTotal] = items
        name_w = self.name_width(width)
        rows = []
        for s in speakers:
            # a speaker that is not a known actor is grouped by its words: say so, quietly
            name = Content(ellipsize(s.name, name_w))
            if is_unlinked(s.key):
                name = Content.styled(ellipsize(s.name, name_w), "italic")
            rows.append(
                (
                    s.key,
                    s.name,
                    [
                        name,
                        Content(f"{s.quotes:,}".rjust(NUMBER)),
                        Content.styled(f"{s.articles:,}".rjust(NUMBER), "$foreground-muted"),
                    ],
                )
            )
        return rows


class CorpusView(Vertical):
    """The plot on top, the two tables under it; a line above says what it covers."""

    DEFAULT_CSS = """
    CorpusView {
        width: 1fr;
        & > #corpus-summary {
            height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
        }
        & > #corpus-message { padding: 1 2; color: $text-muted; display: none; }
        & > #corpus-tables { height: 1fr; }
        & #top-actors-pane, & #speakers-pane { width: 1fr; height: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.snapshot: CorpusSnapshot | None = None
        self._titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static("Corpus: asking the store…", id="corpus-summary")
        yield Static(id="corpus-message")
        yield ThreatPlot(id="trend-pane", classes="pane")
        with Horizontal(id="corpus-tables"):
            with Vertical(id="top-actors-pane", classes="pane"):
                yield TopActorsTable(id="top-actors")
            with Vertical(id="speakers-pane", classes="pane"):
                yield SpeakersTable(id="top-speakers")

    def on_mount(self) -> None:
        self.query_one("#top-actors-pane").border_title = "Top actors"
        self.query_one("#speakers-pane").border_title = "Most quoted"

    @property
    def plot(self) -> ThreatPlot:
        return self.query_one(ThreatPlot)

    @property
    def actors_table(self) -> TopActorsTable:
        return self.query_one(TopActorsTable)

    @property
    def speakers_table(self) -> SpeakersTable:
        return self.query_one(SpeakersTable)

    def show(
        self, snapshot: CorpusSnapshot, titles: dict[str, str], current: str | None = None
    ) -> None:
        """Draw a snapshot; `titles` are the dashboard's own, `current` the article shown."""
        first = self.snapshot is None
        self.snapshot, self._titles = snapshot, titles
        self._summary(snapshot)
        message = self.query_one("#corpus-message", Static)
        if snapshot.problem or not snapshot.stored:
            message.update(
                snapshot.problem
                or "No analysed article yet: this view fills in as the analyses arrive."
            )
            message.display = True
        else:
            message.display = False
        self.plot.set_points(snapshot.points, titles, keep=current if first else None)
        self._fill_tables()

    def _fill_tables(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        self.actors_table.show(snapshot.actors)
        self.speakers_table.show(snapshot.speakers)
        more_a = "+" if snapshot.more_actors else ""
        more_s = "+" if snapshot.more_speakers else ""
        actors_pane = self.query_one("#top-actors-pane")
        actors_pane.border_title = f"Top actors {len(snapshot.actors)}{more_a}"
        actors_pane.border_subtitle = "by articles · enter filters"
        speakers_pane = self.query_one("#speakers-pane")
        speakers_pane.border_title = f"Most quoted {len(snapshot.speakers)}{more_s}"
        speakers_pane.border_subtitle = "by quotes · enter filters"

    def _summary(self, snapshot: CorpusSnapshot) -> None:
        noun = "article" if snapshot.loaded == 1 else "articles"
        if snapshot.stored == snapshot.loaded:
            covered = f"{snapshot.loaded:,} {noun}"
        else:
            covered = f"{snapshot.stored:,} of {snapshot.loaded:,} {noun} analysed so far"
        self.query_one("#corpus-summary", Static).update(
            Content.assemble(
                ("Corpus", "bold $accent"),
                f" · {covered} · ",
                (
                    "←/→ walk the plot, enter opens an article · "
                    "enter on an actor or speaker filters the list · c closes",
                    "$foreground-muted",
                ),
            )
        )
