"""YAML with positions: safe loading that remembers where every value came from.

Config, theme, gazetteer and lexicon errors must point at `FILE:LINE:COL`, so values are
built from PyYAML's node tree (safe constructors only) while recording the mark of every
key and item. Duplicate keys, which `yaml.safe_load` silently lets win, are errors here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitroom.extractors.errors import ConfigError

try:  # the C parser is several times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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


_PLAIN_COLLECTIONS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.marks[path] = _mark(node)
        if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS:
            # safe loading: a tag such as !!python/object never builds anything
            raise ConfigError(f"unsupported YAML tag {node.tag!r}", self.file, *_mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:merge" or not isinstance(node, yaml.ScalarNode):
            raise ConfigError("unsupported YAML construct", self.file, *_mark(node))
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError as exc:
            raise ConfigError(_problem(exc), self.file, *_mark(node)) from None

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ConfigError("YAML merge keys (<<) are not supported", self.file, *key_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError("a key must be a plain value", self.file, *key_mark)
            key = self.constructor.construct_object(key_node)
            if key in out:
                first = self.marks[(*path, key, KEY)][0]
                raise ConfigError(
                    f"duplicate key {key!r} (first set on line {first})", self.file, *key_mark
                )
            # a key's own position is kept apart from its value's: "unknown key" points
            # at the key, "wrong type" at the value
            self.marks[(*path, key, KEY)] = key_mark
            out[key] = self.build(value_node, (*path, key))
        return out


def _problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        return f"{problem} ({context} at line {context_mark.line + 1})"
    return f"{problem} ({context})" if context else str(problem)


def parse_yaml(text: str, file: str) -> Located:
    """Parse one YAML document from `text`; errors are ConfigErrors naming `file`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ConfigError(f"invalid YAML: {_problem(exc)}", file, line, col) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {_problem(exc)}", file) from None
    if node is None:
        return Located(None, file, {(): (1, 1)})
    builder = _Builder(file)
    data = builder.build(node, ())
    return Located(data, file, builder.marks)


def read_yaml(path: str | Path) -> Located:
    """Read and parse a YAML file; unreadable files are ConfigErrors too."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", name) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (byte {exc.start})", name) from None
    except OSError as exc:
        raise ConfigError(exc.strerror or str(exc), name) from None
    return parse_yaml(text, name)
