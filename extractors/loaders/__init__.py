"""Loading articles from files, directories and globs.

`load_paths` yields an `Article` for every article found and an `ArticleError` for every
input that could not be read, in input order, so a caller reports the bad ones and goes on
with the rest. Nothing here raises for a bad file.
"""

from sitroom.extractors.loaders.discover import SUPPORTED_SUFFIXES, expand_paths, load_paths
from sitroom.extractors.loaders.files import load_file

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "load_file", "load_paths"]
