"""Quotation-mark scanning: curly, straight and doubled marks, and marks gone astray."""

from __future__ import annotations

from sitroom.extractors.builtin.quotes.marks import find_regions


def quoted(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_regions(text)]


def test_curly_straight_and_doubled_marks_all_delimit_quotes() -> None:
    text = "“One two,” he said. \"Three four,\" she said. ''Five six,'' they said."
    assert quoted(text) == ["“One two,”", '"Three four,"', "''Five six,''"]


def test_lone_closing_mark_at_paragraph_end_is_ignored() -> None:
    text = "Officials fear an invasion.”\n\n“We are ready,” he said."
    assert quoted(text) == ["“We are ready,”"]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = "“We will stay here for as long as it takes\n\nThe talks ended."
    regions = find_regions(text)
    assert [text[r.start : r.end] for r in regions] == [
        "“We will stay here for as long as it takes"
    ]
    assert regions[0].closed is False


def test_apostrophes_inside_words_do_not_open_quotes() -> None:
    text = "Russia’s envoy said the U.S.’ plan wasn't new."
    assert quoted(text) == []


def test_inner_range_drops_marks_and_blanks() -> None:
    text = "He said “ we will act ” today."
    (region,) = find_regions(text)
    s, e = region.inner(text)
    assert text[s:e] == "we will act"


def test_closing_mark_opening_a_paragraph_stands_for_an_opening_mark() -> None:
    text = "Readers wrote in.\n\n”The bus never came. We waited an hour.” ― Ana Ruiz, Leeds"
    assert quoted(text) == ["”The bus never came. We waited an hour.”"]
