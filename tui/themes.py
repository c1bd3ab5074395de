"""YAML theme files -> Textual themes.

A theme file names Textual's base colours (`colors:`), the colours the article text uses for
its highlights (`highlights:`) and one colour per threat level (`threat:`). The last two
become CSS variables (`$sr-actor`, `$sr-threat-3`, ...) that the panes' styles use.

Bundled themes ship in `sitroom.themes`; users add their own as `themes/*.yaml` in the
config directory. A broken user theme never stops the dashboard: it is reported with its
`FILE:LINE:COL` and the others still load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from sitroom.extractors.errors import ConfigError
from sitroom.extractors.yamlfile import KEY, Located, read_yaml

DEFAULT_THEME = "sitroom-dark"

COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "success",
    "warning",
    "error",
)
HIGHLIGHT_KEYS = ("actor", "quote", "evidence", "selected", "match", "current")
TOP_KEYS = ("name", "dark", "colors", "highlights", "threat", "luminosity_spread")
LEVELS = 5

#: Used for themes that do not set them (Textual's own themes, partial user themes).
DEFAULT_VARIABLES: dict[str, str] = {
    "sr-actor": "#7CC7F5",
    "sr-quote": "#C9B2F2",
    "sr-evidence": "#4A2326",
    "sr-selected": "#1F4E79",
    "sr-match": "#6B5500",
    "sr-current": "#F2B84B",
    "sr-threat-0": "#52B788",
    "sr-threat-1": "#A7C957",
    "sr-threat-2": "#F2C14E",
    "sr-threat-3": "#F08A4B",
    "sr-threat-4": "#E5484D",
}


@dataclass
class ThemeSet:
    """Every theme that loaded, in cycling order, and the errors of those that did not."""

    themes: list[Theme] = field(default_factory=list)
    errors: list[ConfigError] = field(default_factory=list)
    # file stem -> error, so a config naming a broken user theme can say which file broke
    broken: dict[str, ConfigError] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [theme.name for theme in self.themes]


def user_themes_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("sitroom", appauthor=False) / "themes"


def bundled_theme_files() -> list[Path]:
    from sitroom.themes import FOLDER

    return sorted(FOLDER.glob("*.yaml"))


def load_themes(user_dir: Path | None = None) -> ThemeSet:
    """Bundled themes first (dark, light, contrast order), then the user's, by file name."""
    result = ThemeSet()
    bundled = bundled_theme_files()
    order = {DEFAULT_THEME: 0, "sitroom-light": 1, "sitroom-contrast": 2}
    bundled.sort(key=lambda p: (order.get(p.stem, 9), p.stem))
    _load_into(result, bundled)
    directory = user_themes_dir() if user_dir is None else user_dir
    try:
        user_files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    except OSError as exc:
        result.errors.append(ConfigError(f"cannot list themes: {exc}", str(directory)))
        user_files = []
    _load_into(result, user_files)
    return result


def _load_into(result: ThemeSet, paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            theme = theme_from_yaml(read_yaml(path))
        except ConfigError as exc:
            result.errors.append(exc)
            result.broken[path.stem] = exc
            continue
        # a user theme with a bundled theme's name replaces it, in the bundled one's place
        for i, existing in enumerate(result.themes):
            if existing.name == theme.name:
                result.themes[i] = theme
                break
        else:
            result.themes.append(theme)


def _color(located: Located, value: Any, *path: Any) -> str:
    if not isinstance(value, str):
        raise located.error(f'a colour must be a string like "#1e90ff", not {value!r}', *path)
    try:
        Color.parse(value)
    except ColorParseError:
        raise located.error(
            f'{value!r} is not a colour (try "#1e90ff" or "rgb(30,144,255)")', *path
        ) from None
    return value


def _mapping(
    located: Located, data: Any, allowed: tuple[str, ...], *path: Any
) -> Mapping[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise located.error("expected a mapping of names to values", *path)
    for key in data:
        if key not in allowed:
            import difflib

            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = (
                f" (did you mean {close[0]!r}?)"
                if close
                else f" (expected one of: {', '.join(allowed)})"
            )
            raise located.error(f"unknown key {key!r}{hint}", *path, key, KEY)
    return data


def theme_from_yaml(located: Located) -> Theme:
    """Validate a parsed theme file and build the Textual theme; ConfigError if it is wrong."""
    data = _mapping(located, located.data, TOP_KEYS)
    if not data:
        raise located.error("a theme file needs at least `name:` and `colors: {primary: ...}`")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise located.error("`name` must be the theme's name, a string", "name")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise located.error("`dark` must be true or false", "dark")
    spread = data.get("luminosity_spread", 0.15)
    if isinstance(spread, bool) or not isinstance(spread, int | float) or not 0 <= spread <= 1:
        raise located.error("`luminosity_spread` must be a number from 0 to 1", "luminosity_spread")

    colors = _mapping(located, data.get("colors"), COLOR_KEYS, "colors")
    if "primary" not in colors:
        raise located.error("`colors:` needs at least `primary`", "colors")
    base = {key: _color(located, value, "colors", key) for key, value in colors.items()}

    variables: dict[str, str] = {}
    highlights = _mapping(located, data.get("highlights"), HIGHLIGHT_KEYS, "highlights")
    for key, value in highlights.items():
        variables[f"sr-{key}"] = _color(located, value, "highlights", key)

    threat = data.get("threat")
    if threat is not None:
        if not isinstance(threat, list) or len(threat) != LEVELS:
            raise located.error(
                f"`threat` must list {LEVELS} colours, for levels 0 (cooperative) to 4 "
                "(armed conflict)",
                "threat",
            )
        for level, value in enumerate(threat):
            variables[f"sr-threat-{level}"] = _color(located, value, "threat", level)

    return Theme(
        name=name.strip(),
        primary=base["primary"],
        secondary=base.get("secondary"),
        accent=base.get("accent"),
        foreground=base.get("foreground"),
        background=base.get("background"),
        surface=base.get("surface"),
        panel=base.get("panel"),
        boost=base.get("boost"),
        success=base.get("success"),
        warning=base.get("warning"),
        error=base.get("error"),
        dark=dark,
        luminosity_spread=float(spread),
        variables=variables,
    )
