"""The bundled sample articles, opened when `sitroom` is started without paths."""

from __future__ import annotations

from importlib.resources import files


def sample_paths() -> list[str]:
    root = files("sitroom.extractors.samples")
    return sorted(
        str(entry)
        for entry in root.iterdir()
        if entry.is_file() and not entry.name.startswith(("_", "."))
    )
