"""YAML with positions: safe loading that remembers where every value came from.

Config, theme, gazetteer and lexicon errors must point at `FILE:LINE:COL`, so values are
built from PyYAML's node tree (safe constructors only) while recording the mark of every
key and item. Duplicate keys, which `yaml.safe_load` silently lets win, are errors here.

PyYAML itself is imported only when a file has to be parsed (see `yamlparse.py`): files
read at every start (the config, the themes) come from a small parse cache instead,
which keeps the import off the dashboard's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.extractors.errors import ConfigError

Path_ = tuple[Any, ...]
#: Path suffix under which a mapping key's own position is stored.
KEY = "<key>"


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document and the 1-based (line, col) of each value, by path."""

    data: Any
    file: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, *path: Any) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one.

        End a path with `KEY` for the position of a mapping key rather than its value.
        """
        key: Path_ = tuple(path)
        while key not in self.marks and key:
            key = key[:-1]
        return self.marks.get(key, (1, 1))

    def error(self, message: str, *path: Any) -> ConfigError:
        line, col = self.where(*path)
        return ConfigError(message, self.file, line, col)


def parse_yaml(text: str, file: str) -> Located:
    """Parse one YAML document from `text`; errors are ConfigErrors naming `file`."""
    from sitroom.extractors.yamlparse import parse

    return parse(text, file)


def read_yaml(path: str | Path) -> Located:
    """Read and parse a YAML file; unreadable files are ConfigErrors too."""
    from sitroom.extractors import yamlcache

    name = str(path)
    found = yamlcache.entry(path)
    cached = yamlcache.get(found, name)
    if cached is not None:
        return cached
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", name) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (byte {exc.start})", name) from None
    except OSError as exc:
        raise ConfigError(exc.strerror or str(exc), name) from None
    located = parse_yaml(text, name)
    yamlcache.put(found, located)
    return located
