"""What one analysis contributes to the cross-article tables of the store.

The store keeps, next to each encoded analysis, a few flat rows per article (its actors
with mention counts, its speakers with quote counts, its threat level) so that questions
about a whole corpus are answered by SQL over indexed tables, without decoding thousands
of analyses. This module turns an `Analysis` into those rows; `cache.py` writes them in the
same transaction as the analysis itself, so the two never disagree.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass

from sitroom.extractors.model import ActorsResult, Analysis, QuotesResult, Threat

#: Prefix of the speaker key of a quote whose speaker is not a known actor. Actor ids are
#: slugs and never start with it, so an unlinked "Blinken" cannot collide with an actor id.
UNLINKED = "="

#: Speakers that name nobody in particular once they leave their article: a pronoun the
#: quotes extractor could not resolve, or a bare quantifier ("some", "many"). "They" in one
#: article and "they" in another are different people, so the cross-article speaker tables
#: leave these out (the article's own quotes keep them).
VAGUE_SPEAKERS = frozenset(
    """
    i me we us you he him she her it they them one someone somebody anyone anybody
    everyone everybody nobody this that these those some many most few several
    others all both each either neither
    """.split()  # noqa: SIM905 - a word list reads better as words
)


@dataclass(frozen=True, slots=True)
class ActorRow:
    actor_id: str
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    speaker: str  # the actor id, or UNLINKED + the folded name
    speaker_id: str | None
    name: str
    quotes: int


@dataclass(frozen=True, slots=True)
class ThreatRow:
    level: int
    score: float


@dataclass(frozen=True, slots=True)
class ArticleRows:
    actors: tuple[ActorRow, ...] = ()
    speakers: tuple[SpeakerRow, ...] = ()
    threat: ThreatRow | None = None


def speaker_key(speaker_id: str | None, name: str) -> str:
    """Quotes by the same actor are grouped by its id; unlinked speakers by their name."""
    if speaker_id:
        return speaker_id
    return UNLINKED + " ".join(name.split()).casefold()


def article_rows(analysis: Analysis) -> ArticleRows:
    """The rows of one article; results of an unexpected shape are left out, not fatal.

    The results come from plugins as well as from the built-ins, so each table is built on
    its own: one odd result costs its own rows only, never the stored analysis.
    """
    actors: tuple[ActorRow, ...] = ()
    speakers: tuple[SpeakerRow, ...] = ()
    threat: ThreatRow | None = None
    # plugin data of an unexpected shape costs its own table's rows only
    with contextlib.suppress(Exception):
        actors = _actors(analysis.find(ActorsResult))
    with contextlib.suppress(Exception):
        speakers = _speakers(analysis.find(QuotesResult))
    with contextlib.suppress(Exception):
        threat = _threat(analysis.find(Threat))
    return ArticleRows(actors, speakers, threat)


def _actors(result: ActorsResult | None) -> tuple[ActorRow, ...]:
    if result is None:
        return ()
    # one row per id: a plugin may list the same id twice; its mentions add up
    by_id: dict[str, ActorRow] = {}
    for actor in result.actors:
        actor_id = str(actor.id)
        if not actor_id:
            continue
        seen = by_id.get(actor_id)
        count = len(actor.mentions) + (seen.mentions if seen else 0)
        first = seen or actor
        by_id[actor_id] = ActorRow(actor_id, str(first.name), str(first.kind), count)
    return tuple(by_id.values())


def _speakers(result: QuotesResult | None) -> tuple[SpeakerRow, ...]:
    if result is None:
        return ()
    by_key: dict[str, SpeakerRow] = {}
    for quote in result.quotes:
        if not quote.speaker and not quote.speaker_id:
            continue  # unattributed
        speaker_id = str(quote.speaker_id) if quote.speaker_id else None
        name = str(quote.speaker or quote.speaker_id)
        key = speaker_key(speaker_id, name)
        seen = by_key.get(key)
        if seen is None:
            by_key[key] = SpeakerRow(key, speaker_id, name, 1)
        else:
            by_key[key] = SpeakerRow(key, seen.speaker_id, seen.name, seen.quotes + 1)
    return tuple(by_key.values())


def _threat(result: Threat | None) -> ThreatRow | None:
    if result is None:
        return None
    level, score = int(result.level), float(result.score)
    if not math.isfinite(score):
        raise ValueError(f"score is {score}")
    return ThreatRow(level, score)
