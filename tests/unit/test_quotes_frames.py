"""Attributions beyond verbs of saying, on sentences written for these tests.

News reports attribute statements, beliefs and intentions in many shapes: a noun that
carries a statement ("her claim that ..."), a passive that hides who holds the view
("is expected to ..."), a verb of seeming, a verb that casts something as something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes import QuotesExtractor
from sitroom.extractors.model import Article, Quote, Results

if TYPE_CHECKING:
    from spacy.language import Language


def extract(nlp: Language, text: str) -> list[Quote]:
    return list(QuotesExtractor().run(nlp(text), Article(text=text), Results()).quotes)


def by_cue(nlp: Language, text: str) -> dict[str, tuple[list[str], str | None]]:
    """cue text -> (content pieces, local speaker mention)."""
    out: dict[str, tuple[list[str], str | None]] = {}
    for q in extract(nlp, text):
        assert q.cue is not None
        speaker = q.speaker_span.text(text) if q.speaker_span else None
        out[q.cue.text(text)] = ([s.text(text) for s in q.content], speaker)
    return out


# --- nouns ---------------------------------------------------------------------------


def test_statement_noun_with_that_clause_is_attributed_to_its_possessor(nlp: Language) -> None:
    text = "Her claim that the dam was safe drew scorn from engineers."
    assert by_cue(nlp, text)["claim"] == (["that the dam was safe"], "Her")


def test_statement_noun_takes_its_source_from_a_from_phrase(nlp: Language) -> None:
    text = "Repeated warnings from the inspector that the dam was weak went unheeded."
    assert by_cue(nlp, text)["warnings"] == (["that the dam was weak"], "the inspector")


def test_commitment_noun_with_infinitive_is_an_attribution(nlp: Language) -> None:
    text = "The union's threat to strike in May worried the airline."
    assert by_cue(nlp, text)["threat"] == (["to strike in May"], "The union")


def test_relative_clause_on_a_statement_noun_is_not_its_content(nlp: Language) -> None:
    assert extract(nlp, "The claim that he made on Monday was false.") == []


def test_plans_describe_actions_not_statements(nlp: Language) -> None:
    assert extract(nlp, "Their plan to visit Rome fell through.") == []
