"""What the quote tests share: run the quotes extractor on a text, and read its quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes import QuotesExtractor
from sitroom.extractors.model import ActorsResult, Article, Quote, Results

if TYPE_CHECKING:
    from spacy.language import Language


def extract(nlp: Language, text: str, actors: ActorsResult | None = None) -> list[Quote]:
    """The quotes of `text`, with an actors result for speaker names when given."""
    results = Results({"actors": actors} if actors is not None else {})
    return list(QuotesExtractor().run(nlp(text), Article(text=text), results).quotes)


def by_cue(nlp: Language, text: str) -> dict[str, tuple[list[str], str | None]]:
    """cue text -> (content pieces, local speaker mention)."""
    out: dict[str, tuple[list[str], str | None]] = {}
    for q in extract(nlp, text):
        assert q.cue is not None
        speaker = q.speaker_span.text(text) if q.speaker_span else None
        out[q.cue.text(text)] = ([s.text(text) for s in q.content], speaker)
    return out
