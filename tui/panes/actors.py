"""The actors pane: who the article is about, sortable; enter shows an actor's mentions."""

from __future__ import annotations

from collections.abc import Hashable
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
    BINDINGS = bindings.of(bindings.TABLE)

    DEFAULT_CSS = """
    ActorsTable {
        height: 1fr;
        background: $surface;
        scrollbar-gutter: stable;
        & > .datatable--header { background: $surface; color: $text-muted; text-style: bold; }
    }
    """

    def __init__(self, actors: list[Actor], width: int) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False)
        self.row_ids = [a.id for a in actors]
        self._fill(actors, width)

    def refill(self, actors: list[Actor], width: int) -> None:
        """Other actors in this table, as a new one would show them (cursor on the first)."""
        self.clear(columns=True)
        self.row_ids = [a.id for a in actors]
        self._fill(actors, width)

    def _fill(self, actors: list[Actor], width: int) -> None:
        names = [ellipsize(a.name, NAME_MAX) for a in actors]
        titles = [_title(a) for a in actors]
        counts = [str(len(a.mentions)) for a in actors]
        # DataTable cannot measure styled cells, and its columns would sprawl anyway:
        # widths are set here so everything fits the pane (2 cells of padding per column)
        name_w = max([5, *map(len, names)])
        kind_w = max([4, *(len(a.kind) for a in actors)])
        count_w = max([1, *map(len, counts)])
        room = width - 1 - 10  # the icon, and 2 cells of padding for each of 5 columns
        title_w = min(max([0, *map(len, titles)]), room - name_w - kind_w - count_w)
        if title_w < 6:
            title_w = 0
            name_w = max(min(name_w, room - kind_w - count_w + 2), 5)
        self.add_column("", key="icon", width=1)
        self.add_column("Actor", key="name", width=name_w)
        self.add_column("Kind", key="kind", width=kind_w)
        if title_w:
            self.add_column("Title", key="title", width=title_w)
        self.add_column("×", key="count", width=count_w)
        for actor, name, title, count in zip(actors, names, titles, counts, strict=True):
            cells = [
                Content.styled(KIND_ICONS.get(actor.kind, "?"), KIND_STYLES.get(actor.kind, "")),
                Content(ellipsize(name, name_w)),
                Content.styled(actor.kind, "$text-muted"),
            ]
            if title_w:
                cells.append(Content.styled(ellipsize(title, title_w), "$text-muted"))
            cells.append(Content(count.rjust(count_w)))
            self.add_row(*cells)

    def action_cycle_sort(self) -> None:
        for pane in self.ancestors:
            if isinstance(pane, ActorsPane):
                pane.cycle_sort()
                return


class ActorsPane(AnalysisPane):
    TITLE = "Actors"
    WHAT = "actors"
    RESULT = ActorsResult

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sort = "mentions"

    @property
    def table(self) -> ActorsTable:
        body = self.body
        assert isinstance(body, ActorsTable), "no actors on display"
        return body

    def view_key(self) -> Hashable:
        return self.sort

    def build_body(self, entry: ArticleEntry, result: ActorsResult, width: int) -> Widget:
        return ActorsTable(sorted(result.actors, key=SORTS[self.sort]), width)

    def refill_body(
        self, body: Widget, entry: ArticleEntry, result: ActorsResult, width: int
    ) -> bool:
        if not isinstance(body, ActorsTable):
            return False
        body.refill(sorted(result.actors, key=SORTS[self.sort]), width)
        return True

    def describe(self, entry: ArticleEntry, result: ActorsResult, body: Widget) -> None:
        self.border_title = f"Actors {len(result.actors)}"
        self.border_subtitle = f"by {self.sort} · s sorts"

    def cycle_sort(self) -> None:
        names = list(SORTS)
        self.set_sort(names[(names.index(self.sort) + 1) % len(names)])
        self.notify(f"Actors sorted by {self.sort}", timeout=1.5)

    def set_sort(self, sort: str) -> None:
        keep = self.cursor_actor_id()
        self.sort = sort
        self.refresh_view()
        body = self.body
        if keep is not None and isinstance(body, ActorsTable) and keep in body.row_ids:
            body.move_cursor(row=body.row_ids.index(keep), animate=False)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        table = event.data_table
        if isinstance(table, ActorsTable) and 0 <= event.cursor_row < len(table.row_ids):
            self.post_message(ActorChosen(table.row_ids[event.cursor_row]))

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        self.set_sort({"count": "mentions", "icon": "kind", "title": "name"}.get(key, key))

    def point_at(self, actor_id: str) -> None:
        """Move the cursor to an actor (chosen elsewhere, e.g. by a click in the text)."""
        body = self.body
        if isinstance(body, ActorsTable) and actor_id in body.row_ids:
            body.move_cursor(row=body.row_ids.index(actor_id), animate=False)

    def cursor_actor_id(self) -> str | None:
        body = self.body
        if not isinstance(body, ActorsTable):
            return None
        row = body.cursor_row
        return body.row_ids[row] if 0 <= row < len(body.row_ids) else None


def _title(actor: Actor) -> str:
    if actor.title and actor.affiliation:
        return f"{actor.title}, {actor.affiliation}"
    return actor.title or actor.affiliation or ""
