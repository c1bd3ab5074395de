"""The quotes extractor fed by the real actors extractor, on the seed article."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.actors import ActorsExtractor
from sitroom.extractors.builtin.quotes import QuotesExtractor
from sitroom.extractors.model import ActorsResult, Article, Quote, Results

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def linked(nlp: Language, seed_text: str) -> tuple[ActorsResult, list[Quote]]:
    doc = nlp(seed_text)
    article = Article(text=seed_text)
    results = Results()
    actors = ActorsExtractor().run(doc, article, results)
    results._set("actors", actors)
    return actors, list(QuotesExtractor().run(doc, article, results).quotes)


def quote_with(text: str, quotes: list[Quote], words: str) -> Quote:
    (hit,) = [q for q in quotes if any(words in s.text(text) for s in q.content)]
    return hit


@pytest.mark.parametrize(
    ("words", "surname"),
    [
        ("We don’t know President Putin’s intent", "Blinken"),
        ("actions have have consequences", "Blinken"),  # "he went on"
        ("I don’t think that’s good", "Blinken"),  # the cue-less paragraph
        ("pay a high price", "Maas"),
        ("unmistakable message", "Maas"),
        ("arrangements have been made", "Ushakov"),
        ("it was pondering an attack", "Kosachev"),
        ("We don’t have any plans to attack Ukraine", "Kosachev"),
        ("the US wanted a", "Biden"),
    ],
)
def test_seed_speakers_are_the_actors_canonical_names(
    seed_text: str, linked: tuple[ActorsResult, list[Quote]], words: str, surname: str
) -> None:
    actors, quotes = linked
    q = quote_with(seed_text, quotes, words)
    assert q.speaker is not None and surname in q.speaker
    assert q.speaker_id is not None
    actor = actors.by_id(q.speaker_id)
    assert actor is not None and actor.name == q.speaker


def test_seed_pronoun_keeps_its_local_span_while_naming_the_actor(
    seed_text: str, linked: tuple[ActorsResult, list[Quote]]
) -> None:
    _, quotes = linked
    q = quote_with(seed_text, quotes, "actions have have consequences")
    assert q.speaker_span is not None and q.speaker_span.text(seed_text) == "he"


def test_seed_relayed_statement_names_both_actors(
    seed_text: str, linked: tuple[ActorsResult, list[Quote]]
) -> None:
    _, quotes = linked
    q = quote_with(seed_text, quotes, "the US wanted a")
    assert q.speaker is not None and "Biden" in q.speaker
    assert q.nested_speaker is not None and "Blinken" in q.nested_speaker


def test_seed_unlinked_speakers_keep_their_own_words(
    seed_text: str, linked: tuple[ActorsResult, list[Quote]]
) -> None:
    _, quotes = linked
    official = next(q for q in quotes if q.cue is not None and q.cue.text(seed_text) == "confirmed")
    assert official.speaker == "A Biden administration official"
    report = quote_with(seed_text, quotes, "The plans involve")
    assert report.speaker == "the U.S. report"
