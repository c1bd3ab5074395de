"""Bundled YAML themes, read with importlib.resources."""
