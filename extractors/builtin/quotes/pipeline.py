"""The passes of the quotes extractor in order, and the quotes they make.

Imported on the first run (or by `load()`), never when the extractor class is built: see
`extractor.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.according import attach_in_sources, attach_phrases
from sitroom.extractors.builtin.quotes.assemble import classify, dedupe
from sitroom.extractors.builtin.quotes.clauses import attach_clauses, is_clause_cue
from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.continuation import attach_continuations, attach_followers
from sitroom.extractors.builtin.quotes.direct import attach_direct
from sitroom.extractors.builtin.quotes.lexicon import default_lexicon
from sitroom.extractors.builtin.quotes.nested import attach_parentheticals
from sitroom.extractors.builtin.quotes.nouns import attach_nouns
from sitroom.extractors.builtin.quotes.speakers import Speaker, person_antecedent, resolve
from sitroom.extractors.builtin.quotes.stance import attach_stances
from sitroom.extractors.builtin.quotes.transcript import attach_transcript
from sitroom.extractors.builtin.timeline.anchors import date_statements
from sitroom.extractors.builtin.timeline.dates import warm_up as warm_up_dates
from sitroom.extractors.model import ActorsResult, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.builtin.quotes.draft import Draft


def warm_up(dates: bool) -> None:
    """Read the cue lexicon, and run the date resolver once when quotes are dated."""
    default_lexicon()
    if dates:
        warm_up_dates()


def find_drafts(doc: Doc, indirect: bool = True, continuation: bool = True) -> list[Draft]:
    """The attributions before speakers are named, each with the rule that found it."""
    ctx = Context.build(doc, default_lexicon())
    drafts = attach_transcript(ctx)
    claimed = {k for d in drafts for k in d.regions}
    drafts += attach_direct(ctx, claimed)
    used = {d.cue_token for d in drafts if d.cue_token is not None}
    nested, taken = attach_parentheticals(ctx, used)
    drafts += nested
    used |= taken
    phrases = attach_phrases(ctx)
    drafts += phrases
    used |= {d.cue_token for d in phrases if d.cue_token is not None}
    if indirect:
        drafts += attach_in_sources(ctx, lambda t: is_clause_cue(ctx, t))
        drafts += attach_clauses(ctx, used)
        drafts += attach_nouns(ctx)
        drafts += attach_stances(ctx, used)
    for draft in drafts:
        classify(ctx, draft)
    if continuation:
        claimed = {k for d in drafts for k in d.regions}
        attach_followers(ctx, drafts, claimed)
        drafts += attach_continuations(ctx, drafts, claimed)
    return dedupe(drafts)


def to_quotes(doc: Doc, drafts: list[Draft], actors: ActorsResult | None) -> list[Quote]:
    quotes: list[Quote] = []
    for order, d in enumerate(drafts):
        speaker = _speaker(doc, d.speaker_token, actors)
        if speaker is not None and speaker.actor_id is None and d.speaker_token is not None:
            antecedent = person_antecedent(doc, doc[d.speaker_token])
            if antecedent is not None:
                named = resolve(doc, antecedent, actors)
                speaker = Speaker(named.name, named.actor_id, speaker.span, named.actor_kind)
        nested = _speaker(doc, d.nested_token, actors)
        quotes.append(
            Quote(
                content=tuple(Span(s, e) for s, e in d.content),
                kind=d.kind,  # type: ignore[arg-type]
                speaker=speaker.name if speaker else None,
                speaker_id=speaker.actor_id if speaker else None,
                speaker_span=speaker.span if speaker else None,
                cue=Span(*d.cue) if d.cue else None,
                nested_speaker=nested.name if nested else None,
                order=order,
            )
        )
    return quotes


def dated(doc: Doc, published: dt.date | None, quotes: list[Quote]) -> list[Quote]:
    """Quotes with the date of their statement, resolved as the timeline resolves it."""
    found = date_statements(doc, published, [(q.cue, q.content) for q in quotes])
    return [
        replace(q, date=m.date, date_text=m.text) if m is not None else q
        for q, m in zip(quotes, found, strict=True)
    ]


def _speaker(doc: Doc, token: int | None, actors: ActorsResult | None) -> Speaker | None:
    return resolve(doc, doc[token], actors) if token is not None else None
