"""Which characters of an article get which highlight, in a form fast to query per line.

Each highlight kind is a *layer*: sorted, merged, non-overlapping intervals. Rendering a
screen line asks each layer for the pieces inside that line (two bisects), so the cost of
drawing does not depend on the article's length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from sitroom.extractors.model import ActorsResult, Analysis, Article, QuotesResult, Span, Threat

#: Drawing order: later layers are drawn over earlier ones.
LAYERS = ("quote", "evidence", "actor", "selected", "match", "current")


class Layer:
    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def within(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The parts of this layer inside `[start, end)`."""
        i = bisect_right(self.ends, start)
        starts, ends = self.starts, self.ends
        while i < len(starts) and starts[i] < end:
            yield max(starts[i], start), min(ends[i], end)
            i += 1


def pieces(
    start: int, end: int, layers: dict[str, Layer]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """`[start, end)` cut where any layer starts or stops, each piece with its layers."""
    found: list[tuple[str, int, int]] = []
    cuts = {start, end}
    for name in LAYERS:
        layer = layers.get(name)
        if not layer:
            continue
        for a, b in layer.within(start, end):
            found.append((name, a, b))
            cuts.add(a)
            cuts.add(b)
    if not found:
        return [(start, end, ())]
    points = sorted(cuts)
    out = []
    for a, b in pairwise(points):
        active = tuple(name for name, s, e in found if s <= a and b <= e)
        out.append((a, b, active))
    return out


@dataclass
class ArticleMarks:
    """The static layers of one analysed article and each actor's mentions."""

    layers: dict[str, Layer] = field(default_factory=dict)
    mentions: dict[str, list[Span]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, article: Article, analysis: Analysis | None) -> ArticleMarks:
        if analysis is None:
            return cls()
        actors = analysis.find(ActorsResult)
        quotes = analysis.find(QuotesResult)
        threat = analysis.find(Threat)
        mentions = {a.id: sorted(a.mentions) for a in (actors.actors if actors else ())}
        actor_spans = [(m.start, m.end) for spans in mentions.values() for m in spans]
        quote_spans = [
            (p.start, p.end) for q in (quotes.quotes if quotes else ()) for p in q.content
        ]
        evidence_spans = [(e.span.start, e.span.end) for e in (threat.evidence if threat else ())]
        layers = {
            "actor": Layer(actor_spans),
            "quote": Layer(quote_spans),
            "evidence": Layer(evidence_spans),
        }
        counts = {
            "actor": len(actor_spans),
            "quote": len(quote_spans),
            "evidence": len(evidence_spans),
        }
        return cls(layers, mentions, counts)
