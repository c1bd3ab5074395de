"""The reporting-cue lexicon (cues.yaml), loaded once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    source_after: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    directive: frozenset[str]
    intention: frozenset[str]
    object: frozenset[str]
    naming: frozenset[str]
    object_extensions: dict[str, frozenset[str]]
    prepositional: dict[str, frozenset[str]]
    adjectives: frozenset[str]
    phrases: tuple[Phrase, ...]
    particles: dict[str, frozenset[str]]
    needs_frame: frozenset[str]
    nouns: frozenset[str]
    intention_nouns: frozenset[str]

    def is_verb_cue(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.directive
            or lemma in self.intention
            or lemma in self.naming
        )

    def extensions(self, lemma: str) -> frozenset[str]:
        ext = self.object_extensions
        return ext.get(lemma, frozenset()) | ext.get("default", frozenset())

    def takes_clause(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.belief


def _word(value: object, key: str) -> str:
    # YAML 1.1 reads a bare `on`, `off`, `yes` or `no` as a boolean: quote such words.
    if not isinstance(value, str):
        raise ValueError(f"cue lexicon: {key}: {value!r} is not a word (quote it in YAML)")
    return value.lower()


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(_word(w, key) for w in data.get(key) or ())


def _frames(data: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    raw = data.get(key) or {}
    return {_word(k, key): frozenset(_word(v, key) for v in vs) for k, vs in raw.items()}


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    phrases = tuple(
        Phrase(tuple(_word(w, "phrases") for w in p["words"]), bool(p.get("source_after", True)))
        for p in data.get("phrases") or ()
    )
    return Lexicon(
        speech=_words(data, "speech"),
        belief=_words(data, "belief"),
        directive=_words(data, "directive"),
        intention=_words(data, "intention"),
        object=_words(data, "object"),
        naming=_words(data, "naming"),
        object_extensions=_frames(data, "object_extensions"),
        prepositional=_frames(data, "prepositional"),
        adjectives=_words(data, "adjectives"),
        phrases=phrases,
        particles=_frames(data, "particles"),
        needs_frame=_words(data, "needs_frame"),
        nouns=_words(data, "nouns"),
        intention_nouns=_words(data, "intention_nouns"),
    )


@functools.cache
def default_lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath("cues.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))
