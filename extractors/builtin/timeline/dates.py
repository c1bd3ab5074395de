"""Resolving date expressions against the article's publication date.

spaCy finds the expressions (DATE entities); this module cuts out the part that names a
time ("Wednesday, ending two years" -> "Wednesday"), handles what news style means but a
date library cannot know, and hands the rest to dateparser:

- a bare weekday is the most recent such day on or before publication ("Friday" in a
  Friday paper is that day), or the next one when the clause is in the future tense;
- "early/late/later/mid" and seasons ("earlier this spring", "early next year") resolve to
  the start (or middle, or end) of the period;
- "last/next/this week|month|year" resolve to the start of that period;
- with no publication date only expressions that carry a year are resolved.

Results are cached per process: the same few expressions recur in every article.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
FULL_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MOD = (
    r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of"
    r"|the\s+start\s+of)(?:\s+|-))?"
)
_REL = r"(?:last|next|this|coming|past|previous)"

#: The time-naming part of an expression, most specific patterns first.
CORE = re.compile(
    rf"""
    {_MOD}(?:
        (?P<month_date>(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)
            |(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?(?:,?\s+\d{{4}})?)
            |(?:(?:{MONTHS})\.?,?\s+\d{{4}})
            |(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}))
      | (?:(?:(?P<wrel>{_REL})\s+)?(?P<weekday>{_WD})(?![a-z])\.?
            (?:\s+(?:morning|afternoon|evening|night))?)
      | (?P<relday>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))
      | (?:(?P<prel>{_REL})\s+(?P<period>week|weekend|month|year|spring|summer|fall|autumn|winter))
      | (?P<ago>(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)
            \s+(?:days?|weeks?|months?|years?)\s+ago)
      | (?:(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<season_year>\d{{4}}))?)
      | (?P<month>{FULL_MONTHS})(?![a-z-])
      | (?P<year>(?:19|20)\d{{2}})(?!s|\d)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def find_core(text: str) -> re.Match[str] | None:
    """The first part of `text` that names a point in time, if any.

    Durations ("two years", "72 hours") and vague spans ("the coming days") name none.
    """
    for m in CORE.finditer(text):
        # "may" the verb, "march" the verb: a month standing alone needs its capital.
        if m.group("month") and not m.group("month")[0].isupper():
            continue
        return m
    return None


def _period_start(kind: str, base: dt.date, offset: int, mod: str | None) -> dt.date:
    if kind == "week":
        start = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        return start
    if kind == "weekend":
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7)
        if offset < 0:
            saturday -= dt.timedelta(weeks=1)
        elif offset > 0:
            saturday += dt.timedelta(weeks=1)
        return saturday
    if kind == "month":
        month = base.month - 1 + offset
        year = base.year + month // 12
        return _in_period(dt.date(year, month % 12 + 1, 1), "month", mod)
    return _in_period(dt.date(base.year + offset, 1, 1), "year", mod)


def _in_period(start: dt.date, kind: str, mod: str | None) -> dt.date:
    """The start, middle or end of a month, season or year, by its modifier."""
    # "earlier this spring", "later Friday": earlier or later than now, not a part of the
    # period, so they change nothing.
    if mod is None or mod.startswith(("earl", "the beginning", "the start", "later")):
        return start
    mid = mod == "mid"
    if kind == "month":
        return start.replace(day=15 if mid else 20)
    if kind == "season":
        month = start.month + (1 if mid else 2)
        return dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return start.replace(month=7 if mid else 10)  # a year


def _weekday(m: re.Match[str], base: dt.date, future: bool) -> dt.date:
    wd = WEEKDAYS[m.group("weekday").lower().rstrip(".")]
    rel = (m.group("wrel") or "").lower()
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return base - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return base + dt.timedelta(days=ahead or 7)
    if future:
        return base + dt.timedelta(days=ahead)
    return base - dt.timedelta(days=back)


def _season(name: str, base: dt.date, rel: str, future: bool, mod: str | None) -> dt.date:
    month = SEASONS[name.lower()]
    this_year = dt.date(base.year, month, 1)
    if rel in ("last", "past", "previous"):
        start = (
            this_year if this_year < base and month != 12 else this_year.replace(year=base.year - 1)
        )
        if this_year <= base:
            start = this_year.replace(year=base.year - 1)
    elif rel in ("next", "coming"):
        start = this_year if this_year > base else this_year.replace(year=base.year + 1)
    elif rel == "this":
        start = this_year
    elif future:
        start = this_year if this_year >= base else this_year.replace(year=base.year + 1)
    else:
        start = this_year if this_year <= base else this_year.replace(year=base.year - 1)
    return _in_period(start, "season", mod)


OFFSETS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}


def resolve(expression: str, published: dt.date | None, future: bool = False) -> dt.date | None:
    """The date `expression` names, seen from `published`; None when it names none."""
    m = find_core(expression)
    if m is None:
        return None
    return _resolve_core(m.group(0).lower().strip(), published, future)


@functools.lru_cache(maxsize=4096)
def _resolve_core(core: str, published: dt.date | None, future: bool) -> dt.date | None:
    m = CORE.fullmatch(core)
    if m is None:
        return None
    mod = m.group("mod")
    mod = " ".join(mod.split()) if mod else None
    if published is None:
        # Only a written year pins a date down without knowing when the article appeared.
        if not re.search(r"\b(?:19|20)\d{2}\b", core):
            return None
        if m.group("year"):
            return _in_period(dt.date(int(m.group("year")), 1, 1), "year", mod)
        if m.group("season"):
            return _in_period(
                dt.date(int(m.group("season_year")), SEASONS[m.group("season")], 1), "season", mod
            )
        return _dateparser(
            core[m.start("month_date") - m.start() :] if m.group("month_date") else core,
            None,
            future,
        )
    rel = (m.group("prel") or "").lower()
    if m.group("weekday"):
        return _weekday(m, published, future)
    if m.group("relday"):
        word = m.group("relday").lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return published + dt.timedelta(days=shift)
    period = (m.group("period") or "").lower()
    if period in SEASONS:
        return _season(period, published, rel, future, mod)
    if period:
        return _period_start(period, published, OFFSETS[rel], mod)
    if m.group("season"):
        if m.group("season_year"):
            start = dt.date(int(m.group("season_year")), SEASONS[m.group("season").lower()], 1)
            return _in_period(start, "season", mod)
        return _season(m.group("season"), published, "", future, mod)
    if m.group("year"):
        return _in_period(dt.date(int(m.group("year")), 1, 1), "year", mod)
    if m.group("ago"):
        return _dateparser(m.group("ago"), published, future, whole_days=True)
    text = m.group("month_date") or m.group("month")
    found = _dateparser(text, published, future)
    if found is not None and m.group("month") and mod:
        return _in_period(found.replace(day=1), "month", mod)
    return found


@functools.cache
def _parser() -> Any:
    import dateparser  # slow to import: only when an expression needs it

    return dateparser


def _dateparser(
    text: str, published: dt.date | None, future: bool, whole_days: bool = False
) -> dt.date | None:
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if not whole_days:  # "in April" is April 1; "two years ago" keeps the day
        settings["PREFER_DAY_OF_MONTH"] = "first"
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    found = _parser().parse(text, languages=["en"], settings=settings)
    return found.date() if found is not None else None


def warm_up() -> None:
    """Import dateparser and run it once: its first call builds its language data."""
    _dateparser("April 1", dt.date(2000, 1, 1), future=False)
