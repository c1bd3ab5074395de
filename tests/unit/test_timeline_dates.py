"""Resolving date expressions against a fixed publication date (a Friday)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.extractors.builtin.timeline.dates import find_core, resolve

FRIDAY = dt.date(2021, 12, 3)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Friday", FRIDAY),  # the publication day itself, not a week earlier
        ("on Thursday", dt.date(2021, 12, 2)),
        ("later Friday", FRIDAY),
        ("Monday", dt.date(2021, 11, 29)),
        ("last Friday", dt.date(2021, 11, 26)),
        ("Wednesday night", dt.date(2021, 12, 1)),
        ("early next year", dt.date(2022, 1, 1)),
        ("late 2015", dt.date(2015, 10, 1)),
        ("mid-2016", dt.date(2016, 7, 1)),
        ("in April", dt.date(2021, 4, 1)),
        ("last week", dt.date(2021, 11, 22)),
        ("last month", dt.date(2021, 11, 1)),
        ("earlier this spring", dt.date(2021, 3, 1)),
        ("yesterday", dt.date(2021, 12, 2)),
        ("two years ago", dt.date(2019, 12, 3)),
        ("Sept. 11", dt.date(2021, 9, 11)),
        ("March 2015", dt.date(2015, 3, 1)),
        ("Dec. 25, 2020", dt.date(2020, 12, 25)),
    ],
)
def test_past_reading_against_publication(expression: str, expected: dt.date) -> None:
    assert resolve(expression, FRIDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Thursday", dt.date(2021, 12, 9)),
        ("in April", dt.date(2022, 4, 1)),
        ("next Monday", dt.date(2021, 12, 6)),
        ("next month", dt.date(2022, 1, 1)),
    ],
)
def test_future_tense_points_forward(expression: str, expected: dt.date) -> None:
    assert resolve(expression, FRIDAY, future=True) == expected


@pytest.mark.parametrize("expression", ["Friday", "later Friday", "last week", "in April"])
def test_without_publication_date_relative_expressions_stay_unresolved(expression: str) -> None:
    assert resolve(expression, None) is None


def test_without_publication_date_a_written_year_still_resolves() -> None:
    assert resolve("Sept. 11, 2001", None) == dt.date(2001, 9, 11)
    assert resolve("in 1999", None) == dt.date(1999, 1, 1)


@pytest.mark.parametrize(
    "expression", ["two years", "72 hours", "the coming days", "may", "Mar-a-Lago"]
)
def test_durations_and_lookalikes_name_no_date(expression: str) -> None:
    assert find_core(expression) is None


def test_core_is_cut_out_of_a_longer_entity() -> None:
    m = find_core("Wednesday, ending two years")
    assert m is not None and m.group(0) == "Wednesday"
