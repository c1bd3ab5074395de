"""The bundled sample articles: the seed article and synthetic ones written for sitroom."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def sample_paths() -> list[str]:
    """The sample articles, in name order (the seed first)."""
    return sorted(
        str(entry)
        for entry in FOLDER.iterdir()
        if entry.is_file() and entry.suffix in {".txt", ".md"} and not entry.name.startswith("_")
    )
