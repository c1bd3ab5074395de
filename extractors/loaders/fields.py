"""Building an Article from loose metadata (front matter, JSON objects, HTML metadata)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.model import Article

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "date_publish", "pubdate", "published_at", "datetime")
SOURCE_KEYS = ("source", "publisher", "outlet", "sitename", "site")
URL_KEYS = ("url", "link", "href")


def first_line_title(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:300]
    return ""


def parse_date(value: Any) -> dt.date | None:
    """A publication date from the usual spellings; None when it cannot be read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text[:30], fmt).date()
        except ValueError:
            continue
    return None


def _pick(data: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in data and data[key] not in (None, ""):
            return data[key]
    return None


def article_from_mapping(
    data: Any, path: str, *, where: str | None = None, title_from_text: bool = True
) -> Article:
    where = where or path
    if not isinstance(data, Mapping):
        raise ArticleError(where, f"expected an article object, found {type(data).__name__}")
    text = _pick(data, TEXT_KEYS)
    if not isinstance(text, str):
        raise ArticleError(where, f"has no article text (expected a {TEXT_KEYS[0]!r} field)")
    if not text.strip():
        raise ArticleError(where, "has an empty article text")
    title = _pick(data, TITLE_KEYS)
    if not isinstance(title, str) or not title.strip():
        title = first_line_title(text) if title_from_text else ""
    raw_date = _pick(data, DATE_KEYS)
    source = _pick(data, SOURCE_KEYS)
    url = _pick(data, URL_KEYS)
    used = {*TEXT_KEYS, *TITLE_KEYS, *DATE_KEYS, *SOURCE_KEYS, *URL_KEYS}
    meta = {str(k): v for k, v in data.items() if k not in used}
    if raw_date is not None and parse_date(raw_date) is None:
        meta["unparsed_date"] = str(raw_date)
    return Article(
        text=text,
        path=path,
        title=str(title).strip(),
        source=str(source) if source is not None else "",
        published=parse_date(raw_date),
        url=str(url) if url is not None else "",
        meta=meta,
    )
