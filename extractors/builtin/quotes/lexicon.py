"""The reporting-cue lexicon (cues.yaml), loaded once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    as_frame: frozenset[str]
    modal: frozenset[str]
    object_extensions: dict[str, frozenset[str]]
    prepositional: dict[str, frozenset[str]]
    adjectives: frozenset[str]
    feeling_preps: frozenset[str]
    seeming: frozenset[str]
    impersonal: frozenset[str]
    phrases: tuple[Phrase, ...]
    phrase_starts: frozenset[str]
    particles: dict[str, frozenset[str]]
    needs_frame: frozenset[str]
    nouns: frozenset[str]
    intention_nouns: frozenset[str]
    light_verbs: frozenset[str]
    stance_nouns: frozenset[str]
    stance_preps: frozenset[str]
    verbs: frozenset[str]  # every verb lemma above, for `lemma()`

    def lemma(self, tok: Token) -> str:
        """The token's lemma, mended where the small model drops a stem's final "e"
        ("rated" -> "rat", "hoped" -> "hop") and the mended word is a cue verb."""
        lemma: str = tok.lemma_.lower()
        if (
            lemma not in self.verbs
            and lemma + "e" in self.verbs
            and tok.lower_.endswith(("ed", "es", "ing"))
        ):
            return lemma + "e"
        return lemma

    def is_verb_cue(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.directive
            or lemma in self.intention
            or lemma in self.naming
            or lemma in self.as_frame
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
    verb_groups = ("speech", "belief", "directive", "intention", "object", "naming", "as_frame")
    verbs = frozenset().union(*(_words(data, k) for k in verb_groups))
    return Lexicon(
        verbs=verbs | frozenset(_frames(data, "prepositional")),
        speech=_words(data, "speech"),
        belief=_words(data, "belief"),
        directive=_words(data, "directive"),
        intention=_words(data, "intention"),
        object=_words(data, "object"),
        naming=_words(data, "naming"),
        as_frame=_words(data, "as_frame"),
        modal=_words(data, "modal_passives"),
        object_extensions=_frames(data, "object_extensions"),
        prepositional=_frames(data, "prepositional"),
        adjectives=_words(data, "adjectives"),
        feeling_preps=_words(data, "feeling_preps"),
        seeming=_words(data, "seeming"),
        impersonal=_words(data, "impersonal"),
        phrases=phrases,
        phrase_starts=frozenset(p.words[0] for p in phrases),
        particles=_frames(data, "particles"),
        needs_frame=_words(data, "needs_frame"),
        nouns=_words(data, "nouns"),
        intention_nouns=_words(data, "intention_nouns"),
        light_verbs=_words(data, "light_verbs"),
        stance_nouns=_words(data, "stance_nouns"),
        stance_preps=_words(data, "stance_preps"),
    )


@functools.cache
def default_lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath("cues.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))
