"""The actors pane: who the article is about, sortable; enter shows an actor's mentions."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual import on
from textual.content import Content
from textual.widget import Widget

from sitroom.extractors.model import Actor, ActorsResult
from sitroom.tui import bindings
from sitroom.tui.messages import ActorChosen
from sitroom.tui.panes.badges import KIND_ICONS, KIND_STYLES, ellipsize
from sitroom.tui.panes.base import AnalysisPane
from sitroom.tui.panes.rows_table import Column, RowsTable
from sitroom.tui.state import ArticleEntry

NAME_MAX = 26

SORTS: dict[str, Any] = {
    "mentions": lambda a: (-len(a.mentions), a.name.lower()),
    "name": lambda a: a.name.lower(),
    "kind": lambda a: (a.kind, -len(a.mentions), a.name.lower()),
    "salience": lambda a: (-a.salience, a.name.lower()),
}


class ActorsTable(RowsTable):
    BINDINGS = bindings.of(bindings.TABLE)

    DEFAULT_CSS = """
    ActorsTable {
        height: 1fr;
        scrollbar-gutter: stable;
        & > .rows-table--header { background: $surface; color: $text-muted; text-style: bold; }
    }
    """

    def __init__(self, actors: list[Actor], width: int) -> None:
        super().__init__()
        self.row_ids: list[str] = []
        self.refill(actors, width)

    def refill(self, actors: list[Actor], width: int) -> None:
        """Other actors in this table, as a new one would show them (cursor on the first)."""
        self.row_ids = [a.id for a in actors]
        names = [ellipsize(a.name, NAME_MAX) for a in actors]
        titles = [_title(a) for a in actors]
        counts = [str(len(a.mentions)) for a in actors]
        # the widths make everything fit the pane (2 cells of padding per column)
        name_w = max([5, *map(len, names)])
        kind_w = max([4, *(len(a.kind) for a in actors)])
        count_w = max([1, *map(len, counts)])
        room = width - 1 - 10  # the icon, and 2 cells of padding for each of 5 columns
        title_w = min(max([0, *map(len, titles)]), room - name_w - kind_w - count_w)
        if title_w < 6:
            title_w = 0
            name_w = max(min(name_w, room - kind_w - count_w + 2), 5)
        columns = [Column("icon", "", 1), Column("name", "Actor", name_w)]
        columns.append(Column("kind", "Kind", kind_w))
        if title_w:
            columns.append(Column("title", "Title", title_w))
        columns.append(Column("count", "×", count_w))
        rows = []
        for actor, name, title, count in zip(actors, names, titles, counts, strict=True):
            cells = [
                Content.styled(KIND_ICONS.get(actor.kind, "?"), KIND_STYLES.get(actor.kind, "")),
                Content(ellipsize(name, name_w)),
                Content.styled(actor.kind, "$foreground-muted"),
            ]
            if title_w:
                cells.append(Content.styled(ellipsize(title, title_w), "$foreground-muted"))
            cells.append(Content(count.rjust(count_w)))
            rows.append(cells)
        self.set_rows(columns, rows)

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

    @on(RowsTable.RowSelected)
    def _chosen(self, event: RowsTable.RowSelected) -> None:
        event.stop()
        table = event.table
        if isinstance(table, ActorsTable) and 0 <= event.row < len(table.row_ids):
            self.post_message(ActorChosen(table.row_ids[event.row]))

    @on(RowsTable.HeaderSelected)
    def _header(self, event: RowsTable.HeaderSelected) -> None:
        event.stop()
        key = event.key
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
