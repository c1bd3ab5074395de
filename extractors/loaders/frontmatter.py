"""YAML front matter at the top of a Markdown file."""

from __future__ import annotations

from typing import Any

from sitroom.extractors.errors import ArticleError, ConfigError
from sitroom.extractors.yamlfile import parse_yaml


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], str]:
    """(front matter, body). The body is what the article's offsets index."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        return {}, text
    header = text[4 : end + 1]
    body = text[end + 4 :].lstrip("\n")
    try:
        meta = parse_yaml(header, file).data
    except ConfigError as exc:
        # the header starts on line 2 of the file
        raise ArticleError(f"{file}:{exc.line + 1}", f"bad front matter: {exc.reason}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(file, "front matter must be a YAML mapping")
    return {str(k): v for k, v in meta.items()}, body
