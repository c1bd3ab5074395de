"""The config file: where it is found, and the checks on its shape.

Looked up in this order: an explicit `--config FILE`, `$SITROOM_CONFIG`, `config.yaml` in
the platformdirs config dir, the bundled default. Every problem is a `ConfigError` reading
`FILE:LINE:COL: message`. Extractor options are checked against each extractor's own
`Options` when the pipeline is assembled (see `assemble.py`), still with positions.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.extractors.errors import ConfigError
from sitroom.extractors.yamlfile import KEY, Located, parse_yaml, read_yaml

ENV_VAR = "SITROOM_CONFIG"
CONFIG_VERSION = 1
BUNDLED_NAME = "default_config.yaml"

TOP_LEVEL_KEYS = ("version", "model", "extractors", "theme", "keymap", "cache")
EXTRACTOR_KEYS = ("use", "options", "enabled", "timeout")


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """One entry of the `extractors:` list, as written."""

    use: str
    index: int  # position in the list, to locate messages about it
    options: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True
    timeout: float | None = None


@dataclass(frozen=True, slots=True)
class Config:
    file: str
    located: Located
    model: str
    extractors: tuple[ExtractorSpec, ...]
    theme: str | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    cache: bool = True
    version: int = CONFIG_VERSION

    @property
    def is_bundled(self) -> bool:
        return self.file == bundled_path()

    def error(self, message: str, *path: Any) -> ConfigError:
        return self.located.error(message, *path)


def bundled_path() -> str:
    # next to this module: sitroom is installed as plain files (importlib.resources would
    # cost a millisecond of imports on every start for the same answer)
    return str(Path(__file__).with_name(BUNDLED_NAME))


def user_config_path() -> Path:
    from platformdirs import user_config_path as _user_config_path

    return _user_config_path("sitroom", appauthor=False) / "config.yaml"


def find_config(explicit: str | None = None) -> str:
    """The path of the config file in effect (see the module docstring for the order)."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return from_env
    user = user_config_path()
    if user.is_file():
        return str(user)
    return bundled_path()


def load_config(explicit: str | None = None) -> Config:
    path = find_config(explicit)
    return parse_config(read_yaml(path))


def config_from_text(text: str, file: str = "<config>") -> Config:
    return parse_config(parse_yaml(text, file))


def _unknown_key(located: Located, key: Any, allowed: tuple[str, ...], *path: Any) -> ConfigError:
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    hint = (
        f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(allowed)})"
    )
    return located.error(f"unknown key {key!r}{hint}", *path, key, KEY)


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def parse_config(located: Located) -> Config:
    data = located.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise located.error(f"the config must be a mapping, not {_type_name(data)}")
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise _unknown_key(located, key, TOP_LEVEL_KEYS)

    version = data.get("version", CONFIG_VERSION)
    if version != CONFIG_VERSION or isinstance(version, bool):
        raise located.error(
            f"unsupported config version {version!r} (this sitroom reads 1)", "version"
        )

    model = data.get("model", "en_core_web_sm")
    if not isinstance(model, str) or not model.strip():
        raise located.error("`model` must be the name of an installed spaCy pipeline", "model")

    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise located.error(f"`theme` must be a theme name, not {_type_name(theme)}", "theme")

    keymap = data.get("keymap", {}) or {}
    if not isinstance(keymap, dict):
        raise located.error(
            f"`keymap` must map binding ids to keys, not {_type_name(keymap)}", "keymap"
        )
    for binding, keys in keymap.items():
        if not isinstance(binding, str) or not isinstance(keys, str) or not keys.strip():
            raise located.error(
                f'keymap entry {binding!r} must be a binding id mapped to keys like "ctrl+n"',
                "keymap",
                binding,
            )

    cache = data.get("cache", True)
    if not isinstance(cache, bool):
        raise located.error(f"`cache` must be true or false, not {_type_name(cache)}", "cache")

    extractors = _parse_extractors(located, data.get("extractors", []))
    return Config(
        file=located.file,
        located=located,
        model=model.strip(),
        extractors=extractors,
        theme=theme,
        keymap=dict(keymap),
        cache=cache,
        version=version,
    )


def _parse_extractors(located: Located, raw: Any) -> tuple[ExtractorSpec, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise located.error(f"`extractors` must be a list, not {_type_name(raw)}", "extractors")
    specs: list[ExtractorSpec] = []
    for index, item in enumerate(raw):
        path = ("extractors", index)
        if isinstance(item, str):
            item = {"use": item}
        if not isinstance(item, dict):
            raise located.error(
                f"each extractor is a name or a mapping with `use:`, not {_type_name(item)}", *path
            )
        for key in item:
            if key not in EXTRACTOR_KEYS:
                raise _unknown_key(located, key, EXTRACTOR_KEYS, *path)
        use = item.get("use")
        if not isinstance(use, str) or not use.strip():
            raise located.error("this extractor needs `use:` with its name or module:Class", *path)
        options = item.get("options", {})
        if options is None:
            options = {}
        if not isinstance(options, dict):
            raise located.error(
                f"`options` must be a mapping, not {_type_name(options)}", *path, "options"
            )
        enabled = item.get("enabled", True)
        if not isinstance(enabled, bool):
            raise located.error(
                f"`enabled` must be true or false, not {_type_name(enabled)}", *path, "enabled"
            )
        timeout = item.get("timeout")
        if timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0
        ):
            raise located.error("`timeout` must be a positive number of seconds", *path, "timeout")
        specs.append(
            ExtractorSpec(
                use=use.strip(),
                index=index,
                options=options,
                enabled=enabled,
                timeout=float(timeout) if timeout is not None else None,
            )
        )
    return tuple(specs)
