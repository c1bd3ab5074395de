"""Bundled YAML themes (sitroom-dark, sitroom-light, sitroom-contrast)."""

from pathlib import Path

#: The folder holding the bundled theme files (plain files: sitroom is never zipped).
FOLDER = Path(__file__).parent
