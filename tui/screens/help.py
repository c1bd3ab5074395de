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


def effective_keys(binding_id: str | None, default: str, keymap: Mapping[str, str]) -> list[str]:
    if binding_id and binding_id in keymap:
        return [k.strip() for k in keymap[binding_id].split(",")]
    return [k.strip() for k in default.split(",")]


def help_content(app_keymap: Mapping[str, str], display: Callable[[Binding], str]) -> Content:
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
            lines.append(
                Content.assemble(
                    (f"  {' '.join(keys):<16}", "bold"),
                    (f"{binding_id:<16}", "$accent"),
                    (description, ""),
                )
            )
        lines.append(Content(""))
    lines.append(Content.styled("Built in", "bold $accent"))
    for note_keys, note in bindings.BUILTIN_NOTES:
        lines.append(Content.assemble((f"  {note_keys:<16}", "bold"), note))
    lines.append(Content(""))
    lines.append(
        Content.styled(
            'Remap any id in the config\'s keymap: section, e.g. keymap: {next_article: "ctrl+n"}',
            "$text-muted",
        )
    )
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
            yield Static(help_content(self.app._keymap, self.app.get_key_display), id="help-text")

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up()
