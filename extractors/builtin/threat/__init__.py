"""The built-in `threat` extractor: events from the dependency parse, read with their
modality, weighed with CAMEO/Goldstein, combined into the dashboard's 0-4 level."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.extractors.model import ActorsResult, QuotesResult, Threat

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitroom.extractors.builtin.threat.lexicon import Lexicon
    from sitroom.extractors.model import Article, Results

# This module is only the extractor's shell: importing it must stay cheap, because the
# class is imported whenever a config is checked (before the dashboard's first frame, and
# for every cached analysis). The event, modality and lexicon modules load on first use.

__all__ = ["ThreatExtractor", "score_sentence"]


def score_sentence(sent: Span, lexicon: Lexicon, ref_year: int | None = None) -> float:
    """The threat score of one sentence (see `scoring.score_sentence`)."""
    from sitroom.extractors.builtin.threat import scoring

    return scoring.score_sentence(sent, lexicon, ref_year)


class ThreatExtractor:
    name = "threat"
    version = "3"
    produces = Threat

    @dataclass(frozen=True)
    class Options:
        #: extra lexicon YAML files merged over the bundled one, in order
        lexicon: list[Path] = field(default_factory=list)

    def __init__(self, options: ThreatExtractor.Options | None = None) -> None:
        self.options = options or ThreatExtractor.Options()
        # Only the user's own files are read now, so that a mistake in them stops the
        # config at start-up; the large bundled lexicon is built in `load`, off the start-up
        # path (a cached analysis never needs it).
        if self.options.lexicon:
            from sitroom.extractors.builtin.threat.lexicon import check_user_files

            check_user_files(self.options.lexicon)
        self._lexicon: Lexicon | None = None

    def load(self) -> None:
        """Build the lexicon (bundled and user files); the pipeline calls this before the
        first run, and before forking worker processes so they share it."""
        if self._lexicon is None:
            from sitroom.extractors.builtin.threat.lexicon import load_lexicon

            self._lexicon = load_lexicon(self.options.lexicon)

    @property
    def lexicon(self) -> Lexicon:
        self.load()
        assert self._lexicon is not None
        return self._lexicon

    def score_sentence(self, sent: Span, ref_year: int | None = None) -> float:
        from sitroom.extractors.builtin.threat.scoring import score_sentence

        return score_sentence(sent, self.lexicon, ref_year)

    def run(self, doc: Doc, article: Article, results: Results) -> Threat:
        from sitroom.extractors.builtin.threat.scoring import article_threat

        return article_threat(
            doc,
            article,
            self.lexicon,
            quotes=results.find(QuotesResult),
            actors=results.find(ActorsResult),
        )
