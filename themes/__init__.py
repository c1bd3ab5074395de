"""Bundled YAML themes, read with importlib.resources (see sitroom.tui.themes)."""
