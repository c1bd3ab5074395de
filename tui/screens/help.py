"""`?`: every binding with the key it is on now (after the config's keymap) and its id."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from sitroom.tui import bindings
from sitroom.tui.wrap import wrap

KEYS_WIDTH = 16  # the keys column, then the id column, then the description
BOX_WIDTH = 84  # the help box at most (see DEFAULT_CSS); less on a narrow terminal


def effective_keys(binding_id: str | None, default: str, keymap: Mapping[str, str]) -> list[str]:
    if binding_id and binding_id in keymap:
        return [k.strip() for k in keymap[binding_id].split(",")]
    return [k.strip() for k in default.split(",")]


def _hanging(head: Content, text: str, width: int) -> list[Content]:
    """`head` then `text` wrapped to the room left, its further lines under its first."""
    indent = head.cell_length
    pieces = [text[a:b] for a, b in wrap(text, max(width - indent, 16))] or [""]
    first = Content.assemble(head, pieces[0])
    return [first] + [Content(" " * indent + piece) for piece in pieces[1:]]


def help_content(
    app_keymap: Mapping[str, str], display: Callable[[Binding], str], width: int = 78
) -> Content:
    """The help text for a box `width` cells wide inside."""
    lines: list[Content] = []
    for title, group in bindings.GROUPS.items():
        lines.append(Content.styled(title, "bold $accent"))
        seen: dict[str, tuple[list[str], str]] = {}
        for binding in group:
            key = binding.id or binding.action
            keys = [
                display(Binding(k, binding.action))
                for k in effective_keys(binding.id, binding.key, app_keymap)
            ]
            if binding.key_display and not (binding.id and binding.id in app_keymap):
                keys = [binding.key_display if k == keys[0] else k for k in keys]
            if key in seen:
                seen[key][0].extend(k for k in keys if k not in seen[key][0])
            else:
                seen[key] = (keys, binding.tooltip or binding.description)
        for binding_id, (keys, description) in seen.items():
            head = Content.assemble(
                (f"  {' '.join(keys):<{KEYS_WIDTH}}", "bold"),
                (f"{binding_id:<{KEYS_WIDTH}}", "$accent"),
            )
            lines.extend(_hanging(head, description, width))
        lines.append(Content(""))
    lines.append(Content.styled("Built in", "bold $accent"))
    for note_keys, note in bindings.BUILTIN_NOTES:
        lines.extend(_hanging(Content.styled(f"  {note_keys:<{KEYS_WIDTH}}", "bold"), note, width))
    lines.append(Content(""))
    remap = 'Remap any id in the config\'s keymap: section, e.g. keymap: {next_article: "ctrl+n"}'
    lines.extend(Content.styled(remap[a:b], "$foreground-muted") for a, b in wrap(remap, width))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings.of(bindings.HELP)

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 95%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "esc closes"
            # the box's inside: its border, padding and scrollbar take 6 cells
            width = min(BOX_WIDTH, int(self.app.size.width * 0.95)) - 6
            content = help_content(self.app._keymap, self.app.get_key_display, width)
            yield Static(content, id="help-text")

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up()
