"""Remembering the chosen theme in the user's config file without disturbing anything else.

The file is the user's: their comments, order and quoting stay as they wrote them. Only the
value of the top-level `theme:` key changes (found through YAML node positions, not a
regular expression), the result must still parse as a valid config before it replaces the
file, and the replacement is atomic.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from sitroom.extractors.atomic import write_atomic
from sitroom.extractors.config import Config, bundled_path, parse_config, user_config_path
from sitroom.extractors.errors import ConfigError, SitroomError
from sitroom.extractors.yamlfile import parse_yaml


def theme_target(config: Config) -> Path:
    """The file the theme is remembered in: the config in effect, unless that is the bundled
    default, which is never edited; then the user config (created from the default)."""
    return user_config_path() if config.is_bundled else Path(config.file)


def _scalar(name: str) -> str:
    """`name` as a YAML scalar, quoted only when it has to be."""
    dumped = yaml.safe_dump(name, default_flow_style=True, allow_unicode=True).strip()
    return dumped.removesuffix("\n...").strip()


def with_theme(text: str, name: str, file: str = "<config>") -> str:
    """`text` with its top-level `theme:` set to `name`; everything else byte for byte."""
    value = _scalar(name)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(
            f"cannot update the theme, the file is not valid YAML ({exc})", file
        ) from None
    if root is None:
        return f"{text}{'' if not text or text.endswith(chr(10)) else chr(10)}theme: {value}\n"
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("cannot update the theme: the config is not a mapping", file)
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == "theme":
            if not isinstance(value_node, yaml.ScalarNode):
                raise ConfigError("cannot update the theme: `theme:` is not a plain value", file)
            start, end = value_node.start_mark.index, value_node.end_mark.index
            if start == end:  # `theme:` with no value: put it right after the colon
                colon = text.index(":", key_node.end_mark.index) + 1
                return f"{text[:colon]} {value}{text[colon:]}"
            return f"{text[:start]}{value}{text[end:]}"
    if root.flow_style:
        raise ConfigError("cannot add `theme:` to a config written as a {flow} mapping", file)
    return f"{text}{'' if not text or text.endswith(chr(10)) else chr(10)}theme: {value}\n"


def remember_theme(config: Config, name: str) -> Path:
    """Write `name` into the user's config file; returns the file. Raises SitroomError."""
    target = theme_target(config)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = Path(bundled_path()).read_text(encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, UnicodeDecodeError) as exc:
        raise SitroomError(f"{target}: cannot read it to remember the theme ({exc})") from None
    updated = with_theme(text, name, str(target))
    if updated == text:
        return target
    parse_config(parse_yaml(updated, str(target)))  # never write a file that no longer loads
    try:
        write_atomic(target, updated, force=True)
    except OSError as exc:
        raise SitroomError(f"{target}: cannot write it ({exc})") from None
    return target
