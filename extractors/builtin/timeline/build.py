"""Timeline entries: one per quote, one per remaining dated clause, in date order.

Imported on the first run (or by `load()`), never when the extractor class is built: see
`extractor.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.timeline.anchors import (
    DateMention,
    date_mentions,
    date_statements,
    doc_text,
)
from sitroom.extractors.builtin.timeline.events import clause_range, event_actor, summarize
from sitroom.extractors.model import ActorsResult, Quote, Span, TimelineEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc


def entries(
    doc: Doc,
    published: dt.date | None,
    quotes: tuple[Quote, ...],
    actors: ActorsResult | None,
    events: bool,
    summary_chars: int,
) -> list[TimelineEntry]:
    """Every entry of the article's timeline, sorted by date, then position."""
    mentions = date_mentions(doc, published)
    dated = date_statements(doc, published, [(q.cue, q.content) for q in quotes])
    found = _quote_entries(doc_text(doc), quotes, dated, summary_chars)
    if events:
        used = {(m.start, m.end) for m in dated if m is not None}
        found += _event_entries(doc, mentions, used, actors, summary_chars)
    return _ordered(found, published)


def _quote_entries(
    text: str, quotes: tuple[Quote, ...], dated: list[DateMention | None], summary_chars: int
) -> list[TimelineEntry]:
    out = []
    for i, (q, m) in enumerate(zip(quotes, dated, strict=True)):
        said = " … ".join(" ".join(s.text(text).split()) for s in q.content)
        who = q.speaker or "unattributed"
        out.append(
            TimelineEntry(
                kind="quote",
                span=q.extent,
                summary=summarize(f"{who}: {said}", summary_chars),
                actor=q.speaker,
                date=q.date if q.date is not None else (m.date if m else None),
                date_text=q.date_text or (m.text if m else None),
                date_span=Span(m.start, m.end) if m else None,
                quote_index=i,
            )
        )
    return out


def _event_entries(
    doc: Doc,
    mentions: list[DateMention],
    used: set[tuple[int, int]],
    actors: ActorsResult | None,
    summary_chars: int,
) -> list[TimelineEntry]:
    """One event per verb that a date expression (not already dating a quote) modifies."""
    seen_verbs: set[int] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) in used or m.governor is None or m.governor in seen_verbs:
            continue
        seen_verbs.add(m.governor)
        verb = doc[m.governor]
        start, end = clause_range(doc, verb)
        if end <= start:
            continue
        out.append(
            TimelineEntry(
                kind="event",
                span=Span(start, end),
                summary=summarize(doc_text(doc)[start:end], summary_chars),
                actor=event_actor(doc, verb, actors),
                date=m.date,
                date_text=m.text,
                date_span=Span(m.start, m.end),
            )
        )
    return out


def _ordered(found: list[TimelineEntry], published: dt.date | None) -> list[TimelineEntry]:
    """Numbered by position in the article, then sorted by date (undated: see extractor)."""
    by_position = sorted(found, key=lambda e: (e.span.start, e.span.end))
    ranked = [replace(e, order=k) for k, e in enumerate(by_position)]
    fallback = published or dt.date.max
    return sorted(ranked, key=lambda e: (e.date or fallback, e.order))
