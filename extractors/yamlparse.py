"""Parsing YAML into a `Located` document (values plus the position of each one).

Values are built from PyYAML's node tree with the safe constructors only, recording the
mark of every key and item; duplicate keys are errors. Imported only when a file has to
be parsed (see `yamlfile.read_yaml`).
"""

from __future__ import annotations

from typing import Any

import yaml

from sitroom.extractors.errors import ConfigError
from sitroom.extractors.yamlfile import KEY, Located, Path_

try:  # the C parser is several times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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
        return self._construct(node)

    def _construct(self, node: yaml.ScalarNode) -> Any:
        """A scalar's value; PyYAML's errors (an unknown tag, "0b_" read as a binary
        number) become located ConfigErrors."""
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError as exc:
            raise ConfigError(_problem(exc), self.file, *_mark(node)) from None
        except ValueError:
            raise ConfigError(
                f"not a valid value: {node.value!r}", self.file, *_mark(node)
            ) from None

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_mark = _mark(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ConfigError("YAML merge keys (<<) are not supported", self.file, *key_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError("a key must be a plain value", self.file, *key_mark)
            key = self._construct(key_node)
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


def parse(text: str, file: str) -> Located:
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
