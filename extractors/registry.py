"""Finding extractor classes: by name through entry points, or by an explicit import path.

Built-ins are registered through the same entry point group as third-party plugins
(`sitroom.extractors` in pyproject.toml), so they get no special treatment. Listing names
imports nothing; only the extractors a config names are imported.
"""

from __future__ import annotations

import difflib
import importlib
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from sitroom.extractors.errors import SitroomError

GROUP = "sitroom.extractors"

#: The built-ins, also reachable when sitroom runs from a source tree without its metadata.
BUILTINS: dict[str, str] = {
    "actors": "sitroom.extractors.builtin.actors:ActorsExtractor",
    "quotes": "sitroom.extractors.builtin.quotes:QuotesExtractor",
    "timeline": "sitroom.extractors.builtin.timeline:TimelineExtractor",
    "threat": "sitroom.extractors.builtin.threat:ThreatExtractor",
}


class UnknownExtractor(SitroomError):
    pass


@cache
def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def names() -> list[str]:
    """Every extractor name that `use:` accepts, without importing any of them."""
    return sorted(set(BUILTINS) | set(_entry_points()))


def is_import_path(use: str) -> bool:
    return ":" in use


def suggest(use: str) -> str:
    close = difflib.get_close_matches(use, names(), n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (known: {', '.join(names())})"


def load(use: str) -> type[Any]:
    """The extractor class for a `use:` value: a registered name or `module:Class`."""
    if is_import_path(use):
        return _import_path(use)
    if use in BUILTINS:
        try:
            return _import_path(BUILTINS[use])
        except SitroomError as exc:
            raise SitroomError(f"built-in extractor {use!r} is broken: {exc}") from exc
    entry = _entry_points().get(use)
    if entry is None:
        raise UnknownExtractor(f"extractor {use!r} is unknown{suggest(use)}")
    try:
        loaded = entry.load()
    except Exception as exc:  # a broken plugin distribution must not crash sitroom
        raise SitroomError(
            f"extractor {use!r} (from {entry.value}) failed to import: {_one_line(exc)}"
        ) from exc
    return _check_class(loaded, use)


def _import_path(path: str) -> type[Any]:
    module_name, _, attr = path.partition(":")
    if not module_name or not attr:
        raise UnknownExtractor(f"extractor {path!r}: expected 'module:Class'")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise UnknownExtractor(f"extractor {path!r}: no module named {exc.name!r}") from None
        raise SitroomError(f"extractor {path!r} failed to import: {_one_line(exc)}") from exc
    except Exception as exc:
        raise SitroomError(f"extractor {path!r} failed to import: {_one_line(exc)}") from exc
    target: Any = module
    for part in attr.split("."):
        target = getattr(target, part, None)
        if target is None:
            raise UnknownExtractor(f"extractor {path!r}: {module_name} has no {attr!r}")
    return _check_class(target, path)


def _check_class(obj: Any, use: str) -> type[Any]:
    if not isinstance(obj, type):
        raise SitroomError(f"extractor {use!r} is not a class")
    if not isinstance(getattr(obj, "name", None), str) or not callable(getattr(obj, "run", None)):
        raise SitroomError(f"extractor {use!r} needs a `name` string and a `run` method")
    return obj


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
