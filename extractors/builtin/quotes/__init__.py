"""The built-in `quotes` extractor: who said (or wrote, or believes) what.

Passes, most trusted first, over one shared `Context` of the article (its quoted regions,
paragraphs and the cue lexicon in `cues.yaml`):

1. `transcript`: "GUEST: ..." labels, and a "Poll: ..." headline;
2. `direct`: quoted passages with a cue beside them (`"...," Blinken said`, `said Maas:
   "..."`, `"..." ― Name`), split quotes joined into one attribution;
3. `nested`: parentheticals (", he said,") and relayed statements ("Biden, said Blinken,
   had told Putin that ..." -> speaker Biden, `nested_speaker` Blinken);
4. `according`: "according to X" and similar phrases;
5. `clauses`: reporting verbs, adjectives and statement nouns with their dependents in
   the parse (indirect and mixed), trimmed by `pruning`;
6. `continuation`: quoted sentences that continue a statement in their paragraph, and
   quoted paragraphs with no cue, which keep the last speaker.

Each pass produces `Draft`s; `assemble` sets kinds from the quotation marks and drops
duplicates; `speakers` names each speaker: the local mention ("he", "who") stays
`speaker_span`, and `speaker` is the actor it belongs to when the actors extractor ran (else
the mention's own text, a pronoun falling back to the person named before it). Quote dates
come from the timeline's date resolver (`Quote.date`, `Quote.date_text`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sitroom.extractors.builtin.quotes.according import attach_phrases
from sitroom.extractors.builtin.quotes.assemble import classify, dedupe
from sitroom.extractors.builtin.quotes.clauses import attach_clauses
from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.continuation import attach_continuations, attach_followers
from sitroom.extractors.builtin.quotes.direct import attach_direct
from sitroom.extractors.builtin.quotes.lexicon import Lexicon, default_lexicon
from sitroom.extractors.builtin.quotes.nested import attach_parentheticals
from sitroom.extractors.builtin.quotes.speakers import Speaker, person_antecedent, resolve
from sitroom.extractors.builtin.quotes.transcript import attach_transcript
from sitroom.extractors.builtin.timeline.anchors import date_statements
from sitroom.extractors.builtin.timeline.dates import warm_up
from sitroom.extractors.model import ActorsResult, Quote, QuotesResult, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.builtin.quotes.draft import Draft
    from sitroom.extractors.model import Article, Results

__all__ = ["QuotesExtractor"]


class QuotesExtractor:
    """Direct, mixed and indirect attributions with their speakers and cues."""

    name = "quotes"
    version = "1"
    produces = QuotesResult
    requires: tuple[str, ...] = ("actors",)

    @dataclass(frozen=True)
    class Options:
        #: Report indirect speech and belief ("X said that ...") as well as quotations.
        indirect: bool = True
        #: Give quoted paragraphs without a cue to the previous paragraph's speaker.
        continuation: bool = True
        #: Date each quote from a date expression on its cue ("told reporters Friday").
        dates: bool = True

    def __init__(self, options: QuotesExtractor.Options | None = None) -> None:
        self.options = options or self.Options()

    def load(self) -> None:
        """Read the cue lexicon and warm up the date resolver, before the first article."""
        default_lexicon()
        if self.options.dates:
            warm_up()

    @property
    def lexicon(self) -> Lexicon:
        return default_lexicon()

    def run(self, doc: Doc, article: Article, results: Results | Any) -> QuotesResult:
        actors = results.find(ActorsResult) if hasattr(results, "find") else None
        quotes = self.extract(doc, actors)
        if self.options.dates:
            quotes = _dated(doc, article.published, quotes)
        return QuotesResult(tuple(quotes))

    def extract(self, doc: Doc, actors: ActorsResult | None = None) -> list[Quote]:
        return _to_quotes(doc, self.drafts(doc), actors)

    def drafts(self, doc: Doc) -> list[Draft]:
        """The attributions before speakers are named, each with the rule that found it."""
        ctx = Context.build(doc, self.lexicon)
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
        if self.options.indirect:
            drafts += attach_clauses(ctx, used)
        for draft in drafts:
            classify(ctx, draft)
        if self.options.continuation:
            claimed = {k for d in drafts for k in d.regions}
            attach_followers(ctx, drafts, claimed)
            drafts += attach_continuations(ctx, drafts, claimed)
        return dedupe(drafts)


def _to_quotes(doc: Doc, drafts: list[Draft], actors: ActorsResult | None) -> list[Quote]:
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


def _dated(doc: Doc, published: dt.date | None, quotes: list[Quote]) -> list[Quote]:
    """Quotes with the date of their statement, resolved as the timeline resolves it."""
    found = date_statements(doc, published, [(q.cue, q.content) for q in quotes])
    return [
        replace(q, date=m.date, date_text=m.text) if m is not None else q
        for q, m in zip(quotes, found, strict=True)
    ]


def _speaker(doc: Doc, token: int | None, actors: ActorsResult | None) -> Speaker | None:
    return resolve(doc, doc[token], actors) if token is not None else None
