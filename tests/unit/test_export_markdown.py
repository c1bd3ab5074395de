"""The Markdown report of an analysis (`sitroom analyze --format markdown`, `e` exports)."""

from __future__ import annotations

import datetime as dt

from sitroom.extractors.export import to_markdown
from sitroom.extractors.model import Analysis, Article, Span, TimelineEntry, TimelineResult

TEXT = (
    "Talks resume\n\nThe envoy said on Thursday that talks would resume. "
    "Troops left later Friday.\n"
)


def report(*entries: TimelineEntry, published: dt.date | None = None) -> str:
    article = Article(text=TEXT, path="talks.txt", title="Talks resume", published=published)
    analysis = Analysis(article.id, "c", results={"timeline": TimelineResult(entries)})
    return to_markdown(article, analysis)


def timeline_lines(markdown: str) -> list[str]:
    section = markdown.split("## Timeline\n\n", 1)[1]
    return section.split("\n\n", 1)[0].splitlines()


def test_a_timeline_line_names_the_speaker_once() -> None:
    said = TimelineEntry(
        "quote", Span(50, 69), "The envoy: that talks would resume", actor="The envoy", order=0
    )
    assert timeline_lines(report(said)) == ["- undated — The envoy: that talks would resume"]


def test_a_timeline_line_keeps_the_date_expression_it_was_resolved_from() -> None:
    dated = TimelineEntry(
        "event",
        Span(71, 83),
        "Troops left later Friday.",
        date=dt.date(2021, 12, 3),
        date_text="later Friday",
        order=1,
    )
    undated = TimelineEntry(
        "event", Span(71, 83), "Troops left later Friday.", date_text="later Friday", order=2
    )
    assert timeline_lines(report(dated, undated)) == [
        "- 2021-12-03 (later Friday) — Troops left later Friday.",
        "- undated (later Friday) — Troops left later Friday.",
    ]
