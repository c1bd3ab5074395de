"""The timeline extractor on the seed, with and without a publication date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.quotes import QuotesExtractor
from sitroom.extractors.builtin.timeline import TimelineExtractor
from sitroom.extractors.model import Article, QuotesResult, Results, TimelineEntry

if TYPE_CHECKING:
    from spacy.language import Language

FRIDAY = dt.date(2021, 12, 3)


def run(
    nlp: Language, text: str, published: dt.date | None
) -> tuple[QuotesResult, list[TimelineEntry]]:
    doc = nlp(text)
    article = Article(text=text, published=published)
    results = Results()
    quotes = QuotesExtractor().run(doc, article, results)
    results._set("quotes", quotes)
    return quotes, list(TimelineExtractor().run(doc, article, results).entries)


@pytest.fixture(scope="module")
def dated_seed(nlp: Language, seed_text: str) -> tuple[QuotesResult, list[TimelineEntry]]:
    return run(nlp, seed_text, FRIDAY)


def entry_with(text: str, entries: list[TimelineEntry], words: str) -> TimelineEntry:
    hits = [e for e in entries if words in e.span.text(text)]
    assert len(hits) == 1, f"{len(hits)} entries hold {words!r}"
    return hits[0]


def test_every_quote_has_exactly_one_entry(
    dated_seed: tuple[QuotesResult, list[TimelineEntry]],
) -> None:
    quotes, entries = dated_seed
    indexes = sorted(
        e.quote_index for e in entries if e.kind == "quote" and e.quote_index is not None
    )
    assert indexes == list(range(len(quotes.quotes)))


def test_statement_dated_by_the_weekday_on_its_cue(
    seed_text: str, dated_seed: tuple[QuotesResult, list[TimelineEntry]]
) -> None:
    quotes, entries = dated_seed
    e = entry_with(seed_text, entries, "arrangements have been made")
    assert (e.kind, e.date, e.date_text, e.actor) == ("quote", FRIDAY, "Friday", "Yuri Ushakov")
    assert e.date_span is not None and e.date_span.text(seed_text) == "Friday"
    # The quote itself carries the same date.
    assert e.quote_index is not None
    assert quotes.quotes[e.quote_index].date == FRIDAY
    # "..., adding that ..." shares the date of the verb it hangs on.
    added = entry_with(seed_text, entries, "the date will be announced")
    assert added.date == FRIDAY


def test_dated_events_keep_their_expression(
    seed_text: str, dated_seed: tuple[QuotesResult, list[TimelineEntry]]
) -> None:
    _, entries = dated_seed
    events = {e.date_text: e for e in entries if e.kind == "event"}
    assert events["later Friday"].date == FRIDAY
    assert "intelligence report made public" in events["later Friday"].summary
    assert events["early next year"].date == dt.date(2022, 1, 1)
    assert events["in April"].date == dt.date(2021, 4, 1)
    warning = entry_with(seed_text, entries, "to stay away from Ukraine")
    assert (warning.date, warning.date_text) == (dt.date(2021, 12, 2), "on Thursday")


def test_entries_sorted_by_date_then_article_order(
    dated_seed: tuple[QuotesResult, list[TimelineEntry]],
) -> None:
    _, entries = dated_seed
    keys = [(e.date or FRIDAY, e.order) for e in entries]
    assert keys == sorted(keys)
    assert sorted(e.order for e in entries) == list(range(len(entries)))
    assert entries[0].date_text == "earlier this spring"
    assert entries[-1].date_text == "early next year"


def test_without_publication_date_everything_keeps_article_order(
    nlp: Language, seed_text: str
) -> None:
    quotes, entries = run(nlp, seed_text, None)
    assert all(e.date is None for e in entries)
    assert [e.order for e in entries] == list(range(len(entries)))
    # The expressions are still shown.
    assert {"on Thursday", "later Friday", "early next year"} <= {e.date_text for e in entries}
    assert all(q.date is None for q in quotes.quotes)


def test_future_tense_moves_a_weekday_forward(nlp: Language) -> None:
    text = "The foreign ministers will meet on Tuesday in Vienna, the ministry said."
    _, entries = run(nlp, text, FRIDAY)
    (event,) = [e for e in entries if e.kind == "event"]
    assert (event.date, event.date_text) == (dt.date(2021, 12, 7), "on Tuesday")


def test_runs_without_a_quotes_result(nlp: Language) -> None:
    text = "The ministers met on Tuesday in Vienna."
    doc = nlp(text)
    entries = TimelineExtractor().run(doc, Article(text=text, published=FRIDAY), Results()).entries
    assert [(e.kind, e.date_text, e.date) for e in entries] == [
        ("event", "on Tuesday", dt.date(2021, 11, 30))
    ]
