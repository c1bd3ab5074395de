"""YAML front matter at the top of a Markdown file."""

from __future__ import annotations

from typing import Any

from sitroom.extractors import yamlcache
from sitroom.extractors.errors import ArticleError, ConfigError
from sitroom.extractors.yamlfile import parse_yaml


def split_front_matter(
    text: str, file: str, cache: yamlcache.Entry | None = None
) -> tuple[dict[str, Any], str]:
    """(front matter, body). The body is what the article's offsets index.

    `cache` (from `yamlcache.entry(path, "front matter")`, taken before the file was read)
    lets a file opened before skip the YAML parser: the dashboard reads every title before
    its first frame.
    """
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        return {}, text
    header = text[4 : end + 1]
    body = text[end + 4 :].lstrip("\n")
    located = yamlcache.get(cache, file)
    if located is None:
        try:
            located = parse_yaml(header, file)
        except ConfigError as exc:
            # the header starts on line 2 of the file
            where = f"{file}:{exc.line + 1}"
            raise ArticleError(where, f"bad front matter: {exc.reason}") from None
        yamlcache.put(cache, located)
    meta = located.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(file, "front matter must be a YAML mapping")
    return {str(k): v for k, v in meta.items()}, body
