"""The bundled sample articles, opened when `sitroom` is started without paths."""

from sitroom.extractors.samples import sample_paths

__all__ = ["sample_paths"]
