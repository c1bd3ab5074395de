"""A cache of parsed YAML files, so that files read at every start skip PyYAML.

The dashboard reads its config and themes before the first frame; importing PyYAML and
parsing them costs more than the rest of that work. A file that parsed cleanly is stored
(values and positions) with `marshal` under the user cache dir, keyed by its path and
checked against its size and modification time, so an edited file is parsed afresh. Any
trouble here just means parsing again: the cache can never change what a file means.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

from sitroom.extractors.yamlfile import Located

FORMAT = 1
_PLAIN = (str, int, float, bool, type(None))
_enabled = True


def disable() -> None:
    """Neither read nor write parsed files from now on (`--no-cache` leaves the cache
    directory alone)."""
    global _enabled
    _enabled = False


def _directory() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("sitroom", appauthor=False) / "parsed-yaml"


Entry = tuple[Path, tuple[int, int]]


def entry(path: str | os.PathLike[str], part: str = "") -> Entry | None:
    """Where the parse of `path` (or of its `part`, e.g. a Markdown file's front matter) is
    kept, and the file's (mtime, size) now. Take it *before* reading the file, so a file
    changed while it is parsed is never stored under its new stamp."""
    if not _enabled:
        return None
    try:
        real = os.path.realpath(path)
        info = os.stat(real)
    except OSError:
        return None
    key = f"{real}\0{part}".encode("utf-8", "surrogatepass")
    name = f"{Path(real).name}.{zlib.crc32(key):08x}"
    return _directory() / name, (info.st_mtime_ns, info.st_size)


def get(found: Entry | None, name: str) -> Located | None:
    """The cached parse for `found`, if it is still current."""
    if found is None:
        return None
    where, stamp = found
    try:
        stored = marshal.loads(where.read_bytes())
        if stored[0] != FORMAT or tuple(stored[1]) != stamp:
            return None
        data, marks = _thaw(stored[2]), stored[3]
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return None
    return Located(data, name, {tuple(p): (line, col) for p, line, col in marks})


def put(found: Entry | None, located: Located) -> None:
    if not _storable(located.data) or not all(
        isinstance(key_part, str | int) for key in located.marks for key_part in key
    ):
        return  # odd keys or values: keep parsing this one every time
    if found is None:
        return
    where, stamp = found
    marks = [(list(key), line, col) for key, (line, col) in located.marks.items()]
    blob = marshal.dumps((FORMAT, stamp, _freeze(located.data), marks))
    with contextlib.suppress(OSError):
        where.parent.mkdir(parents=True, exist_ok=True)
        temporary = where.with_name(f".{where.name}.{os.getpid()}")
        temporary.write_bytes(blob)
        os.replace(temporary, where)


def _storable(value: Any) -> bool:
    if isinstance(value, (*_PLAIN, dt.date)):
        return True
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str | int) and _storable(v) for k, v in value.items())
    return False


# YAML gives dates and datetimes; marshal has neither, and YAML data has no tuples, so a
# tagged tuple stands for a date unambiguously.
_DATE, _DATETIME = "__date__", "__datetime__"


def _freeze(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return (_DATETIME, value.isoformat())
    if isinstance(value, dt.date):
        return (_DATE, value.isoformat())
    if isinstance(value, list):
        return [_freeze(item) for item in value]
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2:
        if value[0] == _DATETIME:
            return dt.datetime.fromisoformat(value[1])
        if value[0] == _DATE:
            return dt.date.fromisoformat(value[1])
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    return value
