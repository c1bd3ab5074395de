"""Views reported in the passive: "the dam is expected to hold", "it was labeled a hoax".

A passive of a verb of believing, saying or casting attributes a view of its subject
without saying whose it is: the content is the subject with what is said of it (the
infinitive, the label, the "as" phrase), and the source is the agent ("by most analysts")
when there is one, else nobody. A verb whose object alone is the content ("the plan was
rejected") has the subject alone as content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.pruning import clause_ranges

if TYPE_CHECKING:
    from spacy.tokens import Token


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(
        a.dep_ == "aux" and a.lower_ == "to" and a.i < tok.i for a in tok.children
    )


def as_phrase(prep: Token) -> bool:
    """ "as false", "as a crime"; not "as well as"."""
    doc = prep.doc
    near = doc[max(prep.i - 1, 0) : prep.i + 2]
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(True for _ in prep.children)
        and not any(t.lower_ == "well" for t in near)
    )


def _said_of(ctx: Context, verb: Token, is_cue: Callable[[Token], bool]) -> list[Range]:
    """What the passive says of its subject: "to hold", "a hoax", "as false", "of fraud"."""
    lex = ctx.lexicon
    lemma = ctx.lexicon.lemma(verb)
    casts = lemma in lex.as_frame or lemma in lex.naming
    preps = lex.prepositional.get(lemma, frozenset())
    directs = lemma in lex.directive
    pieces: list[Range] = []
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "xcomp" and _infinitive(c) and (casts or lex.takes_clause(lemma) or directs):
            # "is expected to hold", "was urged to resign"
            pieces += clause_ranges(ctx, c, is_cue)
        elif (c.dep_ in ("oprd", "xcomp", "acomp") and casts) or (
            as_phrase(c) and (casts or lemma in lex.object)
        ):
            pieces += clause_ranges(ctx, c, is_cue, nominal=True)
        elif c.dep_ == "prep" and c.lower_ in preps:
            # "was accused of fraud": the preposition belongs to the cue.
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    pieces += clause_ranges(ctx, g, is_cue, nominal=True)
    return pieces


def _reported(ctx: Context, verb: Token, lemma: str) -> bool:
    """A bare passive reports its subject when somebody is named ("was first reported by
    the paper") or the verb is one of saying ("the diagnosis was confirmed"); "the plan was
    defended" or "unless it is sold" says nothing of what anyone said."""
    return any(c.dep_ == "agent" for c in verb.children) or lemma in ctx.lexicon.speech


def passive_content(
    ctx: Context, verb: Token, is_cue: Callable[[Token], bool]
) -> list[Range] | None:
    """Content pieces of a passive cue, its subject first; None when it reports nothing."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.i > verb.i or ctx.lexicon.lemma(verb) in ctx.lexicon.modal:
        return None
    said = _said_of(ctx, verb, is_cue)
    lemma = ctx.lexicon.lemma(verb)
    if not said and not (lemma in ctx.lexicon.object and _reported(ctx, verb, lemma)):
        return None
    return clause_ranges(ctx, subject, is_cue, nominal=True) + said
