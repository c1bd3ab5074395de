"""Every key binding of the dashboard, each with an id the config's `keymap:` can remap.

Bindings live here rather than scattered over the widgets so the help screen can list them
all and a keymap naming an id that does not exist is caught before the dashboard starts.
One id may be shared by several widgets (`down` moves the cursor in every list): remapping
it remaps them all.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from textual.binding import Binding, BindingType
from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, KEY_TO_UNICODE_NAME, Keys

from sitroom.extractors.config import Config
from sitroom.extractors.yamlfile import KEY

APP: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit sitroom"),
    Binding(
        "right_square_bracket",
        "next_article",
        "Next",
        id="next_article",
        key_display="]",
        tooltip="Next article in the list",
    ),
    Binding(
        "left_square_bracket",
        "prev_article",
        "Prev",
        id="prev_article",
        key_display="[",
        tooltip="Previous article in the list",
    ),
    # The same ids again, as priority bindings: scrolling widgets use ctrl+pgup/pgdn for
    # horizontal paging, which would otherwise swallow them.
    Binding(
        "ctrl+pagedown",
        "next_article",
        "Next article",
        show=False,
        priority=True,
        id="next_article",
    ),
    Binding(
        "ctrl+pageup",
        "prev_article",
        "Previous article",
        show=False,
        priority=True,
        id="prev_article",
    ),
    Binding(
        "slash", "search", "Search", id="search", tooltip="Search the article text", key_display="/"
    ),
    Binding(
        "n",
        "next_mention",
        "Next mark",
        show=False,
        id="next_mention",
        tooltip="Next mention of the chosen actor, or next search hit",
    ),
    Binding(
        "N",
        "prev_mention",
        "Previous mark",
        show=False,
        id="prev_mention",
        tooltip="Previous mention or search hit",
    ),
    Binding(
        "escape",
        "clear_marks",
        "Clear marks",
        show=False,
        id="clear_marks",
        tooltip="Clear the chosen actor, search hits and the current mark; then the article "
        "filter (in the corpus view: the filter first)",
    ),
    Binding("o", "open", "Open", id="open", tooltip="Open more files, folders or globs"),
    Binding(
        "e", "export", "Export", id="export", tooltip="Export this analysis as JSON or Markdown"
    ),
    Binding(
        "t",
        "cycle_theme",
        "Theme",
        id="cycle_theme",
        tooltip="Next theme (remembered in your config)",
    ),
    Binding(
        "c",
        "toggle_corpus",
        "Corpus",
        id="corpus",
        tooltip="Corpus view: top actors, speakers and the threat trend of every loaded article",
    ),
    Binding(
        "question_mark", "help", "Help", id="help", tooltip="This list of keys", key_display="?"
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        show=False,
        priority=True,
        id="command_palette",
        tooltip="Command palette: every action, extractors on/off",
    ),
    Binding("1", "focus_pane('articles')", "Articles pane", show=False, id="focus_articles"),
    Binding("2", "focus_pane('text')", "Text pane", show=False, id="focus_text"),
    Binding("3", "focus_pane('actors')", "Actors pane", show=False, id="focus_actors"),
    Binding("4", "focus_pane('quotes')", "Quotes pane", show=False, id="focus_quotes"),
    Binding("5", "focus_pane('threat')", "Threat pane", show=False, id="focus_threat"),
]

#: On the dashboard screen instead of Textual's id-less ones, so they can be remapped.
SCREEN: list[Binding] = [
    Binding("tab", "app.cycle_pane(1)", "Next pane", show=False, id="next_pane"),
    Binding("shift+tab", "app.cycle_pane(-1)", "Previous pane", show=False, id="prev_pane"),
    Binding("ctrl+c,super+c", "screen.copy_text", "Copy selected text", show=False, id="copy"),
]

#: j/k in every list (arrows keep working through the widgets' own bindings).
LIST: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="down"),
    Binding("k", "cursor_up", "Up", show=False, id="up"),
    Binding("g", "first", "First", show=False, id="top"),
    Binding("G", "last", "Last", show=False, id="bottom"),
]

TABLE: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="down"),
    Binding("k", "cursor_up", "Up", show=False, id="up"),
    Binding("g", "scroll_top", "First", show=False, id="top"),
    Binding("G", "scroll_bottom", "Last", show=False, id="bottom"),
    Binding(
        "s",
        "cycle_sort",
        "Sort",
        id="sort",
        tooltip="Change the order (actors: mentions, name, kind, salience; quotes: time, article)",
    ),
]

TEXT: list[Binding] = [
    Binding("j", "scroll_down", "Down", show=False, id="down"),
    Binding("k", "scroll_up", "Up", show=False, id="up"),
    Binding("space", "page_down", "Page down", show=False, id="page_down"),
    Binding("b", "page_up", "Page up", show=False, id="page_up"),
    Binding("g", "scroll_home", "Top", show=False, id="top"),
    Binding("G", "scroll_end", "Bottom", show=False, id="bottom"),
]

QUOTES: list[Binding] = [
    *LIST,
    Binding(
        "s",
        "cycle_sort",
        "Order",
        id="sort",
        tooltip="Change the order (actors: mentions, name, kind, salience; quotes: time, article)",
    ),
]

#: The threat plot of the corpus view: one point per article, in publication order.
PLOT: list[Binding] = [
    Binding("right,l", "move(1)", "Next point", show=False, id="point_next"),
    Binding("left,h", "move(-1)", "Previous point", show=False, id="point_prev"),
    Binding("j", "move(1)", "Next point", show=False, id="down"),
    Binding("k", "move(-1)", "Previous point", show=False, id="up"),
    Binding("pagedown", "jump(1)", "Jump ahead", show=False, id="point_jump_next"),
    Binding("pageup", "jump(-1)", "Jump back", show=False, id="point_jump_prev"),
    Binding("g,home", "first", "First point", show=False, id="top"),
    Binding("G,end", "last", "Last point", show=False, id="bottom"),
    Binding(
        "enter",
        "open_point",
        "Open",
        id="open_point",
        tooltip="Open the article under the cursor of the threat plot",
    ),
]

#: The actor and speaker tables of the corpus view (j/k/g/G as in the actors table).
CORPUS_TABLE: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="down"),
    Binding("k", "cursor_up", "Up", show=False, id="up"),
    Binding("g", "scroll_top", "First", show=False, id="top"),
    Binding("G", "scroll_bottom", "Last", show=False, id="bottom"),
]

MODAL: list[Binding] = [Binding("escape", "dismiss_modal", "Close", id="close")]

HELP: list[Binding] = [
    Binding("escape,q,question_mark", "dismiss_modal", "Close", id="close"),
    Binding("j", "scroll_down", "Down", show=False, id="down"),
    Binding("k", "scroll_up", "Up", show=False, id="up"),
]

COMPLETE: list[Binding] = [Binding("tab", "complete", "Complete path", id="complete")]

#: Where each group applies, for the help screen.
GROUPS: dict[str, list[Binding]] = {
    "Everywhere": [*APP, *SCREEN],
    "Lists (articles, quotes, evidence)": LIST,
    "Actors table": TABLE,
    "Quotes": [b for b in QUOTES if b.id == "sort"],
    "Article text": TEXT,
    "Threat plot (corpus view)": PLOT,
    "Dialogs": MODAL,
    "Open dialog": COMPLETE,
}

BUILTIN_NOTES = [
    ("enter", "actor: highlight its mentions, jump to the first; quote or evidence: jump to it"),
    ("enter", "corpus view: actor or speaker: show only the articles that mention or quote it"),
    ("↑ ↓ pgup pgdn home end", "move in lists and text"),
]


def of(group: list[Binding]) -> list[BindingType]:
    """A group as a widget's BINDINGS (a fresh list, typed as Textual declares it)."""
    return list(group)


