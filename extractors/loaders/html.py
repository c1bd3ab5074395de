"""HTML pages: main text and metadata through trafilatura, not regular expressions."""

from __future__ import annotations

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders.fields import article_from_mapping
from sitroom.extractors.model import Article

#: Fewer words than this after extraction means the page had no article body.
MIN_WORDS = 8


def extract_html(html: str, path: str) -> Article:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises several types on broken markup
        raise ArticleError(path, f"could not read the HTML: {exc}") from None
    if document is None:
        raise ArticleError(path, "no article text found in this HTML page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        # what is left is navigation or boilerplate, not an article
        raise ArticleError(path, "no article text found in this HTML page")
    title = (data.get("title") or "").strip()
    # Start the text with the headline, as in a .txt article, so the headline is analysed.
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    fields = {
        "text": text + ("\n" if not text.endswith("\n") else ""),
        "title": title,
        "date": data.get("date"),
        "source": data.get("sitename") or data.get("hostname") or "",
        "url": data.get("url") or "",
        "author": data.get("author"),
    }
    return article_from_mapping({k: v for k, v in fields.items() if v}, path)
