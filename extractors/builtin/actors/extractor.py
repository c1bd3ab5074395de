"""The `actors` extractor class: options, and the order of the steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.extractors.errors import ConfigError
from sitroom.extractors.model import ActorsResult

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.builtin.actors.gazetteer import Gazetteer
    from sitroom.extractors.model import Article, Results

# This module is the extractor's shell: importing it stays cheap (the class is imported
# whenever a config is checked, before the dashboard's first frame and for every cached
# analysis); the steps in extract.py are imported on the first run.


@dataclass(frozen=True)
class ActorsOptions:
    #: Extra gazetteer YAML files merged over the bundled one, in order ("default" is
    #: accepted and means the bundled gazetteer alone).
    gazetteer: list[Path] = field(default_factory=list)
    #: Use the bundled gazetteer (countries, IGOs, media, leaders, role words).
    bundled: bool = True
    #: Actors with fewer mentions than this (pronouns included) are left out.
    min_mentions: int = 1
    #: Count pronouns and "the minister"-style references as mentions when clear.
    references: bool = True


class ActorsExtractor:
    name = "actors"
    version = "1"
    produces = ActorsResult
    Options = ActorsOptions

    def __init__(self, options: ActorsOptions | None = None) -> None:
        self.options = options or ActorsOptions()
        if self.options.min_mentions < 1:
            raise ConfigError("actors: min_mentions must be at least 1")
        # The user's files are checked now, so a mistake in them is reported when the
        # config is read; the bundled gazetteer is built in `load`, off the start-up path
        # (a cached analysis never needs it).
        self._paths = [str(p) for p in self.options.gazetteer]
        if self._paths:
            from sitroom.extractors.builtin.actors.gazetteer import check_user_files

            check_user_files(self._paths)
        self._gazetteer: Gazetteer | None = None

    def load(self) -> None:
        """Build the gazetteer; the pipeline calls this once before the first run."""
        if self._gazetteer is None:
            from sitroom.extractors.builtin.actors.gazetteer import load

            self._gazetteer = load(self._paths, self.options.bundled)

    @property
    def gazetteer(self) -> Gazetteer:
        self.load()
        assert self._gazetteer is not None
        return self._gazetteer

    def run(self, doc: Doc, article: Article, results: Results) -> ActorsResult:
        from sitroom.extractors.builtin.actors.extract import extract

        return extract(doc, article, self.gazetteer, self.options)
