"""Writing output files atomically, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from sitroom.extractors.errors import SitroomError


@contextlib.contextmanager
def open_output(path: str | None, *, force: bool = False) -> Iterator[TextIO]:
    """stdout when `path` is None or "-"; otherwise a temporary file renamed into place on
    success, so a reader never sees half a file and a failure leaves the old one intact."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.exists() and not force:
        raise SitroomError(f"{path}: already exists (use --force to overwrite)")
    if target.is_dir():
        raise SitroomError(f"{path}: is a directory")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise SitroomError(f"{path}: the folder {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SitroomError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | Path, content: str, *, force: bool = False) -> None:
    with open_output(str(path), force=force) as handle:
        handle.write(content)
