"""One loader per file type. Each returns Articles or raises ArticleError naming the file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sitroom.extractors import yamlcache
from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders.fields import article_from_mapping, first_line_title
from sitroom.extractors.loaders.frontmatter import split_front_matter
from sitroom.extractors.model import Article

#: Larger inputs are refused rather than freezing everything (about 20 novels of text).
MAX_BYTES = 50 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file as text, as Python reads it with UTF-8 and universal newlines."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArticleError(str(path), "no such file (was it deleted?)") from None
    except OSError as exc:
        raise ArticleError(str(path), exc.strerror or str(exc)) from None
    if size > MAX_BYTES:
        raise ArticleError(str(path), f"too large ({size // (1024 * 1024)} MB; the limit is 50 MB)")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(str(path), "no such file (was it deleted?)") from None
    except PermissionError:
        raise ArticleError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(str(path), "is a directory") from None
    except OSError as exc:
        raise ArticleError(str(path), exc.strerror or str(exc)) from None
    if b"\x00" in raw[:8192]:
        raise ArticleError(str(path), "looks like a binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            str(path),
            f"is not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. with iconv",
        ) from None
    # Universal newlines, exactly as open(path, encoding="utf-8").read() would give.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff")


def _require_text(path: Path, text: str) -> None:
    if not text.strip():
        raise ArticleError(str(path), "is empty" if not text else "has only whitespace")


def load_txt(path: Path) -> list[Article]:
    text = read_text(path)
    _require_text(path, text)
    return [Article(text=text, path=str(path), title=first_line_title(text))]


def load_markdown(path: Path) -> list[Article]:
    cache = yamlcache.entry(path, "front matter")  # before reading: see yamlcache.entry
    raw = read_text(path)
    meta, body = split_front_matter(raw, str(path), cache)
    _require_text(path, body)
    return [article_from_mapping({**meta, "text": body}, str(path), title_from_text=True)]


def load_html(path: Path) -> list[Article]:
    raw = read_text(path)
    _require_text(path, raw)
    from sitroom.extractors.loaders.html import extract_html

    return [extract_html(raw, str(path))]


def load_json(path: Path) -> Iterator[Article | ArticleError]:
    """One article object, or a list of them; a bad item is its own error."""
    raw = read_text(path)
    _require_text(path, raw)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{path}:{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}") from None
    items: list[Any] = data if isinstance(data, list) else [data]
    if not items:
        raise ArticleError(str(path), "holds an empty list, no articles")
    many = len(items) > 1
    for i, item in enumerate(items):
        name = f"{path}#{i + 1}" if many else str(path)
        try:
            yield article_from_mapping(item, name)
        except ArticleError as exc:
            yield exc


def load_jsonl(path: Path) -> Iterator[Article | ArticleError]:
    """One article per line; a bad line is its own error and the other lines still load."""
    raw = read_text(path)
    _require_text(path, raw)
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleError(f"{where}:{exc.colno}", f"invalid JSON: {exc.msg}")
            continue
        try:
            yield article_from_mapping(item, f"{path}#{number}", where=where)
        except ArticleError as exc:
            yield exc


Loader = Callable[[Path], "list[Article] | Iterator[Article | ArticleError]"]

LOADERS: dict[str, Loader] = {
    ".txt": load_txt,
    ".text": load_txt,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".json": load_json,
    ".jsonl": load_jsonl,
    ".ndjson": load_jsonl,
}


def load_file(path: Path) -> Iterator[Article | ArticleError]:
    """The articles in one file; errors are yielded, never raised."""
    loader = LOADERS.get(path.suffix.lower(), load_txt if not path.suffix else None)
    if loader is None:
        yield ArticleError(
            str(path),
            f"unsupported file type {path.suffix!r} (sitroom reads {', '.join(sorted(LOADERS))})",
        )
        return
    try:
        yield from loader(path)
    except ArticleError as exc:
        yield exc
    except RecursionError:
        yield ArticleError(str(path), "is nested too deeply to read")
