"""Statements and intentions carried by a noun: "his claim that ...", "her plan to ...".

A statement noun with a that-clause ("the warning that the dam was weak") or an intention
noun with a to-infinitive ("the union's refusal to negotiate") attributes that clause to
somebody wherever the noun stands: as a subject, after a preposition, in a headline. The
source is the noun's possessor ("his", "the union's"), else the one it came from ("a
warning from the engineer that ..."), else, when the noun is the object of a verb ("voiced
hope that ..."), that verb's subject. With none of these it is reported with no source
("There are growing fears that ..."), as the annotation scheme does.

A noun that is the object of a reporting verb is left to the verb ("reaffirmed the denial
that ..." is the speaker of "reaffirmed"): the clause pass runs first and wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.clauses import trim_in_paragraph
from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.pruning import clause_ranges
from sitroom.extractors.builtin.quotes.syntax import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

SOURCE_PREPS = frozenset(("from", "by"))


def _that_clause(noun: Token) -> Token | None:
    """A complement clause ("the claim that ..."), not a relative one ("the claim that he
    made"): its "that" is a conjunction (mark), not the clause's subject or object."""
    for c in noun.children:
        if (
            c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ):
            return c
    return None


def _infinitive(noun: Token) -> Token | None:
    for c in noun.children:
        if (
            c.dep_ == "acl"
            and c.i > noun.i
            and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)
        ):
            return c
    return None


def _source(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS and c.i > noun.i:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON"):
                    return g
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    return None


def attach_nouns(ctx: Context) -> list[Draft]:
    lex = ctx.lexicon
    is_cue = lambda t: False  # noqa: E731 - nested statements are the clause pass's business
    drafts: list[Draft] = []
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or ctx.in_quote(tok):
            continue
        lemma = tok.lemma_.lower()
        root: Token | None = None
        if lemma in lex.nouns:
            root = _that_clause(tok)
        if root is None and lemma in lex.intention_nouns:
            root = _infinitive(tok)
        if root is None:
            continue
        content: list[Range] = trim_in_paragraph(ctx, tok, clause_ranges(ctx, root, is_cue))
        if not content:
            continue
        source = _source(tok)
        drafts.append(
            Draft(
                content=content,
                kind="indirect",
                cue=(tok.idx, tok.idx + len(tok)),
                cue_token=tok.i,
                speaker_token=source.i if source is not None else None,
                how="noun",
            )
        )
    return drafts
