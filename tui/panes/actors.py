"""The actors pane: who the article is about, sortable; enter shows an actor's mentions."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable

from sitroom.extractors.model import Actor, ActorsResult
from sitroom.tui import bindings
from sitroom.tui.messages import ActorChosen
from sitroom.tui.panes.badges import KIND_ICONS, KIND_STYLES, ellipsize
from sitroom.tui.panes.base import AnalysisPane
from sitroom.tui.state import ArticleEntry

NAME_MAX = 26

SORTS: dict[str, Any] = {
    "mentions": lambda a: (-len(a.mentions), a.name.lower()),
    "name": lambda a: a.name.lower(),
    "kind": lambda a: (a.kind, -len(a.mentions), a.name.lower()),
    "salience": lambda a: (-a.salience, a.name.lower()),
}


class ActorsTable(DataTable[Content]):
    BINDINGS = bindings.TABLE

    DEFAULT_CSS = """
    ActorsTable {
        height: 1fr;
        background: $surface;
        scrollbar-gutter: stable;
        & > .datatable--header { background: $surface; color: $text-muted; text-style: bold; }
    }
    """

    def action_cycle_sort(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorsPane):
            pane.cycle_sort()


class ActorsPane(AnalysisPane):
    TITLE = "Actors"
    WHAT = "actors"
    RESULT = ActorsResult

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sort = "mentions"
        self._shown: tuple[str, ActorsResult, str] | None = None
        self._row_ids: list[str] = []

    def make_body(self) -> Widget:
        return ActorsTable(
            classes="pane-body", cursor_type="row", zebra_stripes=False, id="actors-table"
        )

    @property
    def table(self) -> ActorsTable:
        return self.query_one(ActorsTable)

    def clear_body(self) -> None:
        self._shown = None
        self.table.display = False
        self.table.clear()

    def cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        if self._shown is not None:
            article_id, result, _ = self._shown
            self._fill(result)
            self._shown = (article_id, result, self.sort)
        self.notify(f"Actors sorted by {self.sort}", timeout=1.5)

    def render_result(self, entry: ArticleEntry, result: ActorsResult) -> None:
        self.table.display = True
        if (
            self._shown is not None
            and self._shown[:2] == (entry.id, result)
            and self._shown[2] == self.sort
        ):
            return  # already showing exactly this: keep the cursor where the reader left it
        self._fill(result)
        self._shown = (entry.id, result, self.sort)

    def _fill(self, result: ActorsResult) -> None:
        table = self.table
        current = self.cursor_actor_id()
        actors = sorted(result.actors, key=SORTS[self.sort])
        names = [ellipsize(a.name, NAME_MAX) for a in actors]
        titles = [_title(a) for a in actors]
        counts = [str(len(a.mentions)) for a in actors]
        # DataTable cannot measure styled cells, and its columns would sprawl anyway:
        # widths are set here so everything fits the pane (2 cells of padding per column)
        name_w = max([5, *map(len, names)])
        kind_w = max([4, *(len(a.kind) for a in actors)])
        count_w = max([1, *map(len, counts)])
        room = max(self.size.width, 30) - 2 - 1 - 10 - 1  # borders, scrollbar, padding, icon
        title_w = min(max([0, *map(len, titles)]), room - name_w - kind_w - count_w)
        if title_w < 6:
            title_w = 0
            name_w = min(name_w, room - kind_w - count_w + 2)
        table.clear(columns=True)
        table.add_column("", key="icon", width=1)
        table.add_column("Actor", key="name", width=name_w)
        table.add_column("Kind", key="kind", width=kind_w)
        if title_w:
            table.add_column("Title", key="title", width=title_w)
        table.add_column("×", key="count", width=count_w)
        for actor, name, title, count in zip(actors, names, titles, counts, strict=True):
            cells = [
                Content.styled(KIND_ICONS.get(actor.kind, "?"), KIND_STYLES.get(actor.kind, "")),
                Content(ellipsize(name, name_w)),
                Content.styled(actor.kind, "$text-muted"),
            ]
            if title_w:
                cells.append(Content.styled(ellipsize(title, title_w), "$text-muted"))
            cells.append(Content(count.rjust(count_w)))
            table.add_row(*cells)
        self._row_ids = [a.id for a in actors]
        if current is not None and current in self._row_ids:
            table.move_cursor(row=self._row_ids.index(current), animate=False)
        self.border_title = f"Actors {len(actors)}"
        self.border_subtitle = f"by {self.sort} · s sorts"

    def on_resize(self) -> None:
        if self._shown is not None:
            self._fill(self._shown[1])

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._row_ids):
            self.post_message(ActorChosen(self._row_ids[event.cursor_row]))

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        self.sort = {"count": "mentions", "icon": "kind", "title": "name"}.get(key, key)
        if self._shown is not None:
            self._fill(self._shown[1])
            self._shown = (self._shown[0], self._shown[1], self.sort)

    def cursor_actor_id(self) -> str | None:
        row = self.table.cursor_row
        return self._row_ids[row] if 0 <= row < len(self._row_ids) else None


def _title(actor: Actor) -> str:
    if actor.title and actor.affiliation:
        return f"{actor.title}, {actor.affiliation}"
    return actor.title or actor.affiliation or ""
