"""The built-in `timeline` extractor: every statement and dated event placed in time.

Design: quote dates are resolved once, by the quotes extractor, with this package's
`anchors` and `dates` modules (so `Quote.date` / `Quote.date_text` are set where quotes are
made, and the frozen `Quote` never needs changing). The timeline then lists one
`TimelineEntry(kind="quote", quote_index=i)` per quote, carrying the same date, and one
`kind="event"` entry per remaining date expression, for the clause it dates.

Entries are sorted by date, then by position in the article. An entry without a date sorts
as if dated on the publication day (news reports undated statements as current), or after
all dated entries when the article has no date; the entry's own `date` stays None.
"""

from __future__ import annotations

from sitroom.extractors.builtin.timeline.extractor import TimelineExtractor, TimelineOptions

__all__ = ["TimelineExtractor", "TimelineOptions"]
