"""Extractors for the dashboard tests: a threat extractor that always fails."""

from __future__ import annotations

from typing import Any

from sitroom.extractors.model import Threat


class BrokenThreat:
    """Claims to produce the threat level, then raises: its pane must show why."""

    name = "threat"
    version = "1"
    produces = Threat

    def run(self, doc: Any, article: Any, results: Any) -> Threat:
        raise RuntimeError("lexicon exploded on purpose")
