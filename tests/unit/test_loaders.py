"""Loading articles from every supported format, and one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders import load_paths
from sitroom.extractors.model import Article

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "extractors" / "samples"


def load(*paths: str | Path) -> list[Article | ArticleError]:
    return list(load_paths([str(p) for p in paths]))


def only_article(*paths: str | Path) -> Article:
    (item,) = load(*paths)
    assert isinstance(item, Article), item
    return item


def test_txt_text_is_the_file_content_unchanged_and_the_first_line_is_the_title() -> None:
    seed = SAMPLES / "000_ed336b92c00c1c33.txt"
    article = only_article(seed)
    assert article.text == seed.read_text(encoding="utf-8")
    assert article.title.startswith("Blinken Tells Russia To Back Off")
    assert article.stem == "000_ed336b92c00c1c33"


def test_txt_reads_like_python_with_universal_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\r\n  Headline here\r\nBody line.\r\n")
    article = only_article(path)
    assert article.text == open(path, encoding="utf-8").read()  # noqa: SIM115
    assert article.title == "Headline here"


def test_markdown_front_matter_gives_title_date_source_and_url(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Talks resume\ndate: 2024-02-03\nsource: Wire\nurl: https://x.test/a\n"
        "tags: [diplomacy]\n---\n\nTalks resume\n\nThe talks resumed on Monday.\n",
        encoding="utf-8",
    )
    article = only_article(path)
    assert (article.title, article.published, article.source, article.url) == (
        "Talks resume",
        dt.date(2024, 2, 3),
        "Wire",
        "https://x.test/a",
    )
    assert article.text == "Talks resume\n\nThe talks resumed on Monday.\n"
    assert article.meta["tags"] == ["diplomacy"]


def test_markdown_with_broken_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    (error,) = load(path)
    assert isinstance(error, ArticleError)
    assert str(error).startswith(f"{path}:3: bad front matter:")


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = " ".join(["The foreign ministers met in Vienna and agreed to continue talks."] * 4)
    path.write_text(
        "<html><head><title>Ministers meet in Vienna</title>"
        '<meta property="article:published_time" content="2025-06-01">'
        '<meta property="og:site_name" content="Example News"></head><body>'
        "<nav>Home | World | Sports</nav>"
        f"<article><h1>Ministers meet in Vienna</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright Example News</footer></body></html>",
        encoding="utf-8",
    )
    article = only_article(path)
    assert article.title == "Ministers meet in Vienna"
    assert article.published == dt.date(2025, 6, 1)
    assert "agreed to continue talks" in article.text
    assert "Sports" not in article.text and "Copyright" not in article.text


def test_html_without_an_article_body_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (error,) = load(path)
    assert isinstance(error, ArticleError)
    assert "no article text found" in str(error)


def test_json_holds_one_article_or_a_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "text": "Body.", "published": "2024-01-02"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "First."}, {"body": "Second.", "headline": "H"}]))
    first = only_article(one)
    assert (first.title, first.published) == ("T", dt.date(2024, 1, 2))
    a, b = load(many)
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.text, b.text, b.title) == ("First.", "Second.", "H")
    assert (a.stem, b.stem) == ("many#1", "many#2")


def test_jsonl_bad_lines_are_errors_and_good_lines_still_load(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "One."}\n{broken\n{"title": "no text"}\n{"text": "Four."}\n')
    items = load(path)
    assert [type(i).__name__ for i in items] == [
        "Article",
        "ArticleError",
        "ArticleError",
        "Article",
    ]
    assert str(items[1]).startswith(f"{path}:2:2: invalid JSON")
    assert str(items[2]) == f"{path}:3: has no article text (expected a 'text' field)"


def test_directories_are_walked_recursively_in_order_skipping_hidden_and_unknown(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("A\n")
    (tmp_path / "b" / "c.md").write_text("C\n")
    (tmp_path / ".hidden" / "d.txt").write_text("D\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    titles = [a.title for a in load(tmp_path) if isinstance(a, Article)]
    assert titles == ["A", "C"]


def test_globs_expand_and_a_file_named_twice_loads_once(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name + "\n")
    items = load(tmp_path / "x*.txt", tmp_path / "x1.txt")
    assert [i.title for i in items if isinstance(i, Article)] == ["x1.txt", "x2.txt"]


def test_a_symlink_loop_does_not_hang_the_walk(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A\n")
    os.symlink(tmp_path, tmp_path / "real" / "loop")
    assert [a.title for a in load(tmp_path) if isinstance(a, Article)] == ["A"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "has only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a binary file, not text"),
        (b"caf\xe9 au lait\n", "is not UTF-8 text (invalid byte 0xe9 at offset 3)"),
    ],
    ids=["empty", "whitespace", "binary", "latin1"],
)
def test_unreadable_text_gets_one_line_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (error,) = load(path)
    assert isinstance(error, ArticleError)
    assert str(error).startswith(f"{path}: {message}")
    assert "\n" not in str(error)


def test_missing_paths_unsupported_types_and_empty_globs_are_errors(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    errors = load(tmp_path / "missing.txt", tmp_path / "x.pdf", tmp_path / "*.nothing")
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / 'x.pdf'}: unsupported file type '.pdf' (sitroom reads .htm, .html, .json, "
        ".jsonl, .markdown, .md, .ndjson, .text, .txt)",
        f"{tmp_path / '*.nothing'}: no files match this pattern",
    ]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("Good one\n")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_text("Good three\n")
    kinds = [type(i).__name__ for i in load(tmp_path)]
    assert kinds == ["Article", "ArticleError", "Article"]


def test_the_bundled_samples_all_load_with_dates_for_the_synthetic_ones() -> None:
    articles = [a for a in load(SAMPLES) if isinstance(a, Article)]
    assert len(articles) == 5
    assert articles[0].published is None  # the seed has no date
    assert all(a.published is not None for a in articles[1:])
    assert all(a.meta.get("synthetic") is True for a in articles[1:])


def test_a_bad_item_in_a_json_list_does_not_lose_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([{"text": "Talks resumed."}, 5, {"title": "no text"}]))
    items = load(path)
    assert isinstance(items[0], Article) and items[0].text == "Talks resumed."
    assert [str(e) for e in items[1:]] == [
        f"{path}#2: expected an article object, found int",
        f"{path}#3: has no article text (expected a 'text' field)",
    ]
