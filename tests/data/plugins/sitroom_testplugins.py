"""Small extractors for tests: a working one, and one for each way a plugin can fail."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sitroom.extractors.model import Actor, ActorsResult, Span


class EntityActors:
    """Named entities as actors, straight from spaCy's NER (a working third-party plugin)."""

    name = "entity_actors"
    version = "1"
    produces = ActorsResult

    @dataclass(frozen=True)
    class Options:
        labels: tuple[str, ...] = ("PERSON", "GPE", "ORG", "NORP")
        min_mentions: int = 1

    def __init__(self, options: EntityActors.Options) -> None:
        self.options = options

    def run(self, doc: Any, article: Any, results: Any) -> ActorsResult:
        found: dict[str, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ in self.options.labels:
                found.setdefault(ent.text, []).append(Span(ent.start_char, ent.end_char))
        actors = [
            Actor(id=name.lower().replace(" ", "-"), name=name, kind="group", mentions=tuple(spans))
            for name, spans in found.items()
            if len(spans) >= self.options.min_mentions
        ]
        return ActorsResult(tuple(actors))


class CountTokens:
    """A minimal plugin: a name and a run method, nothing else."""

    name = "count_tokens"

    def run(self, doc: Any, article: Any, results: Any) -> dict[str, int]:
        return {
            "tokens": len(doc),
            "actors_seen": len(results.get("entity_actors", ActorsResult()).actors),
        }


class Raises:
    name = "raises"

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        raise RuntimeError("plugin blew up on purpose")


class WrongType:
    name = "wrong_type"

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        return object()


class Hangs:
    name = "hangs"
    timeout = 0.5

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        time.sleep(5)
        return {"late": True}


class NeedsRaises:
    name = "needs_raises"
    requires = ("raises",)

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        return {"ok": True}


class NeedsCount:
    name = "needs_count"
    requires = ("count_tokens",)

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        return {"tokens_again": results["count_tokens"]["tokens"]}


class BrokenConstructor:
    name = "broken_constructor"

    def __init__(self) -> None:
        raise ValueError("cannot start")

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        return {}


NotAClass = 42


class Slow:
    """Finishes, but takes long enough (against its short timeout) to be reported."""

    name = "slow"
    timeout = 2.0

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        time.sleep(0.6)
        return {"done": True}


class NotANumber:
    """Returns a threat with a NaN score: JSON cannot carry it, so it must be refused."""

    name = "not_a_number"

    def run(self, doc: Any, article: Any, results: Any) -> Any:
        from sitroom.extractors.model import Threat

        return Threat(level=1, score=float("nan"), label="low tension")