def known_ids() -> list[str]:
    ids = {
        b.id
        for group in (
            APP,
            SCREEN,
            LIST,
            TABLE,
            TEXT,
            QUOTES,
            PLOT,
            CORPUS_TABLE,
            MODAL,
            HELP,
            COMPLETE,
        )
        for b in group
    }
    return sorted(i for i in ids if i)


_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def _key_names() -> set[str]:
    names = {str(k.value).rpartition("+")[2] for k in Keys}
    names |= set(KEY_ALIASES) | set(KEY_TO_UNICODE_NAME) | set(KEY_NAME_REPLACEMENTS.values())
    names |= {f"f{i}" for i in range(1, 25)} | {"space", "enter", "tab", "backspace"}
    return names


def check_key(key: str) -> str | None:
    """None when Textual can bind `key`; otherwise what is wrong with it."""
    if not key:
        return "an empty key"
    if len(key) == 1:
        return None if key.isprintable() and not key.isspace() else f"{key!r} is not a key"
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in _MODIFIERS:
            return f"{modifier!r} in {key!r} is not a modifier (use ctrl, shift, alt, super)"
    if len(name) == 1 or name in _key_names():
        return None
    close = difflib.get_close_matches(name, sorted(_key_names()), n=1, cutoff=0.6)
    hint = f" (did you mean {'+'.join([*modifiers, close[0]])!r}?)" if close else ""
    return f"unknown key {key!r}{hint}"


def validate_keymap(config: Config) -> dict[str, str]:
    """The config's keymap, checked: unknown ids and key names are config errors."""
    ids = known_ids()
    keymap: Mapping[str, str] = config.keymap
    for binding_id, keys in keymap.items():
        if binding_id not in ids:
            close = difflib.get_close_matches(binding_id, ids, n=1, cutoff=0.6)
            hint = (
                f" (did you mean {close[0]!r}?)" if close else " (`?` in the dashboard lists them)"
            )
            raise config.error(
                f"unknown binding id {binding_id!r}{hint}", "keymap", binding_id, KEY
            )
        for key in (part.strip() for part in keys.split(",")):
            problem = check_key(key)
            if problem:
                raise config.error(f"keymap {binding_id!r}: {problem}", "keymap", binding_id)
    return dict(keymap)
