"""The built-in `threat` extractor: events from the dependency parse, read with their
modality, weighed with CAMEO/Goldstein, combined into the dashboard's 0-4 level."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat.lexicon import Lexicon, load_lexicon
from sitroom.extractors.builtin.threat.scoring import article_threat, score_sentence
from sitroom.extractors.model import ActorsResult, QuotesResult, Threat

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitroom.extractors.model import Article, Results

__all__ = ["ThreatExtractor", "score_sentence"]


class ThreatExtractor:
    name = "threat"
    version = "2"
    produces = Threat

    @dataclass(frozen=True)
    class Options:
        #: extra lexicon YAML files merged over the bundled one, in order
        lexicon: list[str] = field(default_factory=list)

    def __init__(self, options: ThreatExtractor.Options | None = None) -> None:
        self.options = options or ThreatExtractor.Options()
        self.lexicon: Lexicon = load_lexicon(self.options.lexicon)

    def score_sentence(self, sent: Span, ref_year: int | None = None) -> float:
        return score_sentence(sent, self.lexicon, ref_year)

    def run(self, doc: Doc, article: Article, results: Results) -> Threat:
        return article_threat(
            doc,
            article,
            self.lexicon,
            quotes=results.find(QuotesResult),
            actors=results.find(ActorsResult),
        )
