"""From what the user typed (files, directories, globs) to the files to load."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders.files import LOADERS, load_file
from sitroom.extractors.model import Article

SUPPORTED_SUFFIXES = frozenset(LOADERS)
_GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | ArticleError]:
    """Every file the inputs name, once each; errors for inputs that name nothing."""
    seen: set[str] = set()
    for raw in paths:
        text = os.fspath(raw)
        path = Path(text).expanduser()
        if path.is_dir():
            yield from _walk(path, seen)
        elif path.exists() or path.is_symlink():
            key = _key(path)
            if key not in seen:
                seen.add(key)
                yield path
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            if not matches:
                yield ArticleError(text, "no files match this pattern")
            for match in matches:
                found = Path(match)
                if found.is_dir():
                    yield from _walk(found, seen)
                elif _key(found) not in seen and found.suffix.lower() in SUPPORTED_SUFFIXES:
                    seen.add(_key(found))
                    yield found
        else:
            yield ArticleError(text, "no such file or directory")


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop cannot be resolved
        return str(path.absolute())


def _walk(root: Path, seen: set[str]) -> Iterator[Path | ArticleError]:
    """Supported files under `root`, sorted, skipping hidden entries and symlink loops."""
    visited_dirs: set[str] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        real = _key(directory)
        if real in visited_dirs:
            continue  # a symlink back up the tree
        visited_dirs.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield ArticleError(str(directory), f"cannot list directory: {exc.strerror or exc}")
            continue
        subdirs: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(path)
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                key = _key(path)
                if key not in seen:
                    seen.add(key)
                    yield path
        stack.extend(reversed(subdirs))


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | ArticleError]:
    """Articles from files, directories (recursively) and globs, in order; errors inline."""
    for item in expand_paths(paths):
        if isinstance(item, ArticleError):
            yield item
        else:
            yield from load_file(item)
