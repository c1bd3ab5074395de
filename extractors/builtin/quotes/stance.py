"""Views held by nobody in particular: "the plan seems too risky", "it is unclear whether".

A verb of seeming reports how something strikes an unnamed observer: its subject and the
complement that says how it seems are the content, and the source is the one it seems so
to ("seemed unfair to the judges") or nobody. An adjective of evidence with "it" as a dummy
subject ("it is clear that ...", "nor is it obvious whether ...") reports its clause with
no source at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.clauses import trim_in_paragraph
from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.pruning import clause_ranges

if TYPE_CHECKING:
    from spacy.tokens import Token

COMPLEMENTS = ("xcomp", "oprd", "acomp", "attr", "ccomp")


def _never(_: Token) -> bool:
    return False


def _seeming(ctx: Context, verb: Token) -> tuple[list[Range], Token | None] | None:
    """ "X seems to Y" / "X seems ADJ" / "it seems that Y": content and experiencer."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    comps = [c for c in verb.children if c.dep_ in COMPLEMENTS and c.i > verb.i]
    if subject is None or not comps or subject.i > verb.i:
        return None
    pieces: list[Range] = []
    if subject.lower_ != "it" or comps[0].dep_ != "ccomp":
        pieces += clause_ranges(ctx, subject, _never, nominal=True)
    for c in comps:
        pieces += clause_ranges(ctx, c, _never)
    seer: Token | None = None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            seer = next((g for g in c.children if g.dep_ == "pobj"), None)
    return pieces, seer


def _impersonal(ctx: Context, adj: Token) -> list[Range] | None:
    """ "it is clear that ...": the clause hangs on the copula, "it" is its dummy subject."""
    be = adj.head
    if adj.dep_ != "acomp" or be.lemma_ != "be":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return None
    for c in be.children:
        if c.dep_ == "ccomp" and c.i > adj.i:
            marks = [m for m in c.children if m.dep_ == "mark"]
            if marks and marks[0].lower_ in ("that", "whether", "if"):
                return clause_ranges(ctx, c, _never)
    return None


def attach_stances(ctx: Context, used: set[int]) -> list[Draft]:
    lex = ctx.lexicon
    drafts: list[Draft] = []
    for tok in ctx.tokens:
        if tok.i in used or ctx.in_quote(tok):
            continue
        seer: Token | None = None
        content: list[Range] | None = None
        if tok.pos_ == "VERB" and lex.lemma(tok) in lex.seeming:
            found = _seeming(ctx, tok)
            if found is not None:
                content, seer = found
        elif tok.pos_ == "ADJ" and tok.lower_ in lex.impersonal:
            content = _impersonal(ctx, tok)
        if not content:
            continue
        content = trim_in_paragraph(ctx, tok, content)
        if not content:
            continue
        drafts.append(
            Draft(
                content=content,
                kind="indirect",
                cue=(tok.idx, tok.idx + len(tok)),
                cue_token=tok.i,
                speaker_token=seer.i if seer is not None else None,
                how="stance",
            )
        )
    return drafts
